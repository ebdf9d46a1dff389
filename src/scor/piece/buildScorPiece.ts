/**
 * buildScorPiece: the scans of one pièce justificative → a PDF/A-1b document linked to its
 * invoice (n° facture, date, lot). The link is MODELED (the SCOR lot layout is restricted).
 */
import type { Issue, Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import { field, guardArray, guardEnum, guardInteger, guardObject, guardPlainDate, inputErr } from '../../core/guard/index';
import type { BuildPdfAOptions } from '../options';
import { buildPdfA } from '../pdfa/buildPdfA';
import type { ScorPiece, ScorPieceInput } from './model';
import { NATURES_PIECE } from './model';

const LABEL: Readonly<Record<string, string>> = { ordonnance: 'Ordonnance', 'feuille-soins-degradee': 'Feuille de soins (mode dégradé)', autre: 'Pièce justificative' };

/**
 * Makes one pièce justificative: checks the scans, builds the PDF/A-1b (title
 * `« Ordonnance — facture n° 123 du 2026-03-10 »` unless `options.title`) and links it to its invoice.
 *
 * @param input - N° de facture, date de facturation, nature, scans, n° de lot.
 * @param options - The options of {@link buildPdfA} (`at`, limits…).
 * @returns The pièce, or the issues (`INPUT_*` at `numeroFacture`…, `SCOR_*` at `scans.i`).
 * @example
 * const piece = await buildScorPiece({ numeroFacture: 123, dateFacturation: '2026-03-10', nature: 'ordonnance', scans: [jpeg] }, { at });
 */
export async function buildScorPiece(input: ScorPieceInput, options?: BuildPdfAOptions): Promise<Result<ScorPiece>> {
  const issues: Issue[] = [];
  const o = guardObject(input, [], issues);
  if (o === undefined) return inputErr(issues);
  const numeroFacture = guardInteger(field(o, 'numeroFacture'), ['numeroFacture'], issues, { min: 1, max: 999_999_999 });
  const dateFacturation = guardPlainDate(field(o, 'dateFacturation'), ['dateFacturation'], issues);
  const nature = guardEnum(field(o, 'nature'), NATURES_PIECE, ['nature'], issues);
  const numeroLot = guardInteger(field(o, 'numeroLot'), ['numeroLot'], issues, { required: false, min: 1, max: 999 });
  const scans = guardArray(field(o, 'scans'), ['scans'], issues, { max: 10_000 });
  const opts = options === undefined ? {} : guardObject(options, ['options'], issues);
  if (issues.length > 0 || numeroFacture === undefined || dateFacturation === undefined || nature === undefined || scans === undefined || opts === undefined) return inputErr(issues);
  const title = `${LABEL[nature] ?? 'Pièce justificative'} — facture n° ${numeroFacture} du ${dateFacturation}`;
  const pdf = await buildPdfA(scans as readonly Uint8Array[], { title, ...(opts as BuildPdfAOptions) });
  if (!pdf.ok) {
    // Scan issues point into the input: `pages.i` becomes `scans.i`.
    const moved = pdf.issues.map((i) => (i.path[0] === 'pages' ? { ...i, path: ['scans', ...i.path.slice(1)] } : i)) as [Issue, ...Issue[]];
    return { ok: false, issues: moved };
  }
  const warnings = pdf.issues.map((i) => (i.path[0] === 'pages' ? { ...i, path: ['scans', ...i.path.slice(1)] } : i));
  return ok({ numeroFacture, dateFacturation, nature, ...(numeroLot !== undefined ? { numeroLot } : {}), pdf: pdf.value, pageCount: scans.length }, warnings);
}
