/**
 * Assembles the PostgreSQL `LedgerStore`: every mutating method runs the shared engine
 * (`../engine`) in one PostgreSQL transaction (`transactPg`), after prefetching, in a fixed lock
 * order (invoice counters, file counter, lot counters, then invoices by id), the rows it will
 * obviously touch; reads are single statements.
 */
import type { Result } from '../../core/issues/index';
import { ok, SesamError } from '../../core/issues/index';
import { inputErr } from '../../core/guard/index';
import { FILE_SCOPE, invoiceScope } from '../engine/backend';
import type { LedgerTx } from '../engine/backend';
import { eventAt, guardBatch } from '../engine/createLedgerStore';
import { cancelInvoiceTx, recordInvoiceTx, recycleInvoiceTx, setPayloadTx } from '../engine/invoices';
import { allocateFileIdTx, allocateLotNumberTx, createLotTx, lotScope, markTransmittedTx } from '../engine/lots';
import { recordBatchTx } from '../engine/batch';
import { applyReturnTx } from '../engine/returns';
import { reapplyReturnTx } from '../engine/reapply';
import { recordFileWriteTx, recordSecuringTx } from '../engine/securing';
import { compactPs, validateDraft } from '../engine/validateDraft';
import { MAX_INVOICE_NUMBER } from '../numbering';
import type { InvoiceDraft, LedgerStore, LotNumbering } from '../port';
import type { PgPoolLike } from './driver';
import { createPgReads } from './reads';
import type { Snapshot } from './snapshot';
import type { ConflictPolicy } from './transact';
import { transactPg } from './transact';
import type { TxScope } from './txio';
import { fetchCounters, fetchInvoices, fetchKey, fetchKeys, fetchLots } from './txio';

/** What the store needs. */
export interface PgStoreParts {
  readonly pool: PgPoolLike;
  /** Quoted schema. */
  readonly s: string;
  readonly practice: string;
  readonly clock: () => string;
  readonly rule: LotNumbering;
  readonly conflicts: ConflictPolicy;
  /** Ends the pool when the store created it. */
  readonly end: () => Promise<void>;
}

type Prefetch = (t: TxScope, snap: Snapshot) => Promise<void>;

const keysOf = (drafts: readonly unknown[]): { care: string[]; person: string[]; ps: string[] } => {
  const care: string[] = [];
  const person: string[] = [];
  const ps: string[] = [];
  for (const d of drafts) {
    try {
      const k = validateDraft(d);
      if (!k.ok) continue;
      care.push(k.value.careKey);
      if (k.value.personKey !== undefined) person.push(k.value.personKey);
      ps.push(compactPs((d as InvoiceDraft).ps));
    } catch {
      // junk: the engine reports it
    }
  }
  return { care, person, ps };
};

/** Prefetch of drafts to number: invoice counters first (the lock that serializes a PS), then duplicates. */
const draftsPrefetch = (drafts: readonly unknown[], extra?: (t: TxScope, snap: Snapshot, ps: readonly string[]) => Promise<void>): Prefetch => async (t, snap) => {
  const k = keysOf(drafts);
  await fetchCounters(t, snap, k.ps.map(invoiceScope));
  if (extra !== undefined) await extra(t, snap, k.ps);
  await fetchKeys(t, snap, 'care', k.care);
  await fetchKeys(t, snap, 'person', k.person);
  if (k.care.length > 0) await fetchKey(t, snap, { k: 'ids', seq: 'invoice', n: k.care.length });
};

const idsOf = (list: unknown, pick: (x: Record<string, unknown>) => unknown): string[] =>
  Array.isArray(list) ? list.flatMap((x) => (typeof x === 'object' && x !== null && typeof pick(x as Record<string, unknown>) === 'string' ? [pick(x as Record<string, unknown>) as string] : [])) : [];

/**
 * Creates the store.
 *
 * @param p - Pool, schema, practice, clock, rules.
 * @returns The store.
 */
export function createPgStore(p: PgStoreParts): LedgerStore {
  const where = { s: p.s, practice: p.practice };
  const reads = createPgReads(p.pool, p.s, p.practice);
  let closed = false;
  const open = (): void => {
    if (closed) throw new SesamError('STORE', 'ledger store is closed');
  };
  const tx = async <T>(fn: (t: LedgerTx) => Result<T>, prefetch?: Prefetch): Promise<Result<T>> => {
    open();
    return transactPg(p.pool, where, fn, prefetch, p.conflicts);
  };
  const read = async <T>(fn: () => Promise<T>): Promise<T> => {
    open();
    try {
      return await fn();
    } catch (cause) {
      if (cause instanceof SesamError) throw cause;
      throw new SesamError('STORE', `ledger PostgreSQL query failed: ${(cause as Error).message}`, { cause });
    }
  };
  const ps = (x: string | undefined): { ps?: string } => (x === undefined ? {} : { ps: compactPs(x) });
  const invoicesById = (ids: string[]): Prefetch => (t, snap) => fetchInvoices(t, snap, ids);
  return {
    recordInvoice: (draft) => tx((t) => recordInvoiceTx(t, draft, draft.at ?? p.clock()), draftsPrefetch([draft])),
    recycleInvoice: async (oldId, changes = {}, options) => {
      const at = eventAt(options, p.clock);
      return Array.isArray(at) ? inputErr(at) : tx((t) => recycleInvoiceTx(t, oldId, changes, at));
    },
    cancelInvoice: async (id, reason, options) => {
      const at = eventAt(options, p.clock);
      return Array.isArray(at) ? inputErr(at) : tx((t) => cancelInvoiceTx(t, id, reason, at), invoicesById([id]));
    },
    setPayload: (id, payload) => tx((t) => setPayloadTx(t, id, payload), invoicesById([id])),
    peekInvoiceNumber: (x) => read(async () => (await reads.readCounter(invoiceScope(compactPs(x)))) + 1),
    allocateLotNumber: async (x, destinataire) => {
      const r = await tx((t) => ok(allocateLotNumberTx(t, lotScope(p.rule, x, destinataire))));
      return r.ok ? r.value : 0;
    },
    allocateFileId: async () => {
      const r = await tx((t) => ok(allocateFileIdTx(t)));
      return r.ok ? r.value : '';
    },
    createLot: (draft) => {
      const ids = Array.isArray(draft?.invoiceIds) ? draft.invoiceIds.filter((x): x is string => typeof x === 'string') : [];
      return tx((t) => createLotTx(t, draft, p.rule, draft.at ?? p.clock()), invoicesById(ids));
    },
    markTransmitted: async (target, options) => {
      const at = eventAt(options, p.clock);
      if (Array.isArray(at)) return inputErr(at);
      return tx((t) => markTransmittedTx(t, target, at), async (t, snap) => {
        const fileId = (target as { fileId?: unknown } | null)?.fileId;
        if (typeof fileId === 'string') await fetchKey(t, snap, { k: 'lotsOfFile', fileId });
        else await fetchLots(t, snap, Array.isArray((target as { lotIds?: unknown })?.lotIds) ? (target as { lotIds: unknown[] }).lotIds.filter((x): x is string => typeof x === 'string') : []);
        await fetchInvoices(t, snap, [...snap.lots.values()].flatMap((l) => l?.invoiceIds ?? []));
      });
    },
    applyReturn: (input) =>
      tx((t) => applyReturnTx(t, input, input.at ?? p.clock()), async (t, snap) => {
        if (typeof input?.sourceId === 'string') await fetchKey(t, snap, { k: 'return', sourceId: input.sourceId });
        await fetchInvoices(t, snap, idsOf(input?.events, (e) => e['invoiceId']));
      }),
    recordBatch: async (drafts, options) => {
      const g = guardBatch(drafts, options);
      if (Array.isArray(g)) return inputErr(g);
      const at = g.at ?? p.clock();
      return tx((t) => recordBatchTx(t, g.drafts, g.max, p.rule, at), draftsPrefetch(g.drafts, async (t, snap, list) => {
        // Lock order of every numbering path: invoice counters, then the file counter, then lots.
        await fetchCounters(t, snap, [FILE_SCOPE]);
        if (p.rule === 'perPs') await fetchCounters(t, snap, list.map((x) => lotScope('perPs', x, '')));
      }));
    },
    recordSecuring: (input) => tx((t) => recordSecuringTx(t, input), invoicesById(idsOf([input], (x) => x['invoiceId']))),
    getSecuring: (invoiceId, kind) => read(() => reads.getSecuring(invoiceId, kind)),
    recordFileWrite: async (input) => {
      const at = p.clock();
      return tx((t) => recordFileWriteTx(t, input, at));
    },
    getWrittenFile: (fileId) => read(() => reads.getWrittenFile(fileId)),
    hasProcessedReturn: (sourceId) => read(() => reads.hasReturn(sourceId)),
    listProcessedReturns: (filter = {}) => read(() => reads.listProcessedReturns(filter)),
    reapplyReturn: (input) => tx((t) => reapplyReturnTx(t, input, p.clock), async (t, snap) => fetchInvoices(t, snap, idsOf((input as { events?: unknown } | null)?.events, (e) => e['invoiceId']))),
    listReturnAudits: (sourceId) => read(() => reads.listReturnAudits(sourceId)),
    getInvoice: (id) => read(() => reads.getInvoice(id)),
    getInvoiceByNumber: (x, numero) =>
      read(async () => (Number.isSafeInteger(numero) && numero >= 1 && numero <= MAX_INVOICE_NUMBER ? reads.getInvoiceByNumber(compactPs(x), numero) : undefined)),
    findByCareKey: (careKey) => read(() => reads.findActiveByCareKey(careKey)),
    listInvoices: (filter = {}) => read(() => reads.listInvoices({ ...filter, ...ps(filter.ps) })),
    getHistory: (id) => read(() => reads.getHistory(id)),
    getLot: (id) => read(() => reads.getLot(id)),
    listLots: (filter = {}) => read(() => reads.listLots({ ...filter, ...ps(filter.ps) })),
    summarize: (filter = {}) => read(() => reads.summarize(ps(filter.ps))),
    close: async () => {
      if (closed) return;
      closed = true;
      await p.end();
    },
  };
}
