/**
 * Issue #10, "silent wrong money": every money entry point validates its arguments and fails
 * loudly — a `SesamError('ASSERTION')` for the programmer-facing primitives, an issue for
 * `parseMoney` (caller data). Laws: junk in any Money / integer / rounding / factor slot throws
 * ASSERTION; −0 never comes out; formatMoney always has the French shape; allocate preserves the
 * total over the whole safe range and refuses unsafe amounts.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  add,
  allocate,
  compare,
  compareFactors,
  divideRounded,
  equals,
  euros,
  factor,
  formatDecimal,
  formatFactor,
  formatMoney,
  formatPercent,
  fromCentimes,
  fromDecimal,
  greaterThan,
  isFactorText,
  isNegative,
  isPositive,
  isZero,
  lessThan,
  max,
  min,
  multiply,
  multiplyByInteger,
  multiplyCentimes,
  multiplyFactors,
  multiplyFraction,
  negate,
  normalizeFactor,
  parseMoney,
  percent,
  ROUNDINGS,
  subtract,
  sum,
  toCentimes,
  toDecimal,
} from '../../src/core/money/index';
import type { Factor, Money, Rounding } from '../../src/core/money/index';
import { formatReceived, isSesamError } from '../../src/core/issues/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { junkValues } from '../helpers/junk';
import { runs } from '../helpers/runs';

const MAX = Number.MAX_SAFE_INTEGER;

/** Runs `f` and returns the SesamError code it threw (fails when it returns or throws anything else). */
function thrownCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(isSesamError(e), `expected a SesamError, got ${String(e)}`).toBe(true);
    return (e as { code: string }).code;
  }
  expect.fail('expected a throw');
}

const safeMoney: fc.Arbitrary<Money> = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, MAX, -MAX),
).map((centimes) => ({ centimes }));
const mode: fc.Arbitrary<Rounding> = fc.constantFrom(...ROUNDINGS);
const fact: fc.Arbitrary<Factor> = fc.record({ units: fc.integer({ min: -1e6, max: 1e6 }), scale: fc.integer({ min: 0, max: 15 }) });

/** Values that are not a safe integer: floats, NaN, ±Infinity, unsafe integers, −0 is safe so left out. */
const notSafeInteger: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ noInteger: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e21, -1e21, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 0.1 + 0.2, 19.5),
  fc.constantFrom(...junkValues().filter((v) => typeof v !== 'number')),
);
/** Values that are not a Money: junk, and objects whose centimes are not a safe integer. */
const notMoney: fc.Arbitrary<unknown> = fc.oneof(
  notSafeInteger,
  notSafeInteger.map((centimes) => ({ centimes })),
  fc.constant({ cents: 100 }),
);
const notRounding: fc.Arbitrary<unknown> = fc.oneof(
  fc.string().filter((s) => !(ROUNDINGS as readonly string[]).includes(s)),
  fc.constantFrom('HALF_UP', 'halfup', 'round', '', undefined, null, 4, {}),
);
const notFactor: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...junkValues().filter((v) => typeof v !== 'object' || v === null)),
  fc.record({ units: notSafeInteger, scale: fc.constant(0) }),
  fc.record({ units: fc.integer(), scale: fc.oneof(fc.constantFrom(1.5, -1, 16, NaN, 1e21), notSafeInteger) }),
);

/** Every primitive with a Money slot, called with `bad` there and valid values elsewhere. */
const moneySlots: readonly [string, (bad: unknown) => unknown][] = [
  ['toCentimes', (b) => toCentimes(b as Money)],
  ['add', (b) => add(b as Money, euros('1'))],
  ['add (2nd)', (b) => add(euros('1'), b as Money)],
  ['subtract', (b) => subtract(b as Money, euros('1'))],
  ['negate', (b) => negate(b as Money)],
  ['sum', (b) => sum([euros('1'), b as Money])],
  ['multiplyByInteger', (b) => multiplyByInteger(b as Money, 2)],
  ['multiply', (b) => multiply(b as Money, percent(70), 'halfUp')],
  ['multiplyFraction', (b) => multiplyFraction(b as Money, 1, 3, 'halfUp')],
  ['compare', (b) => compare(b as Money, euros('1'))],
  ['equals', (b) => equals(euros('1'), b as Money)],
  ['lessThan', (b) => lessThan(b as Money, euros('1'))],
  ['greaterThan', (b) => greaterThan(b as Money, euros('1'))],
  ['min', (b) => min(b as Money, euros('1'))],
  ['max', (b) => max(euros('1'), b as Money)],
  ['isZero', (b) => isZero(b as Money)],
  ['isNegative', (b) => isNegative(b as Money)],
  ['isPositive', (b) => isPositive(b as Money)],
  ['formatDecimal', (b) => formatDecimal(b as Money)],
  ['formatMoney', (b) => formatMoney(b as Money)],
  ['toDecimal', (b) => toDecimal(b as Money)],
  ['allocate', (b) => allocate(b as Money, [1, 2])],
];
/** Every primitive with an integer slot. */
const integerSlots: readonly [string, (bad: unknown) => unknown][] = [
  ['fromCentimes', (b) => fromCentimes(b as number)],
  ['multiplyByInteger', (b) => multiplyByInteger(euros('1'), b as number)],
  ['multiplyCentimes', (b) => multiplyCentimes(b as number, percent(70), 'halfUp')],
  ['multiplyFraction num', (b) => multiplyFraction(euros('1'), b as number, 3, 'halfUp')],
  ['multiplyFraction den', (b) => multiplyFraction(euros('1'), 1, b as number, 'halfUp')],
  ['divideRounded n', (b) => divideRounded(b as number, 3, 'halfUp')],
  ['divideRounded d', (b) => divideRounded(10, b as number, 'halfUp')],
  ['allocate ratio', (b) => allocate(euros('1'), [1, b as number])],
  ['factor', (b) => (typeof b === 'number' ? factor(b) : factor(1.5))],
];
const roundingSlots: readonly [string, (bad: unknown) => unknown][] = [
  ['multiply', (b) => multiply(euros('3.29'), percent(65), b as Rounding)],
  ['multiplyCentimes', (b) => multiplyCentimes(0, percent(65), b as Rounding)],
  ['multiplyFraction', (b) => multiplyFraction(euros('1'), 1, 3, b as Rounding)],
  ['divideRounded', (b) => divideRounded(1, 3, b as Rounding)],
  ['fromDecimal', (b) => fromDecimal(new Decimal('1.005'), b as Rounding)],
];
const factorSlots: readonly [string, (bad: unknown) => unknown][] = [
  ['multiply', (b) => multiply(euros('1'), b as Factor, 'halfUp')],
  ['multiplyCentimes', (b) => multiplyCentimes(100, b as Factor, 'halfUp')],
  ['normalizeFactor', (b) => normalizeFactor(b as Factor)],
  ['multiplyFactors', (b) => multiplyFactors(percent(70), b as Factor)],
  ['compareFactors', (b) => compareFactors(b as Factor, percent(70))],
  ['formatFactor', (b) => formatFactor(b as Factor)],
  ['formatPercent', (b) => formatPercent(b as Factor)],
];

const FRENCH = /^-?\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/;
const FRENCH_ASCII = /^-?\d{1,3}( \d{3})*,\d{2} €$/;

describe('money fails loudly (issue #10)', () => {
  it('an unknown rounding mode throws instead of returning { centimes: undefined }', () => {
    expect(thrownCode(() => multiply(euros('3.29'), percent(65), 'HALF_UP' as Rounding))).toBe('ASSERTION');
    expect(thrownCode(() => divideRounded(7, 2, 'nearest' as Rounding))).toBe('ASSERTION');
    // Even when the product is zero (an early return used to skip the mode).
    expect(thrownCode(() => multiplyCentimes(0, percent(65), 'x' as Rounding))).toBe('ASSERTION');
  });

  it('formatMoney never prints N,aN €, 0,300000000000000 € or 1e+,21 €', () => {
    for (const centimes of [NaN, 0.1 + 0.2, 1e21, -1e21, Infinity, 19.5]) {
      expect(thrownCode(() => formatMoney({ centimes }))).toBe('ASSERTION');
      expect(thrownCode(() => formatDecimal({ centimes }))).toBe('ASSERTION');
    }
    expect(formatMoney({ centimes: -0 })).toBe('0,00\u00a0€');
    expect(formatMoney({ centimes: -MAX }, { ascii: true })).toBe('-90 071 992 547 409,91 €');
    // Junk options mean the defaults, never a crash.
    expect(formatMoney(euros('1234.5'), null as never)).toBe('1\u202f234,50\u00a0€');
  });

  it('allocate refuses 1e21, holes and non-integer ratios', () => {
    expect(thrownCode(() => allocate({ centimes: 1e21 }, [1, 1]))).toBe('ASSERTION');
    expect(thrownCode(() => allocate(euros('10'), [1, , 1] as number[]))).toBe('ASSERTION');
    expect(thrownCode(() => allocate(euros('10'), [1, 0.5]))).toBe('ASSERTION');
    expect(thrownCode(() => allocate(euros('10'), [0, 0]))).toBe('ASSERTION');
    expect(thrownCode(() => allocate(euros('10'), 'abc' as never))).toBe('ASSERTION');
    expect(thrownCode(() => allocate(euros('10'), [MAX, MAX]))).toBe('ASSERTION');
  });

  it('a factor with scale 1.5 (or 16, or −1) is refused; −0 factors are canonical', () => {
    for (const scale of [1.5, 16, -1, NaN]) expect(thrownCode(() => multiply(euros('1'), { units: 7, scale }, 'halfUp'))).toBe('ASSERTION');
    expect(thrownCode(() => factor(0.7))).toBe('ASSERTION');
    expect(Object.is(factor('-0').units, 0)).toBe(true);
    expect(Object.is(factor(-0).units, 0)).toBe(true);
    expect(Object.is(normalizeFactor({ units: -0, scale: 3 }).units, 0)).toBe(true);
    expect(formatPercent({ units: MAX, scale: 0 })).toBe(`${MAX}00`);
    expect(isFactorText(Symbol('x') as never)).toBe(false);
  });

  it('overflow is OVERFLOW, junk is ASSERTION', () => {
    expect(thrownCode(() => add({ centimes: MAX }, { centimes: 1 }))).toBe('OVERFLOW');
    expect(thrownCode(() => sum([{ centimes: MAX }, { centimes: MAX }, { centimes: -MAX }]))).toBe('OVERFLOW');
    expect(thrownCode(() => sum(42 as never))).toBe('ASSERTION');
    expect(thrownCode(() => sum('12' as never))).toBe('ASSERTION');
    expect(thrownCode(() => fromDecimal('1.00' as never, 'halfUp'))).toBe('ASSERTION');
    expect(thrownCode(() => euros(19.5 as never))).toBe('ASSERTION');
  });

  it('parseMoney(19.5 / null / 10 MB) returns an issue, never throws, never copies its input', () => {
    expectIssue(parseMoney(19.5 as never), 'INPUT_TYPE');
    expectIssue(parseMoney(null as never, { path: ['montant'] }), 'INPUT_TYPE', ['montant']);
    expectIssue(parseMoney(undefined as never), 'INPUT_MISSING');
    expectIssue(parseMoney('19.50', { rounding: 'HALF_UP' as Rounding }), 'INPUT_ENUM', ['options', 'rounding']);
    expectIssue(parseMoney('19.50', 'x' as never), 'INPUT_TYPE', ['options']);
    expectIssue(parseMoney('19.50', { path: 7 as never }), 'INPUT_TYPE', ['options', 'path']);
    expect(expectOk(parseMoney(' 19,50 ', { path: ['x', 0], rounding: 'halfUp' })).centimes).toBe(1950);
    const huge = '1'.repeat(10 * 1024 * 1024);
    const r = parseMoney(huge);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r.issues).length).toBeLessThan(1000);
    // Beyond 13 integer digits is a range problem, not a precision one.
    expectIssue(parseMoney('12345678901234'), 'MONEY_RANGE');
    expectIssue(parseMoney('12345678901234.5'), 'MONEY_RANGE');
    expectIssue(parseMoney('1.234'), 'MONEY_PRECISION');
    // The received text goes through formatReceived (cut and NIR-masked), never raw.
    const withNir = parseMoney('180017505690142 €');
    expect(withNir.issues[0]?.received).toBe(formatReceived('180017505690142 €'));
    expect(JSON.stringify(withNir.issues)).not.toContain('75056901');
  });
});

describe('properties', () => {
  test.prop([fc.constantFrom(...moneySlots), notMoney], { numRuns: runs(500) })('every Money slot refuses a non-Money with ASSERTION', ([, call], bad) => {
    expect(thrownCode(() => call(bad))).toBe('ASSERTION');
  });

  test.prop([fc.constantFrom(...integerSlots), notSafeInteger], { numRuns: runs(500) })('every integer slot refuses a non-safe-integer with ASSERTION', ([, call], bad) => {
    expect(thrownCode(() => call(bad))).toBe('ASSERTION');
  });

  test.prop([fc.constantFrom(...roundingSlots), notRounding], { numRuns: runs(300) })('every rounding slot refuses an unknown mode with ASSERTION', ([, call], bad) => {
    expect(thrownCode(() => call(bad))).toBe('ASSERTION');
  });

  test.prop([fc.constantFrom(...factorSlots), notFactor], { numRuns: runs(300) })('every Factor slot refuses a malformed factor with ASSERTION', ([, call], bad) => {
    expect(thrownCode(() => call(bad))).toBe('ASSERTION');
  });

  test.prop([safeMoney, safeMoney, fact, mode, fc.integer({ min: -3, max: 3 })], { numRuns: runs(500) })('−0 never comes out', (a, b, f, r, k) => {
    const outs: unknown[] = [];
    const attempt = (g: () => unknown): void => {
      try {
        outs.push(g());
      } catch (e) {
        if (!isSesamError(e) || e.code !== 'OVERFLOW') throw e;
      }
    };
    attempt(() => add(a, b));
    attempt(() => subtract(a, b));
    attempt(() => negate(a));
    attempt(() => sum([a, b]));
    attempt(() => multiplyByInteger(a, k));
    attempt(() => multiply(a, f, r));
    attempt(() => multiplyCentimes(a.centimes, f, r));
    attempt(() => multiplyFraction(a, k, 7, r));
    attempt(() => min(a, b));
    attempt(() => max(a, b));
    attempt(() => toCentimes(a));
    attempt(() => fromCentimes(a.centimes));
    attempt(() => divideRounded(a.centimes, 3, r));
    attempt(() => fromDecimal(toDecimal(a).times(k).dividedBy(1000), r));
    attempt(() => allocate(a, [1, 2, 0]));
    attempt(() => normalizeFactor({ units: f.units * k, scale: f.scale }));
    const hasMinusZero = (v: unknown): boolean =>
      Object.is(v, -0) || (Array.isArray(v) ? v.some(hasMinusZero) : typeof v === 'object' && v !== null && Object.values(v).some(hasMinusZero));
    expect(outs.filter(hasMinusZero)).toEqual([]);
    expect(formatDecimal({ centimes: a.centimes })).not.toMatch(/^-0\.00$/);
  });

  test.prop([safeMoney], { numRuns: runs(1000) })('formatMoney always has the French shape (U+202F groups, U+00A0 before €)', (m) => {
    expect(formatMoney(m)).toMatch(FRENCH);
    expect(formatMoney(m, { ascii: true })).toMatch(FRENCH_ASCII);
    // And it is exact: digits back to centimes give the amount.
    const digits = formatMoney(m, { ascii: true, symbol: false }).replace(/ /g, '').replace(',', '');
    expect(Number(digits) + 0).toBe(m.centimes + 0);
  });

  test.prop([safeMoney, fc.array(fc.oneof(fc.nat(1000), fc.maxSafeNat().map((n) => Math.floor(n / 64))), { minLength: 1, maxLength: 32 })], { numRuns: runs(500) })(
    'allocate sums to the total for all safe inputs',
    (m, ratios) => {
      fc.pre(ratios.some((r) => r > 0) && Number.isSafeInteger(ratios.reduce((s, r) => s + r, 0)));
      const shares = allocate(m, ratios);
      expect(shares).toHaveLength(ratios.length);
      expect(sum(shares).centimes).toBe(m.centimes + 0);
      for (const s of shares) expect(Number.isSafeInteger(s.centimes) && (m.centimes >= 0 ? s.centimes >= 0 : s.centimes <= 0)).toBe(true);
    },
  );

  test.prop([fc.oneof(fc.constantFrom(2 ** 53, -(2 ** 53), 1e21, NaN, 0.5), fc.double({ noInteger: true }))], { numRuns: runs(200) })('allocate refuses unsafe amounts', (centimes) => {
    expect(thrownCode(() => allocate({ centimes }, [1, 1]))).toBe('ASSERTION');
  });

  test.prop([fc.anything({ withBigInt: true, withNullPrototype: true, maxDepth: 2 }), fc.anything({ maxDepth: 1 })], { numRuns: runs(500) })(
    'parseMoney returns a Result for anything, never throws',
    (text, options) => {
      const r = parseMoney(text as string, options as never);
      expect(typeof r.ok).toBe('boolean');
      if (typeof text !== 'string') expect(r.ok).toBe(false);
    },
  );
});
