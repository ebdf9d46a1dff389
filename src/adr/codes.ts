/**
 * Issue codes of the adr module (rights and AMC services: ADRi, apCV, Annuaire AMC, IDB/CLC,
 * prise en charge, ROC, service transport). Public API.
 *
 * The wire contracts of these services are not public (GIE SESAM-Vitale editor space, Inter-AMC
 * members): the library models them; the references below name the public descriptions.
 */
import { defineIssueCodes } from '../core/issues/index';

const ADRI = 'ameli.fr « ADRi : acquisition des droits intégrée » (description fonctionnelle ; contrat GIE SESAM-Vitale non public, modélisé)';
const APCV = 'ameli.fr « L’application carte Vitale » (acquisition par QR code ou NFC ; addendum SESAM-Vitale non public, modélisé)';
const INTER_AMC = 'Association Inter-AMC, « Attestation de tiers payant harmonisée » et services en ligne IDB / CLC (spécifications réservées aux membres, modélisées)';
const ROC = 'Projet ROC, « Présentation des principes généraux » v0.2.0 (GT ROC, 13/12/2016) : annuaire, IDB, SIM, CLC, annulation, facturation DRE-ES';
const HTTPS = 'RFC 9110 (HTTP), RFC 8446 (TLS 1.3, authentification du client par certificat)';

/** adr issue codes. */
export const ADR_CODES = defineIssueCodes({
  ADR_DROITS_FERMES: { family: 'RULE', message: 'Droits AMO fermés à la date des soins : {received}.', fix: 'Demander une attestation de droits à jour au patient ou facturer hors tiers payant ; relancer ADRi après mise à jour par la caisse.', ref: ADRI },
  ADR_RESPONSE_FIELD: { family: 'FORMAT', message: 'Réponse du service mal formée : attendu {expected}, reçu « {received} ».', fix: 'Conserver la réponse brute et la signaler à l’éditeur : le contrat modélisé n’est pas respecté.', ref: ADRI },
  ADR_GARANTIE_PERDUE: { family: 'RULE', severity: 'warning', message: 'Données de droits modifiées à la main après {expected} : {received}. La garantie de paiement est perdue.', fix: 'Relancer une consultation ADRi (ou relire la carte Vitale / l’apCV) au lieu de saisir les droits à la main.', ref: ADRI },
  ADR_APCV_EXPIRE: { family: 'RULE', message: 'Contexte apCV expiré le {expected} (instant de la facture : {received}).', fix: 'Renouveler le contexte apCV (nouvelle lecture QR code ou NFC de l’application) avant de sécuriser la facture.', ref: APCV },
  ADR_ANNUAIRE_INCONNU: { family: 'UNKNOWN_CODE', message: 'AMC absente de l’Annuaire AMC : {received}.', fix: 'Vérifier le n° AMC et le type de convention de l’attestation ; à défaut, pas de tiers payant AMC (le patient règle la part complémentaire).', ref: INTER_AMC },
  ADR_ATTESTATION_PERIODE: { family: 'RULE', message: 'Attestation de tiers payant hors de sa période de validité ({expected}) à la date {received}.', fix: 'Demander l’attestation en cours au patient.', ref: INTER_AMC },
  ADR_SERVICE_ABSENT: { family: 'MISSING', message: 'L’AMC ne propose pas le service en ligne {expected}.', fix: 'Facturer selon la convention sans ce service (pas de garantie de paiement en ligne).', ref: INTER_AMC },
  ADR_AMC_DROITS_FERMES: { family: 'RULE', message: 'IDB : pas de droits ouverts chez l’AMC ({received}).', fix: 'Pas de tiers payant AMC : le patient règle la part complémentaire.', ref: INTER_AMC },
  ADR_CLC_NON_GARANTI: { family: 'RULE', severity: 'warning', message: 'CLC : part AMC non garantie ({received}).', fix: 'Pas de tiers payant AMC sans garantie : encaisser la part complémentaire auprès du patient.', ref: INTER_AMC },
  ADR_CLC_REJETE: { family: 'RULE', message: 'CLC : demande rejetée par l’AMC ({received}).', fix: 'Corriger la demande (actes, dates, bénéficiaire) et relancer le calcul, ou encaisser la part complémentaire auprès du patient.', ref: INTER_AMC },
  ADR_ANNULATION_IMPOSSIBLE: { family: 'RULE', message: 'Annulation impossible : {received}.', fix: 'Seule une garantie accordée (statut garanti) et non encore facturée s’annule.', ref: INTER_AMC },
  ADR_PEC_TRANSITION: { family: 'RULE', message: 'Prise en charge : passage de « {received} » à « {expected} » impossible.', fix: 'Suivre le cycle de la demande : déposée → en cours → accordée / partielle / refusée ; annulée ou expirée en fin de vie.', ref: INTER_AMC },
  ADR_ROC_SEQUENCE: { family: 'RULE', message: 'Séquence ROC : {received} reçu alors que l’étape attendue est {expected}.', fix: 'Appeler les services dans l’ordre IDB → SIM (séjours) → CLC → DRE-ES, puis traiter le retour NOEMIE 578R ou 908R.', ref: ROC },
  ADR_ROC_SANS_GARANTIE: { family: 'RULE', message: 'Pas de DRE-ES sans garantie de l’AMC (CLC : {received}).', fix: 'Facturer la part complémentaire au patient, ou corriger la demande et relancer le CLC.', ref: ROC },
  ADR_ROC_FORMAT: { family: 'FORMAT', message: 'Fichier ROC {expected} mal formé : {received}.', fix: 'Conserver le fichier brut et le signaler à l’éditeur : la présentation modélisée n’est pas respectée.', ref: `${ROC} ; retours NOEMIE-PS 578R / 908R (présentation modélisée)` },
  ADR_ROC_REJET: { family: 'RULE', severity: 'warning', message: 'DRE-ES rejetée par l’AMC (908R) : {received}.', fix: 'Lire le code rejet, corriger la facture et la renvoyer sous une nouvelle garantie, ou facturer la part complémentaire au patient.', ref: `${ROC} ; retour NOEMIE-PS 908R (rejet)` },
  ADR_ROC_ECART: { family: 'TOTAL_MISMATCH', severity: 'warning', message: 'Paiement AMC (578R) différent de la DRE-ES : demandé {expected}, payé {received}.', fix: 'Rapprocher avec le décompte de l’AMC ; réclamer l’écart ou le facturer au patient selon la garantie.', ref: `${ROC} ; retour NOEMIE-PS 578R (paiement)` },
  ADR_ROC_RETOUR_INCONNU: { family: 'RULE', severity: 'warning', message: 'Retour ROC pour une facture non envoyée : {received}.', fix: 'Vérifier l’établissement destinataire et l’historique des DRE-ES envoyées.', ref: `${ROC} ; retours NOEMIE-PS 578R / 908R` },
  ADR_BUSINESS: { family: 'RULE', message: 'Réponse du service {expected} en erreur métier : {received}.', fix: 'Lire le code retour du service ; corriger la demande avant de réessayer.', ref: INTER_AMC },
  ADR_NETWORK: { family: 'RULE', message: 'Service {expected} injoignable : {received}.', fix: 'Vérifier le réseau et l’adresse du service, puis réessayer.', ref: HTTPS },
  ADR_TLS: { family: 'RULE', message: 'Échec TLS avec le service {expected} : {received}.', fix: 'Vérifier le certificat client (TLS mutuel), sa clé, et l’autorité de certification du serveur.', ref: HTTPS },
  ADR_TIMEOUT: { family: 'RULE', message: 'Le service {expected} n’a pas répondu en {received}.', fix: 'Réessayer plus tard ; une lecture est relancée automatiquement, un calcul (CLC) ne l’est jamais.', ref: HTTPS },
  ADR_HTTP_STATUS: { family: 'RULE', message: 'Réponse HTTP inattendue du service {expected} : {received}.', fix: 'Vérifier l’adresse du service ; conserver la réponse pour le support.', ref: HTTPS },
  ADR_SOAP_FAULT: { family: 'RULE', message: 'Erreur SOAP du service {expected} : {received}.', fix: 'Lire le code de l’erreur : certificat, autorisation du logiciel ou requête à corriger avant de réessayer.', ref: 'W3C SOAP 1.2 Part 1 §5.4 (SOAP Fault)' },
  ADR_RESPONSE_INVALID: { family: 'FORMAT', message: 'Réponse illisible du service {expected} : {received}.', fix: 'Vérifier l’adresse du service ; conserver la réponse brute pour le support.', ref: 'RFC 8259 (JSON)' },
  ADR_RESPONSE_TOO_LARGE: { family: 'LENGTH', message: 'Réponse du service {expected} trop volumineuse : {received}.', fix: 'Vérifier l’adresse du service : ses réponses tiennent en quelques kilo-octets.', ref: HTTPS },
});

/** An adr issue code. */
export type AdrCode = keyof typeof ADR_CODES;
