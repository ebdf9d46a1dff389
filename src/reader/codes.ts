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
    ref: 'pcsc-tools smartcard_list.txt (L. Rousseau, ATR Carte Vitale) ; ANS — CPS3/CPS4 spécifications (dops-cryptolib, ATR et masques)',
  },
  CARD_UNSUPPORTED: {
    family: 'RULE',
    message: 'Carte reconnue mais non prise en charge ({received}).',
    fix: 'Les cartes Vitale 1 et le mode sans contact ne sont pas lus par cette bibliothèque : utiliser une Vitale 2 / CPS en contact.',
    ref: 'ANS — CPS3/CPS4 spécifications (dops-cryptolib : signature en mode contact seulement)',
  },
  CARD_WRONG_KIND: {
    family: 'RULE',
    message: 'Carte inattendue : {expected} attendue, {received} présente.',
    fix: 'Vérifier quel lecteur contient la CPS et lequel contient la carte Vitale.',
    ref: 'pcsc-tools smartcard_list.txt (L. Rousseau) ; ANS — CPS3/CPS4 spécifications (dops-cryptolib)',
  },
  CARD_REMOVED: {
    family: 'MISSING',
    message: 'Carte retirée du lecteur {received} pendant l’opération.',
    fix: 'Réinsérer la carte et recommencer l’opération.',
    ref: 'PC/SC Workgroup Specifications, Part 5 (SCARD_W_REMOVED_CARD)',
  },
  CARD_ABSENT: {
    family: 'MISSING',
    message: 'Aucune carte dans le lecteur {received}.',
    fix: 'Insérer la carte.',
    ref: 'PC/SC Workgroup Specifications, Part 5 (SCARD_E_NO_SMARTCARD)',
  },
  CARD_BUSY: {
    family: 'RULE',
    message: 'Lecteur {received} occupé : délai d’attente dépassé.',
    fix: 'Une autre opération utilise la carte ; réessayer quand elle est terminée.',
    ref: 'PC/SC Workgroup Specifications, Part 5 (SCardBeginTransaction, accès exclusif)',
  },
  CARD_TIMEOUT: {
    family: 'RULE',
    message: 'La carte du lecteur {received} n’a pas répondu dans le délai ({expected}) ; la connexion est réinitialisée.',
    fix: 'Retirer et réinsérer la carte ; si cela se répète, changer de lecteur ou vérifier son pilote (pcscd).',
    ref: 'PC/SC Workgroup Specifications, Part 5 (SCardDisconnect SCARD_RESET_CARD)',
  },
  CARD_READER_NOT_FOUND: {
    family: 'MISSING',
    message: 'Lecteur introuvable : {received}.',
    fix: 'Brancher le lecteur et vérifier que pcscd le voit (pcsc_scan).',
    ref: 'PC/SC Workgroup Specifications, Part 5 (SCardListReaders) ; pcsc-lite (pcscd)',
  },
  CARD_DATA_MISSING: {
    family: 'MISSING',
    message: 'Donnée absente de la carte : {expected}.',
    fix: 'Carte incomplète ou illisible : la faire mettre à jour.',
    ref: 'cardpeek — script vitale_2.lua (fichiers Vitale 2 : gabarit 65, tags 80/81/82/93)',
  },
  CARD_NIR_INVALID: {
    family: 'CHECKSUM',
    message: 'NIR lu sur la carte invalide ({received}).',
    fix: 'Carte défectueuse ou falsifiée : ne pas facturer avec ces données.',
    ref: 'INSEE — RNIPP, numéro d’inscription au répertoire (NIR) et sa clé de contrôle (97 − NIR mod 97)',
  },
  CARD_DATE_INVALID: {
    family: 'FORMAT',
    message: 'Date invalide sur la carte ({received}).',
    fix: 'Saisir la date manuellement.',
    ref: 'cardpeek — script vitale_2.lua (tag 82, date de naissance AAAAMMJJ)',
  },
  CARD_CPS_ISSUER: {
    family: 'RULE',
    message: 'EF.SN.ICC : émetteur {received} au lieu de {expected}.',
    fix: 'La carte n’est pas une CPS émise par l’ANS.',
    ref: 'ANS — CPS3/CPS4 spécifications (dops-cryptolib : EF.SN.ICC, émetteur 80 25 00 00 01)',
  },
  APDU_STATUS: {
    family: 'UNKNOWN_CODE',
    message: 'La carte a répondu {received} à {expected}.',
    fix: 'Voir le statut ISO 7816-4 ; retirer et réinsérer la carte si cela persiste.',
    ref: 'ISO/IEC 7816-4:2013 §5.6 (octets d’état SW1-SW2)',
  },
  APDU_MALFORMED: {
    family: 'FORMAT',
    message: 'Réponse ou TLV mal formé : {received}.',
    fix: 'Carte ou lecteur défectueux : réessayer, puis changer de lecteur.',
    ref: 'ISO/IEC 7816-4:2013 §5.1 (paires commande-réponse) et §6 (objets de données BER-TLV / SIMPLE-TLV)',
  },
  PIN_FORMAT: {
    family: 'FORMAT',
    message: 'Code porteur mal formé ({expected}).',
    fix: 'Saisir le code à 4 chiffres de la carte.',
    ref: 'ANS — CPS3/CPS4 spécifications (dops-cryptolib : code porteur de 4 à 8 chiffres)',
  },
  PIN_WRONG: {
    family: 'RULE',
    message: 'Code porteur faux : {received} essai(s) restant(s).',
    fix: 'Vérifier le code avant de réessayer : la carte se bloque après le dernier essai.',
    ref: 'ISO/IEC 7816-4:2013 §11.5.6 (VERIFY) et §5.6 (63Cx : essais restants)',
  },
  PIN_LAST_TRY: {
    family: 'RULE',
    message: 'Un seul essai restant : code non présenté.',
    fix: 'Confirmer explicitement (insist: true) après avoir vérifié le code ; sinon faire débloquer la carte.',
    ref: 'ISO/IEC 7816-4:2013 §11.5.6 (VERIFY) ; ANS — CPS3/CPS4 spécifications (dops-cryptolib : compteurs d’essais 9A/9B)',
  },
  PIN_BLOCKED: {
    family: 'RULE',
    message: 'Code porteur bloqué.',
    fix: 'Débloquer la carte avec le code de déblocage (PUK) via l’outil de l’ANS ou demander une nouvelle carte.',
    ref: 'ISO/IEC 7816-4:2013 §5.6 (6983 : méthode d’authentification bloquée)',
  },
  PIN_NOT_VERIFIED: {
    family: 'RULE',
    message: 'Code porteur non vérifié : opération refusée par la carte.',
    fix: 'Présenter le code porteur (verifyPin) avant de signer.',
    ref: 'ISO/IEC 7816-4:2013 §5.6 (6982 : statut de sécurité non satisfait)',
  },
  APDU_SECRET_NOT_RESENT: {
    family: 'RULE',
    message: 'La carte a répondu {received} à une commande portant un secret ({expected}) : la commande n’est pas renvoyée.',
    fix: 'Lire les compteurs d’essais (readPinCounters) puis représenter le code une seule fois ; si cela se répète, la carte ou le lecteur est défectueux.',
    ref: 'ISO/IEC 7816-4:2013 §5.6 (6Cxx : Le erroné) et §11.5 (commandes de sécurité : VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER)',
  },
});

/** A reader issue code. */
export type ReaderCode = keyof typeof READER_CODES;
