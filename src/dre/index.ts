/**
 * dre: the demande de remboursement électronique to the AMC — model, build from an FSE (one
 * way: fse → dre), routing by the AMC's data (attestation de tiers payant harmonisée, Annuaire
 * AMC), amount capped at a CLC payment guarantee (the ROC principle), the control catalogue,
 * lots per AMC through the ledger port, B2 files (type 2M routing).
 *
 * The DRE document and its low-level parts (B2 type 2M, lots in the ledger flow, securing) live
 * in the fse module, which writes FSE and DRE files alike; this module is their public home.
 * The fse module's `buildDre`, `validateDre`, `DRE_CONTROLS` and DRE types stay there, deprecated,
 * for one minor release.
 *
 * Issue codes: `DRE_CODES` (and the `FSE_DRE_*` codes of the controls kept from the fse module).
 * Sources: Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), DRE; Norme B2 inter-régimes;
 * Association Inter-AMC, attestation de tiers payant harmonisée. Modeled: Annuaire AMC, IDB / CLC.
 */
export { DRE_CODES } from './codes';
export type { DreCode } from './codes';
export type * from './model';
export type { BuildDreOptions } from './build';
export { buildDreFromFse } from './build';
export type { DreControl } from './controls';
export { DRE_CONTROLS } from './controls';
export type { ValidateDreOptions } from './validate';
export { validateDre } from './validate';
export type { DreFilePlan, DreLottedFile, NumberedDres, PlanDreLotsOptions } from './lots';
export { numberAndLotDres, planDreLots } from './lots';
export { buildDreB2File, dreB2FactureOf } from './b2';
export { INDICATEURS_TRAITEMENT } from '../fse/controls/dre';
