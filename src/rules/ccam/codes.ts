/**
 * Issue codes of the CCAM importer (public API).
 */
import { defineIssueCodes } from '../../core/issues/index';

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
});
