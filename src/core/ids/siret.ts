/**
 * SIRET (Système d'Identification du Répertoire des ÉTablissements) number.
 *
 * Structure: 14 digits = SIREN (9) + NIC (5); the whole number carries a Luhn key (last digit),
 * and the SIREN part must itself be Luhn-valid. Exception: La Poste establishments (SIREN
 * 356000000) other than the head office 35600000000048 do not use Luhn: the sum of the 14 digits
 * must be a multiple of 5. `formatSiret` gives `732 829 320 00074`.
 *
 * Sources: python-stdnum `stdnum/fr/siret.py` (validate: La Poste branch and `siren.validate`) and
 * `tests/test_fr_siret.doctest` (La Poste vectors 35600000009075, 35600000049837 valid,
 * 35600000049838 invalid; 73282932000074 valid, 73282932000079 invalid).
 */
import { computeLuhnKey } from '../checksum/computeLuhnKey';
import { isLuhnValid } from '../checksum/isLuhnValid';
import type { Issue, IssuePath, Result } from '../issues/index';
import { guardPath, inputErr } from '../guard/guard';
import { err, ok } from '../issues/index';
import { compactIdentifier, issue } from './internal';

/** A valid SIRET in compact form (14 digits). */
export type Siret = string & { readonly __brand: 'Siret' };

const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/**
 * Removes separators (spaces, dots, dashes) and upper-cases.
 *
 * @param value - The raw input.
 * @returns The compact form (not validated).
 * @example
 * compactSiret('732 829 320 00074'); //=> '73282932000074'
 */
export function compactSiret(value: string): string {
  return compactIdentifier(value) ?? '';
}

/**
 * Computes the last digit of a SIRET: the Luhn key, or for a La Poste establishment the smallest
 * digit that makes the digit sum a multiple of 5.
 *
 * @param payload - The first 13 digits.
 * @returns The key digit.
 * @throws SesamError `ASSERTION` when the payload is not 13 digits (programmer error).
 * @example
 * computeSiretKey('7328293200007'); //=> '4'
 * computeSiretKey('3560000000907'); //=> '0'
 */
export function computeSiretKey(payload: string): string {
  const digits = typeof payload === 'string' && /^[0-9]{13}$/.test(payload) ? payload : '';
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== LA_POSTE_HEAD_OFFICE.slice(0, 13)) {
    return String((5 - (digitSum(digits) % 5)) % 5);
  }
  return computeLuhnKey(digits);
}

/**
 * Validates a SIRET: length, digits, key (Luhn, or La Poste digit sum), then the SIREN's own key.
 *
 * @param value - The input; never throws, whatever its type.
 * @param path - The issue path (default `[]`).
 * @returns The compact `Siret`, or an issue `SIRET_LENGTH`, `SIRET_FORMAT`, `SIRET_CHECKSUM` or
 *   `SIRET_SIREN_CHECKSUM`.
 * @example
 * validateSiret('732 829 320 00074'); //=> { ok: true, value: '73282932000074', issues: [] }
 */
export function validateSiret(value: unknown, path: IssuePath = []): Result<Siret> {
  const guarded: Issue[] = [];
  const p = guardPath(path, guarded);
  if (p === undefined) return inputErr(guarded);
  path = p;
  const c = compactIdentifier(value);
  if (c === undefined) return err(issue('SIRET_FORMAT', { path, received: typeof value }));
  if (c.length !== 14) return err(issue('SIRET_LENGTH', { path, expected: '14', received: c.length }));
  if (!/^[0-9]{14}$/.test(c)) return err(issue('SIRET_FORMAT', { path }));
  const laPoste = c.startsWith(LA_POSTE_SIREN) && c !== LA_POSTE_HEAD_OFFICE;
  if (laPoste ? digitSum(c) % 5 !== 0 : !isLuhnValid(c)) {
    return err(issue('SIRET_CHECKSUM', { path, expected: computeSiretKey(c.slice(0, 13)), received: c.slice(13) }));
  }
  if (!isLuhnValid(c.slice(0, 9))) return err(issue('SIRET_SIREN_CHECKSUM', { path }));
  return ok(c as Siret);
}

/**
 * Tells whether a value is a valid SIRET in compact form.
 *
 * @param value - Anything.
 * @returns `true` for a 14-digit valid SIRET.
 */
export function isSiret(value: unknown): value is Siret {
  const result = validateSiret(value);
  return result.ok && result.value === value;
}

/**
 * Presentation form of a SIRET: SIREN in three groups of three, then the NIC.
 *
 * @param siret - The number (compacted first).
 * @returns For example `732 829 320 00074`; inputs of another length are returned compacted.
 * @example
 * formatSiret('73282932000074'); //=> '732 829 320 00074'
 */
export function formatSiret(siret: string): string {
  const c = compactSiret(siret);
  return c.length === 14 ? `${c.slice(0, 3)} ${c.slice(3, 6)} ${c.slice(6, 9)} ${c.slice(9)}` : c;
}
