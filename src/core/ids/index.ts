/**
 * Identifiers (python-stdnum interface): `compactX`, `validateX` → `Result<X>` (branded compact
 * string), `isX` guard, `formatX` presentation form, `computeXKey`.
 *
 * - NIR / NIA (mod 97 key, Corsica, born abroad, pseudo-months): décret n° 82-103, INSEE.
 * - ADELI, RPPS, FINESS, SIREN, SIRET, n° de facturation PS (Luhn "clé type 1-2 norme B2"; La Poste
 *   SIRET digit sum): norme B2 annexe "clé type 1-2", INSEE Sirene.
 *
 * Issue codes: `IDS_CODES` (prefixes NIR_, ADELI_, RPPS_, FINESS_, SIREN_, SIRET_, NUMFACT_).
 * Sources: python-stdnum `stdnum/fr/{nir,siren,siret}.py`; décret n° 82-103; norme B2.
 */
export { IDS_CODES } from './codes';
export type { Nir } from './nir';
export { compactNir, computeNirKey, formatNir, isNir, validateNir } from './nir';
export type { NirParts, NirSplit } from './nirParts';
export { parseNir, splitNir } from './nirParts';
export type { Adeli } from './adeli';
export { compactAdeli, computeAdeliKey, formatAdeli, isAdeli, validateAdeli } from './adeli';
export type { Rpps } from './rpps';
export { compactRpps, computeRppsKey, formatRpps, isRpps, validateRpps } from './rpps';
export type { Finess, FinessOptions } from './finess';
export { compactFiness, computeFinessKey, FINESS_CORSICA_DEFAULT, formatFiness, isFiness, validateFiness } from './finess';
export type { Siren } from './siren';
export { compactSiren, computeSirenKey, formatSiren, isSiren, validateSiren } from './siren';
export type { Siret } from './siret';
export { compactSiret, computeSiretKey, formatSiret, isSiret, validateSiret } from './siret';
export type { NumeroFacturation } from './numeroFacturation';
export {
  compactNumeroFacturation,
  computeNumeroFacturationKey,
  formatNumeroFacturation,
  isNumeroFacturation,
  validateNumeroFacturation,
} from './numeroFacturation';
