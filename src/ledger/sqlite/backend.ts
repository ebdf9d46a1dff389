/**
 * The SQLite backend of the ledger engine: prepared statements over one better-sqlite3
 * connection; `transact` runs an operation in one `BEGIN IMMEDIATE` transaction (the write lock
 * is taken first, so two processes numbering the same PS serialize instead of deadlocking).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Result } from '../../core/issues/index';
import { isSesamError, SesamError } from '../../core/issues/index';
import type { LedgerBackend, LedgerReads, LedgerTx } from '../engine/backend';
import { isActiveInvoice } from '../engine/parts';
import { addGroupToRaw, emptyRaw, toPartSummary } from '../engine/queries';
import type { LedgerInvoice, LedgerLot, PartState } from '../model';
import type { HistoryRow, InvoiceRow, LotRow, PartRow } from './rows';
import { rowId, toHistory, toInvoice, toLot } from './rows';
import { prepareStatements } from './statements';
import { prepareReturnsStatements } from './returnsStatements';

class Rollback {
  constructor(readonly result: Result<unknown>) {}
}

/**
 * Creates the backend over an open, migrated database.
 *
 * @param db - The connection.
 * @returns The backend.
 */
export function createSqliteBackend(db: BetterSqlite3.Database): LedgerBackend {
  const st = prepareStatements(db);
  const rst = prepareReturnsStatements(db);
  const getInvoice = (id: string): LedgerInvoice | undefined => {
    const n = rowId(id);
    const row = n === undefined ? undefined : (st.invoiceById.get(n) as InvoiceRow | undefined);
    return row === undefined ? undefined : toInvoice(row, st.partsOf.all(row.id) as PartRow[]);
  };
  const hydrate = (row: InvoiceRow | undefined): LedgerInvoice | undefined =>
    row === undefined ? undefined : toInvoice(row, st.partsOf.all(row.id) as PartRow[]);
  const getLot = (id: string): LedgerLot | undefined => {
    const n = rowId(id);
    const row = n === undefined ? undefined : (st.lotById.get(n) as LotRow | undefined);
    return row === undefined ? undefined : toLot(row, st.lotInvoices.all(row.id) as number[]);
  };
  const lotRows = (rows: LotRow[]): LedgerLot[] => rows.map((r) => toLot(r, st.lotInvoices.all(r.id) as number[]));
  const readCounter = (scope: string): number => (st.counter.get(scope) as number | undefined) ?? 0;
  const findActive = (key: string): LedgerInvoice | undefined => hydrate(st.activeByCareKey.get(key) as InvoiceRow | undefined);
  const hasReturn = (sourceId: string): boolean => st.returnById.get(sourceId) !== undefined;

  const writePart = (invoiceId: number, part: 'amo' | 'amc', p: LedgerInvoice['parts']['amo']): void => {
    st.upsertPart.run({
      invoice_id: invoiceId,
      part,
      state: p.state,
      expected: p.expected.centimes,
      paid: p.paid.centimes,
      lot_id: p.lotId === undefined ? null : rowId(p.lotId) ?? null,
      transmitted_at: p.transmittedAt ?? null,
      virement_refs: JSON.stringify(p.virementRefs),
      updated_at: p.updatedAt,
    });
  };
  const writeParts = (id: number, inv: Pick<LedgerInvoice, 'parts'>): void => {
    writePart(id, 'amo', inv.parts.amo);
    if (inv.parts.amc !== undefined) writePart(id, 'amc', inv.parts.amc);
  };

  const tx: LedgerTx = {
    readCounter,
    writeCounter: (scope, last) => void st.writeCounter.run(scope, last),
    getInvoice,
    findActiveByCareKey: findActive,
    insertInvoice: (inv) => {
      const id = Number(
        st.insertInvoice.run({
          ps: inv.ps,
          numero: inv.numero,
          care_key: inv.careKey,
          active: isActiveInvoice(inv) ? 1 : 0,
          beneficiaire: JSON.stringify(inv.beneficiaire),
          date_soins: inv.dateSoins,
          actes: JSON.stringify(inv.actes),
          date_facturation: inv.dateFacturation,
          montant_total: inv.montants.total.centimes,
          montant_amo: inv.montants.amo.centimes,
          montant_amc: inv.montants.amc.centimes,
          montant_patient: inv.montants.patient.centimes,
          destinataire_amo: inv.destinataireAmo,
          amc_destinataire: inv.amc?.destinataire ?? null,
          amc_tiers_payant: inv.amc === undefined ? null : inv.amc.tiersPayant ? 1 : 0,
          securisation: inv.securisation,
          payload: inv.payload ?? null,
          created_at: inv.createdAt,
          recycled_from: inv.recycledFrom === undefined ? null : rowId(inv.recycledFrom) ?? null,
        }).lastInsertRowid,
      );
      writeParts(id, inv);
      return String(id);
    },
    updateInvoice: (inv) => {
      const id = rowId(inv.id) ?? 0;
      st.updateInvoice.run({
        id,
        active: isActiveInvoice(inv) ? 1 : 0,
        payload: inv.payload ?? null,
        recycled_into: inv.recycledInto === undefined ? null : rowId(inv.recycledInto) ?? null,
      });
      writeParts(id, inv);
    },
    getLot,
    lotsOfFile: (fileId) => lotRows(st.lotsOfFile.all(fileId) as LotRow[]),
    insertLot: (lot) => {
      const id = Number(
        st.insertLot.run({
          ps: lot.ps,
          destinataire: lot.destinataire,
          kind: lot.kind,
          numero: lot.numero,
          file_id: lot.fileId ?? null,
          created_at: lot.createdAt,
          transmitted_at: lot.transmittedAt ?? null,
          transmissions: lot.transmissions,
        }).lastInsertRowid,
      );
      lot.invoiceIds.forEach((inv, position) => st.insertLotInvoice.run(id, position, rowId(inv) ?? 0));
      return String(id);
    },
    updateLot: (lot) =>
      void st.updateLot.run({ id: rowId(lot.id) ?? 0, file_id: lot.fileId ?? null, transmitted_at: lot.transmittedAt ?? null, transmissions: lot.transmissions }),
    appendHistory: (e) =>
      void st.insertHistory.run({
        invoice_id: rowId(e.invoiceId) ?? 0,
        part: e.part,
        event: e.event,
        from_state: e.from,
        to_state: e.to,
        at: e.at,
        source: e.source ?? null,
        amount: e.amount === undefined ? null : e.amount.centimes,
        detail: e.detail ?? null,
      }),
    hasReturn,
    recordReturn: (sourceId, at) => void st.insertReturn.run(sourceId, at),
    historyOfSource: rst.historyOfSource,
    insertReturnAudit: rst.insertReturnAudit,
  };

  const reads: LedgerReads = {
    readCounter,
    getInvoice,
    getInvoiceByNumber: (ps, numero) => hydrate(st.invoiceByNumber.get(ps, numero) as InvoiceRow | undefined),
    findActiveByCareKey: findActive,
    listInvoices: (f) => {
      const lot = f.lotId === undefined ? null : rowId(f.lotId);
      if (lot === undefined) return [];
      const states = f.state === undefined ? null : JSON.stringify(typeof f.state === 'string' ? [f.state] : f.state);
      const rows = st.listInvoices.all({
        part: f.part ?? 'amo',
        ps: f.ps ?? null,
        states,
        before: f.transmittedBefore ?? null,
        lot,
        from: f.dateSoinsFrom ?? null,
        to: f.dateSoinsTo ?? null,
        limit: f.limit ?? -1,
        offset: f.offset ?? 0,
      }) as InvoiceRow[];
      return rows.map((r) => toInvoice(r, st.partsOf.all(r.id) as PartRow[]));
    },
    getHistory: (id) => {
      const n = rowId(id);
      return n === undefined ? [] : (st.historyOf.all(n) as HistoryRow[]).map(toHistory);
    },
    getLot,
    listLots: (f) =>
      lotRows(
        st.listLots.all({
          ps: f.ps ?? null,
          file: f.fileId ?? null,
          kind: f.kind ?? null,
          transmitted: f.transmitted === undefined ? null : f.transmitted ? 1 : 0,
        }) as LotRow[],
      ),
    summarize: (f) => {
      const raw = { amo: emptyRaw(), amc: emptyRaw() };
      for (const g of st.summary.all({ ps: f.ps ?? null }) as { part: 'amo' | 'amc'; state: PartState; n: number; e: number; p: number }[]) {
        addGroupToRaw(raw[g.part], g.state, g.n, g.e, g.p);
      }
      return { amo: toPartSummary(raw.amo), amc: toPartSummary(raw.amc) };
    },
    hasReturn,
    listProcessedReturns: rst.listProcessedReturns,
    listReturnAudits: rst.listReturnAudits,
  };

  return {
    transact<T>(fn: (t: LedgerTx) => Result<T>): Result<T> {
      try {
        return db
          .transaction(() => {
            const result = fn(tx);
            if (!result.ok) throw new Rollback(result);
            return result;
          })
          .immediate();
      } catch (e) {
        if (e instanceof Rollback) return e.result as Result<T>;
        if (isSesamError(e)) throw e;
        throw new SesamError('STORE', `ledger SQLite operation failed: ${(e as Error).message}`, { cause: e });
      }
    },
    reads,
    close: () => db.close(),
  };
}
