/**
 * noemie: the returns of the caisses — NOEMIE PS (RSP: paiements, rejets, signalements) and ARL.
 *
 * Sections: types · codes · NOEMIE parse/serialize · ARL. Reconciliation (src/noemie/reconcile)
 * and bank statements (src/noemie/bank) add their own export blocks below; keep one block per
 * folder so the barrel merges without conflicts.
 */

// --- NOEMIE PS entity types (SPECS §1.3) ---
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

// --- NOEMIE PS: parse, stream, serialize, build (SPECS §1.2–1.3) ---
export { collectNoemie, parseNoemie, streamNoemie, streamNoemieBatches } from './parseNoemie';
export type { NoemieParseOptions } from './parse/options';
export { framePayload, serializeNoemie, serializeNoemieEntity } from './serializeNoemie';
export type { NoemieSerializeOptions } from './serializeNoemie';
export { buildNoemieFile } from './buildNoemieFile';
export type { NoemieFileInput } from './buildNoemieFile';
export { defaultControlAmount } from './parse/hierarchy';
export type { ControlAmount } from './parse/hierarchy';
export { entityLength, ENTITY_TYPES } from './records/index';

// --- ARL (modeled; SPECS §1.4) ---
export type { Arl, ArlDecoder, ArlLot, ArlMotif, ArlStatut } from './arl/types';
export { decodeModeledArl, MODELED_ARL_DECODER, serializeModeledArl } from './arl/modeledDecoder';
export { MODELED_ARL_FORMAT } from './arl/modeled';

// --- reconciliation with the ledger and the bank (src/noemie/reconcile) ---
export * from './reconcile/index';

// --- bank statements: CFONB 120 and CSV (src/noemie/bank) ---
export * from './bank/index';
