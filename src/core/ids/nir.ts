/**
 * NIR (Numéro d'Inscription au Répertoire, "numéro de sécurité sociale") and NIA (provisional).
 *
 * Structure (15 characters): sexe (1: `1` man, `2` woman, `7`/`8` provisional NIA) · année (2) ·
 * mois (2: `01`–`12`, or an INSEE pseudo-month `20`–`42` / `50`–`99` when the month is unknown or
 * the number fictitious) · lieu de naissance (5: département 2 + commune 3, Corsica `2A`/`2B`,
 * overseas `97x`/`98x` département 3 + commune 2, `99` + country code when born abroad) · ordre (3,
 * `001`–`999`) · clé (2) = `97 − (13 first digits mod 97)`, with `2A` → `19` and `2B` → `18` first.
 *
 * Pseudo-months are accepted with the warning NIR_MONTH_UNKNOWN: the number itself is valid (CNAM
 * and INSEE allocate them; the anonymous B2 invoice NIR `A 55 55 55 CCC 333` uses month 55), but the
 * birth month cannot be derived from it. Other months (`00`, `13`–`19`, `43`–`49`), sex digits other
 * than 1/2/7/8, département `00` and ordre `000` are NIR_COMPONENT errors. python-stdnum checks only
 * length, format and key; the component checks are ours (INSEE rules, resoo "règles numéro INSEE").
 *
 * Sources: décret n° 82-103; norme B2 (anonymous NIR); python-stdnum `stdnum/fr/nir.py`
 * (compact, calc_check_digits, validate, format); INSEE definition c1409.
 */
import { computeMod97Key } from '../checksum/computeMod97Key';
import type { Issue, IssuePath, Result } from '../issues/index';
import { assert, err, ok } from '../issues/index';
import { guardPath, inputErr } from '../guard/guard';
import { compactIdentifier, issue } from './internal';

/** A valid NIR (or NIA) in compact form: 15 characters, digits except `2A`/`2B`. */
export type Nir = string & { readonly __brand: 'Nir' };

const BODY = /^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{6}$/;
const FULL = /^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$/;

/**
 * Tells whether a two-digit month of a NIR is an INSEE pseudo-month (20–42 or 50–99).
 *
 * @internal
 */
export function isPseudoMonth(month: number): boolean {
  return (month >= 20 && month <= 42) || month >= 50;
}

/**
 * Removes separators (spaces, dots, dashes) and upper-cases.
 *
 * @param value - The raw input.
 * @returns The compact form (not validated).
 * @example
 * compactNir('2 95 10 99 126 111 93'); //=> '295109912611193'
 */
export function compactNir(value: string): string {
  return compactIdentifier(value) ?? '';
}

/**
 * Computes the two-digit key of a NIR body (BigInt mod 97; Corsica `2A` → 19, `2B` → 18).
 *
 * @param body - The 13 first characters (compacted first).
 * @returns The key `'01'`–`'97'`.
 * @throws SesamError `ASSERTION` when the body is malformed (programmer error).
 * @example
 * computeNirKey('2951099126111'); //=> '93'
 * computeNirKey('253072B073004'); //=> '70'
 * @see Décret n° 82-103 du 22 janvier 1982 (NIR); python-stdnum `stdnum/fr/nir.py`
 */
export function computeNirKey(body: string): string {
  const c = compactNir(body);
  assert(BODY.test(c), 'computeNirKey expects 13 characters: digits, 2A or 2B at positions 6-7');
  return computeMod97Key(c.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118'));
}

function componentIssues(c: string, path: IssuePath): Issue[] {
  const issues: Issue[] = [];
  const component = (expected: string, received: string): void => {
    issues.push(issue('NIR_COMPONENT', { path, expected, received }));
  };
  const sex = c.charAt(0);
  if (sex !== '1' && sex !== '2' && sex !== '7' && sex !== '8') component('sexe 1, 2, 7 ou 8', `sexe ${sex}`);
  const month = Number(c.slice(3, 5));
  if (isPseudoMonth(month)) issues.push(issue('NIR_MONTH_UNKNOWN', { path, received: c.slice(3, 5) }));
  else if (month < 1 || month > 12) component('mois 01-12, 20-42 ou 50-99', `mois ${c.slice(3, 5)}`);
  if (c.slice(5, 7) === '00') component('département 01-99, 2A ou 2B', 'département 00');
  if (c.slice(10, 13) === '000') component('numéro d’ordre 001-999', 'ordre 000');
  return issues;
}

/**
 * Validates a NIR or NIA: length, then format, then components, then key (python-stdnum order;
 * the first failing stage is reported, all component issues at once).
 *
 * @param value - The input; never throws, whatever its type.
 * @param path - The issue path (default `[]`).
 * @returns The compact `Nir` (with a NIR_MONTH_UNKNOWN warning for pseudo-months), or issues
 *   NIR_LENGTH, NIR_FORMAT, NIR_COMPONENT or NIR_CHECKSUM.
 * @example
 * validateNir('2 95 10 99 126 111 93'); //=> { ok: true, value: '295109912611193', issues: [] }
 * @see Décret n° 82-103 du 22 janvier 1982 (NIR); python-stdnum `stdnum/fr/nir.py`
 */
export function validateNir(value: unknown, path: IssuePath = []): Result<Nir> {
  const guarded: Issue[] = [];
  const p = guardPath(path, guarded);
  if (p === undefined) return inputErr(guarded);
  path = p;
  const c = compactIdentifier(value);
  if (c === undefined) return err(issue('NIR_FORMAT', { path, received: typeof value }));
  if (c.length !== 15) return err(issue('NIR_LENGTH', { path, expected: '15', received: c.length }));
  if (!FULL.test(c)) return err(issue('NIR_FORMAT', { path }));
  const issues = componentIssues(c, path);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return err(errors[0] as Issue, ...errors.slice(1));
  const expected = computeNirKey(c.slice(0, 13));
  if (expected !== c.slice(13)) return err(issue('NIR_CHECKSUM', { path, expected, received: c.slice(13) }));
  return ok(c as Nir, issues);
}

/**
 * Tells whether a value is a valid NIR in compact form (pseudo-months included).
 *
 * @param value - Anything.
 * @returns `true` for a 15-character valid NIR.
 */
export function isNir(value: unknown): value is Nir {
  const result = validateNir(value);
  return result.ok && result.value === value;
}

/**
 * Presentation form of a NIR: `2 95 10 99 126 111 93` (sexe, année, mois, département, commune,
 * ordre, clé), as python-stdnum `format`.
 *
 * @param nir - The number (compacted first).
 * @returns The spaced form; inputs of another length are returned compacted.
 * @example
 * formatNir('295109912611193'); //=> '2 95 10 99 126 111 93'
 */
export function formatNir(nir: string): string {
  const c = compactNir(nir);
  if (c.length !== 15) return c;
  return [c.slice(0, 1), c.slice(1, 3), c.slice(3, 5), c.slice(5, 7), c.slice(7, 10), c.slice(10, 13), c.slice(13)].join(' ');
}
