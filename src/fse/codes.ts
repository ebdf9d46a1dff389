/**
 * Issue codes of the fse module (FSE, DRE, B2-family records, lots and files).
 *
 * Codes are public API; messages are French prose and may change. Every code names the fix a
 * user should make (docs/error-codes.md is generated from this table).
 *
 * @see ../shared/domain/SPECS.md §2 (norme B2), §3 (FSE/DRE 1.40, lots, DRE routing)
 */
import { defineIssueCodes } from '../core/issues/index';

const B2_2 = 'Norme B2 type 2 (SPECS §2.3)';
const B2_4 = 'Norme B2 type 4 (SPECS §2.3)';
const SSV = 'SSV groupes FSE (SPECS §3.2)';

/** Issue codes of the fse module. */
export const FSE_CODES = defineIssueCodes({
  // ── Identifiants et clés ───────────────────────────────────────────────
  FSE_ASSURE_NIR_FORMAT: { family: 'FORMAT', message: 'NIR de l’assuré illisible : attendu {expected}, reçu « {received} »', fix: 'Relire la carte Vitale ou l’attestation de droits et ressaisir les 13 caractères du NIR.', ref: `${B2_2} pos. 12-24; SPECS §6.1` },
  FSE_ASSURE_NIR_KEY: { family: 'CHECKSUM', message: 'Clé du NIR de l’assuré incorrecte : attendu {expected}, reçu {received}', fix: 'Vérifier le NIR et sa clé sur la carte Vitale ou l’attestation ; une erreur de saisie d’un chiffre change la clé.', ref: `${B2_2} pos. 25-26; SPECS §6.1` },
  FSE_BENEFICIAIRE_NIR_FORMAT: { family: 'FORMAT', message: 'NIR individuel du bénéficiaire illisible : reçu « {received} »', fix: 'Ressaisir le NIR propre du bénéficiaire (groupe 1160) ou le laisser vide s’il n’en a pas.', ref: 'Norme B2 type 2S pos. 50-64; SSV groupe 1160' },
  FSE_BENEFICIAIRE_NIR_KEY: { family: 'CHECKSUM', message: 'Clé du NIR individuel du bénéficiaire incorrecte : attendu {expected}, reçu {received}', fix: 'Corriger le NIR individuel du bénéficiaire ou sa clé.', ref: 'Norme B2 type 2S pos. 63-64; SPECS §6.1' },
  FSE_PS_NUMERO_FORMAT: { family: 'FORMAT', message: 'N° de facturation du PS illisible : attendu 9 chiffres, reçu « {received} »', fix: 'Reprendre le n° de facturation (8 chiffres + clé) inscrit sur la carte CPS.', ref: `${B2_2} pos. 2-10; SPECS §6.2` },
  FSE_PS_NUMERO_KEY: { family: 'CHECKSUM', message: 'Clé du n° de facturation du PS incorrecte : attendu {expected}, reçu {received}', fix: 'Vérifier le n° de facturation du PS : la 9e position est une clé de Luhn.', ref: 'SPECS §6.2 (clé type 1-2 norme B2)' },
  FSE_PRESCRIPTEUR_NUMERO_FORMAT: { family: 'FORMAT', message: 'N° du prescripteur illisible : attendu 9 chiffres, reçu « {received} »', fix: 'Recopier le n° AM du prescripteur (9 chiffres) figurant sur l’ordonnance.', ref: `${B2_2} pos. 59-67` },
  FSE_PRESCRIPTEUR_NUMERO_KEY: { family: 'CHECKSUM', message: 'Clé du n° du prescripteur incorrecte : attendu {expected}, reçu {received}', fix: 'Vérifier le n° du prescripteur sur l’ordonnance : sa dernière position est une clé de Luhn.', ref: 'SPECS §6.2' },
  FSE_EXECUTANT_NUMERO_KEY: { family: 'CHECKSUM', message: 'N° de l’exécutant de l’acte invalide (format ou clé) : reçu « {received} »', fix: 'Corriger le n° de facturation de l’exécutant sur la ligne d’acte.', ref: `${B2_4} pos. 55-63` },
  FSE_REMPLACANT_NUMERO_KEY: { family: 'CHECKSUM', message: 'N° du PS remplaçant invalide (format ou clé) : reçu « {received} »', fix: 'Reprendre le n° de la carte CPS du remplaçant.', ref: 'SSV groupe 1150; Norme B2 type 6 pos. 88-96' },
  FSE_NUMERO_FACTURE_RANGE: { family: 'RANGE', message: 'N° de facture hors plage : attendu {expected}, reçu {received}', fix: 'Laisser le registre (LedgerStore) attribuer le numéro de facture.', ref: `${B2_2} pos. 27-35` },
  FSE_ORGANISME_REGIME_FORMAT: { family: 'FORMAT', message: 'Grand régime illisible : attendu 2 chiffres, reçu « {received} »', fix: 'Relire le code régime sur la carte Vitale ou l’attestation de droits (ex. 01 régime général).', ref: `${B2_2} pos. 49-50; SPECS §6.3` },
  FSE_ORGANISME_CAISSE_FORMAT: { family: 'FORMAT', message: 'Caisse gestionnaire illisible : attendu 3 chiffres, reçu « {received} »', fix: 'Relire le code caisse (3 chiffres) sur la carte Vitale ou l’attestation.', ref: `${B2_2} pos. 51-53` },
  FSE_ORGANISME_CENTRE_FORMAT: { family: 'FORMAT', message: 'Centre gestionnaire illisible : attendu 4 chiffres, reçu « {received} »', fix: 'Relire le code centre (4 chiffres) sur la carte Vitale ou l’attestation.', ref: `${B2_2} pos. 54-57` },
  FSE_ORGANISME_DESTINATAIRE_FORMAT: { family: 'FORMAT', message: 'Organisme destinataire illisible : attendu 3 chiffres, reçu « {received} »', fix: 'Renseigner l’organisme destinataire issu de la table des organismes destinataires du GIE.', ref: 'Norme B2 type 1 pos. 17-19; SPECS §3.3' },

  // ── Dates ─────────────────────────────────────────────────────────────
  FSE_DATE_SOINS_FUTURE: { family: 'RANGE', message: 'Date des soins postérieure à la date de facturation : {received} > {expected}', fix: 'Corriger la date de l’acte : on ne facture pas un soin non encore réalisé.', ref: B2_4 },
  FSE_DATE_PRESCRIPTION_AFTER_SOINS: { family: 'RULE', message: 'Prescription du {received} postérieure aux soins du {expected}', fix: 'Corriger la date de prescription (ordonnance) ou la date des soins.', ref: `${B2_2} pos. 68-73` },
  FSE_DELAI_FACTURATION: { family: 'RULE', message: 'Délai de facturation dépassé : {received} jours (maximum {expected})', fix: 'Facturer dans le délai ; au-delà, demander à la caisse un forçage ou établir une feuille papier.', ref: 'SPECS §2.4 (délai < 1 an, forçable sur demande de la caisse)' },
  FSE_DROITS_PERIODE: { family: 'RULE', message: 'Aucune période de droits AMO ne couvre la date des soins {received}', fix: 'Mettre à jour la carte Vitale ou interroger les droits (ADRi) ; à défaut, facturer hors tiers payant.', ref: 'SSV groupe 105 (période droits AMO); MARKET §4.8' },
  FSE_DATE_NAISSANCE_AFTER_SOINS: { family: 'RANGE', message: 'Date de naissance {received} postérieure aux soins {expected}', fix: 'Corriger la date de naissance du bénéficiaire.', ref: `${B2_2} pos. 96-101` },
  FSE_DATE_ELABORATION_FUTURE: { family: 'RANGE', message: 'Date d’élaboration {received} postérieure à la date du jour {expected}', fix: 'Vérifier l’horloge du poste et la date d’élaboration de la facture.', ref: `${SSV} groupe 1110` },
  FSE_DATE_ACCIDENT_AFTER_SOINS: { family: 'RULE', message: 'Date de l’accident {received} postérieure aux soins {expected}', fix: 'Corriger la date de l’accident du travail ou de droit commun.', ref: `${B2_2} pos. 86-94` },
  FSE_DATE_MATERNITE_MISSING: { family: 'MISSING', message: 'Nature d’assurance maternité sans date de maternité', fix: 'Saisir la date présumée de début de grossesse ou d’accouchement.', ref: `${B2_2} pos. 80-85` },

  // ── Bénéficiaire ──────────────────────────────────────────────────────
  FSE_RANG_NAISSANCE_RANGE: { family: 'RANGE', message: 'Rang de naissance hors plage : attendu 1 à 9, reçu {received}', fix: 'Saisir le rang de naissance lu sur la carte Vitale (1 sauf naissances multiples).', ref: `${B2_2} pos. 102` },
  FSE_RANG_BENEFICIAIRE_RANGE: { family: 'RANGE', message: 'Rang du bénéficiaire hors plage : attendu 1 à 99, reçu {received}', fix: 'Reprendre le rang du bénéficiaire lu sur la carte Vitale.', ref: `${B2_2} pos. 103-104` },
  FSE_QUALITE_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Qualité du bénéficiaire inconnue : « {received} »', fix: 'Choisir une qualité de la table SSV (0 assuré, 1 ascendant…, 2 conjoint, 6 enfant, 9 autre…).', ref: 'SPECS §3.3 (qualité bénéficiaire)' },
  FSE_AGE_RANGE: { family: 'RANGE', message: 'Âge du bénéficiaire invraisemblable à la date des soins : {received} ans', fix: 'Vérifier la date de naissance du bénéficiaire.', ref: `${B2_2} pos. 96-101` },
  FSE_QUALITE_ENFANT_AGE: { family: 'RULE', severity: 'warning', message: 'Bénéficiaire de qualité enfant âgé de {received} ans (au-delà de {expected})', fix: 'Vérifier la qualité : un enfant majeur est le plus souvent assuré à titre personnel (qualité 0).', ref: 'SPECS §3.3' },
  FSE_NIR_NAISSANCE_MISMATCH: { family: 'RULE', severity: 'warning', message: 'Le NIR de l’assuré ({received}) ne correspond pas à sa date de naissance ({expected})', fix: 'Pour un assuré (qualité 0), l’année et le mois du NIR sont ceux de la naissance : vérifier l’un et l’autre.', ref: 'SPECS §6.1' },
  FSE_QUALITE_ASSURE_INDIVIDU: { family: 'RULE', severity: 'warning', message: 'Qualité assuré (0) avec un NIR individuel différent de celui de l’assuré', fix: 'Un bénéficiaire qui a son propre NIR différent de l’ouvrant droit n’est pas de qualité 0 : corriger la qualité ou le NIR.', ref: 'SSV groupes 1130/1160' },

  // ── Cohérence situation / actes ───────────────────────────────────────
  FSE_NATURE_ASSURANCE_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Nature d’assurance inconnue : « {received} »', fix: 'Choisir 10 maladie, 13 maladie Alsace-Moselle, 30 maternité, 41 AT/MP ou 90 prévention.', ref: `${B2_2} pos. 77-78` },
  FSE_AT_NUMERO_MISSING: { family: 'MISSING', message: 'Nature d’assurance AT/MP sans n° ni date d’accident du travail', fix: 'Saisir le n° de l’accident du travail (feuille AT) ou sa date.', ref: `${B2_2} pos. 86-94` },
  FSE_AT_NUMERO_FORMAT: { family: 'FORMAT', message: 'N° d’accident du travail illisible : attendu 1 à 9 chiffres, reçu « {received} »', fix: 'Recopier le n° figurant sur la feuille d’accident du travail.', ref: `${B2_2} pos. 86-94` },
  FSE_AT_NUMERO_UNEXPECTED: { family: 'RULE', severity: 'warning', message: 'N° d’accident du travail fourni alors que la nature d’assurance est {received}', fix: 'Choisir la nature d’assurance 41 (AT/MP) ou retirer le n° d’AT.', ref: `${B2_2} pos. 77-78` },
  FSE_EXONERATION_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Justification d’exonération inconnue : « {received} »', fix: 'Choisir un code de justification d’exonération du ticket modérateur de la norme B2.', ref: `${B2_2} pos. 79; SPECS §2.4` },
  FSE_EXONERATION_ALD_SANS_DROIT: { family: 'RULE', message: 'Exonération ALD sans période ALD ouverte à la date des soins', fix: 'Vérifier les droits ALD (carte Vitale, ADRi) ou facturer sans exonération ALD.', ref: 'SSV groupe 106 (code couverture / ALD); MARKET §4.8' },
  FSE_EXONERATION_NATURE_CONFLICT: { family: 'RULE', severity: 'warning', message: 'Justification d’exonération {received} inutile en nature d’assurance {expected}', fix: 'La maternité et l’AT/MP sont déjà prises en charge à 100 % : retirer l’exonération.', ref: 'SPECS §6.5' },
  FSE_PARCOURS_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Indicateur de parcours de soins inconnu : « {received} »', fix: 'Choisir un indicateur de parcours (T médecin traitant, O orienté, U urgence, S hors parcours…).', ref: 'SPECS §2.4 (IPS), §6.7' },
  FSE_PARCOURS_MISSING: { family: 'MISSING', message: 'Parcours de soins non renseigné pour un acte de médecin', fix: 'Indiquer la situation de parcours de soins du patient (médecin traitant, orienté, urgence, hors parcours…).', ref: 'SPECS §6.7' },
  FSE_PARCOURS_MAJORATION: { family: 'RULE', message: 'Majoration de coordination {received} facturée hors parcours de soins', fix: 'Retirer la majoration (MCS, MPC…) ou corriger le parcours : ces majorations n’existent que dans le parcours.', ref: 'SPECS §6.7' },
  FSE_PRESCRIPTEUR_MISSING: { family: 'MISSING', message: 'Acte d’auxiliaire médical sans prescripteur', fix: 'Saisir le n° du prescripteur et la date de l’ordonnance.', ref: `${B2_2} pos. 59-73` },
  FSE_PRESCRIPTION_DATE_MISSING: { family: 'MISSING', message: 'Prescripteur sans date de prescription', fix: 'Saisir la date de l’ordonnance.', ref: `${B2_2} pos. 68-73` },
  FSE_DESTINATAIRE_REGLEMENT_AMC: { family: 'RULE', message: 'Tiers payant sur la part complémentaire ({received}) sans organisme complémentaire', fix: 'Renseigner l’AMC (n°, adhérent) ou facturer sans tiers payant complémentaire.', ref: `${B2_2} pos. 115-128` },
  FSE_ACTE_CODE_FORMAT: { family: 'FORMAT', message: 'Code acte illisible : attendu 1 à 5 caractères, reçu « {received} »', fix: 'Choisir le code acte dans la nomenclature (NGAP, ou code regroupement CCAM/LPP).', ref: `${B2_4} pos. 74-78` },
  FSE_QUANTITE_RANGE: { family: 'RANGE', message: 'Quantité hors plage : attendu 1 à 99, reçu {received}', fix: 'Découper la ligne ou corriger la quantité.', ref: `${B2_4} pos. 79-80` },
  FSE_LIGNES_EMPTY: { family: 'MISSING', message: 'Facture sans ligne d’acte', fix: 'Ajouter au moins un acte à la facture.', ref: B2_4 },
  FSE_LIGNES_TOO_MANY: { family: 'RANGE', message: 'Trop de lignes d’actes : maximum {expected}, reçu {received}', fix: 'Répartir les actes sur plusieurs factures.', ref: `${B2_4} pos. 37-38 (séquence sur 2 chiffres)` },

  // ── Montants ──────────────────────────────────────────────────────────
  FSE_RECOMPUTE_FAILED: { family: 'RULE', message: 'Le moteur de règles refuse la facture : {received}', fix: 'Corriger les données de la facture signalées par le moteur de tarification.', ref: 'rules computeFacture' },
  FSE_TOTAL_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Total de la facture différent d’un nouveau calcul : attendu {expected}, reçu {received}', fix: 'Ne pas retoucher les montants à la main : reconstruire la facture avec buildFse.', ref: 'rules computeFacture' },
  FSE_LIGNE_MONTANT_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Montant de ligne différent d’un nouveau calcul : attendu {expected}, reçu {received}', fix: 'Reconstruire la facture avec buildFse plutôt que de modifier les lignes.', ref: 'rules computeFacture' },
  FSE_MONTANT_OVERFLOW: { family: 'RANGE', message: 'Montant trop grand pour la zone B2 : maximum {expected}, reçu {received}', fix: 'Répartir les actes sur plusieurs factures.', ref: `${B2_4} (montants 7 chiffres, centimes)` },

  // ── Modes de sécurisation ─────────────────────────────────────────────
  FSE_SECURISATION_MODE_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Mode de sécurisation inconnu : « {received} »', fix: 'Choisir S (avec carte Vitale), F (sans carte Vitale) ou D (dégradé).', ref: 'Norme B2 type 1 pos. 81 (top certification)' },
  FSE_VITALE_DATA_MISSING: { family: 'MISSING', message: 'FSE sécurisée Vitale sans les données de la carte Vitale ({received})', fix: 'Lire la carte Vitale du patient avant de sécuriser, ou choisir le mode sans Vitale.', ref: 'SSV groupe 101; Norme B2 type 1 pos. 81 = S' },
  FSE_CPS_MISSING: { family: 'MISSING', message: 'FSE sans les données de la carte CPS du PS', fix: 'Insérer la carte CPS (ou la carte du remplaçant) et relire la situation du PS.', ref: 'SSV groupes 1, 2' },
  FSE_SANS_VITALE_SOURCE_MISSING: { family: 'MISSING', message: 'FSE sans Vitale sans source des droits (ADRi, attestation)', fix: 'Indiquer d’où viennent les droits : consultation ADRi ou attestation de droits papier.', ref: 'Norme B2 type 1 pos. 81 = F; SPECS §4' },
  FSE_DEGRADE_MOTIF_MISSING: { family: 'MISSING', message: 'FSE en mode dégradé sans motif', fix: 'Indiquer pourquoi la carte Vitale n’a pas pu être lue (absente, illisible, défaut lecteur).', ref: 'Norme B2 type 1 pos. 81 = D; MARKET §4.7' },
  FSE_DEGRADE_JUSTIFICATIF_PENDING: { family: 'MISSING', severity: 'warning', message: 'FSE dégradée : justificatif ({received}) à transmettre', fix: 'Envoyer la feuille de soins papier (duplicata) ou la pièce SCOR correspondante à la caisse.', ref: 'SPECS §3.6 (SCOR); MARKET §4.7' },
  FSE_SECURISATION_DATE: { family: 'RULE', message: 'Sécurisation datée du {received}, avant l’élaboration de la facture ({expected})', fix: 'Sécuriser la facture après son élaboration (horloge du poste à vérifier).', ref: SSV },

  // ── DRE ───────────────────────────────────────────────────────────────
  FSE_DRE_NOT_TIERS_PAYANT: { family: 'RULE', message: 'Pas de DRE : la part complémentaire n’est pas en tiers payant ({received})', fix: 'Ne générer une DRE que lorsque l’AMC est en tiers payant (destinataire du règlement 15 ou 25).', ref: 'SPECS §3.5' },
  FSE_DRE_AMC_MISSING: { family: 'MISSING', message: 'DRE sans organisme complémentaire', fix: 'Lire les données AMC (carte Vitale groupe 109 ou attestation de tiers payant).', ref: 'SPECS §3.5' },
  FSE_DRE_AMC_NUMERO_FORMAT: { family: 'FORMAT', message: 'N° d’organisme complémentaire illisible : attendu 1 à 10 caractères alphanumériques, reçu « {received} »', fix: 'Recopier le n° AMC de l’attestation de tiers payant (pavé normalisé).', ref: 'Norme B2 type 2M pos. 37-46' },
  FSE_DRE_ADHERENT_MISSING: { family: 'MISSING', message: 'DRE sans n° d’adhérent AMC', fix: 'Recopier le n° d’adhérent de l’attestation de tiers payant.', ref: 'Norme B2 type 2 pos. 105-112; SPECS §4' },
  FSE_DRE_ROUTAGE_MISSING: { family: 'MISSING', message: 'DRE sans données de routage AMC ({received})', fix: 'Compléter le code routage, l’identifiant d’hôte et le nom de domaine (carte Vitale groupe 109 ou annuaire AMC).', ref: 'Norme B2 type 2M pos. 47-51, 100-124' },
  FSE_DRE_INDICATEUR_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Indicateur de traitement AMC inconnu : « {received} »', fix: 'Reprendre l’indicateur de traitement de la carte Vitale ou de l’attestation.', ref: 'SPECS §3.3 (indicateur de traitement AMC)' },
  FSE_DRE_MONTANT_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Montant de la DRE différent de la part AMC de la FSE : attendu {expected}, reçu {received}', fix: 'Régénérer la DRE à partir de la FSE (buildDre).', ref: 'SPECS §3.5' },
  FSE_DRE_AMC_ZERO: { family: 'RULE', severity: 'warning', message: 'DRE d’un montant nul', fix: 'Vérifier la garantie de l’AMC : une DRE à zéro est inutile.', ref: 'SPECS §3.5' },

  // ── Enregistrements B2, lots et fichiers ──────────────────────────────
  FSE_RECORD_LENGTH: { family: 'LENGTH', message: 'Enregistrement tronqué : attendu {expected} octets, reçu {received}', fix: 'Le fichier est incomplet ou corrompu : le régénérer.', ref: 'SPECS §2.2 (enregistrements de 128 caractères)' },
  FSE_RECORD_UNKNOWN: { family: 'UNKNOWN_CODE', message: 'Type d’enregistrement inconnu : « {received} »', fix: 'Le fichier n’est pas un fichier B2 de factures ou il est corrompu.', ref: 'SPECS §2.3' },
  FSE_RECORD_SEQUENCE: { family: 'RULE', message: 'Enregistrement inattendu à cet endroit : reçu {received}, attendu {expected}', fix: 'Le fichier ne suit pas l’enchaînement 000 → 1 → (2, 4…, 5)* → 6 → 999 : le régénérer.', ref: 'SPECS §2.2 (hiérarchie)' },
  FSE_RECORD_FIELD: { family: 'FORMAT', message: 'Zone illisible dans l’enregistrement : {received}', fix: 'Le fichier est corrompu ou produit par un logiciel non conforme : le régénérer.', ref: 'SPECS §2.3' },
  FSE_INVOICE_TOTAL_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Totalisation de facture (type 5) incohérente : attendu {expected}, reçu {received}', fix: 'Le fichier a été modifié après sa création : le régénérer.', ref: 'Norme B2 type 5 (SPECS §2.3)' },
  FSE_LOT_TOTAL_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Totaux de fin de lot (type 6) incohérents : attendu {expected}, reçu {received}', fix: 'Le lot a été modifié après sa création : le régénérer.', ref: 'Norme B2 type 6 (SPECS §2.3)' },
  FSE_FILE_TOTAL_MISMATCH: { family: 'TOTAL_MISMATCH', message: 'Fin de fichier (999) incohérente : attendu {expected}, reçu {received}', fix: 'Le fichier a été modifié ou tronqué : le régénérer.', ref: 'Norme B2 type 999 (SPECS §2.3)' },
  FSE_LOT_EMPTY: { family: 'MISSING', message: 'Lot sans facture', fix: 'Ne créer un lot que pour des factures à émettre.', ref: 'SPECS §3.4' },
  FSE_LOT_MIXED: { family: 'RULE', message: 'Lot mélangeant plusieurs destinataires ou modes : {received}', fix: 'Un lot regroupe les factures d’un même organisme destinataire (ou d’une même AMC) et d’un même mode de sécurisation.', ref: 'SPECS §3.4' },
  FSE_LOT_NUMBER_RANGE: { family: 'RANGE', message: 'N° de lot hors plage : attendu 1 à 999, reçu {received}', fix: 'Laisser le registre attribuer les n° de lot.', ref: 'Norme B2 type 1 pos. 20-22' },
  FSE_FILE_ID_FORMAT: { family: 'FORMAT', message: 'Identification du fichier illisible : attendu 6 caractères, reçu « {received} »', fix: 'Laisser le registre attribuer l’identifiant de fichier.', ref: 'Norme B2 type 000 pos. 50-55' },
  FSE_TOO_MANY_ISSUES: { family: 'RULE', message: 'Trop d’anomalies, lecture arrêtée après {expected}', fix: 'Le fichier est très probablement corrompu : le régénérer.', ref: 'SPECS §2' },
  FSE_NOT_NUMBERED: { family: 'MISSING', message: 'Facture sans n° de facture', fix: 'Numéroter la facture via le registre (numberAndLot) avant de former les lots.', ref: `${B2_2} pos. 27-35` },
});

/** A code of {@link FSE_CODES}. */
export type FseCode = keyof typeof FSE_CODES;
