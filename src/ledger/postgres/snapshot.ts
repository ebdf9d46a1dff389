/**
 * How the synchronous ledger engine runs over an asynchronous database: the engine works on a
 * `LedgerTx` whose reads come from a snapshot of rows fetched inside the PostgreSQL transaction
 * and whose writes go to an overlay. A read the snapshot does not hold throws `NeedData`; the
 * caller fetches it (locking the rows it reads) and runs the operation again from the start on
 * a fresh overlay — the engine is deterministic, so the last run is the one written. Prefetching
 * what an operation obviously needs keeps re-runs rare; correctness never depends on it.
 */
import type { HistoryEntry, LedgerInvoice, LedgerLot } from '../model';
import type { LedgerTx } from '../engine/backend';
import { isActiveInvoice } from '../engine/parts';
import type { InvoiceSecuring, WrittenFile } from '../securedPort';
import type { ReturnAudit } from '../returnsPort';

/** What the engine asked for and the snapshot lacked. */
export type FetchKey =
  | { readonly k: 'counter'; readonly scope: string }
  | { readonly k: 'invoice'; readonly id: string }
  | { readonly k: 'careKey'; readonly key: string }
  | { readonly k: 'personKey'; readonly key: string }
  | { readonly k: 'securing'; readonly id: string; readonly kind: 'fse' | 'dre' }
  | { readonly k: 'file'; readonly fileId: string }
  | { readonly k: 'lot'; readonly id: string }
  | { readonly k: 'lotsOfFile'; readonly fileId: string }
  | { readonly k: 'return'; readonly sourceId: string }
  | { readonly k: 'historyOfSource'; readonly sourceId: string }
  | { readonly k: 'ids'; readonly seq: 'invoice' | 'lot'; readonly n: number };

/** Thrown by a snapshot read that must be fetched first. */
export class NeedData {
  constructor(readonly key: FetchKey) {}
}

/** Rows read from the database in this transaction (`null`: known absent). */
export interface Snapshot {
  readonly counters: Map<string, number>;
  readonly invoices: Map<string, LedgerInvoice | null>;
  /** Care key → id of the active invoice in the database (null: none). */
  readonly careKeys: Map<string, string | null>;
  readonly personKeys: Map<string, readonly string[]>;
  readonly securing: Map<string, InvoiceSecuring | null>;
  readonly files: Map<string, WrittenFile | null>;
  readonly lots: Map<string, LedgerLot | null>;
  readonly lotsOfFile: Map<string, readonly string[]>;
  readonly returns: Map<string, boolean>;
  readonly historyOfSource: Map<string, readonly HistoryEntry[]>;
  /** Ids drawn from the sequences, handed out in order on every run. */
  readonly ids: { invoice: string[]; lot: string[] };
}

/** Writes of one run, flushed when the operation succeeds. */
export interface Overlay {
  readonly counters: Map<string, number>;
  readonly invoices: Map<string, LedgerInvoice>;
  readonly insertedInvoices: string[];
  readonly lots: Map<string, LedgerLot>;
  readonly insertedLots: string[];
  readonly history: HistoryEntry[];
  readonly returns: Map<string, string>;
  readonly securing: InvoiceSecuring[];
  readonly files: WrittenFile[];
  readonly audits: ReturnAudit[];
}

/** @returns an empty snapshot. */
export function emptySnapshot(): Snapshot {
  return {
    counters: new Map(), invoices: new Map(), careKeys: new Map(), personKeys: new Map(), securing: new Map(), files: new Map(),
    lots: new Map(), lotsOfFile: new Map(), returns: new Map(), historyOfSource: new Map(), ids: { invoice: [], lot: [] },
  };
}

/** @returns an empty overlay. */
export function emptyOverlay(): Overlay {
  return { counters: new Map(), invoices: new Map(), insertedInvoices: [], lots: new Map(), insertedLots: [], history: [], returns: new Map(), securing: [], files: [], audits: [] };
}

/** Counter scope of the per-practice sequence of return audits (not an engine scope). */
export const AUDIT_SCOPE = '#return_audit';
/** Ids are positive integers in text; anything else names no row. */
export const isRowId = (id: unknown): id is string => typeof id === 'string' && /^[1-9][0-9]{0,15}$/.test(id);

function base<K, V>(map: Map<K, V>, key: K, need: FetchKey): V {
  if (!map.has(key)) throw new NeedData(need);
  return map.get(key) as V;
}

/**
 * A transaction over a snapshot and an overlay.
 *
 * @param snap - Rows fetched so far.
 * @param ov - This run's writes.
 * @returns The engine's transaction.
 */
export function snapshotTx(snap: Snapshot, ov: Overlay): LedgerTx {
  const readCounter = (scope: string): number => ov.counters.get(scope) ?? base(snap.counters, scope, { k: 'counter', scope });
  const getInvoice = (id: string): LedgerInvoice | undefined => {
    if (!isRowId(id)) return undefined;
    return ov.invoices.get(id) ?? base(snap.invoices, id, { k: 'invoice', id }) ?? undefined;
  };
  const getLot = (id: string): LedgerLot | undefined => {
    if (!isRowId(id)) return undefined;
    return ov.lots.get(id) ?? base(snap.lots, id, { k: 'lot', id }) ?? undefined;
  };
  const activeIn = (ids: readonly string[], matches: (i: LedgerInvoice) => boolean): LedgerInvoice | undefined => {
    for (const inv of ov.invoices.values()) if (matches(inv) && isActiveInvoice(inv)) return inv;
    for (const id of ids) {
      const inv = getInvoice(id);
      if (inv !== undefined && matches(inv) && isActiveInvoice(inv)) return inv;
    }
    return undefined;
  };
  const nextId = (seq: 'invoice' | 'lot', inserted: readonly string[]): string => {
    const pool = snap.ids[seq];
    const id = pool[inserted.length];
    if (id === undefined) throw new NeedData({ k: 'ids', seq, n: Math.max(8, inserted.length + 1 - pool.length) });
    return id;
  };
  return {
    readCounter,
    writeCounter: (scope, last) => void ov.counters.set(scope, last),
    getInvoice,
    findActiveByCareKey: (key) => {
      const id = base(snap.careKeys, key, { k: 'careKey', key });
      return activeIn(id === null ? [] : [id], (i) => i.careKey === key);
    },
    findActiveByPersonKey: (key) => activeIn(base(snap.personKeys, key, { k: 'personKey', key }), (i) => i.personKey === key),
    getSecuring: (id, kind) => {
      if (!isRowId(id)) return undefined;
      const mine = ov.securing.find((s) => s.invoiceId === id && s.kind === kind);
      return mine ?? base(snap.securing, `${id}|${kind}`, { k: 'securing', id, kind }) ?? undefined;
    },
    putSecuring: (s) => void ov.securing.push(s),
    getWrittenFile: (fileId) => ov.files.find((f) => f.fileId === fileId) ?? base(snap.files, fileId, { k: 'file', fileId }) ?? undefined,
    putWrittenFile: (f) => void ov.files.push(f),
    insertInvoice: (invoice) => {
      const id = nextId('invoice', ov.insertedInvoices);
      ov.insertedInvoices.push(id);
      ov.invoices.set(id, { id, ...invoice });
      return id;
    },
    updateInvoice: (invoice) => void ov.invoices.set(invoice.id, invoice),
    getLot,
    lotsOfFile: (fileId) => {
      const ids = new Set([...base(snap.lotsOfFile, fileId, { k: 'lotsOfFile', fileId }), ...ov.lots.keys()]);
      const lots = [...ids].map(getLot).filter((l): l is LedgerLot => l !== undefined && l.fileId === fileId);
      return lots.sort((a, b) => Number(a.id) - Number(b.id));
    },
    insertLot: (lot) => {
      const id = nextId('lot', ov.insertedLots);
      ov.insertedLots.push(id);
      ov.lots.set(id, { id, ...lot });
      return id;
    },
    updateLot: (lot) => void ov.lots.set(lot.id, lot),
    appendHistory: (entry) => void ov.history.push(entry),
    hasReturn: (sourceId) => ov.returns.has(sourceId) || base(snap.returns, sourceId, { k: 'return', sourceId }),
    recordReturn: (sourceId, at) => void ov.returns.set(sourceId, at),
    historyOfSource: (sourceId) => [...base(snap.historyOfSource, sourceId, { k: 'historyOfSource', sourceId }), ...ov.history.filter((h) => h.source === sourceId)],
    insertReturnAudit: (audit) => {
      const seq = readCounter(AUDIT_SCOPE) + 1;
      ov.counters.set(AUDIT_SCOPE, seq);
      ov.audits.push({ seq, ...audit });
      return seq;
    },
  };
}
