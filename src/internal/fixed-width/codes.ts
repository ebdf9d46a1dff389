/**
 * Issue codes of the fixed-width record engine (B2, NOEMIE, CFONB): one table, prefix `FW_`.
 * Codes are public API (they surface through fse/noemie results); messages are French prose.
 */
import { defineIssueCodes } from '../../core/issues/index';

/** Public sources: the B2 and NOEMIE PS cahiers des charges (record presentation rules). */
const B2 = 'Norme B2 inter-régimes, cahier des charges CNAM, juin 2007 avec errata, règles de présentation des zones';
const NOEMIE = 'Cahier des charges NOEMIE PS, CNAM (2004, 2011), format des données et des montants';
const BOTH = `${B2} ; ${NOEMIE}`;

/** Issue codes raised by `src/internal/fixed-width`. */
export const FIXED_WIDTH_CODES = defineIssueCodes({
  FW_RECORD_LENGTH: {
    family: 'LENGTH',
    message: 'Longueur d’enregistrement incorrecte : attendu {expected}, reçu {received}',
    fix: 'Vérifier que chaque enregistrement fait exactement la longueur prévue (pas de troncature ni de caractère en trop).',
    ref: B2,
  },
  FW_TRUNCATED_RECORD: {
    family: 'LENGTH',
    message: 'Dernier enregistrement incomplet : {received} octet(s) au lieu de {expected}',
    fix: 'Le fichier semble tronqué : le retransmettre ou le régénérer.',
    ref: B2,
  },
  FW_LINE_END: {
    family: 'FORMAT',
    message: 'Fin de ligne inattendue : attendu {expected}, reçu {received}',
    fix: 'Choisir l’option lineEnds adaptée au fichier (none, crlf, lf ou auto).',
    ref: BOTH,
  },
  FW_NOT_NUMERIC: {
    family: 'FORMAT',
    message: 'Zone numérique non numérique : « {received} »',
    fix: 'Une zone numérique ne contient que des chiffres, cadrés à droite et complétés par des zéros.',
    ref: B2,
  },
  FW_BLANK_NUMERIC: {
    family: 'FORMAT',
    severity: 'warning',
    message: 'Zone numérique facultative à blanc au lieu de zéros',
    fix: 'Une zone numérique facultative non renseignée doit être à zéros.',
    ref: B2,
  },
  FW_CHARSET: {
    family: 'FORMAT',
    message: 'Caractère interdit en colonne {expected} : « {received} »',
    fix: 'Zones alphanumériques : caractères ASCII imprimables uniquement, en majuscules non accentuées.',
    ref: B2,
  },
  FW_LOWERCASE: {
    family: 'FORMAT',
    message: 'Minuscules interdites dans une zone alphanumérique : « {received} »',
    fix: 'Écrire les zones alphanumériques en majuscules (option transliterate).',
    ref: B2,
  },
  FW_TRANSLITERATED: {
    family: 'FORMAT',
    severity: 'warning',
    message: 'Texte translittéré en majuscules non accentuées : « {received} » → « {expected} »',
    fix: 'Vérifier que la forme sans accent est acceptable.',
    ref: B2,
  },
  FW_OVERFLOW: {
    family: 'LENGTH',
    message: 'Valeur trop longue pour la zone : {received} caractère(s) pour {expected}',
    fix: 'Raccourcir la valeur : elle n’est jamais tronquée automatiquement.',
    ref: B2,
  },
  FW_RANGE: {
    family: 'RANGE',
    message: 'Valeur hors plage : {received} (attendu {expected})',
    fix: 'Fournir un entier positif ou nul qui tient dans la zone.',
    ref: B2,
  },
  FW_NEGATIVE_AMOUNT: {
    family: 'RANGE',
    message: 'Montant négatif dans une zone non signée : {received}',
    fix: 'Les montants B2 sont en centimes non signés.',
    ref: B2,
  },
  FW_SIGN: {
    family: 'FORMAT',
    message: 'Signe illisible : « {received} » (attendu {expected})',
    fix: 'Le signe vaut N (négatif) ou P (positif).',
    ref: NOEMIE,
  },
  FW_DATE: {
    family: 'FORMAT',
    message: 'Date invalide : « {received} » (attendu {expected})',
    fix: 'Saisir une date existante au format de la zone.',
    ref: B2,
  },
  FW_CONST: {
    family: 'FORMAT',
    message: 'Valeur fixe attendue {expected}, reçu « {received} »',
    fix: 'Vérifier le type d’enregistrement.',
    ref: BOTH,
  },
  FW_ENUM: {
    family: 'UNKNOWN_CODE',
    message: 'Code inconnu « {received} » (valeurs admises : {expected})',
    fix: 'Utiliser une des valeurs admises par la norme.',
    ref: BOTH,
  },
  FW_MISSING: {
    family: 'MISSING',
    message: 'Zone obligatoire non renseignée',
    fix: 'Renseigner la zone.',
    ref: B2,
  },
  FW_TYPE: {
    family: 'FORMAT',
    message: 'Type de valeur incorrect : attendu {expected}, reçu {received}',
    fix: 'Fournir une valeur du type attendu par la zone.',
    ref: BOTH,
  },
  FW_RECORD_TYPE: {
    family: 'UNKNOWN_CODE',
    message: 'Type d’enregistrement inconnu : « {received} »',
    fix: 'Vérifier le type (colonnes 1 à 3) et le complément de type de l’enregistrement.',
    ref: B2,
  },
  FW_FILLER_NOT_BLANK: {
    family: 'FORMAT',
    severity: 'warning',
    message: 'Zone réservée non vide : « {received} »',
    fix: 'Les zones réservées doivent être à blanc (ou à zéros) ; leur contenu est ignoré.',
    ref: B2,
  },
});

/** A code of {@link FIXED_WIDTH_CODES}. */
export type FixedWidthCode = keyof typeof FIXED_WIDTH_CODES;
