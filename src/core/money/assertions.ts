/**
 * Argument checks of the money primitives (internal, not exported from the package).
 *
 * The primitives (add, multiply, allocate, formatMoney…) are programmer-facing: an argument that
 * is not a Money, a safe integer, a known rounding mode or a well-formed Factor is a bug in the
 * calling code, so it throws `SesamError('ASSERTION')` at once instead of flowing on as `NaN`,
 * `undefined` or `1e+21` (issue #10). The checks are cheap (`typeof` + `Number.isSafeInteger`)
 * so the hot loops of the rules engine keep their speed. Messages never embed the caller's value
 * (only its kind), so no NIR or amount typed by a user reaches a log through them.
 */
import { SesamError } from '../issues/sesamError';

// The shapes are restated here (not imported) so this leaf file creates no import cycle with
// money.ts, factor.ts and rounding.ts, which all import it; `Rounding` is defined from this union.

/** The rounding-mode names (the `Rounding` type of rounding.ts). */
export type RoundingName = 'halfUp' | 'halfDown' | 'halfEven' | 'up' | 'down' | 'ceil' | 'floor';
interface MoneyShape {
  readonly centimes: number;
}
interface FactorShape {
  readonly units: number;
  readonly scale: number;
}

/** Largest power of ten a Factor's denominator may use (10^15, the last exact double of POW10). */
export const MAX_FACTOR_SCALE = 15;


/** Short kind of a value for an assertion message (never the value itself). */
export function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isSafeInteger(v) ? 'integer' : Number.isInteger(v) ? 'unsafe integer' : Number.isFinite(v) ? 'non-integer number' : 'infinite number';
  return typeof v;
}

function fail(message: string): never {
  throw new SesamError('ASSERTION', message);
}

/**
 * Checks that a value is a Money (`{ centimes: safe integer }`).
 *
 * @param m - The value.
 * @param where - The function name, for the message.
 * @throws SesamError `ASSERTION` otherwise.
 */
export function assertMoney(m: unknown, where: string): asserts m is MoneyShape {
  // Hint: the cold message builder lives in its own function so this check stays small enough
  // for V8 to inline into add/compare/… (measured: +~20 ns per call otherwise).
  if (typeof m !== 'object' || m === null || !Number.isSafeInteger((m as { centimes?: unknown }).centimes)) notMoney(m, where);
}

function notMoney(m: unknown, where: string): never {
  fail(`${where}: expected a Money { centimes: safe integer }, got ${typeof m === 'object' && m !== null ? `centimes ${kind((m as { centimes?: unknown }).centimes)}` : kind(m)}`);
}

/**
 * Checks that a value is a safe integer.
 *
 * @param n - The value.
 * @param what - Its name, for the message.
 * @throws SesamError `ASSERTION` otherwise.
 */
export function assertSafeInteger(n: unknown, what: string): asserts n is number {
  if (!Number.isSafeInteger(n)) fail(`${what} must be a safe integer, got ${kind(n)}`);
}

/**
 * Tells whether a value is a rounding-mode name. Hint: seven identity comparisons with
 * internalised string constants, faster than `Set.has` on the hot path of multiplyCentimes.
 *
 * @param mode - Anything.
 * @returns `true` for one of the seven names.
 */
export function isRoundingName(mode: unknown): mode is RoundingName {
  return mode === 'halfUp' || mode === 'halfEven' || mode === 'down' || mode === 'halfDown' || mode === 'up' || mode === 'ceil' || mode === 'floor';
}

/**
 * Checks that a value names a rounding mode of `Rounding`.
 *
 * @param mode - The value.
 * @param where - The function name, for the message.
 * @throws SesamError `ASSERTION` for an unknown name (no silent default).
 */
export function assertRounding(mode: unknown, where: string): asserts mode is RoundingName {
  if (!isRoundingName(mode)) fail(`${where}: unknown rounding mode (${typeof mode === 'string' ? 'string' : kind(mode)}); use one of halfUp, halfDown, halfEven, up, down, ceil, floor`);
}

/**
 * Checks that a value is a Factor: safe-integer `units`, integer `scale` in 0–15.
 *
 * @param f - The value.
 * @param where - The function name, for the message.
 * @throws SesamError `ASSERTION` otherwise.
 */
export function assertFactor(f: unknown, where: string): asserts f is FactorShape {
  if (typeof f !== 'object' || f === null) fail(`${where}: expected a Factor { units, scale }, got ${kind(f)}`);
  const { units, scale } = f as { units?: unknown; scale?: unknown };
  if (!Number.isSafeInteger(units)) fail(`${where}: factor units must be a safe integer, got ${kind(units)}`);
  if (!Number.isInteger(scale) || (scale as number) < 0 || (scale as number) > MAX_FACTOR_SCALE) {
    fail(`${where}: factor scale must be an integer from 0 to ${MAX_FACTOR_SCALE}, got ${kind(scale)}`);
  }
}
