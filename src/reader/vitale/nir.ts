/**
 * NIR check of data read from a Vitale card: delegates to core's identifier module (one
 * implementation of the mod 97 key for the whole library).
 *
 * @see INSEE, NIR (décret n° 82-103 du 22 janvier 1982) ; clé = 97 − (NIR mod 97) (key = 97 − (13 digits mod 97); Corse 2A → 19, 2B → 18)
 */
import { isNir } from '../../core/ids/index';

/**
 * Tells whether a 15-character NIR read from a card has a valid format and key.
 *
 * @param nir - The NIR without spaces.
 * @returns Validity.
 * @example isValidNir('295109912611193') // true
 */
export function isValidNir(nir: string): boolean {
  return isNir(nir);
}
