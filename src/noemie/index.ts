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

// --- ARL (modeled; SPECS §1.4) ---
export type { Arl, ArlDecoder, ArlLot, ArlMotif, ArlStatut } from './arl/types';
