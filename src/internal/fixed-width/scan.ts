/**
 * Character scanners of the fixed-width parser: digits, alphabet, dates. They read the record
 * text in place (charCodeAt), so a flawless record costs no intermediate strings.
 */
import type { PlainDate } from '../../core/date/index';
import { daysInMonth } from '../../core/date/index';

/** A character as shown in issues (control bytes as \\xNN). */
export function show(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0x20 && c <= 0x7e ? ch : `\\x${c.toString(16).padStart(2, '0')}`;
}

let digitValue = 0;

/** Index of the first non-digit of text[s, e), or -1 (then {@link digitsOf} has the value). */
export function scanDigits(text: string, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return i;
    v = v * 10 + c;
  }
  digitValue = v;
  return -1;
}

/** Index of the first character of text[s, e) outside printable ASCII (or lower case when `upper`), or -1. */
export function scanAlpha(text: string, s: number, e: number, upper: boolean): number {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (upper && c >= 0x61 && c <= 0x7a)) return i;
  }
  return -1;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Value of the digits text[s, e) (exact up to 15 digits), or -1 when one is not a digit. */
export function digitsOf(text: string, s: number, e: number): number {
  if (scanDigits(text, s, e) >= 0) return -1;
  return e - s > 15 ? 0 : digitValue;
}

/** 'YYYY-MM-DD' of a date zone at s (AAAAMMJJ when `eight`, else AAMMJJ), or undefined. */
export function dateOf(text: string, s: number, eight: boolean, past: boolean, reference: PlainDate | undefined): string | undefined {
  return readDate(text, s, s + (eight ? 8 : 6), eight, past, reference);
}

/**
 * Reads a date of text[s, s+6|8) into 'YYYY-MM-DD', or undefined when not a real date. An AAMMJJ
 * date needs its century pivot `reference` (the file's own date, or the caller's `referenceDate`):
 * without one it is undefined (never the machine's clock; time-parameter convention).
 */
export function readDate(text: string, s: number, e: number, eight: boolean, past: boolean, reference: PlainDate | undefined): string | undefined {
  if (scanDigits(text, s, e) >= 0) return undefined;
  const month = (text.charCodeAt(s + (eight ? 4 : 2)) - 48) * 10 + text.charCodeAt(s + (eight ? 5 : 3)) - 48;
  const day = (text.charCodeAt(s + (eight ? 6 : 4)) - 48) * 10 + text.charCodeAt(s + (eight ? 7 : 5)) - 48;
  let year: number;
  if (eight) year = Math.floor(digitValue / 10_000);
  else {
    // AAMMJJ century rule, as core/date parseAammjj
    const yy = Math.floor(digitValue / 10_000);
    if (reference === undefined) return undefined;
    const ref = reference;
    const refYear = Number(ref.slice(0, 4));
    year = Math.floor(refYear / 100) * 100 + yy;
    if (past) {
      const refMonth = Number(ref.slice(5, 7));
      const refDay = Number(ref.slice(8, 10));
      if (year > refYear || (year === refYear && (month > refMonth || (month === refMonth && day > refDay)))) year -= 100;
    } else if (year - refYear > 50) year -= 100;
    else if (refYear - year >= 50) year += 100;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(month)}-${pad2(day)}`;
}
