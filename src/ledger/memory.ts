/**
 * In-memory ledger for unit tests and demos: the same engine as the SQLite adapter over plain
 * maps. A transaction works on copies of the maps and swaps them in on success, so a refused
 * operation leaves nothing behind (O(n) per write: a test store, not a production one).
 */
import { SesamError } from '../core/issues/index';
import type { Result } from '../core/issues/index';
import type { LedgerBackend, LedgerReads, LedgerTx } from './engine/backend';
import { createLedgerStore } from './engine/createLedgerStore';
import { isActiveInvoice } from './engine/parts';
import { computeSummary, matchesInvoiceFilter, matchesLotFilter, pageInvoices } from './engine/queries';
import type { HistoryEntry, LedgerInvoice, LedgerLot } from './model';
import { computeProcessedReturns } from './engine/returnsQueries';
import type { ReturnAudit } from './returnsPort';
import type { LedgerOptions, LedgerStore } from './port';
import type { InvoiceSecuring, WrittenFile } from './securedPort';

interface State {
  readonly counters: Map<string, number>;
  readonly invoices: Map<string, LedgerInvoice>;
  readonly lots: Map<string, LedgerLot>;
  readonly history: HistoryEntry[];
  readonly returns: Map<string, string>;
  /** Securing outputs by `${invoiceId}|${kind}`. */
  readonly securing: Map<string, InvoiceSecuring>;
  readonly files: Map<string, WrittenFile>;
  readonly returnAudits: ReturnAudit[];
  nextInvoiceId: number;
  nextLotId: number;
}

const copy = (s: State): State => ({
  counters: new Map(s.counters),
  invoices: new Map(s.invoices),
  lots: new Map(s.lots),
  history: [...s.history],
  returns: new Map(s.returns),
  securing: new Map(s.securing),
  files: new Map(s.files),
  returnAudits: [...s.returnAudits],
  nextInvoiceId: s.nextInvoiceId,
  nextLotId: s.nextLotId,
});

function activeByCareKey(s: State, careKey: string): LedgerInvoice | undefined {
  for (const inv of s.invoices.values()) if (inv.careKey === careKey && isActiveInvoice(inv)) return inv;
  return undefined;
}

/** A copy whose bytes the caller may change without changing the store. */
function copySecuring(s: InvoiceSecuring | undefined): InvoiceSecuring | undefined {
  return s === undefined ? undefined : { ...s, signature: Uint8Array.from(s.signature), securedBytes: Uint8Array.from(s.securedBytes) };
}

function activeByPersonKey(s: State, personKey: string): LedgerInvoice | undefined {
  for (const inv of s.invoices.values()) if (inv.personKey === personKey && isActiveInvoice(inv)) return inv;
  return undefined;
}

function txOver(s: State): LedgerTx {
  return {
    readCounter: (scope) => s.counters.get(scope) ?? 0,
    writeCounter: (scope, last) => void s.counters.set(scope, last),
    getInvoice: (id) => s.invoices.get(id),
    findActiveByCareKey: (key) => activeByCareKey(s, key),
    findActiveByPersonKey: (key) => activeByPersonKey(s, key),
    getSecuring: (id, kind) => s.securing.get(`${id}|${kind}`),
    putSecuring: (x) => void s.securing.set(`${x.invoiceId}|${x.kind}`, x),
    getWrittenFile: (fileId) => s.files.get(fileId),
    putWrittenFile: (f) => void s.files.set(f.fileId, f),
    insertInvoice: (invoice) => {
      const id = String(s.nextInvoiceId++);
      s.invoices.set(id, { id, ...invoice });
      return id;
    },
    updateInvoice: (invoice) => void s.invoices.set(invoice.id, invoice),
    getLot: (id) => s.lots.get(id),
    lotsOfFile: (fileId) => [...s.lots.values()].filter((l) => l.fileId === fileId),
    insertLot: (lot) => {
      const id = String(s.nextLotId++);
      s.lots.set(id, { id, ...lot });
      return id;
    },
    updateLot: (lot) => void s.lots.set(lot.id, lot),
    appendHistory: (entry) => void s.history.push(entry),
    hasReturn: (sourceId) => s.returns.has(sourceId),
    recordReturn: (sourceId, at) => void s.returns.set(sourceId, at),
    historyOfSource: (sourceId) => s.history.filter((h) => h.source === sourceId),
    insertReturnAudit: (audit) => s.returnAudits.push({ seq: s.returnAudits.length + 1, ...audit }),
  };
}

/**
 * Creates an in-memory ledger store (same behaviour as the SQLite one, nothing persisted).
 *
 * @param options - Clock and lot numbering rule.
 * @returns The store.
 * @example
 * const ledger = createMemoryLedger({ clock: () => '2025-01-02T10:00:00.000Z' });
 */
export function createMemoryLedger(options: LedgerOptions = {}): LedgerStore {
  let state: State = {
    counters: new Map(), invoices: new Map(), lots: new Map(), history: [], returns: new Map(), returnAudits: [], securing: new Map(), files: new Map(), nextInvoiceId: 1, nextLotId: 1,
  };
  const reads: LedgerReads = {
    readCounter: (scope) => state.counters.get(scope) ?? 0,
    getInvoice: (id) => state.invoices.get(id),
    getInvoiceByNumber: (ps, numero) => [...state.invoices.values()].find((i) => i.ps === ps && i.numero === numero),
    findActiveByCareKey: (key) => activeByCareKey(state, key),
    listInvoices: (filter) => pageInvoices([...state.invoices.values()].filter((i) => matchesInvoiceFilter(i, filter)), filter),
    getHistory: (id) => state.history.filter((h) => h.invoiceId === id),
    getLot: (id) => state.lots.get(id),
    listLots: (filter) => [...state.lots.values()].filter((l) => matchesLotFilter(l, filter)),
    summarize: (filter) => computeSummary([...state.invoices.values()].filter((i) => filter.ps === undefined || i.ps === filter.ps)),
    hasReturn: (sourceId) => state.returns.has(sourceId),
    getSecuring: (id, kind) => copySecuring(state.securing.get(`${id}|${kind}`)),
    getWrittenFile: (fileId) => state.files.get(fileId),
    listProcessedReturns: (filter) => computeProcessedReturns(state.returns, state.history, state.returnAudits, filter),
    listReturnAudits: (sourceId) => state.returnAudits.filter((a) => sourceId === undefined || a.sourceId === sourceId),
  };
  const backend: LedgerBackend = {
    transact<T>(fn: (tx: LedgerTx) => Result<T>): Result<T> {
      const draft = copy(state);
      let result: Result<T>;
      try {
        result = fn(txOver(draft));
      } catch (cause) {
        if (cause instanceof SesamError) throw cause;
        throw new SesamError('STORE', 'memory ledger operation failed', { cause });
      }
      if (result.ok) state = draft;
      return result;
    },
    reads,
    close: () => undefined,
  };
  return createLedgerStore(backend, options);
}
