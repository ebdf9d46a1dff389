/**
 * Money: exact euro amounts (integer centimes), exact decimal factors, named roundings,
 * total-preserving allocation, French formatting. decimal.js is the arbitrary-precision
 * fallback and conversion boundary.
 */
export type { Money } from './money';
export {
  add,
  compare,
  equals,
  fromCentimes,
  greaterThan,
  isMoney,
  isNegative,
  isPositive,
  isZero,
  lessThan,
  max,
  min,
  multiply,
  multiplyCentimes,
  multiplyByInteger,
  multiplyFraction,
  negate,
  subtract,
  sum,
  toCentimes,
  ZERO,
} from './money';
export type { Factor } from './factor';
export { compareFactors, factor, formatFactor, formatPercent, isFactorText, multiplyFactors, normalizeFactor, percent } from './factor';
export type { Rounding } from './rounding';
export { divideRounded, ROUNDINGS } from './rounding';
export { allocate } from './allocate';
export type { ParseMoneyOptions } from './parse';
export { euros, fromDecimal, MONEY_CODES, parseMoney, toDecimal } from './parse';
export type { FormatMoneyOptions } from './format';
export { formatDecimal, formatMoney } from './format';
