/**
 * Issue codes of the rules module (pricing and AMO / AMC / patient split). Codes are public API;
 * messages are French prose and may change.
 */
import { defineIssueCodes } from '../core/issues/index';

/** Issue codes raised by `validateFactureInput`, `computeFacture` and `loadReferentiel`. */
export const RULES_CODES = defineIssueCodes({
  RULES_INPUT_TYPE: {
    family: 'FORMAT',
    message: 'Type inattendu : attendu {expected}, reçu {received}',
    fix: 'Transmettre une valeur du type attendu.',
    ref: 'sesam-billing, type FactureInput (documentation de l’API)',
  },
  RULES_MISSING: {
    family: 'MISSING',
    message: 'Champ obligatoire absent : {expected}',
    fix: 'Renseigner le champ.',
    ref: 'sesam-billing, type FactureInput (documentation de l’API)',
  },
  RULES_DATE: {
    family: 'FORMAT',
    message: 'Date invalide : attendu AAAA-MM-JJ, reçu « {received} »',
    fix: 'Saisir une date réelle au format AAAA-MM-JJ.',
  },
  RULES_ENUM: {
    family: 'UNKNOWN_CODE',
    message: 'Valeur non reconnue : attendu {expected}, reçu « {received} »',
    fix: 'Choisir une des valeurs attendues.',
  },
  RULES_QUANTITE: {
    family: 'RANGE',
    message: 'Quantité impossible : attendu {expected}, reçu {received}',
    fix: 'Saisir un nombre entier d’actes identiques (1 à 99).',
  },
  RULES_COEFFICIENT: {
    family: 'FORMAT',
    message: 'Coefficient invalide : attendu {expected}, reçu « {received} »',
    fix: 'Saisir un coefficient décimal positif (ex. 1.5).',
  },
  RULES_MONTANT: {
    family: 'FORMAT',
    message: 'Montant invalide : attendu {expected}, reçu {received}',
    fix: 'Transmettre un Money { centimes } entier et positif.',
  },
  RULES_POURCENTAGE: {
    family: 'FORMAT',
    message: 'Pourcentage invalide : attendu {expected}, reçu « {received} »',
    fix: 'Saisir un pourcentage décimal (ex. 100, 150).',
  },
  RULES_LIGNES_VIDES: {
    family: 'MISSING',
    message: 'La facture ne contient aucune ligne',
    fix: 'Ajouter au moins un acte.',
  },
  RULES_LIGNES_TROP: {
    family: 'RANGE',
    message: 'Trop de lignes : au plus {expected}, reçu {received}',
    fix: 'Scinder la facture.',
  },
  RULES_DATE_APRES_FACTURATION: {
    family: 'RULE',
    message: 'Date postérieure à la date de facturation ({expected}) : {received}',
    fix: 'Corriger la date de l’acte ou la date de facturation.',
  },
  RULES_DATE_AVANT_NAISSANCE: {
    family: 'RULE',
    message: 'Date antérieure à la naissance du bénéficiaire ({expected}) : {received}',
    fix: 'Vérifier la date de l’acte et la date de naissance.',
  },
  RULES_DELAI_FACTURATION: {
    family: 'RULE',
    severity: 'warning',
    message: 'Acte de plus d’un an à la date de facturation : {received}',
    fix: 'La caisse peut rejeter la facture ; facturer dans l’année (forçage sur demande de la caisse).',
    ref: 'Délai contrôlé par les caisses à la réception (norme B2 inter-régimes, contrôles de recevabilité) ; prescription de l’action : CSS art. L.332-1',
  },
  RULES_CODE_INCONNU: {
    family: 'UNKNOWN_CODE',
    message: 'Code acte inconnu du référentiel : « {received} »',
    fix: 'Vérifier le code (NGAP, CCAM, LPP) ou charger un référentiel qui le contient.',
  },
  RULES_TARIF_DATE: {
    family: 'RULE',
    message: 'Aucun tarif de « {received} » à la date de l’acte ({expected})',
    fix: 'Le code n’existait pas (ou plus) à cette date : vérifier la date ou le code.',
    ref: 'NGAP et CCAM en vigueur à la date de l’acte (ameli.fr, décisions UNCAM publiées au JO)',
  },
  RULES_TARIF_NON_APPLICABLE: {
    family: 'RULE',
    message: 'Code « {received} » non applicable ({expected})',
    fix: 'Vérifier la profession, le secteur et la zone du PS, ou charger le référentiel correspondant.',
    ref: 'NGAP (Nomenclature générale des actes professionnels, ameli.fr) et CCAM (CNAM), champ d’application par profession',
  },
  RULES_CCAM_AVANT_VERSION: {
    family: 'RULE',
    message: 'Acte CCAM {received} antérieur à la première version de la CCAM chargée ({expected})',
    fix: 'Importer le fichier CCAM de la CNAM de la version applicable à la date de l’acte (sesam referentiel import-ccam FICHIER.csv --applicable AAAA-MM-JJ) et le charger avec loadReferentiel.',
    ref: 'CCAM, CNAM : une version par date d’application (fichier CCAM téléchargement, ameli.fr)',
  },
  RULES_ACTE_NON_PRIS_EN_CHARGE: {
    family: 'RULE',
    message: 'Acte « {received} » non pris en charge par l’assurance maladie',
    fix: 'Ne pas porter l’acte sur la feuille de soins : il est facturé au patient hors remboursement.',
    ref: 'CCAM, CNAM : actes « Non pris en charge » (fichier CCAM téléchargement, ameli.fr)',
  },
  RULES_TARIF_A_CONFIRMER: {
    family: 'MISSING',
    message: 'Tarif de « {received} » à confirmer (absent des sources publiques retenues)',
    fix: 'Charger, après les tables par défaut, une table contenant ce code avec son tarif daté (validFrom) et sa source : loadReferentiel([...DEFAULT_TABLES, maTable]) ; sa ligne remplace le tarif par défaut pour le même code, la même zone (absente = métropole), les mêmes secteurs et la même période.',
    ref: 'NGAP (ameli.fr, décisions UNCAM au JO) ; CCAM, CNAM (fichier de téléchargement ameli)',
  },
  RULES_MONTANT_INFERIEUR_TARIF: {
    family: 'RULE',
    message: 'Montant facturé inférieur au tarif ({expected}) : {received}',
    fix: 'Facturer au moins le tarif conventionnel de l’acte.',
  },
  RULES_DEPASSEMENT_NON_AUTORISE: {
    family: 'RULE',
    message: 'Dépassement non autorisé : {received}',
    fix: 'Secteur 1 : indiquer DE (exigence particulière) ou DA (hors parcours, médecin), sinon facturer le tarif.',
    ref: 'Convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024), dépassements DE / DA ; CSS art. L.162-5-3',
  },
  RULES_DEPASSEMENT_PLAFOND: {
    family: 'RANGE',
    message: 'Dépassement autorisé au-delà du plafond ({expected}) : {received}',
    fix: 'Limiter le dépassement hors parcours au plafond.',
    ref: 'Convention médicale 2024 (arrêté du 20 juin 2024) : dépassement autorisé hors parcours plafonné ; CSS art. L.162-5-3',
  },
  RULES_MAJORATION_HORS_PARCOURS: {
    family: 'RULE',
    message: 'Majoration « {received} » réservée au parcours de soins',
    fix: 'Retirer la majoration ou corriger l’indicateur de parcours.',
    ref: 'Code de la sécurité sociale, art. L.162-5-3 (parcours de soins coordonnés)',
  },
  RULES_ALD_NON_DECLAREE: {
    family: 'RULE',
    message: 'Acte en rapport avec une ALD pour un bénéficiaire sans ALD',
    fix: 'Renseigner beneficiaire.ald ou retirer enRapportAld.',
  },
  RULES_ATMP_MANQUANT: {
    family: 'MISSING',
    message: 'Nature d’assurance AT/MP sans données d’accident du travail',
    fix: 'Renseigner beneficiaire.atmp (numéro et date).',
    ref: 'Norme B2 inter-régimes, cahier des charges CNAM (juin 2007, errata), enregistrement type 2 : zone accident du travail',
  },
  RULES_ATMP_DATE: {
    family: 'RULE',
    message: 'Acte antérieur à la date de l’AT/MP ({expected}) : {received}',
    fix: 'Vérifier la date de l’acte ou de l’accident.',
  },
  RULES_MATERNITE_DATES: {
    family: 'MISSING',
    message: 'Données de maternité sans date (début de grossesse ou accouchement)',
    fix: 'Renseigner dateDebutGrossesse, dateAccouchementPrevue ou dateAccouchement.',
  },
  RULES_NATURE_MATERNITE: {
    family: 'RULE',
    severity: 'warning',
    message: 'Acte en période de maternité facturé en nature d’assurance {received}',
    fix: 'Facturer en nature d’assurance 30 (maternité).',
    ref: 'Code de la sécurité sociale, art. L.160-9 et R.160-17 (assurance maternité) ; norme B2, nature d’assurance 30',
  },
  RULES_REGIME_LOCAL: {
    family: 'RULE',
    severity: 'warning',
    message: 'Régime local Alsace-Moselle : taux spécifiques non modélisés, taux du régime général appliqués',
    fix: 'Charger des paramètres de taux du régime local.',
    ref: 'Code de la sécurité sociale, art. L.325-1 et D.325-1 (régime local d’Alsace-Moselle) ; norme B2, nature d’assurance 13',
  },
  RULES_TP_AMC_SANS_GARANTIE: {
    family: 'RULE',
    severity: 'warning',
    message: 'Tiers payant AMC demandé sans garantie AMC',
    fix: 'Déclarer la garantie AMC (input.amc).',
  },
  RULES_PARAMETRE_DATE: {
    family: 'RULE',
    message: 'Paramètre « {received} » sans valeur à la date {expected}',
    fix: 'Charger des paramètres (options.parametres) dont la valeur datée couvre cette date : un plafond ou un montant absent n’est jamais considéré comme nul.',
    ref: 'Code de la sécurité sociale, art. L.160-13 (participation de l’assuré, participation forfaitaire et franchises, en vigueur à la date des soins)',
  },
  RULES_PARCOURS_MANQUANT: {
    family: 'MISSING',
    message: 'Situation de parcours de soins absente pour un acte de médecin',
    fix: 'Indiquer le parcours (T médecin traitant, O orienté, U urgence, S hors parcours… ou le code numérique 01–13 de l’écran SESAM-Vitale).',
    ref: 'Code de la sécurité sociale, art. L.162-5-3 (parcours de soins coordonnés) ; norme B2 inter-régimes, indicateur de parcours de soins',
  },
  RULES_GROUPE_MONTANT: {
    family: 'RULE',
    message: 'Consultation « {received} » : montant facturé porté sur plusieurs lignes du groupe',
    fix: 'Porter le montant facturé de la consultation (honoraires totaux) sur une seule ligne du groupe ; le moteur place le dépassement sur l’acte.',
    ref: 'NGAP, dispositions générales (majorations facturées avec l’acte qu’elles majorent) ; Code de la sécurité sociale, art. L.162-5-3',
  },
  RULES_PRESCRIPTEUR_NON_CONVENTIONNE: {
    family: 'RULE',
    message: 'Prescription d’un médecin non conventionné (secteur 3) non remboursable à la date {expected}',
    fix: 'Facturer hors remboursement, ou obtenir une prescription d’un médecin conventionné.',
    ref: 'Loi n° 2025-1403 du 30 décembre 2025 de financement de la sécurité sociale pour 2026 (JO du 31 décembre 2025) ; Code de la sécurité sociale, art. L.162-5-10',
  },
  RULES_TABLE_ROW: {
    family: 'FORMAT',
    message: 'Ligne de référentiel invalide : {received}',
    fix: 'Corriger la table (montant en euros, date AAAA-MM-JJ, professions).',
  },
  RULES_TABLE_DUPLICATE: {
    family: 'RULE',
    message: 'Deux lignes de référentiel pour la même clé et la même date : {received}',
    fix: 'Dans une même table, une seule ligne par code × date d’effet × zone (absente = métropole) × secteur × profession ; pour remplacer une ligne par défaut, la mettre dans une table chargée après (loadReferentiel([...DEFAULT_TABLES, maTable])).',
    ref: 'NGAP et CCAM : un tarif par acte, zone et secteur à une date donnée (ameli.fr, décisions UNCAM publiées au JO)',
  },
});

/** A code of {@link RULES_CODES}. */
export type RulesCode = keyof typeof RULES_CODES;
