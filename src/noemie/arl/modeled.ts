/**
 * The MODELED ARL format of sesam-billing (`sesam-billing-modeled-arl/1`): NOT the official
 * layout, which is not public (ARL : format non public, modélisé (docs/spec-map.md)). It carries the public meaning of an ARL (one
 * per file, positive / negative, reason, lots concerned) in 128-byte records, so that the
 * simulator can answer lots and PMS code can be written against {@link ArlDecoder} today.
 *
 * Records (positions 1-based):
 * - `ARL` header: 1-3 `ARL` · 4-9 version `MOD001` · 10-11 type émetteur · 12-25 n° émetteur ·
 *   26-39 n° destinataire · 40-45 identification du fichier acquitté · 46-51 date de réception
 *   AAMMJJ · 52 statut `P` / `N` · 53-57 code motif · 58-128 libellé motif.
 * - `LOT` (one per lot): 1-3 `LOT` · 4-6 n° lot · 7-12 date de constitution AAMMJJ (zeros if
 *   unknown) · 13 statut `P` / `N` · 14-21 nombre de factures (zeros if unknown) · 22-26 code
 *   motif · 27-106 libellé motif · 107-128 blanc.
 * - `FIN`: 1-3 `FIN` · 4-11 nombre de lots · 12-128 blanc.
 */
import { defineLayout } from '../../internal/fixed-width/layout';

/** Format name of the modeled ARL. */
export const MODELED_ARL_FORMAT = 'sesam-billing-modeled-arl/1';

/** `ARL` header record (modeled). */
export const LAYOUT_ARL_HEADER = defineLayout({
  name: 'ARL modélisé — en-tête',
  length: 128,
  ref: 'modeled (ARL : format non public, modélisé (docs/spec-map.md))',
  fields: [
    { name: 'record', start: 1, length: 3, type: 'const', value: 'ARL' },
    { name: 'version', start: 4, length: 6, type: 'const', value: 'MOD001' },
    { name: 'typeEmetteur', start: 10, length: 2, type: 'X' },
    { name: 'numeroEmetteur', start: 12, length: 14, type: 'X' },
    { name: 'numeroDestinataire', start: 26, length: 14, type: 'X' },
    { name: 'identificationFichier', start: 40, length: 6, type: 'X' },
    { name: 'dateReception', start: 46, length: 6, type: 'date6' },
    { name: 'statut', start: 52, length: 1, type: 'X', enum: ['P', 'N'] },
    { name: 'codeMotif', start: 53, length: 5, type: 'X' },
    { name: 'libelleMotif', start: 58, length: 71, type: 'X' },
  ],
});

/** `LOT` record (modeled). */
export const LAYOUT_ARL_LOT = defineLayout({
  name: 'ARL modélisé — lot',
  length: 128,
  ref: 'modeled (ARL : format non public, modélisé (docs/spec-map.md))',
  fields: [
    { name: 'record', start: 1, length: 3, type: 'const', value: 'LOT' },
    { name: 'numeroLot', start: 4, length: 3, type: 'N' },
    { name: 'dateConstitution', start: 7, length: 6, type: 'date6', optional: true },
    { name: 'statut', start: 13, length: 1, type: 'X', enum: ['P', 'N'] },
    { name: 'nombreFactures', start: 14, length: 8, type: 'N', as: 'number', optional: true },
    { name: 'codeMotif', start: 22, length: 5, type: 'X' },
    { name: 'libelleMotif', start: 27, length: 80, type: 'X' },
    { name: 'blanc', start: 107, length: 22, type: 'filler' },
  ],
});

/** `FIN` record (modeled). */
export const LAYOUT_ARL_FIN = defineLayout({
  name: 'ARL modélisé — fin',
  length: 128,
  ref: 'modeled (ARL : format non public, modélisé (docs/spec-map.md))',
  fields: [
    { name: 'record', start: 1, length: 3, type: 'const', value: 'FIN' },
    { name: 'nombreLots', start: 4, length: 8, type: 'N', as: 'number' },
    { name: 'blanc', start: 12, length: 117, type: 'filler' },
  ],
});
