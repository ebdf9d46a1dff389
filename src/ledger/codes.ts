/**
 * Issue codes of the ledger (prefix `LEDGER_`): duplicate control, numbering, lots, the
 * invoice state machine. Codes are public API; messages are French prose and may change.
 */
import { defineIssueCodes } from '../core/issues/index';

/** The ledger's issue code table. */
export const LEDGER_CODES = defineIssueCodes({
  LEDGER_DUPLICATE: {
    family: 'RULE',
    message: 'Soin déjà facturé : facture n° {received} porte les mêmes PS, bénéficiaire, date et actes',
    fix: 'Ne pas refacturer : consulter la facture existante ; si elle a été rejetée, la recycler (recycleInvoice).',
    ref: `Code de la sécurité sociale, art. R. 161-40 et suivants (feuilles de soins électroniques) ; Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), enregistrement type 2 (NIR, date de naissance, rang)`,
  },
  LEDGER_INVALID_TRANSITION: {
    family: 'RULE',
    message: 'Transition refusée : {received} (attendu : {expected})',
    fix: "Vérifier l'ordre des retours (ARL avant RSP) et l'état de la facture ; voir docs/guides/invoice-lifecycle.md.",
    ref: 'Cahier des charges NOEMIE PS (Assurance Maladie), retours ARL et RSP : paiement, rejet, signalement',
  },
  LEDGER_UNKNOWN_INVOICE: {
    family: 'UNKNOWN_CODE',
    message: 'Facture inconnue du registre : {received}',
    fix: "Vérifier l'identifiant ou le numéro de facture et le PS.",
    ref: 'Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), enregistrement type 2, n° de facture',
  },
  LEDGER_UNKNOWN_LOT: {
    family: 'UNKNOWN_CODE',
    message: 'Lot ou fichier inconnu du registre : {received}',
    fix: "Vérifier l'identifiant du lot ou du fichier.",
    ref: 'Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), enregistrement 000 (identification du fichier) et type 1 (n° de lot)',
  },
  LEDGER_NO_AMC_PART: {
    family: 'MISSING',
    message: "La facture {received} n'a pas de part AMC en tiers payant (pas de DRE)",
    fix: "N'adresser à l'AMC que des factures avec DRE ; la part AMC hors tiers payant n'est pas suivie.",
    ref: 'Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), DRE (demande de remboursement électronique) adressée à l’AMC en tiers payant',
  },
  LEDGER_LOT_EMPTY: {
    family: 'MISSING',
    message: 'Un lot doit contenir au moins une facture',
    fix: 'Passer au moins une facture à émettre.',
    ref: 'Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), enregistrement type 6 (nombre de factures du lot)',
  },
  LEDGER_LOT_MISMATCH: {
    family: 'RULE',
    message: 'Facture incompatible avec le lot : attendu {expected}, reçu {received}',
    fix: 'Grouper les factures par PS et par organisme destinataire (FSE) ou par AMC (DRE).',
    ref: 'Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), enregistrements type 1 et 6 (un lot par organisme destinataire)',
  },
  LEDGER_LOT_DUPLICATE_INVOICE: {
    family: 'RULE',
    message: 'La facture {received} figure deux fois dans le lot',
    fix: 'Ne passer chaque facture qu’une fois.',
    ref: 'Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), enregistrements type 2 à 5 (une facture par n° dans le lot)',
  },
  LEDGER_NUMBER_EXHAUSTED: {
    family: 'RANGE',
    message: 'Plus de numéro de facture disponible pour le PS (maximum {expected})',
    fix: 'Contacter l’éditeur : le n° de facture B2 a 9 chiffres.',
    ref: 'Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), enregistrement type 2, n° de facture (positions 27-35)',
  },
  LEDGER_INVALID_INPUT: {
    family: 'FORMAT',
    message: 'Donnée invalide pour le registre : attendu {expected}, reçu « {received} »',
    fix: 'Corriger la donnée indiquée.',
    ref: 'Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), règles générales de codage des zones',
  },
  LEDGER_NOT_EDITABLE: {
    family: 'RULE',
    message: 'La facture {received} ne peut plus être modifiée (déjà mise en lot)',
    fix: 'Seule une facture à émettre peut être modifiée ; après émission, attendre le retour et recycler si rejet.',
    ref: 'Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), sécurisation de la facture : une FSE sécurisée n’est plus modifiable',
  },
  LEDGER_BENEFICIAIRE_INCONSISTENT: {
    family: 'COMPONENT',
    message: 'Le NIR du bénéficiaire ne correspond pas à sa date de naissance : attendu {expected}, reçu {received}',
    fix: 'Vérifier le NIR individuel et la date de naissance lus sur la carte Vitale ou l’attestation de droits (le NIR porte l’année et le mois de naissance).',
    ref: 'INSEE, « Numéro d’inscription au répertoire (NIR) » : positions 2 à 5 = année et mois de naissance ; Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), groupe 1160 (individu)',
  },
  LEDGER_NOT_SECURED: {
    family: 'MISSING',
    message: "La facture {received} n'est pas sécurisée : elle ne peut pas être écrite dans un fichier",
    fix: 'Sécuriser les factures numérotées (secureLot) avant de construire le fichier : numéroter, puis sécuriser, puis sérialiser.',
    ref: 'Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), sécurisation des factures (signature CPS, mode S / F / D)',
  },
  LEDGER_SECURED_MISMATCH: {
    family: 'RULE',
    message: 'La facture {received} ne correspond plus à ce qui a été sécurisé',
    fix: 'Ne pas modifier une facture sécurisée : la recycler ou la re-sécuriser avant son premier envoi.',
    ref: 'Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), sécurisation des factures',
  },
  LEDGER_UNKNOWN_FILE: {
    family: 'UNKNOWN_CODE',
    message: "Fichier inconnu du registre ou jamais écrit : {received}",
    fix: "Vérifier l'identifiant du fichier (6 caractères) ; seul un fichier déjà écrit peut être reconstruit.",
    ref: 'Cahier des charges norme B2 inter-régimes (Assurance Maladie, ameli.fr), enregistrement 000 (identification du fichier)',
  },
});
