/**
 * fse: FSE model and build (and the DRE document it writes with it: the DRE's public home is
 * `sesam-billing/dre`; `buildDre`, `validateDre`, `DRE_CONTROLS` and the DRE types here are
 * deprecated), securing modes and the Securer flow, the control catalogue,
 * B2-family files both ways (streaming writer, parser re-checking control totals), and the ledger
 * flow (numbering, duplicate control, lots per organisme destinataire / AMC, files).
 *
 * Issue codes: `FSE_CODES`. Sources: Norme B2 inter-régimes (cahier des charges CNAM, juin 2007 avec errata);
 * Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), modèle de données SSV, lots, DRE.
 */
export { FSE_CODES } from './codes';
export type { FseCode } from './codes';
export type * from './input';
export type { BeneficiaireResolu, Fse, IdentificationFacture, LigneDetail, LigneFse, ReglementFse, SituationFse } from './model';
export type * from './securing';
export { isSecuringMode, needsJustificatif, SECURING_MODE_CODES, SECURING_MODES } from './securing';
export type { BuildFseOptions } from './build';
export { buildFse, buildFseFromDecompte } from './build';
export { computeWith, defaultCompute } from './compute';
export type { Control, ControlContext, ControlOptions, Finding, FseControl } from './controls/types';
export { FSE_CONTROLS } from './controls/catalogue';
export type { ValidateOptions } from './validate';
export { resolveControlContext, validateFse } from './validate';
// Deprecated DRE names (the DRE's public home is sesam-billing/dre).
export type { Dre, DreControl, LigneDre } from './dreCompat';
export { buildDre, DRE_CONTROLS, validateDre } from './dreCompat';
export type { SecuredFse } from './secure';
export { secureFse } from './secure';
export type { SecureOptions } from './secure';
export type { LedgerItem, LottedFile, LottedLot, NumberAndLotOptions, NumberAndLotResult, NumberedItem } from './ledgerFlow';
export { DEFAULT_MAX_PER_LOT, invoiceDraftOf, markFilesTransmitted, numberAndLot } from './ledgerFlow';
export type { SecuredInvoice } from './ledgerFile';
export { rebuildFile, secureNumbered, serializeLottedFile } from './ledgerFile';
export type { B2Facture, B2File, B2Ligne, B2Lot } from './b2/file';
export type { B2FactureOptions } from './b2/fromFse';
export { b2FactureOf } from './b2/fromFse';
export type { B2Emitter } from './b2/buildFile';
export { buildB2File } from './b2/buildFile';
export type { ParseB2Options } from './b2/parse';
export { parseB2File } from './b2/parse';
export type { StreamLot, StreamOptions } from './b2/serialize';
export { serializeB2Facture, serializeB2File, streamB2File } from './b2/serialize';
export type { B2RecordType as B2Kind } from './b2/records/index';
export { recordTypeOf as b2KindOf } from './b2/records/index';
export type { BeneficiaireCarteLu, BeneficiaireCarteOptions, BeneficiaireDeCarte, CarteVitaleLue, PsCpsOptions, PsDeCps, SituationPsLue } from './carte';
export { beneficiaireFseFromCarte, psFseFromCps } from './carte';
