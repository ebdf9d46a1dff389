/**
 * Inside one PostgreSQL transaction: fetching what the snapshot lacks, locking every counter,
 * invoice and lot row it reads, so a concurrent writer waits instead of overwriting (the overlay
 * is written back by `flush.ts`).
 */
import type { LedgerInvoice } from '../model';
import type { PgQueryable } from './driver';
import { historyOf, int, INVOICE_COLUMNS, invoiceOf, LOT_COLUMNS, lotOf, securingOf, writtenFileOf } from './rows';
import type { FetchKey, Snapshot } from './snapshot';
import { isRowId } from './snapshot';

type Raw = Record<string, unknown>;

/** A transaction's connection, its schema (quoted) and practice. */
export interface TxScope {
  readonly c: PgQueryable;
  readonly s: string;
  readonly practice: string;
}

/** Locks (creating at 0) and reads counters, in a fixed order. */
export async function fetchCounters({ c, s, practice }: TxScope, snap: Snapshot, scopes: readonly string[]): Promise<void> {
  const todo = [...new Set(scopes)].filter((x) => !snap.counters.has(x)).sort();
  if (todo.length === 0) return;
  // One statement: creates a missing counter at 0, and the no-op update takes the row lock (as
  // FOR UPDATE would) and returns the committed value, in scope order.
  const r = await c.query(
    `INSERT INTO ${s}.counters AS k (practice, scope, last) SELECT $1, x, 0 FROM unnest($2::text[]) AS x ORDER BY x
     ON CONFLICT (practice, scope) DO UPDATE SET last = k.last RETURNING k.scope, k.last`,
    [practice, todo],
  );
  for (const row of r.rows as Raw[]) snap.counters.set(String(row['scope']), int(row['last']));
}

function keepInvoice(snap: Snapshot, inv: LedgerInvoice): void {
  if (!snap.invoices.has(inv.id)) snap.invoices.set(inv.id, inv);
}

/** Locks and reads invoices by id (absent ones recorded as absent). */
export async function fetchInvoices({ c, s, practice }: TxScope, snap: Snapshot, ids: readonly string[]): Promise<void> {
  const todo = [...new Set(ids)].filter((id) => isRowId(id) && !snap.invoices.has(id)).sort((a, b) => Number(a) - Number(b));
  if (todo.length === 0) return;
  const r = await c.query(`SELECT ${INVOICE_COLUMNS(s)} FROM ${s}.invoices i WHERE i.practice = $1 AND i.id = ANY($2::bigint[]) ORDER BY i.id FOR UPDATE OF i`, [practice, todo]);
  for (const row of r.rows as Raw[]) keepInvoice(snap, invoiceOf(row));
  for (const id of todo) if (!snap.invoices.has(id)) snap.invoices.set(id, null);
}

/** Locks and reads the active invoices holding care keys or person keys. */
export async function fetchKeys({ c, s, practice }: TxScope, snap: Snapshot, kind: 'care' | 'person', keys: readonly string[]): Promise<void> {
  const map = kind === 'care' ? snap.careKeys : snap.personKeys;
  const todo = [...new Set(keys)].filter((k) => !map.has(k));
  if (todo.length === 0) return;
  const col = kind === 'care' ? 'care_key' : 'person_key';
  const r = await c.query(`SELECT ${INVOICE_COLUMNS(s)} FROM ${s}.invoices i WHERE i.practice = $1 AND i.active AND i.${col} = ANY($2::text[]) ORDER BY i.id FOR UPDATE OF i`, [practice, todo]);
  const found = new Map<string, string[]>();
  for (const row of r.rows as Raw[]) {
    const inv = invoiceOf(row);
    keepInvoice(snap, inv);
    const k = kind === 'care' ? inv.careKey : (inv.personKey ?? '');
    found.set(k, [...(found.get(k) ?? []), inv.id]);
  }
  for (const k of todo) {
    if (kind === 'care') snap.careKeys.set(k, found.get(k)?.[0] ?? null);
    else snap.personKeys.set(k, found.get(k) ?? []);
  }
}

/** Locks and reads lots by id. */
export async function fetchLots({ c, s, practice }: TxScope, snap: Snapshot, ids: readonly string[]): Promise<void> {
  const todo = [...new Set(ids)].filter((id) => isRowId(id) && !snap.lots.has(id));
  if (todo.length === 0) return;
  const r = await c.query(`SELECT ${LOT_COLUMNS(s)} FROM ${s}.lots l WHERE l.practice = $1 AND l.id = ANY($2::bigint[]) ORDER BY l.id FOR UPDATE OF l`, [practice, todo]);
  for (const row of r.rows as Raw[]) {
    const lot = lotOf(row);
    snap.lots.set(lot.id, lot);
  }
  for (const id of todo) if (!snap.lots.has(id)) snap.lots.set(id, null);
}

/**
 * Fetches one missing key (and whatever the same query brings).
 *
 * @param t - Connection, schema, practice.
 * @param snap - The snapshot, completed in place.
 * @param key - What the engine asked for.
 */
export async function fetchKey(t: TxScope, snap: Snapshot, key: FetchKey): Promise<void> {
  const { c, s, practice } = t;
  switch (key.k) {
    case 'counter':
      return fetchCounters(t, snap, [key.scope]);
    case 'invoice':
      return fetchInvoices(t, snap, [key.id]);
    case 'careKey':
      return fetchKeys(t, snap, 'care', [key.key]);
    case 'personKey':
      return fetchKeys(t, snap, 'person', [key.key]);
    case 'lot':
      return fetchLots(t, snap, [key.id]);
    case 'securing': {
      const r = await c.query(`SELECT x.* FROM ${s}.invoice_securing x JOIN ${s}.invoices i ON i.id = x.invoice_id WHERE i.practice = $1 AND x.invoice_id = $2 AND x.kind = $3`, [practice, key.id, key.kind]);
      const row = r.rows[0] as Raw | undefined;
      snap.securing.set(`${key.id}|${key.kind}`, row === undefined ? null : securingOf(row));
      return;
    }
    case 'file': {
      const r = await c.query(`SELECT * FROM ${s}.written_files WHERE practice = $1 AND file_id = $2`, [practice, key.fileId]);
      const row = r.rows[0] as Raw | undefined;
      snap.files.set(key.fileId, row === undefined ? null : writtenFileOf(row));
      return;
    }
    case 'lotsOfFile': {
      const r = await c.query(`SELECT ${LOT_COLUMNS(s)} FROM ${s}.lots l WHERE l.practice = $1 AND l.file_id = $2 ORDER BY l.id FOR UPDATE OF l`, [practice, key.fileId]);
      const lots = (r.rows as Raw[]).map(lotOf);
      for (const l of lots) if (!snap.lots.has(l.id)) snap.lots.set(l.id, l);
      snap.lotsOfFile.set(key.fileId, lots.map((l) => l.id));
      return;
    }
    case 'return': {
      const r = await c.query(`SELECT 1 FROM ${s}.processed_returns WHERE practice = $1 AND source_id = $2`, [practice, key.sourceId]);
      snap.returns.set(key.sourceId, r.rows.length > 0);
      return;
    }
    case 'historyOfSource': {
      const r = await c.query(`SELECT * FROM ${s}.history WHERE practice = $1 AND source = $2 ORDER BY seq`, [practice, key.sourceId]);
      snap.historyOfSource.set(key.sourceId, (r.rows as Raw[]).map(historyOf));
      return;
    }
    case 'ids': {
      const r = await c.query(`SELECT nextval('${s}.${key.seq}_ids') AS id FROM generate_series(1, $1::int)`, [key.n]);
      snap.ids[key.seq].push(...(r.rows as Raw[]).map((row) => String(int(row['id']))));
      return;
    }
  }
}
