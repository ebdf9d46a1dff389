import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createMemoryLedger } from '../../src/ledger/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { markFilesTransmitted, numberAndLot } from '../../src/fse/ledgerFlow';
import type { Fse } from '../../src/fse/model';
import { plainDate, addDays } from '../../src/core/date/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { baseDre, baseFse } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The base FSE on another day (a different care, so no duplicate). */
function onDay(k: number): Fse {
  const f = baseFse();
  const date = addDays(plainDate('2025-01-01'), k);
  return { ...f, identification: { ...f.identification, dateFacturation: plainDate('2025-03-10') }, lignes: f.lignes.map((l) => ({ ...l, date })) };
}

describe('numberAndLot', () => {
  it('numbers, lots FSE per organisme destinataire and DRE per AMC, then transmits', async () => {
    const store = createMemoryLedger({ clock: () => '2025-03-10T12:00:00Z' });
    const items = Array.from({ length: 5 }, (_, k) => {
      const fse = onDay(k);
      return { fse, dre: { ...baseDre(), fse } };
    });
    const r = expectOk(await numberAndLot(store, items, { maxPerLot: 2 }));
    expect(r.rejected).toEqual([]);
    expect(r.numbered.map((n) => n.fse.identification.numeroFacture)).toEqual([1, 2, 3, 4, 5]);
    expect(r.files.map((f) => [f.kind, f.destinataire, f.lots.map((l) => l.documents.length)])).toEqual([
      ['fse', '751', [2, 2, 1]],
      ['dre', '12345678', [2, 2, 1]],
    ]);
    expect(new Set(r.files.map((f) => f.fileId)).size).toBe(2);
    const inv = await store.getInvoice(r.numbered[0]!.invoice.id);
    expect(inv?.parts.amo.state).toBe('en_lot');
    expect(inv?.parts.amc?.state).toBe('en_lot');
    expectOk(await markFilesTransmitted(store, r.files));
    const after = await store.getInvoice(r.numbered[0]!.invoice.id);
    expect(after?.parts.amo.state).toBe('transmise');
    expect(after?.parts.amc?.state).toBe('transmise');
  });

  it('surfaces the ledger duplicate issue pointing at the first invoice', async () => {
    const store = createMemoryLedger();
    expectOk(await numberAndLot(store, [{ fse: baseFse() }]));
    const again = expectOk(await numberAndLot(store, [{ fse: onDay(3) }, { fse: baseFse() }]));
    expect(again.rejected.map((x) => x.index)).toEqual([1]);
    const dup = expectIssue(again.rejected[0]!.issues, 'LEDGER_DUPLICATE', ['items', 1]);
    expect(dup.received).toBe('000000001');
    expect(again.numbered).toHaveLength(1);
  });

  it('works on the real SQLite adapter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fse-ledger-'));
    try {
      const store = await createSqliteLedger({ path: join(dir, 'ledger.sqlite') });
      const r = expectOk(await numberAndLot(store, [{ fse: onDay(1), dre: baseDre() }], { maxPerLot: 10 }));
      expect(r.files).toHaveLength(2);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('properties', () => {
  test.prop([fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 7 })], { numRuns: 20 })('every numbered invoice is in exactly one lot of size ≤ max', async (n, max) => {
    const store = createMemoryLedger();
    const r = expectOk(await numberAndLot(store, Array.from({ length: n }, (_, k) => ({ fse: onDay(k) })), { maxPerLot: max }));
    const ids = r.files.flatMap((f) => f.lots.flatMap((l) => l.lot.invoiceIds));
    expect(ids.sort()).toEqual(r.numbered.map((x) => x.invoice.id).sort());
    for (const f of r.files) for (const l of f.lots) expect(l.documents.length).toBeLessThanOrEqual(max);
  });
});
