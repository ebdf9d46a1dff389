/**
 * Issue codes of the attestation de tiers payant harmonisée (text, DataMatrix payload, image).
 * Public API.
 */
import { defineIssueCodes } from '../../core/issues/index';

/** The public description of the attestation: its 5 normalised fields and the DataMatrix. */
export const ATTESTATION_REF = 'Association Inter-AMC / GIE SINTIA, « attestation de tiers payant harmonisée » : pavé normalisé des 5 informations (n° AMC, type de convention, critère secondaire de routage, n° d’adhérent, période de validité) et DataMatrix (https://sintia.fr/node/84)';
const PAYLOAD_REF = 'Contenu du DataMatrix de l’attestation de tiers payant harmonisée : non public (spécifications Inter-AMC réservées aux membres) ; codec par défaut modélisé et remplaçable (AttestationPayloadCodec)';
const DATAMATRIX_REF = 'ISO/IEC 16022 (Data Matrix), lu par ZXing-C++ (zxing-wasm)';

/** Attestation issue codes. */
export const ATTESTATION_CODES = defineIssueCodes({
  ATTESTATION_FIELD_MISSING: {
    family: 'MISSING',
    message: 'Information absente de l’attestation de tiers payant : {expected}.',
    fix: 'Saisir l’information lue dans le pavé normalisé de l’attestation (en haut à gauche), ou relire le DataMatrix.',
    ref: ATTESTATION_REF,
  },
  ATTESTATION_FIELD_FORMAT: {
    family: 'FORMAT',
    message: 'Information de l’attestation mal formée : attendu {expected}, reçu « {received} ».',
    fix: 'Recopier la valeur telle qu’imprimée sur l’attestation (chiffres et majuscules, sans espace).',
    ref: ATTESTATION_REF,
  },
  ATTESTATION_DATE_INVALID: {
    family: 'FORMAT',
    message: 'Date de validité illisible : attendu {expected}, reçu « {received} ».',
    fix: 'Saisir la date au format JJ/MM/AAAA (ou AAAA-MM-JJ) ; une année sur 2 chiffres demande l’option referenceDate.',
    ref: ATTESTATION_REF,
  },
  ATTESTATION_PERIODE_INVERSEE: {
    family: 'RANGE',
    message: 'Période de validité inversée : début {received} après la fin {expected}.',
    fix: 'Vérifier les deux dates de la période de validité imprimées sur l’attestation.',
    ref: ATTESTATION_REF,
  },
  ATTESTATION_NON_ENCORE_VALIDE: {
    family: 'RANGE',
    message: 'Attestation pas encore valide au {received} : période à partir du {expected}.',
    fix: 'Demander au patient l’attestation en cours de validité, ou facturer sans tiers payant AMC.',
    ref: ATTESTATION_REF,
  },
  ATTESTATION_EXPIREE: {
    family: 'RANGE',
    message: 'Attestation expirée au {received} : période terminée le {expected}.',
    fix: 'Demander au patient l’attestation de l’année en cours, ou facturer sans tiers payant AMC (le patient paie la part AMC).',
    ref: ATTESTATION_REF,
  },
  ATTESTATION_PAYLOAD_FORMAT: {
    family: 'FORMAT',
    message: 'Contenu du DataMatrix non reconnu par le codec « {expected} » : {received}.',
    fix: 'Vérifier que le code lu est bien celui de l’attestation de tiers payant, ou brancher le codec de l’AMC (AttestationPayloadCodec).',
    ref: PAYLOAD_REF,
  },
  ATTESTATION_IMAGE_FORMAT: {
    family: 'FORMAT',
    message: 'Image non reconnue : attendu {expected}, reçu {received}.',
    fix: 'Numériser l’attestation en PNG ou JPEG.',
    ref: DATAMATRIX_REF,
  },
  ATTESTATION_IMAGE_UNREADABLE: {
    family: 'FORMAT',
    message: 'Image illisible : {received}.',
    fix: 'Numériser à nouveau l’attestation (nette, bien éclairée, au moins 150 dpi) ou saisir les 5 informations à la main.',
    ref: DATAMATRIX_REF,
  },
  ATTESTATION_IMAGE_NO_CODE: {
    family: 'MISSING',
    message: 'Aucun DataMatrix lisible dans l’image.',
    fix: 'Cadrer le DataMatrix de l’attestation (zone blanche autour, sans reflet) ou saisir les 5 informations à la main.',
    ref: DATAMATRIX_REF,
  },
  ATTESTATION_IMAGE_SEVERAL_CODES: {
    family: 'RANGE',
    message: 'Plusieurs DataMatrix différents dans l’image : attendu 1, reçu {received}.',
    fix: 'Numériser une seule attestation à la fois (une par bénéficiaire ou par contrat).',
    ref: DATAMATRIX_REF,
  },
});

/** An attestation issue code. */
export type AttestationCode = keyof typeof ATTESTATION_CODES;
