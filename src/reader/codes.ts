/**
 * Issue codes of the reader module (cards, APDUs, PIN). Public API.
 */
import { defineIssueCodes } from '../core/issues/index';

/** Reader issue codes: CARD_*, APDU_*, PIN_*. */
export const READER_CODES = defineIssueCodes({
  CARD_UNKNOWN: {
    family: 'UNKNOWN_CODE',
    message: 'Carte non reconnue (ATR {received}).',
    fix: 'Insérer une carte Vitale 2 ou une CPS3/CPS4 dans le bon lecteur.',
    ref: 'SPECS §5.1, §5.2 (ATR et masques)',
  },
  CARD_UNSUPPORTED: {
    family: 'RULE',
    message: 'Carte reconnue mais non prise en charge ({received}).',
    fix: 'Les cartes Vitale 1 et le mode sans contact ne sont pas lus par cette bibliothèque : utiliser une Vitale 2 / CPS en contact.',
    ref: 'SPECS §5.1 (Vitale 1 non publique), §5.2 (pas de signature sans contact)',
  },
  CARD_WRONG_KIND: {
    family: 'RULE',
    message: 'Carte inattendue : {expected} attendue, {received} présente.',
    fix: 'Vérifier quel lecteur contient la CPS et lequel contient la carte Vitale.',
  },
  CARD_REMOVED: {
    family: 'MISSING',
    message: 'Carte retirée du lecteur {received} pendant l’opération.',
    fix: 'Réinsérer la carte et recommencer l’opération.',
  },
  CARD_ABSENT: {
    family: 'MISSING',
    message: 'Aucune carte dans le lecteur {received}.',
    fix: 'Insérer la carte.',
  },
  CARD_BUSY: {
    family: 'RULE',
    message: 'Lecteur {received} occupé : délai d’attente dépassé.',
    fix: 'Une autre opération utilise la carte ; réessayer quand elle est terminée.',
  },
  CARD_TIMEOUT: {
    family: 'RULE',
    message: 'La carte du lecteur {received} n’a pas répondu dans le délai ({expected}) ; la connexion est réinitialisée.',
    fix: 'Retirer et réinsérer la carte ; si cela se répète, changer de lecteur ou vérifier son pilote (pcscd).',
  },
  CARD_READER_NOT_FOUND: {
    family: 'MISSING',
    message: 'Lecteur introuvable : {received}.',
    fix: 'Brancher le lecteur et vérifier que pcscd le voit (pcsc_scan).',
  },
  CARD_DATA_MISSING: {
    family: 'MISSING',
    message: 'Donnée absente de la carte : {expected}.',
    fix: 'Carte incomplète ou illisible : la faire mettre à jour.',
    ref: 'SPECS §5.1 (tags 65/80/81/82/93)',
  },
  CARD_NIR_INVALID: {
    family: 'CHECKSUM',
    message: 'NIR lu sur la carte invalide ({received}).',
    fix: 'Carte défectueuse ou falsifiée : ne pas facturer avec ces données.',
    ref: 'SPECS §6.1',
  },
  CARD_DATE_INVALID: {
    family: 'FORMAT',
    message: 'Date invalide sur la carte ({received}).',
    fix: 'Saisir la date manuellement.',
    ref: 'SPECS §5.1 (tag 82 AAAAMMJJ)',
  },
  CARD_CPS_ISSUER: {
    family: 'RULE',
    message: 'EF.SN.ICC : émetteur {received} au lieu de {expected}.',
    fix: 'La carte n’est pas une CPS émise par l’ANS.',
    ref: 'SPECS §5.2 (EF.SN.ICC)',
  },
  APDU_STATUS: {
    family: 'UNKNOWN_CODE',
    message: 'La carte a répondu {received} à {expected}.',
    fix: 'Voir le statut ISO 7816-4 ; retirer et réinsérer la carte si cela persiste.',
    ref: 'ISO 7816-4 §5.6',
  },
  APDU_MALFORMED: {
    family: 'FORMAT',
    message: 'Réponse ou TLV mal formé : {received}.',
    fix: 'Carte ou lecteur défectueux : réessayer, puis changer de lecteur.',
    ref: 'ISO 7816-4 §5.2 (BER-TLV)',
  },
  PIN_FORMAT: {
    family: 'FORMAT',
    message: 'Code porteur mal formé ({expected}).',
    fix: 'Saisir le code à 4 chiffres de la carte.',
  },
  PIN_WRONG: {
    family: 'RULE',
    message: 'Code porteur faux : {received} essai(s) restant(s).',
    fix: 'Vérifier le code avant de réessayer : la carte se bloque après le dernier essai.',
    ref: 'ISO 7816-4 (63Cx)',
  },
  PIN_LAST_TRY: {
    family: 'RULE',
    message: 'Un seul essai restant : code non présenté.',
    fix: 'Confirmer explicitement (insist: true) après avoir vérifié le code ; sinon faire débloquer la carte.',
  },
  PIN_BLOCKED: {
    family: 'RULE',
    message: 'Code porteur bloqué.',
    fix: 'Débloquer la carte avec le code de déblocage (PUK) via l’outil de l’ANS ou demander une nouvelle carte.',
    ref: 'ISO 7816-4 (6983)',
  },
  PIN_NOT_VERIFIED: {
    family: 'RULE',
    message: 'Code porteur non vérifié : opération refusée par la carte.',
    fix: 'Présenter le code porteur (verifyPin) avant de signer.',
    ref: 'ISO 7816-4 (6982)',
  },
});

/** A reader issue code. */
export type ReaderCode = keyof typeof READER_CODES;
