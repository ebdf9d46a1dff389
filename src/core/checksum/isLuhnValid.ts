/**
 * Luhn check of a full number (payload followed by its key), "clé type 1-2 norme B2".
 *
 * Sources: norme B2 annexe "clé type 1-2"; python-stdnum `stdnum/luhn.py` (`checksum(number) == 0`).
 */
import { luhnSum } from './computeLuhnKey';

/**
 * Tells whether a digit string ends with its correct Luhn key.
 *
 * @param digits - The full number (payload + key).
 * @returns `true` when the string has at least two digits, only digits, and a correct key;
 *   never throws.
 * @example
 * isLuhnValid('760312082'); //=> true
 * isLuhnValid('760312083'); //=> false
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function isLuhnValid(digits: string): boolean {
  if (typeof digits !== 'string' || !/^[0-9]{2,}$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}
