/**
 * Issue codes of the fse module (FSE, DRE, B2-family records, lots and files).
 *
 * Codes are public API; messages are French prose and may change. Every code names the fix a
 * user should make and a public reference a vendor can read (docs/error-codes.md is generated
 * from this table): the norme B2 cahier des charges (record type and zones), the SESAM-Vitale
 * 1.40 cahier des charges (SSV data model groups), the Code de la sécurité sociale (Légifrance),
 * ameli.fr pages.
 */
import { defineIssueCodes } from '../core/issues/index';

/** Norme B2 (public: ameli « documentation technique norme B2 »). */
const B2 = 'Norme B2 inter-régimes, cahier des charges CNAM (juin 2007, avec errata)';
const B2_2 = `${B2}, type 2`;
const B2_4 = `${B2}, type 4`;
/** The SSV data model (groups and fields) of the SESAM-Vitale 1.40 cahier des charges. */
const SSV = 'Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), modèle de données SSV';
const CSS = 'Code de la sécurité sociale (Légifrance)';
/** SNDS reference tables (Licence Ouverte 2.0). */
const SNDS = 'Nomenclatures du SNDS (CNAM / Health Data Hub, 2021, Licence Ouverte 2.0)';
const NIR_KEY = 'INSEE, NIR : clé = 97 − (NIR sur 13 chiffres mod 97), 2A/2B lus 19/18';
const LUHN = 'clé de Luhn du n° de facturation PS (8 chiffres + clé), norme B2';
const PARCOURS = `${CSS}, art. L.162-5-3 (parcours de soins coordonnés)`;
const TARIFS = 'NGAP et CCAM (ameli.fr, nomenclatures en vigueur) ; Code de la sécurité sociale, art. L.160-13 (ticket modérateur, participation forfaitaire, franchises)';
const DRE = 'Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), demande de remboursement électronique (DRE)';

/** Issue codes of the fse module. */
export const FSE_CODES = defineIssueCodes({
  // ── Identifiants et clés ───────────────────────────────────────────────
  FSE_ASSURE_NIR_FORMAT: { family: 'FORMAT', message: 'NIR de l’assuré illisible : attendu {expected}, reçu « {received} »', fix: 'Relire la carte Vitale ou l’attestation de droits et ressaisir les 13 caractères du NIR.', ref: `${B2_2} zones 12-26 (NIR de l’assuré et clé)` },
  FSE_ASSURE_NIR_KEY: { family: 'CHECKSUM', message: 'Clé du NIR de l’assuré incorrecte : attendu {expected}, reçu {received}', fix: 'Vérifier le NIR et sa clé sur la carte Vitale ou l’attestation ; une erreur de saisie d’un chiffre change la clé.', ref: `${B2_2} zones 25-26 (clé du NIR) ; ${NIR_KEY}` },
  FSE_BENEFICIAIRE_NIR_FORMAT: { family: 'FORMAT', message: 'NIR individuel du bénéficiaire illisible : reçu « {received} »', fix: 'Ressaisir le NIR propre du bénéficiaire (groupe 1160) ou le laisser vide s’il n’en a pas.', ref: `${B2} type 2S ; ${SSV}, groupe 1160 (individu)` },
  FSE_BENEFICIAIRE_NIR_KEY: { family: 'CHECKSUM', message: 'Clé du NIR individuel du bénéficiaire incorrecte : attendu {expected}, reçu {received}', fix: 'Corriger le NIR individuel du bénéficiaire ou sa clé.', ref: `${B2} type 2S (clé du NIR individuel) ; ${NIR_KEY}` },
  FSE_PS_NUMERO_FORMAT: { family: 'FORMAT', message: 'N° de facturation du PS illisible : attendu 9 chiffres, reçu « {received} »', fix: 'Reprendre le n° de facturation (8 chiffres + clé) inscrit sur la carte CPS.', ref: `${B2_2} zones 2-10 (n° de facturation du PS) ; ${SSV}, groupe 1120` },
  FSE_PS_NUMERO_KEY: { family: 'CHECKSUM', message: 'Clé du n° de facturation du PS incorrecte : attendu {expected}, reçu {received}', fix: 'Vérifier le n° de facturation du PS : la 9e position est une clé de Luhn.', ref: `${B2_2} zone 10 ; ${LUHN}` },
  FSE_PRESCRIPTEUR_NUMERO_FORMAT: { family: 'FORMAT', message: 'N° du prescripteur illisible : attendu 9 chiffres, reçu « {received} »', fix: 'Recopier le n° AM du prescripteur (9 chiffres) figurant sur l’ordonnance.', ref: `${B2_2} zones 59-67 (n° du prescripteur)` },
  FSE_PRESCRIPTEUR_NUMERO_KEY: { family: 'CHECKSUM', message: 'Clé du n° du prescripteur incorrecte : attendu {expected}, reçu {received}', fix: 'Vérifier le n° du prescripteur sur l’ordonnance : sa dernière position est une clé de Luhn.', ref: `${B2_2} zone 67 ; ${LUHN}` },
  FSE_EXECUTANT_NUMERO_KEY: { family: 'CHECKSUM', message: 'N° de l’exécutant de l’acte invalide (format ou clé) : reçu « {received} »', fix: 'Corriger le n° de facturation de l’exécutant sur la ligne d’acte.', ref: `${B2_4} zones 55-63 (n° de l’exécutant) ; ${LUHN}` },
  FSE_REMPLACANT_NUMERO_KEY: { family: 'CHECKSUM', message: 'N° du PS remplaçant invalide (format ou clé) : reçu « {received} »', fix: 'Reprendre le n° de la carte CPS du remplaçant.', ref: `${SSV}, groupe 1150 (PS remplaçant) ; ${LUHN}` },
  FSE_NUMERO_FACTURE_RANGE: { family: 'RANGE', message: 'N° de facture hors plage : attendu {expected}, reçu {received}', fix: 'Laisser le registre (LedgerStore) attribuer le numéro de facture.', ref: `${B2_2} zones 27-35 (n° de facture) ; ${SSV}, groupe 1110` },
  FSE_ORGANISME_REGIME_FORMAT: { family: 'FORMAT', message: 'Grand régime illisible : attendu 2 chiffres, reçu « {received} »', fix: 'Relire le code régime sur la carte Vitale ou l’attestation de droits (ex. 01 régime général).', ref: `${B2_2} zones 49-50 (grand régime) ; ${SSV}, groupe 1310` },
  FSE_ORGANISME_CAISSE_FORMAT: { family: 'FORMAT', message: 'Caisse gestionnaire illisible : attendu 3 chiffres, reçu « {received} »', fix: 'Relire le code caisse (3 chiffres) sur la carte Vitale ou l’attestation.', ref: `${B2_2} zones 51-53 (caisse gestionnaire) ; ${SSV}, groupe 1310` },
  FSE_ORGANISME_CENTRE_FORMAT: { family: 'FORMAT', message: 'Centre gestionnaire illisible : attendu 4 chiffres, reçu « {received} »', fix: 'Relire le code centre (4 chiffres) sur la carte Vitale ou l’attestation.', ref: `${B2_2} zones 54-57 (centre gestionnaire) ; ${SSV}, groupe 1310` },
  FSE_ORGANISME_DESTINATAIRE_FORMAT: { family: 'FORMAT', message: 'Organisme destinataire illisible : attendu 3 chiffres, reçu « {received} »', fix: 'Renseigner l’organisme destinataire issu de la table des organismes destinataires du GIE.', ref: `${B2} type 1 zones 17-19 (organisme destinataire) ; ${SSV}, groupe 1310` },
  FSE_ORGANISME_REGIME_INCONNU: { family: 'UNKNOWN_CODE', message: 'Grand régime « {received} » inconnu des nomenclatures de l’Assurance Maladie', fix: 'Relire le code régime sur la carte Vitale ou l’attestation de droits (ex. 01 régime général, 02 MSA) ; un code inconnu est rejeté par la caisse.', ref: `${B2_2} zones 49-50 (grand régime) ; ${SNDS} (IR_GRG_V, IR_RGM_V)` },
  FSE_ORGANISME_CAISSE_INCONNUE: { family: 'UNKNOWN_CODE', severity: 'warning', message: 'Caisse « {received} » absente de la table des caisses du régime {expected}', fix: 'Relire le code caisse (3 chiffres) sur la carte Vitale ou l’attestation de droits ; la table des caisses livrée date de 2021 : une caisse créée depuis reste acceptée (avertissement).', ref: `${B2_2} zones 51-53 (caisse gestionnaire) ; ${SNDS} (IR_CAI_V)` },
  FSE_ORGANISME_REGIME_INCOHERENT: { family: 'RULE', message: 'Grand régime de l’organisme AMO ({received}) différent de celui du bénéficiaire ({expected})', fix: 'Reprendre le régime et la caisse de la même carte Vitale ou attestation que le bénéficiaire.', ref: `${B2_2} zones 49-57 (organisme d’affiliation) ; ${SSV}, groupe 1310` },

  // ── Dates ─────────────────────────────────────────────────────────────
  FSE_DATE_SOINS_FUTURE: { family: 'RANGE', message: 'Date des soins postérieure à la date de facturation : {received} > {expected}', fix: 'Corriger la date de l’acte : on ne facture pas un soin non encore réalisé.', ref: `${B2_4} (date des soins)` },
  FSE_DATE_PRESCRIPTION_AFTER_SOINS: { family: 'RULE', message: 'Prescription du {received} postérieure aux soins du {expected}', fix: 'Corriger la date de prescription (ordonnance) ou la date des soins.', ref: `${B2_2} zones 68-73 (date de prescription)` },
  FSE_DELAI_FACTURATION: { family: 'RULE', message: 'Délai de facturation dépassé : {received} jours (maximum {expected})', fix: 'Facturer dans le délai ; au-delà, demander à la caisse un forçage ou établir une feuille papier.', ref: `${CSS}, art. R.161-47 (délais de transmission des feuilles de soins) et art. L.332-1 (prescription)` },
  FSE_DROITS_PERIODE: { family: 'RULE', message: 'Aucune période de droits AMO ne couvre la date des soins {received}', fix: 'Mettre à jour la carte Vitale ou interroger les droits (ADRi) ; à défaut, facturer hors tiers payant.', ref: `${SSV}, groupe 105 (période de droits AMO) ; ${CSS}, art. L.160-1 (prise en charge des frais de santé)` },
  FSE_DATE_NAISSANCE_AFTER_SOINS: { family: 'RANGE', message: 'Date de naissance {received} postérieure aux soins {expected}', fix: 'Corriger la date de naissance du bénéficiaire.', ref: `${B2_2} zones 96-101 (date de naissance)` },
  FSE_DATE_ELABORATION_FUTURE: { family: 'RANGE', message: 'Date d’élaboration {received} postérieure à la date du jour {expected}', fix: 'Vérifier l’horloge du poste et la date d’élaboration de la facture.', ref: `${SSV}, groupe 1110 (date d’élaboration)` },
  FSE_DATE_ACCIDENT_AFTER_SOINS: { family: 'RULE', message: 'Date de l’accident {received} postérieure aux soins {expected}', fix: 'Corriger la date de l’accident du travail ou de droit commun.', ref: `${B2_2} zones 86-94 (n° ou date d’accident)` },
  FSE_DATE_MATERNITE_MISSING: { family: 'MISSING', message: 'Nature d’assurance maternité sans date de maternité', fix: 'Saisir la date présumée de début de grossesse ou d’accouchement.', ref: `${B2_2} zones 80-85 (date de maternité) ; ${CSS}, art. L.160-9 (assurance maternité)` },

  // ── Bénéficiaire ──────────────────────────────────────────────────────
  FSE_RANG_NAISSANCE_RANGE: { family: 'RANGE', message: 'Rang de naissance hors plage : attendu 1 à 9, reçu {received}', fix: 'Saisir le rang de naissance lu sur la carte Vitale (1 sauf naissances multiples).', ref: `${B2_2} zone 102 (rang de naissance)` },
  FSE_RANG_BENEFICIAIRE_RANGE: { family: 'RANGE', message: 'Rang du bénéficiaire hors plage : attendu 1 à 99, reçu {received}', fix: 'Reprendre le rang du bénéficiaire lu sur la carte Vitale.', ref: `${B2_2} zones 103-104 (rang du bénéficiaire) ; ${SSV}, groupe 1130` },
  FSE_QUALITE_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Qualité du bénéficiaire inconnue : « {received} »', fix: 'Choisir une qualité de la table SSV (0 assuré, 1 ascendant…, 2 conjoint, 6 enfant, 9 autre…).', ref: `${SSV}, groupe 104 champ 14 et groupe 1130 (qualité du bénéficiaire)` },
  FSE_AGE_RANGE: { family: 'RANGE', message: 'Âge du bénéficiaire invraisemblable à la date des soins : {received} ans', fix: 'Vérifier la date de naissance du bénéficiaire.', ref: `${B2_2} zones 96-101 (date de naissance)` },
  FSE_QUALITE_ENFANT_AGE: { family: 'RULE', severity: 'warning', message: 'Bénéficiaire de qualité enfant âgé de {received} ans (au-delà de {expected})', fix: 'Vérifier la qualité : un enfant majeur est le plus souvent assuré à titre personnel (qualité 0).', ref: `${SSV}, groupe 1130 (qualité du bénéficiaire) ; ${CSS}, art. L.160-2 (ayants droit mineurs)` },
  FSE_NIR_NAISSANCE_MISMATCH: { family: 'RULE', severity: 'warning', message: 'Le NIR de l’assuré ({received}) ne correspond pas à sa date de naissance ({expected})', fix: 'Pour un assuré (qualité 0), l’année et le mois du NIR sont ceux de la naissance : vérifier l’un et l’autre.', ref: 'INSEE, NIR : positions 2-5 = année et mois de naissance (Répertoire national d’identification des personnes physiques)' },
  FSE_QUALITE_ASSURE_INDIVIDU: { family: 'RULE', severity: 'warning', message: 'Qualité assuré (0) avec un NIR individuel différent de celui de l’assuré', fix: 'Un bénéficiaire qui a son propre NIR différent de l’ouvrant droit n’est pas de qualité 0 : corriger la qualité ou le NIR.', ref: `${SSV}, groupes 1130 (bénéficiaire) et 1160 (individu)` },

  FSE_CARTE_BENEFICIAIRE_ABSENT: { family: 'RANGE', message: 'Pas de bénéficiaire à cette position sur la carte Vitale : attendu {expected}, reçu {received}', fix: 'Choisir le bénéficiaire parmi ceux lus sur la carte (le premier, position 0, est le titulaire).', ref: `${SSV}, groupe 104 (bénéficiaires de la carte Vitale, 1 à 6)` },
  FSE_CARTE_DATE_NAISSANCE_MISSING: { family: 'MISSING', message: 'Date de naissance de la carte non calendaire (date lunaire « {received} »)', fix: 'Saisir la date de naissance à facturer (option dateNaissance) : la carte porte une date lunaire (jour ou mois 00).', ref: `${SSV}, groupe 104 champ 12 (date de naissance, éventuellement lunaire) ; ${B2_2} zones 96-101` },
  FSE_CPS_CONVENTION_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Code conventionnel de la situation CPS inconnu : attendu {expected}, reçu « {received} »', fix: 'Choisir la situation d’exercice conventionnée ou indiquer le code conventionnel à facturer (0 à 3).', ref: `${SSV}, groupe 2 champ 13 et groupe 1120 (code conventionnel)` },

  // ── Cohérence situation / actes ───────────────────────────────────────
  FSE_NATURE_ASSURANCE_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Nature d’assurance inconnue : « {received} »', fix: 'Choisir 10 maladie, 13 maladie Alsace-Moselle, 30 maternité, 41 AT/MP ou 90 prévention.', ref: `${B2_2} zones 77-78 (nature d’assurance)` },
  FSE_AT_NUMERO_MISSING: { family: 'MISSING', message: 'Nature d’assurance AT/MP sans n° ni date d’accident du travail', fix: 'Saisir le n° de l’accident du travail (feuille AT) ou sa date.', ref: `${B2_2} zones 86-94 ; ${CSS}, art. L.431-1 (prestations AT/MP)` },
  FSE_AT_NUMERO_FORMAT: { family: 'FORMAT', message: 'N° d’accident du travail illisible : attendu 1 à 9 chiffres, reçu « {received} »', fix: 'Recopier le n° figurant sur la feuille d’accident du travail.', ref: `${B2_2} zones 86-94 (n° d’accident du travail)` },
  FSE_AT_NUMERO_UNEXPECTED: { family: 'RULE', severity: 'warning', message: 'N° d’accident du travail fourni alors que la nature d’assurance est {received}', fix: 'Choisir la nature d’assurance 41 (AT/MP) ou retirer le n° d’AT.', ref: `${B2_2} zones 77-78 (nature d’assurance) et 86-94` },
  FSE_EXONERATION_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Justification d’exonération inconnue : « {received} »', fix: 'Choisir un code de justification d’exonération du ticket modérateur de la norme B2.', ref: `${B2_2} zone 79 (justification d’exonération du ticket modérateur)` },
  FSE_EXONERATION_ALD_SANS_DROIT: { family: 'RULE', message: 'Exonération ALD sans période ALD ouverte à la date des soins', fix: 'Vérifier les droits ALD (carte Vitale, ADRi) ou facturer sans exonération ALD.', ref: `${SSV}, groupe 106 (période code couverture / ALD) ; ${CSS}, art. L.160-14 (exonération ALD)` },
  FSE_EXONERATION_NATURE_CONFLICT: { family: 'RULE', severity: 'warning', message: 'Justification d’exonération {received} inutile en nature d’assurance {expected}', fix: 'La maternité et l’AT/MP sont déjà prises en charge à 100 % : retirer l’exonération.', ref: `${CSS}, art. L.160-9 (maternité) et L.431-1 (AT/MP) ; ${B2_2} zone 79` },
  FSE_PARCOURS_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Indicateur de parcours de soins inconnu : « {received} »', fix: 'Choisir un indicateur de parcours (T médecin traitant, O orienté, U urgence, S hors parcours…).', ref: `${PARCOURS} ; ${B2} (indicateur de parcours de soins)` },
  FSE_PARCOURS_MISSING: { family: 'MISSING', message: 'Parcours de soins non renseigné pour un acte de médecin', fix: 'Indiquer la situation de parcours de soins du patient (médecin traitant, orienté, urgence, hors parcours…).', ref: PARCOURS },
  FSE_PARCOURS_MAJORATION: { family: 'RULE', message: 'Majoration de coordination {received} facturée hors parcours de soins', fix: 'Retirer la majoration (MCS, MPC…) ou corriger le parcours : ces majorations n’existent que dans le parcours.', ref: `${PARCOURS} ; Convention nationale des médecins libéraux (majorations de coordination MCS, MPC)` },
  FSE_PRESCRIPTEUR_MISSING: { family: 'MISSING', message: 'Acte d’auxiliaire médical sans prescripteur', fix: 'Saisir le n° du prescripteur et la date de l’ordonnance.', ref: `${B2_2} zones 59-73 (prescripteur) ; ${CSS}, art. L.162-9 et L.162-12-2 (actes des auxiliaires médicaux sur prescription)` },
  FSE_PRESCRIPTION_DATE_MISSING: { family: 'MISSING', message: 'Prescripteur sans date de prescription', fix: 'Saisir la date de l’ordonnance.', ref: `${B2_2} zones 68-73 (date de prescription)` },
  FSE_DESTINATAIRE_REGLEMENT_AMC: { family: 'RULE', message: 'Tiers payant sur la part complémentaire ({received}) sans organisme complémentaire', fix: 'Renseigner l’AMC (n°, adhérent) ou facturer sans tiers payant complémentaire.', ref: `${B2_2} zones 115-128 (destinataire du règlement, n° AMC)` },
  FSE_ACTE_CODE_FORMAT: { family: 'FORMAT', message: 'Code acte illisible : attendu 1 à 5 caractères, reçu « {received} »', fix: 'Choisir le code acte dans la nomenclature (NGAP, ou code regroupement CCAM/LPP).', ref: `${B2_4} zones 74-78 (code acte) ; NGAP (ameli.fr, Nomenclature générale des actes professionnels)` },
  FSE_QUANTITE_RANGE: { family: 'RANGE', message: 'Quantité hors plage : attendu 1 à 99, reçu {received}', fix: 'Découper la ligne ou corriger la quantité.', ref: `${B2_4} zones 79-80 (quantité)` },
  FSE_LIGNES_EMPTY: { family: 'MISSING', message: 'Facture sans ligne d’acte', fix: 'Ajouter au moins un acte à la facture.', ref: `${B2_4} (une ligne par prestation)` },
  FSE_LIGNES_TOO_MANY: { family: 'RANGE', message: 'Trop de lignes d’actes : maximum {expected}, reçu {received}', fix: 'Répartir les actes sur plusieurs factures.', ref: `${B2_4} zones 37-38 (n° de séquence sur 2 chiffres)` },

  // ── Montants ──────────────────────────────────────────────────────────
  FSE_RECOMPUTE_FAILED: { family: 'RULE', message: 'Le moteur de règles refuse la facture : {received}', fix: 'Corriger les données de la facture signalées par le moteur de tarification.', ref: TARIFS },
  FSE_TOTAL_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Total de la facture différent d’un nouveau calcul : attendu {expected}, reçu {received}', fix: 'Ne pas retoucher les montants à la main : reconstruire la facture avec buildFse.', ref: `${B2} type 5 (totalisation de la facture) ; ${TARIFS}` },
  FSE_LIGNE_MONTANT_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Montant de ligne différent d’un nouveau calcul : attendu {expected}, reçu {received}', fix: 'Reconstruire la facture avec buildFse plutôt que de modifier les lignes.', ref: `${B2_4} (montants de la prestation) ; ${TARIFS}` },
  FSE_MONTANT_OVERFLOW: { family: 'RANGE', message: 'Montant trop grand pour la zone B2 : maximum {expected}, reçu {received}', fix: 'Répartir les actes sur plusieurs factures.', ref: `${B2_4} et type 5 (montants en centimes sur 7 et 8 chiffres)` },

  // ── Modes de sécurisation ─────────────────────────────────────────────
  FSE_SECURISATION_MODE_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Mode de sécurisation inconnu : « {received} »', fix: 'Choisir S (avec carte Vitale), F (sans carte Vitale) ou D (dégradé).', ref: `${B2} type 1 zone 81 (top certification S, F, D) ; ${SSV}, modes de sécurisation` },
  FSE_VITALE_DATA_MISSING: { family: 'MISSING', message: 'FSE sécurisée Vitale sans les données de la carte Vitale ({received})', fix: 'Lire la carte Vitale du patient avant de sécuriser, ou choisir le mode sans Vitale.', ref: `${SSV}, groupe 101 (données de la carte Vitale) ; ${B2} type 1 zone 81 = S` },
  FSE_CPS_MISSING: { family: 'MISSING', message: 'FSE sans les données de la carte CPS du PS', fix: 'Insérer la carte CPS (ou la carte du remplaçant) et relire la situation du PS.', ref: `${SSV}, groupes 1 (titulaire de la carte PS) et 2 (situation du PS)` },
  FSE_SANS_VITALE_SOURCE_MISSING: { family: 'MISSING', message: 'FSE sans Vitale sans source des droits (ADRi, attestation)', fix: 'Indiquer d’où viennent les droits : consultation ADRi ou attestation de droits papier.', ref: `${B2} type 1 zone 81 = F ; ameli.fr, « Facturer sans carte Vitale » (ADRi, attestation de droits)` },
  FSE_DEGRADE_MOTIF_MISSING: { family: 'MISSING', message: 'FSE en mode dégradé sans motif', fix: 'Indiquer pourquoi la carte Vitale n’a pas pu être lue (absente, illisible, défaut lecteur).', ref: `${B2} type 1 zone 81 = D ; ameli.fr, « Facturation en mode dégradé »` },
  FSE_DEGRADE_JUSTIFICATIF_PENDING: { family: 'MISSING', severity: 'warning', message: 'FSE dégradée : justificatif ({received}) à transmettre', fix: 'Envoyer la feuille de soins papier (duplicata) ou la pièce SCOR correspondante à la caisse.', ref: 'ameli.fr, « Facturation en mode dégradé » (envoi de la feuille de soins papier ou des pièces SCOR) ; Cahier des charges SCOR (GIE SESAM-Vitale)' },
  FSE_SECURISATION_DATE: { family: 'RULE', message: 'Sécurisation datée du {received}, avant l’élaboration de la facture ({expected})', fix: 'Sécuriser la facture après son élaboration (horloge du poste à vérifier).', ref: `${SSV}, groupe 1110 (date d’élaboration) et sécurisation de la facture` },

  // ── DRE ───────────────────────────────────────────────────────────────
  FSE_DRE_NOT_TIERS_PAYANT: { family: 'RULE', message: 'Pas de DRE : la part complémentaire n’est pas en tiers payant ({received})', fix: 'Ne générer une DRE que lorsque l’AMC est en tiers payant (destinataire du règlement 15 ou 25).', ref: `${DRE} ; ${B2_2} zones 115-116 (destinataire du règlement 15 ou 25)` },
  FSE_DRE_AMC_MISSING: { family: 'MISSING', message: 'DRE sans organisme complémentaire', fix: 'Lire les données AMC (carte Vitale groupe 109 ou attestation de tiers payant).', ref: `${DRE} ; ${SSV}, groupes 109 (complémentaire de la carte) et 1321 (organisme AMC)` },
  FSE_DRE_AMC_NUMERO_FORMAT: { family: 'FORMAT', message: 'N° d’organisme complémentaire illisible : attendu 1 à 10 caractères alphanumériques, reçu « {received} »', fix: 'Recopier le n° AMC de l’attestation de tiers payant (pavé normalisé).', ref: `${B2} type 2M zones 37-46 (n° AMC)` },
  FSE_DRE_ADHERENT_MISSING: { family: 'MISSING', message: 'DRE sans n° d’adhérent AMC', fix: 'Recopier le n° d’adhérent de l’attestation de tiers payant.', ref: `${B2_2} zones 105-112 (n° d’adhérent AMC) ; ${SSV}, groupe 1321` },
  FSE_DRE_ROUTAGE_MISSING: { family: 'MISSING', message: 'DRE sans données de routage AMC ({received})', fix: 'Compléter le code routage, l’identifiant d’hôte et le nom de domaine (carte Vitale groupe 109 ou annuaire AMC).', ref: `${B2} type 2M zones 47-51 et 100-124 (routage AMC) ; ${SSV}, groupe 109 champs 7-9` },
  FSE_DRE_INDICATEUR_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Indicateur de traitement AMC inconnu : « {received} »', fix: 'Reprendre l’indicateur de traitement de la carte Vitale ou de l’attestation.', ref: `${SSV}, groupe 109 champ 4 (indicateur de traitement AMC) ; ${B2} type 2M zones 125-126` },
  FSE_DRE_MONTANT_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Montant de la DRE différent de la part AMC de la FSE : attendu {expected}, reçu {received}', fix: 'Régénérer la DRE à partir de la FSE (buildDre).', ref: `${DRE} (part AMC de la facture)` },
  FSE_DRE_AMC_ZERO: { family: 'RULE', severity: 'warning', message: 'DRE d’un montant nul', fix: 'Vérifier la garantie de l’AMC : une DRE à zéro est inutile.', ref: `${DRE} (part AMC de la facture)` },

  // ── Enregistrements B2, lots et fichiers ──────────────────────────────
  FSE_RECORD_LENGTH: { family: 'LENGTH', message: 'Enregistrement tronqué : attendu {expected} octets, reçu {received}', fix: 'Le fichier est incomplet ou corrompu : le régénérer.', ref: `${B2}, structure des fichiers (enregistrements de 128 caractères)` },
  FSE_RECORD_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Type d’enregistrement inconnu : « {received} »', fix: 'Le fichier n’est pas un fichier B2 de factures ou il est corrompu.', ref: `${B2}, types d’enregistrement (000, 1, 2, 2M, 2S, 4, 4M, 4F, 5, 6, 999)` },
  FSE_RECORD_SEQUENCE: { family: 'RULE', message: 'Enregistrement inattendu à cet endroit : reçu {received}, attendu {expected}', fix: 'Le fichier ne suit pas l’enchaînement 000 → 1 → (2, 4…, 5)* → 6 → 999 : le régénérer.', ref: `${B2}, structure des fichiers (000 → 1 → factures → 6 → 999)` },
  FSE_RECORD_FIELD: { family: 'FORMAT', message: 'Zone illisible dans l’enregistrement : {received}', fix: 'Le fichier est corrompu ou produit par un logiciel non conforme : le régénérer.', ref: `${B2}, description des enregistrements (zones et formats)` },
  FSE_INVOICE_TOTAL_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Totalisation de facture (type 5) incohérente : attendu {expected}, reçu {received}', fix: 'Le fichier a été modifié après sa création : le régénérer.', ref: `${B2} type 5 (totalisation de la facture)` },
  FSE_LOT_TOTAL_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Totaux de fin de lot (type 6) incohérents : attendu {expected}, reçu {received}', fix: 'Le lot a été modifié après sa création : le régénérer.', ref: `${B2} type 6 (fin de lot)` },
  FSE_FILE_TOTAL_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Fin de fichier (999) incohérente : attendu {expected}, reçu {received}', fix: 'Le fichier a été modifié ou tronqué : le régénérer.', ref: `${B2} type 999 (fin de fichier)` },
  FSE_LOT_EMPTY: { family: 'MISSING', message: 'Lot sans facture', fix: 'Ne créer un lot que pour des factures à émettre.', ref: `${SSV}, constitution des lots (factures d’un même organisme destinataire)` },
  FSE_LOT_MIXED: { family: 'RULE', message: 'Lot mélangeant plusieurs destinataires ou modes : {received}', fix: 'Un lot regroupe les factures d’un même organisme destinataire (ou d’une même AMC) et d’un même mode de sécurisation.', ref: `${SSV}, constitution des lots (un organisme destinataire et un mode de sécurisation par lot)` },
  FSE_LOT_NUMBER_RANGE: { family: 'RANGE', message: 'N° de lot hors plage : attendu 1 à 999, reçu {received}', fix: 'Laisser le registre attribuer les n° de lot.', ref: `${B2} type 1 zones 20-22 (n° de lot)` },
  FSE_FILE_ID_FORMAT: { family: 'FORMAT', message: 'Identification du fichier illisible : attendu 6 caractères, reçu « {received} »', fix: 'Laisser le registre attribuer l’identifiant de fichier.', ref: `${B2} type 000 zones 50-55 (identification du fichier)` },
  FSE_TOO_MANY_ISSUES: { family: 'RULE', message: 'Trop d’anomalies, lecture arrêtée après {expected}', fix: 'Le fichier est très probablement corrompu : le régénérer.', ref: `${B2}, structure des fichiers` },
  FSE_NOT_NUMBERED: { family: 'MISSING', message: 'Facture sans n° de facture', fix: 'Numéroter la facture via le registre (numberAndLot) avant de former les lots.', ref: `${B2_2} zones 27-35 (n° de facture) ; ${SSV}, groupe 1110` },
});

/** A code of {@link FSE_CODES}. */
export type FseCode = keyof typeof FSE_CODES;
