/**
 * Issue codes of the SNDS reference tables (public API).
 */
import { defineIssueCodes } from '../../core/issues/index';

const SNDS = 'Nomenclatures du SNDS (CNAM / Health Data Hub, 2021, Licence Ouverte 2.0)';
const NABM = 'Nomenclature des actes de biologie médicale (NABM), CNAM — table IR_BIO_R des nomenclatures du SNDS (CNAM / Health Data Hub, 2021)';
const LPP = 'Liste des produits et prestations remboursables (LPP), Code de la sécurité sociale, art. L.165-1 — table NT_LPP des nomenclatures du SNDS (CNAM / Health Data Hub, 2021)';

/** Issue codes raised by the SNDS lookups and tables (`sesam-billing/rules/snds`). */
export const SNDS_CODES = defineIssueCodes({
  SNDS_CODE_INCONNU: {
    family: 'UNKNOWN_CODE',
    message: 'Code {expected} inconnu : « {received} »',
    fix: 'Vérifier le code. Les nomenclatures du SNDS livrées datent de 2021 : un code créé depuis doit être fourni par l’appelant (table de l’appelant).',
    ref: SNDS,
  },
  SNDS_HORS_PERIODE: {
    family: 'RULE',
    message: 'Code « {received} » non en vigueur à cette date ({expected})',
    fix: 'Vérifier la date de l’acte ou le code : il a été créé après ou supprimé avant cette date.',
    ref: SNDS,
  },
  SNDS_NABM_COEFFICIENT: {
    family: 'RULE',
    severity: 'warning',
    message: 'Coefficient NABM de l’acte {received} non attesté à cette date : {expected}',
    fix: 'La table IR_BIO_R ne donne que le dernier coefficient de chaque acte : vérifier le coefficient en vigueur à la date de l’acte dans la NABM (ameli.fr, Table nationale de biologie).',
    ref: NABM,
  },
  SNDS_VALEUR_B: {
    family: 'RULE',
    message: 'Valeur de la lettre clé B invalide : {received}',
    fix: 'Passer les valeurs datées de la lettre B (montant en euros, date de début, source) dans l’ordre chronologique.',
    ref: NABM,
  },
  SNDS_NABM_COEFFICIENT_APPELANT: {
    family: 'FORMAT',
    message: 'Coefficient NABM fourni invalide : {received}',
    fix: 'Passer pour chaque acte un code NABM (4 chiffres au plus), un coefficient entier positif, une date de début et la source (décision UNCAM, JO).',
    ref: NABM,
  },
  SNDS_LPP_CSV: {
    family: 'FORMAT',
    message: 'Fichier LPP illisible : {received}',
    fix: 'Passer le fichier NT_LPP.csv des nomenclatures du SNDS (séparateur « ; », en-tête LPP_PRS_IDE;LPP_RED_LIB;LPP_VAL_DTF…).',
    ref: LPP,
  },
  SNDS_LPP_CODE_INCONNU: {
    family: 'UNKNOWN_CODE',
    severity: 'warning',
    message: 'Code LPP « {received} » absent de la liste LPP chargée ({expected})',
    fix: 'Vérifier le code contre la LPP en vigueur (ameli.fr, base LPP) : un code créé après la liste chargée est accepté avec cet avertissement.',
    ref: LPP,
  },
  SNDS_LPP_TARIF: {
    family: 'FORMAT',
    message: 'Tarif LPP invalide : {received}',
    fix: 'Passer pour chaque code LPP (7 chiffres) un tarif en euros (« 12.34 »), une date de début et la source (arrêté ou avis de prix au JO).',
    ref: LPP,
  },
});
