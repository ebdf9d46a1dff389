/**
 * NIR components: split for the B2 record (13 characters + 2-digit key) and decoded parts (sex,
 * birth year and month, place of birth, ordre).
 *
 * Structure: see `nir.ts`. Overseas départements `97x`/`98x` take 3 characters and leave 2 to the
 * commune; `99` means born abroad and the next 3 digits are the INSEE country code.
 *
 * Sources: décret n° 82-103 (NIR structure); norme B2 type 2 record (positions 12-24 NIR, 25-26 clé).
 */
import type { IssuePath, Result } from '../issues/index';
import { assert, ok } from '../issues/index';
import type { Nir } from './nir';
import { compactNir, isNir, isPseudoMonth, validateNir } from './nir';

/** A NIR split as the B2 type 2 record carries it. */
export interface NirSplit {
  /** The 13 first characters (sexe to ordre, `2A`/`2B` kept). */
  readonly body: string;
  /** The 2-digit key. */
  readonly key: string;
}

/** Decoded components of a valid NIR. */
export interface NirParts {
  /** `'M'` for sex digit 1 or 7, `'F'` for 2 or 8. */
  readonly sexe: 'M' | 'F';
  /** `true` for a provisional NIA (sex digit 7 or 8). */
  readonly provisional: boolean;
  /** Two-digit birth year (`'95'`; the century is not encoded). */
  readonly annee: string;
  /** Birth month 1–12, or `undefined` for an INSEE pseudo-month. */
  readonly mois: number | undefined;
  /** The two month digits as written. */
  readonly moisCode: string;
  /** Département of birth: 2 characters, or 3 for `97x`/`98x`; `'99'` when born abroad. */
  readonly departement: string;
  /** Commune code (3 digits, 2 overseas), or the INSEE country code when born abroad. */
  readonly commune: string;
  /** `true` when born abroad (département 99). */
  readonly neALEtranger: boolean;
  /** Ordre (3 digits). */
  readonly ordre: string;
  /** Key (2 digits). */
  readonly cle: string;
}

/**
 * Splits a NIR into its 13-character body and its key (B2 type 2 positions 12-24 and 25-26).
 *
 * @param nir - A valid NIR (from `validateNir`).
 * @returns `{ body, key }`.
 * @throws SesamError `ASSERTION` when `nir` is not a valid compact NIR.
 * @example
 * splitNir(nir); //=> { body: '2951099126111', key: '93' }
 * @see Norme B2 (cahier des charges inter-régimes), enregistrement de type 2 : NIR en positions 12-24, clé en 25-26
 */
export function splitNir(nir: Nir): NirSplit {
  // Programmer-facing: the argument comes from validateNir; anything else is a bug in the caller.
  assert(isNir(nir), 'splitNir expects a valid compact NIR (from validateNir)');
  return { body: nir.slice(0, 13), key: nir.slice(13) };
}

/**
 * Decodes the components of a NIR after validating it.
 *
 * @param value - The input; never throws.
 * @param path - The issue path (default `[]`).
 * @returns The parts (with the warnings of `validateNir`), or its issues.
 * @example
 * parseNir('295109912611193'); // value.sexe === 'F', value.neALEtranger === true, value.commune === '126'
 * @see Décret n° 82-103 du 22 janvier 1982 (NIR); python-stdnum `stdnum/fr/nir.py`
 */
export function parseNir(value: unknown, path: IssuePath = []): Result<NirParts> {
  const result = validateNir(value, path);
  if (!result.ok) return result;
  const c = compactNir(result.value);
  const overseas = c.startsWith('97', 5) || c.startsWith('98', 5);
  const month = Number(c.slice(3, 5));
  const sex = c.charAt(0);
  return ok(
    {
      sexe: sex === '1' || sex === '7' ? 'M' : 'F',
      provisional: sex === '7' || sex === '8',
      annee: c.slice(1, 3),
      mois: isPseudoMonth(month) ? undefined : month,
      moisCode: c.slice(3, 5),
      departement: overseas ? c.slice(5, 8) : c.slice(5, 7),
      commune: overseas ? c.slice(8, 10) : c.slice(7, 10),
      neALEtranger: c.startsWith('99', 5),
      ordre: c.slice(10, 13),
      cle: c.slice(13),
    },
    result.issues,
  );
}
