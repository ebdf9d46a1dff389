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
  isMoney,
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
  ZERO,
} from '../../src/core/money/index';
import type { Rounding } from '../../src/core/money/index';
import { isSesamError } from '../../src/core/issues/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';

describe('money', () => {
  it('builds amounts from literals and centimes', () => {
    expect(euros('19.00')).toEqual({ centimes: 1900 });
    expect(euros('19,5')).toEqual({ centimes: 1950 });
    expect(euros('-0.50')).toEqual({ centimes: -50 });
    expect(euros('-0')).toEqual({ centimes: 0 });
    expect(fromCentimes(3000)).toEqual(euros('30'));
    expect(toCentimes(euros('2.14'))).toBe(214);
    expect(() => euros('19.001')).toThrow(/not a euro literal/);
    expect(() => fromCentimes(1.5)).toThrow();
  });

  it('adds, subtracts, compares', () => {
    const a = euros('30.00');
    const b = euros('21.00');
    expect(subtract(a, b)).toEqual(euros('9.00'));
    expect(add(a, b)).toEqual(euros('51.00'));
    expect(negate(a)).toEqual(euros('-30.00'));
    expect(negate(ZERO)).toBe(ZERO);
    expect(sum([a, b, euros('0.01')])).toEqual(euros('51.01'));
    expect(sum([])).toEqual(ZERO);
    expect(compare(a, b)).toBe(1);
    expect(compare(b, a)).toBe(-1);
    expect(compare(a, a)).toBe(0);
    expect(equals(a, euros('30'))).toBe(true);
    expect(lessThan(b, a) && greaterThan(a, b)).toBe(true);
    expect(min(a, b)).toBe(b);
    expect(max(a, b)).toBe(a);
    expect(isZero(ZERO) && isPositive(a) && isNegative(negate(a))).toBe(true);
    expect(isMoney(a) && !isMoney({ centimes: 1.5 }) && !isMoney(null)).toBe(true);
    expect(multiplyByInteger(euros('2.21'), 3)).toEqual(euros('6.63'));
    expect(() => multiplyByInteger(a, 1.5)).toThrow();
  });

  it('rounds the ameli example 65 % × 3,29 = 2,1385 → 2,14 (halfUp)', () => {
    expect(multiply(euros('3.29'), percent(65), 'halfUp')).toEqual(euros('2.14'));
    expect(multiply(euros('30.00'), percent(70), 'halfUp')).toEqual(euros('21.00'));
    expect(multiply(euros('3.15'), factor('1.5'), 'halfUp')).toEqual(euros('4.73'));
    expect(multiply(euros('3.15'), factor('1.5'), 'halfEven')).toEqual(euros('4.72'));
    expect(multiply(euros('3.15'), factor('1.5'), 'down')).toEqual(euros('4.72'));
  });

  it('offers the centimes-level primitive for hot loops (never −0)', () => {
    expect(multiplyCentimes(329, percent(65), 'halfUp')).toBe(214);
    expect(Object.is(multiplyCentimes(0, factor('-0.5'), 'halfUp'), 0)).toBe(true);
    expect(Object.is(multiplyCentimes(-4, factor('0.1'), 'halfUp'), 0)).toBe(true);
    expect(multiplyCentimes(315, { units: 1_500_000_000_000, scale: 12 }, 'halfUp')).toBe(473);
    expect(multiplyCentimes(2 ** 52 + 2, factor('0.5'), 'halfEven')).toBe(2 ** 51 + 1);
  });

  it('names every rounding mode on ties and non-ties', () => {
    const cases: Record<Rounding, [number, number, number, number]> = {
      halfUp: [3, -3, 2, -2],
      halfDown: [2, -2, 2, -2],
      halfEven: [2, -2, 2, -2],
      up: [3, -3, 3, -3],
      down: [2, -2, 2, -2],
      ceil: [3, -2, 3, -2],
      floor: [2, -3, 2, -3],
    };
    for (const mode of ROUNDINGS) {
      expect([divideRounded(25, 10, mode), divideRounded(-25, 10, mode), divideRounded(21, 10, mode), divideRounded(-21, 10, mode)]).toEqual(cases[mode]);
    }
    expect(divideRounded(35, 10, 'halfEven')).toBe(4);
    expect(divideRounded(27, 10, 'halfDown')).toBe(3);
  });

  it('falls back to decimal.js when a product leaves the safe range', () => {
    const big = fromCentimes(9_000_000_000_000);
    expect(multiply(big, factor('0.5'), 'halfUp')).toEqual(fromCentimes(4_500_000_000_000));
    expect(multiply(big, factor('0.0000001'), 'halfUp')).toEqual(fromCentimes(900_000));
    expect(multiplyFraction(big, 1, 3, 'down')).toEqual(fromCentimes(3_000_000_000_000));
    expect(multiplyFraction(euros('10.00'), 1, 3, 'halfUp')).toEqual(euros('3.33'));
    // Beyond 2^53 the product is rounded with the named mode too (BigInt path).
    expect(multiplyFraction(fromCentimes(9_000_000_000_000_001), 2, 4, 'halfUp')).toEqual(fromCentimes(4_500_000_000_000_001));
    expect(multiplyFraction(fromCentimes(9_000_000_000_000_001), 2, 4, 'down')).toEqual(fromCentimes(4_500_000_000_000_000));
    expect(multiplyFraction(fromCentimes(-9_000_000_000_000_001), 2, 4, 'floor')).toEqual(fromCentimes(-4_500_000_000_000_001));
    expect(() => add(big, fromCentimes(Number.MAX_SAFE_INTEGER))).toThrow(/out of range/);
    try {
      multiply(fromCentimes(Number.MAX_SAFE_INTEGER), factor(3), 'halfUp');
    } catch (e) {
      expect(isSesamError(e)).toBe(true);
    }
  });

  it('allocates without losing a centime', () => {
    expect(allocate(euros('10.00'), [1, 1, 1])).toEqual([euros('3.34'), euros('3.33'), euros('3.33')]);
    expect(allocate(euros('-10.00'), [1, 1, 1])).toEqual([euros('-3.34'), euros('-3.33'), euros('-3.33')]);
    expect(allocate(euros('0.05'), [0, 1, 3])).toEqual([ZERO, euros('0.01'), euros('0.04')]);
    expect(allocate(euros('30.00'), [70, 30])).toEqual([euros('21.00'), euros('9.00')]);
    expect(() => allocate(euros('1'), [])).toThrow();
    expect(() => allocate(euros('1'), [0, 0])).toThrow();
    expect(() => allocate(euros('1'), [-1, 2])).toThrow();
    const huge = allocate(fromCentimes(9_000_000_000_000_00), [3, 7]);
    expect(huge[0]!.centimes + huge[1]!.centimes).toBe(9_000_000_000_000_00);
  });

  it('formats the French way', () => {
    expect(formatMoney(euros('19.00'))).toBe('19,00\u00a0€');
    expect(formatMoney(euros('1234.5'))).toBe('1\u202f234,50\u00a0€');
    expect(formatMoney(euros('-1234567.89'), { ascii: true })).toBe('-1 234 567,89 €');
    expect(formatMoney(euros('0.07'), { symbol: false })).toBe('0,07');
    expect(formatMoney(euros('19.00'))).toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(19));
    expect(formatDecimal(euros('-0.5'))).toBe('-0.50');
  });

  it('parses caller data into Results', () => {
    expect(expectOk(parseMoney(' 19,50 '))).toEqual(euros('19.50'));
    expectIssue(parseMoney('dix euros', { path: ['lines', 0, 'montant'] }), 'MONEY_FORMAT', ['lines', 0, 'montant']);
    expectIssue(parseMoney('2.1385'), 'MONEY_PRECISION');
    expect(expectOk(parseMoney('2.1385', { rounding: 'halfUp' }))).toEqual(euros('2.14'));
    expect(expectOk(parseMoney('-0.001', { rounding: 'halfUp' }))).toEqual(ZERO);
    expectIssue(parseMoney('1' + '0'.repeat(30) + '.001', { rounding: 'halfUp' }), 'MONEY_RANGE');
  });

  it('converts to and from decimal.js', () => {
    expect(toDecimal(euros('19.99')).toString()).toBe('19.99');
    expect(fromDecimal(new Decimal('2.1385'), 'halfUp')).toEqual(euros('2.14'));
    expect(fromDecimal(new Decimal('-0.004'), 'halfUp')).toEqual(ZERO);
    expect(() => fromDecimal(new Decimal('1e40'), 'halfUp')).toThrow();
    expect(() => fromDecimal(new Decimal(Infinity), 'halfUp')).toThrow();
  });

  it('handles factors exactly', () => {
    expect(factor('0.70')).toEqual({ units: 7, scale: 1 });
    expect(factor('-1,25')).toEqual({ units: -125, scale: 2 });
    expect(factor(3)).toEqual({ units: 3, scale: 0 });
    expect(percent('17.5')).toEqual({ units: 175, scale: 3 });
    expect(formatFactor(percent(70))).toBe('0.7');
    expect(formatFactor(factor('-0.05'))).toBe('-0.05');
    expect(formatPercent(percent(70))).toBe('70');
    expect(formatPercent(percent('17.5'))).toBe('17.5');
    expect(formatPercent(factor(1))).toBe('100');
    expect(formatPercent(factor('0.5'))).toBe('50');
    expect(multiplyFactors(factor('1.5'), percent(60))).toEqual({ units: 9, scale: 1 });
    expect(compareFactors(percent(70), factor('0.7'))).toBe(0);
    expect(compareFactors(percent(60), factor('0.7'))).toBe(-1);
    expect(compareFactors(factor(1), percent(30))).toBe(1);
    expect(normalizeFactor({ units: 100, scale: 2 })).toEqual({ units: 1, scale: 0 });
    expect(isFactorText('1.5') && !isFactorText('1.5.2') && !isFactorText('99999999999999999')).toBe(true);
    expect(() => factor('abc')).toThrow();
    expect(() => factor(0.5)).toThrow();
    expect(() => factor('99999999999999999')).toThrow();
  });
});

describe('properties', () => {
  const cents = fc.integer({ min: -1e12, max: 1e12 });
  const money = cents.map(fromCentimes);
  const fact = fc.record({ units: fc.integer({ min: -1e6, max: 1e6 }), scale: fc.integer({ min: 0, max: 6 }) });
  const mode = fc.constantFrom(...ROUNDINGS);

  test.prop([money, money])('add is commutative and subtract is its inverse', (a, b) => {
    expect(add(a, b)).toEqual(add(b, a));
    expect(subtract(add(a, b), b)).toEqual(a);
  });

  test.prop([money, fact, mode])('multiply equals decimal.js rounded with the same mode', (m, f, r) => {
    fc.pre(Math.abs((m.centimes * f.units) / 10 ** f.scale) < 9e15);
    const D = Decimal.clone({ precision: 50 });
    const modes = { halfUp: 4, halfDown: 5, halfEven: 6, up: 0, down: 1, ceil: 2, floor: 3 } as const;
    const expected = new D(m.centimes).times(f.units).div(new D(10).pow(f.scale)).toDecimalPlaces(0, modes[r]).toNumber();
    expect(multiply(m, f, r).centimes).toBe(expected + 0);
  });

  test.prop([fc.integer({ min: -9e15, max: 9e15 }), fc.integer({ min: 1, max: 1e4 }), fc.integer({ min: 1, max: 1e4 }), mode])(
    'multiplyFraction equals decimal.js with the same mode, beyond 2^53 too',
    (c, num, den, r) => {
      const D = Decimal.clone({ precision: 50 });
      const modes = { halfUp: 4, halfDown: 5, halfEven: 6, up: 0, down: 1, ceil: 2, floor: 3 } as const;
      const expected = new D(c).times(num).div(den).toDecimalPlaces(0, modes[r]).toNumber();
      fc.pre(Number.isSafeInteger(expected));
      expect(multiplyFraction(fromCentimes(c), num, den, r).centimes).toBe(expected + 0);
    },
  );

  test.prop([money, fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((r) => r.some((x) => x > 0))])(
    'allocate sums to the total and never gives a share of the wrong sign',
    (m, ratios) => {
      const shares = allocate(m, ratios);
      expect(sum(shares)).toEqual(m);
      for (const s of shares) expect(m.centimes >= 0 ? s.centimes >= 0 : s.centimes <= 0).toBe(true);
      ratios.forEach((r, i) => r === 0 && expect(shares[i]!.centimes).toBe(0));
    },
  );

  test.prop([money])('euros(formatDecimal(m)) and parseMoney round-trip', (m) => {
    expect(euros(formatDecimal(m))).toEqual(m);
    expect(expectOk(parseMoney(formatMoney(m, { symbol: false, ascii: true }).replace(/ /g, '')))).toEqual(m);
    expect(fromDecimal(toDecimal(m), 'halfUp')).toEqual(m);
  });

  test.prop([fc.string()])('parseMoney never throws', (s) => {
    expect(() => parseMoney(s)).not.toThrow();
    expect(() => parseMoney(s, { rounding: 'halfUp' })).not.toThrow();
  });
});
