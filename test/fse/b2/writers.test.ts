import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Issue } from '../../../src/core/issues/index';
import type { Layout } from '../../../src/internal/fixed-width/index';
import { serializeRecord } from '../../../src/internal/fixed-width/index';
import type { B2Facture } from '../../../src/fse/b2/file';
import { addInvoice, emptyLotTotals, fileTrailerOf, lotTrailerOf } from '../../../src/fse/b2/file';
import type { Record000, Record1 } from '../../../src/fse/b2/records/index';
import { B2_000, B2_1, B2_6, B2_999, B2_LAYOUTS } from '../../../src/fse/b2/records/index';
import type { B2RecordType } from '../../../src/fse/b2/records/index';
import { serializeB2Facture, streamB2File } from '../../../src/fse/b2/serialize';
import type { B2WriterState } from '../../../src/fse/b2/writers.generated';
import { B2_WRITERS } from '../../../src/fse/b2/writers.generated';
import { arbB2Facture, arbB2Junk, B2_PREFIX_POOL, recordsOf } from '../../arbitraries/b2';
import { arbRecordOf } from '../../arbitraries/fixedWidth';
import { writersSource } from './writerSource';
import { runs } from '../../helpers/runs';

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const TYPES = Object.keys(B2_LAYOUTS) as B2RecordType[];

/** What the generic serializer writes for a record: its text (blank on error) and its located issues. */
function reference(layout: Layout, value: unknown, path: readonly (string | number)[]): { text: string; issues: readonly Issue[] } {
  const r = serializeRecord(layout, value as never, { path });
  return { text: r.ok ? r.value : ' '.repeat(128), issues: r.issues };
}

const shown = (issues: readonly Issue[]): string[] => issues.map((i) => `${i.code} ${i.path.join('.')}`);

describe('precompiled B2 writers', () => {
  it('writers.generated.ts is current (npx tsx test/fse/b2/writerSource.ts --write)', () => {
    const file = readFileSync(join(__dirname, '../../../src/fse/b2/writers.generated.ts'), 'utf8');
    expect(file).toBe(writersSource());
  });

  it('no runtime code generation in the B2 serializer and the fixed-width writers', () => {
    const b2 = join(__dirname, '../../../src/fse/b2');
    const fw = join(__dirname, '../../../src/internal/fixed-width');
    const files = [...readdirSync(b2).map((f) => join(b2, f)), ...['compileSerializer.ts', 'writeHelpers.ts', 'serialize.ts', 'writer.ts'].map((f) => join(fw, f))];
    for (const f of files.filter((x) => x.endsWith('.ts'))) expect(readFileSync(f, 'utf8'), f).not.toMatch(/new Function\s*\(|\beval\s*\(/);
  });

  it('rewrites only what changed, and a full record after a declined one', () => {
    const w = B2_WRITERS['5'];
    const s = w.create();
    const out = new Uint8Array(128);
    const base = { type: '5', numeroPs: '123456789', nirAssure: '1800175056001', cleNir: '43', numeroFacture: 7, nombreEnregistrementsType4: 1, totalFacture: { centimes: 3000 }, totalRemboursableAmo: { centimes: 2100 }, totalParticipationAssure: { centimes: 900 } };
    for (const v of [base, { ...base, totalFacture: { centimes: 3100 } }, { ...base, nirAssure: 'abc' }, { ...base, numeroFacture: 8 }, { ...base, totalRemboursableAmc: { centimes: 5 } }, base]) {
      const ref = reference(B2_LAYOUTS['5'], v, []);
      expect(w.write(v, s, out, 0, false)).toBe(ref.issues.length === 0);
      if (ref.issues.length === 0) expect(latin1(out)).toBe(ref.text);
    }
  });

  it('writes an invoice of more records than its slots (several passes), prefix and issues included', () => {
    const [f] = fc.sample(arbB2Facture.filter((x) => x.lignes.length >= 12), { numRuns: runs(1), seed: 7 }); // 12 lines and more: 15+ records
    const r = serializeB2Facture(f!);
    const refs = recordsOf(f!).map((x) => reference(x.layout, x.value, x.path));
    expect(latin1(r.ok ? r.value : new Uint8Array())).toBe(r.ok ? refs.map((x) => x.text).join('') : '');
    expect(shown(r.issues)).toEqual(shown(refs.flatMap((x) => x.issues)));
  });
});

/** The bytes and issues streamB2File must give: every record through serializeRecord, totals from file.ts. */
function streamReference(debut: Record000, lots: readonly { debut: Record1; factures: readonly B2Facture[] }[]): { text: string; issues: string[] } {
  const parts = [reference(B2_000, debut, ['debut'])];
  let volume = 2;
  lots.forEach((lot, i) => {
    parts.push(reference(B2_1, lot.debut, ['lots', i, 'debut']));
    const t = emptyLotTotals();
    lot.factures.forEach((f, j) => {
      addInvoice(t, f);
      for (const x of recordsOf(f)) parts.push(reference(x.layout, x.value, ['lots', i, 'factures', j, ...x.path]));
    });
    parts.push(reference(B2_6, lotTrailerOf(lot.debut, t, { marquage: 'T' }), ['lots', i, 'fin']));
    volume += t.records + 2;
  });
  parts.push(reference(B2_999, fileTrailerOf(debut, lots.length, volume), ['fin']));
  return { text: parts.map((p) => p.text).join(''), issues: shown(parts.flatMap((p) => p.issues)) };
}

const debutArb = arbRecordOf(B2_000) as unknown as fc.Arbitrary<Record000>;
const lotArb = fc.record({ debut: arbRecordOf(B2_1) as unknown as fc.Arbitrary<Record1>, factures: fc.array(arbB2Facture, { maxLength: 6 }) });

describe('properties', () => {
  const INVOICE_TYPES: readonly string[] = ['2', '2S', '2M', '4', '4M', '4F', '5'];
  const PREFIX_FIELDS: readonly string[] = ['numeroPs', 'nirAssure', 'cleNir', 'numeroFacture'];
  const stepOf = (types: readonly B2RecordType[]) =>
    fc.constantFrom(...types).chain((t) =>
      fc.record({
        type: fc.constant(t),
        record: arbRecordOf(B2_LAYOUTS[t]),
        corrupt: fc.oneof({ weight: 1, arbitrary: fc.tuple(fc.nat(), arbB2Junk) }, { weight: 4, arbitrary: fc.constant(null) }),
        slot: fc.nat(1),
        prefix: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...B2_PREFIX_POOL) }, { weight: 1, arbitrary: fc.constant(null) }),
        pd: fc.boolean(),
      }),
    );
  // a few record types and two slots per run: the same state meets its own values again
  const runArb = fc.subarray(TYPES, { minLength: 1, maxLength: 3 }).chain((types) => fc.array(stepOf(types), { minLength: 1, maxLength: 40 }));
  test.prop([runArb], { numRuns: runs(500) })(
    'each writer, in shared states and slots, with or without the prefix copied (pd), writes exactly what serializeRecord writes, and declines exactly what it refuses',
    (run) => {
      const states = new Map<string, B2WriterState>();
      const out = new Uint8Array(4 * 128);
      for (const { type, record, corrupt, slot, prefix, pd: copied } of run) {
        const layout: Layout = B2_LAYOUTS[type];
        const names = layout.fields.filter((f) => f.type !== 'filler').map((f) => f.name);
        const field = corrupt !== null ? names[corrupt[0] % names.length]! : '';
        const value = { ...record, ...(prefix ?? {}), ...(corrupt !== null ? { [field]: corrupt[1] } : {}) };
        // the caller copies the prefix only for an invoice record whose prefix values are a checked type 2's
        const pd = copied && prefix !== null && INVOICE_TYPES.includes(type) && !PREFIX_FIELDS.includes(field);
        const key = `${type}/${slot}`;
        const s = states.get(key) ?? B2_WRITERS[type].create();
        states.set(key, s);
        // another record type wrote this slot since: the caller resets the state (as recordImages does)
        for (const [k, other] of states) if (k !== key && k.endsWith(`/${slot}`)) other.r = false;
        const ref = reference(layout, value, []);
        const p = slot * 128;
        const ok = B2_WRITERS[type].write(value, s, out, p, pd);
        expect(ok).toBe(ref.issues.length === 0);
        if (!ok) continue;
        if (pd) for (let i = 1; i < 35; i++) out[p + i] = ref.text.charCodeAt(i);
        expect(latin1(out.subarray(p, p + 128))).toBe(ref.text);
      }
    },
  );

  test.prop([fc.array(arbB2Facture, { minLength: 1, maxLength: 8 })], { numRuns: runs(300) })(
    'serializeB2Facture: the bytes and located issues of the generic serializer, invoice after invoice',
    (factures) => {
      for (const f of factures) {
        const r = serializeB2Facture(f);
        const refs = recordsOf(f).map((x) => reference(x.layout, x.value, x.path));
        const issues = refs.flatMap((x) => x.issues);
        expect(shown(r.issues)).toEqual(shown(issues));
        if (r.ok) expect(latin1(r.value)).toBe(refs.map((x) => x.text).join(''));
        else expect(issues.length).toBeGreaterThan(0);
      }
    },
  );

  test.prop([debutArb, fc.array(lotArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 40 }), fc.boolean()], { numRuns: runs(150) })(
    'streamB2File: byte-identical to the generic serializer (records, 6 and 999 totals), same issues in the same order',
    (debut, lots, chunkRecords, reuseChunk) => {
      const expected = streamReference(debut, lots);
      const seen: Issue[] = [];
      const chunks: Buffer[] = [];
      for (const c of streamB2File(debut, lots, { marquage: 'T', chunkRecords, reuseChunk, onIssue: (i) => seen.push(i) })) chunks.push(Buffer.from(c));
      expect(Buffer.concat(chunks).toString('latin1')).toBe(expected.text);
      expect(shown(seen)).toEqual(expected.issues);
    },
  );
});
