/**
 * Issue codes of the CCAM importer (public API).
 */
import { defineIssueCodes } from '../../core/issues/index';

const CH19 = 'CCAM, CNAM — chapitre 19.03 « Modificateurs » du fichier « CCAM téléchargement » (ameli.fr) ; livre III de la CCAM (décision UNCAM du 11 mars 2005, JORF du 30 mars 2005)';
const LIVRE_III = 'CCAM, livre III, art. III-3 B « Règles d’association » (décision UNCAM du 11 mars 2005, JORF du 30 mars 2005)';
const LIVRE_III_A = 'CCAM, livre III, art. III-3 A (décision UNCAM du 11 mars 2005, JORF du 30 mars 2005, modifiée) : consultation et actes techniques dans le même temps';
const CCAM = 'CCAM, CNAM (Assurance Maladie) — fichier « CCAM téléchargement » publié sur ameli.fr pour chaque version';

/** Issue codes raised by `parseCcamCsv` and `buildCcamHistory`. */
export const CCAM_CODES = defineIssueCodes({
  CCAM_VERSION: {
    family: 'FORMAT',
    message: 'Version CCAM illisible : attendu {expected}, reçu « {received} »',
    fix: 'Passer le fichier CSV exporté tel que publié par la CNAM (ligne 1 « CNAM - CCAM version NN applicable JJ/MM/AAAA »), ou préciser version et date applicable.',
    ref: CCAM,
  },
  CCAM_HEADER: {
    family: 'FORMAT',
    message: 'En-tête des colonnes CCAM introuvable (colonne « Code »)',
    fix: 'Exporter la feuille CCAM de la CNAM en CSV (séparateur virgule, UTF-8) sans en retirer l’en-tête.',
    ref: CCAM,
  },
  CCAM_CSV: {
    family: 'FORMAT',
    message: 'CSV mal formé : {received}',
    fix: 'Vérifier que le fichier est l’export CSV complet (guillemets fermés).',
    ref: 'RFC 4180 (format CSV)',
  },
  CCAM_TARIF: {
    family: 'FORMAT',
    severity: 'warning',
    message: 'Tarif CCAM illisible : « {received} » (ignoré)',
    fix: 'Corriger la cellule dans le fichier ou signaler l’anomalie ; l’activité est importée sans ce tarif.',
    ref: CCAM,
  },
  CCAM_TARIF_FRACTION: {
    family: 'FORMAT',
    severity: 'warning',
    message: 'Pourcentage CCAM écrit en fraction de tableur : « {received} », {expected}',
    fix: 'Vérifier la valeur contre le texte de la CCAM (chapitre 19.03) ; elle est importée comme indiqué.',
    ref: CCAM,
  },
  CCAM_ACTIVITE: {
    family: 'FORMAT',
    severity: 'warning',
    message: 'Ligne d’activité CCAM incohérente : {received}',
    fix: 'Vérifier la ligne dans le fichier CNAM ; elle est ignorée ou rattachée comme indiqué.',
    ref: CCAM,
  },
  CCAM_VERSIONS_ORDER: {
    family: 'RULE',
    message: 'Versions CCAM non ordonnées ou dupliquées : {received}',
    fix: 'Passer des versions de dates d’application distinctes.',
    ref: CCAM,
  },
  CCAM_EMPTY: {
    family: 'MISSING',
    message: 'Aucun acte CCAM lu dans le fichier',
    fix: 'Vérifier que le fichier est bien l’export de la CCAM.',
    ref: CCAM,
  },
  CCAM_FICHIER: {
    family: 'FORMAT',
    message: 'Fichier de référentiel CCAM illisible : {received}',
    fix: 'Passer le fichier JSON écrit par « sesam referentiel import-ccam » tel quel, ou le refaire depuis le fichier CSV de la CNAM.',
    ref: `RFC 8259 (format JSON) ; ${CCAM}`,
  },
  CCAM_FICHIER_VERSION: {
    family: 'RANGE',
    message: 'Format de fichier de référentiel non pris en charge : attendu {expected}, reçu {received}',
    fix: 'Mettre à jour sesam-billing (le fichier a été écrit par une version plus récente), ou refaire le fichier avec « sesam referentiel import-ccam » de la version installée.',
    ref: `RFC 8259 (format JSON) ; ${CCAM}`,
  },
  CCAM_VERSION_DEJA_CHARGEE: {
    family: 'RULE',
    severity: 'warning',
    message: 'Version CCAM déjà présente dans le référentiel : {received} (le fichier est ignoré)',
    fix: 'Rien à faire : la version livrée avec la bibliothèque est utilisée ; le fichier importé peut être retiré.',
    ref: CCAM,
  },
  CCAM_MODIFICATEUR_NON_AUTORISE: {
    family: 'RULE',
    message: 'Modificateur {received} non autorisé pour cet acte (autorisés : {expected})',
    fix: 'Retirer le modificateur : la CCAM liste, pour chaque acte, les modificateurs qu’il admet.',
    ref: CH19,
  },
  CCAM_MODIFICATEUR_INCONNU: {
    family: 'UNKNOWN_CODE',
    message: 'Modificateur {received} sans valeur à la date de l’acte',
    fix: 'Vérifier la lettre du modificateur et la date ; la valeur est celle du chapitre 19.03 de la CCAM en vigueur.',
    ref: CH19,
  },
  CCAM_MODIFICATEUR_NON_APPLICABLE: {
    family: 'RULE',
    message: 'Modificateur {received} non facturable par ce professionnel ({expected})',
    fix: 'Le modificateur dépend de la spécialité, de la profession ou du secteur : vérifier le code spécialité du PS ou retirer le modificateur.',
    ref: CH19,
  },
  CCAM_MODIFICATEURS_CUMUL: {
    family: 'RULE',
    message: 'Modificateurs non cumulables sur un même acte : {received}',
    fix: 'Garder un seul des modificateurs d’urgence U, F, P, S (et jamais Y avec Z).',
    ref: CH19,
  },
  CCAM_CODE_ASSOCIATION: {
    family: 'UNKNOWN_CODE',
    message: 'Code d’association {received} inconnu (attendu : {expected})',
    fix: 'Indiquer le code d’association de la règle qui s’applique (1 acte principal, 2 second acte à 50 %, 3 à 75 % …).',
    ref: LIVRE_III,
  },
  CCAM_CUMUL_CONSULTATION_ACTE: {
    family: 'RULE',
    severity: 'warning',
    message: 'Consultation ou visite {expected} et acte technique {received} le même jour : leurs honoraires ne se cumulent pas s’ils sont réalisés dans le même temps',
    fix: 'Si l’acte a été réalisé dans le même temps que la consultation, ne facturer que l’un des deux ; s’ils ont eu lieu à des moments distincts de la journée, la facturation des deux est possible (avertissement seulement).',
    ref: LIVRE_III_A,
  },
  CCAM_CUMUL_ACTE_TAUX: {
    family: 'RULE',
    severity: 'warning',
    message: 'Acte {received} facturé avec une consultation : la dérogation le tarife à {expected}',
    fix: 'Facturer l’acte technique avec le code d’association indiqué (consultation à taux plein, acte à 50 %).',
    ref: LIVRE_III_A,
  },
  CCAM_ASSOCIATION_ORDRE: {
    family: 'RULE',
    message: 'Acte au second rang (code d’association 2) de tarif {received} supérieur à l’acte à taux plein (code 1, {expected})',
    fix: 'Placer le code d’association 1 sur l’acte dont le tarif, hors modificateurs, est le plus élevé et le code 2 sur l’autre.',
    ref: LIVRE_III,
  },
  CCAM_ASSOCIATION_SANS_PRINCIPAL: {
    family: 'RULE',
    severity: 'warning',
    message: 'Acte à 50 % (code d’association 2) sans acte à taux plein (code 1) le même jour : {received}',
    fix: 'Indiquer l’acte principal de l’association avec le code 1 ; un acte seul ne porte pas de code d’association.',
    ref: LIVRE_III,
  },
  CCAM_IMAGERIE_SITES_MULTIPLES: {
    family: 'RULE',
    severity: 'warning',
    message: 'Deux actes de la même technique d’imagerie le même jour : {received} et {expected} ; un seul acte est tarifé pour plusieurs sites dans le même temps',
    fix: 'Facturer un seul acte (celui qui décrit l’ensemble des sites, s’il existe) ; l’échographie d’organes intra-abdominaux ou pelviens avec le sein, la thyroïde ou les testicules s’associe selon la règle générale ; des examens à des moments distincts se facturent séparément.',
    ref: 'CCAM, livre I, art. I-12 (incompatibilités : échographie, scanographie ou remnographie de plusieurs sites) et livre III, art. III-3 B (actes d’échographie) (décision UNCAM du 11 mars 2005, JORF du 30 mars 2005, modifiée)',
  },
  CCAM_DOM_SANS_COEFFICIENT: {
    family: 'RULE',
    severity: 'warning',
    message: 'Acte CCAM facturé en zone DOM sans coefficient DOM à la date {received} : tarif métropolitain appliqué',
    fix: 'Passer le coefficient DOM applicable (parametres.ccam.coefficientDom) avec son texte, ou vérifier le tarif.',
    ref: 'Code de la sécurité sociale, art. L.162-14-1 (tarifs conventionnels, majorations DOM) ; CCAM, CNAM',
  },
  CCAM_PARAMETRE_DATE: {
    family: 'RULE',
    message: 'Paramètre CCAM « {received} » sans valeur à la date {expected}',
    fix: 'Compléter le paramètre daté (parametres.ccam) pour cette date.',
    ref: 'Code de la sécurité sociale, art. R.322-8 (participation de l’assuré limitée pour les actes de tarif ≥ 120 €)',
  },
});
