/**
 * sesam-billing/rules/snds: reference tables from the SNDS nomenclatures (CNAM / Health Data
 * Hub, 2021, Licence Ouverte 2.0) — NABM acts and their pricing, LPP codes (caller-loaded) and
 * tariffs (caller-supplied), caisses, régimes, spécialités, natures d'assurance, motifs
 * d'exonération, conventionnement, natures de prestation ↔ NGAP letters. A subpath of its own,
 * so the root bundle does not carry the tables; each table is parsed on first use.
 *
 * Source : CNAM / Health Data Hub, nomenclatures du SNDS, 2021. The NABM history stops in 2019.
 */
export { SNDS_CODES } from './codes';
export type { NabmActe } from './nabm';
export { findNabmActe } from './nabm';
export type { CoefficientNabm, NabmTarifOptions, ValeurLettreB } from './nabmTarif';
export { nabmTarifTable, VALEUR_B_METROPOLE } from './nabmTarif';
export { withNabm } from './withNabm';
export type { LppCode, LppListe, LppTarifOptions, TarifLpp } from './lpp';
export { findLppCode, lppTarifTable, parseLppCsv } from './lpp';
export type { Caisse, Regime } from './organismes';
export { findCaisse, findRegime, GRANDS_REGIMES } from './organismes';
export type { CodeLibelle, Conventionnement, NaturePrestation, NatureAssuranceSnds, Specialite } from './nomenclatures';
export {
  findSpecialite,
  letterOfNaturePrestation,
  listConventionnements,
  listMotifsExoneration,
  listNaturesAssurance,
  naturePrestationOf,
} from './nomenclatures';
