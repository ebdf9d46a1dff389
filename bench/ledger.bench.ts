/**
 * Ledger bench: invoices recorded per second in SQLite (WAL, one transaction per operation:
 * duplicate check + number + invoice + parts + history), against a baseline of raw
 * better-sqlite3 single-row inserts, one transaction each, in the same run and the same
 * durability mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PlainDate } from '../src/core/date/index';
import { fromCentimes } from '../src/core/money/index';
import type { InvoiceDraft } from '../src/ledger/index';
import { createSqliteLedger } from '../src/ledger/sqlite/index';
import type { Rate } from './harness';
import { report } from './harness';

const MS = 1500;

async function rate(name: string, op: (i: number) => unknown): Promise<Rate> {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(MS) * 1_000_000n;
  while (process.hrtime.bigint() < end) await op(n++);
  return { name, perSecond: n / (Number(process.hrtime.bigint() - start) / 1e9) };
}

function draft(i: number): InvoiceDraft {
  const day = new Date(Date.UTC(2000, 0, 1) + (i % 9000) * 86_400_000).toISOString().slice(0, 10) as PlainDate;
  return {
    ps: '991234567',
    beneficiaire: { nir: '1850775123456', rang: 1 + (Math.floor(i / 9000) % 9), dateNaissance: '1985-07-01' as PlainDate },
    dateSoins: day,
    actes: ['G', String(Math.floor(i / 81_000))].map((a) => (a === '0' ? 'MEG' : `K${a}`)),
    dateFacturation: day,
    montants: { total: fromCentimes(3000), amo: fromCentimes(2000), amc: fromCentimes(900), patient: fromCentimes(100) },
    destinataireAmo: '01751',
    securisation: 'S',
    payload: '{"fse":"…"}',
  };
}

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sesam-ledger-bench-'));
  try {
    for (const synchronous of ['NORMAL', 'FULL'] as const) {
      const raw = new Database(join(dir, `raw-${synchronous}.sqlite`));
      raw.pragma('journal_mode = WAL');
      raw.pragma(`synchronous = ${synchronous}`);
      raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, ps TEXT, numero INTEGER, care_key TEXT, amount INTEGER, payload TEXT) STRICT');
      const insert = raw.prepare('INSERT INTO t (ps, numero, care_key, amount, payload) VALUES (?, ?, ?, ?, ?)');
      const tx = raw.transaction((i: number) => insert.run('991234567', i, `key${i}`, 3000, '{"fse":"…"}'));
      const baseline = await rate(`raw better-sqlite3 insert, 1 tx/op (synchronous=${synchronous})`, (i) => tx.immediate(i));
      raw.close();
      const ledger = await createSqliteLedger({ path: join(dir, `ledger-${synchronous}.sqlite`), synchronous, clock: () => '2025-03-10T09:00:00.000Z' });
      const recorded = await rate(`ledger.recordInvoice (synchronous=${synchronous})`, async (i) => {
        const r = await ledger.recordInvoice(draft(i));
        if (!r.ok) throw new Error(r.issues[0].message);
      });
      await ledger.close();
      console.log(`  -- synchronous=${synchronous}`);
      report([baseline, recorded], 'invoices/s');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
