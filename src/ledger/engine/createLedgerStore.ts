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
import type { Issue } from '../../core/issues/index';
import { field, guardArray, guardEnum, guardFunction, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import type { InvoiceDraft, LedgerEventOptions, RecycleChanges, TransmissionTarget } from '../port';
import type { InvoiceId } from '../model';
import { MAX_PER_LOT, recordBatchTx } from './batch';
import { recordFileWriteTx, recordSecuringTx } from './securing';

/**
 * Checks the options common to every store factory; bad options are a programmer error.
 *
 * @param options - Untrusted options.
 * @param extra - Issues the adapter found in its own options.
 * @returns The options, typed.
 * @throws SesamError `ASSERTION` (with the `INPUT_*` issues) when they are not valid.
 */
export function checkLedgerOptions(options: unknown, extra: readonly Issue[] = []): LedgerOptions {
  const issues: Issue[] = [...extra];
  const o = guardObject(options, ['options'], issues, { required: false });
  const clock = o && guardFunction(field(o, 'clock'), ['options', 'clock'], issues, { required: false });
  const lotNumbering = o && guardEnum(field(o, 'lotNumbering'), ['perPs', 'perPsAndDestinataire'] as const, ['options', 'lotNumbering'], issues, { required: false });
  if (issues.length > 0) throw new SesamError('ASSERTION', `invalid ledger options: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, { issues });
  return {
    ...(clock === undefined ? {} : { clock: wrapClock(clock as () => unknown) }),
    ...(lotNumbering === undefined ? {} : { lotNumbering }),
  };
}

/** A caller clock that must give ISO 8601 text; anything else is a programmer error. */
function wrapClock(clock: () => unknown): () => string {
  return () => {
    const t = clock();
    if (typeof t !== 'string' || t.length === 0 || t.length > 40) throw new SesamError('ASSERTION', 'the ledger clock must return an ISO 8601 date-time text');
    return t;
  };
}

/**
 * The instant of an event: `options.at`, else the store's clock. A string is the deprecated
 * positional `at` of 0.2 (accepted until the next minor release).
 */
export function eventAt(options: unknown, clock: () => string): string | Issue[] {
  if (typeof options === 'string') return options;
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues, { required: false });
  const at = o && guardString(field(o, 'at'), ['options', 'at'], issues, { min: 1, max: 40, required: false, expected: 'date-heure ISO 8601' });
  return issues.length > 0 ? issues : (at ?? clock());
}

/** Guards `recordBatch`'s arguments. */
export function guardBatch(drafts: unknown, options: unknown): { drafts: readonly InvoiceDraft[]; max: number; at?: string } | Issue[] {
  const issues: Issue[] = [];
  const list = guardArray(drafts, ['drafts'], issues, { max: 100_000 });
  const o = guardObject(options, ['options'], issues, { required: false });
  const max = o && guardInteger(field(o, 'maxPerLot'), ['options', 'maxPerLot'], issues, { min: 1, max: MAX_PER_LOT, required: false });
  const at = o && guardString(field(o, 'at'), ['options', 'at'], issues, { min: 1, max: 40, required: false });
  if (issues.length > 0 || list === undefined) return issues;
  return { drafts: list as readonly InvoiceDraft[], max: max ?? MAX_PER_LOT, ...(at === undefined ? {} : { at }) };
}

/**
 * Creates a ledger store over a backend.
 *
 * @param backend - Transactions and queries (memory, SQLite).
 * @param options - Clock and lot numbering rule.
 * @returns The store.
 */
export function createLedgerStore(backend: LedgerBackend, options: LedgerOptions = {}): LedgerStore {
  const checked = checkLedgerOptions(options);
  const clock = checked.clock ?? (() => new Date().toISOString());
  const rule = checked.lotNumbering ?? 'perPs';
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
    recycleInvoice: async (oldId: InvoiceId, changes: RecycleChanges = {}, options?: LedgerEventOptions | string) => {
      const at = eventAt(options, clock);
      return Array.isArray(at) ? inputErr(at) : transact((tx) => recycleInvoiceTx(tx, oldId, changes, at));
    },
    cancelInvoice: async (id: InvoiceId, reason: string, options?: LedgerEventOptions | string) => {
      const at = eventAt(options, clock);
      return Array.isArray(at) ? inputErr(at) : transact((tx) => cancelInvoiceTx(tx, id, reason, at));
    },
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
    markTransmitted: async (target: TransmissionTarget, options?: LedgerEventOptions | string) => {
      const at = eventAt(options, clock);
      return Array.isArray(at) ? inputErr(at) : transact((tx) => markTransmittedTx(tx, target, at));
    },
    applyReturn: async (input) => transact((tx) => applyReturnTx(tx, input, input.at ?? clock())),
    recordBatch: async (drafts, options) => {
      const g = guardBatch(drafts, options);
      if (Array.isArray(g)) return inputErr(g);
      const at = g.at ?? clock();
      return transact((tx) => recordBatchTx(tx, g.drafts, g.max, rule, at));
    },
    recordSecuring: async (input) => transact((tx) => recordSecuringTx(tx, input)),
    getSecuring: async (invoiceId, kind) => reads().getSecuring(invoiceId, kind),
    recordFileWrite: async (input) => {
      const at = clock();
      return transact((tx) => recordFileWriteTx(tx, input, at));
    },
    getWrittenFile: async (fileId) => reads().getWrittenFile(fileId),
    hasProcessedReturn: async (sourceId) => reads().hasReturn(sourceId),
    listProcessedReturns: async (filter = {}) => reads().listProcessedReturns(filter),
    reapplyReturn: async (input) => transact((tx) => reapplyReturnTx(tx, input, clock)),
    listReturnAudits: async (sourceId) => reads().listReturnAudits(sourceId),
    getInvoice: async (id) => reads().getInvoice(id),
    // One type for invoice numbers: an integer; the 9-digit text is wire format only (a text
    // would match in SQLite by affinity and not in memory).
    getInvoiceByNumber: async (ps, numero) => (Number.isSafeInteger(numero) ? reads().getInvoiceByNumber(compactPs(ps), numero) : undefined),
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
