/**
 * Issue codes of the INSi module (téléservice « Identité nationale de santé »). Public API.
 */
import { defineIssueCodes } from '../core/issues/index';

const WSDL = 'CNAM, contrat de service INSi « ServiceIdentiteCertifiee » DESIR_ICIR_EXP_1.5.0.wsdl et XSD INSi_RESULTAT_INS';
const REF_INS = 'Référentiel « Identifiant national de santé » v2.0, approuvé par arrêté du 27 mai 2021 (JO du 8 juin 2021)';
const RNIV = 'Référentiel national d’identitovigilance (RNIV), volet 1, annexe du référentiel INS (arrêté du 27 mai 2021, JO du 8 juin 2021)';

/** INSi issue codes. */
export const INSI_CODES = defineIssueCodes({
  INSI_XML_TOO_LARGE: {
    family: 'LENGTH',
    message: 'Réponse INSi trop volumineuse : au plus {expected}, reçu {received}.',
    fix: 'Vérifier l’adresse du téléservice : une réponse INSi tient en quelques kilo-octets.',
    ref: WSDL,
  },
  INSI_XML_FORBIDDEN: {
    family: 'FORMAT',
    message: 'Réponse INSi refusée : {received} interdit (DOCTYPE / entités).',
    fix: 'Le téléservice n’envoie jamais de DTD ni d’entité : vérifier l’adresse appelée (réponse suspecte).',
    ref: 'W3C SOAP 1.2 Part 1 §5 (« A SOAP message MUST NOT contain a Document Type Declaration »)',
  },
  INSI_XML_INVALID: {
    family: 'FORMAT',
    message: 'Réponse INSi illisible : {received}.',
    fix: 'Vérifier l’adresse du téléservice et conserver la réponse brute pour le support.',
    ref: 'W3C SOAP 1.2 Part 1 §5 (enveloppe SOAP)',
  },
  INSI_MISSING: {
    family: 'MISSING',
    message: 'Élément absent de la réponse INSi : {expected}.',
    fix: 'Conserver la réponse brute et la signaler au support de l’éditeur.',
    ref: WSDL,
  },
  INSI_FIELD_FORMAT: {
    family: 'FORMAT',
    message: 'Valeur INSi mal formée : attendu {expected}, reçu « {received} ».',
    fix: 'Conserver la réponse brute et la signaler au support de l’éditeur.',
    ref: WSDL,
  },
  INSI_CR_UNKNOWN: {
    family: 'UNKNOWN_CODE',
    message: 'Code retour INSi inconnu : {received} (attendu 00, 01 ou 02).',
    fix: 'Mettre à jour le logiciel ou contacter l’éditeur : ce code retour n’est pas traité.',
    ref: WSDL,
  },
  INSI_INS_KEY: {
    family: 'CHECKSUM',
    message: 'Clé du matricule INS incorrecte : attendu {expected}, reçu {received}.',
    fix: 'Ne pas enregistrer cet INS ; relancer la recherche et signaler la réponse.',
    ref: 'Décret n° 82-103 du 22 janvier 1982 (NIR, clé de contrôle) ; ' + REF_INS,
  },
  INSI_OID_UNKNOWN: {
    family: 'UNKNOWN_CODE',
    message: 'OID d’autorité d’affectation inconnu : {received} (NIR 1.2.250.1.213.1.4.8 ou NIA 1.2.250.1.213.1.4.9 attendu).',
    fix: 'Ne pas enregistrer cet INS ; vérifier l’environnement appelé (production ou test).',
    ref: REF_INS + ' (OID de l’INS)',
  },
  INSI_OID_TEST: {
    family: 'RULE',
    severity: 'warning',
    message: 'INS de test (OID {received}) : identité fictive de l’environnement de test.',
    fix: 'Ne jamais référencer de données de santé réelles avec un INS de test.',
    ref: REF_INS + ' (OID de test 1.2.250.1.213.1.4.10 / .11)',
  },
  INSI_SOAP_FAULT: {
    family: 'RULE',
    message: 'Erreur du téléservice INSi : {received}.',
    fix: 'Lire le code siram / desir : certificat, autorisation du logiciel (IDAM) ou requête à corriger avant de réessayer.',
    ref: WSDL + ' (message Erreur, schema_faultSOAP_V01_01) ; W3C SOAP 1.2 Part 1 §5.4',
  },
  INSI_TRANSPORT: {
    family: 'RULE',
    message: 'Appel du téléservice INSi impossible : {received}.',
    fix: 'Vérifier le réseau, l’adresse du téléservice et le certificat client (TLS mutuel), puis réessayer.',
    ref: WSDL + ' (SOAP 1.2 sur HTTPS avec authentification mutuelle)',
  },
  INSI_TIMEOUT: {
    family: 'RULE',
    message: 'Le téléservice INSi n’a pas répondu en {expected}.',
    fix: 'Réessayer plus tard ; l’identité reste provisoire en attendant.',
    ref: WSDL,
  },
  INSI_HTTP_STATUS: {
    family: 'RULE',
    message: 'Réponse HTTP inattendue du téléservice INSi : {received}.',
    fix: 'Vérifier l’adresse du téléservice ; conserver la réponse pour le support.',
    ref: WSDL,
  },
  INSI_NOT_FOUND: {
    family: 'RULE',
    message: 'INSi : {received}. Aucun INS à qualifier.',
    fix: 'Code 01 : vérifier les traits saisis (nom de naissance, prénoms de l’état civil). Code 02 : ajouter les autres prénoms puis le lieu de naissance.',
    ref: RNIV,
  },
  INSI_TRAIT_MISMATCH: {
    family: 'TOTAL_MISMATCH',
    message: 'Trait d’identité différent de celui de l’INSi : attendu « {expected} », reçu « {received} ».',
    fix: 'Ne pas qualifier l’identité : contrôler la pièce d’identité de l’usager et corriger l’identité locale ou signaler l’anomalie en identitovigilance.',
    ref: RNIV + ' ; ' + REF_INS,
  },
});

/** An INSi issue code. */
export type InsiCode = keyof typeof INSI_CODES;
