/**
 * PostgreSQL ledger bench (issue #14): invoices recorded per second by `recordInvoice` (one
 * transaction: counter row lock, duplicate check, number, invoice, parts, history) against a
 * baseline of raw single-row `INSERT`s (autocommit) on the same throwaway server (fsync on), in
 * the same run, with 1 and 16 workers (16 workers: each its own connection; for the ledger each
 * worker bills its own PS of its own practice, then all 16 bill ONE PS, serialized by its lock).
 */
import pg from 'pg';
import type { PlainDate } from '../src/core/date/index';
import { fromCentimes } from '../src/core/money/index';
import type { InvoiceDraft } from '../src/ledger/index';
import { createPostgresLedger } from '../src/ledger/postgres/index';
import { pgSkipReason, startPgServer } from '../test/ledger/pgServer';
import type { Rate } from './harness';
import { report } from './harness';

const MS = 3000;

async function rate(name: string, workers: number, op: (w: number, i: number) => Promise<unknown>): Promise<Rate> {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(MS) * 1_000_000n;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; process.hrtime.bigint() < end; i++) {
        await op(w, i);
        n++;
      }
    }),
  );
  return { name, perSecond: n / (Number(process.hrtime.bigint() - start) / 1e9) };
}

function draft(ps: string, i: number, w: number): InvoiceDraft {
  const day = new Date(Date.UTC(2000, 0, 1) + (i % 9000) * 86_400_000).toISOString().slice(0, 10) as PlainDate;
  return {
    ps,
    beneficiaire: { nir: '185077512345678', rang: 1 + (Math.floor(i / 9000) % 9), dateNaissance: '1985-07-01' as PlainDate },
    dateSoins: day,
    actes: ['G', `K${w}`],
    dateFacturation: day,
    montants: { total: fromCentimes(3000), amo: fromCentimes(2000), amc: fromCentimes(900), patient: fromCentimes(100) },
    destinataireAmo: '01751',
    securisation: 'S',
    payload: '{"fse":"…"}',
  };
}

export default async function (): Promise<void> {
  const skip = pgSkipReason();
  if (skip !== undefined) return void console.log(`  skipped: ${skip}`);
  const server = await startPgServer({ durable: true });
  const pool = new pg.Pool({ connectionString: server.connectionString, max: 17 });
  pool.on('error', () => undefined);
  try {
    await pool.query('CREATE TABLE t (id bigserial PRIMARY KEY, ps text, numero int, care_key text, amount bigint, payload text)');
    const clock = () => '2025-03-10T09:00:00.000Z';
    for (const workers of [1, 16]) {
      const raw = await rate(`raw INSERT, autocommit, ${workers} worker(s)`, workers, (w, i) =>
        pool.query('INSERT INTO t (ps, numero, care_key, amount, payload) VALUES ($1, $2, $3, $4, $5)', [`99${w}`, i, `key${w}-${i}`, 3000, '{"fse":"…"}']));
      const own = await Promise.all(Array.from({ length: workers }, (_, w) => createPostgresLedger({ pool, practice: `bench-${workers}-${w}`, clock })));
      const mine = await rate(`ledger.recordInvoice, ${workers} worker(s), a PS each`, workers, async (w, i) => {
        const r = await own[w]?.recordInvoice(draft('991234567', i, w));
        if (r !== undefined && !r.ok) throw new Error(r.issues[0].message);
      });
      const rates = [raw, mine];
      if (workers > 1) {
        const shared = await createPostgresLedger({ pool, practice: `bench-shared`, clock, conflictRetries: 50 });
        rates.push(await rate(`ledger.recordInvoice, ${workers} workers, one PS`, workers, async (w, i) => {
          const r = await shared.recordInvoice(draft('992345678', i, w));
          if (!r.ok) throw new Error(r.issues[0].message);
        }));
      }
      console.log(`  -- ${workers} worker(s)`);
      report(rates, 'invoices/s');
    }
  } finally {
    await pool.end();
    await server.stop();
  }
}
