import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../../src/core/date/index';
import type { Issue } from '../../../src/core/issues/index';
import { createMemoryLedger } from '../../../src/ledger/index';
import { numberAndLot } from '../../../src/fse/ledgerFlow';
import { buildB2File } from '../../../src/fse/b2/buildFile';
import type { B2Facture, B2File } from '../../../src/fse/b2/file';
import { guardB2Facture } from '../../../src/fse/b2/guard';
import { serializeB2File, streamB2File } from '../../../src/fse/b2/serialize';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { baseDre, baseFse } from '../fixtures';

// The shape of an invoice is checked in the walk that counts its records (no separate guard pass).
let built: Promise<B2File> | undefined;
function aFile(): Promise<B2File> {
  built ??= build();
  return built;
}

async function build(): Promise<B2File> {
  const store = createMemoryLedger({ clock: () => '2025-03-10T12:00:00Z' });
  const fses = [0, 1, 2].map(() => baseFse());
  const r = expectOk(await numberAndLot(store, fses.map((fse) => ({ fse, dre: { ...baseDre(), fse } })), { maxPerLot: 3 }));
  return expectOk(buildB2File(r.files[0]!, { dateCreation: plainDate('2025-03-10'), marquage: 'T', numeroAgrement: 'AGR-TEST-01' }));
}

function drain(g: Generator<Uint8Array, readonly Issue[], undefined>): { bytes: number; issues: readonly Issue[] } {
  let bytes = 0;
  for (;;) {
    const n = g.next();
    if (n.done === true) return { bytes, issues: n.value };
    bytes += n.value.length;
  }
}

/** Junk put in place of one part of an invoice. */
const junk = fc.oneof(
  fc.constantFrom(null, 0, 7, 'x', '', true, [], [1], {}, { length: 1, 0: {} }),
  fc.constant(Object.defineProperty({}, 'centimes', { get: () => { throw new Error('getter'); }, enumerable: true })),
);
/** Where the junk goes (the parts the writers walk). */
const where = fc.constantFrom('facture', 'entete', 'individu', 'amc', 'lignes', 'ligne', 'prestation', 'ccam', 'lpp', 'total');

function spoil(f: B2Facture, at: string, v: unknown): unknown {
  const l0 = f.lignes[0]!;
  switch (at) {
    case 'facture':
      return v;
    case 'ligne':
      return { ...f, lignes: [v, ...f.lignes.slice(1)] };
    case 'prestation':
    case 'ccam':
    case 'lpp':
      return { ...f, lignes: [{ ...l0, [at]: v }, ...f.lignes.slice(1)] };
    default:
      return { ...f, [at]: v };
  }
}

describe('streamB2File: invoice shape checked in the writer’s walk', () => {
  it('a throwing getter on an invoice is an INPUT_* issue located there (the guard reads data properties only), never a throw', async () => {
    const file = await aFile();
    const lot = file.lots[0]!;
    const all = file.lots.flatMap((l) => l.factures);
    const bad = Object.defineProperty({ ...all[0]! }, 'lignes', { get: () => { throw new Error('boom'); }, enumerable: true });
    const r = drain(streamB2File(file.debut, [{ debut: lot.debut, factures: [all[0]!, bad as B2Facture] }], { marquage: 'T' }));
    expectIssue(r.issues, 'INPUT_MISSING', ['lots', 0, 'factures', 1, 'lignes']);
    expect(r.bytes).toBe(0);
  });

  it('a getter that throws only when the writer reads it (after the shape check) still ends the stream with an issue', async () => {
    const file = await aFile();
    const lot = file.lots[0]!;
    let reads = 0;
    const all = file.lots.flatMap((l) => l.factures);
    const f0 = all[0]!;
    const entete = Object.defineProperty({ ...f0.entete }, 'numeroPs', { get: () => { if (++reads > 0) throw new Error('late'); return f0.entete.numeroPs; }, enumerable: true });
    const sly = { ...f0, entete };
    const r = drain(streamB2File(file.debut, [{ debut: lot.debut, factures: (function* () { yield all[0]!; yield sly as B2Facture; })() }], { marquage: 'T', chunkRecords: 1 }));
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.every((i) => i.code.startsWith('INPUT_'))).toBe(true);
    expect(r.issues[0]!.path.slice(0, 4)).toEqual(['lots', 0, 'factures', 1]);
    // the next file is written whole: the record images hold nothing stale
    expect(drain(streamB2File(file.debut, file.lots.map((l) => ({ debut: l.debut, factures: l.factures })), { marquage: 'T', numeroAgrement: 'AGR-TEST-01' })).bytes).toBe(expectOk(serializeB2File(file)).length);
    const again: Uint8Array[] = [];
    for (const c of streamB2File(file.debut, file.lots.map((l) => ({ debut: l.debut, factures: l.factures })), { marquage: 'T', numeroAgrement: 'AGR-TEST-01' })) again.push(Buffer.from(c));
    expect(Buffer.concat(again)).toEqual(Buffer.from(expectOk(serializeB2File(file))));
  });

  describe('properties', () => {
    test.prop([where, junk, fc.boolean(), fc.nat(2)], { numRuns: runs(200) })(
      'junk anywhere in an invoice: the full guard’s INPUT_* issues when it finds any, never a throw, nothing yielded from the bad invoice on',
      async (at, v, lazy, k) => {
        const file = await aFile();
        const lot = file.lots[0]!;
        const list: unknown[] = file.lots.flatMap((l) => l.factures);
        list[k % list.length] = spoil(list[k % list.length] as B2Facture, at, v);
        const j = k % list.length;
        const factures = lazy ? (function* () { yield* list; })() : list;
        const r = drain(streamB2File(file.debut, [{ debut: lot.debut, factures: factures as Iterable<B2Facture> }], { marquage: 'T', numeroAgrement: 'AGR-TEST-01' }));
        const expected: Issue[] = [];
        if (guardB2Facture(list[j], ['lots', 0, 'factures', j], expected) === undefined && expected.length > 0) {
          // the issues the guard pass gave before (same codes, same paths), and no byte of a file without its 999
          expect(r.issues.map((i) => [i.code, i.path])).toEqual(expected.map((i) => [i.code, i.path]));
          expect(r.bytes).toBe(0);
        } else if (r.issues.some((i) => i.code.startsWith('INPUT_'))) {
          // only a getter's throw gets here: one INPUT_TYPE on the invoice
          expect(r.issues.map((i) => i.path)).toEqual([['lots', 0, 'factures', j]]);
        }
      },
    );
  });
});
