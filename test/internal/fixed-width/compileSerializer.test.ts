import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../../src/internal/fixed-width/index';
import { compileSerializer, defineLayout, serializeRecord, writeRecord } from '../../../src/internal/fixed-width/index';
import { B2_LAYOUT_LIST } from '../../../src/fse/b2/records/index';
import { arbRecordOf } from '../../arbitraries/fixedWidth';
import { expectIssue } from '../../helpers/expectIssue';
import { DEMO, DEMO2 } from './demoLayouts';
import { runs } from '../../helpers/runs';

const LAYOUTS: readonly Layout[] = [DEMO, DEMO2, ...B2_LAYOUT_LIST];
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

/** What the fast path writes, or undefined when it declines. */
function fast(layout: Layout, value: unknown): string | undefined {
  const out = new Uint8Array(layout.length + 8).fill(0x23);
  const ok = compileSerializer(layout).write(value as never, out, 4);
  expect(out.subarray(0, 4).every((b) => b === 0x23) && out.subarray(4 + layout.length).every((b) => b === 0x23)).toBe(true);
  return ok ? latin1(out.subarray(4, 4 + layout.length)) : undefined;
}

describe('compileSerializer', () => {
  it('writes the DEMO record as serializeRecord does, negative amount and sign included', () => {
    const v = { nombre: 42, nom: 'DUPONT', date: '2025-03-10', montant: { centimes: -1234 }, code: '13' };
    expect(fast(DEMO, v)).toBe((serializeRecord(DEMO, v as never) as { value: string }).value);
    expect(fast(DEMO, { ...v, nom: undefined })).toContain('000042          250310');
  });

  it('declines what serializeRecord rejects, and writeRecord then reports the located issue', () => {
    const good = { nombre: 1, date: '2025-03-10', montant: { centimes: 1 }, code: '10' };
    for (const bad of [
      { nom: 'dupont' }, { nom: 'HÉLÈNE' }, { nom: 'BEAUCOUP TROP LONG' }, { nombre: 123456 }, { nombre: -1 }, { nombre: 1.5 },
      { date: '2025-02-30' }, { date: '20250310' }, { montant: { centimes: 123456789 } }, { montant: 5 }, { code: '11' }, { code: 10 }, { type: '001' }, { date: undefined },
    ]) {
      const value = { ...good, ...bad };
      expect(fast(DEMO, value)).toBeUndefined();
      expect(serializeRecord(DEMO, value as never).ok).toBe(false);
    }
    const out = new Uint8Array(40);
    const issues = writeRecord(compileSerializer(DEMO), { ...good, nom: 'dupont' } as never, out, 0, () => ['lots', 0]);
    expectIssue(issues, 'FW_LOWERCASE', ['lots', 0, 'nom']);
    expect(latin1(out)).toBe(' '.repeat(40));
  });

  it('is cached per layout', () => {
    expect(compileSerializer(DEMO)).toBe(compileSerializer(DEMO));
  });
});

/** Wide numeric zones: the int32 fast path, the 2^31 split and overflow at the edges. */
const WIDE = defineLayout({
  name: 'WIDE',
  length: 40,
  alphabet: 'upper',
  fields: [
    { name: 'n15', start: 1, length: 15, type: 'N', as: 'number' },
    { name: 'n10', start: 16, length: 10, type: 'N', as: 'number' },
    { name: 'n1', start: 26, length: 1, type: 'N', as: 'number' },
    { name: 'm', start: 27, length: 14, type: 'amount' },
  ],
});

describe('properties', () => {
  test.prop([fc.constantFrom(...LAYOUTS).chain((l) => fc.tuple(fc.constant(l), arbRecordOf(l)))], { numRuns: runs(2000) })(
    'the fast path writes exactly what serializeRecord writes (every B2 layout)',
    ([layout, value]) => {
      const ref = serializeRecord(layout, value as never);
      expect(ref.ok).toBe(true);
      expect(fast(layout, value)).toBe((ref as { value: string }).value);
    },
  );
  const edge = fc.oneof(fc.maxSafeNat(), fc.constantFrom(0, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, 999_999_999, 1e9, 9_999_999_999, 1e10, 1e15 - 1, 1e15, Number.MAX_SAFE_INTEGER), fc.nat(1e12));
  test.prop([fc.record({ n15: edge, n10: edge, n1: edge, m: edge.map((centimes) => ({ centimes })) })], { numRuns: runs(3000) })(
    'wide numbers: the fast path agrees with serializeRecord (bytes when it writes, ok-ness always)',
    (value) => {
      const ref = serializeRecord(WIDE, value as never);
      expect(fast(WIDE, value)).toBe(ref.ok ? ref.value : undefined);
    },
  );
  test.prop([fc.array(fc.constantFrom(...B2_LAYOUT_LIST).chain((l) => fc.tuple(fc.constant(l), arbRecordOf(l), fc.option(fc.tuple(fc.nat(), fc.anything())))), { minLength: 2, maxLength: 30 })], { numRuns: runs(300) })(
    'a run of records of mixed layouts equals serializeRecord record by record',
    (run) => {
      for (const [layout, record, corrupt] of run) {
        const names = layout.fields.filter((f) => f.type !== 'filler').map((f) => f.name);
        const value = corrupt !== null ? { ...record, [names[corrupt[0] % names.length]!]: corrupt[1] } : record;
        const ref = serializeRecord(layout, value as never);
        expect(fast(layout, value)).toBe(ref.ok ? ref.value : undefined);
      }
    },
  );
  test.prop([fc.constantFrom(DEMO, DEMO2, ...B2_LAYOUT_LIST).chain((l) => fc.tuple(fc.constant(l), arbRecordOf(l), fc.string({ maxLength: 3 }), fc.anything()))], { numRuns: runs(3000) })(
    'on a corrupted field it never throws and agrees with serializeRecord on ok-ness',
    ([layout, value, key, junk]) => {
      const names = layout.fields.map((f) => f.name);
      const name = names[key.length % names.length] as string;
      const v = { ...value, [name]: junk };
      const ref = serializeRecord(layout, v as never);
      const got = fast(layout, v);
      expect(got !== undefined).toBe(ref.ok && ref.issues.length === 0);
      if (got !== undefined) expect(got).toBe((ref as { value: string }).value);
    },
  );
});
