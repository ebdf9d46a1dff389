/**
 * Assembles a `LedgerStore` from a synchronous backend: every mutating method is one
 * `backend.transact` call, so it happens whole or not at all.
 */
import { ok, SesamError } from '../../core/issues/index';
import type { LedgerOptions, LedgerStore } from '../port';
import type { LedgerBackend } from './backend';
import { invoiceScope } from './backend';
import { cancelInvoiceTx, recordInvoiceTx, recycleInvoiceTx, setPayloadTx } from './invoices';
import { allocateFileIdTx, allocateLotNumberTx, createLotTx, lotScope, markTransmittedTx } from './lots';
import { applyReturnTx } from './returns';
import { reapplyReturnTx } from './reapply';
import { compactPs } from './validateDraft';

/**
 * Creates a ledger store over a backend.
 *
 * @param backend - Transactions and queries (memory, SQLite).
 * @param options - Clock and lot numbering rule.
 * @returns The store.
 */
export function createLedgerStore(backend: LedgerBackend, options: LedgerOptions = {}): LedgerStore {
  const clock = options.clock ?? (() => new Date().toISOString());
  const rule = options.lotNumbering ?? 'perPs';
  let closed = false;
  const reads = () => {
    if (closed) throw new SesamError('STORE', 'ledger store is closed');
    return backend.reads;
  };
  const transact: LedgerBackend['transact'] = (fn) => {
    if (closed) throw new SesamError('STORE', 'ledger store is closed');
    return backend.transact(fn);
  };
  // `async` wrappers turn synchronous throws into rejected promises.
  return {
    recordInvoice: async (draft) => transact((tx) => recordInvoiceTx(tx, draft, draft.at ?? clock())),
    recycleInvoice: async (oldId, changes = {}, at) => transact((tx) => recycleInvoiceTx(tx, oldId, changes, at ?? clock())),
    cancelInvoice: async (id, reason, at) => transact((tx) => cancelInvoiceTx(tx, id, reason, at ?? clock())),
    setPayload: async (id, payload) => transact((tx) => setPayloadTx(tx, id, payload)),
    peekInvoiceNumber: async (ps) => reads().readCounter(invoiceScope(compactPs(ps))) + 1,
    allocateLotNumber: async (ps, destinataire) => {
      const r = transact((tx) => ok(allocateLotNumberTx(tx, lotScope(rule, ps, destinataire))));
      return r.ok ? r.value : 0;
    },
    allocateFileId: async () => {
      const r = transact((tx) => ok(allocateFileIdTx(tx)));
      return r.ok ? r.value : '';
    },
    createLot: async (draft) => transact((tx) => createLotTx(tx, draft, rule, draft.at ?? clock())),
    markTransmitted: async (target, at) => transact((tx) => markTransmittedTx(tx, target, at ?? clock())),
    applyReturn: async (input) => transact((tx) => applyReturnTx(tx, input, input.at ?? clock())),
    hasProcessedReturn: async (sourceId) => reads().hasReturn(sourceId),
    listProcessedReturns: async (filter = {}) => reads().listProcessedReturns(filter),
    reapplyReturn: async (input) => transact((tx) => reapplyReturnTx(tx, input, clock)),
    listReturnAudits: async (sourceId) => reads().listReturnAudits(sourceId),
    getInvoice: async (id) => reads().getInvoice(id),
    getInvoiceByNumber: async (ps, numero) => reads().getInvoiceByNumber(compactPs(ps), numero),
    findByCareKey: async (careKey) => reads().findActiveByCareKey(careKey),
    listInvoices: async (filter = {}) => reads().listInvoices({ ...filter, ...(filter.ps === undefined ? {} : { ps: compactPs(filter.ps) }) }),
    getHistory: async (id) => reads().getHistory(id),
    getLot: async (id) => reads().getLot(id),
    listLots: async (filter = {}) => reads().listLots({ ...filter, ...(filter.ps === undefined ? {} : { ps: compactPs(filter.ps) }) }),
    summarize: async (filter = {}) => reads().summarize(filter.ps === undefined ? {} : { ps: compactPs(filter.ps) }),
    close: async () => {
      if (closed) return;
      closed = true;
      backend.close();
    },
  };
}
