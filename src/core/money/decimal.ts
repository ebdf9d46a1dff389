/**
 * The decimal.js boundary of core/money: the only file that imports decimal.js.
 * It serves conversions to and from `Decimal` (the exact fallbacks of products and of euro
 * literals are BigInt, in rounding.ts, so pricing never loads decimal.js).
 */
import { Decimal } from 'decimal.js';
import type { Factor } from './factor';
import type { Rounding } from './rounding';

/** Private Decimal constructor: 40 significant digits, never the global config. */
const D = /* @__PURE__ */ Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

const MODES: Readonly<Record<Rounding, Decimal.Rounding>> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfDown: Decimal.ROUND_HALF_DOWN,
  halfEven: Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/** The Decimal type accepted and returned at the boundary. */
export type DecimalValue = Decimal;

/**
 * Converts a decimal euro value (Decimal or decimal string) to integer centimes with a named rounding.
 *
 * @param value - Euros.
 * @param rounding - How to reduce to the centime.
 * @returns Centimes, or `undefined` when the value is not finite.
 */
export function eurosToCentimes(value: Decimal | string, rounding: Rounding): number | undefined {
  // Callers pass a Decimal or a text already matched as a decimal literal: no parse error here.
  const d = new D(value);
  if (!d.isFinite()) return undefined;
  return d.times(100).toDecimalPlaces(0, MODES[rounding]).toNumber();
}

/**
 * Tells whether a value is a decimal.js `Decimal` (of any clone: `Decimal.isDecimal` checks the
 * brand, not the constructor).
 *
 * @param value - Anything.
 * @returns `true` for a Decimal.
 */
export function isDecimalValue(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

/**
 * Converts integer centimes to a Decimal of euros.
 *
 * @param centimes - Integer centimes.
 * @returns The Decimal.
 */
export function centimesToDecimal(centimes: number): Decimal {
  return new D(centimes).dividedBy(100);
}
