/**
 * scor (`sesam-billing/scor`): SCOR pièces justificatives as PDF/A-1b documents: scans checked
 * (format, resolution, colour, page size) and made into one archival PDF per pièce, plus a
 * structural PDF/A check. Pure: no I/O, no clock; pdf-lib only.
 */
export { SCOR_CODES } from './codes';
export type { ScorCode } from './codes';
export { buildPdfA, PDFA_PRODUCER } from './pdfa/buildPdfA';
export { PDFA_DEFAULTS } from './options';
export type { BuildPdfAOptions } from './options';
export type { ScanColour, ScanDensity } from './image/model';
export { validatePdfA } from './validate/validatePdfA';
export type { PdfAReport } from './validate/validatePdfA';
export { buildScorPiece } from './piece/buildScorPiece';
export { validateScorPieces } from './piece/validateScorPieces';
export type { ScorCoverage } from './piece/validateScorPieces';
export { NATURES_PIECE } from './piece/model';
export type { NaturePiece, ScorInvoiceRef, ScorPiece, ScorPieceInput, ScorPieceRef } from './piece/model';
export { buildDuplicataFeuilleSoins } from './paper/duplicata';
export { buildBordereauAmc } from './paper/bordereau';
export type { BordereauFacture, BordereauInput, DuplicataInput, PaperBeneficiaire, PaperDecompte, PaperFactor, PaperLigne, PaperOptions, PaperPs, PaperTotal } from './paper/model';
export type { ScorArl, ScorArlStatut, ScorLot, ScorLotCodec, ScorLotEntry, ScorLotManifest, ScorManifestEntry } from './lot/model';
export { buildScorLot, SCOR_LOT_DEFAULTS } from './lot/buildScorLot';
export type { BuildScorLotOptions, BuiltScorLot } from './lot/buildScorLot';
export { createModeledScorLotCodec } from './lot/modeledCodec';
export { applyScorArl, findScorPieces } from './lot/applyScorArl';
export type { ScorArlReport } from './lot/applyScorArl';
