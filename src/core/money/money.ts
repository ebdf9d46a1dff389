/**
 * Money: an exact amount in euros, held as an integer number of centimes.
 *
 * Hint: amounts are integers of centimes (safe integers, |x| < 2^53), so addition and
 * comparison are exact and allocation-free; products with a decimal {@link Factor} are exact
 * integer divisions with a named rounding, and fall back to decimal.js when the product leaves
 * the safe range. No amount is ever a float. See docs/adr/0001-money.md.
 */
import { SesamError } from '../issues/sesamError';
import { assertFactor, assertMoney, assertRounding, assertSafeInteger, isRoundingName, MAX_FACTOR_SCALE } from './assertions';
import type { Factor } from './factor';
import { POW10 } from './factor';
import type { Rounding } from './rounding';
import { divideRoundedBig, divideRoundedUnchecked, multiplyRoundedBig } from './rounding';

/** An exact amount in euros (integer centimes). */
export interface Money {
  /** Centimes, a safe integer. */
  readonly centimes: number;
}

/** Zero euro. */
export const ZERO: Money = /* @__PURE__ */ Object.freeze({ centimes: 0 });

/** A result amount: safe or an `OVERFLOW`, and never −0 (`+ 0` turns −0 into 0). */
function checked(centimes: number): Money {
  if (!Number.isSafeInteger(centimes)) throw new SesamError('OVERFLOW', 'amount out of range (|centimes| must stay below 2^53)');
  return { centimes: centimes + 0 };
}

/**
 * Builds an amount from centimes.
 *
 * @param centimes - A safe integer number of centimes.
 * @returns The amount.
 * @throws SesamError `ASSERTION` when not a safe integer.
 * @example
 * fromCentimes(1900) // 19,00 €
 */
export function fromCentimes(centimes: number): Money {
  assertSafeInteger(centimes, 'fromCentimes: centimes');
  return { centimes: centimes + 0 };
}

/**
 * Returns the number of centimes of an amount (for wire formats in centimes).
 *
 * @param m - The amount.
 * @returns Centimes.
 */
export function toCentimes(m: Money): number {
  assertMoney(m, 'toCentimes');
  return m.centimes + 0;
}

/**
 * Adds two amounts.
 *
 * @param a - An amount.
 * @param b - An amount.
 * @returns a + b.
 * @throws SesamError `ASSERTION` for a non-Money, `OVERFLOW` out of the safe range.
 */
export function add(a: Money, b: Money): Money {
  assertMoney(a, 'add');
  assertMoney(b, 'add');
  return checked(a.centimes + b.centimes);
}

/**
 * Subtracts an amount from another.
 *
 * @param a - The amount.
 * @param b - The amount taken off.
 * @returns a − b.
 * @throws SesamError `ASSERTION` for a non-Money, `OVERFLOW` out of the safe range.
 */
export function subtract(a: Money, b: Money): Money {
  assertMoney(a, 'subtract');
  assertMoney(b, 'subtract');
  return checked(a.centimes - b.centimes);
}

/**
 * Negates an amount.
 *
 * @param a - The amount.
 * @returns −a (zero stays +0).
 * @throws SesamError `ASSERTION` for a non-Money.
 */
export function negate(a: Money): Money {
  assertMoney(a, 'negate');
  return a.centimes === 0 ? ZERO : { centimes: -a.centimes };
}

/**
 * Sums amounts.
 *
 * @param amounts - The amounts.
 * @returns Their sum (zero for none).
 */
export function sum(amounts: Iterable<Money>): Money {
  if (typeof amounts !== 'object' || amounts === null || typeof (amounts as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw new SesamError('ASSERTION', 'sum expects an iterable of Money');
  }
  let total = 0;
  for (const m of amounts) {
    assertMoney(m, 'sum');
    total += m.centimes;
    // Checked at each step: a float sum that left the safe range and came back would be inexact.
    if (!Number.isSafeInteger(total)) checked(total);
  }
  return checked(total);
}

/**
 * Multiplies an amount by an integer quantity.
 *
 * @param m - The amount.
 * @param quantity - A safe integer.
 * @returns m × quantity, exact.
 */
export function multiplyByInteger(m: Money, quantity: number): Money {
  assertMoney(m, 'multiplyByInteger');
  assertSafeInteger(quantity, 'multiplyByInteger: quantity');
  return checked(m.centimes * quantity);
}

/**
 * Multiplies an amount by an exact decimal factor, rounding to the centime with a named mode.
 *
 * @param m - The amount.
 * @param f - The factor (a taux, a coefficient).
 * @param rounding - The rounding mode (the caisses use `halfUp`).
 * @returns The rounded product.
 * @example
 * multiply(euros('3.29'), percent(65), 'halfUp') // 2,14 €
 */
export function multiply(m: Money, f: Factor, rounding: Rounding): Money {
  assertMoney(m, 'multiply');
  return { centimes: multiplyCentimes(m.centimes, f, rounding) };
}

/** 10^0 … 10^9 as small integers (V8 Smi elements). */
const POW10_SMALL: readonly number[] = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];

/**
 * The centimes-level primitive of {@link multiply}, for hot loops that keep amounts as integer
 * centimes (the rules engine): centimes × factor rounded to the centime with a named mode.
 *
 * @param centimes - A safe integer of centimes.
 * @param f - The factor.
 * @param rounding - The rounding mode.
 * @returns The rounded product, in centimes (never −0).
 * @throws SesamError `ASSERTION` for unsafe centimes, a malformed factor or an unknown rounding
 *   mode; `OVERFLOW` when the result leaves the safe range.
 */
export function multiplyCentimes(centimes: number, f: Factor, rounding: Rounding): number {
  // Hint: the rules engine's hot path. One inline condition (no call, no allocation; integer
  // checks before comparisons, so a `valueOf` is never called); the
  // detailed asserts (and their messages) run only when it fails.
  if (
    !Number.isSafeInteger(centimes) || typeof f !== 'object' || f === null || !Number.isSafeInteger(f.units) ||
    !(Number.isInteger(f.scale) && f.scale >= 0 && f.scale <= MAX_FACTOR_SCALE) || !isRoundingName(rounding)
  ) {
    assertSafeInteger(centimes, 'multiplyCentimes: centimes');
    assertFactor(f, 'multiplyCentimes');
    assertRounding(rounding, 'multiplyCentimes');
  }
  const n = centimes * f.units;
  if (n === 0) return 0;
  const d = f.scale < 10 ? POW10_SMALL[f.scale] : POW10[f.scale];
  if (Number.isSafeInteger(n) && d !== undefined) return divideRoundedUnchecked(n, d, rounding);
  return checked(multiplyRoundedBig(centimes, f.units, f.scale, rounding)).centimes;
}

/**
 * Multiplies an amount by a fraction num/den (den > 0), rounding with a named mode.
 *
 * @param m - The amount.
 * @param num - Integer numerator.
 * @param den - Positive integer denominator.
 * @param rounding - The rounding mode.
 * @returns The rounded result.
 * @throws SesamError `ASSERTION` for a non-Money, non-integer or non-positive `den`, unknown
 *   rounding; `OVERFLOW` out of the safe range.
 */
export function multiplyFraction(m: Money, num: number, den: number, rounding: Rounding): Money {
  assertMoney(m, 'multiplyFraction');
  assertSafeInteger(num, 'multiplyFraction: num');
  assertSafeInteger(den, 'multiplyFraction: den');
  if (den <= 0) throw new SesamError('ASSERTION', 'multiplyFraction: den must be above zero');
  assertRounding(rounding, 'multiplyFraction');
  const n = m.centimes * num;
  if (Number.isSafeInteger(n)) return { centimes: divideRoundedUnchecked(n, den, rounding) + 0 };
  return checked(Number(divideRoundedBig(BigInt(m.centimes) * BigInt(num), BigInt(den), rounding)));
}

/**
 * Compares two amounts.
 *
 * @param a - An amount.
 * @param b - An amount.
 * @returns -1, 0 or 1 as a is less than, equal to or greater than b.
 * @throws SesamError `ASSERTION` for a non-Money.
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertMoney(a, 'compare');
  assertMoney(b, 'compare');
  return a.centimes < b.centimes ? -1 : a.centimes > b.centimes ? 1 : 0;
}

/** @returns whether a = b. @throws SesamError `ASSERTION` for a non-Money. */
export function equals(a: Money, b: Money): boolean {
  assertMoney(a, 'equals');
  assertMoney(b, 'equals');
  return a.centimes === b.centimes;
}

/** @returns whether a < b. @throws SesamError `ASSERTION` for a non-Money. */
export function lessThan(a: Money, b: Money): boolean {
  assertMoney(a, 'lessThan');
  assertMoney(b, 'lessThan');
  return a.centimes < b.centimes;
}

/** @returns whether a > b. @throws SesamError `ASSERTION` for a non-Money. */
export function greaterThan(a: Money, b: Money): boolean {
  assertMoney(a, 'greaterThan');
  assertMoney(b, 'greaterThan');
  return a.centimes > b.centimes;
}

/** @returns the smaller amount (a on ties; a zero comes out as +0). @throws SesamError `ASSERTION` for a non-Money. */
export function min(a: Money, b: Money): Money {
  assertMoney(a, 'min');
  assertMoney(b, 'min');
  const m = a.centimes <= b.centimes ? a : b;
  return m.centimes === 0 ? ZERO : m;
}

/** @returns the larger amount (a on ties; a zero comes out as +0). @throws SesamError `ASSERTION` for a non-Money. */
export function max(a: Money, b: Money): Money {
  assertMoney(a, 'max');
  assertMoney(b, 'max');
  const m = a.centimes >= b.centimes ? a : b;
  return m.centimes === 0 ? ZERO : m;
}

/** @returns whether the amount is zero. @throws SesamError `ASSERTION` for a non-Money. */
export function isZero(m: Money): boolean {
  assertMoney(m, 'isZero');
  return m.centimes === 0;
}

/** @returns whether the amount is below zero. @throws SesamError `ASSERTION` for a non-Money. */
export function isNegative(m: Money): boolean {
  assertMoney(m, 'isNegative');
  return m.centimes < 0;
}

/** @returns whether the amount is above zero. @throws SesamError `ASSERTION` for a non-Money. */
export function isPositive(m: Money): boolean {
  assertMoney(m, 'isPositive');
  return m.centimes > 0;
}

/**
 * Tells whether a value is a Money.
 *
 * @param value - Anything.
 * @returns `true` for `{ centimes: safe integer }`; never throws.
 */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return Number.isSafeInteger((value as { centimes?: unknown }).centimes);
  } catch {
    return false; // a getter that throws
  }
}
