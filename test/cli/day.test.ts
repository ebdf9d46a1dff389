/**
 * The day's commands and `--json`, run as users run them: the BUILT bin in child processes.
 * Every command prints one JSON document with `--json` ({ schema: 1, ok, command, exit, result?,
 * issues }, docs/cli.md) and keeps its exit code. The ledger is a real SQLite file seeded through
 * the library; the NOEMIE return and bank statement come from the returns simulator.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as prop } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_CODES } from '../../src/cli/codes';
import { cliCodeOf, formatJsonDocument, refusalIssue } from '../../src/cli/json';
import type { PlainDate } from '../../src/core/date/index';
import { fromCentimes } from '../../src/core/money/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { buildSimulatedReturns } from '../../src/simulator/index';
import { ensureBuilt, ROOT } from '../helpers/built';
import { runBin, runBinJson } from '../helpers/cli';
import { expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { nthCare, PS1 } from '../ledger/fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'sesam-day-'));
const FSE_INPUT = join(ROOT, 'test', 'fixtures', 'cli', 'fse-input.json');

const sesam = (args: readonly string[]) => runBin(tmp, args);
/** Runs with --json and checks the documented schema: one document, the exit code in it. */
const json = (args: readonly string[], command: string) => runBinJson(tmp, args, command);

const ledgerPath = join(tmp, 'ledger.sqlite');
const noemiePath = join(tmp, 'retour.noemie');
const cfonbPath = join(tmp, 'releve.cfonb');

beforeAll(async () => {
  await ensureBuilt();
  // A ledger with 6 invoices of PS1 lotted and transmitted on 2025-03-10 (fictitious data).
  const ledger = await createSqliteLedger({ path: ledgerPath, clock: () => '2025-03-11T09:00:00.000Z' });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const amo = fromCentimes(2000 + 100 * i);
    const d = nthCare(i + 60, { dateFacturation: '2025-03-10' as PlainDate, montants: { total: fromCentimes(amo.centimes + 1000), amo, amc: fromCentimes(900), patient: fromCentimes(100) } });
    ids.push(expectOk(await ledger.recordInvoice({ ...d, at: '2025-03-10T08:00:00.000Z' })).id);
  }
  const fileId = await ledger.allocateFileId();
  expectOk(await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: ids, fileId, at: '2025-03-10T18:00:00.000Z' }));
  expectOk(await ledger.markTransmitted({ fileId }, { at: '2025-03-10T18:05:00.000Z' }));
  const sim = expectOk(await buildSimulatedReturns(ledger, { ps: PS1, date: '2025-03-14' as PlainDate }));
  writeFileSync(noemiePath, sim.noemieBytes);
  writeFileSync(cfonbPath, sim.cfonbText);
  await ledger.close();
}, 700_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true })); // only this test's mkdtemp folder

describe('--json on the existing commands (schema 1, exit codes unchanged)', () => {
  it('price: the décompte as result; a missing file is CLI_NO_INPUT with 66; bad JSON CLI_DATA with 65', () => {
    const ok = json(['price', join(ROOT, 'examples', 'facture-g.json')], 'price');
    expect(ok.code).toBe(0);
    expect((ok.result as { total: { netAmo: unknown } }).total.netAmo).toEqual({ centimes: 1900 });
    expect(ok.err).toBe('');
    const missing = json(['price', join(tmp, 'missing.json')], 'price');
    expect(missing.code).toBe(66);
    expect(missing.issues.map((i) => i.code)).toEqual(['CLI_NO_INPUT']);
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{ "a": }');
    expect(json(['price', bad], 'price')).toMatchObject({ code: 65, issues: [{ code: 'CLI_DATA' }] });
    const rules = json(['price', join(ROOT, 'test', 'fixtures', 'cli', 'bad.json')], 'price');
    expect(rules.code).toBe(65);
    expect(rules.issues.some((i) => i.code.startsWith('RULES_'))).toBe(true);
  });

  it('usage errors still give one document (64, CLI_USAGE), with the command path', () => {
    expect(json(['price'], 'price')).toMatchObject({ code: 64, ok: false, issues: [{ code: 'CLI_USAGE' }] });
    expect(json(['watchdog', '--nope'], 'watchdog').code).toBe(64);
    expect(json(['fse', 'validate'], 'fse validate').code).toBe(64);
  });

  it('referentiel import-ccam and scor pdfa', () => {
    const v81 = json(['referentiel', 'import-ccam', join(ROOT, 'data', 'ccam', 'ccam-v81-2026-01-01.csv'), '--applicable', '2026-01-01'], 'referentiel import-ccam');
    expect(v81.code).toBe(0);
    expect(v81.result).toMatchObject({ version: 'CCAM V81', applicable: '2026-01-01', shipped: true });
    expect(json(['referentiel', 'import-ccam', join(tmp, 'none.csv'), '--applicable', '2026-01-01'], 'referentiel import-ccam').code).toBe(66);
    const out = join(tmp, 'pj.pdf');
    const pdf = json(['scor', 'pdfa', join(ROOT, 'test', 'fixtures', 'scor', 'rgb-baseline.jpg'), '--out', out, '--at', '2026-03-10T18:00:00+01:00', '--min-dpi', '1'], 'scor pdfa');
    expect(pdf.code, JSON.stringify(pdf.issues)).toBe(0);
    expect(pdf.result).toMatchObject({ out, pages: 1 });
    const exists = json(['scor', 'pdfa', join(ROOT, 'test', 'fixtures', 'scor', 'rgb-baseline.jpg'), '--out', out, '--min-dpi', '1'], 'scor pdfa');
    expect(exists.code).toBe(73);
    expect(exists.issues.map((i) => i.code)).toContain('CLI_CANT_CREATE');
  });
});

describe('sesam demo --json', () => {
  it('the day runs; its text is not printed, one document (ok, exit 0, command demo)', () => {
    const r = json(['demo', '--days', '1', '--data', join(tmp, 'demo-data')], 'demo');
    expect(r.code, r.err).toBe(0);
    expect(r.result).toBeUndefined();
    expect(json(['demo', '--data', FSE_INPUT], 'demo')).toMatchObject({ code: 73, issues: [{ code: 'CLI_CANT_CREATE' }] });
  });
});

describe('sesam fse build | validate', () => {
  it('builds an FSE from an FseInput, validates the --json output of build, and refuses a broken one (65)', () => {
    const text = sesam(['fse', 'build', FSE_INPUT]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/FSE construite : facturé 30,00 €/);
    const built = json(['fse', 'build', FSE_INPUT, '--today', '2025-03-12'], 'fse build');
    expect(built.result).toMatchObject({ count: 1, ok: 1, failed: 0 });
    const doc = join(tmp, 'built.json');
    writeFileSync(doc, sesam(['fse', 'build', FSE_INPUT, '--json']).out);
    const v = json(['fse', 'validate', doc, '--today', '2025-03-12'], 'fse validate');
    expect(v.code).toBe(0);
    expect(sesam(['fse', 'validate', doc]).out).toMatch(/FSE conforme/);
    // The same FSE with its AMO total changed: the controls recompute it.
    const fse = (JSON.parse(readFileSync(doc, 'utf8')) as { result: { fse: { fse: { totaux: { netAmo: { centimes: number } } } }[] } }).result.fse[0]?.fse;
    if (fse === undefined) throw new Error('no FSE');
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...fse, totaux: { ...fse.totaux, netAmo: { centimes: fse.totaux.netAmo.centimes + 1 } } }));
    const b = json(['fse', 'validate', broken], 'fse validate');
    expect(b.code).toBe(65);
    expect(b.issues.some((i) => i.code.startsWith('FSE_'))).toBe(true);
    const t = sesam(['fse', 'validate', broken]);
    expect(t.code).toBe(65);
    expect(t.err).toMatch(/^sesam fse validate: error FSE_/m);
  });

  it('a batch (array) gives per-item paths; a future date is caught only with --today; bad --today is 64', () => {
    const input = JSON.parse(readFileSync(FSE_INPUT, 'utf8')) as Record<string, unknown>;
    const batch = join(tmp, 'batch.json');
    writeFileSync(batch, JSON.stringify([input, { ...input, beneficiaire: { nirAssure: '123' } }]));
    const r = json(['fse', 'build', batch], 'fse build');
    expect(r.code).toBe(65);
    expect(r.result).toMatchObject({ count: 2, ok: 1, failed: 1 });
    expect(r.issues.every((i) => i.path[0] === 1)).toBe(true);
    expect(json(['fse', 'build', FSE_INPUT, '--today', '2025-02-30'], 'fse build').code).toBe(64);
    expect(sesam(['fse', 'build', FSE_INPUT, '--today', '2025-03-01']).code).toBe(65); // invoiced after "today"
  });
});

describe('sesam reconcile and watchdog on a SQLite ledger', () => {
  it('watchdog before the returns: every part awaits its RSP; reconcile applies the NOEMIE file and the bank statement; watchdog after', () => {
    const before = json(['watchdog', '--ledger', ledgerPath, '--today', '2025-04-30'], 'watchdog');
    expect(before.code).toBe(0);
    const rb = before.result as { today: string; invoices: number; alerts: { kind: string }[]; countByKind: Record<string, number> };
    expect(rb).toMatchObject({ today: '2025-04-30', invoices: 6 });
    expect(rb.countByKind['sans_rsp']).toBeGreaterThan(0);
    const text = sesam(['watchdog', '--ledger', ledgerPath, '--today', '2025-04-30', '--limit', '3']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Veille au 2025-04-30 : 6 facture\(s\)/);
    expect(text.out).toMatch(/de plus/);

    const rec = json(['reconcile', noemiePath, '--ledger', ledgerPath, '--ps', PS1, '--cfonb', cfonbPath], 'reconcile');
    expect(rec.code, JSON.stringify(rec.issues)).toBe(0);
    const rep = rec.result as { invoices: unknown[]; rejected: unknown[]; payments?: { matches: unknown[] } };
    expect(rep.invoices).toHaveLength(6);
    expect(rep.rejected).toHaveLength(1);
    expect(rep.payments?.matches.length).toBeGreaterThan(0);
    // Read again: the ledger remembers the file; nothing is applied twice.
    const again = sesam(['reconcile', noemiePath, '--ledger', ledgerPath, '--ps', PS1]);
    expect(again.code).toBe(0);

    const after = json(['watchdog', '--ledger', ledgerPath, '--today', '2025-04-30'], 'watchdog');
    const ra = after.result as { alerts: { kind: string }[]; countByKind: Record<string, number> };
    expect(ra.countByKind['sans_rsp'] ?? 0).toBeLessThan(rb.countByKind['sans_rsp'] ?? 0);
  });

  it('exit codes: no ledger 66, wrong PS 65, missing --today 64, not NOEMIE 65, nothing given 64', () => {
    expect(json(['watchdog', '--data', join(tmp, 'nowhere'), '--today', '2025-04-30'], 'watchdog')).toMatchObject({ code: 66, issues: [{ code: 'CLI_NO_INPUT' }] });
    expect(sesam(['watchdog', '--ledger', ledgerPath]).code).toBe(64);
    expect(json(['watchdog', '--ledger', ledgerPath, '--today', '2025-04-30', '--threshold', 'nope=3'], 'watchdog').code).toBe(64);
    const wrong = json(['reconcile', noemiePath, '--ledger', ledgerPath, '--ps', '990000001'], 'reconcile');
    expect(wrong.code).toBe(65);
    expect(wrong.issues.map((i) => i.code)).toContain('RECONCILE_WRONG_ADDRESSEE');
    expect(json(['reconcile', FSE_INPUT, '--ledger', ledgerPath], 'reconcile').code).toBe(65);
    expect(json(['reconcile', '--ledger', ledgerPath], 'reconcile').code).toBe(64);
    expect(json(['reconcile', join(tmp, 'none'), '--ledger', ledgerPath], 'reconcile').code).toBe(66);
  });
});

describe('properties', () => {
  prop.prop([fc.constantFrom(64, 65, 66, 69, 70, 73, 74), fc.string({ maxLength: 200 })], { numRuns: runs(200) })('a refusal is one issue of the exit code\'s CLI_ code; the document is one JSON line, schema 1', (exit, message) => {
    const issue = refusalIssue(exit, message);
    expect(issue.code).toBe(cliCodeOf(exit));
    expect(Object.keys(CLI_CODES)).toContain(issue.code);
    expect(issue.message).not.toMatch(/[\r\n]/);
    const text = formatJsonDocument({ ok: false, command: 'x', exit, issues: [issue] });
    expect(text.endsWith('\n') && !text.slice(0, -1).includes('\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ schema: 1, ok: false, exit, issues: [{ code: issue.code }] });
  });
});

describe('sesam readers', () => {
  it('without pcscd: 69 with one CLI_UNAVAILABLE issue; with it: the readers listed', () => {
    const running = existsSync('/run/pcscd/pcscd.comm');
    const r = json(['readers', '--wait', '200'], 'readers');
    if (running) {
      expect(r.code).toBe(0);
      expect(r.result).toMatchObject({ pcscd: true });
    } else {
      expect(r.code).toBe(69);
      expect(r.issues.map((i) => i.code)).toEqual(['CLI_UNAVAILABLE']);
      expect(sesam(['readers', '--wait', '200']).err.trim().split('\n')).toHaveLength(1);
    }
    expect(sesam(['readers', '--wait', 'soon']).code).toBe(64);
  });
});
