/**
 * `sesam demo` (the README's `npm run demo`): a practice's week, run as users run it — the BUILT
 * bin in a child process — on the SQLite ledger, then on PostgreSQL (`--pg URL`, the throwaway
 * cluster of test/ledger/pgServer.ts). The summary table printed at the end is the ledger's: the
 * test reads the ledger the run left and renders the same table; the week on PostgreSQL prints
 * the same table as on SQLite (fixed start, seeded days). The dashboard file is written inside
 * the data folder, listed in its marker, and nothing else appears in the working directory.
 * The progress bar is drawn in a real terminal (tmux), never in a pipe.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeWeekSummary, renderWeekSummary } from '../../src/cli/demo/summary';
import { demoDayOf, workingDays, DEMO_WEEK_START } from '../../src/cli/demo/week';
import { DATA_DIR_MARKER } from '../../src/cli/dataDir';
import { DASHBOARD_GENERATOR } from '../../src/dashboard/index';
import { createPostgresLedger } from '../../src/ledger/postgres/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { BUILT_BIN, ensureBuilt } from '../helpers/built';
import type { PgServer } from '../ledger/pgServer';
import { pgSkipReason, startPgServer } from '../ledger/pgServer';

const tmp = mkdtempSync(join(tmpdir(), 'sesam-week-'));
const pgSkip = pgSkipReason();
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const session = `sesam-week-${process.pid}`;
if (pgSkip !== undefined) console.warn(`demo week on PostgreSQL skipped: ${pgSkip}`);

function sesam(args: readonly string[], cwd: string) {
  const r = spawnSync(process.execPath, [BUILT_BIN, ...args], { cwd, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  await ensureBuilt();
}, 700_000);
afterAll(() => {
  // Only the tmux session this test started (by its unique name), and the mkdtemp folder.
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
  rmSync(tmp, { recursive: true, force: true });
});

/** The summary tables of a run's output (from the day table's header to the last total row). */
const summaryOf = (out: string): string => {
  const at = out.indexOf('━━ Résumé de la semaine');
  const body = out.slice(out.indexOf('\n', at) + 1);
  return body.slice(0, body.lastIndexOf('  total') + body.slice(body.lastIndexOf('  total')).indexOf('\n') + 1);
};

let sqliteSummary = '';

describe('sesam demo: the week on the SQLite ledger', () => {
  it('runs Monday–Friday; the summary is the ledger’s; the dashboard is in the data folder; a lost return is reported', async () => {
    const cwd = join(tmp, 'sqlite');
    mkdirSync(cwd);
    const r = sesam(['demo', '--data', 'week'], cwd);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe(''); // a pipe: no progress bar, no control sequence
    const days = workingDays(DEMO_WEEK_START, 5);
    expect(days).toEqual(['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14']);
    for (const [k, day] of days.entries()) if (k > 0) expect(r.out).toContain(`(jour ${k + 1}/5)`), expect(r.out).toContain(day);
    // The same services, the same mailbox and caisse all week: dovecot (or the in-process mailbox) once.
    expect(r.out.match(/boîte aux lettres du cabinet :/g)).toHaveLength(1);
    expect(r.out).toMatch(/courrier relevé par (IMAP|la boîte en mémoire) : [1-9]\d* retour\(s\) NOEMIE 580/);
    // The watchdog reports the return that never came (the nurse's Monday file).
    expect(r.out).toMatch(/sans retour NOEMIE \(état : ARL positif reçu\) depuis 4 j/);
    expect(r.out).toMatch(/Surveillance : [1-9]\d* part\(s\) sans retour NOEMIE au-delà de 4 jours/);
    // Bank matching at the week's end.
    expect(r.out).toMatch(/virement .* ↔ relevé .*\(confiance forte\)/);

    // The dashboard: its path is printed, inside the data folder, listed in the marker.
    const path = /^Tableau de bord : (.+)$/m.exec(r.out)?.[1] ?? '';
    const data = resolve(cwd, 'week');
    expect(relative(data, path)).toBe('tableau-de-bord.html');
    expect(readFileSync(path, 'utf8')).toContain(`<meta name="generator" content="${DASHBOARD_GENERATOR}">`);
    expect(readFileSync(join(data, DATA_DIR_MARKER), 'utf8').split('\n')).toContain('tableau-de-bord.html');
    // Nothing written outside the data folder.
    expect(readdirSync(cwd)).toEqual(['week']);

    // The summary printed is the one the ledger gives.
    const ledger = await createSqliteLedger({ path: join(data, 'ledger.sqlite') });
    try {
      const invoices = await ledger.listInvoices();
      const expected = renderWeekSummary(computeWeekSummary(invoices));
      sqliteSummary = summaryOf(r.out);
      expect(sqliteSummary).toBe(expected);
      const s = computeWeekSummary(invoices);
      expect(s.byDay.map((d) => d.key)).toEqual(days);
      expect(s.total.invoices).toBe(days.reduce((n, d, k) => n + demoDayOf(k, d).factures.length, 0));
      // Mid-week returns are paid, Friday's still awaited; something rejected somewhere.
      expect(s.byDay[0]?.amo.paid.centimes).toBeGreaterThan(0);
      expect(s.byDay[4]?.amo.paid.centimes).toBe(0);
      expect(s.byDay[4]?.amo.awaiting.centimes).toBeGreaterThan(0);
      expect(s.total.amo.rejected.centimes).toBeGreaterThan(0);
    } finally {
      await ledger.close?.();
    }

    // No full NIR of the week's patients in the output.
    const nirs = days.flatMap((d, k) => demoDayOf(k, d).nirs);
    for (const nir of nirs) expect(r.out + r.err).not.toContain(nir.slice(0, 13));
  }, 700_000);
});

describe.skipIf(pgSkip !== undefined)('sesam demo --pg: the same week on the PostgreSQL ledger', () => {
  let server: PgServer | undefined;
  beforeAll(async () => {
    server = await startPgServer();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('runs the week on PostgreSQL: the summary is that ledger’s, and the same as on SQLite', async () => {
    const cwd = join(tmp, 'pg');
    mkdirSync(cwd);
    const url = server?.connectionString ?? '';
    const r = sesam(['demo', '--data', 'week', '--pg', url], cwd);
    expect(r.code, r.err).toBe(0);
    const practice = /Ledger PostgreSQL : practice « ([^»]+) »/.exec(r.out)?.[1] ?? '';
    expect(practice).toMatch(/^sesam-demo-/);
    // No SQLite ledger in the data folder: the week went to PostgreSQL.
    expect(existsSync(join(cwd, 'week', 'ledger.sqlite'))).toBe(false);
    expect(existsSync(join(cwd, 'week', 'tableau-de-bord.html'))).toBe(true);
    const ledger = await createPostgresLedger({ connectionString: url, practice });
    try {
      expect(summaryOf(r.out)).toBe(renderWeekSummary(computeWeekSummary(await ledger.listInvoices())));
    } finally {
      await ledger.close?.();
    }
    if (sqliteSummary !== '') expect(summaryOf(r.out)).toBe(sqliteSummary);
    // An unreachable server: 69, one line, nothing half-done.
    const down = sesam(['demo', '--data', 'down', '--days', '1', '--pg', 'postgresql://postgres@127.0.0.1:1/postgres'], cwd);
    expect(down.code).toBe(69);
    expect(down.err.trim().split('\n')).toHaveLength(1);
  }, 700_000);
});

describe('sesam demo: options and the progress bar', () => {
  it('--days and --start are checked (64, one line)', () => {
    for (const bad of [['--days', '0'], ['--days', 'x'], ['--days', '21'], ['--start', '2025-02-30']]) {
      const r = sesam(['demo', '--data', 'x', ...bad], tmp);
      expect(r.code, bad.join(' ')).toBe(64);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  }, 300_000);

  it.skipIf(!hasTmux)('under tmux (a terminal): the week’s bar is drawn on stderr', async () => {
    const data = join(tmp, 'tty');
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BUILT_BIN)} demo --days 2 --data ${JSON.stringify(data)} > /dev/null; echo "exit=$?"; sleep 600`;
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '30', 'sh', '-c', cmd]);
    let pane = '';
    for (let i = 0; i < 2400 && !/exit=\d+/.test(pane); i++) {
      await sleep(250);
      pane = execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
    }
    expect(pane).toMatch(/exit=0/);
    expect(pane).toMatch(/Semaine \(jours\) \[█+\] 100% \| 3\/3/);
  }, 700_000);
});
