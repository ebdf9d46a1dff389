/**
 * Issue codes of `core/ids` (public API): one LENGTH / FORMAT / CHECKSUM triple per identifier,
 * plus NIR components and the NIR fictitious-month warning. Validation reports them in python-stdnum
 * order: length, then format, then components, then checksum (the first failing stage only).
 *
 * Refs cite public texts a vendor can read: the NIR decree and INSEE page; the norme B2 "clé
 * type 1-2" annex (Luhn) and each register's owner (ANS for RPPS, DREES for FINESS, INSEE for
 * SIREN/SIRET). Sources of the algorithms: python-stdnum `stdnum/fr/*`.
 */
import { defineIssueCodes } from '../issues/index';

const NIR = "Décret n° 82-103 du 22 janvier 1982 relatif au répertoire national d'identification des personnes physiques (NIR) ; clé de contrôle : INSEE, « Numéro d'inscription au répertoire (NIR) »";
const LUHN = 'Norme B2, cahier des charges inter-régimes (CNAM), annexe « clé type 1-2 » (clé de Luhn, ISO/IEC 7812-1)';
const ADELI = `${LUHN} ; répertoire ADELI des professions de santé (ministère chargé de la santé)`;
const RPPS = `${LUHN} ; ANS, Répertoire partagé des professionnels intervenant dans le système de santé (RPPS)`;
const FINESS = `${LUHN} ; DREES, Fichier national des établissements sanitaires et sociaux (FINESS)`;
const SIRENE = 'INSEE, répertoire Sirene : numéros SIREN et SIRET (clé de Luhn, ISO/IEC 7812-1 ; établissements de La Poste : somme des chiffres multiple de 5)';
const NUMFACT = `${LUHN} ; n° de facturation du professionnel de santé (carte CPS)`;

/** Issue codes raised by the identifier validators. */
export const IDS_CODES = defineIssueCodes({
  NIR_LENGTH: { family: 'LENGTH', message: 'Le NIR doit compter {expected} caractères (reçu : {received}).', fix: 'Saisir les 13 caractères du NIR suivis des 2 chiffres de la clé.', ref: NIR },
  NIR_FORMAT: { family: 'FORMAT', message: 'Le NIR ne doit contenir que des chiffres (2A ou 2B admis en département).', fix: 'Vérifier la saisie du NIR (carte Vitale ou attestation).', ref: NIR },
  NIR_COMPONENT: { family: 'COMPONENT', message: 'Composant du NIR invalide : attendu {expected}, reçu {received}.', fix: 'Vérifier le sexe (1, 2, 7, 8), le mois, le département et le numéro d’ordre du NIR.', ref: NIR },
  NIR_MONTH_UNKNOWN: { family: 'COMPONENT', severity: 'warning', message: 'Mois de naissance fictif dans le NIR ({received}) : mois inconnu à l’immatriculation.', fix: 'Aucune action si le NIR est celui de la carte Vitale ; la date de naissance doit être fournie à part.', ref: NIR },
  NIR_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du NIR incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du NIR et sa clé.', ref: NIR },
  ADELI_LENGTH: { family: 'LENGTH', message: 'Le n° ADELI doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 9 chiffres du n° ADELI, clé comprise.', ref: ADELI },
  ADELI_FORMAT: { family: 'FORMAT', message: 'Le n° ADELI ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du n° ADELI.', ref: ADELI },
  ADELI_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du n° ADELI incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du n° ADELI.', ref: ADELI },
  RPPS_LENGTH: { family: 'LENGTH', message: 'Le n° RPPS doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 11 chiffres du n° RPPS.', ref: RPPS },
  RPPS_FORMAT: { family: 'FORMAT', message: 'Le n° RPPS ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du n° RPPS (carte CPS).', ref: RPPS },
  RPPS_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du n° RPPS incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du n° RPPS.', ref: RPPS },
  FINESS_LENGTH: { family: 'LENGTH', message: 'Le n° FINESS doit compter {expected} caractères (reçu : {received}).', fix: 'Saisir les 9 caractères du n° FINESS.', ref: FINESS },
  FINESS_FORMAT: { family: 'FORMAT', message: 'Le n° FINESS ne doit contenir que des chiffres (2A ou 2B admis en département).', fix: 'Vérifier la saisie du n° FINESS.', ref: FINESS },
  FINESS_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du n° FINESS incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque caractère du n° FINESS.', ref: FINESS },
  SIREN_LENGTH: { family: 'LENGTH', message: 'Le SIREN doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 9 chiffres du SIREN.', ref: SIRENE },
  SIREN_FORMAT: { family: 'FORMAT', message: 'Le SIREN ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du SIREN.', ref: SIRENE },
  SIREN_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du SIREN incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du SIREN.', ref: SIRENE },
  SIRET_LENGTH: { family: 'LENGTH', message: 'Le SIRET doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 14 chiffres du SIRET (SIREN + NIC).', ref: SIRENE },
  SIRET_FORMAT: { family: 'FORMAT', message: 'Le SIRET ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du SIRET.', ref: SIRENE },
  SIRET_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du SIRET incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du SIRET.', ref: SIRENE },
  SIRET_SIREN_CHECKSUM: { family: 'CHECKSUM', message: 'Le SIREN contenu dans le SIRET a une clé incorrecte.', fix: 'Vérifier les 9 premiers chiffres du SIRET.', ref: SIRENE },
  NUMFACT_LENGTH: { family: 'LENGTH', message: 'Le n° de facturation PS doit compter {expected} chiffres (reçu : {received}).', fix: 'Saisir les 8 chiffres du n° de facturation suivis de la clé.', ref: NUMFACT },
  NUMFACT_FORMAT: { family: 'FORMAT', message: 'Le n° de facturation PS ne doit contenir que des chiffres.', fix: 'Vérifier la saisie du n° de facturation (carte CPS).', ref: NUMFACT },
  NUMFACT_CHECKSUM: { family: 'CHECKSUM', message: 'Clé du n° de facturation PS incorrecte : attendue {expected}, reçue {received}.', fix: 'Vérifier chaque chiffre du n° de facturation PS.', ref: NUMFACT },
});
