/**
 * B2 record 2 — Début de facture (PS norms; the CP "établissements" variant is not modeled).
 * Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements.
 * Ambiguities: 59-67 n° prescripteur and 68-73 date de prescription are "O" in the CdC but
 * empty (zeros) when nothing is prescribed → optional. 96-101 date de naissance is alphanumeric
 * in the CdC (lunar birth dates of the Vitale card are not calendar dates) → kept as X.
 * 86-94 n° AT or date d'accident de droit commun (AAMMJJ right-aligned, 3 leading zeros) → N.
 */
import type { InferRecord } from '../../../internal/fixed-width/index';
import { b2Layout, complementType, facturePrefix } from './common';

/** Layout of the B2 type 2 record (invoice header). */
export const B2_2 = b2Layout('B2 2 début de facture', [
  ...facturePrefix('2'),
  complementType(' '),
  { name: 'marquage', start: 37, length: 1, type: 'X', optional: true, label: 'Marquage de la facture' },
  { name: 'forcageAmo', start: 38, length: 1, type: 'X', optional: true, label: 'Forçage de la tarification AMO' },
  { name: 'natureOperation', start: 39, length: 1, type: 'N', label: "Nature d'opération" },
  { name: 'dateFacturation', start: 40, length: 6, type: 'date6', label: 'Date de facturation' },
  { name: 'topEclatement', start: 46, length: 1, type: 'X', optional: true, enum: ['E', 'F'], label: 'Top éclatement des flux par le PS' },
  { name: 'typeFacture', start: 47, length: 1, type: 'X', optional: true, enum: ['F'], label: 'Type de facture (F = SESAM)' },
  { name: 'dispositifPortable', start: 48, length: 1, type: 'X', optional: true, label: 'Facture établie sur dispositif portable' },
  { name: 'grandRegime', start: 49, length: 2, type: 'N', label: 'Code grand régime' },
  { name: 'caisseGestionnaire', start: 51, length: 3, type: 'N', label: 'N° caisse gestionnaire' },
  { name: 'centreGestionnaire', start: 54, length: 4, type: 'N', label: 'N° centre gestionnaire' },
  { name: 'naturePieceJustificative', start: 58, length: 1, type: 'N', label: 'Nature de la pièce justificative des droits' },
  { name: 'numeroPrescripteur', start: 59, length: 9, type: 'N', optional: true, label: 'N° prescripteur + clé' },
  { name: 'datePrescription', start: 68, length: 6, type: 'date6', optional: true, label: 'Date de prescription' },
  { name: 'regimePrestation', start: 74, length: 3, type: 'X', optional: true, label: "Régime de prestation de l'assuré" },
  { name: 'natureAssurance', start: 77, length: 2, type: 'N', enum: ['10', '13', '30', '41', '90'], label: "Nature d'assurance" },
  { name: 'justificationExoneration', start: 79, length: 1, type: 'X', label: "Justification d'exonération du TM" },
  { name: 'dateMaternite', start: 80, length: 6, type: 'date6', optional: true, label: 'Date maternité' },
  { name: 'numeroAtOuDateAccident', start: 86, length: 9, type: 'N', optional: true, label: "N° AT ou date d'accident de droit commun" },
  { name: 'cpsRemplacant', start: 95, length: 1, type: 'N', label: "Présence d'une CPS de remplaçant" },
  { name: 'dateNaissance', start: 96, length: 6, type: 'X', label: 'Date de naissance du bénéficiaire (AAMMJJ, lunaire possible)' },
  { name: 'rangNaissance', start: 102, length: 1, type: 'N', optional: true, label: 'Rang de naissance' },
  { name: 'rangBeneficiaire', start: 103, length: 2, type: 'X', optional: true, label: 'Rang de bénéficiaire' },
  { name: 'numeroAdherent', start: 105, length: 8, type: 'X', optional: true, label: "N° d'adhérent" },
  { name: 'specialitePrescripteur', start: 113, length: 2, type: 'N', optional: true, label: 'Spécialité du prescripteur' },
  {
    name: 'destinataireReglement',
    start: 115,
    length: 2,
    type: 'N',
    enum: ['00', '05', '06', '10', '15', '25'],
    label: 'Destinataire du règlement (00 hors TP, 05 TP AMO, 15 TP intégral, 25 TP AMC seule, 10 RG AT externes, 06 SNCF/Mines)',
  },
  { name: 'typeContratAmc', start: 117, length: 2, type: 'N', optional: true, enum: ['85', '87', '88', '89', '99'], label: 'Type de contrat AMC' },
  { name: 'numeroOrganismeComplementaire', start: 119, length: 10, type: 'X', optional: true, label: "N° d'organisme complémentaire" },
]);

/** A parsed B2 type 2 record. */
export type Record2 = InferRecord<typeof B2_2>;
