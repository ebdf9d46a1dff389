/**
 * Crash safety of the PostgreSQL ledger (issue #14), as crash.test.ts for SQLite: children
 * number and lot batches (`recordBatch`, one transaction each) against a throwaway PostgreSQL
 * while
 * - the test SIGKILLs them at random points, 100 times at full scale (two lanes of runs(50), one practice each);
 * - a real PostgreSQL error is injected at random while lots are inserted (a trigger raising an
 *   exception after the batch's invoices were inserted): the child retries the same batch;
 * - 8 writers share one practice, two of them SIGKILLed.
 * After every run the test proves, straight from the database: numbers are contiguous 1..n per
 * PS and each used once, the counter equals n, every acknowledged number is there, no invoice
 * is numbered but unlotted, no care is billed twice, every lot is whole, and the two practices
 * never see each other's rows.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresLedger } from '../../src/ledger/postgres/index';
import { acknowledgedOf, createCrashHarness, sleep } from './crashHarness';
import { PS1, PS2 } from './fixtures';
import type { PgServer } from './pgServer';
import { pgSkipReason, startPgServer } from './pgServer';
import { runs } from '../helpers/runs';

/** 50 at full scale (SESAM_PROP_SCALE scales it: 13 at 0.25 on the secondary Node versions). */
const KILLS_PER_LANE = runs(50);
const WRITERS = 8;
const S = 'sesam_ledger';
const skip = pgSkipReason();
const harness = createCrashHarness('postgres', 20_251_202);
const { random } = harness;

describe.skipIf(skip !== undefined)('PostgreSQL crash safety (SIGKILL, injected errors, 8 writers)', () => {
  let server: PgServer;
  let pool: pg.Pool;
  beforeAll(async () => {
    server = await startPgServer();
    pool = new pg.Pool({ connectionString: server.connectionString, max: 4 });
    pool.on('error', () => undefined);
    await (await createPostgresLedger({ pool })).close();
    // 1 lot insert in 10 fails with a real PostgreSQL error (P0001), after the batch's invoices.
    await pool.query(`CREATE FUNCTION ${S}.inject() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF random() < 0.1 THEN RAISE EXCEPTION 'injected store error'; END IF; RETURN NEW; END $$`);
    await pool.query(`CREATE TRIGGER inject_store_error BEFORE INSERT ON ${S}.lots FOR EACH ROW EXECUTE FUNCTION ${S}.inject()`);
    await harness.prepare();
  });
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
    harness.cleanup();
  });

  const target = (practice: string): string => `${server.connectionString}#${practice}`;
  const start = (practice: string, extra: readonly string[] = []) => harness.start(target(practice), extra);
  const runAndKill = (practice: string): Promise<string[]> => harness.runAndKill(target(practice), 300);

  const count = async (sql: string, values: unknown[]): Promise<number> => Number((await pool.query(sql, values)).rows[0]?.n ?? 0);

  async function checkInvariants(practice: string, acknowledged: ReadonlySet<string>): Promise<{ invoices: number; lots: number; dre: number }> {
    for (const ps of [PS1, PS2]) {
      const numbers = (await pool.query(`SELECT numero FROM ${S}.invoices WHERE practice = $1 AND ps = $2 ORDER BY numero`, [practice, ps])).rows.map((r) => Number(r.numero));
      expect(numbers).toEqual(numbers.map((_, k) => k + 1));
      expect(await count(`SELECT COALESCE(MAX(last), 0) AS n FROM ${S}.counters WHERE practice = $1 AND scope = $2`, [practice, `invoice:${ps}`])).toBe(numbers.length);
      const lots = await count(`SELECT COUNT(*) AS n FROM ${S}.lots WHERE practice = $1 AND ps = $2`, [practice, ps]);
      expect(await count(`SELECT COALESCE(MAX(last), 0) AS n FROM ${S}.counters WHERE practice = $1 AND scope = $2`, [practice, `lot:${ps}`])).toBe(lots === 0 ? 0 : ((lots - 1) % 999) + 1);
    }
    const acked = (await pool.query(`SELECT ps || ' ' || numero AS k FROM ${S}.invoices WHERE practice = $1`, [practice])).rows.map((r) => `inv ${String(r.k)}`);
    const lotIds = (await pool.query(`SELECT id FROM ${S}.lots WHERE practice = $1`, [practice])).rows.map((r) => `lot ${String(r.id)}`);
    const present = new Set([...acked, ...lotIds]);
    for (const line of acknowledged) expect(present.has(line), line).toBe(true);
    const p = [practice];
    expect(await count(`SELECT COUNT(*) AS n FROM ${S}.invoice_parts x JOIN ${S}.invoices i ON i.id = x.invoice_id WHERE i.practice = $1 AND (x.state = 'a_emettre' OR x.lot_id IS NULL)`, p)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM (SELECT care_key FROM ${S}.invoices WHERE practice = $1 GROUP BY care_key HAVING COUNT(*) > 1) d`, p)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM ${S}.lots l WHERE l.practice = $1 AND NOT EXISTS (SELECT 1 FROM ${S}.lot_invoices li WHERE li.lot_id = l.id)`, p)).toBe(0);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM ${S}.lot_invoices li JOIN ${S}.lots l ON l.id = li.lot_id
         LEFT JOIN ${S}.invoice_parts x ON x.invoice_id = li.invoice_id AND x.part = CASE l.kind WHEN 'dre' THEN 'amc' ELSE 'amo' END
         LEFT JOIN ${S}.invoices i ON i.id = li.invoice_id
         WHERE l.practice = $1 AND (x.lot_id IS DISTINCT FROM li.lot_id OR x.state NOT IN ('en_lot', 'transmise') OR i.practice IS DISTINCT FROM $1)`,
        p,
      ),
    ).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM ${S}.history WHERE practice = $1 AND event = 'mise_en_lot'`, p)).toBe(
      await count(`SELECT COUNT(*) AS n FROM ${S}.lot_invoices li JOIN ${S}.lots l ON l.id = li.lot_id WHERE l.practice = $1`, p),
    );
    expect(await count(`SELECT COUNT(*) AS n FROM ${S}.invoices i WHERE i.practice = $1 AND NOT EXISTS (SELECT 1 FROM ${S}.history h WHERE h.invoice_id = i.id AND h.event = 'creation' AND h.practice = $1)`, p)).toBe(0);
    return {
      invoices: await count(`SELECT COUNT(*) AS n FROM ${S}.invoices WHERE practice = $1`, p),
      lots: await count(`SELECT COUNT(*) AS n FROM ${S}.lots WHERE practice = $1`, p),
      dre: await count(`SELECT COUNT(*) AS n FROM ${S}.lots WHERE practice = $1 AND kind = 'dre'`, p),
    };
  }

  it(`loses and doubles no number, lots every numbered invoice, over ${KILLS_PER_LANE * 2} kills and injected errors`, async () => {
    const lane = async (practice: string) => {
      const acknowledged = new Set<string>();
      let totals = { invoices: 0, lots: 0, dre: 0 };
      let retries = 0;
      for (let k = 0; k < KILLS_PER_LANE; k++) {
        const lines = await runAndKill(practice);
        retries += lines.filter((l) => l.startsWith('retry')).length;
        for (const line of acknowledgedOf(lines)) acknowledged.add(line);
        totals = await checkInvariants(practice, acknowledged);
      }
      return { ...totals, retries };
    };
    const [a, b] = await Promise.all([lane('lane-a'), lane('lane-b')]);
    expect(a.invoices + b.invoices).toBeGreaterThan(2 * KILLS_PER_LANE);
    expect(a.lots + b.lots).toBeGreaterThan((2 * KILLS_PER_LANE) / 5);
    expect(a.dre + b.dre).toBeGreaterThan(0);
    expect(a.retries + b.retries).toBeGreaterThan(0);
  }, 300_000);

  it(`${WRITERS} concurrent writers on one practice, with injected errors and 2 SIGKILLs`, async () => {
    const runs = Array.from({ length: WRITERS }, (_, w) => start('writers', [String(w), '25']));
    const victims = new Set([random(WRITERS), random(WRITERS)]);
    await sleep(500 + random(1000));
    for (const v of victims) runs[v]?.child.kill('SIGKILL');
    const codes = await Promise.all(runs.map((r) => r.exited));
    runs.forEach((r, w) => {
      if (!victims.has(w) || codes[w] !== null) expect(codes[w], r.stderr()).toBe(0);
    });
    const totals = await checkInvariants('writers', new Set(runs.flatMap((r) => acknowledgedOf(r.lines()))));
    expect(runs.filter((r) => r.lines().includes('done')).length).toBeGreaterThanOrEqual(WRITERS - victims.size);
    expect(totals.invoices).toBeGreaterThan(50);
  }, 180_000);
});
