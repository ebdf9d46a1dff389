/**
 * NIR check used on data read from a Vitale card (format + key). Kept local to the reader
 * module (reader → core only); switch to core `validateNir` when core/ids provides it.
 *
 * @see SPECS §6.1 (key = 97 − (13 digits mod 97); Corse 2A → 19, 2B → 18)
 */

const NIR_RE = /^[1-478]\d{4}(\d{2}|2[AB])\d{6}\d{2}$/;

/**
 * Computes the NIR key of the 13 first characters.
 *
 * @param body - 13 characters (digits, `2A`/`2B` allowed at positions 6-7).
 * @returns The 2-digit key, e.g. `'93'`.
 */
export function computeNirKey(body: string): string {
  const digits = body.slice(0, 13).replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118');
  const key = 97n - (BigInt(digits) % 97n);
  return key.toString().padStart(2, '0');
}

/**
 * Tells whether a 15-character NIR has a valid format and key.
 *
 * @param nir - The NIR without spaces.
 * @returns Validity.
 * @example isValidNir('295109912611193') // true
 */
export function isValidNir(nir: string): boolean {
  return NIR_RE.test(nir) && computeNirKey(nir.slice(0, 13)) === nir.slice(13);
}
