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
    ref: 'issue 4 §5 contrôle des doublons',
  },
  LEDGER_INVALID_TRANSITION: {
    family: 'RULE',
    message: 'Transition refusée : {received} (attendu : {expected})',
    fix: "Vérifier l'ordre des retours (ARL avant RSP) et l'état de la facture ; voir docs/guides/invoice-lifecycle.md.",
    ref: 'issue 6 §3 machine à états',
  },
  LEDGER_UNKNOWN_INVOICE: {
    family: 'UNKNOWN_CODE',
    message: 'Facture inconnue du registre : {received}',
    fix: "Vérifier l'identifiant ou le numéro de facture et le PS.",
  },
  LEDGER_UNKNOWN_LOT: {
    family: 'UNKNOWN_CODE',
    message: 'Lot ou fichier inconnu du registre : {received}',
    fix: "Vérifier l'identifiant du lot ou du fichier.",
  },
  LEDGER_NO_AMC_PART: {
    family: 'MISSING',
    message: "La facture {received} n'a pas de part AMC en tiers payant (pas de DRE)",
    fix: "N'adresser à l'AMC que des factures avec DRE ; la part AMC hors tiers payant n'est pas suivie.",
  },
  LEDGER_LOT_EMPTY: {
    family: 'MISSING',
    message: 'Un lot doit contenir au moins une facture',
    fix: 'Passer au moins une facture à émettre.',
  },
  LEDGER_LOT_MISMATCH: {
    family: 'RULE',
    message: 'Facture incompatible avec le lot : attendu {expected}, reçu {received}',
    fix: 'Grouper les factures par PS et par organisme destinataire (FSE) ou par AMC (DRE).',
    ref: 'SPECS §3.4 (un lot par organisme destinataire)',
  },
  LEDGER_LOT_DUPLICATE_INVOICE: {
    family: 'RULE',
    message: 'La facture {received} figure deux fois dans le lot',
    fix: 'Ne passer chaque facture qu’une fois.',
  },
  LEDGER_NUMBER_EXHAUSTED: {
    family: 'RANGE',
    message: 'Plus de numéro de facture disponible pour le PS (maximum {expected})',
    fix: 'Contacter l’éditeur : le n° de facture B2 a 9 chiffres.',
    ref: 'SPECS §2.3 type 2 pos 27-35',
  },
  LEDGER_INVALID_INPUT: {
    family: 'FORMAT',
    message: 'Donnée invalide pour le registre : attendu {expected}, reçu « {received} »',
    fix: 'Corriger la donnée indiquée.',
  },
  LEDGER_NOT_EDITABLE: {
    family: 'RULE',
    message: 'La facture {received} ne peut plus être modifiée (déjà mise en lot)',
    fix: 'Seule une facture à émettre peut être modifiée ; après émission, attendre le retour et recycler si rejet.',
  },
});
