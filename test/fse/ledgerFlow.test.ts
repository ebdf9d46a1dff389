import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { LedgerStore } from '../../src/ledger/index';
import { rebuildFile, secureNumbered, serializeLottedFile } from '../../src/fse/ledgerFile';
import type { B2Emitter } from '../../src/fse/b2/buildFile';
import { createSoftwareSecurer } from './helpers/softwareSecurer';
import { runs } from '../helpers/runs';
import { fc, test } from '@fast-check/vitest';
import { createMemoryLedger } from '../../src/ledger/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { invoiceDraftOf, markFilesTransmitted, numberAndLot } from '../../src/fse/ledgerFlow';
import type { Fse } from '../../src/fse/model';
import { plainDate, addDays } from '../../src/core/date/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { baseDre, baseFse } from './fixtures';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
    expectOk(await markFilesTransmitted(store, r.files, { at: '2025-03-10T18:30:00+01:00' }));
    const after = await store.getInvoice(r.numbered[0]!.invoice.id);
    expect(after?.parts.amo.state).toBe('transmise');
    expect(after?.parts.amo.transmittedAt).toBe('2025-03-10T18:30:00+01:00');
    expect(after?.parts.amc?.state).toBe('transmise');
  });

  it('takes instants as { at } options; the 0.2 positional at still works (deprecated)', async () => {
    expect(expectOk(invoiceDraftOf(onDay(1), undefined, { at: '2025-03-10T18:00:00+01:00' })).at).toBe('2025-03-10T18:00:00+01:00');
    expect(expectOk(invoiceDraftOf(onDay(1), undefined, '2025-03-10T18:00:00+01:00')).at).toBe('2025-03-10T18:00:00+01:00');
    expect(expectOk(invoiceDraftOf(onDay(1))).at).toBeUndefined();
    expectIssue(invoiceDraftOf(onDay(1), undefined, { at: 1 } as never), 'INPUT_TYPE', ['options', 'at']);
    const store = createMemoryLedger({ clock: () => '2025-03-10T20:00:00Z' });
    const r = expectOk(await numberAndLot(store, [{ fse: onDay(1) }]));
    expectOk(await markFilesTransmitted(store, r.files, '2025-03-10T18:45:00+01:00'));
    expect((await store.getInvoice(r.numbered[0]!.invoice.id))?.parts.amo.transmittedAt).toBe('2025-03-10T18:45:00+01:00');
    expectIssue(await markFilesTransmitted(store, r.files, { at: [] } as never), 'INPUT_TYPE', ['options', 'at']);
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
  test.prop([fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 7 })], { numRuns: runs(20) })('every numbered invoice is in exactly one lot of size ≤ max', async (n, max) => {
    const store = createMemoryLedger();
    const r = expectOk(await numberAndLot(store, Array.from({ length: n }, (_, k) => ({ fse: onDay(k) })), { maxPerLot: max }));
    const ids = r.files.flatMap((f) => f.lots.flatMap((l) => l.lot.invoiceIds));
    expect(ids.sort()).toEqual(r.numbered.map((x) => x.invoice.id).sort());
    for (const f of r.files) for (const l of f.lots) expect(l.documents.length).toBeLessThanOrEqual(max);
  });
});

describe('number → secure → serialize, rebuildFile', () => {
  const securer = createSoftwareSecurer();
  const emitter: B2Emitter = { dateCreation: plainDate('2025-03-10'), marquage: 'T', numeroAgrement: 'AGR123' };
  const AT = '2025-03-10T18:00:00Z';
  const sqliteDir = mkdtempSync(join(tmpdir(), 'fse-ledger-file-'));
  afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));
  let n = 0;
  const stores: Record<string, () => Promise<LedgerStore>> = {
    memory: async () => createMemoryLedger({ clock: () => AT }),
    sqlite: async () => createSqliteLedger({ path: join(sqliteDir, `l${++n}.sqlite`), clock: () => AT }),
  };

  describe.each(Object.keys(stores))('%s store', (name) => {
    it('refuses to write unsecured invoices, writes secured ones and rebuilds them byte for byte', async () => {
      const store = await stores[name]!();
      const items = Array.from({ length: 3 }, (_, k) => ({ fse: onDay(k), dre: { ...baseDre(), fse: onDay(k) } }));
      const lotted = expectOk(await numberAndLot(store, items, { maxPerLot: 2 }));
      const file = lotted.files[0]!;
      expectIssue(await serializeLottedFile(store, file, emitter), 'LEDGER_NOT_SECURED', ['lots', 0, 'invoiceIds', 0]);
      const secured = expectOk(await secureNumbered(store, lotted.files, securer, { ...emitter, at: AT }));
      expect(secured).toHaveLength(6);
      const again = expectOk(await secureNumbered(store, lotted.files, securer, { ...emitter, at: AT }));
      expect(again.every((s) => s.reused)).toBe(true);
      const stored = await store.getSecuring(lotted.numbered[0]!.invoice.id, 'fse');
      expect(stored).toMatchObject({ kind: 'fse', mode: 'S', securerId: 'software-test', format: 'vendor' });
      expect(stored?.securedBytes.length).toBeGreaterThan(0);
      expect(securer.verify(stored!.securedBytes, stored!.signature)).toBe(true);
      for (const f of lotted.files) {
        const first = expectOk(await serializeLottedFile(store, f, emitter));
        expect(first.length % 128).toBe(0);
        expect(expectOk(await rebuildFile(store, f.fileId))).toEqual(first);
        // The first parameters win: a later write with other parameters gives the first bytes.
        expect(expectOk(await serializeLottedFile(store, f, { ...emitter, marquage: 'R' }))).toEqual(first);
      }
      expectIssue(await rebuildFile(store, '999999'), 'LEDGER_UNKNOWN_FILE', ['fileId']);
      expectIssue(await rebuildFile(store, 'x' as never), 'INPUT_TYPE', ['fileId']);
      await store.close();
    });
  });

  it('keeps the certificate id a Securer names', async () => {
    const store = createMemoryLedger({ clock: () => AT });
    const naming = { id: 'cps', secure: async (req: Parameters<typeof securer.secure>[0]) => ({ ...(await securer.secure(req)), certificateId: 'CPS-0042' }) };
    const lotted = expectOk(await numberAndLot(store, [{ fse: onDay(1) }]));
    expectOk(await secureNumbered(store, lotted.files, naming, { ...emitter, at: AT }));
    expect((await store.getSecuring(lotted.numbered[0]!.invoice.id, 'fse'))?.certificateId).toBe('CPS-0042');
  });

  test.prop([fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('memory', 'sqlite')], { numRuns: runs(12) })(
    'rebuildFile gives the first write, byte for byte, on both stores',
    async (count, max, name) => {
      const store = await stores[name]!();
      const items = Array.from({ length: count }, (_, k) => ({ fse: onDay(k), ...(k % 2 === 0 ? { dre: { ...baseDre(), fse: onDay(k) } } : {}) }));
      const lotted = expectOk(await numberAndLot(store, items, { maxPerLot: max }));
      expectOk(await secureNumbered(store, lotted.files, securer, { ...emitter, at: AT }));
      for (const f of lotted.files) {
        const first = expectOk(await serializeLottedFile(store, f, emitter));
        expect(expectOk(await rebuildFile(store, f.fileId))).toEqual(first);
      }
      await store.close();
    },
  );
});

describe('numberAndLot is all or nothing (injected store errors)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fse-ledger-atomic-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const items = Array.from({ length: 5 }, (_, k) => ({ fse: onDay(k), dre: { ...baseDre(), fse: onDay(k) } }));

  it('a store error in the middle of a batch numbers nothing; the retry numbers and lots it whole', async () => {
    const path = join(dir, 'mid.sqlite');
    const store = await createSqliteLedger({ path });
    // A real SQLite error raised while the DRE lot is inserted, after the invoices and the FSE lot.
    const admin = new Database(path);
    admin.exec(`CREATE TRIGGER inject BEFORE INSERT ON lots WHEN NEW.kind = 'dre' BEGIN SELECT RAISE(ABORT, 'injected store error'); END`);
    await expect(numberAndLot(store, items)).rejects.toMatchObject({ code: 'STORE' });
    expect(await store.listInvoices()).toEqual([]);
    expect(await store.peekInvoiceNumber(items[0]!.fse.ps.numeroFacturation)).toBe(1);
    admin.exec('DROP TRIGGER inject');
    const r = expectOk(await numberAndLot(store, items));
    expect(r.rejected).toEqual([]);
    expect(r.numbered.map((x) => x.invoice.numero)).toEqual([1, 2, 3, 4, 5]);
    const all = await store.listInvoices();
    expect(all.every((i) => i.parts.amo.state === 'en_lot' && i.parts.amc?.state === 'en_lot')).toBe(true);
    admin.close();
    await store.close();
  });

  it('a busy database gives the retryable STORE_BUSY after bounded retries, with nothing written', async () => {
    const path = join(dir, 'busy.sqlite');
    const store = await createSqliteLedger({ path, busyTimeoutMs: 20, busyRetries: 2, busyBackoffMs: 5 });
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    await expect(numberAndLot(store, items)).rejects.toMatchObject({ code: 'STORE_BUSY' });
    holder.exec('ROLLBACK');
    expect(await store.listInvoices()).toEqual([]);
    const r = expectOk(await numberAndLot(store, items));
    expect(r.numbered).toHaveLength(5);
    holder.close();
    await store.close();
  });

  it('refuses junk options instead of creating files named after them', async () => {
    for (const junk of [undefined, null, 'x', 42, {}, { path: '' }, { path: ' ' }, { path: 'a\u0000b' }, { path: join(dir, 'ok.sqlite'), busyRetries: -1 }]) {
      await expect(createSqliteLedger(junk as never)).rejects.toMatchObject({ code: 'ASSERTION' });
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('ok'))).toEqual([]);
  });
});
