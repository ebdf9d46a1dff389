/**
 * Shared setup of the reconciliation tests: a ledger (memory or SQLite on a real temp file)
 * holding transmitted FSE lots of fictitious invoices (test/ledger/fixtures.ts data).
 */
import type { PlainDate } from '../../../src/core/date/index';
import { fromCentimes } from '../../../src/core/money/index';
import type { LedgerInvoice, LedgerStore } from '../../../src/ledger/index';
import { createMemoryLedger } from '../../../src/ledger/index';
import { createSqliteLedger } from '../../../src/ledger/sqlite/index';
import { expectOk } from '../../helpers/expectIssue';
import { dreDraft, nthCare, PS1 } from '../../ledger/fixtures';
import { createTempDir } from '../../ledger/tempDb';

export { PS1 };

/** A deterministic clock (never the wall clock). */
export function fixedClock(at = '2025-03-11T09:00:00.000Z'): () => string {
  return () => at;
}

/** The two ledgers under test, each with a teardown. */
export const LEDGERS: readonly { name: string; open: () => Promise<{ ledger: LedgerStore; close: () => Promise<void> }> }[] = [
  { name: 'memory', open: async () => { const ledger = createMemoryLedger({ clock: fixedClock() }); return { ledger, close: () => ledger.close() }; } },
  {
    name: 'sqlite',
    open: async () => {
      const tmp = createTempDir('sesam-reconcile-');
      const ledger = await createSqliteLedger({ path: tmp.path('ledger.sqlite'), clock: fixedClock() });
      return { ledger, close: async () => { await ledger.close(); tmp.remove(); } };
    },
  },
];

/**
 * Records `n` invoices (every third one with an AMC part in tiers payant), puts them in one FSE
 * lot of one file and marks the file transmitted.
 *
 * @returns The invoices (as recorded) and the file id.
 */
export async function seedTransmitted(ledger: LedgerStore, n: number, amounts: readonly number[] = []): Promise<{ invoices: LedgerInvoice[]; fileId: string }> {
  const invoices: LedgerInvoice[] = [];
  for (let i = 0; i < n; i++) {
    const amo = fromCentimes(amounts[i] ?? 2000 + 100 * i);
    const base = { dateFacturation: '2025-03-10' as PlainDate, montants: { total: fromCentimes(amo.centimes + 1000), amo, amc: fromCentimes(900), patient: fromCentimes(100) } };
    const d = i % 3 === 2 ? dreDraft({ ...nthCare(i + 60), ...base, amc: { destinataire: 'AMC77', tiersPayant: true } }) : nthCare(i + 60, base);
    invoices.push(expectOk(await ledger.recordInvoice({ ...d, at: '2025-03-10T08:00:00.000Z' })));
  }
  const fileId = await ledger.allocateFileId();
  expectOk(await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: invoices.map((i) => i.id), fileId, at: '2025-03-10T18:00:00.000Z' }));
  const dre = invoices.filter((i) => i.amc?.tiersPayant);
  if (dre.length > 0) expectOk(await ledger.createLot({ ps: PS1, destinataire: 'AMC77', kind: 'dre', invoiceIds: dre.map((i) => i.id), fileId, at: '2025-03-10T18:00:00.000Z' }));
  expectOk(await ledger.markTransmitted({ fileId }, { at: '2025-03-10T18:05:00.000Z' }));
  return { invoices, fileId };
}
