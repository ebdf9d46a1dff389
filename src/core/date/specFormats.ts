/**
 * Spec date formats: AAMMJJ (B2, NOEMIE: 6 digits, century inferred) and AAAAMMJJ.
 *
 * Century rule for AAMMJJ: the caller names a pivot window. `'past'` (dates of birth) picks the
 * latest century that does not put the date after the reference; `'near'` (dates of care,
 * payment, files) picks the century that puts the date within 50 years of the reference.
 */
import { createIssueFactory, defineIssueCodes } from '../issues/codeTable';
import type { IssuePath } from '../issues/issue';
import type { Result } from '../issues/result';
import { err, ok } from '../issues/result';
import type { PlainDate } from './plainDate';
import { isValidYmd, plainDateOf, toYmd } from './plainDate';

/** Issue codes of spec date formats. */
export const SPEC_DATE_CODES = defineIssueCodes({
  DATE_SPEC_FORMAT: { family: 'FORMAT', message: 'Date illisible : attendu {expected}, reçu « {received} »', fix: 'Corriger la date (chiffres uniquement).' },
  DATE_SPEC_INVALID: { family: 'RANGE', message: 'Date inexistante : « {received} »', fix: 'Vérifier le jour et le mois.' },
});
const issue = createIssueFactory(SPEC_DATE_CODES);

/** How the century of a 2-digit year is chosen. */
export type CenturyRule = 'past' | 'near';

/** Options of {@link parseAammjj}. */
export interface AammjjOptions {
  /** The date the century is chosen against (e.g. the file date, today). */
  readonly reference: PlainDate;
  /** `'past'` for birth dates, `'near'` (default) for events. */
  readonly century?: CenturyRule;
  readonly path?: IssuePath;
}

/**
 * Reads an AAMMJJ date.
 *
 * @param text - Six digits.
 * @param options - Reference date and century rule.
 * @returns The date or a `DATE_SPEC_*` issue.
 */
export function parseAammjj(text: string, options: AammjjOptions): Result<PlainDate> {
  const path = options.path ?? [];
  if (!/^\d{6}$/.test(text)) return err(issue('DATE_SPEC_FORMAT', { path, expected: 'AAMMJJ', received: text }));
  const yy = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const day = Number(text.slice(4, 6));
  const ref = toYmd(options.reference);
  let year: number;
  if ((options.century ?? 'near') === 'past') {
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
 */
export function formatAammjj(d: PlainDate): string {
  return d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);
}

/**
 * Reads an AAAAMMJJ date.
 *
 * @param text - Eight digits.
 * @param path - Where it is in the input.
 * @returns The date or a `DATE_SPEC_*` issue.
 */
export function parseAaaammjj(text: string, path: IssuePath = []): Result<PlainDate> {
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
 */
export function formatAaaammjj(d: PlainDate): string {
  return d.slice(0, 4) + d.slice(5, 7) + d.slice(8, 10);
}
