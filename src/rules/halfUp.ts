/**
 * multiplyHalfUp: centimes × an exact decimal Factor, rounded half up to the centime (internal).
 *
 * The same result as core `multiply(m, f, 'halfUp')` (a property test checks it), for the engine's
 * hot loop: one float division whose floor is exact (both operands are integers below 2^52, so
 * the quotient cannot round up to the next integer) and an integer remainder. Hint: core
 * `divideRounded` takes `n % d` with `d` read from a table that also holds 10^15, i.e. a double,
 * which V8 compiles to a C `fmod` call; here powers of ten stay small integers. Anything outside
 * the fast range (negative, above 2^52, scale above 9) goes to core `multiply`.
 */
import type { Factor } from '../core/money/index';
import { multiply } from '../core/money/index';

/** 10^0 … 10^9: small integers (Smi) for V8. */
const POW10: readonly number[] = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];
const LIMIT = 2 ** 52;

/**
 * Multiplies centimes by a factor, rounding half up (ties away from zero) to the centime.
 *
 * @param centimes - A safe integer of centimes.
 * @param f - The factor.
 * @returns The rounded product in centimes.
 */
export function multiplyHalfUp(centimes: number, f: Factor): number {
  const n = centimes * f.units;
  if (n === 0) return 0; // also −0 (a negative units times 0 centimes): core returns +0
  const d = POW10[f.scale];
  if (d === undefined || !(n >= 0 && n <= LIMIT)) return multiply({ centimes }, f, 'halfUp').centimes;
  const q = Math.floor(n / d);
  return (n - q * d) * 2 >= d ? q + 1 : q;
}
