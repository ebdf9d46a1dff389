/**
 * Spec date formats: AAMMJJ (B2, NOEMIE: 6 digits, century inferred) and AAAAMMJJ.
 *
 * Century rule for AAMMJJ: the caller names a pivot window. `'past'` (dates of birth) picks the
 * latest century that does not put the date after the reference; `'near'` (dates of care,
 * payment, files) picks the century that puts the date within 50 years of the reference.
 */
import { field, guardEnum, guardObject, guardPath, guardPlainDate, guardString, inputErr } from '../guard/guard';
import { createIssueFactory, defineIssueCodes } from '../issues/codeTable';
import type { Issue, IssuePath } from '../issues/issue';
import type { Result } from '../issues/result';
import { err, ok } from '../issues/result';
import type { PlainDate } from './plainDate';
import { assertPlainDate, isValidYmd, plainDateOf, toYmd } from './plainDate';

const B2_DATES = 'Norme B2, cahier des charges inter-régimes (CNAM) : zones date AAMMJJ et AAAAMMJJ des enregistrements ; NOEMIE PS, cahier des charges (CNAM) : zones date';

/** Issue codes of spec date formats. */
export const SPEC_DATE_CODES = defineIssueCodes({
  DATE_SPEC_FORMAT: { family: 'FORMAT', message: 'Date illisible : attendu {expected}, reçu « {received} »', fix: 'Corriger la date : chiffres uniquement, AAMMJJ (6) ou AAAAMMJJ (8).', ref: B2_DATES },
  DATE_SPEC_INVALID: { family: 'RANGE', message: 'Date inexistante : « {received} »', fix: 'Vérifier le jour et le mois de la date dans le fichier ou la saisie.', ref: B2_DATES },
});
const issue = createIssueFactory(SPEC_DATE_CODES);
const EMPTY: IssuePath = Object.freeze([]);

/** How the century of a 2-digit year is chosen. */
export type CenturyRule = 'past' | 'near';

/** Options of {@link parseAammjj} besides the pivot. */
interface AammjjRule {
  /** `'past'` for birth dates, `'near'` (default) for events. */
  readonly century?: CenturyRule;
  readonly path?: IssuePath;
}

/** Options of {@link parseAammjj}: the pivot `referenceDate` (required, never the machine's clock) and the century rule. */
export type AammjjOptions =
  | (AammjjRule & {
      /** The date the century is chosen against (e.g. the file date, the day of the day). */
      readonly referenceDate: PlainDate;
    })
  | (AammjjRule & {
      /** @deprecated Since 0.3.0: renamed `referenceDate`; removed in the next minor release. */
      readonly reference: PlainDate;
    });

const CENTURY_RULES: readonly CenturyRule[] = ['past', 'near'];

/**
 * Reads an AAMMJJ date.
 *
 * @param text - Six digits (a non-text is an `INPUT_*` issue, never a throw).
 * @param options - `referenceDate` (a PlainDate, required: the century pivot) and century rule;
 *   checked like caller data. The 0.2 name `reference` is deprecated and still accepted.
 * @returns The date, or an `INPUT_*` / `DATE_SPEC_*` issue.
 * @example
 * parseAammjj('991231', { referenceDate: plainDate('2026-01-01') }) // '1999-12-31'
 */
export function parseAammjj(text: string, options: AammjjOptions): Result<PlainDate> {
  const issues: Issue[] = [];
  const opts = guardObject(options, ['options'], issues);
  const path = opts === undefined ? EMPTY : guardPath(field(opts, 'path'), issues);
  const legacy = opts !== undefined && field(opts, 'referenceDate') === undefined && field(opts, 'reference') !== undefined;
  const reference = opts === undefined ? undefined : guardPlainDate(field(opts, legacy ? 'reference' : 'referenceDate'), ['options', legacy ? 'reference' : 'referenceDate'], issues, { minYear: 1, maxYear: 9999 });
  const century = opts === undefined ? undefined : guardEnum(field(opts, 'century'), CENTURY_RULES, ['options', 'century'], issues, { required: false });
  const t = guardString(text, path ?? EMPTY, issues, { max: 64, expected: 'date AAMMJJ (texte)' });
  if (issues.length > 0 || t === undefined || path === undefined || reference === undefined) return inputErr(issues);
  text = t;
  if (!/^\d{6}$/.test(text)) return err(issue('DATE_SPEC_FORMAT', { path, expected: 'AAMMJJ', received: text }));
  const yy = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const day = Number(text.slice(4, 6));
  const ref = toYmd(reference as PlainDate);
  let year: number;
  if ((century ?? 'near') === 'past') {
    year = Math.floor(ref.year / 100) * 100 + yy;
    const after = year > ref.year || (year === ref.year && (month > ref.month || (month === ref.month && day > ref.day)));
    if (after) year -= 100;
  } else {
    year = Math.floor(ref.year / 100) * 100 + yy;
    if (year - ref.year > 50) year -= 100;
    else if (ref.year - year >= 50) year += 100;
  }
  if (!isValidYmd(year, month, day)) return err(issue('DATE_SPEC_INVALID', { path, received: text }));
  return ok(plainDateOf(year, month, day));
}

/**
 * Writes a date as AAMMJJ.
 *
 * @param d - The date.
 * @returns Six digits.
 * @throws SesamError `ASSERTION` for a value that is not a PlainDate.
 */
export function formatAammjj(d: PlainDate): string {
  assertPlainDate(d, 'formatAammjj');
  return d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);
}

/**
 * Reads an AAAAMMJJ date.
 *
 * @param text - Eight digits (a non-text is an `INPUT_*` issue, never a throw).
 * @param path - Where it is in the input.
 * @returns The date, or an `INPUT_*` / `DATE_SPEC_*` issue.
 */
export function parseAaaammjj(text: string, path: IssuePath = []): Result<PlainDate> {
  const issues: Issue[] = [];
  const p = guardPath(path, issues);
  const t = guardString(text, p ?? EMPTY, issues, { max: 64, expected: 'date AAAAMMJJ (texte)' });
  if (issues.length > 0 || t === undefined || p === undefined) return inputErr(issues);
  text = t;
  path = p;
  if (!/^\d{8}$/.test(text)) return err(issue('DATE_SPEC_FORMAT', { path, expected: 'AAAAMMJJ', received: text }));
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (!isValidYmd(year, month, day)) return err(issue('DATE_SPEC_INVALID', { path, received: text }));
  return ok(plainDateOf(year, month, day));
}

/**
 * Writes a date as AAAAMMJJ.
 *
 * @param d - The date.
 * @returns Eight digits.
 * @throws SesamError `ASSERTION` for a value that is not a PlainDate.
 */
export function formatAaaammjj(d: PlainDate): string {
  assertPlainDate(d, 'formatAaaammjj');
  return d.slice(0, 4) + d.slice(5, 7) + d.slice(8, 10);
}
