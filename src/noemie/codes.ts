/**
 * Issue codes of NOEMIE PS reading/writing (`NOEMIE_*`) and of ARL decoding (`ARL_*`).
 * Field-level defects of an entity come from the fixed-width engine (`FW_*`, path
 * `['entities', i, field]`). Codes are public API; messages are French prose.
 */
import { defineIssueCodes } from '../core/issues/index';

/** The public cahier des charges (CNAM/CCMSA/AMPI/UNRS, mai 2004 and mars 2011 editions). */
const CDC = 'Cahier des charges NOEMIE PS, CNAM (2004, 2011)';
const FRAMING = `${CDC}, « longueur des entités physiques », « délimiteur d’entité »`;
const CONTROL = `${CDC}, « structure hiérarchique », entité 990 (contrôle) et entité 999 (fin de fichier)`;
const ARL = 'ameli.fr, « Le retour NOEMIE » (accusé de réception logique) ; format d’octets modélisé par sesam-billing, le format officiel n’étant pas public';

/** Issue codes raised by `src/noemie` (NOEMIE PS and ARL). */
export const NOEMIE_CODES = defineIssueCodes({
  NOEMIE_EMPTY: { family: 'MISSING', message: 'Fichier NOEMIE vide', fix: 'Vérifier le téléchargement du retour.', ref: FRAMING },
  NOEMIE_HEADER: {
    family: 'FORMAT',
    message: 'Le fichier ne commence pas par une entité 000 (en-tête) : reçu « {received} »',
    fix: 'Vérifier qu’il s’agit bien d’un retour NOEMIE PS (et non d’un ARL ou d’un autre fichier).',
    ref: FRAMING,
  },
  NOEMIE_RECORD_LENGTH: {
    family: 'LENGTH',
    message: 'Longueur d’enregistrement annoncée {received}, seule {expected} est prise en charge',
    fix: 'Les retours NOEMIE PS sont en enregistrements physiques de 128 octets ; signaler ce fichier.',
    ref: FRAMING,
  },
  NOEMIE_TRUNCATED: {
    family: 'LENGTH',
    message: 'Fichier tronqué : dernier enregistrement de {received} octet(s) au lieu de {expected}',
    fix: 'Le fichier est incomplet : le retélécharger.',
    ref: FRAMING,
  },
  NOEMIE_LINE_BREAK: {
    family: 'FORMAT',
    message: 'Fin de ligne (CR/LF) entre deux enregistrements de 128 octets',
    fix: 'Le format de référence n’a pas de fin de ligne ; si le fichier a été converti, activer l’option lineBreaks.',
    ref: FRAMING,
  },
  NOEMIE_LAST_SEGMENT: {
    family: 'FORMAT',
    message: 'Aucun enregistrement ne porte l’indicateur de dernier segment « 1 »',
    fix: 'Le fichier est incomplet ou mal produit : le retélécharger.',
    ref: FRAMING,
  },
  NOEMIE_TRAILER_MISSING: {
    family: 'MISSING',
    message: 'Entité 999 (fin de fichier) absente',
    fix: 'Le fichier est incomplet : le retélécharger.',
    ref: FRAMING,
  },
  NOEMIE_TRAILER_EXPECTED: {
    family: 'FORMAT',
    message: 'Après le dernier segment, une entité 999 est attendue : reçu « {received} »',
    fix: 'Le fichier est mal formé après le dernier segment : le retélécharger.',
    ref: FRAMING,
  },
  NOEMIE_TRAILING_DATA: {
    family: 'FORMAT',
    message: '{received} octet(s) après l’entité 999',
    fix: 'Si ce sont des blancs ou des fins de ligne ajoutés par un transfert, activer l’option trailingPadding.',
    ref: FRAMING,
  },
  NOEMIE_UNKNOWN_ENTITY: {
    family: 'UNKNOWN_CODE',
    message: 'Type d’entité inconnu « {received} »',
    fix: 'Entité hors catalogue NOEMIE PS : vérifier la référence du fichier, ou activer l’option skipUnknownEntities.',
    ref: `${CDC}, catalogue des entités`,
  },
  NOEMIE_DELIMITER: {
    family: 'FORMAT',
    message: 'Délimiteur « @ » attendu en fin d’entité {expected} : reçu « {received} »',
    fix: 'Entité de longueur inattendue : le fichier est corrompu ou d’une version non prise en charge.',
    ref: FRAMING,
  },
  NOEMIE_TRUNCATED_ENTITY: {
    family: 'LENGTH',
    message: 'Dernière entité incomplète ({received} octet(s) au lieu de {expected})',
    fix: 'Le fichier est incomplet : le retélécharger.',
    ref: FRAMING,
  },
  NOEMIE_NIVEAU_RUPTURE: {
    family: 'RULE',
    message: 'Niveau de rupture {received} au lieu de {expected}',
    fix: 'Entité mal placée dans la hiérarchie : signaler le fichier à l’organisme.',
    ref: `${CDC}, « structure hiérarchique », niveau de rupture (positions 4-5 : 020 = 01 ; 040, 070, 071, 081 = 02 ; 990 = 99)`,
  },
  NOEMIE_CONTROL_ORPHAN: {
    family: 'RULE',
    message: 'Entité 990 sans niveau hiérarchique ouvert à clôturer',
    fix: 'Le fichier est mal formé : signaler le fichier à l’organisme.',
    ref: CONTROL,
  },
  NOEMIE_CONTROL_GROUPING: {
    family: 'RULE',
    severity: 'warning',
    message: 'Entité 990 : son identification du niveau de rupture « {received} » ne désigne pas le regroupement contrôlé ; lue selon une hypothèse de regroupement (première occurrence)',
    fix: 'Rien à faire si les totaux de la 999 concordent ; sinon vérifier le retour avec l’organisme, ou choisir la lecture par imbrication (option controlGrouping: \'nesting\').',
    ref: `${CDC}, entité 990, « identification du niveau de rupture » (positions 6-22)`,
  },
  NOEMIE_CONTROL_COUNT: {
    family: 'TOTAL_MISMATCH',
    message: 'Entité 990 : compteur {received}, calculé {expected}',
    fix: 'Des entités manquent ou sont en trop dans ce niveau : ne pas rapprocher ce retour avant vérification.',
    ref: CONTROL,
  },
  NOEMIE_CONTROL_AMOUNT: {
    family: 'TOTAL_MISMATCH',
    message: 'Entité 990 : cumul des montants {received}, calculé {expected}',
    fix: 'Les montants du niveau ne correspondent pas au cumul : ne pas rapprocher ce retour avant vérification.',
    ref: CONTROL,
  },
  NOEMIE_TRAILER_RECORDS: {
    family: 'TOTAL_MISMATCH',
    message: 'Entité 999 : nombre d’enregistrements {received}, compté {expected}',
    fix: 'Le fichier est incomplet ou altéré : le retélécharger.',
    ref: CONTROL,
  },
  NOEMIE_TRAILER_LOTS: {
    family: 'TOTAL_MISMATCH',
    message: 'Entité 999 : nombre de lots {received}, compté {expected}',
    fix: 'Le fichier est incomplet ou altéré : le retélécharger.',
    ref: CONTROL,
  },
  NOEMIE_TRAILER_AMOUNT: {
    family: 'TOTAL_MISMATCH',
    message: 'Entité 999 : cumul des montants {received}, calculé {expected}',
    fix: 'Le fichier est incomplet ou altéré : le retélécharger.',
    ref: CONTROL,
  },
  NOEMIE_TRAILER_HEADER: {
    family: 'COMPONENT',
    message: 'Entité 999 : {received} ne correspond pas à l’en-tête ({expected})',
    fix: 'En-tête et fin de fichier de deux fichiers différents : le fichier a été altéré.',
    ref: `${CDC}, entité 000 (en-tête) et entité 999 (fin de fichier)`,
  },
  NOEMIE_AT_IN_FIELD: {
    family: 'FORMAT',
    message: 'Le caractère « @ » (délimiteur d’entité) est interdit dans une zone',
    fix: 'Retirer le « @ » du texte.',
    ref: FRAMING,
  },
  NOEMIE_MAX_ISSUES: {
    family: 'RULE',
    severity: 'warning',
    message: 'Trop d’anomalies : seules les {expected} premières sont rapportées (et la première erreur qui suit, la lecture s’arrêtant alors)',
    fix: 'Corriger les premières anomalies (souvent une seule cause), ou augmenter maxIssues.',
    ref: `${CDC}, « caractéristiques générales » (lecture arrêtée par sesam-billing, option maxIssues)`,
  },
  ARL_EMPTY: { family: 'MISSING', message: 'ARL vide', fix: 'Vérifier le téléchargement de l’accusé de réception.', ref: ARL },
  ARL_FORMAT: {
    family: 'FORMAT',
    message: 'ARL illisible : {received}',
    fix: 'Ce décodeur lit le format ARL modélisé ; pour un ARL officiel, brancher le décodeur de l’éditeur (ArlDecoder).',
    ref: ARL,
  },
  ARL_RECORD: {
    family: 'UNKNOWN_CODE',
    message: 'Enregistrement ARL inconnu « {received} »',
    fix: 'Seuls ARL (en-tête), LOT et FIN sont définis dans le format modélisé.',
    ref: ARL,
  },
  ARL_NEGATIVE_WITHOUT_REASON: {
    family: 'MISSING',
    severity: 'warning',
    message: 'ARL négatif sans motif',
    fix: 'Renvoyer le fichier ; contacter la caisse si le rejet se répète.',
    ref: ARL,
  },
  ARL_LOT_COUNT: {
    family: 'TOTAL_MISMATCH',
    message: 'ARL : {received} lot(s) lus, la fin annonce {expected}',
    fix: 'ARL incomplet : le retélécharger.',
    ref: ARL,
  },
});

/** A code of {@link NOEMIE_CODES}. */
export type NoemieCode = keyof typeof NOEMIE_CODES;
