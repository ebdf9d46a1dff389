/**
 * Small shape checks for caller data typed `unknown` (internal). Each check pushes an issue with
 * the path of the offending value and returns whether the value is usable.
 *
 * Hint: hand-written char-code checks instead of regular expressions, because they run for
 * every line of every invoice (bench/rules.bench.ts).
 */
import type { Issue, IssuePath } from '../core/issues/index';
import { createIssueFactory } from '../core/issues/index';
import { daysInMonth } from '../core/date/index';
import { isFactorText } from '../core/money/index';
import { RULES_CODES } from './codes';

/** Raises a rules issue. */
export const issue = createIssueFactory(RULES_CODES);

/** A plain object record (internal). */
export type Obj = Readonly<Record<string, unknown>>;

/** @returns a short description of a value's type for messages. */
export function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** @returns whether v is a non-array object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A digit's value, or −100 000 for any other character: it takes every weighted sum below zero (−1000 let `'299x'` pass as 1990). */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100000;
}

/**
 * Reads the number made of the digits of `s` from `start` to `end` (exclusive), no allocation.
 *
 * @param s - A validated date string.
 * @param start - First index.
 * @param end - End index.
 * @returns The number.
 */
export function digitsAt(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * Day number of a validated `'YYYY-MM-DD'` date: `20250310`. Ordered like the dates, so the hot
 * loop compares integers (Hint: parsed once per line, not once per comparison).
 *
 * @param date - A validated date.
 * @returns The day number.
 */
export function dayNumber(date: string): number {
  // Σ digit × weight, with the '0' offsets (48 × 11 111 111) taken out once.
  return date.charCodeAt(0) * 10000000 + date.charCodeAt(1) * 1000000 + date.charCodeAt(2) * 100000 + date.charCodeAt(3) * 10000 +
    date.charCodeAt(5) * 1000 + date.charCodeAt(6) * 100 + date.charCodeAt(8) * 10 + date.charCodeAt(9) - 533333328;
}

/** Fast `'YYYY-MM-DD'` real-date check (years 1900–2099). */
export function isIsoDate(v: unknown): v is string {
  return isoDayNumber(v) >= 0;
}

/**
 * Checks a real `'YYYY-MM-DD'` date (years 1900–2099) and returns its day number (as
 * {@link dayNumber}), so validation and pricing read the digits once.
 *
 * @param v - Any value.
 * @returns The day number, or −1 when `v` is not such a date.
 */
export function isoDayNumber(v: unknown): number {
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return -1;
  const y = digit(v, 0) * 1000 + digit(v, 1) * 100 + digit(v, 2) * 10 + digit(v, 3);
  const m = digit(v, 5) * 10 + digit(v, 6);
  const d = digit(v, 8) * 10 + digit(v, 9);
  // Hint: days 1–28 exist in every month; only the rest needs the calendar.
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= daysInMonth(y, m)) ? y * 10000 + m * 100 + d : -1;
}

/** @returns the path of a child value: `[...base, key]` (built only when an issue is raised). */
function at(base: IssuePath, key: string | number): IssuePath {
  return [...base, key];
}

/**
 * Checks a required or optional date.
 *
 * @param v - The value.
 * @param base - Path of the parent object.
 * @param key - Key of the value in the parent.
 * @param issues - Collector.
 * @param required - Whether absence is an issue.
 * @returns Whether the value is a usable date.
 */
export function checkDate(v: unknown, base: IssuePath, key: string | number, issues: Issue[], required: boolean): boolean {
  if (isIsoDate(v)) return true;
  if (v === undefined) {
    if (required) issues.push(issue('RULES_MISSING', { path: at(base, key), expected: String(key) }));
    return false;
  }
  issues.push(issue('RULES_DATE', { path: at(base, key), received: v }));
  return false;
}

/** Checks an optional boolean (same parameters as {@link checkDate}). */
export function checkBool(v: unknown, base: IssuePath, key: string | number, issues: Issue[]): void {
  if (v !== undefined && typeof v !== 'boolean') issues.push(issue('RULES_INPUT_TYPE', { path: at(base, key), expected: 'boolean', received: typeName(v) }));
}

/** Checks an optional (or required) string of at most 64 characters. */
export function checkString(v: unknown, base: IssuePath, key: string | number, issues: Issue[], required = false): v is string {
  if (typeof v === 'string' && v.length <= 64) return true;
  if (v === undefined) {
    if (required) issues.push(issue('RULES_MISSING', { path: at(base, key), expected: String(key) }));
    return false;
  }
  issues.push(issue('RULES_INPUT_TYPE', { path: at(base, key), expected: 'string (≤ 64)', received: typeName(v) }));
  return false;
}

/** Checks a value against an enumeration. */
export function checkEnum(v: unknown, allowed: readonly string[], base: IssuePath, key: string | number, issues: Issue[], required: boolean): boolean {
  if (v === undefined) {
    if (required) issues.push(issue('RULES_MISSING', { path: at(base, key), expected: allowed.join('|') }));
    return false;
  }
  if (typeof v === 'string' && allowed.includes(v)) return true;
  issues.push(issue('RULES_ENUM', { path: at(base, key), expected: allowed.join('|'), received: v }));
  return false;
}

/** Checks a Money value (non-negative safe-integer centimes, at most 1 billion €). */
export function checkMoney(v: unknown, base: IssuePath, key: string | number, issues: Issue[], required: boolean): boolean {
  if (v === undefined) {
    if (required) issues.push(issue('RULES_MISSING', { path: at(base, key), expected: String(key) }));
    return false;
  }
  const c = isObj(v) ? v['centimes'] : undefined;
  if (typeof c === 'number' && Number.isSafeInteger(c) && c >= 0 && c <= 1e11) return true;
  issues.push(issue('RULES_MONTANT', { path: at(base, key), expected: '{ centimes } entier ≥ 0', received: isObj(v) ? String(c) : typeName(v) }));
  return false;
}

/** Checks a positive coefficient: a decimal string or a Factor, above 0 and at most 1000. */
export function checkCoefficient(v: unknown, base: IssuePath, key: string | number, issues: Issue[]): void {
  if (v === undefined) return;
  if (typeof v === 'string') {
    const t = v.trim();
    if (isFactorText(t) && !t.startsWith('-') && Number(t.replace(',', '.')) > 0 && Number(t.replace(',', '.')) <= 1000) return;
  } else if (isObj(v)) {
    const { units, scale } = v as { units?: unknown; scale?: unknown };
    if (Number.isSafeInteger(units) && Number.isInteger(scale) && (scale as number) >= 0 && (scale as number) <= 12 &&
      (units as number) > 0 && (units as number) / 10 ** (scale as number) <= 1000) return;
  }
  issues.push(issue('RULES_COEFFICIENT', { path: at(base, key), expected: 'décimal > 0 et ≤ 1000', received: v }));
}
