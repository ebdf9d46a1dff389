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
import type { InvoiceSecuring, WrittenFile } from '../securedPort';
import type { HistoryRow, InvoiceRow, LotRow, PartRow, SecuringRow, WrittenFileRow } from './rows';
import { rowId, toHistory, toInvoice, toLot, toSecuring, toWrittenFile } from './rows';
import { prepareStatements } from './statements';
import { prepareReturnsStatements } from './returnsStatements';

class Rollback {
  constructor(readonly result: Result<unknown>) {}
}

/** Retries of an operation refused with SQLITE_BUSY (after the driver's own busy timeout). */
export interface BusyPolicy {
  /** Retries after the first attempt (0 = none). */
  readonly retries: number;
  /** First backoff, ms; doubled at each retry, with ±50 % jitter. */
  readonly backoffMs: number;
}

/**
 * Creates the backend over an open, migrated database.
 *
 * @param db - The connection.
 * @param busy - Retry policy on a busy database.
 * @returns The backend.
 */
export function createSqliteBackend(db: BetterSqlite3.Database, busy: BusyPolicy = { retries: 4, backoffMs: 25 }): LedgerBackend {
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
  const findActivePerson = (key: string): LedgerInvoice | undefined => hydrate(st.activeByPersonKey.get(key) as InvoiceRow | undefined);
  const getSecuring = (id: string, kind: 'fse' | 'dre'): InvoiceSecuring | undefined => {
    const n = rowId(id);
    const row = n === undefined ? undefined : (st.securingOf.get(n, kind) as SecuringRow | undefined);
    return row === undefined ? undefined : toSecuring(row);
  };
  const getWrittenFile = (fileId: string): WrittenFile | undefined => {
    const row = st.writtenFile.get(fileId) as WrittenFileRow | undefined;
    return row === undefined ? undefined : toWrittenFile(row);
  };

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
    findActiveByPersonKey: findActivePerson,
    getSecuring,
    putSecuring: (x) =>
      void st.insertSecuring.run({
        invoice_id: rowId(x.invoiceId) ?? 0,
        kind: x.kind,
        mode: x.mode,
        format: x.format,
        securer_id: x.securerId,
        certificate_id: x.certificateId ?? null,
        at: x.at,
        signature: Buffer.from(x.signature),
        secured_bytes: Buffer.from(x.securedBytes),
        document: x.document,
      }),
    getWrittenFile,
    putWrittenFile: (f) => void st.insertWrittenFile.run({ file_id: f.fileId, params: f.params, length: f.length, written_at: f.writtenAt }),
    insertInvoice: (inv) => {
      const id = Number(
        st.insertInvoice.run({
          ps: inv.ps,
          numero: inv.numero,
          care_key: inv.careKey,
          person_key: inv.personKey ?? null,
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
    getSecuring,
    getWrittenFile,
    listProcessedReturns: rst.listProcessedReturns,
    listReturnAudits: rst.listReturnAudits,
  };

  const once = <T>(fn: (t: LedgerTx) => Result<T>): Result<T> =>
    db
      .transaction(() => {
        const result = fn(tx);
        if (!result.ok) throw new Rollback(result);
        return result;
      })
      .immediate();

  return {
    transact<T>(fn: (t: LedgerTx) => Result<T>): Result<T> {
      for (let attempt = 0; ; attempt++) {
        try {
          return once(fn);
        } catch (e) {
          if (e instanceof Rollback) return e.result as Result<T>;
          if (isSesamError(e)) throw e;
          // A busy database rolled the whole operation back: retrying it is safe. Bounded, with
          // exponential backoff and jitter so 8 writers on 2 cores do not retry in lock-step.
          if (isBusy(e)) {
            if (attempt < busy.retries) {
              sleepSync(busy.backoffMs * 2 ** attempt * (0.5 + Math.random()));
              continue;
            }
            throw new SesamError('STORE_BUSY', `ledger SQLite database still locked after ${attempt + 1} attempts: retry later`, { cause: e });
          }
          throw new SesamError('STORE', `ledger SQLite operation failed: ${(e as Error).message}`, { cause: e });
        }
      }
    },
    reads,
    close: () => db.close(),
  };
}

/** Whether a driver error is SQLite's "database is locked / busy" (retryable). */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread for `ms` (the driver is synchronous; so is its own busy wait). */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, Math.max(1, Math.round(ms)));
}
