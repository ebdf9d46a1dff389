/**
 * Factor: an exact decimal multiplier (a taux, a coefficient, a price per km), stored as
 * `units / 10^scale` with integer `units`. `factor('0.7')` is 7 / 10¹; `percent(70)` is 70 / 10².
 */
import { SesamError } from '../issues/sesamError';
import { assertFactor, kind, MAX_FACTOR_SCALE } from './assertions';

/** An exact decimal multiplier: value = units / 10^scale. */
export interface Factor {
  /** Integer numerator. */
  readonly units: number;
  /** Power of ten of the denominator: an integer from 0 to 15. */
  readonly scale: number;
}

const FACTOR_RE = /^(-?)(\d+)(?:[.,](\d{1,12}))?$/;

/** Powers of ten 10^0 … 10^15 (exact doubles). */
export const POW10: readonly number[] = /* @__PURE__ */ Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Tells whether a string is a decimal factor literal (`'1.5'`, `'0,70'`, `'-2'`).
 *
 * @param value - The text.
 * @returns `true` when {@link factor} accepts it.
 */
export function isFactorText(value: string): boolean {
  if (typeof value !== 'string' || value.length > 40) return false;
  const m = FACTOR_RE.exec(value);
  return m !== null && Number.isSafeInteger(Number((m[2] ?? '') + (m[3] ?? '')));
}

/**
 * Builds a factor from a decimal literal (trusted data: tables, code).
 *
 * @param value - A decimal literal such as `'1.5'` or `'0,70'`, or a safe integer.
 * @returns The exact factor (canonical: no trailing zero, never −0).
 * @throws SesamError `ASSERTION` when the literal is not a decimal, or a number is not a safe integer.
 * @example
 * factor('1.5') // { units: 15, scale: 1 }
 */
/* @__NO_SIDE_EFFECTS__ */
export function factor(value: string | number): Factor {
  if (typeof value === 'number') {
    // A float such as 0.7 is already inexact (0.6999…): decimals must come as text.
    if (!Number.isSafeInteger(value)) fail(`factor: a number must be a safe integer, got ${kind(value)}; pass decimals as strings`);
    return { units: value + 0, scale: 0 };
  }
  if (typeof value !== 'string') fail(`factor expects a decimal literal (string) or a safe integer, got ${kind(value)}`);
  const m = value.length > 40 ? null : FACTOR_RE.exec(value.trim());
  if (m === null) fail('factor: not a decimal literal (digits, optional sign, at most 12 decimals)');
  const frac = m[3] ?? '';
  const units = Number((m[2] ?? '') + frac);
  if (!Number.isSafeInteger(units)) fail('factor: too many digits for an exact factor');
  return normalizeFactor({ units: m[1] === '-' ? -units : units, scale: frac.length });
}

function fail(message: string): never {
  throw new SesamError('ASSERTION', message);
}

/**
 * Builds a factor from a percentage: `percent(70)` is 0.70, `percent('17.5')` is 0.175.
 *
 * @param value - The percentage: a decimal literal or a safe integer.
 * @returns The factor.
 * @throws SesamError `ASSERTION` as {@link factor}.
 */
/* @__NO_SIDE_EFFECTS__ */
export function percent(value: number | string): Factor {
  const f = factor(value);
  return normalizeFactor({ units: f.units, scale: f.scale + 2 });
}

/**
 * Removes trailing zeros of a factor (`70 / 10²` → `7 / 10¹`), the canonical form.
 *
 * @param f - The factor.
 * @returns The canonical factor (never −0 units).
 * @throws SesamError `ASSERTION` for a malformed factor (non-integer units, scale outside 0–15).
 */
export function normalizeFactor(f: Factor): Factor {
  assertFactor(f, 'normalizeFactor');
  let { units, scale } = f;
  units += 0; // −0 → 0
  while (scale > 0 && units % 10 === 0) {
    units /= 10;
    scale -= 1;
  }
  return Object.is(units, f.units) && scale === f.scale ? f : { units, scale };
}

/**
 * Multiplies two factors exactly.
 *
 * @param a - The multiplicand.
 * @param b - The multiplier.
 * @returns a × b.
 * @throws SesamError `ASSERTION` for a malformed factor or a product beyond the exact range.
 */
export function multiplyFactors(a: Factor, b: Factor): Factor {
  assertFactor(a, 'multiplyFactors');
  assertFactor(b, 'multiplyFactors');
  const units = a.units * b.units;
  if (!Number.isSafeInteger(units) || a.scale + b.scale > MAX_FACTOR_SCALE) fail('multiplyFactors: product out of the exact range');
  return normalizeFactor({ units, scale: a.scale + b.scale });
}

/**
 * Compares two factors.
 *
 * @param a - The first factor.
 * @param b - The second factor.
 * @returns -1, 0 or 1.
 * @throws SesamError `ASSERTION` for a malformed factor.
 */
export function compareFactors(a: Factor, b: Factor): -1 | 0 | 1 {
  assertFactor(a, 'compareFactors');
  assertFactor(b, 'compareFactors');
  const s = Math.max(a.scale, b.scale);
  const x = BigInt(a.units) * BigInt(POW10[s - a.scale] ?? 1);
  const y = BigInt(b.units) * BigInt(POW10[s - b.scale] ?? 1);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Formats a factor as a decimal string with a dot (`'0.7'`), exact.
 *
 * @param f - The factor.
 * @returns The decimal text (`'0'` for zero, never `'-0'`).
 * @throws SesamError `ASSERTION` for a malformed factor.
 */
export function formatFactor(f: Factor): string {
  assertFactor(f, 'formatFactor');
  return decimalText(f.units, f.scale);
}

/** `units / 10^scale` as exact text; `scale` may be negative (trailing zeros appended). */
function decimalText(units: number, scale: number): string {
  const neg = units < 0;
  const abs = String(Math.abs(units)); // a safe integer: plain digits, never an exponent
  if (scale <= 0) return units === 0 ? '0' : `${neg ? '-' : ''}${abs}${'0'.repeat(-scale)}`;
  const digits = abs.padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return `${neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/**
 * Formats a factor as a percentage (`0.7` → `'70'`, `0.175` → `'17.5'`).
 *
 * @param f - The factor.
 * @returns The percentage text.
 * @throws SesamError `ASSERTION` for a malformed factor.
 */
export function formatPercent(f: Factor): string {
  const n = normalizeFactor(f);
  // Shifting the decimal point by text keeps large factors exact (no `units × 100` overflow).
  return decimalText(n.units, n.scale - 2);
}
