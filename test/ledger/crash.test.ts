/**
 * Crash safety (issue #10): children number and lot batches (`recordBatch`, one transaction
 * each) against real SQLite files while
 * - the test SIGKILLs them at random points, 100 times at full scale (two lanes of runs(50) on two files);
 * - a real SQLite error is injected at random while lots are inserted (a trigger raising ABORT,
 *   i.e. after the batch's invoices were inserted): the child retries the same batch;
 * - 8 writers share one file on 2 cores, with 2 CPU burners running, two of them SIGKILLed.
 * After every run the test proves, straight from the database: numbers are contiguous 1..n per
 * PS and each used once, the number counter equals n (no number consumed without its invoice),
 * every acknowledged number is there, no invoice is numbered but unlotted (no part left
 * `a_emettre`), no care is billed twice, and every lot is whole (its rows and its invoices'
 * parts agree).
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { PS1, PS2 } from './fixtures';
import { acknowledgedOf, createCrashHarness, sleep } from './crashHarness';
import { createTempDir } from './tempDb';
import { runs } from '../helpers/runs';

/** 50 at full scale (SESAM_PROP_SCALE scales it: 13 at 0.25 on the secondary Node versions). */
const KILLS_PER_LANE = runs(50);
const WRITERS = 8;
const tmp = createTempDir('sesam-ledger-crash-');
const harness = createCrashHarness('sqlite', 20_251_122);
const { random, start } = harness;
beforeAll(() => harness.prepare());
afterAll(() => {
  tmp.remove();
  harness.cleanup();
});

/** Creates a migrated ledger file with an injected error: 1 lot insert in `every` aborts. */
async function preparedDb(path: string, every: number): Promise<void> {
  await (await createSqliteLedger({ path })).close();
  const db = new Database(path);
  db.exec(`CREATE TRIGGER inject_store_error BEFORE INSERT ON lots WHEN abs(random()) % ${every} = 0 BEGIN SELECT RAISE(ABORT, 'injected store error'); END`);
  db.close();
}

const runAndKill = (path: string): Promise<string[]> => harness.runAndKill(path, 200);

function checkInvariants(path: string, acknowledged: ReadonlySet<string>): { invoices: number; lots: number; dre: number } {
  const db = new Database(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const counter = db.prepare('SELECT last FROM counters WHERE scope = ?').pluck();
    for (const ps of [PS1, PS2]) {
      const numbers = db.prepare('SELECT numero FROM invoices WHERE ps = ? ORDER BY numero').pluck().all(ps) as number[];
      expect(numbers).toEqual(numbers.map((_, k) => k + 1));
      expect((counter.get(`invoice:${ps}`) as number | undefined) ?? 0).toBe(numbers.length);
      const lots = db.prepare('SELECT COUNT(*) FROM lots WHERE ps = ?').pluck().get(ps) as number;
      // Lot numbers cycle 1…999: the counter holds the last number given.
      expect((counter.get(`lot:${ps}`) as number | undefined) ?? 0).toBe(lots === 0 ? 0 : ((lots - 1) % 999) + 1);
    }
    const ack = db.prepare('SELECT 1 FROM invoices WHERE ps = ? AND numero = ?').pluck();
    for (const line of acknowledged) {
      const [kind, a, b] = line.split(' ');
      if (kind === 'inv') expect(ack.get(a, Number(b)), line).toBe(1);
      if (kind === 'lot') expect(db.prepare('SELECT COUNT(*) FROM lots WHERE id = ?').pluck().get(Number(a)), line).toBe(1);
    }
    // No invoice numbered but unlotted: every part left the à émettre state with its batch.
    expect(db.prepare("SELECT COUNT(*) FROM invoice_parts WHERE state = 'a_emettre' OR lot_id IS NULL").pluck().get()).toBe(0);
    // No care billed twice.
    expect(db.prepare('SELECT COUNT(*) FROM (SELECT care_key FROM invoices GROUP BY care_key HAVING COUNT(*) > 1)').pluck().get()).toBe(0);
    // Every lot is whole: it has invoices, each pointing back at it in a lotted state, and no
    // part points at a lot that does not list it.
    expect(db.prepare('SELECT COUNT(*) FROM lots l WHERE NOT EXISTS (SELECT 1 FROM lot_invoices li WHERE li.lot_id = l.id)').pluck().get()).toBe(0);
    const broken = db
      .prepare(`SELECT COUNT(*) FROM lot_invoices li JOIN lots l ON l.id = li.lot_id
        LEFT JOIN invoice_parts p ON p.invoice_id = li.invoice_id AND p.part = CASE l.kind WHEN 'dre' THEN 'amc' ELSE 'amo' END
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
      dre: db.prepare("SELECT COUNT(*) FROM lots WHERE kind = 'dre'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('crash safety (SIGKILL, injected store errors, 8 writers)', () => {
  it(`loses and doubles no number, lots every numbered invoice, over ${KILLS_PER_LANE * 2} kills and injected errors`, async () => {
    const lane = async (name: string) => {
      const path = tmp.path(`${name}.sqlite`);
      await preparedDb(path, 10);
      const acknowledged = new Set<string>();
      let totals = { invoices: 0, lots: 0, dre: 0 };
      let retries = 0;
      for (let k = 0; k < KILLS_PER_LANE; k++) {
        const lines = await runAndKill(path);
        retries += lines.filter((l) => l.startsWith('retry')).length;
        for (const line of acknowledgedOf(lines)) acknowledged.add(line);
        totals = checkInvariants(path, acknowledged);
      }
      return { ...totals, retries };
    };
    const [a, b] = await Promise.all([lane('a'), lane('b')]);
    // The children did real work between kills (not only start-ups), and met injected errors.
    expect(a.invoices + b.invoices).toBeGreaterThan(2 * KILLS_PER_LANE);
    expect(a.lots + b.lots).toBeGreaterThan((2 * KILLS_PER_LANE) / 5);
    expect(a.dre + b.dre).toBeGreaterThan(0);
    expect(a.retries + b.retries).toBeGreaterThan(0);
  }, 180_000);

  it(`${WRITERS} concurrent writers under CPU load, with injected errors and 2 SIGKILLs`, async () => {
    const path = tmp.path('writers.sqlite');
    await preparedDb(path, 8);
    const burners = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    try {
      const runs = Array.from({ length: WRITERS }, (_, w) => start(path, [String(w), '25']));
      const victims = new Set([random(WRITERS), random(WRITERS)]);
      await sleep(300 + random(700));
      for (const v of victims) runs[v]?.child.kill('SIGKILL');
      const codes = await Promise.all(runs.map((r) => r.exited));
      runs.forEach((r, w) => {
        if (!victims.has(w) || codes[w] !== null) expect(codes[w], r.stderr()).toBe(0);
      });
      const acknowledged = new Set(runs.flatMap((r) => acknowledgedOf(r.lines())));
      const totals = checkInvariants(path, acknowledged);
      const finished = runs.filter((r) => r.lines().includes('done')).length;
      expect(finished).toBeGreaterThanOrEqual(WRITERS - victims.size);
      expect(totals.invoices).toBeGreaterThan(50);
      expect(runs.flatMap((r) => r.lines()).some((l) => l.startsWith('retry'))).toBe(true);
    } finally {
      for (const b of burners) b.kill('SIGKILL');
    }
  }, 90_000);
});
