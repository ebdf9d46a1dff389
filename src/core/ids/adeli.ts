/**
 * ADELI number (Automatisation DEs LIstes: health professionals' register, superseded by RPPS).
 *
 * Structure: 9 digits = département (2) + profession (1) + ordre (5) + Luhn key ("clé type 1-2
 * norme B2") over the first 8. Only digits are accepted: how Corsican ADELI numbers (2A/2B) are
 * keyed is not documented in our sources, so they are rejected with ADELI_FORMAT (see report).
 * `formatAdeli` groups the structure: `75 1 00000 1`.
 *
 * Sources: norme B2 annexe "clé type 1-2"; IsoCodes `OrganismeType12NormeB2` (key algorithm).
 */
import { computeLuhnKey } from '../checksum/computeLuhnKey';
import type { IssuePath, Result } from '../issues/index';
import { compactIdentifier, validateLuhnIdentifier } from './internal';

/** A valid ADELI number in compact form (9 digits). */
export type Adeli = string & { readonly __brand: 'Adeli' };

/**
 * Removes separators (spaces, dots, dashes) and upper-cases.
 *
 * @param value - The raw input.
 * @returns The compact form (not validated).
 * @example
 * compactAdeli('75 1 00000 1'); //=> '751000001'
 */
export function compactAdeli(value: string): string {
  return compactIdentifier(value) ?? '';
}

/**
 * Computes the Luhn key of the first 8 digits of an ADELI number.
 *
 * @param payload - The 8 digits before the key.
 * @returns The key digit.
 * @throws SesamError `ASSERTION` when the payload is not 8 digits (programmer error).
 * @example
 * computeAdeliKey('75100000'); //=> '1'
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function computeAdeliKey(payload: string): string {
  return computeLuhnKey(typeof payload === 'string' && /^[0-9]{8}$/.test(payload) ? payload : '');
}

/**
 * Validates an ADELI number (length, digits, Luhn key).
 *
 * @param value - The input; never throws, whatever its type.
 * @param path - The issue path (default `[]`).
 * @returns The compact `Adeli`, or an issue `ADELI_LENGTH`, `ADELI_FORMAT` or `ADELI_CHECKSUM`.
 * @example
 * validateAdeli('751000001'); //=> { ok: true, value: '751000001', issues: [] }
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function validateAdeli(value: unknown, path: IssuePath = []): Result<Adeli> {
  return validateLuhnIdentifier<Adeli>(value, path, { prefix: 'ADELI', length: 9, pattern: /^[0-9]{9}$/ });
}

/**
 * Tells whether a value is a valid ADELI number in compact form.
 *
 * @param value - Anything.
 * @returns `true` for a 9-digit string with a correct key.
 */
export function isAdeli(value: unknown): value is Adeli {
  const result = validateAdeli(value);
  return result.ok && result.value === value;
}

/**
 * Presentation form of an ADELI number: département, profession, ordre and key separated by spaces.
 *
 * @param adeli - The number (compacted first).
 * @returns For example `75 1 00000 1`; inputs of another length are returned compacted.
 * @example
 * formatAdeli('751000001'); //=> '75 1 00000 1'
 */
export function formatAdeli(adeli: string): string {
  const c = compactAdeli(adeli);
  return c.length === 9 ? `${c.slice(0, 2)} ${c.slice(2, 3)} ${c.slice(3, 8)} ${c.slice(8)}` : c;
}
