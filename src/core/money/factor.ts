/**
 * Factor: an exact decimal multiplier (a taux, a coefficient, a price per km), stored as
 * `units / 10^scale` with integer `units`. `factor('0.7')` is 7 / 10¹; `percent(70)` is 70 / 10².
 */
import { assert } from '../issues/sesamError';

/** An exact decimal multiplier: value = units / 10^scale. */
export interface Factor {
  /** Integer numerator. */
  readonly units: number;
  /** Power of ten of the denominator (0 to 12). */
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
  const m = FACTOR_RE.exec(value);
  return m !== null && Number.isSafeInteger(Number((m[2] ?? '') + (m[3] ?? '')));
}

/**
 * Builds a factor from a decimal literal (trusted data: tables, code).
 *
 * @param value - A decimal literal such as `'1.5'` or `'0,70'`, or a safe integer.
 * @returns The exact factor.
 * @throws SesamError `ASSERTION` when the literal is not a decimal.
 * @example
 * factor('1.5') // { units: 15, scale: 1 }
 */
/* @__NO_SIDE_EFFECTS__ */
export function factor(value: string | number): Factor {
  if (typeof value === 'number') {
    assert(Number.isSafeInteger(value), `factor(${value}): a number must be a safe integer; pass decimals as strings`);
    return { units: value, scale: 0 };
  }
  const m = FACTOR_RE.exec(value.trim());
  assert(m !== null, `factor('${value}') is not a decimal literal`);
  const frac = m[3] ?? '';
  const units = Number((m[2] ?? '') + frac);
  assert(Number.isSafeInteger(units), `factor('${value}') has too many digits`);
  return normalizeFactor({ units: m[1] === '-' ? -units : units, scale: frac.length });
}

/**
 * Builds a factor from a percentage: `percent(70)` is 0.70, `percent('17.5')` is 0.175.
 *
 * @param value - The percentage.
 * @returns The factor.
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
 * @returns The canonical factor.
 */
export function normalizeFactor(f: Factor): Factor {
  let { units, scale } = f;
  while (scale > 0 && units % 10 === 0) {
    units /= 10;
    scale -= 1;
  }
  return units === f.units && scale === f.scale ? f : { units, scale };
}

/**
 * Multiplies two factors exactly.
 *
 * @param a - The multiplicand.
 * @param b - The multiplier.
 * @returns a × b.
 */
export function multiplyFactors(a: Factor, b: Factor): Factor {
  const units = a.units * b.units;
  assert(Number.isSafeInteger(units) && a.scale + b.scale <= 15, 'factor product out of range');
  return normalizeFactor({ units, scale: a.scale + b.scale });
}

/**
 * Compares two factors.
 *
 * @param a - The first factor.
 * @param b - The second factor.
 * @returns -1, 0 or 1.
 */
export function compareFactors(a: Factor, b: Factor): -1 | 0 | 1 {
  const s = Math.max(a.scale, b.scale);
  const x = BigInt(a.units) * BigInt(POW10[s - a.scale] ?? 1);
  const y = BigInt(b.units) * BigInt(POW10[s - b.scale] ?? 1);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Formats a factor as a decimal string with a dot (`'0.7'`), exact.
 *
 * @param f - The factor.
 * @returns The decimal text.
 */
export function formatFactor(f: Factor): string {
  if (f.scale === 0) return String(f.units);
  const neg = f.units < 0;
  const digits = String(Math.abs(f.units)).padStart(f.scale + 1, '0');
  const cut = digits.length - f.scale;
  return `${neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/**
 * Formats a factor as a percentage (`0.7` → `'70'`, `0.175` → `'17.5'`).
 *
 * @param f - The factor.
 * @returns The percentage text.
 */
export function formatPercent(f: Factor): string {
  const shifted = f.scale >= 2 ? { units: f.units, scale: f.scale - 2 } : { units: f.units * (POW10[2 - f.scale] ?? 1), scale: 0 };
  return formatFactor(normalizeFactor(shifted));
}
