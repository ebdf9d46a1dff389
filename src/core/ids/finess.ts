/**
 * FINESS number (Fichier National des Établissements Sanitaires et Sociaux).
 *
 * Structure: 9 characters = département (2 digits, or `2A`/`2B` for Corsica) + 6 digits + a Luhn
 * key ("clé type 1-2 norme B2") over the first 8. The key is computed on digits only, so the
 * Corsican letters are replaced first. Which digits replace them is NOT stated by our sources
 * (our notes only say "2A/2B → 2001/2002 in B2", i.e. the B2 numeric forms): the replacement is
 * a parameter, `FinessOptions.corsica`, with the documented default `{ '2A': '20', '2B': '20' }`
 * (the pre-1976 Corsican département code) — modeled, to confirm against the FINESS nomenclature.
 * No official grouping exists, so `formatFiness` returns the compact form.
 *
 * Sources: DREES (FINESS); norme B2 annexe "clé type 1-2"; ANS idNat_PS (prefix 3 = FINESS).
 */
import { computeLuhnKey } from '../checksum/computeLuhnKey';
import type { IssuePath, Result } from '../issues/index';
import { assert } from '../issues/index';
import type { Rec } from '../guard/guard';
import { field, inputErr, inputIssue, kindOf } from '../guard/guard';
import { compactIdentifier, validateLuhnIdentifier } from './internal';

/** A valid FINESS number in compact form (9 characters). */
export type Finess = string & { readonly __brand: 'Finess' };

/** Options of the FINESS functions. */
export interface FinessOptions {
  /** Digits that replace `2A` / `2B` before the key is computed (default `'20'` for both; modeled). */
  readonly corsica?: { readonly '2A': string; readonly '2B': string };
}

/** Default replacement of the Corsican département letters (modeled, see the header). */
export const FINESS_CORSICA_DEFAULT = /* @__PURE__ */ Object.freeze({ '2A': '20', '2B': '20' });

function toDigits(compact: string, corsica: CorsicaDigits): string {
  const dept = compact.slice(0, 2);
  if (dept !== '2A' && dept !== '2B') return compact;
  return corsica[dept] + compact.slice(2);
}

type CorsicaDigits = { readonly '2A': string; readonly '2B': string };

/** The Corsica replacement of options, or `undefined` when options are malformed. */
function corsicaOf(options: unknown): CorsicaDigits | undefined {
  if (options === undefined) return FINESS_CORSICA_DEFAULT;
  if (typeof options !== 'object' || options === null) return undefined;
  const corsica = field(options as Rec, 'corsica');
  if (corsica === undefined) return FINESS_CORSICA_DEFAULT;
  if (typeof corsica !== 'object' || corsica === null) return undefined;
  const a = field(corsica as Rec, '2A');
  const b = field(corsica as Rec, '2B');
  return typeof a === 'string' && typeof b === 'string' && /^[0-9]{2}$/.test(a) && /^[0-9]{2}$/.test(b) ? { '2A': a, '2B': b } : undefined;
}

/**
 * Removes separators (spaces, dots, dashes) and upper-cases.
 *
 * @param value - The raw input.
 * @returns The compact form (not validated).
 * @example
 * compactFiness('2a 000 006 5'); //=> '2A0000065'
 */
export function compactFiness(value: string): string {
  return compactIdentifier(value) ?? '';
}

/**
 * Computes the Luhn key of the first 8 characters of a FINESS number.
 *
 * @param payload - The 8 characters before the key (digits, `2A`/`2B` allowed first).
 * @param options - The Corsica replacement (default {@link FINESS_CORSICA_DEFAULT}).
 * @returns The key digit.
 * @throws SesamError `ASSERTION` when the payload is malformed (programmer error).
 * @example
 * computeFinessKey('75000001'); //=> '0'
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function computeFinessKey(payload: string, options: FinessOptions = {}): string {
  const corsica = corsicaOf(options);
  assert(corsica !== undefined, 'computeFinessKey: options.corsica must map 2A and 2B to two digits each');
  const digits = typeof payload === 'string' && /^(?:[0-9]{2}|2A|2B)[0-9]{6}$/.test(payload) ? toDigits(payload, corsica) : '';
  return computeLuhnKey(digits);
}

/**
 * Validates a FINESS number (length, format, Luhn key).
 *
 * @param value - The input; never throws, whatever its type.
 * @param path - The issue path (default `[]`).
 * @param options - The Corsica replacement (default {@link FINESS_CORSICA_DEFAULT}).
 * @returns The compact `Finess`, or an issue `FINESS_LENGTH`, `FINESS_FORMAT` or `FINESS_CHECKSUM`.
 * @example
 * validateFiness('750000010'); //=> { ok: true, value: '750000010', issues: [] }
 * @see Norme B2, annexe « clé type 1-2 » (Luhn, ISO/IEC 7812-1)
 */
export function validateFiness(value: unknown, path: IssuePath = [], options: FinessOptions = {}): Result<Finess> {
  const corsica = corsicaOf(options);
  if (corsica === undefined) {
    return inputErr([inputIssue('INPUT_TYPE', { path: ['options', 'corsica'], expected: '{ 2A: deux chiffres, 2B: deux chiffres }', received: kindOf(options) })]);
  }
  return validateLuhnIdentifier<Finess>(value, path, {
    prefix: 'FINESS',
    length: 9,
    pattern: /^(?:[0-9]{2}|2A|2B)[0-9]{7}$/,
    toDigits: (c) => toDigits(c, corsica),
  });
}

/**
 * Tells whether a value is a valid FINESS number in compact form (default Corsica replacement).
 *
 * @param value - Anything.
 * @returns `true` for a 9-character FINESS with a correct key.
 */
export function isFiness(value: unknown): value is Finess {
  const result = validateFiness(value);
  return result.ok && result.value === value;
}

/**
 * Presentation form of a FINESS number (the compact form: no official grouping).
 *
 * @param finess - The number (compacted first).
 * @returns The 9 characters.
 */
export function formatFiness(finess: string): string {
  return compactFiness(finess);
}
