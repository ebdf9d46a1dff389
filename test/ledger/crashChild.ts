/**
 * Child process of the crash tests (crash.test.ts on SQLite, pgCrash.test.ts on PostgreSQL):
 * numbers and lots batches of invoices (`recordBatch`, one transaction each) in a loop, until the parent SIGKILLs it or, with a
 * round count, until it is done (`done`). After each commit it acknowledges on stdout
 * (`inv <ps> <numero>`, `lot <id>`), written synchronously so an acknowledgement is never printed
 * for work that was not committed. A store error (the parent's injected error, a busy database
 * or a PostgreSQL conflict) is retried with the SAME batch: it must then be numbered whole, never refused as a
 * duplicate of itself (the child exits with an error if that happens).
 * Usage: node crashChild sqlite <db path> <seed> [<writer 0-99> <rounds>]
 *        node crashChild postgres <connection string>#<practice> <seed> [<writer 0-99> <rounds>]
 */
import { writeSync } from 'node:fs';
import { isSesamError } from '../../src/core/issues/index';
import type { PlainDate } from '../../src/core/date/index';
import type { InvoiceDraft, LedgerStore } from '../../src/ledger/index';
import { createPostgresLedger } from '../../src/ledger/postgres/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { nthCare, PS1, PS2, withNirKey } from './fixtures';

const [store, target, seedText, writerText, roundsText] = process.argv.slice(2);
if ((store !== 'sqlite' && store !== 'postgres') || target === undefined) throw new Error('usage: crashChild sqlite|postgres <target> <seed> [<writer> <rounds>]');
const runSeed = Number(seedText ?? 1) || 1;
let seed = runSeed;
// Hint: Math.imul keeps the LCG exact (a float product past 2^53 rounds, and the sequence collapses).
const random = (n: number): number => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
  return seed % n;
};
const say = (line: string): void => void writeSync(1, `${line}\n`);
const writer = Number(writerText ?? 0);
const rounds = roundsText === undefined ? Infinity : Number(roundsText);
// Each writer bills its own fictitious patient (born 1985-07, like its NIR says), so cares of
// different writers never collide; within a writer, a care counter never repeats.
const beneficiaire = { nir: withNirKey(`1850775123${String(100 + writer).slice(-3)}`), dateNaissance: '1985-07-01' as PlainDate };

async function open(): Promise<LedgerStore> {
  if (store === 'sqlite') return createSqliteLedger({ path: target as string, busyBackoffMs: 10 });
  const cut = (target as string).lastIndexOf('#');
  return createPostgresLedger({ connectionString: (target as string).slice(0, cut), practice: (target as string).slice(cut + 1), poolSize: 2, conflictRetries: 20 });
}
const ledger = await open();
say('ready');
// A range of cares of its own per run (the parent gives every run a distinct seed): a killed run's
// cares stay billed, and a later run must never bill them again by chance.
let care = 1 + runSeed * 1_000_000;
for (let round = 0; round < rounds; round++) {
  const drafts: InvoiceDraft[] = [];
  const size = 1 + random(6);
  for (let k = 0; k < size; k++) {
    const ps = random(2) === 0 ? PS1 : PS2;
    const n = care++;
    // Care n: day n % 20 000 after 2025-01-01, act code varying with n / 20 000 (always a new care).
    const base = nthCare(n % 20_000, { ps, beneficiaire, actes: ['G', `C${Math.floor(n / 20_000)}`] });
    drafts.push(random(3) === 0 ? { ...base, amc: { destinataire: 'AMC77', tiersPayant: true } } : base);
  }
  for (;;) {
    try {
      const r = await ledger.recordBatch(drafts, { maxPerLot: 1 + random(4) });
      if (!r.ok) throw new Error(r.issues[0].message);
      if (r.value.rejected.length > 0) throw new Error(`refused on retry: ${r.value.rejected[0]?.issues[0]?.code}`);
      for (const x of r.value.numbered) say(`inv ${x.invoice.ps} ${x.invoice.numero}`);
      for (const f of r.value.files) for (const l of f.lots) say(`lot ${l.lot.id}`);
      break;
    } catch (e) {
      if (!isSesamError(e) || (e.code !== 'STORE' && e.code !== 'STORE_BUSY')) throw e;
      say(`retry ${e.code}`);
    }
  }
  if (random(3) === 0) {
    const lots = await ledger.listLots({ transmitted: false });
    const mine = lots.slice(0, 2).map((l) => l.id);
    if (mine.length > 0) {
      try {
        await ledger.markTransmitted({ lotIds: mine });
      } catch (e) {
        if (!isSesamError(e)) throw e;
      }
    }
  }
}
say('done');
await ledger.close();
