/**
 * `sesam dashboard` through the program (`runCli`, in process) on a real SQLite ledger file:
 * prints the path, refuses to replace a file it did not write, replaces its own, and maps bad
 * input to the sysexits codes.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { DASHBOARD_GENERATOR } from '../../src/dashboard/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { createTempDir } from '../ledger/tempDb';
import { fillScenario } from './fixtures';

const tmp = createTempDir('sesam-dashboard-cli-');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  const ledger = await createSqliteLedger({ path: tmp.path('ledger.sqlite'), clock: () => '2025-04-30T12:00:00+02:00' });
  await fillScenario(ledger);
  await ledger.close();
});
afterAll(() => tmp.remove());

describe('sesam dashboard', () => {
  it('writes the page, prints its path, and replaces only its own file', async () => {
    const out = tmp.path('tableau.html');
    const first = await run('dashboard', '--data', tmp.dir, '--out', out, '--today', '2025-04-30');
    expect(first).toEqual({ code: 0, out: `${out}\n`, err: '' });
    expect(readFileSync(out, 'utf8')).toContain(`<meta name="generator" content="${DASHBOARD_GENERATOR}">`);
    const again = await run('dashboard', '--data', tmp.dir, '--out', out, '--today', '2025-04-30', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual({ path: out, today: '2025-04-30', invoices: 6, rejects: 2, alerts: 8 });
  });

  it('never overwrites a file it did not write unless --force', async () => {
    const mine = tmp.path('notes.html');
    writeFileSync(mine, '<p>mes notes</p>');
    const refused = await run('dashboard', '--data', tmp.dir, '--out', mine, '--today', '2025-04-30');
    expect(refused.code).toBe(73);
    expect(readFileSync(mine, 'utf8')).toBe('<p>mes notes</p>');
    const link = tmp.path('link.html');
    symlinkSync(mine, link);
    expect((await run('dashboard', '--data', tmp.dir, '--out', link, '--force')).code).toBe(73);
    expect(readFileSync(mine, 'utf8')).toBe('<p>mes notes</p>');
    expect((await run('dashboard', '--data', tmp.dir, '--out', mine, '--force')).code).toBe(0);
    expect(readFileSync(mine, 'utf8')).toContain('Suivi du tiers payant');
  });

  it('maps bad input to sysexits codes', async () => {
    expect((await run('dashboard', '--data', tmp.path('absent'), '--out', tmp.path('x.html'))).code).toBe(66);
    expect((await run('dashboard', '--data', tmp.dir, '--out', tmp.path('x.html'), '--today', '2025-02-30')).code).toBe(64);
    expect((await run('dashboard', '--data', tmp.dir)).code).toBe(64);
    expect((await run('dashboard', '--data', tmp.dir, '--out', tmp.path('no/such/dir/x.html'))).code).toBe(73);
  });
});
