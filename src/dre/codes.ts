/**
 * Issue codes of the dre module: routing a DRE by the AMC's data (attestation de tiers payant,
 * Annuaire AMC) and sending only the amount an AMC guaranteed (IDB / CLC, the ROC principle).
 * The DRE controls that exist since 0.1 keep their `FSE_DRE_*` codes (public API).
 *
 * Codes are public API; messages are French prose and may change.
 */
import { defineIssueCodes } from '../core/issues/index';

const DRE = 'Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), demande de remboursement électronique (DRE)';
const B2 = 'Norme B2 inter-régimes, cahier des charges CNAM (juin 2007, avec errata)';
const ATTESTATION = 'Association Inter-AMC, attestation de tiers payant harmonisée (n° AMC, type de convention, critère secondaire de routage, n° d’adhérent, période de validité)';
const ROC = 'Association Inter-AMC, services en ligne IDB / CLC (garantie de paiement de la part AMC, principe ROC)';

/** Issue codes of the dre module. */
export const DRE_CODES = defineIssueCodes({
  DRE_GARANTIE_ABSENTE: { family: 'MISSING', message: 'Pas de DRE sans garantie de paiement de l’AMC : le patient règle la part AMC ({received})', fix: 'Demander un calcul (CLC) à l’AMC avant la DRE, ou faire régler la part complémentaire par le patient.', ref: ROC },
  DRE_NON_GARANTI: { family: 'RULE', message: 'L’AMC ne garantit pas la part complémentaire (statut {received}) : le patient règle la part AMC ({expected})', fix: 'Faire régler la part complémentaire par le patient (pas de tiers payant AMC), ou refaire la demande CLC après correction.', ref: ROC },
  DRE_MONTANT_PLAFONNE: { family: 'RULE', severity: 'warning', message: 'Part AMC limitée au montant garanti : {received} demandés à l’AMC au lieu de {expected}, le reste est à la charge du patient', fix: 'Encaisser auprès du patient la part non garantie.', ref: ROC },
  DRE_GARANTIE_DEPASSEE: { family: 'RANGE', message: 'Montant de la DRE au-delà du montant garanti : attendu au plus {expected}, reçu {received}', fix: 'Régénérer la DRE (buildDreFromFse) avec la garantie de l’AMC.', ref: ROC },
  DRE_MONTANT_DEPASSE_PART_AMC: { family: 'RANGE', message: 'Montant de la DRE au-delà de la part AMC de la FSE : attendu au plus {expected}, reçu {received}', fix: 'Régénérer la DRE à partir de la FSE (buildDreFromFse).', ref: `${DRE} (part AMC de la facture)` },
  DRE_LIGNES_TOTAL: { family: 'TOTAL_MISMATCH', message: 'Somme des lignes de la DRE différente de son montant : attendu {expected}, reçu {received}', fix: 'Régénérer la DRE à partir de la FSE (buildDreFromFse).', ref: `${B2}, type 5 (total remboursable AMC = somme des types 4)` },
  DRE_ATTESTATION_PERIODE: { family: 'RANGE', message: 'Soins du {received} hors de la période de validité de l’attestation de tiers payant ({expected})', fix: 'Demander au patient une attestation en cours de validité, ou faire régler la part complémentaire par le patient.', ref: ATTESTATION },
  DRE_ANNUAIRE_MISMATCH: { family: 'RULE', message: 'Réponse de l’annuaire AMC pour un autre organisme ou une autre convention : attendu {expected}, reçu {received}', fix: 'Interroger l’annuaire AMC avec les données de l’attestation de tiers payant du patient.', ref: `${ATTESTATION} ; annuaire AMC (routage)` },
  DRE_ANNUAIRE_SANS_DRE: { family: 'RULE', message: 'L’annuaire AMC indique que l’organisme {received} ne reçoit pas de DRE', fix: 'Faire régler la part complémentaire par le patient (l’AMC ne pratique pas le tiers payant par DRE).', ref: 'Annuaire AMC (services de l’organisme complémentaire)' },
  DRE_ROUTAGE_ABSENT: { family: 'MISSING', message: 'Routage de la DRE inconnu pour l’organisme {received}', fix: 'Interroger l’annuaire AMC, ou lire le routage AMC de la carte Vitale (groupe 109).', ref: `${B2}, type 2M (routage AMC) ; annuaire AMC` },
});

/** A code of the dre module. */
export type DreCode = keyof typeof DRE_CODES;
