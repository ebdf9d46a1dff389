/**
 * Crash safety (issue 4 §5): a child process numbers invoices and creates lots against a real
 * SQLite file while the test SIGKILLs it at random points, 100 times (two lanes of 50 on two
 * files, to keep the run short on 2 cores). After every kill the test proves, straight from the
 * database: numbers are contiguous 1..n per PS and each used once, the number counter equals n
 * (no number consumed without its invoice), every acknowledged number is there, and every lot
 * is whole (its rows and its invoices' parts agree) or absent.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PS1, PS2 } from './fixtures';
import { createTempDir } from './tempDb';

const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KILLS_PER_LANE = 50;
const tmp = createTempDir('sesam-ledger-crash-');
// The child is bundled once (esbuild, already there for tsx / tsup) so each start costs ~0.1 s
// instead of ~0.5 s under tsx; the bundle sits in node_modules/.cache so better-sqlite3 resolves.
const cacheDir = `${ROOT}node_modules/.cache/sesam-ledger-crash-${process.pid}`;
let childArgs = ['--import', 'tsx', CHILD];
beforeAll(async () => {
  try {
    const { build } = await import('esbuild');
    mkdirSync(cacheDir, { recursive: true });
    const outfile = `${cacheDir}/crashChild.mjs`;
    await build({ entryPoints: [CHILD], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3'], logLevel: 'silent' });
    childArgs = [outfile];
  } catch {
    // esbuild not reachable: run the child through tsx (slower, same test).
  }
});
afterAll(() => {
  tmp.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

let seed = 20_251_122;
const random = (n: number): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed % n;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the child once, kills it at a random point, returns the acknowledged lines. */
async function runAndKill(path: string): Promise<string[]> {
  const child = spawn(process.execPath, [...childArgs, path, String(1 + random(1_000_000))], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (random(10) === 0) {
    await sleep(random(300)); // sometimes during start-up (module load, open, migration)
  } else {
    for (let waited = 0; !out.includes('ready') && child.exitCode === null && waited < 10_000; waited += 5) await sleep(5);
    await sleep(random(60));
  }
  child.kill('SIGKILL');
  const code = await exited;
  if (code !== null) throw new Error(`child exited by itself (${code}): ${err}`);
  return out.split('\n').filter((l) => l.length > 0);
}

function checkInvariants(path: string, acknowledged: ReadonlySet<string>): { invoices: number; lots: number } {
  const db = new Database(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const counter = db.prepare('SELECT last FROM counters WHERE scope = ?').pluck();
    for (const ps of [PS1, PS2]) {
      const numbers = db.prepare('SELECT numero FROM invoices WHERE ps = ? ORDER BY numero').pluck().all(ps) as number[];
      expect(numbers).toEqual(numbers.map((_, k) => k + 1));
      expect((counter.get(`invoice:${ps}`) as number | undefined) ?? 0).toBe(numbers.length);
      const lots = db.prepare('SELECT COUNT(*) FROM lots WHERE ps = ?').pluck().get(ps) as number;
      expect((counter.get(`lot:${ps}`) as number | undefined) ?? 0).toBe(lots);
    }
    const ack = db.prepare('SELECT 1 FROM invoices WHERE ps = ? AND numero = ?').pluck();
    for (const line of acknowledged) {
      const [kind, a, b] = line.split(' ');
      if (kind === 'inv') expect(ack.get(a, Number(b)), line).toBe(1);
      if (kind === 'lot') expect(db.prepare('SELECT COUNT(*) FROM lots WHERE id = ?').pluck().get(Number(a)), line).toBe(1);
    }
    // Every lot is whole: it has invoices, each pointing back at it in a lotted state, and no
    // part points at a lot that does not list it.
    expect(db.prepare('SELECT COUNT(*) FROM lots l WHERE NOT EXISTS (SELECT 1 FROM lot_invoices li WHERE li.lot_id = l.id)').pluck().get()).toBe(0);
    const broken = db
      .prepare(`SELECT COUNT(*) FROM lot_invoices li LEFT JOIN invoice_parts p ON p.invoice_id = li.invoice_id AND p.part = 'amo'
        WHERE p.lot_id IS NOT li.lot_id OR p.state NOT IN ('en_lot', 'transmise')`)
      .pluck()
      .get();
    expect(broken).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM invoice_parts p WHERE p.lot_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM lot_invoices li WHERE li.lot_id = p.lot_id AND li.invoice_id = p.invoice_id)').pluck().get()).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM history WHERE event = 'mise_en_lot'").pluck().get()).toBe(db.prepare('SELECT COUNT(*) FROM lot_invoices').pluck().get());
    expect(db.prepare("SELECT COUNT(*) FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.invoice_id = i.id AND h.event = 'creation')").pluck().get()).toBe(0);
    return {
      invoices: db.prepare('SELECT COUNT(*) FROM invoices').pluck().get() as number,
      lots: db.prepare('SELECT COUNT(*) FROM lots').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('crash safety (SIGKILL)', () => {
  it(`loses and doubles no number and leaves every lot whole or absent over ${KILLS_PER_LANE * 2} kills`, async () => {
    const lane = async (name: string) => {
      const path = tmp.path(`${name}.sqlite`);
      const acknowledged = new Set<string>();
      let totals = { invoices: 0, lots: 0 };
      for (let k = 0; k < KILLS_PER_LANE; k++) {
        for (const line of await runAndKill(path)) if (line !== 'ready') acknowledged.add(line);
        totals = checkInvariants(path, acknowledged);
      }
      return totals;
    };
    const [a, b] = await Promise.all([lane('a'), lane('b')]);
    // The children did real work between kills (not only start-ups).
    expect(a.invoices + b.invoices).toBeGreaterThan(100);
    expect(a.lots + b.lots).toBeGreaterThan(20);
  }, 120_000);
});
