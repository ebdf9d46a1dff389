/**
 * Issue codes of `core/ids` (public API): one LENGTH / FORMAT / CHECKSUM triple per identifier,
 * plus NIR components and the NIR fictitious-month warning. Validation reports them in python-stdnum
 * order: length, then format, then components, then checksum (the first failing stage only).
 *
 * Sources: SPECS §6.1 (NIR), §6.2 (PS and structure identifiers); python-stdnum `stdnum/fr/*`.
 */
import { defineIssueCodes } from '../issues/index';

const NIR = 'SPECS §6.1';
const PS = 'SPECS §6.2';

/** Issue codes raised by the identifier validators. */
export const IDS_CODES = defineIssueCodes({
  NIR_LENGTH: { family: 'LENGTH', message: 'Le NIR doit compter {expected} caractères (reçu : {received}).', fix: 'Saisir les 13 caractères du NIR suivis des 2 chiffres de la clé.', ref: NIR },
  NIR_FORMAT: { family: 'FORMAT', message: 'Le NIR ne doit contenir que des chiffres (2A ou 2B admis en département).', fix: 'Vérifier la saisie du NIR (carte Vitale ou attestation).', ref: NIR },
  NIR_COMPONENT: { family: 'COMPONENT', message: 'Composant du NIR invalide : attendu {expected}, reçu {received}.', fix: 'Vérifier le sexe (1, 2, 7, 8), le mois, le département et le numéro d’ordre du NIR.', ref: NIR },
  NIR_MONTH_UNKNOWN: { family: 'COMPONENT', severity: 'warning', message: 'Mois de naissance fictif dans le NIR ({received}) : mois inconnu à l’immatriculation.', fix: 'Aucune action si le NIR est celui de la carte Vitale ; la date de naissance doit être fournie à part.', ref: NIR },
  NIR_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du NIR incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du NIR et sa clé.', ref: NIR },
  ADELI_LENGTH: { family: 'LENGTH', message: 'Le n° ADELI doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 9 chiffres du n° ADELI, clé comprise.', ref: PS },
  ADELI_FORMAT: { family: 'FORMAT', message: 'Le n° ADELI ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du n° ADELI.', ref: PS },
  ADELI_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du n° ADELI incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du n° ADELI.', ref: PS },
  RPPS_LENGTH: { family: 'LENGTH', message: 'Le n° RPPS doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 11 chiffres du n° RPPS.', ref: PS },
  RPPS_FORMAT: { family: 'FORMAT', message: 'Le n° RPPS ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du n° RPPS (carte CPS).', ref: PS },
  RPPS_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du n° RPPS incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du n° RPPS.', ref: PS },
  FINESS_LENGTH: { family: 'LENGTH', message: 'Le n° FINESS doit compter {expected} caractères (reçu : {received}).', fix: 'Saisir les 9 caractères du n° FINESS.', ref: PS },
  FINESS_FORMAT: { family: 'FORMAT', message: 'Le n° FINESS ne doit contenir que des chiffres (2A ou 2B admis en département).', fix: 'Vérifier la saisie du n° FINESS.', ref: PS },
  FINESS_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du n° FINESS incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque caractère du n° FINESS.', ref: PS },
  SIREN_LENGTH: { family: 'LENGTH', message: 'Le SIREN doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 9 chiffres du SIREN.', ref: PS },
  SIREN_FORMAT: { family: 'FORMAT', message: 'Le SIREN ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du SIREN.', ref: PS },
  SIREN_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du SIREN incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du SIREN.', ref: PS },
  SIRET_LENGTH: { family: 'LENGTH', message: 'Le SIRET doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 14 chiffres du SIRET (SIREN + NIC).', ref: PS },
  SIRET_FORMAT: { family: 'FORMAT', message: 'Le SIRET ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du SIRET.', ref: PS },
  SIRET_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du SIRET incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du SIRET.', ref: PS },
  SIRET_SIREN_CHECKSUM: { family: 'CHECKSUM', message: 'Le SIREN contenu dans le SIRET a une clé incorrecte.', fix: 'Vérifier les 9 premiers chiffres du SIRET.', ref: PS },
  NUMFACT_LENGTH: { family: 'LENGTH', message: 'Le n° de facturation PS doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 8 chiffres du n° de facturation suivis de la clé.', ref: PS },
  NUMFACT_FORMAT: { family: 'FORMAT', message: 'Le n° de facturation PS ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du n° de facturation (carte CPS).', ref: PS },
  NUMFACT_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du n° de facturation PS incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du n° de facturation PS.', ref: PS },
});
