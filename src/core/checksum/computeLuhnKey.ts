/**
 * Luhn key ("clé type 1-2 norme B2", ISO/IEC 7812-1 Luhn mod 10).
 *
 * Structure: a payload of decimal digits; from the right, every 1st, 3rd, 5th… payload digit is
 * doubled (a doubled value above 9 counts as the sum of its digits), all values are summed and the
 * key is `(10 − sum mod 10) mod 10`.
 *
 * Sources: norme B2, annexe "clé type 1-2" (IsoCodes `OrganismeType12NormeB2` vector
 * 76031208 → 2); python-stdnum `stdnum/luhn.py`. Used by ADELI, RPPS, FINESS, SIREN, SIRET and the
 * n° de facturation PS.
 */
import { assert } from '../issues/index';

/** Doubled digit reduced to one digit (0→0, 5→1, 9→9): a permutation of 0–9, so any single substitution changes the sum. */
const DOUBLED: readonly number[] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];

/**
 * Sums the Luhn weights of a digit string, doubling from the right starting at `doubleFirst`.
 *
 * @internal
 * @param digits - The digits (already checked).
 * @param doubleFirst - Whether the rightmost digit is doubled (`true` for a payload, `false` for a full number).
 * @returns The weighted sum.
 */
export function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits.charCodeAt(i) - 48;
    sum += double ? (DOUBLED[d] as number) : d;
    double = !double;
  }
  return sum;
}

/**
 * Computes the Luhn key of a payload ("clé type 1-2 norme B2").
 *
 * @param payload - The digits before the key (at least one, `0-9` only).
 * @returns The key, one digit as a string.
 * @throws SesamError `ASSERTION` when the payload is not a non-empty digit string (programmer error:
 *   validate user input with a `validateX` function first).
 * @example
 * computeLuhnKey('76031208'); //=> '2'
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function computeLuhnKey(payload: string): string {
  assert(typeof payload === 'string' && /^[0-9]+$/.test(payload), 'computeLuhnKey expects a non-empty string of digits');
  return String((10 - (luhnSum(payload, true) % 10)) % 10);
}
