/**
 * multiplyHalfUp (the engine's hot-loop product) agrees with core `multiply(m, f, 'halfUp')`.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { multiply } from '../../src/core/money/index';
import { multiplyHalfUp } from '../../src/rules/halfUp';

const core = (c: number, units: number, scale: number): number => multiply({ centimes: c }, { units, scale }, 'halfUp').centimes;

describe('multiplyHalfUp', () => {
  it('rounds ties away from zero (65 % × 3,29 = 2,1385 → 2,14; 1,5 × 3,15 = 4,725 → 4,73)', () => {
    expect(multiplyHalfUp(329, { units: 65, scale: 2 })).toBe(214);
    expect(multiplyHalfUp(315, { units: 15, scale: 1 })).toBe(473);
    expect(multiplyHalfUp(5, { units: 1, scale: 1 })).toBe(1);
    expect(multiplyHalfUp(4, { units: 1, scale: 1 })).toBe(0);
    expect(multiplyHalfUp(0, { units: 7, scale: 1 })).toBe(0);
  });

  it('falls back to core multiply outside its fast range (negative, above 2^52, scale above 9)', () => {
    expect(multiplyHalfUp(-329, { units: 65, scale: 2 })).toBe(-214);
    expect(multiplyHalfUp(2 ** 40, { units: 2 ** 12 + 1, scale: 3 })).toBe(core(2 ** 40, 2 ** 12 + 1, 3));
    expect(multiplyHalfUp(315, { units: 1_500_000_000_000, scale: 12 })).toBe(473);
  });

  describe('properties', () => {
    test.prop([fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 0, max: 1e4 }), fc.integer({ min: 0, max: 12 })], { numRuns: 2000 })(
      'equals core multiply halfUp on engine-sized operands', (c, units, scale) => {
        expect(multiplyHalfUp(c, { units, scale })).toBe(core(c, units, scale));
      });

    test.prop([fc.maxSafeNat(), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 15 })])(
      'equals core multiply halfUp wherever core is defined', (c, units, scale) => {
        let expected: number | string;
        try {
          expected = core(c, units, scale);
        } catch (e) {
          expected = String(e);
        }
        let got: number | string;
        try {
          got = multiplyHalfUp(c, { units, scale });
        } catch (e) {
          got = String(e);
        }
        expect(got).toBe(expected);
      });

    test.prop([fc.integer({ min: 0, max: 2 ** 26 }), fc.integer({ min: 0, max: 2 ** 26 }), fc.integer({ min: 0, max: 9 })], { numRuns: 2000 })(
      'near the 2^52 edge of the fast path', (c, units, scale) => {
        expect(multiplyHalfUp(c, { units, scale })).toBe(core(c, units, scale));
      });
  });
});
