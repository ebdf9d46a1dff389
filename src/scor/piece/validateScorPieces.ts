/**
 * validateScorPieces: do the invoices of a lot have their pièces justificatives? A dégradé FSE
 * (mode D) whose justificatif goes by SCOR needs its feuille de soins; a prescribed invoice needs
 * its ordonnance. MODELED: which pièce each case needs is what public material says (ameli,
 * « Facturation en mode dégradé »; the SCOR service for prescribed professions), the SCOR lot
 * layout itself is restricted.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import { field, guardArray, guardBoolean, guardEnum, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import { SCOR_CODES } from '../codes';
import type { NaturePiece, ScorInvoiceRef, ScorPieceRef } from './model';
import { NATURES_PIECE } from './model';

const issue = createIssueFactory(SCOR_CODES);

/** What the check found. */
export interface ScorCoverage {
  /** N° de facture → natures of pièces still missing (empty when covered). */
  readonly missing: readonly { readonly numeroFacture: number; readonly nature: NaturePiece }[];
}

/**
 * Checks that each invoice has the pièces it needs and each pièce has its invoice.
 *
 * @param invoices - The invoices (FSE of `sesam-billing/fse` fit: `numeroFacture`, `securisation`), plus `prescrit`.
 * @param pieces - The pièces made with buildScorPiece (or their `numeroFacture` + `nature`).
 * @returns The coverage; `SCOR_PIECE_MISSING` (error) per missing pièce, `SCOR_PIECE_ORPHAN` (warning) per pièce without invoice.
 */
export function validateScorPieces(invoices: readonly ScorInvoiceRef[], pieces: readonly ScorPieceRef[]): Result<ScorCoverage> {
  const issues: Issue[] = [];
  const inv = guardArray(invoices, ['invoices'], issues);
  const pcs = guardArray(pieces, ['pieces'], issues);
  if (inv === undefined || pcs === undefined) return inputErr(issues);
  const have = new Set<string>();
  const pieceInvoices: (number | undefined)[] = [];
  pcs.forEach((p, i) => {
    const o = guardObject(p, ['pieces', i], issues);
    const n = o && guardInteger(field(o, 'numeroFacture'), ['pieces', i, 'numeroFacture'], issues, { min: 1, max: 999_999_999 });
    const nature = o && guardEnum(field(o, 'nature'), NATURES_PIECE, ['pieces', i, 'nature'], issues);
    pieceInvoices.push(n);
    if (n !== undefined && nature !== undefined) have.add(`${n}/${nature}`);
  });
  const needs: { numeroFacture: number; nature: NaturePiece; at: number }[] = [];
  const known = new Set<number>();
  inv.forEach((f, i) => {
    const o = guardObject(f, ['invoices', i], issues);
    if (o === undefined) return;
    const n = guardInteger(field(o, 'numeroFacture'), ['invoices', i, 'numeroFacture'], issues, { min: 1, max: 999_999_999 });
    const prescrit = guardBoolean(field(o, 'prescrit'), ['invoices', i, 'prescrit'], issues, { required: false });
    const s = guardObject(field(o, 'securisation'), ['invoices', i, 'securisation'], issues, { required: false });
    const mode = s && guardString(field(s, 'mode'), ['invoices', i, 'securisation', 'mode'], issues, { max: 1 });
    const j = s && guardObject(field(s, 'justificatif'), ['invoices', i, 'securisation', 'justificatif'], issues, { required: false });
    const support = j && guardString(field(j, 'support'), ['invoices', i, 'securisation', 'justificatif', 'support'], issues, { required: false, max: 16 });
    if (n === undefined) return;
    known.add(n);
    // A dégradé invoice whose duplicata goes on paper needs no SCOR pièce.
    if (mode === 'D' && support !== 'papier') needs.push({ numeroFacture: n, nature: 'feuille-soins-degradee', at: i });
    if (prescrit === true) needs.push({ numeroFacture: n, nature: 'ordonnance', at: i });
  });
  if (issues.length > 0) return inputErr(issues);
  const missing = needs.filter((w) => !have.has(`${w.numeroFacture}/${w.nature}`));
  for (const m of missing) issues.push(issue('SCOR_PIECE_MISSING', { path: ['invoices', m.at], received: `facture n° ${m.numeroFacture}`, expected: m.nature === 'ordonnance' ? 'ordonnance' : 'feuille de soins (mode dégradé)' }));
  pieceInvoices.forEach((n, i) => {
    if (n !== undefined && !known.has(n)) issues.push(issue('SCOR_PIECE_ORPHAN', { path: ['pieces', i], received: `facture n° ${n}` }));
  });
  return resultOf({ missing: missing.map(({ numeroFacture, nature }) => ({ numeroFacture, nature })) }, issues);
}
