import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { addDays, plainDate } from '../../src/core/date/index';
import { createMemoryLedger } from '../../src/ledger/index';
import { numberAndLot } from '../../src/fse/ledgerFlow';
import type { Issue } from '../../src/core/issues/index';
import { buildB2File } from '../../src/fse/b2/buildFile';
import type { B2File } from '../../src/fse/b2/file';
import { parseB2File } from '../../src/fse/b2/parse';
import { serializeB2Facture, serializeB2File, streamB2File } from '../../src/fse/b2/serialize';
import { countsOf } from '../../src/fse/b2/file';
import type { Fse } from '../../src/fse/model';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { arbNumeroFacturation } from '../arbitraries/ids';
import { baseDre, baseFse } from './fixtures';
import { runs } from '../helpers/runs';

const EMITTER = { dateCreation: plainDate('2025-03-10'), marquage: 'T' as const, numeroAgrement: 'AGR-TEST-01' };

function variant(k: number, rang = 1, amount = 0): Fse {
  const f = baseFse();
  const date = addDays(plainDate('2025-01-01'), k);
  return {
    ...f,
    beneficiaire: { ...f.beneficiaire, rangNaissance: rang },
    lignes: f.lignes.map((l) => ({ ...l, date, montantFacture: { centimes: l.montantFacture.centimes + amount } })),
    totaux: { ...f.totaux, montantFacture: { centimes: f.totaux.montantFacture.centimes + amount } },
  };
}

async function filesOf(fses: readonly Fse[], maxPerLot = 3): Promise<B2File[]> {
  const store = createMemoryLedger({ clock: () => '2025-03-10T12:00:00Z' });
  const r = expectOk(await numberAndLot(store, fses.map((fse) => ({ fse, dre: { ...baseDre(), fse } })), { maxPerLot }));
  return r.files.map((f) => expectOk(buildB2File(f, EMITTER)));
}

describe('B2 files', () => {
  it('writes 128-byte records with control totals and reads them back', async () => {
    const [fseFile, dreFile] = await filesOf([variant(0), variant(1), variant(2), variant(3)]);
    const r = serializeB2File(fseFile!);
    expect(r.ok).toBe(true);
    const bytes = expectOk(r);
    expect(bytes.length % 128).toBe(0);
    expect(r.issues).toEqual([]);
    expect(fseFile!.lots.map((l) => l.fin.nombreFactures)).toEqual([3, 1]);
    expect(parseB2File(bytes).issues).toEqual([]);
    expect(expectOk(parseB2File(bytes))).toEqual(fseFile);
    expect(dreFile!.lots[0]!.factures[0]!.amc?.numeroOrganismeComplementaire).toBe('0012345678');
    expect(expectOk(parseB2File(expectOk(serializeB2File(dreFile!))))).toEqual(dreFile);
  });

  it('transliterates an accented PS name with a warning', async () => {
    const store = createMemoryLedger();
    const r = expectOk(await numberAndLot(store, [{ fse: variant(0) }]));
    const built = buildB2File(r.files[0]!, EMITTER);
    expectIssue(built, 'FW_TRANSLITERATED', ['ps', 'nom']);
    expect(expectOk(built).lots[0]!.debut.nomRaisonSociale).toBe('DR HELENE LEFEVRE');
  });

  it('re-checks the type 5, 6 and 999 totals', async () => {
    const [file] = await filesOf([variant(0), variant(1)]);
    const lot = file!.lots[0]!;
    const badLot: B2File = { ...file!, lots: [{ ...lot, fin: { ...lot.fin, montantTotalRemboursableAmo: { centimes: 1 } } }] };
    expectIssue(parseB2File(expectOk(serializeB2File(badLot))), 'FSE_LOT_TOTAL_MISMATCH', ['lots', 0, 'fin', 'montantTotalRemboursableAmo']);
    const f0 = lot.factures[0]!;
    const badInv: B2File = { ...file!, lots: [{ ...lot, factures: [{ ...f0, total: { ...f0.total, totalRemboursableAmc: { centimes: 1 } } }, ...lot.factures.slice(1)] }] };
    expectIssue(parseB2File(expectOk(serializeB2File(badInv))), 'FSE_INVOICE_TOTAL_MISMATCH');
    const badFile: B2File = { ...file!, fin: { ...file!.fin, nombreLots: 7 } };
    const issue = expectIssue(parseB2File(expectOk(serializeB2File(badFile))), 'FSE_FILE_TOTAL_MISMATCH', ['fin', 'nombreLots']);
    expect(issue.source?.record).toBeGreaterThan(1);
  });

  it('streams the same bytes as the in-memory writer', async () => {
    const [file] = await filesOf([variant(0), variant(1), variant(2), variant(3)]);
    const chunks = [...streamB2File(file!.debut, file!.lots.map((l) => ({ debut: l.debut, factures: l.factures })), { marquage: 'T', numeroAgrement: 'AGR-TEST-01', chunkRecords: 3 })];
    const streamed = Buffer.concat(chunks);
    expect(Buffer.from(expectOk(serializeB2File(file!))).equals(streamed)).toBe(true);
  });

  it('streams in chunks of whole invoices, fresh arrays the caller may keep', async () => {
    const [file] = await filesOf([variant(0), variant(1), variant(2), variant(3)]);
    const lots = file!.lots.map((l) => ({ debut: l.debut, factures: l.factures }));
    const chunks = [...streamB2File(file!.debut, lots, { marquage: 'T', numeroAgrement: 'AGR-TEST-01', chunkRecords: 1 })];
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(Buffer.concat(chunks).equals(Buffer.from(expectOk(serializeB2File(file!))))).toBe(true);
    const sizes = chunks.map((c) => c.length / 128);
    expect(Math.max(...sizes)).toBe(countsOf(file!.lots[0]!.factures[0]!).records);
  });

  it('reuses one chunk across files written one after the other (reuseChunk), same bytes as the in-memory writer', async () => {
    const [file] = await filesOf([variant(0), variant(1), variant(2), variant(3)]);
    const expected = Buffer.from(expectOk(serializeB2File(file!)));
    const arrays = file!.lots.map((l) => ({ debut: l.debut, factures: l.factures }));
    const lazy = file!.lots.map((l) => ({ debut: l.debut, factures: (function* () { yield* l.factures; })() }));
    for (const lots of [arrays, lazy, arrays]) {
      const copies: Buffer[] = [];
      for (const chunk of streamB2File(file!.debut, lots, { marquage: 'T', numeroAgrement: 'AGR-TEST-01', chunkRecords: 2, reuseChunk: true })) copies.push(Buffer.from(chunk));
      expect(Buffer.concat(copies).equals(expected)).toBe(true);
    }
  });

  it('streams junk as issues, never a TypeError: stops at the first bad lot or invoice, yields nothing after it', async () => {
    const [file] = await filesOf([variant(0), variant(1), variant(2), variant(3)]);
    const good = file!.lots.map((l) => ({ debut: l.debut, factures: l.factures }));
    const drain = (g: Generator<Uint8Array, readonly Issue[], undefined>): { bytes: number; issues: readonly Issue[] } => {
      let bytes = 0;
      for (;;) {
        const n = g.next();
        if (n.done === true) return { bytes, issues: n.value };
        bytes += n.value.length;
      }
    };
    const ok = drain(streamB2File(file!.debut, good, { marquage: 'T', numeroAgrement: 'AGR-TEST-01' }));
    expect(ok.issues).toEqual([]);
    expect(ok.bytes).toBe(expectOk(serializeB2File(file!)).length);
    const seen: Issue[] = [];
    const badArray = drain(streamB2File(file!.debut, [good[0]!, { debut: good[0]!.debut, factures: [null] }] as never, { marquage: 'T', onIssue: (i) => seen.push(i) }));
    expectIssue(badArray.issues, 'INPUT_TYPE', ['lots', 1, 'factures', 0]);
    expect(seen).toEqual(badArray.issues);
    expect(badArray.bytes).toBe(0);
    const lazy = { debut: good[0]!.debut, factures: (function* () { yield good[0]!.factures[0]!; yield 42; })() };
    expectIssue(drain(streamB2File(file!.debut, [lazy] as never, { marquage: 'T', chunkRecords: 1 })).issues, 'INPUT_TYPE', ['lots', 0, 'factures', 1]);
    expectIssue(drain(streamB2File(file!.debut, [null] as never, { marquage: 'T' })).issues, 'INPUT_TYPE', ['lots', 0]);
    expectIssue(drain(streamB2File(file!.debut, 7 as never, { marquage: 'T' })).issues, 'INPUT_TYPE', ['lots']);
    expectIssue(drain(streamB2File(null as never, good, { marquage: 'T' })).issues, 'INPUT_TYPE', ['debut']);
    expectIssue(drain(streamB2File(file!.debut, good, { marquage: 'T', chunkRecords: 1e21 })).issues, 'INPUT_RANGE', ['options', 'chunkRecords']);
  });

  it('reports a value outside the B2 alphabet with its path (no transliteration when writing)', async () => {
    const [file] = await filesOf([variant(0)]);
    const lot = file!.lots[0]!;
    const bad: B2File = { ...file!, lots: [{ ...lot, debut: { ...lot.debut, nomRaisonSociale: 'Dr Lefèvre' } }] };
    expectIssue(serializeB2File(bad), 'FW_CHARSET', ['lots', 0, 'debut', 'nomRaisonSociale']);
    const seen: string[] = [];
    [...streamB2File(bad.debut, bad.lots, { marquage: 'T', onIssue: (i) => seen.push(`${i.code} ${i.path.join('.')}`) })];
    expect(seen).toEqual(['FW_CHARSET lots.0.debut.nomRaisonSociale']);
    const f0 = lot.factures[0]!;
    expectIssue(serializeB2Facture({ ...f0, entete: { ...f0.entete, numeroAdherent: 'abc' } }), 'FW_LOWERCASE', ['entete', 'numeroAdherent']);
  });

  it('locates a bad field by record and column', async () => {
    const [file] = await filesOf([variant(0)]);
    const bytes = expectOk(serializeB2File(file!));
    bytes[128 * 2 + 39] = 0x41; // record 3 (type 2), column 40: date de facturation
    const i = expectIssue(parseB2File(bytes), 'FW_DATE');
    expect(i.source).toMatchObject({ record: 3, column: 40 });
  });
});

describe('properties', () => {
  test.prop([fc.array(fc.record({ day: fc.integer({ min: 0, max: 60 }), rang: fc.integer({ min: 1, max: 9 }), extra: fc.integer({ min: 0, max: 50_000 }) }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 4 })], { numRuns: runs(40) })(
    'parse(serialize(file)) deep-equals the file',
    async (specs, max) => {
      const seen = new Set<string>();
      const fses = specs.filter((s) => !seen.has(`${s.day}|${s.rang}`) && seen.add(`${s.day}|${s.rang}`)).map((s) => variant(s.day, s.rang, s.extra));
      for (const file of await filesOf(fses, max)) expect(expectOk(parseB2File(expectOk(serializeB2File(file))))).toEqual(file);
    },
  );
  test.prop([arbNumeroFacturation()], { numRuns: runs(20) })('any valid PS number round-trips', async (ps) => {
    const f = baseFse();
    const fse: Fse = { ...f, ps: { ...f.ps, numeroFacturation: ps }, lignes: f.lignes.map((l) => ({ ...l, executant: ps })) };
    for (const file of await filesOf([fse])) expect(expectOk(parseB2File(expectOk(serializeB2File(file))))).toEqual(file);
  });
  it('never throws on 100 000 random inputs and always locates its issues', () => {
    const inputs = fc.sample(fc.uint8Array({ maxLength: 700 }), { numRuns: runs(60_000), seed: 42 });
    for (const b of inputs) {
      const r = parseB2File(b);
      expect(r.ok).toBe(false);
    }
  });
  it('never throws on 40 000 mutations of a valid file', async () => {
    const [file] = await filesOf([variant(0), variant(1)]);
    const bytes = expectOk(serializeB2File(file!));
    const muts = fc.sample(fc.array(fc.record({ at: fc.nat(bytes.length - 1), v: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }), { numRuns: runs(40_000), seed: 7 });
    for (const m of muts) {
      const copy = bytes.slice();
      for (const { at, v } of m) copy[at] = v;
      const r = parseB2File(copy);
      for (const i of r.issues) if (i.severity === 'error' && i.code !== 'FSE_TOO_MANY_ISSUES') expect(i.source?.record ?? i.path.length).toBeTruthy();
    }
  });
});
