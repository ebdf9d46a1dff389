/**
 * Issue codes of the signature module. Public API.
 */
import { defineIssueCodes } from '../core/issues/index';

/** Signature issue codes. */
export const SIGNATURE_CODES = defineIssueCodes({
  SIGNATURE_CERTIFICATE_INVALID: {
    family: 'FORMAT',
    message: 'Certificat du signataire illisible ({received}).',
    fix: 'Vérifier la carte CPS (certificat de signature) ou le certificat logiciel fourni.',
    ref: 'RFC 5280 §4.1',
  },
  SIGNATURE_KEY_INVALID: {
    family: 'FORMAT',
    message: 'Clé privée du signataire logiciel illisible ({received}) : clé RSA PKCS#8 attendue.',
    fix: 'Fournir la clé au format PKCS#8 (« BEGIN PRIVATE KEY ») ; une clé PKCS#1 se convertit avec « openssl pkcs8 -topk8 -nocrypt ».',
    ref: 'RFC 5958 §2 (PKCS#8 OneAsymmetricKey), RFC 8017 §A.1.2',
  },
  SIGNATURE_LENGTH: {
    family: 'LENGTH',
    message: 'Signature de longueur inattendue : {received} octets au lieu de {expected}.',
    fix: 'La carte a répondu une signature tronquée : réessayer la sécurisation.',
    ref: 'RFC 8017 §8.2',
  },
  SIGNATURE_DATE_INVALID: {
    family: 'FORMAT',
    message: 'Date de sécurisation invalide ({received}) : ISO 8601 entre 1950 et 2049 attendue.',
    fix: 'Passer la date-heure de l’horloge de l’appelant au format ISO 8601.',
    ref: 'RFC 5652 §11.3 (signingTime UTCTime)',
  },
  SIGNATURE_CMS_INVALID: {
    family: 'FORMAT',
    message: 'Signature CMS illisible : SignedData détachée à un signataire attendue ({received}).',
    fix: 'Vérifier que le fichier .p7s est celui produit pour ce lot (DER, non tronqué).',
    ref: 'RFC 5652 §5.1',
  },
  SIGNATURE_CERTIFICATE_MISSING: {
    family: 'MISSING',
    message: 'Le certificat du signataire n’est pas dans la signature ({received}).',
    fix: 'Resigner en incluant le certificat de la carte CPS.',
    ref: 'RFC 5652 §5.3',
  },
  SIGNATURE_ALGORITHM_UNSUPPORTED: {
    family: 'UNKNOWN_CODE',
    message: 'Algorithme de signature non pris en charge ({received}) : SHA-256 / RSA attendu.',
    fix: 'Resigner avec sha256WithRSAEncryption.',
    ref: 'RFC 5754 §2.2, RFC 8017',
  },
  SIGNATURE_DIGEST_MISMATCH: {
    family: 'CHECKSUM',
    message: 'Le contenu a changé depuis la signature (empreinte SHA-256 différente, {received}).',
    fix: 'Ne pas modifier le lot après sa sécurisation : le resécuriser.',
    ref: 'RFC 5652 §5.4 (messageDigest)',
  },
  SIGNATURE_INVALID: {
    family: 'CHECKSUM',
    message: 'Signature invalide pour le certificat {received}.',
    fix: 'Resécuriser le lot ; si l’erreur persiste, la carte CPS répond mal : la changer de lecteur ou la faire remplacer.',
    ref: 'RFC 5652 §5.6, RFC 8017 §8.2.2',
  },
  SIGNATURE_UNTRUSTED: {
    family: 'RULE',
    message: 'Certificat du signataire non reconnu : émis par {received}, hors des autorités de confiance.',
    fix: 'Fournir le certificat de l’autorité de la carte CPS dans trustedCertificates, ou utiliser une carte de production.',
    ref: 'RFC 5280 §6',
  },
  SIGNATURE_CERTIFICATE_EXPIRED: {
    family: 'RANGE',
    message: 'Certificat hors validité à la date {received} (valide {expected}).',
    fix: 'Renouveler la carte CPS ou vérifier l’horloge du poste.',
    ref: 'RFC 5280 §4.1.2.5',
  },
});
