/**
 * noemie: the returns of the caisses — NOEMIE PS (RSP: paiements, rejets, signalements) and ARL.
 *
 * Sections: types · codes · NOEMIE parse/serialize · ARL · deprecated re-exports. Reconciliation
 * and bank statements moved to `sesam-billing/returns` (src/returns) in 0.2.0.
 */

// --- NOEMIE PS entity types (Cahier des charges NOEMIE PS (CNAM), catalogue des entités) ---
export type {
  EtatPaiement,
  NiveauRejet,
  NoemieActe,
  NoemieAssure,
  NoemieAssureBeneficiaire,
  NoemieCommentaire,
  NoemieControle,
  NoemieCritereArchivage,
  NoemieDateComptable,
  NoemieDestinataireReglement,
  NoemieDetailPaiementForfaitaire,
  NoemieEnTete,
  NoemieEntity,
  NoemieEntityBase,
  NoemieEntityOf,
  NoemieEntityType,
  NoemieEvent,
  NoemieFacture,
  NoemieFactureDetaillee,
  NoemieFile,
  NoemieFinFichier,
  NoemieLot,
  NoemieMalade,
  NoemieMandataire,
  NoemieNatureAssurance,
  NoemiePaiementForfaitaire,
  NoemiePartAmc,
  NoemiePartAmo,
  NoemieRejet,
  NoemieRejetSignalement,
  NoemieRetenue,
  NoemieTypeRetour,
  NoemieVirement,
  PartRejet,
} from './types';

// --- codes ---
export { NOEMIE_CODES } from './codes';
export type { NoemieCode } from './codes';

// --- NOEMIE PS: parse, stream, serialize, build (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers) ---
export { collectNoemie, parseNoemie, streamNoemie, streamNoemieBatches } from './parseNoemie';
export type { NoemieParseOptions } from './parse/options';
export { framePayload, serializeNoemie, serializeNoemieEntity } from './serializeNoemie';
export type { NoemieSerializeOptions } from './serializeNoemie';
export { buildNoemieFile } from './buildNoemieFile';
export type { NoemieFileInput } from './buildNoemieFile';
export { defaultControlAmount } from './parse/hierarchy';
export type { ControlAmount } from './parse/hierarchy';
export { entityLength, ENTITY_TYPES } from './records/index';

// --- ARL (modeled; ARL : format non public, modélisé (docs/spec-map.md)) ---
export type { Arl, ArlDecoder, ArlLot, ArlMotif, ArlStatut } from './arl/types';
export { decodeModeledArl, MODELED_ARL_DECODER, serializeModeledArl } from './arl/modeledDecoder';
export { MODELED_ARL_FORMAT } from './arl/modeled';


// --- deprecated: moved to `sesam-billing/returns` (src/returns) in 0.2.0; kept for one minor release ---
export {
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  RECONCILE_CODES,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  findReject,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  loadRejectDictionary,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  MODELED_REJECT_DICTIONARY,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  computeReturnGroups,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  formatVirementKey,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  computeLibelleTokens,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  computePaymentMatches,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  computeWatchdogReport,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  DEFAULT_WATCHDOG_THRESHOLDS,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  computeTiersPayantFollowUp,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  formatArlSourceId,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  formatNoemieSourceId,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  reconcile,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  decodeCfonbAmount,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  encodeCfonbAmount,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  parseCfonb120,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  serializeCfonb120,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  parseBankCsv,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  serializeBankCsv,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  computeBankMovements,
} from '../returns/index';
export type {
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  RejectDefinition,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  RejectDictionary,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  RejectLevel,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  RejectPart,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReturnForfait,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReturnGroups,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReturnInvoice,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReturnVirement,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  VirementReference,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  PaymentMatch,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  PaymentMatchOptions,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  PaymentMatchReport,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  VirementToMatch,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  WatchdogAlert,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  WatchdogKind,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  WatchdogReport,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  WatchdogThresholds,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  FollowUpPart,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciledArl,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciledForfait,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciledInvoice,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciledPart,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciledReject,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciledRetenue,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciledSource,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciledStatus,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconciliationReport,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  TiersPayantFollowUp,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReconcileOptions,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ReturnsInput,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  BankMovement,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  BankMovementSource,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  Cfonb120Account,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  Cfonb120Complement,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  Cfonb120File,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  Cfonb120Mouvement,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  Cfonb120Solde,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  Cfonb120Statement,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  CfonbAmountDecoding,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  ParseCfonb120Options,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  SerializeCfonb120Options,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  BankCsvColumns,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  BankCsvDateFormat,
  /** @deprecated since 0.2.0: import from 'sesam-billing/returns' */
  BankCsvOptions,
} from '../returns/index';
