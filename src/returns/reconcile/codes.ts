/**
 * Issue codes of NOEMIE reconciliation (`RECONCILE_*`) and bank statements (`BANK_*`).
 *
 * One table for both folders (src/returns/reconcile and src/returns/bank); codes are public API.
 */
import { defineIssueCodes } from '../../core/issues/index';

/** Issue codes of reconciliation and bank statement reading. */
export const RECONCILE_CODES = defineIssueCodes({
  BANK_CFONB_RECORD_LENGTH: {
    family: 'LENGTH',
    message: 'Enregistrement CFONB de longueur {received} au lieu de {expected} caractères',
    fix: 'Vérifier que le relevé est bien au format CFONB 120 (un enregistrement de 120 caractères par ligne).',
    ref: 'CFONB « Relevé de compte sur support informatique » (juillet 2004), enregistrements de 120 caractères',
  },
  BANK_CFONB_RECORD_CODE: {
    family: 'UNKNOWN_CODE',
    message: 'Code enregistrement CFONB inconnu « {received} » (attendu 01, 04, 05 ou 07)',
    fix: 'Vérifier le fichier : seuls les codes 01, 04, 05 et 07 sont définis.',
    ref: 'CFONB « Relevé de compte sur support informatique » (juillet 2004), code enregistrement (pos. 1-2 : 01, 04, 05, 07)',
  },
  BANK_CFONB_SEQUENCE: {
    family: 'RULE',
    message: 'Enchaînement CFONB invalide : {received}',
    fix: 'Le relevé doit suivre 01, puis 04 (chacun suivi de ses 05), puis 07 ; redemander le fichier à la banque.',
    ref: 'CFONB « Relevé de compte sur support informatique » (juillet 2004), enchaînement 01 / 04 / 05 / 07',
  },
  BANK_CFONB_AMOUNT: {
    family: 'FORMAT',
    message: 'Montant CFONB illisible « {received} » (13 chiffres puis un caractère signe {expected})',
    fix: 'Le dernier caractère doit être {, A–I (positif) ou }, J–R (négatif).',
    ref: 'CFONB « Relevé de compte sur support informatique » (juillet 2004), montant (pos. 91-104)',
  },
  BANK_CFONB_DECIMALS: {
    family: 'FORMAT',
    message: 'Nombre de décimales CFONB illisible ou non représentable au centime : « {received} »',
    fix: 'Le champ pos. 20 doit être un chiffre ; un montant à plus de 2 décimales doit être rond au centime.',
    ref: 'CFONB « Relevé de compte sur support informatique » (juillet 2004), nombre de décimales (pos. 20)',
  },
  BANK_CFONB_DATE: {
    family: 'FORMAT',
    message: 'Date CFONB illisible « {received} » (JJMMAA attendu)',
    fix: 'Vérifier le fichier fourni par la banque.',
    ref: 'CFONB « Relevé de compte sur support informatique » (juillet 2004), dates JJMMAA (pos. 35-40, 43-48)',
  },
  BANK_CFONB_ACCOUNT_MISMATCH: {
    family: 'RULE',
    message: 'Compte ou banque du nouveau solde différent de l’ancien solde : {received} au lieu de {expected}',
    fix: 'Le relevé est mal formé ; redemander le fichier à la banque.',
    ref: 'CFONB « Relevé de compte sur support informatique » (juillet 2004), enregistrements 01 et 07 du même compte',
  },
  BANK_CFONB_BALANCE_MISMATCH: {
    family: 'TOTAL_MISMATCH',
    message: 'Ancien solde + mouvements = {received}, nouveau solde annoncé {expected}',
    fix: 'Un mouvement manque ou est en double dans le relevé ; redemander le fichier à la banque.',
    ref: 'CFONB « Relevé de compte sur support informatique » (juillet 2004), ancien solde (01), mouvements (04), nouveau solde (07)',
  },
  BANK_CSV_COLUMNS: {
    family: 'MISSING',
    message: 'Ligne CSV sans la colonne {expected} (reçu {received} colonnes)',
    fix: 'Vérifier le séparateur et le numéro des colonnes configurés.',
    ref: 'IETF RFC 4180 « Common Format and MIME Type for CSV Files », §2',
  },
  BANK_CSV_DATE: {
    family: 'FORMAT',
    message: 'Date CSV illisible « {received} » (attendu {expected})',
    fix: 'Vérifier le format de date configuré (JJ/MM/AAAA ou AAAA-MM-JJ).',
    ref: 'IETF RFC 4180 « Common Format and MIME Type for CSV Files », §2',
  },
  BANK_CSV_AMOUNT: {
    family: 'FORMAT',
    message: 'Montant CSV illisible « {received} »',
    fix: 'Vérifier la virgule décimale et le séparateur configurés.',
    ref: 'IETF RFC 4180 « Common Format and MIME Type for CSV Files », §2',
  },
  BANK_CSV_QUOTE: {
    family: 'FORMAT',
    message: 'Guillemet non fermé dans la ligne CSV',
    fix: 'Corriger le fichier ou le séparateur configuré.',
    ref: 'IETF RFC 4180 « Common Format and MIME Type for CSV Files », §2 (champs entre guillemets)',
  },
  BANK_CSV_RECORD_SIZE: {
    family: 'LENGTH',
    message: 'Ligne CSV de plus de {expected} (guillemet non fermé ?) : lecture arrêtée',
    fix: 'Vérifier qu’aucun guillemet n’est resté ouvert, ou augmenter maxRecordSize si la banque écrit des lignes aussi longues.',
    ref: 'IETF RFC 4180 « Common Format and MIME Type for CSV Files », §2 (champs entre guillemets)',
  },
  BANK_CSV_FORMAT: {
    family: 'FORMAT',
    message: 'Fichier CSV mal formé ({received}) : lecture arrêtée',
    fix: 'Vérifier le séparateur configuré et l’export de la banque (format CSV).',
    ref: 'IETF RFC 4180 « Common Format and MIME Type for CSV Files », §2',
  },
  BANK_CSV_MAX_ISSUES: {
    family: 'RULE',
    message: 'Trop d’anomalies dans le relevé CSV : lecture arrêtée après {expected}',
    fix: 'Corriger les premières anomalies (souvent une seule cause : séparateur, colonnes, format de date), ou augmenter maxIssues.',
    ref: 'IETF RFC 4180 « Common Format and MIME Type for CSV Files », §2',
  },
  RECONCILE_DICTIONARY_ROW: {
    family: 'FORMAT',
    message: 'Ligne du dictionnaire de rejets invalide : attendu {expected}, reçu « {received} »',
    fix: 'Corriger la ligne de la table de rejets fournie (code, niveau F/L/A, part AMO/AMC, libellé, correction, recyclage).',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entités 290 « rejet / signalement » et 294 « rejet » (codes de rejet de la caisse)',
  },
  RECONCILE_DICTIONARY_DUPLICATE: {
    family: 'RULE',
    message: 'Code de rejet en double dans le dictionnaire : {received}',
    fix: 'Garder une seule ligne par code et par part.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entités 290 et 294',
  },
  RECONCILE_UNKNOWN_INVOICE: {
    family: 'UNKNOWN_CODE',
    severity: 'warning',
    message: 'Facture {received} du retour NOEMIE inconnue du registre',
    fix: 'Vérifier le n° de PS et le n° de facture ; une facture émise par un autre logiciel doit être rapprochée à la main.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entités 100 / 102 « facture »',
  },
  RECONCILE_AMOUNT_DIFFERENCE: {
    family: 'TOTAL_MISMATCH',
    severity: 'warning',
    message: 'Montant demandé selon la caisse {received}, attendu au registre {expected}',
    fix: 'Comparer la facture émise et le décompte de la caisse ; corriger le registre ou contester.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entités 198 / 199 « part AMO / AMC »',
  },
  RECONCILE_LOT_MISMATCH: {
    family: 'RULE',
    severity: 'warning',
    message: 'Facture non rapprochée : lot ou date selon la caisse {received}, au registre {expected}',
    fix: 'Même n° de facture mais autre lot ou autre date : vérifier qu’il s’agit bien de cette facture (autre poste, numérotation reprise) avant de la rapprocher à la main.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entité 102 (n° de lot, date de création du lot, date de facturation)',
  },
  RECONCILE_NO_AMC_PART: {
    family: 'RULE',
    severity: 'warning',
    message: 'Part AMC retournée pour une facture sans part AMC suivie (tiers payant AMC) au registre',
    fix: 'Vérifier la DRE et le tiers payant AMC de cette facture.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entité 199 « part AMC »',
  },
  RECONCILE_NEGATIVE_PAYMENT: {
    family: 'RANGE',
    severity: 'warning',
    message: 'Montant payé négatif {received} (régularisation) : non appliqué au registre',
    fix: 'Traiter la régularisation à la main avec le décompte de la caisse.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entités 198 / 199 (montant payé)',
  },
  RECONCILE_UNKNOWN_REJECT_CODE: {
    family: 'UNKNOWN_CODE',
    severity: 'warning',
    message: 'Code de rejet {received} absent du dictionnaire chargé (libellé de la caisse conservé)',
    fix: 'Charger la table officielle des codes de rejet (loadRejectDictionary) ou lire le libellé de la caisse.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entités 290 / 294 ; ameli.fr « Le retour NOEMIE »',
  },
  RECONCILE_TRANSITION_REFUSED: {
    family: 'RULE',
    severity: 'warning',
    message: 'Événement non appliqué : {received} (accepté : {expected})',
    fix: 'Vérifier l’historique de la facture : retour déjà traité par un autre moyen ou reçu dans le désordre.',
    ref: 'FIDES ACE, spécifications fonctionnelles générales v06.08, § TF « transmettre les factures » (statuts d’une facture)',
  },
  RECONCILE_ARL_UNKNOWN_FILE: {
    family: 'UNKNOWN_CODE',
    severity: 'warning',
    message: 'ARL du fichier {received} : aucun lot transmis de ce fichier au registre',
    fix: 'Vérifier l’identifiant du fichier transmis ; l’ARL est peut-être destiné à un autre poste.',
    ref: 'ameli.fr « Le retour NOEMIE » (un ARL par fichier transmis ; format de l’ARL modélisé, non public)',
  },
  RECONCILE_LEDGER_REFUSED: {
    family: 'RULE',
    message: 'Le registre a refusé le retour {received}',
    fix: 'Voir les anomalies jointes ; rien n’a été appliqué pour ce retour.',
    ref: 'FIDES ACE, spécifications fonctionnelles générales v06.08, § TF « transmettre les factures »',
  },
  RECONCILE_WRONG_ADDRESSEE: {
    family: 'RULE',
    message: 'Retour NOEMIE adressé au PS {received}, rapprochement demandé pour le PS {expected} : rien n’a été appliqué',
    fix: 'Rapprocher ce fichier avec le registre du PS destinataire (option ps), ou sans option ps pour suivre le n° destinataire de l’en-tête.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entité 000 « en-tête », n° destinataire (pos. 28-41)',
  },
  RECONCILE_NOT_RECORDED: {
    family: 'MISSING',
    severity: 'warning',
    message: 'Retour {received} : aucune facture du registre rapprochée, retour non enregistré comme traité',
    fix: 'Vérifier le PS et les factures du retour ; relire le fichier une fois les factures enregistrées (il sera appliqué à ce moment-là).',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entités 100 / 102 « facture » ; ameli.fr « Le retour NOEMIE »',
  },
  RECONCILE_UNMATCHED_VIREMENT: {
    family: 'MISSING',
    severity: 'warning',
    message: 'Virement {received} absent du relevé bancaire',
    fix: 'Vérifier le relevé de la période suivante ou contacter la caisse.',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), entité 071 « virement » ; CFONB « Relevé de compte sur support informatique » (juillet 2004)',
  },
  RECONCILE_SIMULATOR_EMPTY: {
    family: 'MISSING',
    message: 'Simulateur de retours : aucun lot FSE transmis en attente de retour pour le PS {received}',
    fix: 'Créer, mettre en lot et marquer transmises des factures avant de simuler les retours.',
    ref: 'ameli.fr « Le retour NOEMIE » (ARL puis retour NOEMIE après l’envoi des lots)',
  },
});
