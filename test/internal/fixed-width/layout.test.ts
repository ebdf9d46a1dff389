import { describe, expect, test } from 'vitest';
import type { InferRecord } from '../../../src/internal/fixed-width/index';
import { defineLayout } from '../../../src/internal/fixed-width/index';
import { DEMO } from './demoLayouts';

describe('defineLayout', () => {
  test('accepts a layout covering every column once', () => {
    expect(DEMO.length).toBe(40);
    expect(DEMO.alphabet).toBe('upper');
    expect(Object.isFrozen(DEMO.fields)).toBe(true);
  });

  test('reports gaps and overlaps together (programmer error)', () => {
    expect(() =>
      defineLayout({
        name: 'bad',
        length: 10,
        fields: [
          { name: 'a', start: 1, length: 3, type: 'N' },
          { name: 'b', start: 3, length: 2, type: 'N' },
          { name: 'c', start: 7, length: 2, type: 'X' },
        ],
      }),
    ).toThrow(/overlaps column 3.*gap at columns 5-6.*gap at columns 9-10/s);
  });

  test('rejects fields beyond the record, bad widths and names', () => {
    const one = (f: object) => () => defineLayout({ name: 'x', length: 4, fields: [f as never] });
    expect(one({ name: 'a', start: 1, length: 5, type: 'X' })).toThrow(/beyond record length 4/);
    expect(one({ name: 'a', start: 1, length: 4, type: 'date6' })).toThrow(/date6 must have length 6/);
    expect(one({ name: 'A', start: 1, length: 4, type: 'X' })).toThrow(/camelCase/);
    expect(one({ name: 'a', start: 1, length: 4, type: 'const', value: 'AB' })).toThrow(/literal/);
    expect(one({ name: 'a', start: 1, length: 4, type: 'N', enum: ['1'] })).toThrow(/4 digits/);
    expect(() => defineLayout({ name: 'x', length: 16, fields: [{ name: 'a', start: 1, length: 16, type: 'amount' }] })).toThrow(/≤ 15/);
    expect(() =>
      defineLayout({ name: 'x', length: 4, fields: [{ name: 'a', start: 1, length: 4, type: 'amount', sign: { field: 'nope' } }] }),
    ).toThrow(/sign field 'nope'/);
  });

  test('infers the record type from the layout', () => {
    type R = InferRecord<typeof DEMO>;
    const keys: (keyof R)[] = ['type', 'nombre', 'nom', 'date', 'montant', 'code'];
    const code: R['code'] = '13';
    // @ts-expect-error fillers and sign fields are not in the record
    const filler: R['filler1'] = undefined;
    expect([keys.length, code, filler]).toEqual([6, '13', undefined]);
  });
});
