/**
 * The LedgerStore contract: every adapter (memory, SQLite, a future PostgreSQL one) runs this
 * same suite. `open()` gives a fresh, empty store; the suite closes it after each test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromCentimes } from '../../src/core/money/index';
import type { PlainDate } from '../../src/core/date/index';
import type { LedgerInvoice, LedgerStore } from '../../src/ledger/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { draft, dreDraft, NIR_B, nthCare, PS1, PS2 } from './fixtures';
import { describeReturnsContract } from './returnsContract';

const T = (n: number): string => `2025-03-${String(10 + n).padStart(2, '0')}T09:00:00.000Z`;

/**
 * Declares the contract tests for a store factory.
 *
 * @param name - Adapter name.
 * @param open - Opens a fresh empty store.
 */
export function describeLedgerContract(name: string, open: () => Promise<LedgerStore>): void {
  describe(`LedgerStore contract: ${name}`, () => {
    let ledger: LedgerStore;
    beforeEach(async () => {
      ledger = await open();
    });
    afterEach(async () => {
      await ledger.close();
    });

    const record = async (d = draft()): Promise<LedgerInvoice> => expectOk(await ledger.recordInvoice(d));
    const lotted = async (n: number, kind: 'fse' | 'dre' = 'fse', fileId?: string) => {
      const invoices: LedgerInvoice[] = [];
      for (let k = 0; k < n; k++) invoices.push(await record(kind === 'dre' ? dreDraft({ dateSoins: nthCare(k).dateSoins }) : nthCare(k)));
      const lot = expectOk(
        await ledger.createLot({
          ps: PS1,
          destinataire: kind === 'dre' ? 'AMC77' : '01751',
          kind,
          invoiceIds: invoices.map((i) => i.id),
          ...(fileId === undefined ? {} : { fileId }),
          at: T(1),
        }),
      );
      return { invoices, lot };
    };

    describe('numbering', () => {
      it('numbers 1, 2, 3 per PS, independently, and never reuses a number', async () => {
        expect((await record(nthCare(0))).numero).toBe(1);
        expect((await record(nthCare(1))).numero).toBe(2);
        expect((await record(nthCare(0, { ps: PS2 }))).numero).toBe(1);
        expect((await record(nthCare(2))).numero).toBe(3);
        expect(await ledger.peekInvoiceNumber(PS1)).toBe(4);
        expect(await ledger.peekInvoiceNumber('99 123 4567')).toBe(4);
        expect(await ledger.peekInvoiceNumber('990000000')).toBe(1);
      });

      it('stores what the FSE builder gives, amounts exact, and finds it by number', async () => {
        const big = fromCentimes(123_456_789_01);
        const inv = await record(dreDraft({ montants: { total: big, amo: fromCentimes(1), amc: fromCentimes(2), patient: fromCentimes(3) }, payload: '{"fse":1}' }));
        const again = await ledger.getInvoiceByNumber(PS1, 1);
        expect(again).toEqual(inv);
        expect(await ledger.getInvoice(inv.id)).toEqual(inv);
        expect(again?.montants.total.centimes).toBe(123_456_789_01);
        expect(again?.payload).toBe('{"fse":1}');
        expect(again?.parts.amo).toMatchObject({ state: 'a_emettre', expected: { centimes: 1 }, paid: { centimes: 0 } });
        expect(again?.parts.amc).toMatchObject({ state: 'a_emettre', expected: { centimes: 2 } });
        expect(await ledger.getInvoice('999999')).toBeUndefined();
        // One type for invoice numbers: the wire text is not a number.
        expect(await ledger.getInvoiceByNumber(PS1, '000000001' as never)).toBeUndefined();
        expect(await ledger.getInvoice('not-an-id')).toBeUndefined();
      });

      it('tracks an AMC part only in tiers payant (a DRE)', async () => {
        const hors = await record(draft({ amc: { destinataire: 'AMC77', tiersPayant: false } }));
        expect(hors.parts.amc).toBeUndefined();
        expect(hors.amc).toEqual({ destinataire: 'AMC77', tiersPayant: false });
      });

      it('refuses bad input without consuming a number', async () => {
        const bad = await ledger.recordInvoice(draft({ beneficiaire: { nir: '12' }, actes: [], montants: { ...draft().montants, amo: { centimes: 1.5 } } }));
        expectIssue(bad, 'LEDGER_INVALID_INPUT', ['beneficiaire', 'nir']);
        expectIssue(bad, 'INPUT_MISSING', ['beneficiaire', 'dateNaissance']);
        expectIssue(bad, 'INPUT_RANGE', ['actes']);
        expectIssue(bad, 'INPUT_RANGE', ['montants', 'amo', 'centimes']);
        expect((await record()).numero).toBe(1);
      });
    });

    describe('duplicate control', () => {
      it('refuses the same care with the first invoice number, acts in any order', async () => {
        await record(draft({ actes: ['G', 'MEG'] }));
        const dup = await ledger.recordInvoice(draft({ actes: ['MEG', 'G'], beneficiaire: { nir: draft().beneficiaire.nir.slice(0, 13), dateNaissance: '1985-07-01' as PlainDate } }));
        expect(expectIssue(dup, 'LEDGER_DUPLICATE', ['careKey']).received).toBe('000000001');
        expect((await record(nthCare(5))).numero).toBe(2);
      });

      it('tells different beneficiaries, dates and acts apart', async () => {
        await record();
        await record(draft({ beneficiaire: { ...draft().beneficiaire, rang: 2 } }));
        await record(draft({ beneficiaire: { nir: NIR_B, dateNaissance: '1992-01-01' as PlainDate } }));
        await record(draft({ dateSoins: '2025-03-11' as PlainDate }));
        await record(draft({ actes: ['G', 'G'] }));
        await record(draft({ ps: PS2 }));
      });

      it('finds the active invoice of a care key', async () => {
        const inv = await record();
        expect((await ledger.findByCareKey(inv.careKey))?.id).toBe(inv.id);
        expect(await ledger.findByCareKey('v1|nothing')).toBeUndefined();
      });
    });

    describe('lots and files', () => {
      it('allocates lot numbers 1…999 cycling per PS and 6-character file ids', async () => {
        expect(await ledger.allocateLotNumber(PS1, '01751')).toBe(1);
        expect(await ledger.allocateLotNumber(PS1, '01931')).toBe(2);
        expect(await ledger.allocateLotNumber(PS2, '01751')).toBe(1);
        for (let k = 3; k <= 999; k++) await ledger.allocateLotNumber(PS1, '01751');
        expect(await ledger.allocateLotNumber(PS1, '01751')).toBe(1);
        expect(await ledger.allocateFileId()).toBe('000001');
        expect(await ledger.allocateFileId()).toBe('000002');
      });

      it('creates a lot whole: numbers it and moves every AMO part to en_lot', async () => {
        const fileId = await ledger.allocateFileId();
        const { invoices, lot } = await lotted(3, 'fse', fileId);
        expect(lot).toMatchObject({ ps: PS1, destinataire: '01751', kind: 'fse', numero: 1, fileId, transmissions: 0 });
        expect(lot.invoiceIds).toEqual(invoices.map((i) => i.id));
        expect(await ledger.getLot(lot.id)).toEqual(lot);
        for (const inv of invoices) expect((await ledger.getInvoice(inv.id))?.parts.amo).toMatchObject({ state: 'en_lot', lotId: lot.id });
        expect(await ledger.listLots({ fileId })).toEqual([lot]);
      });

      it('creates nothing when one invoice cannot join (all or nothing)', async () => {
        const { invoices } = await lotted(1);
        const fresh = await record(nthCare(7));
        const other = await record(nthCare(8, { destinataireAmo: '01931' }));
        const r = await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: [fresh.id, invoices[0]!.id, other.id, 'nope', fresh.id] });
        expectIssue(r, 'LEDGER_INVALID_TRANSITION', ['invoiceIds', 1]);
        expectIssue(r, 'LEDGER_LOT_MISMATCH', ['invoiceIds', 2]);
        expectIssue(r, 'LEDGER_UNKNOWN_INVOICE', ['invoiceIds', 3]);
        expectIssue(r, 'LEDGER_LOT_DUPLICATE_INVOICE', ['invoiceIds', 4]);
        expect((await ledger.getInvoice(fresh.id))?.parts.amo.state).toBe('a_emettre');
        expect(await ledger.listLots()).toHaveLength(1);
        expect(await ledger.allocateLotNumber(PS1, '01751')).toBe(2);
        expectIssue(await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: [] }), 'LEDGER_LOT_EMPTY');
        expectIssue(await ledger.createLot({ ps: PS2, destinataire: '01751', kind: 'fse', invoiceIds: [fresh.id] }), 'LEDGER_LOT_MISMATCH', ['invoiceIds', 0]);
        expectIssue(await ledger.createLot({ ps: PS1, destinataire: 'AMC77', kind: 'dre', invoiceIds: [fresh.id] }), 'LEDGER_NO_AMC_PART', ['invoiceIds', 0]);
      });

      it('marks lots transmitted by file, then re-sends after a negative ARL', async () => {
        const fileId = await ledger.allocateFileId();
        const { invoices, lot } = await lotted(2, 'fse', fileId);
        const [sent] = expectOk(await ledger.markTransmitted({ fileId }, { at: T(2) }));
        expect(sent).toMatchObject({ id: lot.id, transmittedAt: T(2), transmissions: 1 });
        expect((await ledger.getInvoice(invoices[0]!.id))?.parts.amo).toMatchObject({ state: 'transmise', transmittedAt: T(2) });
        const arl = invoices.map((i) => ({ invoiceId: i.id, part: 'amo' as const, event: 'arl_negatif' as const }));
        expectOk(await ledger.applyReturn({ sourceId: 'ARL-1', events: arl, at: T(3) }));
        expect((await ledger.getInvoice(invoices[1]!.id))?.parts.amo.state).toBe('arl_negative');
        expect(expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: T(4) }))[0]?.transmissions).toBe(2);
        expect((await ledger.getInvoice(invoices[1]!.id))?.parts.amo).toMatchObject({ state: 'transmise', transmittedAt: T(4) });
        expectIssue(await ledger.markTransmitted({ fileId: '999999' }), 'LEDGER_UNKNOWN_LOT', ['fileId']);
        expectIssue(await ledger.markTransmitted({ lotIds: ['424242'] }), 'LEDGER_UNKNOWN_LOT', ['lotIds', 0]);
      });
    });

    describe('returns, states and payments', () => {
      it('applies ARL and RSP events; a positive ARL is not a payment', async () => {
        const { invoices, lot } = await lotted(1);
        const id = invoices[0]!.id;
        expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: T(2) }));
        expectOk(await ledger.applyReturn({ sourceId: 'ARL-1', events: [{ invoiceId: id, part: 'amo', event: 'arl_positif' }], at: T(3) }));
        const afterArl = await ledger.getInvoice(id);
        expect(afterArl?.parts.amo).toMatchObject({ state: 'arl_positive', paid: { centimes: 0 } });
        const rsp = { sourceId: 'RSP-1', at: T(5), events: [{ invoiceId: id, part: 'amo' as const, event: 'paiement' as const, amount: fromCentimes(2000), virementRef: 'VIR 123' }] };
        const first = expectOk(await ledger.applyReturn(rsp));
        expect(first).toMatchObject({ alreadyProcessed: false });
        expect(first.applied).toHaveLength(1);
        expect((await ledger.getInvoice(id))?.parts.amo).toMatchObject({ state: 'payee', paid: { centimes: 2000 }, virementRefs: ['VIR 123'] });
        expect(await ledger.hasProcessedReturn('RSP-1')).toBe(true);
        expect(await ledger.hasProcessedReturn('RSP-2')).toBe(false);
        const history = await ledger.getHistory(id);
        expect(expectOk(await ledger.applyReturn(rsp))).toEqual({ alreadyProcessed: true, applied: [] });
        expect(await ledger.getHistory(id)).toEqual(history);
        expect(history.map((h) => `${h.part}:${h.event}:${h.from ?? '-'}>${h.to}`)).toEqual([
          'amo:creation:->a_emettre',
          'amo:mise_en_lot:a_emettre>en_lot',
          'amo:transmission:en_lot>transmise',
          'amo:arl_positif:transmise>arl_positive',
          'amo:paiement:arl_positive>payee',
        ]);
        expect(history[4]).toMatchObject({ source: 'RSP-1', at: T(5), amount: { centimes: 2000 } });
      });

      it('refuses a whole return when one event is invalid, and records nothing', async () => {
        const { invoices, lot } = await lotted(2);
        expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: T(2) }));
        const [a, b] = invoices.map((i) => i.id) as [string, string];
        const r = await ledger.applyReturn({
          sourceId: 'RSP-X',
          events: [
            { invoiceId: a, part: 'amo', event: 'paiement', amount: fromCentimes(2000) },
            { invoiceId: b, part: 'amo', event: 'recyclage' },
            { invoiceId: 'nope', part: 'amo', event: 'rejet' },
            { invoiceId: a, part: 'amc', event: 'rejet' },
            { invoiceId: b, part: 'amo', event: 'rejet', amount: fromCentimes(5) },
          ],
        });
        expect(expectIssue(r, 'LEDGER_INVALID_TRANSITION', ['events', 1]).received).toBe('transmise --recyclage-->');
        expectIssue(r, 'LEDGER_UNKNOWN_INVOICE', ['events', 2]);
        expectIssue(r, 'LEDGER_NO_AMC_PART', ['events', 3]);
        expectIssue(r, 'LEDGER_INVALID_INPUT', ['events', 4, 'amount']);
        expect((await ledger.getInvoice(a))?.parts.amo.state).toBe('transmise');
        expect(await ledger.hasProcessedReturn('RSP-X')).toBe(false);
      });

      it('tracks AMO and AMC apart, with partial payments and a follow-up summary', async () => {
        const { invoices, lot } = await lotted(2, 'dre');
        const fse = expectOk(await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: invoices.map((i) => i.id) }));
        expectOk(await ledger.markTransmitted({ lotIds: [lot.id, fse.id] }, { at: T(2) }));
        const [a, b] = invoices.map((i) => i.id) as [string, string];
        expectOk(
          await ledger.applyReturn({
            sourceId: 'RSP-1',
            events: [
              { invoiceId: a, part: 'amo', event: 'paiement', amount: fromCentimes(2000) },
              { invoiceId: a, part: 'amc', event: 'paiement_partiel', amount: fromCentimes(500) },
              { invoiceId: b, part: 'amo', event: 'rejet', detail: 'rejet 123' },
              { invoiceId: b, part: 'amc', event: 'differe' },
            ],
          }),
        );
        const inv = await ledger.getInvoice(a);
        expect(inv?.parts.amo.state).toBe('payee');
        expect(inv?.parts.amc).toMatchObject({ state: 'partiellement_payee', paid: { centimes: 500 } });
        const s = await ledger.summarize();
        expect(s.amo).toMatchObject({ count: 2, expected: { centimes: 4000 }, paid: { centimes: 2000 }, rejected: { centimes: 2000 }, awaiting: { centimes: 0 } });
        expect(s.amc).toMatchObject({ count: 2, expected: { centimes: 1800 }, paid: { centimes: 500 }, awaiting: { centimes: 900 }, shortfall: { centimes: 400 } });
        expect(s.amc.byState).toEqual({ partiellement_payee: 1, differee: 1 });
        expect((await ledger.summarize({ ps: PS2 })).amo.count).toBe(0);
        expectOk(await ledger.applyReturn({ sourceId: 'RSP-2', events: [{ invoiceId: a, part: 'amc', event: 'paiement', amount: fromCentimes(400) }] }));
        expect((await ledger.getInvoice(a))?.parts.amc).toMatchObject({ state: 'payee', paid: { centimes: 900 } });
      });
    });

    describe('recycling and voiding', () => {
      it('re-issues a rejected invoice with a new linked number; the old one stops blocking', async () => {
        const { invoices, lot } = await lotted(1);
        const old = invoices[0]!;
        await record(nthCare(9));
        expectIssue(await ledger.recycleInvoice(old.id), 'LEDGER_INVALID_TRANSITION', ['oldId']);
        expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: T(2) }));
        expectOk(await ledger.applyReturn({ sourceId: 'R', events: [{ invoiceId: old.id, part: 'amo', event: 'rejet' }] }));
        const fresh = expectOk(await ledger.recycleInvoice(old.id, { securisation: 'D', payload: '{"v":2}' }, { at: T(6) }));
        expect(fresh).toMatchObject({ numero: 3, recycledFrom: old.id, careKey: old.careKey, securisation: 'D', payload: '{"v":2}' });
        expect(fresh.parts.amo.state).toBe('a_emettre');
        const gone = await ledger.getInvoice(old.id);
        expect(gone).toMatchObject({ recycledInto: fresh.id, parts: { amo: { state: 'recyclee' } } });
        expect((await ledger.findByCareKey(old.careKey))?.id).toBe(fresh.id);
        expect(expectIssue(await ledger.recordInvoice(nthCare(0)), 'LEDGER_DUPLICATE').received).toBe('000000003');
        expectIssue(await ledger.recycleInvoice(old.id), 'LEDGER_INVALID_TRANSITION');
        expectIssue(await ledger.recycleInvoice('77777'), 'LEDGER_UNKNOWN_INVOICE', ['oldId']);
        expect((await ledger.getHistory(old.id)).at(-1)).toMatchObject({ event: 'recyclage', from: 'rejetee', to: 'recyclee' });
      });

      it('voids an invoice before any lot: its number stays consumed, its care is free', async () => {
        const inv = await record();
        const voided = expectOk(await ledger.cancelInvoice(inv.id, 'erreur de saisie', { at: T(1) }));
        expect(voided.parts.amo.state).toBe('annulee');
        expect((await record()).numero).toBe(2);
        const { invoices } = await lotted(1, 'fse');
        expectIssue(await ledger.cancelInvoice(invoices[0]!.id, 'trop tard'), 'LEDGER_INVALID_TRANSITION', ['id']);
        expectIssue(await ledger.cancelInvoice('999', 'x'), 'LEDGER_UNKNOWN_INVOICE');
      });

      it('takes the event instant as { at } (time-parameter convention); the 0.2 positional at still works', async () => {
        const a = await record();
        expect(expectOk(await ledger.cancelInvoice(a.id, 'doublon', T(3))).parts.amo.updatedAt).toBe(T(3));
        const b = await record();
        expectIssue(await ledger.cancelInvoice(b.id, 'x', { at: 42 } as never), 'INPUT_TYPE', ['options', 'at']);
        expectIssue(await ledger.cancelInvoice(b.id, 'x', 7 as never), 'INPUT_TYPE', ['options']);
        expect((await ledger.getInvoice(b.id))?.parts.amo.state).toBe('a_emettre');
        const { lot } = await lotted(1, 'fse');
        expect(expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, T(5)))[0]?.transmittedAt).toBe(T(5));
      });

      it('sets the payload only while the invoice is à émettre', async () => {
        const inv = await record();
        expect(expectOk(await ledger.setPayload(inv.id, '{"x":1}')).payload).toBe('{"x":1}');
        expect((await ledger.getInvoice(inv.id))?.payload).toBe('{"x":1}');
        const { invoices } = await lotted(1);
        expectIssue(await ledger.setPayload(invoices[0]!.id, '{}'), 'LEDGER_NOT_EDITABLE', ['id']);
      });
    });

    describe('queries', () => {
      it('lists invoices by state, part, lot, transmission date and page', async () => {
        const { invoices, lot } = await lotted(3, 'dre');
        await record(nthCare(20, { ps: PS2 }));
        expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: T(2) }));
        const ids = (list: readonly LedgerInvoice[]) => list.map((i) => i.id);
        expect(ids(await ledger.listInvoices())).toEqual([...ids(invoices), expect.any(String)]);
        expect(ids(await ledger.listInvoices({ ps: PS1, state: 'a_emettre' }))).toEqual(ids(invoices));
        expect(ids(await ledger.listInvoices({ part: 'amc', state: ['transmise', 'payee'] }))).toEqual(ids(invoices));
        expect(ids(await ledger.listInvoices({ part: 'amc', transmittedBefore: T(3) }))).toEqual(ids(invoices));
        expect(await ledger.listInvoices({ part: 'amc', transmittedBefore: T(2) })).toEqual([]);
        expect(ids(await ledger.listInvoices({ part: 'amc', lotId: lot.id, limit: 2, offset: 1 }))).toEqual(ids(invoices.slice(1, 3)));
        expect(ids(await ledger.listInvoices({ dateSoinsFrom: nthCare(1).dateSoins, dateSoinsTo: nthCare(2).dateSoins, ps: PS1 }))).toEqual(ids(invoices.slice(1, 3)));
        expect(await ledger.listInvoices({ lotId: 'zz' })).toEqual([]);
        expect(await ledger.listLots({ kind: 'fse' })).toEqual([]);
        expect(await ledger.listLots({ transmitted: true, ps: PS1 })).toHaveLength(1);
        expect(await ledger.listLots({ transmitted: false })).toEqual([]);
      });
    });

    describe('batch numbering, securing and file records', () => {
      const securing = (invoiceId: string, over: Record<string, unknown> = {}) => ({
        invoiceId, kind: 'fse' as const, mode: 'S' as const, format: 'vendor', securerId: 'software-test', at: T(3),
        signature: new Uint8Array([1, 2, 3]), securedBytes: new Uint8Array([4, 5, 6]), document: '{"kind":"fse"}', ...over,
      });

      it('numbers and lots a batch in one go: FSE lots per destinataire and mode, DRE lots per AMC', async () => {
        const drafts = [nthCare(0), dreDraft({ dateSoins: nthCare(1).dateSoins }), nthCare(2, { securisation: 'D' }), nthCare(0), nthCare(3, { destinataireAmo: '01931' }), draft({ actes: [] })];
        const r = expectOk(await ledger.recordBatch(drafts, { maxPerLot: 1, at: T(1) }));
        expect(r.numbered.map((n) => [n.index, n.invoice.numero])).toEqual([[0, 1], [1, 2], [2, 3], [4, 4]]);
        expect(r.rejected.map((x) => x.index)).toEqual([3, 5]);
        expect(expectIssue(r.rejected[0]!.issues, 'LEDGER_DUPLICATE').received).toBe('000000001');
        expect(r.files.map((f) => [f.kind, f.destinataire, f.lots.map((l) => [l.mode ?? '-', l.items])])).toEqual([
          ['fse', '01751', [['S', [0]], ['S', [1]], ['D', [2]]]],
          ['fse', '01931', [['S', [4]]]],
          ['dre', 'AMC77', [['-', [1]]]],
        ]);
        for (const inv of await ledger.listInvoices()) {
          expect(inv.parts.amo.state).toBe('en_lot');
          if (inv.parts.amc !== undefined) expect(inv.parts.amc.state).toBe('en_lot');
        }
        expect(new Set(r.files.map((f) => f.fileId)).size).toBe(3);
        expectIssue(await ledger.recordBatch('x' as never), 'INPUT_TYPE', ['drafts']);
        expectIssue(await ledger.recordBatch([], { maxPerLot: 1000 }), 'INPUT_RANGE', ['options', 'maxPerLot']);
      });

      it('meets a child billed under its own NIR and under a parent with that NIR (person key)', async () => {
        const child = { nir: NIR_B, dateNaissance: '1992-01-01' as PlainDate, qualite: '0' };
        await record(draft({ beneficiaire: child }));
        const underParent = await ledger.recordInvoice(draft({ beneficiaire: { nir: draft().beneficiaire.nir, nirIndividuel: NIR_B, dateNaissance: '1992-01-01' as PlainDate, rang: 2 } }));
        expect(expectIssue(underParent, 'LEDGER_DUPLICATE', ['careKey']).received).toBe('000000001');
      });

      it('keeps what securing produced, idempotently, and refuses a different output', async () => {
        const { invoices } = await lotted(1, 'dre');
        const id = invoices[0]!.id;
        expect(await ledger.getSecuring(id, 'fse')).toBeUndefined();
        const stored = expectOk(await ledger.recordSecuring(securing(id)));
        expect(await ledger.getSecuring(id, 'fse')).toEqual(stored);
        expect(expectOk(await ledger.recordSecuring(securing(id)))).toEqual(stored);
        expectIssue(await ledger.recordSecuring(securing(id, { signature: new Uint8Array([9]) })), 'LEDGER_NOT_EDITABLE', ['invoiceId']);
        expectOk(await ledger.recordSecuring(securing(id, { kind: 'dre' })));
        expectIssue(await ledger.recordSecuring(securing(id, { mode: 'F', kind: 'dre', signature: new Uint8Array([7]) })), 'LEDGER_SECURED_MISMATCH', ['mode']);
        const plain = await record(nthCare(30));
        expectIssue(await ledger.recordSecuring(securing(plain.id, { kind: 'dre' })), 'LEDGER_NO_AMC_PART', ['kind']);
        expectIssue(await ledger.recordSecuring(securing('424242')), 'LEDGER_UNKNOWN_INVOICE', ['invoiceId']);
        expectIssue(await ledger.recordSecuring(securing(id, { signature: 'abc' })), 'INPUT_TYPE', ['signature']);
        expectIssue(await ledger.recordSecuring(null as never), 'INPUT_TYPE', []);
      });

      it('refuses to secure an invoice already transmitted', async () => {
        const { invoices, lot } = await lotted(1);
        expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: T(2) }));
        expectIssue(await ledger.recordSecuring(securing(invoices[0]!.id)), 'LEDGER_NOT_EDITABLE', ['invoiceId']);
      });

      it('keeps the first write of a file and refuses unknown files', async () => {
        const fileId = await ledger.allocateFileId();
        await lotted(1, 'fse', fileId);
        const first = expectOk(await ledger.recordFileWrite({ fileId, params: '{"a":1}', length: 256 }));
        expect(first).toMatchObject({ fileId, params: '{"a":1}', length: 256 });
        expect(expectOk(await ledger.recordFileWrite({ fileId, params: '{"a":2}', length: 384 }))).toEqual(first);
        expect(await ledger.getWrittenFile(fileId)).toEqual(first);
        expectIssue(await ledger.recordFileWrite({ fileId: '999999', params: '{}', length: 1 }), 'LEDGER_UNKNOWN_FILE', ['fileId']);
        expectIssue(await ledger.recordFileWrite({ fileId: '../x', params: '{}', length: 1 }), 'INPUT_TYPE', ['fileId']);
        expect(await ledger.getWrittenFile('000777')).toBeUndefined();
      });
    });

    it('throws SesamError STORE once closed', async () => {
      const other = await open();
      await other.close();
      await expect(other.getInvoice('1')).rejects.toMatchObject({ code: 'STORE' });
    });
  });
  describeReturnsContract(name, open);
}
