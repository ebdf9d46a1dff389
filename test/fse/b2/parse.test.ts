/**
 * parseB2File: the named CR LF tolerance (`lineBreaks`, default off), the issue cap that keeps
 * `ok` following severity, and bytes given as something else than a Uint8Array.
 */
import { afterEach, describe, expect, vi } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { addDays, plainDate } from '../../../src/core/date/index';
import { createMemoryLedger } from '../../../src/ledger/index';
import { numberAndLot } from '../../../src/fse/ledgerFlow';
import { buildB2File } from '../../../src/fse/b2/buildFile';
import { parseB2File } from '../../../src/fse/b2/parse';
import { serializeB2Facture, serializeB2File } from '../../../src/fse/b2/serialize';
import type { Fse } from '../../../src/fse/model';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { baseDre, baseFse } from '../fixtures';

const EMITTER = { dateCreation: plainDate('2025-03-10'), marquage: 'T' as const, numeroAgrement: 'AGR-TEST-01' };

function variant(k: number): Fse {
  const f = baseFse();
  const date = addDays(plainDate('2025-01-01'), k);
  return { ...f, lignes: f.lignes.map((l) => ({ ...l, date })) };
}

async function sampleBytes(n = 3): Promise<Uint8Array> {
  const store = createMemoryLedger({ clock: () => '2025-03-10T12:00:00Z' });
  const fses = Array.from({ length: n }, (_, k) => variant(k));
  const r = expectOk(await numberAndLot(store, fses.map((fse) => ({ fse, dre: { ...baseDre(), fse } })), { maxPerLot: 2 }));
  return expectOk(serializeB2File(expectOk(buildB2File(r.files[0]!, EMITTER))));
}

/** Records joined with the given line ends (cycled). */
function withLineEnds(bytes: Uint8Array, ends: readonly string[]): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  let out = '';
  for (let i = 0, k = 0; i < text.length; i += 128, k++) out += text.slice(i, i + 128) + (ends[k % ends.length] ?? '');
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

describe('lineBreaks tolerance (named, default off)', () => {
  test('a CR LF file is refused by default with B2_LINE_BREAK located after record 1', async () => {
    const crlf = withLineEnds(await sampleBytes(), ['\r\n']);
    const r = parseB2File(crlf);
    expect(r.ok).toBe(false);
    const i = expectIssue(r, 'B2_LINE_BREAK', []);
    expect(i.source).toEqual({ record: 1, column: 129, offset: 128 });
    expect(i.received).toBe('CR LF');
  });
  test('accepted with lineBreaks: true, same records as the reference framing (CR LF and LF)', async () => {
    const bytes = await sampleBytes();
    const ref = expectOk(parseB2File(bytes));
    for (const eol of ['\r\n', '\n']) {
      const r = parseB2File(withLineEnds(bytes, [eol]), { lineBreaks: true });
      expect(r.issues).toEqual([]);
      expect(expectOk(r)).toEqual(ref);
    }
    // The tolerance is harmless on a reference file.
    expect(expectOk(parseB2File(bytes, { lineBreaks: true }))).toEqual(ref);
  });
});

describe('maxIssues: ok follows severity', () => {
  test('only warnings past the cap: ok, the cap itself is a warning', async () => {
    // CR LF after the first record, LF after the others: one FW_LINE_END warning per record.
    const mixed = withLineEnds(await sampleBytes(), ['\r\n', '\n']);
    const all = parseB2File(mixed, { lineBreaks: true });
    expect(all.ok).toBe(true);
    expect(all.issues.length).toBeGreaterThan(2);
    const capped = parseB2File(mixed, { lineBreaks: true, maxIssues: 2 });
    expect(capped.ok).toBe(true);
    expect(capped.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(capped.issues.map((i) => i.code)).toEqual(['FW_LINE_END', 'FW_LINE_END', 'FSE_TOO_MANY_ISSUES']);
  });
  test('an error after the cap is kept: ok false', async () => {
    const bytes = await sampleBytes();
    const text = Buffer.from(withLineEnds(bytes, ['\r\n', '\n'])).toString('latin1');
    // Break the last record (999): an unknown record type, after several warnings.
    const broken = new Uint8Array(Buffer.from(`${text.slice(0, text.length - 129)}X${text.slice(text.length - 128)}`, 'latin1'));
    const r = parseB2File(broken, { lineBreaks: true, maxIssues: 2 });
    expect(r.ok).toBe(false);
    expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
    expectIssue(r, 'FSE_TOO_MANY_ISSUES');
  });
  test.prop([fc.integer({ min: 1, max: 12 }), fc.array(fc.constantFrom('\r\n', '\n'), { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom('', 'X')], { numRuns: runs(30) })(
    'for any cap, ok ⇔ no error issue, and a capped read is ok exactly when the uncapped one is',
    async (max, ends, at, junk) => {
      const text = Buffer.from(withLineEnds(await sampleBytes(), ['\r\n', ...ends])).toString('latin1');
      const p = at % text.length;
      const b = new Uint8Array(Buffer.from(text.slice(0, p) + junk + text.slice(p + junk.length), 'latin1'));
      const full = parseB2File(b, { lineBreaks: true, maxIssues: 1_000_000 });
      const capped = parseB2File(b, { lineBreaks: true, maxIssues: max });
      for (const r of [full, capped]) expect(r.ok).toBe(!r.issues.some((i) => i.severity === 'error'));
      expect(capped.ok).toBe(full.ok);
    },
  );
});

describe('century pivot (time-parameter convention: never the clock)', () => {
  afterEach(() => { vi.useRealTimers(); });
  test('AAMMJJ dates pivot on the file\'s own 000 date, whatever the machine\'s date', async () => {
    const bytes = await sampleBytes();
    const now = expectOk(parseB2File(bytes));
    expect(now.debut.dateCreationFichier).toBe('2025-03-10');
    expect(now.lots[0]!.debut.dateCreationLot).toBe('2025-03-10');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2095-06-01T00:00:00Z'));
    expect(expectOk(parseB2File(bytes))).toEqual(now);
  });
  test('referenceDate sets the pivot of the 000 date (the later dates follow the file date); `reference` is its deprecated name', async () => {
    const bytes = await sampleBytes();
    const old = expectOk(parseB2File(bytes, { referenceDate: plainDate('1960-01-01') }));
    expect(old.debut.dateCreationFichier).toBe('1925-03-10');
    expect(old.lots[0]!.debut.dateCreationLot).toBe('1925-03-10');
    expect(expectOk(parseB2File(bytes, { reference: plainDate('1960-01-01') })).debut.dateCreationFichier).toBe('1925-03-10');
    expectIssue(parseB2File(bytes, { referenceDate: '2025-02-30' as never }), 'INPUT_TYPE', ['options', 'referenceDate']);
  });
});

describe('bytes given in another form', () => {
  test('a string, an ArrayBuffer, junk options: INPUT_* issues, never a throw', async () => {
    expectIssue(parseB2File('000' as never), 'INPUT_TYPE', ['bytes']);
    expectIssue(parseB2File(new ArrayBuffer(256) as never), 'INPUT_TYPE', ['bytes']);
    expectIssue(parseB2File(await sampleBytes(), 7 as never), 'INPUT_TYPE', ['options']);
    expectIssue(parseB2File(await sampleBytes(), { maxIssues: 0 }), 'INPUT_RANGE', ['options', 'maxIssues']);
  });
});

describe('writers given a broken shape', () => {
  test('serializeB2File / serializeB2Facture: INPUT_* located at the broken object, never a TypeError', async () => {
    const file = expectOk(parseB2File(await sampleBytes()));
    const lot = file.lots[0]!;
    const broken = { ...file, lots: [{ ...lot, factures: [lot.factures[0]!, null] }] };
    expectIssue(serializeB2File(broken as never), 'INPUT_TYPE', ['lots', 0, 'factures', 1]);
    const f = lot.factures[0]!;
    expectIssue(serializeB2File({ ...file, lots: [{ ...lot, factures: [{ ...f, lignes: [{ ...f.lignes[0]!, prestation: 3 }] }] }] } as never), 'INPUT_TYPE', ['lots', 0, 'factures', 0, 'lignes', 0, 'prestation']);
    expectIssue(serializeB2Facture({ ...f, entete: null } as never), 'INPUT_TYPE', ['entete']);
    // The sound file still writes the same bytes.
    expect(Buffer.from(expectOk(serializeB2File(file))).equals(Buffer.from(await sampleBytes()))).toBe(true);
  });
});
