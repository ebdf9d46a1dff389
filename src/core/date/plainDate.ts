/**
 * PlainDate: a calendar date without time zone, as a branded `'YYYY-MM-DD'` string.
 * Comparison is string comparison; arithmetic goes through epoch days (UTC, no DST).
 */
import { createIssueFactory, defineIssueCodes } from '../issues/codeTable';
import type { IssuePath } from '../issues/issue';
import type { Result } from '../issues/result';
import { err, ok } from '../issues/result';
import { assert } from '../issues/sesamError';

declare const PLAIN_DATE: unique symbol;
/** A calendar date `'YYYY-MM-DD'` (years 1900–2099 for spec formats, 0001–9999 otherwise). */
export type PlainDate = string & { readonly [PLAIN_DATE]: true };

/** Issue codes of core/date. */
export const DATE_CODES = defineIssueCodes({
  DATE_FORMAT: { family: 'FORMAT', message: 'Date illisible : attendu {expected}, reçu « {received} »', fix: 'Saisir une date au format attendu.' },
  DATE_INVALID: { family: 'RANGE', message: 'Date inexistante : « {received} »', fix: 'Vérifier le jour et le mois.' },
});
const issue = createIssueFactory(DATE_CODES);

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** @returns the number of days of a month (1–12) in a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** @returns whether y-m-d is a real calendar date. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
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
  assert(isValidYmd(year, month, day), `plainDateOf(${year}, ${month}, ${day}) is not a date`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as PlainDate;
}

/**
 * Tells whether a value is a valid `'YYYY-MM-DD'` date.
 *
 * @param value - Anything.
 * @returns `true` for a real calendar date in ISO form.
 */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Reads a `'YYYY-MM-DD'` date from caller data.
 *
 * @param value - The text.
 * @param path - Where it is in the input.
 * @returns The date or a `DATE_*` issue.
 */
export function parsePlainDate(value: unknown, path: IssuePath = []): Result<PlainDate> {
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
  assert(isPlainDate(text), `plainDate('${text}') is not a YYYY-MM-DD date`);
  return text;
}

/** @returns the year, month and day of a date. */
export function toYmd(d: PlainDate): { year: number; month: number; day: number } {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/** @returns days since 1970-01-01 (negative before). */
export function toEpochDays(d: PlainDate): number {
  const { year, month, day } = toYmd(d);
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** @returns the date `days` days after 1970-01-01. */
export function fromEpochDays(days: number): PlainDate {
  const t = new Date(days * MS_PER_DAY);
  return plainDateOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** @returns the date plus a number of days (may be negative). */
export function addDays(d: PlainDate, days: number): PlainDate {
  return fromEpochDays(toEpochDays(d) + days);
}

/** @returns b − a in days. */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return toEpochDays(b) - toEpochDays(a);
}

/** @returns -1, 0 or 1. */
export function compareDates(a: PlainDate, b: PlainDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Age in completed years at a date (the birthday counts from its day; a 29 February birthday
 * is reached on 1 March in common years).
 *
 * @param birth - Date of birth.
 * @param at - The reference date.
 * @returns Completed years (negative when `at` is before `birth`).
 */
export function ageAt(birth: PlainDate, at: PlainDate): number {
  const b = toYmd(birth);
  const a = toYmd(at);
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age -= 1;
  return age;
}
