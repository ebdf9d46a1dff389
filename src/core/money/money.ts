/**
 * Money: an exact amount in euros, held as an integer number of centimes.
 *
 * Hint: amounts are integers of centimes (safe integers, |x| < 2^53), so addition and
 * comparison are exact and allocation-free; products with a decimal {@link Factor} are exact
 * integer divisions with a named rounding, and fall back to decimal.js when the product leaves
 * the safe range. No amount is ever a float. See docs/adr/0001-money.md.
 */
import { assert, SesamError } from '../issues/sesamError';
import type { Factor } from './factor';
import { POW10 } from './factor';
import type { Rounding } from './rounding';
import { divideRounded, divideRoundedBig } from './rounding';
import { multiplyWithDecimal } from './decimal';

/** An exact amount in euros (integer centimes). */
export interface Money {
  /** Centimes, a safe integer. */
  readonly centimes: number;
}

/** Zero euro. */
export const ZERO: Money = /* @__PURE__ */ Object.freeze({ centimes: 0 });

function checked(centimes: number): Money {
  if (!Number.isSafeInteger(centimes)) throw new SesamError('OVERFLOW', `amount out of range: ${centimes} centimes`);
  return { centimes };
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
  assert(Number.isSafeInteger(centimes), `fromCentimes(${centimes}): centimes must be a safe integer`);
  return { centimes };
}

/**
 * Returns the number of centimes of an amount (for wire formats in centimes).
 *
 * @param m - The amount.
 * @returns Centimes.
 */
export function toCentimes(m: Money): number {
  return m.centimes;
}

/** @returns a + b. */
export function add(a: Money, b: Money): Money {
  return checked(a.centimes + b.centimes);
}

/** @returns a − b. */
export function subtract(a: Money, b: Money): Money {
  return checked(a.centimes - b.centimes);
}

/** @returns −a. */
export function negate(a: Money): Money {
  return a.centimes === 0 ? ZERO : { centimes: -a.centimes };
}

/**
 * Sums amounts.
 *
 * @param amounts - The amounts.
 * @returns Their sum (zero for none).
 */
export function sum(amounts: Iterable<Money>): Money {
  let total = 0;
  for (const m of amounts) total += m.centimes;
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
  assert(Number.isSafeInteger(quantity), `multiplyByInteger: ${quantity} is not an integer`);
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
 * @throws SesamError `OVERFLOW` when the result leaves the safe range.
 */
export function multiplyCentimes(centimes: number, f: Factor, rounding: Rounding): number {
  const n = centimes * f.units;
  if (n === 0) return 0;
  const d = f.scale < 10 ? POW10_SMALL[f.scale] : POW10[f.scale];
  if (Number.isSafeInteger(n) && d !== undefined) return divideRounded(n, d, rounding);
  return checked(multiplyWithDecimal(centimes, f, rounding)).centimes;
}

/**
 * Multiplies an amount by a fraction num/den (den > 0), rounding with a named mode.
 *
 * @param m - The amount.
 * @param num - Integer numerator.
 * @param den - Positive integer denominator.
 * @param rounding - The rounding mode.
 * @returns The rounded result.
 */
export function multiplyFraction(m: Money, num: number, den: number, rounding: Rounding): Money {
  assert(Number.isSafeInteger(num) && Number.isSafeInteger(den) && den > 0, 'multiplyFraction: integers, den > 0');
  const n = m.centimes * num;
  if (Number.isSafeInteger(n)) return { centimes: divideRounded(n, den, rounding) };
  return checked(Number(divideRoundedBig(BigInt(m.centimes) * BigInt(num), BigInt(den), rounding)));
}

/** @returns -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  return a.centimes < b.centimes ? -1 : a.centimes > b.centimes ? 1 : 0;
}

/** @returns whether a = b. */
export function equals(a: Money, b: Money): boolean {
  return a.centimes === b.centimes;
}

/** @returns whether a < b. */
export function lessThan(a: Money, b: Money): boolean {
  return a.centimes < b.centimes;
}

/** @returns whether a > b. */
export function greaterThan(a: Money, b: Money): boolean {
  return a.centimes > b.centimes;
}

/** @returns the smaller amount. */
export function min(a: Money, b: Money): Money {
  return a.centimes <= b.centimes ? a : b;
}

/** @returns the larger amount. */
export function max(a: Money, b: Money): Money {
  return a.centimes >= b.centimes ? a : b;
}

/** @returns whether the amount is zero. */
export function isZero(m: Money): boolean {
  return m.centimes === 0;
}

/** @returns whether the amount is below zero. */
export function isNegative(m: Money): boolean {
  return m.centimes < 0;
}

/** @returns whether the amount is above zero. */
export function isPositive(m: Money): boolean {
  return m.centimes > 0;
}

/**
 * Tells whether a value is a Money.
 *
 * @param value - Anything.
 * @returns `true` for `{ centimes: safe integer }`.
 */
export function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { centimes?: unknown }).centimes);
}
