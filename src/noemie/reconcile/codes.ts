/**
 * Issue codes of NOEMIE reconciliation (`RECONCILE_*`) and bank statements (`BANK_*`).
 *
 * One table for both folders (src/noemie/reconcile and src/noemie/bank); codes are public API.
 */
import { defineIssueCodes } from '../../core/issues/index';

/** Issue codes of reconciliation and bank statement reading. */
export const RECONCILE_CODES = defineIssueCodes({
  BANK_CFONB_RECORD_LENGTH: {
    family: 'LENGTH',
    message: 'Enregistrement CFONB de longueur {received} au lieu de {expected} caractères',
    fix: 'Vérifier que le relevé est bien au format CFONB 120 (un enregistrement de 120 caractères par ligne).',
    ref: 'CFONB relevé de compte 120 (SPECS §9)',
  },
  BANK_CFONB_RECORD_CODE: {
    family: 'UNKNOWN_CODE',
    message: 'Code enregistrement CFONB inconnu « {received} » (attendu 01, 04, 05 ou 07)',
    fix: 'Vérifier le fichier : seuls les codes 01, 04, 05 et 07 sont définis.',
    ref: 'CFONB 120 pos. 1-2 (SPECS §9)',
  },
  BANK_CFONB_SEQUENCE: {
    family: 'RULE',
    message: 'Enchaînement CFONB invalide : {received}',
    fix: 'Le relevé doit suivre 01, puis 04 (chacun suivi de ses 05), puis 07 ; redemander le fichier à la banque.',
    ref: 'CFONB 120 (SPECS §9)',
  },
  BANK_CFONB_AMOUNT: {
    family: 'FORMAT',
    message: 'Montant CFONB illisible « {received} » (13 chiffres puis un caractère signe {expected})',
    fix: 'Le dernier caractère doit être {, A–I (positif) ou }, J–R (négatif).',
    ref: 'CFONB 120 pos. 91-104 (SPECS §9)',
  },
  BANK_CFONB_DECIMALS: {
    family: 'FORMAT',
    message: 'Nombre de décimales CFONB illisible ou non représentable au centime : « {received} »',
    fix: 'Le champ pos. 20 doit être un chiffre ; un montant à plus de 2 décimales doit être rond au centime.',
    ref: 'CFONB 120 pos. 20 (SPECS §9)',
  },
  BANK_CFONB_DATE: {
    family: 'FORMAT',
    message: 'Date CFONB illisible « {received} » (JJMMAA attendu)',
    fix: 'Vérifier le fichier fourni par la banque.',
    ref: 'CFONB 120 pos. 35-40 / 43-48 (SPECS §9)',
  },
  BANK_CFONB_ACCOUNT_MISMATCH: {
    family: 'RULE',
    message: 'Compte ou banque du nouveau solde différent de l’ancien solde : {received} au lieu de {expected}',
    fix: 'Le relevé est mal formé ; redemander le fichier à la banque.',
    ref: 'CFONB 120 (SPECS §9)',
  },
  BANK_CFONB_BALANCE_MISMATCH: {
    family: 'TOTAL_MISMATCH',
    message: 'Ancien solde + mouvements = {received}, nouveau solde annoncé {expected}',
    fix: 'Un mouvement manque ou est en double dans le relevé ; redemander le fichier à la banque.',
    ref: 'CFONB 120 (SPECS §9)',
  },
  BANK_CSV_COLUMNS: {
    family: 'MISSING',
    message: 'Ligne CSV sans la colonne {expected} (reçu {received} colonnes)',
    fix: 'Vérifier le séparateur et le numéro des colonnes configurés.',
  },
  BANK_CSV_DATE: {
    family: 'FORMAT',
    message: 'Date CSV illisible « {received} » (attendu {expected})',
    fix: 'Vérifier le format de date configuré (JJ/MM/AAAA ou AAAA-MM-JJ).',
  },
  BANK_CSV_AMOUNT: {
    family: 'FORMAT',
    message: 'Montant CSV illisible « {received} »',
    fix: 'Vérifier la virgule décimale et le séparateur configurés.',
  },
  BANK_CSV_QUOTE: {
    family: 'FORMAT',
    message: 'Guillemet non fermé dans la ligne CSV',
    fix: 'Corriger le fichier ou le séparateur configuré.',
  },
  RECONCILE_DICTIONARY_ROW: {
    family: 'FORMAT',
    message: 'Ligne du dictionnaire de rejets invalide : attendu {expected}, reçu « {received} »',
    fix: 'Corriger la ligne de la table de rejets fournie (code, niveau F/L/A, part AMO/AMC, libellé, correction, recyclage).',
  },
  RECONCILE_DICTIONARY_DUPLICATE: {
    family: 'RULE',
    message: 'Code de rejet en double dans le dictionnaire : {received}',
    fix: 'Garder une seule ligne par code et par part.',
  },
});
