/**
 * SIREN (Système d'Identification du Répertoire des ENtreprises) number.
 *
 * Structure: 9 digits, the last a Luhn key over the first 8. `formatSiren` gives `732 829 320`.
 *
 * Sources: python-stdnum `stdnum/fr/siren.py` (vectors 404833048 valid, 404833047 invalid);
 * ANS idNat_PS (prefix 4 = SIREN).
 */
import { computeLuhnKey } from '../checksum/computeLuhnKey';
import type { IssuePath, Result } from '../issues/index';
import { compactIdentifier, validateLuhnIdentifier } from './internal';

/** A valid SIREN in compact form (9 digits). */
export type Siren = string & { readonly __brand: 'Siren' };

/**
 * Removes separators (spaces, dots, dashes) and upper-cases.
 *
 * @param value - The raw input.
 * @returns The compact form (not validated).
 * @example
 * compactSiren('404 833 048'); //=> '404833048'
 */
export function compactSiren(value: string): string {
  return compactIdentifier(value) ?? '';
}

/**
 * Computes the Luhn key of the first 8 digits of a SIREN.
 *
 * @param payload - The 8 digits before the key.
 * @returns The key digit.
 * @throws SesamError `ASSERTION` when the payload is not 8 digits (programmer error).
 * @example
 * computeSirenKey('40483304'); //=> '8'
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function computeSirenKey(payload: string): string {
  return computeLuhnKey(typeof payload === 'string' && /^[0-9]{8}$/.test(payload) ? payload : '');
}

/**
 * Validates a SIREN (length, digits, Luhn key).
 *
 * @param value - The input; never throws, whatever its type.
 * @param path - The issue path (default `[]`).
 * @returns The compact `Siren`, or an issue `SIREN_LENGTH`, `SIREN_FORMAT` or `SIREN_CHECKSUM`.
 * @example
 * validateSiren('404833048'); //=> { ok: true, value: '404833048', issues: [] }
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function validateSiren(value: unknown, path: IssuePath = []): Result<Siren> {
  return validateLuhnIdentifier<Siren>(value, path, { prefix: 'SIREN', length: 9, pattern: /^[0-9]{9}$/ });
}

/**
 * Tells whether a value is a valid SIREN in compact form.
 *
 * @param value - Anything.
 * @returns `true` for a 9-digit string with a correct key.
 */
export function isSiren(value: unknown): value is Siren {
  const result = validateSiren(value);
  return result.ok && result.value === value;
}

/**
 * Presentation form of a SIREN: three groups of three digits.
 *
 * @param siren - The number (compacted first).
 * @returns For example `404 833 048`; inputs of another length are returned compacted.
 * @example
 * formatSiren('404833048'); //=> '404 833 048'
 */
export function formatSiren(siren: string): string {
  const c = compactSiren(siren);
  return c.length === 9 ? `${c.slice(0, 3)} ${c.slice(3, 6)} ${c.slice(6)}` : c;
}
