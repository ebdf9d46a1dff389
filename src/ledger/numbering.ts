/**
 * Numbering rules of the ledger, pure.
 *
 * Public (Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements): n° facture 9 digits (B2 type 2 pos 27-35), n° de lot 3 digits (type 1
 * pos 20-22), identification du fichier 6 characters (000 pos 50-55).
 * Modeled (the SESAM-Vitale numbering rules are editor-restricted, Norme B2 (lots et fichiers) ; règles SESAM-Vitale de lotissement non publiques (modélisées)): invoice numbers
 * run 1, 2, 3 … per PS and never cycle (exhaustion is an issue); lot numbers run 001 … 999 then
 * 001 again per PS (or per PS and destinataire, see `LotNumbering`); file ids run 000001 …
 * 999999 then 000001 again per store.
 *
 * These are programmer-facing primitives: a value that is not an integer in range throws
 * `SesamError('ASSERTION')` (never a TypeError), like the money primitives.
 */
import { assert } from '../core/issues/index';

/** Asserts an integer in `[0, max]` (a programmer error otherwise). */
function integerIn(value: unknown, max: number, what: string): number {
  assert(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max, `${what} must be an integer from 0 to ${max}`);
  return value;
}

/** Largest invoice number (9 digits). */
export const MAX_INVOICE_NUMBER = 999_999_999;
/** Largest lot number (3 digits). */
export const MAX_LOT_NUMBER = 999;
/** Largest file id (6 digits). */
export const MAX_FILE_NUMBER = 999_999;

/**
 * Formats an invoice number for B2 type 2 pos 27-35.
 *
 * @param numero - 1 … 999 999 999.
 * @returns 9 digits, zero-padded.
 * @throws SesamError `ASSERTION` when `numero` is not an integer in range.
 * @example formatInvoiceNumber(42) // '000000042'
 */
export function formatInvoiceNumber(numero: number): string {
  return String(integerIn(numero, MAX_INVOICE_NUMBER, 'formatInvoiceNumber(numero)')).padStart(9, '0');
}

/**
 * Formats a lot number for B2 type 1 pos 20-22 / type 6 pos 52-54.
 *
 * @param numero - 1 … 999.
 * @returns 3 digits, zero-padded.
 * @example formatLotNumber(7) // '007'
 */
export function formatLotNumber(numero: number): string {
  return String(integerIn(numero, MAX_LOT_NUMBER, 'formatLotNumber(numero)')).padStart(3, '0');
}

/**
 * Computes the lot number that follows the last one given (cycling 999 → 1).
 *
 * @param last - The last lot number given, 0 when none yet.
 * @returns The next one, 1 … 999.
 */
export function computeNextLotNumber(last: number): number {
  integerIn(last, MAX_LOT_NUMBER, 'computeNextLotNumber(last)');
  return last >= MAX_LOT_NUMBER ? 1 : last + 1;
}

/**
 * Computes the file counter that follows the last one (cycling 999 999 → 1).
 *
 * @param last - The last counter value, 0 when none yet.
 * @returns The next one.
 */
export function computeNextFileNumber(last: number): number {
  integerIn(last, MAX_FILE_NUMBER, 'computeNextFileNumber(last)');
  return last >= MAX_FILE_NUMBER ? 1 : last + 1;
}

/**
 * Formats a file counter as the 6-character file id (B2 000 pos 50-55).
 *
 * @param n - 1 … 999 999.
 * @returns 6 digits, zero-padded.
 */
export function formatFileId(n: number): string {
  return String(integerIn(n, MAX_FILE_NUMBER, 'formatFileId(n)')).padStart(6, '0');
}
