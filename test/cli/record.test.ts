/**
 * A billing day with the CLI only (issue #14 §1), run as users run it: the BUILT bin in child
 * processes, on a temp data folder. `fse build examples/journee-fse.json --record` → `lot` → the
 * B2 file exists and is listed in the folder's marker → recording the same file again records
 * nothing (LEDGER_DUPLICATE, 65) → `lot` again writes nothing. Bad input: a JSON that is not an
 * FseInput, a user's folder without the marker — refused, nothing created or touched. The
 * recording itself (src/cli/record.ts) is also checked in-process on the memory ledger: each
 * distinct care is recorded once, whatever the repetitions. Fictitious data only.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as prop } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR_MARKER } from '../../src/cli/dataDir';
import { recordFses } from '../../src/cli/record';
import { unwrap } from '../../src/core/issues/index';
import type { Fse, FseInput } from '../../src/fse/index';
import { buildFse } from '../../src/fse/index';
import { createMemoryLedger } from '../../src/ledger/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { ensureBuilt, ROOT } from '../helpers/built';
import type { CliDoc } from '../helpers/cli';
import { runBin, runBinJson } from '../helpers/cli';
import { runs } from '../helpers/runs';

const tmp = mkdtempSync(join(tmpdir(), 'sesam-record-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true })); // only this test's mkdtemp folder
const DAY = join(ROOT, 'examples', 'journee-fse.json');

const sesam = (args: readonly string[]) => runBin(tmp, args);
const json = (args: readonly string[], command: string) => runBinJson(tmp, args, command);

interface RecordResult {
  ledger: string;
  recorded: { index: number; ps: string; numero: number }[];
  duplicates: { index: number; numero: number }[];
  refused: number[];
}
const recordOf = (d: CliDoc): RecordResult => (d.result as { record: RecordResult }).record;

async function invoiceCount(data: string): Promise<number> {
  const ledger = await createSqliteLedger({ path: join(data, 'ledger.sqlite') });
  try {
    return (await ledger.listInvoices()).length;
  } finally {
    await ledger.close();
  }
}

beforeAll(async () => {
  await ensureBuilt();
}, 700_000);

describe('a billing day with the CLI only: fse build --record → lot', () => {
  it('records the day, lots it into a B2 file listed in the marker; the same file again records nothing and lot writes nothing', async () => {
    const data = join(tmp, 'day');
    const first = json(['fse', 'build', DAY, '--record', '--data', data, '--today', '2025-03-10'], 'fse build');
    expect(first.code, JSON.stringify(first.issues)).toBe(0);
    expect(recordOf(first)).toEqual({ ledger: join(data, 'ledger.sqlite'), recorded: [{ index: 0, ps: '990781056', numero: 1 }, { index: 1, ps: '990781056', numero: 2 }], duplicates: [], refused: [] });
    const marker = readFileSync(join(data, DATA_DIR_MARKER), 'utf8').split('\n');
    expect(marker).toContain('ledger.sqlite');

    const lot = json(['lot', '--data', data, '--today', '2025-03-10'], 'lot');
    expect(lot.code, JSON.stringify(lot.issues)).toBe(0);
    const files = (lot.result as { files: unknown }).files as { path: string; lots: { invoices: number[] }[] }[];
    expect(files).toHaveLength(1);
    expect(files[0]!.lots.flatMap((l) => l.invoices).sort()).toEqual([1, 2]);
    expect(readFileSync(files[0]!.path).subarray(0, 3).toString('latin1')).toBe('000');
    const b2 = readdirSync(join(data, 'fichiers'));
    expect(b2).toHaveLength(1);
    expect(readFileSync(join(data, DATA_DIR_MARKER), 'utf8').split('\n')).toContain(join('fichiers', b2[0]!));

    // The same file again, as text (not a terminal: no progress bar on stderr): every care is a duplicate.
    const again = sesam(['fse', 'build', DAY, '--record', '--data', data, '--today', '2025-03-10']);
    expect(again.code).toBe(65);
    const lines = again.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const [k, line] of lines.entries()) expect(line).toMatch(new RegExp(`^sesam fse build: error LEDGER_DUPLICATE at ${k}\\.ledger\\.careKey: `));
    expect(again.err).not.toMatch(/\u001b|FSE enregistrées \[/);
    expect(again.out).toContain('2 doublon(s) refusé(s) : soin déjà enregistré (n° 1, 2)');
    const dup = json(['fse', 'build', DAY, '--record', '--data', data], 'fse build');
    expect(dup.code).toBe(65);
    expect(recordOf(dup)).toMatchObject({ recorded: [], duplicates: [{ index: 0, numero: 1 }, { index: 1, numero: 2 }], refused: [] });
    expect(dup.issues.map((i) => [i.code, i.path])).toEqual([
      ['LEDGER_DUPLICATE', [0, 'ledger', 'careKey']],
      ['LEDGER_DUPLICATE', [1, 'ledger', 'careKey']],
    ]);
    expect(await invoiceCount(data)).toBe(2);

    const lotAgain = json(['lot', '--data', data, '--today', '2025-03-10'], 'lot');
    expect(lotAgain.code).toBe(0);
    expect((lotAgain.result as { files: unknown }).files).toEqual([]);
    expect(readdirSync(join(data, 'fichiers'))).toEqual(b2);
  });

  it('in one batch: an FSE with errors is not recorded, a care given twice is recorded once (65)', async () => {
    const data = join(tmp, 'batch');
    const day = JSON.parse(readFileSync(DAY, 'utf8')) as Record<string, unknown>[];
    const broken = structuredClone(day[1]!) as { facture: { lignes: { code: string }[] } };
    broken.facture.lignes[0]!.code = 'NOPE';
    writeFileSync(join(tmp, 'batch.json'), JSON.stringify([day[0], broken, day[0]]));
    const doc = json(['fse', 'build', join(tmp, 'batch.json'), '--record', '--data', data], 'fse build');
    expect(doc.code).toBe(65);
    expect(doc.result).toMatchObject({ count: 3, ok: 2, failed: 1 });
    expect(recordOf(doc)).toMatchObject({ recorded: [{ index: 0, numero: 1 }], duplicates: [{ index: 2, numero: 1 }], refused: [] });
    expect(doc.issues.some((i) => i.path[0] === 1 && i.severity === 'error')).toBe(true);
    expect(await invoiceCount(data)).toBe(1);
  });
});

describe('fse build --record refuses bad input and leaves things as they were', () => {
  it('a JSON that is not an FseInput (a FactureInput for sesam price): 65, no data folder created', () => {
    const data = join(tmp, 'never');
    const doc = json(['fse', 'build', join(ROOT, 'examples', 'facture-g.json'), '--record', '--data', data], 'fse build');
    expect(doc.code).toBe(65);
    expect(doc.issues.length).toBeGreaterThan(0);
    expect(recordOf(doc)).toMatchObject({ recorded: [], duplicates: [], refused: [] });
    expect(existsSync(data)).toBe(false);
  });

  it("a user's non-empty folder without the marker: 73 (CLI_CANT_CREATE), nothing written there", () => {
    const data = join(tmp, 'mine');
    mkdirSync(data);
    writeFileSync(join(data, 'notes.txt'), 'mes notes');
    const doc = json(['fse', 'build', DAY, '--record', '--data', data], 'fse build');
    expect(doc.code).toBe(73);
    expect(doc.issues.map((i) => i.code)).toEqual(['CLI_CANT_CREATE']);
    expect(readdirSync(data)).toEqual(['notes.txt']);
    expect(readFileSync(join(data, 'notes.txt'), 'utf8')).toBe('mes notes');
    const text = sesam(['fse', 'build', DAY, '--record', '--data', data]);
    expect(text.code).toBe(73);
    expect(text.err.trim().split('\n')).toHaveLength(1);
  });

  it('--data without --record is a usage error (64); a ledger.sqlite that is a folder is refused (73)', () => {
    expect(json(['fse', 'build', DAY, '--data', join(tmp, 'x')], 'fse build').code).toBe(64);
    expect(existsSync(join(tmp, 'x'))).toBe(false);
    const data = join(tmp, 'odd');
    mkdirSync(join(data, 'ledger.sqlite'), { recursive: true });
    writeFileSync(join(data, DATA_DIR_MARKER), 'sesam-billing data folder v1\n');
    expect(json(['fse', 'build', DAY, '--record', '--data', data], 'fse build').code).toBe(73);
  });
});

describe('properties', () => {
  const fses: Fse[] = (JSON.parse(readFileSync(DAY, 'utf8')) as FseInput[]).map((input) => unwrap(buildFse(input)));
  prop.prop([fc.array(fc.nat({ max: fses.length - 1 }), { minLength: 1, maxLength: 8 })], { numRuns: runs(30) })('each distinct care is recorded once, every repetition is a duplicate of its number', async (picks) => {
    const ledger = createMemoryLedger();
    const out = await recordFses(ledger, 'memory', picks.map((k, index) => ({ index, fse: fses[k]! })), { issue: () => undefined, progress: { tick: () => undefined, stop: () => undefined } });
    const distinct = new Set(picks);
    expect(out.recorded).toHaveLength(distinct.size);
    expect(out.duplicates).toHaveLength(picks.length - distinct.size);
    expect(out.refused).toEqual([]);
    const numberOf = new Map(out.recorded.map((r) => [picks[r.index], r.numero]));
    for (const d of out.duplicates) expect(d.numero).toBe(numberOf.get(picks[d.index]));
    expect((await ledger.listInvoices()).map((i) => JSON.parse(i.payload ?? '{}').kind)).toEqual([...distinct].map(() => 'fse'));
  });
});
