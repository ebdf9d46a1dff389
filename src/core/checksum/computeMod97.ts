/**
 * Remainder of a long decimal number modulo 97 (NIR key, RIB/IBAN-style keys).
 *
 * Uses BigInt: a NIR body has 13 digits, beyond 2^31 and close to the 2^53 limit of exact numbers.
 *
 * Sources: INSEE (NIR key: 97 − body mod 97); the 13-digit body exceeds 2^31, hence BigInt.
 */
import { assert } from '../issues/index';

/**
 * Computes `digits mod 97`.
 *
 * @param digits - A non-empty string of decimal digits (any length).
 * @returns The remainder, 0–96.
 * @throws SesamError `ASSERTION` when `digits` is not a non-empty digit string (programmer error).
 * @example
 * computeMod97('2951099126111'); //=> 4
 * @see Décret n° 82-103 du 22 janvier 1982 (NIR); python-stdnum `stdnum/fr/nir.py`
 */
export function computeMod97(digits: string): number {
  assert(typeof digits === 'string' && /^[0-9]+$/.test(digits), 'computeMod97 expects a non-empty string of digits');
  return Number(BigInt(digits) % 97n);
}
