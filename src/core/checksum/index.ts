/**
 * Checksums: generic check-key algorithms used by the identifiers of `core/ids`.
 *
 * - Luhn mod 10 ("clé type 1-2 norme B2"): ADELI, RPPS, FINESS, SIREN, SIRET, n° de facturation PS.
 * - Mod 97 complement (BigInt): NIR.
 *
 * Sources: décret n° 82-103 (NIR), norme B2 annexe "clé type 1-2"; python-stdnum `luhn.py`, `fr/nir.py`.
 */
export { computeLuhnKey } from './computeLuhnKey';
export { isLuhnValid } from './isLuhnValid';
export { computeMod97 } from './computeMod97';
export { computeMod97Key } from './computeMod97Key';
