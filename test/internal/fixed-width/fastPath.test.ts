import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import type { Layout } from '../../../src/internal/fixed-width/index';
import { defineLayout, parseRecord } from '../../../src/internal/fixed-width/index';
import { setFastPath } from '../../../src/internal/fixed-width/parse';
import { B2_LAYOUT_LIST } from '../../../src/fse/b2/records/index';
import { arbNoisyTextOf, arbRecordTextOf, FW_REFERENCE } from '../../arbitraries/fixedWidth';
import { DEMO, DEMO2 } from './demoLayouts';
import { runs } from '../../helpers/runs';

/** The same layouts defined again with the generated fast path turned off (interpreter only). */
setFastPath(false);
const slow = new Map<Layout, Layout>([DEMO, DEMO2, ...B2_LAYOUT_LIST].map((l) => [l, defineLayout({ ...l, fields: l.fields })]));
for (const l of slow.values()) parseRecord(l, ''); // compile now, without fast path
setFastPath(true);
afterAll(() => setFastPath(true));

const ctx = { record: 3, offset: 256, referenceDate: FW_REFERENCE } as const;

describe('properties', () => {
  for (const [layout, interpreted] of slow) {
    const arb = fc.oneof(arbRecordTextOf(layout), arbNoisyTextOf(layout), arbRecordTextOf(layout).chain((s) =>
      fc.tuple(fc.nat(s.length - 1), fc.constantFrom(' ', '0', 'A', 'a', 'é', '-', 'N', '\u0000')).map(([i, c]) => s.slice(0, i) + c + s.slice(i + 1)),
    ));
    test.prop([arb], { numRuns: runs(1500) })(`${layout.name}: fast path and interpreter agree`, (s) => {
      expect(parseRecord(layout, s, ctx)).toEqual(parseRecord(interpreted, s, ctx));
    });
  }
});
