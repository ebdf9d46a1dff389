/**
 * Issue codes of the scor module (SCOR justificatifs as PDF/A-1b). Public API.
 *
 * The SCOR cahier des charges of the GIE SESAM-Vitale is restricted: the resolution, page and
 * size thresholds checked here are parameters with documented defaults, not official figures.
 */
import { defineIssueCodes } from '../core/issues/index';

const CDC_SCOR = 'GIE SESAM-Vitale, cahier des charges « Numérisation et télétransmission des pièces justificatives » (SCOR), cité par la convention nationale des masseurs-kinésithérapeutes (arrêté du 10 janvier 2012)';
const PDFA = 'ISO 19005-1:2005 (PDF/A-1), niveau B';

/** Scor issue codes. */
export const SCOR_CODES = defineIssueCodes({
  SCOR_IMAGE_EMPTY: {
    family: 'MISSING',
    message: 'Image vide ({received}).',
    fix: 'Numériser à nouveau la pièce : le fichier ne contient aucune donnée.',
    ref: `${CDC_SCOR} ; arrêté du 31 mars 2022 (JORF du 10 avril 2022), annexe XV : anomalies rendant l’image numérisée inexploitable`,
  },
  SCOR_IMAGE_FORMAT: {
    family: 'FORMAT',
    message: 'Format d’image non reconnu ({received}) : JPEG ou PNG attendu.',
    fix: 'Enregistrer la numérisation en JPEG ou en PNG (réglage du scanner ou du logiciel de numérisation).',
    ref: 'ITU-T T.81 (JPEG) annexe B ; ISO/IEC 15948:2004 (PNG) §5.2',
  },
  SCOR_IMAGE_TRUNCATED: {
    family: 'FORMAT',
    message: 'Image tronquée ou corrompue ({received}).',
    fix: 'Le fichier est incomplet (copie interrompue, disque plein) : numériser à nouveau la pièce.',
    ref: 'ITU-T T.81 (JPEG) annexe B ; ISO/IEC 15948:2004 (PNG) §5.3',
  },
  SCOR_IMAGE_UNSUPPORTED: {
    family: 'FORMAT',
    message: 'Variante d’image non prise en charge : {received} ({expected} attendu).',
    fix: 'Enregistrer la numérisation en JPEG de base 8 bits (baseline ou progressif) ou en PNG non entrelacé.',
    ref: `ITU-T T.81 (JPEG) §B.1.1.3 ; ISO/IEC 15948:2004 (PNG) §11.2.2 ; ${PDFA} §6.1.12 (limites d’implémentation)`,
  },
  SCOR_IMAGE_TRANSPARENT: {
    family: 'RULE',
    message: 'Image avec transparence ({received}) : interdite en PDF/A-1.',
    fix: 'Numériser sans canal alpha (RVB ou niveaux de gris), ou aplatir l’image sur un fond blanc avant de la joindre.',
    ref: `${PDFA} §6.4 (transparence)`,
  },
  SCOR_IMAGE_COLOUR: {
    family: 'RULE',
    message: 'Mode de couleur {received} refusé : {expected} attendu.',
    fix: 'Numériser en couleur (RVB) ou en niveaux de gris ; un JPEG CMJN se convertit en RVB dans le logiciel de numérisation.',
    ref: `${PDFA} §6.2.3 (espaces de couleur et intention de sortie sRGB) ; ${CDC_SCOR}`,
  },
  SCOR_IMAGE_DIMENSIONS: {
    family: 'RANGE',
    message: 'Dimensions de l’image hors limites : {received} ({expected}).',
    fix: 'Vérifier le fichier : une image de 0 pixel ou démesurée n’est pas une numérisation de pièce.',
    ref: 'ITU-T T.81 (JPEG) §B.2.2 ; ISO/IEC 15948:2004 (PNG) §11.2.2',
  },
  SCOR_RESOLUTION_LOW: {
    family: 'RANGE',
    message: 'Résolution trop faible : {received} pour {expected}.',
    fix: 'Numériser à nouveau à une résolution d’au moins la valeur attendue (réglage « ppp » / « dpi » du scanner).',
    ref: CDC_SCOR,
  },
  SCOR_DENSITY_MISSING: {
    family: 'MISSING',
    severity: 'warning',
    message: 'L’image ne dit pas sa résolution ({received}) : elle est mise à l’échelle d’une page A4 ({expected}).',
    fix: 'Régler le scanner pour qu’il enregistre la résolution (JFIF / pHYs), ou accepter la mise à l’échelle A4.',
    ref: 'JFIF 1.02 (ITU-T T.871) §10.1 ; ISO/IEC 15948:2004 (PNG) §11.3.5.3 (pHYs)',
  },
  SCOR_PAGE_SIZE: {
    family: 'RANGE',
    message: 'Taille de page hors limites : {received} ({expected}).',
    fix: 'Numériser la pièce à sa taille réelle (A5 à A3) et vérifier la résolution enregistrée par le scanner.',
    ref: `${CDC_SCOR} ; ${PDFA} §6.1.12 (limites d’implémentation)`,
  },
  SCOR_PAGE_COUNT: {
    family: 'RANGE',
    message: 'Nombre de pages hors limites : {received} ({expected}).',
    fix: 'Une pièce justificative par document : séparer les pièces, ou relever la limite si la caisse l’accepte.',
    ref: CDC_SCOR,
  },
  SCOR_IMAGE_REENCODED: {
    family: 'RULE',
    severity: 'warning',
    message: 'Image réencodée sans perte ({received}) : elle ne peut être incorporée telle quelle en PDF 1.4.',
    fix: 'Rien à faire ; pour une incorporation à l’identique, enregistrer en PNG 8 bits non entrelacé.',
    ref: `PDF Reference 1.4 §4.8.4 (BitsPerComponent)`,
  },
  SCOR_PIECE_MISSING: {
    family: 'MISSING',
    message: 'Pièce justificative manquante pour la {received} : {expected}.',
    fix: 'Numériser la pièce et la joindre (buildScorPiece), ou envoyer le duplicata papier pour une facture en mode dégradé.',
    ref: `${CDC_SCOR} ; ameli.fr, « Facturation en mode dégradé » (feuille de soins papier ou pièce numérisée)`,
  },
  SCOR_PIECE_ORPHAN: {
    family: 'RULE',
    severity: 'warning',
    message: 'Pièce justificative sans facture dans le lot ({received}).',
    fix: 'Vérifier le n° de facture de la pièce, ou retirer la pièce du lot.',
    ref: CDC_SCOR,
  },
  SCOR_PDFA_UNREADABLE: {
    family: 'FORMAT',
    message: 'Document PDF illisible ({received}).',
    fix: 'Le fichier n’est pas un PDF complet : le régénérer avec buildPdfA.',
    ref: 'ISO 32000-1:2008 §7.5',
  },
  SCOR_PDFA_HEADER: {
    family: 'FORMAT',
    message: 'En-tête PDF non conforme ({received}) : {expected}.',
    fix: 'Régénérer le document avec buildPdfA.',
    ref: `${PDFA} §6.1.2 (en-tête du fichier)`,
  },
  SCOR_PDFA_TRAILER: {
    family: 'FORMAT',
    message: 'Fin de fichier ou trailer non conforme : {received} ({expected}).',
    fix: 'Régénérer le document avec buildPdfA (identifiant de fichier ID, %%EOF final).',
    ref: `${PDFA} §6.1.3 (trailer)`,
  },
  SCOR_PDFA_ENCRYPTED: {
    family: 'RULE',
    message: 'Document chiffré (/Encrypt) : interdit en PDF/A.',
    fix: 'Produire le document sans chiffrement ni mot de passe.',
    ref: `${PDFA} §6.1.3`,
  },
  SCOR_PDFA_XREF: {
    family: 'FORMAT',
    message: 'Structure de fichier postérieure à PDF 1.4 ({received}).',
    fix: 'Enregistrer avec une table xref classique, sans flux d’objets (pdf-lib : useObjectStreams: false).',
    ref: `${PDFA} §6.1.4 ; PDF Reference 1.4 §3.4.3`,
  },
  SCOR_PDFA_OUTPUT_INTENT: {
    family: 'MISSING',
    message: 'Intention de sortie PDF/A absente ou incomplète ({received}).',
    fix: 'Ajouter une OutputIntent /GTS_PDFA1 avec son profil ICC (buildPdfA le fait).',
    ref: `${PDFA} §6.2.2 (intention de sortie)`,
  },
  SCOR_PDFA_METADATA: {
    family: 'MISSING',
    message: 'Métadonnées XMP absentes ou sans identification PDF/A-1 ({received}).',
    fix: 'Ajouter le paquet XMP avec pdfaid:part 1 et pdfaid:conformance B (buildPdfA le fait).',
    ref: `${PDFA} §6.7.2 et §6.7.11 (identification de version et de conformité)`,
  },
  SCOR_PDFA_INFO_MISMATCH: {
    family: 'RULE',
    message: 'Dictionnaire Info et métadonnées XMP différents : {received}.',
    fix: 'Écrire les mêmes titre, producteur et dates dans Info et dans le paquet XMP (buildPdfA le fait).',
    ref: `${PDFA} §6.7.3 (dictionnaire d’informations du document)`,
  },
  SCOR_PDFA_TRANSPARENCY: {
    family: 'RULE',
    message: 'Transparence dans le document ({received}) : interdite en PDF/A-1.',
    fix: 'Retirer les masques (SMask) et opacités (CA, ca < 1) : aplatir les images avant de les joindre.',
    ref: `${PDFA} §6.4`,
  },
  SCOR_PDFA_FORBIDDEN: {
    family: 'RULE',
    message: 'Fonction interdite en PDF/A-1 : {received}.',
    fix: 'Régénérer le document sans JavaScript, fichier joint ni compression LZW (buildPdfA n’en produit pas).',
    ref: `${PDFA} §6.1.10 (filtres), §6.6 (actions), §6.1.11 (fichiers incorporés)`,
  },
  SCOR_PAPER_NO_LINE: {
    family: 'MISSING',
    message: 'Décompte sans acte ({received}) : rien à imprimer.',
    fix: 'Calculer la facture (computeFacture) avec ses actes avant d’imprimer le duplicata ou le bordereau.',
    ref: 'ameli.fr, « Facturation en mode dégradé » (feuille de soins papier)',
  },
  SCOR_PAPER_TOTAL_MISMATCH: {
    family: 'TOTAL_MISMATCH',
    message: 'Total du décompte {received} différent de la somme des lignes {expected}.',
    fix: 'Imprimer le décompte tel que computeFacture l’a rendu, sans retoucher ses totaux ni ses lignes.',
    ref: 'Norme B2 inter-régimes, cahier des charges (montants de la facture : somme des prestations)',
  },
  SCOR_BORDEREAU_NOT_AMC: {
    family: 'RULE',
    message: 'Facture sans part complémentaire en tiers payant sur un bordereau AMC : {received}.',
    fix: 'Retirer la facture du bordereau : l’organisme complémentaire ne paie au professionnel que sa part en tiers payant.',
    ref: 'CSS art. L.871-1 et D.911-1 (tiers payant des contrats responsables) ; ameli.fr, « Le tiers payant »',
  },
  SCOR_BORDEREAU_DUPLICATE: {
    family: 'RULE',
    message: 'Facture présente deux fois sur le bordereau ({received}).',
    fix: 'Une facture ne figure qu’une fois : retirer le doublon.',
    ref: 'ameli.fr, « Le tiers payant » (une facture, un paiement)',
  },
  SCOR_LOT_EMPTY: {
    family: 'MISSING',
    message: 'Lot SCOR sans pièce ({received}).',
    fix: 'Ajouter au lot les pièces justificatives des factures du lot FSE (buildScorPiece).',
    ref: CDC_SCOR,
  },
  SCOR_LOT_TOO_LARGE: {
    family: 'RANGE',
    message: 'Lot SCOR trop volumineux : {received} ({expected}).',
    fix: 'Répartir les pièces sur plusieurs lots SCOR, ou relever la limite si la caisse l’accepte (paramètres maxPieces, maxBytes).',
    ref: CDC_SCOR,
  },
  SCOR_LOT_DUPLICATE: {
    family: 'RULE',
    message: 'Pièce en double dans le lot SCOR : {received} ({expected}).',
    fix: 'Une pièce de chaque nature par facture et par lot : retirer le doublon.',
    ref: CDC_SCOR,
  },
  SCOR_LOT_CORRUPT: {
    family: 'FORMAT',
    message: 'Lot SCOR illisible ({received}).',
    fix: 'Le fichier n’est pas un lot écrit par ce codec (ou il est tronqué) : régénérer le lot.',
    ref: `${CDC_SCOR} ; format modélisé (codec du lot SCOR : cahier des charges non public)`,
  },
  SCOR_ARL_MALFORMED: {
    family: 'FORMAT',
    message: 'ARL SCOR illisible ({received}).',
    fix: 'Vérifier que le codec du lot SCOR est celui de la caisse ou de l’OCT ; conserver le fichier reçu et le signaler à l’éditeur.',
    ref: `${CDC_SCOR} ; format modélisé (ARL SCOR : cahier des charges non public)`,
  },
  SCOR_ARL_LOT_MISMATCH: {
    family: 'RULE',
    message: 'L’ARL SCOR répond à un autre lot : {received} ({expected} attendu).',
    fix: 'Rapprocher l’ARL du manifeste du bon lot (numéro de lot et n° PS).',
    ref: CDC_SCOR,
  },
  SCOR_ARL_REJECTED: {
    family: 'RULE',
    severity: 'warning',
    message: 'Pièce ou lot SCOR rejeté par la caisse : {received}.',
    fix: 'Numériser à nouveau la pièce (lisibilité, résolution) et l’envoyer dans un nouveau lot SCOR ; à défaut, envoyer la pièce sur papier.',
    ref: CDC_SCOR,
  },
  SCOR_ARL_UNKNOWN_PIECE: {
    family: 'RULE',
    severity: 'warning',
    message: 'L’ARL SCOR cite une pièce absente du lot ({received}).',
    fix: 'Vérifier le manifeste enregistré du lot ; signaler l’écart à la caisse si la pièce n’a jamais été envoyée.',
    ref: CDC_SCOR,
  },
});

/** A scor issue code. */
export type ScorCode = keyof typeof SCOR_CODES;
