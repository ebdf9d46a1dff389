/**
 * PlainDate: a calendar date without time zone, as a branded `'YYYY-MM-DD'` string.
 * Comparison is string comparison; arithmetic goes through epoch days (UTC, no DST).
 */
import { createIssueFactory, defineIssueCodes } from '../issues/codeTable';
import type { Issue, IssuePath } from '../issues/issue';
import { guardPath, inputErr } from '../guard/guard';
import type { Result } from '../issues/result';
import { err, ok } from '../issues/result';
import { formatReceived } from '../issues/codeTable';
import { assert, SesamError } from '../issues/sesamError';

declare const PLAIN_DATE: unique symbol;
/** A calendar date `'YYYY-MM-DD'` (years 1900–2099 for spec formats, 0001–9999 otherwise). */
export type PlainDate = string & { readonly [PLAIN_DATE]: true };

const ISO_DATE = 'ISO 8601-1:2019, date calendaire complète AAAA-MM-JJ (calendrier grégorien)';

/** Issue codes of core/date. */
export const DATE_CODES = defineIssueCodes({
  DATE_FORMAT: { family: 'FORMAT', message: 'Date illisible : attendu {expected}, reçu « {received} »', fix: 'Saisir la date au format AAAA-MM-JJ (ex. 2025-03-10).', ref: ISO_DATE },
  DATE_INVALID: { family: 'RANGE', message: 'Date inexistante : « {received} »', fix: 'Vérifier le jour et le mois (29 février seulement les années bissextiles).', ref: ISO_DATE },
});
const issue = createIssueFactory(DATE_CODES);

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Days from 1970-01-01 to 9999-12-31 (and, a little more, back to 0001-01-01). */
const MAX_EPOCH_DAYS = 2_932_896;

/**
 * Number of days of a month (proleptic Gregorian calendar).
 *
 * @param year - An integer year.
 * @param month - A month 1–12.
 * @returns 28 to 31.
 * @throws SesamError `ASSERTION` for a non-integer year or a month outside 1–12.
 */
export function daysInMonth(year: number, month: number): number {
  assert(Number.isSafeInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12, `daysInMonth expects an integer year and a month 1–12, got ${formatReceived(year)}, ${formatReceived(month)}`);
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Tells whether year-month-day is a real calendar date of years 1–9999.
 *
 * @param year - Year.
 * @param month - Month 1–12.
 * @param day - Day of month.
 * @returns `true` for a real date; `false` for anything else, never throws.
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Builds a PlainDate from numbers (trusted values).
 *
 * @param year - Year.
 * @param month - Month 1–12.
 * @param day - Day of month.
 * @returns The date.
 * @throws SesamError `ASSERTION` for an impossible date.
 */
export function plainDateOf(year: number, month: number, day: number): PlainDate {
  assert(isValidYmd(year, month, day), `plainDateOf(${formatReceived(year)}, ${formatReceived(month)}, ${formatReceived(day)}) is not a date`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as PlainDate;
}

/**
 * Tells whether a value is a valid `'YYYY-MM-DD'` date.
 *
 * @param value - Anything.
 * @returns `true` for a real calendar date in ISO form.
 */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string' || value.length !== 10) return false;
  const m = ISO_RE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Reads a `'YYYY-MM-DD'` date from caller data.
 *
 * @param value - The text (any value: a non-text is a `DATE_FORMAT` issue, never a throw).
 * @param path - Where it is in the input (an array of keys; anything else is an `INPUT_TYPE` issue).
 * @returns The date or a `DATE_*` issue.
 * @example
 * parsePlainDate('2024-02-29') // { ok: true, value: '2024-02-29', issues: [] }
 */
export function parsePlainDate(value: unknown, path: IssuePath = []): Result<PlainDate> {
  const issues: Issue[] = [];
  const p = guardPath(path, issues);
  if (p === undefined) return inputErr(issues);
  path = p;
  if (typeof value !== 'string' || !ISO_RE.test(value)) {
    return err(issue('DATE_FORMAT', { path, expected: 'AAAA-MM-JJ', received: value }));
  }
  if (!isPlainDate(value)) return err(issue('DATE_INVALID', { path, received: value }));
  return ok(value);
}

/**
 * Builds a PlainDate from a trusted literal.
 *
 * @param text - `'YYYY-MM-DD'`.
 * @returns The date.
 * @throws SesamError `ASSERTION` when the literal is not a date.
 */
export function plainDate(text: string): PlainDate {
  assert(isPlainDate(text), `plainDate(${formatReceived(text)}) is not a YYYY-MM-DD date`);
  return text;
}

/**
 * Checks a PlainDate argument of a primitive (programmer-facing: caller text goes through
 * `parsePlainDate` first).
 *
 * @internal
 */
export function assertPlainDate(d: unknown, where: string): asserts d is PlainDate {
  if (!isPlainDate(d)) throw new SesamError('ASSERTION', `${where} expects a PlainDate 'YYYY-MM-DD', got ${typeof d === 'string' ? `a text of ${d.length} characters` : d === null ? 'null' : typeof d}`);
}

/**
 * Splits a date into numbers.
 *
 * @param d - The date.
 * @returns Its year, month and day.
 * @throws SesamError `ASSERTION` for a value that is not a PlainDate.
 */
export function toYmd(d: PlainDate): { year: number; month: number; day: number } {
  assertPlainDate(d, 'toYmd');
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/**
 * Days since 1970-01-01.
 *
 * @param d - The date.
 * @returns The day number (negative before 1970).
 * @throws SesamError `ASSERTION` for a value that is not a PlainDate.
 */
export function toEpochDays(d: PlainDate): number {
  const { year, month, day } = toYmd(d);
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/**
 * The date a number of days after 1970-01-01.
 *
 * @param days - A safe integer.
 * @returns The date.
 * @throws SesamError `ASSERTION` for a non-integer or a date outside years 1–9999.
 */
export function fromEpochDays(days: number): PlainDate {
  assert(Number.isSafeInteger(days) && Math.abs(days) <= MAX_EPOCH_DAYS, `fromEpochDays expects an integer day number within years 1–9999, got ${formatReceived(days)}`);
  const t = new Date(days * MS_PER_DAY);
  return plainDateOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Adds days to a date.
 *
 * @param d - The date.
 * @param days - A safe integer (may be negative).
 * @returns The shifted date.
 * @throws SesamError `ASSERTION` for a non-date, a non-integer, or a result outside years 1–9999.
 */
export function addDays(d: PlainDate, days: number): PlainDate {
  assert(Number.isSafeInteger(days), `addDays expects an integer number of days, got ${formatReceived(days)}`);
  return fromEpochDays(toEpochDays(d) + days);
}

/**
 * Days from a date to another.
 *
 * @param a - The first date.
 * @param b - The second date.
 * @returns b − a in days.
 * @throws SesamError `ASSERTION` for a non-date.
 */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return toEpochDays(b) - toEpochDays(a);
}

/**
 * Compares two dates.
 *
 * @param a - A date.
 * @param b - A date.
 * @returns -1, 0 or 1 as a is before, the same as or after b.
 * @throws SesamError `ASSERTION` for a non-date.
 */
export function compareDates(a: PlainDate, b: PlainDate): -1 | 0 | 1 {
  assertPlainDate(a, 'compareDates');
  assertPlainDate(b, 'compareDates');
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Age in completed years at a date (the birthday counts from its day; a 29 February birthday
 * is reached on 1 March in common years).
 *
 * @param birth - Date of birth.
 * @param at - The reference date.
 * @returns Completed years (negative when `at` is before `birth`).
 * @throws SesamError `ASSERTION` for a non-date.
 */
export function ageAt(birth: PlainDate, at: PlainDate): number {
  const b = toYmd(birth);
  const a = toYmd(at);
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age -= 1;
  return age;
}
