/**
 * RPPS (Répertoire partagé des professionnels de santé) number.
 *
 * Structure: 11 digits; the last one is a Luhn key ("clé type 1-2 norme B2") over the first 10.
 * There is no official spaced presentation, so `formatRpps` returns the compact form.
 * (ANS idNat_PS writes it prefixed with `8`; that prefix is not part of the RPPS itself.)
 *
 * Sources: ANS (RPPS); norme B2 annexe "clé type 1-2"; python-stdnum `stdnum/luhn.py`.
 */
import { computeLuhnKey } from '../checksum/computeLuhnKey';
import type { IssuePath, Result } from '../issues/index';
import { compactIdentifier, validateLuhnIdentifier } from './internal';

/** A valid RPPS number in compact form (11 digits). */
export type Rpps = string & { readonly __brand: 'Rpps' };

/**
 * Removes separators (spaces, dots, dashes) and upper-cases.
 *
 * @param value - The raw input.
 * @returns The compact form (not validated).
 * @example
 * compactRpps('100 0000 0009'); //=> '10000000009'
 */
export function compactRpps(value: string): string {
  return compactIdentifier(value) ?? '';
}

/**
 * Computes the Luhn key of the first 10 digits of an RPPS number.
 *
 * @param payload - The 10 digits before the key.
 * @returns The key digit.
 * @throws SesamError `ASSERTION` when the payload is not 10 digits (programmer error).
 * @example
 * computeRppsKey('1000000000'); //=> '9'
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function computeRppsKey(payload: string): string {
  return computeLuhnKey(typeof payload === 'string' && /^[0-9]{10}$/.test(payload) ? payload : '');
}

/**
 * Validates an RPPS number (length, digits, Luhn key).
 *
 * @param value - The input; never throws, whatever its type.
 * @param path - The issue path (default `[]`).
 * @returns The compact `Rpps`, or an issue `RPPS_LENGTH`, `RPPS_FORMAT` or `RPPS_CHECKSUM`.
 * @example
 * validateRpps('10000000009'); //=> { ok: true, value: '10000000009', issues: [] }
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function validateRpps(value: unknown, path: IssuePath = []): Result<Rpps> {
  return validateLuhnIdentifier<Rpps>(value, path, { prefix: 'RPPS', length: 11, pattern: /^[0-9]{11}$/ });
}

/**
 * Tells whether a value is a valid RPPS number in compact form.
 *
 * @param value - Anything.
 * @returns `true` for an 11-digit string with a correct key.
 */
export function isRpps(value: unknown): value is Rpps {
  const result = validateRpps(value);
  return result.ok && result.value === value;
}

/**
 * Presentation form of an RPPS number (the compact form: no official grouping).
 *
 * @param rpps - The number (compacted first).
 * @returns The 11 digits.
 */
export function formatRpps(rpps: string): string {
  return compactRpps(rpps);
}
