import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { annotateB2Records } from '../../src/cli/demo/explain';
import { arbNir } from '../arbitraries/ids';
import { runs } from '../helpers/runs';

/** A 128-character record: a record type, then digits and blanks with a NIR (or its 13-digit body) spliced in. */
const arbRecordWithNir = fc
  .record({
    type: fc.constantFrom('000', '1', '2', '3', '4', '5', '6', '999', 'Z'),
    fill: fc.string({ unit: fc.constantFrom(...'0123456789 '), minLength: 128, maxLength: 128 }),
    nir: arbNir(),
    full: fc.boolean(),
    at: fc.integer({ min: 0, max: 113 }),
  })
  .map(({ type, fill, nir, full, at }) => {
    const value = full ? nir : nir.slice(0, 13);
    const record = (type + fill.slice(type.length, at) + value + fill).slice(0, 128);
    return { record, nir: value };
  });

describe('annotateB2Records (sesam demo --explain)', () => {
  // Law: whatever the record holds, the annotation never shows a run of 13+ digits (no full NIR,
  // masked with maskNir), and a NIR spliced anywhere never appears whole.
  test.prop([fc.array(arbRecordWithNir, { minLength: 1, maxLength: 3 })], { numRuns: runs(200) })('masks every NIR', (records) => {
    const text = annotateB2Records(records.map((r) => r.record));
    expect(text).not.toMatch(/[0-9]{13}/);
    for (const r of records) expect(text).not.toContain(r.nir);
  });
});
