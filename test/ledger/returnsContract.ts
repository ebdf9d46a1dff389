/**
 * The returns part of the LedgerStore contract (`ReturnsLedger`): recorded returns are listed,
 * a recorded return can be re-applied with an audit record, and re-applying is idempotent.
 * Run by `describeLedgerContract` for every adapter (memory, SQLite).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromCentimes } from '../../src/core/money/index';
import type { LedgerInvoice, LedgerStore, PartEventInput } from '../../src/ledger/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { nthCare, PS1 } from './fixtures';

const T = (n: number): string => `2025-04-${String(10 + n).padStart(2, '0')}T09:00:00.000Z`;

/**
 * Declares the returns contract tests for a store factory.
 *
 * @param name - Adapter name.
 * @param open - Opens a fresh empty store.
 */
export function describeReturnsContract(name: string, open: () => Promise<LedgerStore>): void {
  describe(`LedgerStore returns contract: ${name}`, () => {
    let ledger: LedgerStore;
    beforeEach(async () => {
      ledger = await open();
    });
    afterEach(async () => {
      await ledger.close();
    });

    const transmitted = async (n: number): Promise<LedgerInvoice[]> => {
      const invoices: LedgerInvoice[] = [];
      for (let k = 0; k < n; k++) invoices.push(expectOk(await ledger.recordInvoice(nthCare(k))));
      const lot = expectOk(await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: invoices.map((i) => i.id), at: T(0) }));
      expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: T(1) }));
      return invoices;
    };

    it('lists recorded returns in recording order, with prefix and paging', async () => {
      const [a] = await transmitted(1);
      expectOk(await ledger.applyReturn({ sourceId: 'arl:1', events: [{ invoiceId: a!.id, part: 'amo', event: 'arl_positif' }], at: T(2) }));
      expectOk(await ledger.applyReturn({ sourceId: 'noemie:1', events: [{ invoiceId: a!.id, part: 'amo', event: 'paiement', amount: fromCentimes(2000) }], at: T(3) }));
      expectOk(await ledger.applyReturn({ sourceId: 'noemie:0', events: [], at: T(4) }));
      expect(await ledger.listProcessedReturns()).toEqual([
        { sourceId: 'arl:1', at: T(2), historyEntries: 1, audits: 0 },
        { sourceId: 'noemie:1', at: T(3), historyEntries: 1, audits: 0 },
        { sourceId: 'noemie:0', at: T(4), historyEntries: 0, audits: 0 },
      ]);
      expect((await ledger.listProcessedReturns({ sourceIdPrefix: 'noemie:' })).map((r) => r.sourceId)).toEqual(['noemie:1', 'noemie:0']);
      expect((await ledger.listProcessedReturns({ offset: 1, limit: 1 })).map((r) => r.sourceId)).toEqual(['noemie:1']);
    });

    it('re-applies only what a recorded return has not applied yet, once, with an audit record', async () => {
      const [a, b] = await transmitted(2);
      const payA: PartEventInput = { invoiceId: a!.id, part: 'amo', event: 'paiement', amount: fromCentimes(2000) };
      const rejB: PartEventInput = { invoiceId: b!.id, part: 'amo', event: 'rejet', detail: 'MOD1' };
      // First application knew only invoice a (b was, say, unknown at the time).
      expectOk(await ledger.applyReturn({ sourceId: 'noemie:X', events: [payA], at: T(2) }));
      const audit = { by: 'secretariat', reason: 'facture 2 saisie après la lecture du retour', at: T(3) };
      const once = expectOk(await ledger.reapplyReturn({ sourceId: 'noemie:X', events: [payA, rejB], audit }));
      expect(once.applied.map((h) => `${h.invoiceId}:${h.event}:${h.source}`)).toEqual([`${b!.id}:rejet:noemie:X`]);
      expect(once.skipped).toBe(1);
      expect(once.audit).toEqual({ seq: 1, sourceId: 'noemie:X', action: 'reapply', by: 'secretariat', reason: audit.reason, at: T(3), applied: 1, skipped: 1 });
      const after = await ledger.listInvoices({ ps: PS1 });
      expect(after.map((i) => i.parts.amo.state)).toEqual(['payee', 'rejetee']);
      expect(after[0]!.parts.amo.paid).toEqual(fromCentimes(2000));
      // Twice: nothing changes on the parts, the request is still audited.
      const twice = expectOk(await ledger.reapplyReturn({ sourceId: 'noemie:X', events: [payA, rejB], audit: { by: 'secretariat', reason: 'contrôle' } }));
      expect(twice).toMatchObject({ applied: [], skipped: 2 });
      expect(await ledger.listInvoices({ ps: PS1 })).toEqual(after);
      expect((await ledger.listReturnAudits('noemie:X')).map((x) => [x.seq, x.applied, x.skipped])).toEqual([[1, 1, 1], [2, 0, 2]]);
      expect(await ledger.listReturnAudits('other')).toEqual([]);
      expect((await ledger.listProcessedReturns())[0]).toMatchObject({ sourceId: 'noemie:X', historyEntries: 2, audits: 2 });
    });

    it('refuses to re-apply an unrecorded return, bad audit data or a refused transition, writing nothing', async () => {
      const [a] = await transmitted(1);
      expectIssue(await ledger.reapplyReturn({ sourceId: 'never', events: [], audit: { by: 'x', reason: 'y' } }), 'LEDGER_RETURN_NOT_RECORDED', ['sourceId']);
      expectOk(await ledger.applyReturn({ sourceId: 'noemie:Y', events: [], at: T(2) }));
      expectIssue(await ledger.reapplyReturn({ sourceId: 'noemie:Y', events: [], audit: { by: '', reason: 'y' } }), 'INPUT_TYPE', ['audit', 'by']);
      expectIssue(await ledger.reapplyReturn({ sourceId: 'noemie:Y', events: [] } as never), 'INPUT_MISSING', ['audit']);
      expectIssue(await ledger.reapplyReturn(null as never), 'INPUT_TYPE', []);
      const bad = await ledger.reapplyReturn({ sourceId: 'noemie:Y', events: [{ invoiceId: a!.id, part: 'amo', event: 'recyclage' }], audit: { by: 'x', reason: 'y' } });
      expectIssue(bad, 'LEDGER_INVALID_TRANSITION', ['events', 0]);
      expect(await ledger.listReturnAudits()).toEqual([]);
      expect((await ledger.getInvoice(a!.id))?.parts.amo.state).toBe('transmise');
    });
  });
}
