/**
 * buildScorLot: pièces justificatives → one SCOR lot, each pièce tied to its invoice (n° de
 * facture, lot FSE, date), checked before it leaves: a PDF/A-1b structure (validatePdfA), no
 * pièce twice, the lot's limits, and — given the lot's invoices — every dégradé FSE (securing
 * mode D) and prescribed invoice with its pièce (validateScorPieces). Returns the lot and its
 * manifest (the bookkeeping of which pièce went in which lot). MODELED: see model.ts.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, resultOf } from '../../core/issues/index';
import { field, guardArray, guardBytes, guardEnum, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { SCOR_CODES } from '../codes';
import { NATURES_PIECE } from '../piece/model';
import type { ScorInvoiceRef, ScorPiece } from '../piece/model';
import { validateScorPieces } from '../piece/validateScorPieces';
import { validatePdfA } from '../validate/validatePdfA';
import type { ScorLot, ScorLotEntry, ScorLotManifest } from './model';
import { sha256Hex } from './digest';

const issue = createIssueFactory(SCOR_CODES);

/** Options of {@link buildScorLot}. */
export interface BuildScorLotOptions {
  /** N° of the SCOR lot (1 to 999). */
  readonly numeroLot: number;
  /** N° d'identification of the PS, 8 or 9 characters. */
  readonly numeroPs: string;
  /** `AAAA-MM-JJ`. */
  readonly dateCreation: string;
  /** The invoices of the FSE lot(s): each dégradé or prescribed one must have its pièce here. */
  readonly invoices?: readonly ScorInvoiceRef[];
  /** Most pièces in one lot (default 500; not an official figure: the limit is not public). */
  readonly maxPieces?: number;
  /** Most bytes of PDFs in one lot (default 50 MiB; not an official figure). */
  readonly maxBytes?: number;
}

/** Defaults of {@link BuildScorLotOptions} (parameters, not official figures). */
export const SCOR_LOT_DEFAULTS = /* @__PURE__ */ Object.freeze({ maxPieces: 500, maxBytes: 50 * 1024 * 1024 });

/** A built lot and its bookkeeping. */
export interface BuiltScorLot {
  readonly lot: ScorLot;
  readonly manifest: ScorLotManifest;
}

/**
 * Builds a SCOR lot.
 *
 * @param pieces - The pièces (from buildScorPiece): `numeroFacture`, `dateFacturation`, `numeroLot` (the FSE lot), `nature`, `pdf`, `pageCount`.
 * @param options - N° of the lot, PS, date, the invoices to cover, limits.
 * @returns The lot and its manifest, or issues: `SCOR_LOT_EMPTY`, `SCOR_LOT_TOO_LARGE`,
 *   `SCOR_LOT_DUPLICATE`, `SCOR_PDFA_*` at `pieces.i.pdf`, `SCOR_PIECE_MISSING` (a dégradé FSE
 *   without its feuille de soins), `INPUT_*`.
 * @example
 * const built = await buildScorLot([piece], { numeroLot: 1, numeroPs: '991234567', dateCreation: '2026-03-10', invoices: [fse] });
 */
export async function buildScorLot(pieces: readonly ScorPiece[], options: BuildScorLotOptions): Promise<Result<BuiltScorLot>> {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues);
  const list = guardArray(pieces, ['pieces'], issues, { max: 100_000 });
  if (o === undefined || list === undefined) return inputErr(issues);
  const numeroLot = guardInteger(field(o, 'numeroLot'), ['options', 'numeroLot'], issues, { min: 1, max: 999 });
  const numeroPs = guardString(field(o, 'numeroPs'), ['options', 'numeroPs'], issues, { pattern: /^[0-9A-Za-z]{8,9}$/, expected: 'n° PS de 8 ou 9 caractères' });
  const dateCreation = guardPlainDate(field(o, 'dateCreation'), ['options', 'dateCreation'], issues);
  const maxPieces = guardInteger(field(o, 'maxPieces'), ['options', 'maxPieces'], issues, { required: false, min: 1, max: 100_000 }) ?? SCOR_LOT_DEFAULTS.maxPieces;
  const maxBytes = guardInteger(field(o, 'maxBytes'), ['options', 'maxBytes'], issues, { required: false, min: 1, max: 2 ** 31 }) ?? SCOR_LOT_DEFAULTS.maxBytes;
  const invoices = field(o, 'invoices') === undefined ? undefined : guardArray(field(o, 'invoices'), ['options', 'invoices'], issues);
  const entries: ScorLotEntry[] = [];
  list.forEach((p, i) => {
    const po = guardObject(p, ['pieces', i], issues);
    if (!po) return;
    const numeroFacture = guardInteger(field(po, 'numeroFacture'), ['pieces', i, 'numeroFacture'], issues, { min: 1, max: 999_999_999 });
    const dateFacturation = guardPlainDate(field(po, 'dateFacturation'), ['pieces', i, 'dateFacturation'], issues);
    const numeroLotFse = guardInteger(field(po, 'numeroLot'), ['pieces', i, 'numeroLot'], issues, { min: 1, max: 999 });
    const nature = guardEnum(field(po, 'nature'), NATURES_PIECE, ['pieces', i, 'nature'], issues);
    const pageCount = guardInteger(field(po, 'pageCount'), ['pieces', i, 'pageCount'], issues, { min: 1, max: 10_000 });
    const pdf = guardBytes(field(po, 'pdf'), ['pieces', i, 'pdf'], issues, { max: 2 ** 31 });
    if (numeroFacture === undefined || !dateFacturation || numeroLotFse === undefined || !nature || pageCount === undefined || !pdf) return;
    entries.push({ numeroFacture, dateFacturation, numeroLotFse, nature, pageCount, pdf });
  });
  if (issues.length > 0 || numeroLot === undefined || !numeroPs || !dateCreation) return inputErr(issues);
  if (entries.length === 0) return err(issue('SCOR_LOT_EMPTY', { path: ['pieces'], received: '0 pièce' }));
  const bytes = entries.reduce((s, e) => s + e.pdf.length, 0);
  if (entries.length > maxPieces || bytes > maxBytes)
    issues.push(issue('SCOR_LOT_TOO_LARGE', { path: ['pieces'], received: `${entries.length} pièce(s), ${bytes} octets`, expected: `${maxPieces} pièces et ${maxBytes} octets au plus` }));
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const key = `${e.numeroFacture}/${e.nature}`;
    if (seen.has(key)) issues.push(issue('SCOR_LOT_DUPLICATE', { path: ['pieces', i], received: `facture n° ${e.numeroFacture} (${e.nature})`, expected: `une seule fois (déjà en pièce ${seen.get(key)})` }));
    else seen.set(key, i);
  });
  for (const [i, e] of entries.entries()) {
    const v = await validatePdfA(e.pdf);
    if (!v.ok) issues.push(...v.issues.map((x) => ({ ...x, path: ['pieces', i, 'pdf', ...x.path] })));
  }
  if (invoices !== undefined) {
    const coverage = validateScorPieces(invoices as readonly ScorInvoiceRef[], entries);
    // Paths of validateScorPieces are `invoices.i` / `pieces.i`: invoices sit under options here.
    issues.push(...coverage.issues.map((x) => (x.path[0] === 'invoices' ? { ...x, path: ['options', ...x.path] } : x)));
  }
  const manifest: ScorLotManifest = {
    numeroLot,
    numeroPs,
    dateCreation,
    entries: await Promise.all(entries.map(async (e) => ({ numeroFacture: e.numeroFacture, dateFacturation: e.dateFacturation, numeroLotFse: e.numeroLotFse, nature: e.nature, pageCount: e.pageCount, sha256: await sha256Hex(e.pdf) }))),
  };
  return resultOf({ lot: { numeroLot, numeroPs, dateCreation, entries }, manifest }, issues);
}
