/**
 * Shared mechanics of the identifier validators (not exported from the package): compaction and
 * the length → format → Luhn check pipeline that ADELI, RPPS, FINESS, SIREN and the n° de
 * facturation PS have in common.
 *
 * Sources: python-stdnum `stdnum/util.py` `clean` and the `validate` functions of `stdnum/fr/*`.
 */
import { computeLuhnKey } from '../checksum/computeLuhnKey';
import { isLuhnValid } from '../checksum/isLuhnValid';
import type { IssuePath } from '../issues/index';
import { createIssueFactory, err, ok } from '../issues/index';
import type { Issue } from '../issues/index';
import { guardPath, inputErr } from '../guard/guard';
import type { Result } from '../issues/index';
import { IDS_CODES } from './codes';

/** Raises an `IDS_CODES` issue. */
export const issue = createIssueFactory(IDS_CODES);

/** Separators removed by every `compactX`: any white space, dots and dashes. */
const SEPARATORS = /[\s.\-]/gu;

/**
 * Strips separators and upper-cases (stdnum `clean(number, ' .-').strip().upper()`).
 *
 * @param value - Anything.
 * @returns The compact form, or `undefined` when `value` is not a string.
 */
export function compactIdentifier(value: unknown): string | undefined {
  return typeof value === 'string' ? value.replace(SEPARATORS, '').toUpperCase() : undefined;
}

/** Prefixes of the identifiers checked by {@link validateLuhnIdentifier}. */
export type LuhnPrefix = 'ADELI' | 'RPPS' | 'FINESS' | 'SIREN' | 'NUMFACT';

/** How one Luhn-keyed identifier is shaped. */
export interface LuhnIdentifierSpec {
  readonly prefix: LuhnPrefix;
  readonly length: number;
  /** Whole-string pattern of the compact form. */
  readonly pattern: RegExp;
  /** Maps the compact form to the digits the key is computed on (default: identity). */
  readonly toDigits?: (compact: string) => string;
}

/**
 * Validates a Luhn-keyed identifier: length, then format, then key.
 *
 * @param value - The input (any type; never throws).
 * @param path - The issue path.
 * @param spec - The identifier's shape.
 * @returns The compact form, or one issue.
 */
export function validateLuhnIdentifier<T extends string>(value: unknown, rawPath: unknown, spec: LuhnIdentifierSpec): Result<T> {
  const issues: Issue[] = [];
  const path = guardPath(rawPath, issues);
  if (path === undefined) return inputErr(issues);
  const compact = compactIdentifier(value);
  if (compact === undefined) return err(issue(`${spec.prefix}_FORMAT`, { path, received: typeof value }));
  if (compact.length !== spec.length) {
    return err(issue(`${spec.prefix}_LENGTH`, { path, expected: String(spec.length), received: compact.length }));
  }
  if (!spec.pattern.test(compact)) return err(issue(`${spec.prefix}_FORMAT`, { path }));
  const digits = spec.toDigits === undefined ? compact : spec.toDigits(compact);
  if (!isLuhnValid(digits)) {
    const expected = computeLuhnKey(digits.slice(0, -1));
    return err(issue(`${spec.prefix}_CHECKSUM`, { path, expected, received: digits.slice(-1) }));
  }
  return ok(compact as T);
}
