/**
 * Mod 97 complement key: `97 − (n mod 97)`, written on two digits (01–97), as the NIR key.
 *
 * Sources: INSEE (NIR key); python-stdnum `stdnum/fr/nir.py` `calc_check_digits` ('%02d' % (97 - n % 97)).
 */
import { computeMod97 } from './computeMod97';

/**
 * Computes the two-digit mod 97 complement key of a number.
 *
 * @param digits - A non-empty string of decimal digits.
 * @returns The key `'01'`–`'97'`.
 * @throws SesamError `ASSERTION` when `digits` is not a non-empty digit string (programmer error).
 * @example
 * computeMod97Key('2951099126111'); //=> '93'
 * @see Décret n° 82-103 du 22 janvier 1982 (NIR); python-stdnum `stdnum/fr/nir.py`
 */
export function computeMod97Key(digits: string): string {
  return String(97 - computeMod97(digits)).padStart(2, '0');
}
