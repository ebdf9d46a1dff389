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
});
