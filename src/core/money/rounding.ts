/**
 * Named rounding modes. Every scale reduction in sesam-billing names one of these.
 *
 * - `halfUp`: nearest, ties away from zero (the "arrondi au centime le plus proche" of the
 *   caisses: 65 % × 3,29 = 2,1385 → 2,14).
 * - `halfDown`: nearest, ties toward zero. `halfEven`: nearest, ties to even (banker's).
 * - `up`: away from zero. `down`: toward zero (truncation). `ceil` / `floor`: toward ±∞.
 */
import { SesamError } from '../issues/sesamError';
import type { RoundingName } from './assertions';
import { assertRounding, assertSafeInteger } from './assertions';

/** A named rounding mode: `'halfUp' | 'halfDown' | 'halfEven' | 'up' | 'down' | 'ceil' | 'floor'` (see the list above). */
export type Rounding = RoundingName;

const TWO_52 = 2 ** 52;

/** All rounding modes, for property tests and option validation. */
export const ROUNDINGS: readonly Rounding[] = ['halfUp', 'halfDown', 'halfEven', 'up', 'down', 'ceil', 'floor'];

/**
 * Divides an integer by a positive integer and rounds the quotient with a named mode.
 * Exact for safe integers: below 2^52 through an exactly truncated float quotient, above through `%`.
 *
 * @param n - The dividend (safe integer).
 * @param d - The divisor (positive safe integer).
 * @param mode - The rounding mode.
 * @returns The rounded quotient (never −0).
 * @throws SesamError `ASSERTION` for a non-safe-integer `n` or `d`, `d ≤ 0` or an unknown mode.
 * @example
 * divideRounded(21385, 10000, 'halfUp') // 2
 */
export function divideRounded(n: number, d: number, mode: Rounding): number {
  assertSafeInteger(n, 'divideRounded: n');
  assertSafeInteger(d, 'divideRounded: d');
  if (d <= 0) throw new SesamError('ASSERTION', 'divideRounded: d must be above zero');
  assertRounding(mode, 'divideRounded');
  return divideRoundedUnchecked(n, d, mode);
}

/**
 * {@link divideRounded} without the argument checks, for callers that checked them already
 * (multiplyCentimes on the rules engine's hot path). Internal: not exported from the package.
 *
 * @internal
 */
export function divideRoundedUnchecked(n: number, d: number, mode: Rounding): number {
  let q: number;
  let r: number;
  if (n > -TWO_52 && n < TWO_52) {
    // Hint: below 2^52 the float quotient truncates exactly (its rounding error is under half an
    // ulp < 1/d, less than the distance to the next integer), and avoids the C fmod call V8
    // emits for `%` on non-Smi operands.
    q = Math.trunc(n / d) + 0; // + 0: never −0
    r = n - q * d;
  } else {
    r = n % d;
    q = (n - r) / d;
  }
  if (r === 0) return q;
  const sign = n < 0 ? -1 : 1;
  const twice = Math.abs(r) * 2;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return q + sign;
    case 'floor':
      return sign < 0 ? q - 1 : q;
    case 'ceil':
      return sign > 0 ? q + 1 : q;
    case 'halfUp':
      return twice >= d ? q + sign : q;
    case 'halfDown':
      return twice > d ? q + sign : q;
    case 'halfEven':
      return twice > d || (twice === d && q % 2 !== 0) ? q + sign : q;
    default:
      // Never a silent `undefined` (issue #10): an unknown name that slipped past the types.
      throw new SesamError('ASSERTION', 'unknown rounding mode');
  }
}

/**
 * BigInt twin of {@link divideRounded}, for products that leave the safe-integer range.
 *
 * @param n - The dividend.
 * @param d - The divisor (positive).
 * @param mode - The rounding mode.
 * @returns The rounded quotient.
 */
export function divideRoundedBig(n: bigint, d: bigint, mode: Rounding): bigint {
  const r = n % d;
  const q = n / d;
  if (r === 0n) return q;
  const sign = n < 0n ? -1n : 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return q + sign;
    case 'floor':
      return sign < 0n ? q - 1n : q;
    case 'ceil':
      return sign > 0n ? q + 1n : q;
    case 'halfUp':
      return twice >= d ? q + sign : q;
    case 'halfDown':
      return twice > d ? q + sign : q;
    case 'halfEven':
      return twice > d || (twice === d && q % 2n !== 0n) ? q + sign : q;
    default:
      throw new SesamError('ASSERTION', 'unknown rounding mode');
  }
}

/**
 * Centimes × factor, rounded with a named mode, exact in BigInt (internal: the fallback of
 * `multiplyCentimes` when the product passes 2^53).
 *
 * @param centimes - Safe-integer centimes.
 * @param units - The factor's safe-integer units.
 * @param scale - The factor's scale (0–15).
 * @param mode - The rounding mode.
 * @returns The rounded product (may be unsafe: the caller checks).
 */
export function multiplyRoundedBig(centimes: number, units: number, scale: number, mode: Rounding): number {
  return Number(divideRoundedBig(BigInt(centimes) * BigInt(units), 10n ** BigInt(scale), mode));
}

/**
 * Euros written as a decimal literal (`-?digits(.digits)?`, already matched by the caller) to
 * centimes, rounded with a named mode, exact in BigInt (no decimal.js on this path, so pricing
 * bundles without it).
 *
 * @param text - The literal.
 * @param mode - How to reduce past the centime.
 * @returns Centimes (may be unsafe: the caller checks).
 */
export function eurosTextToCentimes(text: string, mode: Rounding): number {
  const neg = text.startsWith('-');
  const [int = '0', frac = ''] = (neg ? text.slice(1) : text).split('.');
  const n = BigInt(`${int}${frac}` || '0') * 100n;
  const q = divideRoundedBig(neg ? -n : n, 10n ** BigInt(frac.length), mode);
  return Number(q);
}
