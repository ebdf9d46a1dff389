/**
 * Inside one PostgreSQL transaction: fetching what the snapshot lacks (locking every counter,
 * invoice and lot row it reads, so a concurrent writer waits instead of overwriting) and writing
 * an overlay back in a fixed order (few statements: arrays through `unnest`).
 */
import { isActiveInvoice } from '../engine/parts';
import type { LedgerInvoice } from '../model';
import type { PgQueryable } from './driver';
import { historyOf, int, INVOICE_COLUMNS, invoiceOf, LOT_COLUMNS, lotOf, securingOf, writtenFileOf } from './rows';
import type { FetchKey, Overlay, Snapshot } from './snapshot';
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

const col = <T>(list: readonly T[], f: (t: T) => unknown): unknown[] => list.map(f);

/**
 * Writes a run's overlay (the transaction commits afterwards).
 *
 * @param t - Connection, schema, practice.
 * @param ov - The writes.
 */
export async function flushOverlay({ c, s, practice }: TxScope, ov: Overlay): Promise<void> {
  if (ov.counters.size > 0) {
    const scopes = [...ov.counters.keys()].sort();
    await c.query(
      `INSERT INTO ${s}.counters (practice, scope, last) SELECT $1, u.scope, u.last FROM unnest($2::text[], $3::bigint[]) AS u(scope, last)
       ON CONFLICT (practice, scope) DO UPDATE SET last = excluded.last`,
      [practice, scopes, scopes.map((x) => ov.counters.get(x))],
    );
  }
  const inserted = new Set(ov.insertedInvoices);
  // Existing invoices first: a recycled one must stop being active before its successor takes its care key.
  const changed = [...ov.invoices.values()].filter((i) => !inserted.has(i.id));
  if (changed.length > 0) {
    await c.query(
      `UPDATE ${s}.invoices i SET active = u.active, payload = u.payload
       FROM unnest($2::bigint[], $3::boolean[], $4::text[]) AS u(id, active, payload) WHERE i.practice = $1 AND i.id = u.id`,
      [practice, col(changed, (i) => i.id), col(changed, isActiveInvoice), col(changed, (i) => i.payload ?? null)],
    );
  }
  const fresh = ov.insertedInvoices.map((id) => ov.invoices.get(id) as LedgerInvoice);
  if (fresh.length > 0) {
    await c.query(
      `INSERT INTO ${s}.invoices (practice, id, ps, numero, care_key, person_key, active, beneficiaire, date_soins, actes, date_facturation,
        montant_total, montant_amo, montant_amc, montant_patient, destinataire_amo, amc_destinataire, amc_tiers_payant, securisation, payload, created_at, recycled_from)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::int[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::text[],
        $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::text[], $17::text[], $18::smallint[], $19::text[], $20::text[], $21::text[], $22::bigint[])`,
      [
        practice, col(fresh, (i) => i.id), col(fresh, (i) => i.ps), col(fresh, (i) => i.numero), col(fresh, (i) => i.careKey), col(fresh, (i) => i.personKey ?? null),
        col(fresh, isActiveInvoice), col(fresh, (i) => JSON.stringify(i.beneficiaire)), col(fresh, (i) => i.dateSoins), col(fresh, (i) => JSON.stringify(i.actes)),
        col(fresh, (i) => i.dateFacturation), col(fresh, (i) => i.montants.total.centimes), col(fresh, (i) => i.montants.amo.centimes), col(fresh, (i) => i.montants.amc.centimes),
        col(fresh, (i) => i.montants.patient.centimes), col(fresh, (i) => i.destinataireAmo), col(fresh, (i) => i.amc?.destinataire ?? null),
        col(fresh, (i) => (i.amc === undefined ? null : i.amc.tiersPayant ? 1 : 0)), col(fresh, (i) => i.securisation), col(fresh, (i) => i.payload ?? null),
        col(fresh, (i) => i.createdAt), col(fresh, (i) => i.recycledFrom ?? null),
      ],
    );
  }
  const newLots = ov.insertedLots.map((id) => ov.lots.get(id)).filter((l) => l !== undefined);
  if (newLots.length > 0) {
    await c.query(
      `INSERT INTO ${s}.lots (practice, id, ps, destinataire, kind, numero, file_id, created_at, transmitted_at, transmissions)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::int[])`,
      [practice, col(newLots, (l) => l.id), col(newLots, (l) => l.ps), col(newLots, (l) => l.destinataire), col(newLots, (l) => l.kind), col(newLots, (l) => l.numero),
        col(newLots, (l) => l.fileId ?? null), col(newLots, (l) => l.createdAt), col(newLots, (l) => l.transmittedAt ?? null), col(newLots, (l) => l.transmissions)],
    );
    const links = newLots.flatMap((l) => l.invoiceIds.map((inv, position) => [l.id, position, inv] as const));
    await c.query(`INSERT INTO ${s}.lot_invoices (lot_id, position, invoice_id) SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[])`,
      [col(links, (x) => x[0]), col(links, (x) => x[1]), col(links, (x) => x[2])]);
  }
  const all = [...ov.invoices.values()];
  const parts = all.flatMap((i) => (['amo', 'amc'] as const).flatMap((p) => (i.parts[p] === undefined ? [] : [[i.id, p, i.parts[p]] as const])));
  if (parts.length > 0) {
    await c.query(
      `INSERT INTO ${s}.invoice_parts (invoice_id, part, state, expected, paid, lot_id, transmitted_at, virement_refs, updated_at)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::text[])
       ON CONFLICT (invoice_id, part) DO UPDATE SET state = excluded.state, expected = excluded.expected, paid = excluded.paid, lot_id = excluded.lot_id,
         transmitted_at = excluded.transmitted_at, virement_refs = excluded.virement_refs, updated_at = excluded.updated_at`,
      [col(parts, (x) => x[0]), col(parts, (x) => x[1]), col(parts, (x) => x[2].state), col(parts, (x) => x[2].expected.centimes), col(parts, (x) => x[2].paid.centimes),
        col(parts, (x) => x[2].lotId ?? null), col(parts, (x) => x[2].transmittedAt ?? null), col(parts, (x) => JSON.stringify(x[2].virementRefs)), col(parts, (x) => x[2].updatedAt)],
    );
  }
  const linked = all.filter((i) => i.recycledInto !== undefined);
  if (linked.length > 0) {
    await c.query(
      `UPDATE ${s}.invoices i SET recycled_into = u.recycled_into FROM unnest($2::bigint[], $3::bigint[]) AS u(id, recycled_into) WHERE i.practice = $1 AND i.id = u.id`,
      [practice, col(linked, (i) => i.id), col(linked, (i) => i.recycledInto)],
    );
  }
  const lotUpdates = [...ov.lots.values()].filter((l) => !ov.insertedLots.includes(l.id));
  if (lotUpdates.length > 0) {
    await c.query(
      `UPDATE ${s}.lots l SET file_id = u.file_id, transmitted_at = u.transmitted_at, transmissions = u.transmissions
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::int[]) AS u(id, file_id, transmitted_at, transmissions) WHERE l.practice = $1 AND l.id = u.id`,
      [practice, col(lotUpdates, (l) => l.id), col(lotUpdates, (l) => l.fileId ?? null), col(lotUpdates, (l) => l.transmittedAt ?? null), col(lotUpdates, (l) => l.transmissions)],
    );
  }
  const h = ov.history;
  if (h.length > 0) {
    await c.query(
      `INSERT INTO ${s}.history (practice, invoice_id, part, event, from_state, to_state, at, source, amount, detail)
       SELECT $1, u.a, u.b, u.c, u.d, u.e, u.f, u.g, u.h, u.i
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[]) WITH ORDINALITY AS u(a, b, c, d, e, f, g, h, i, n)
       ORDER BY u.n`,
      [practice, col(h, (e) => e.invoiceId), col(h, (e) => e.part), col(h, (e) => e.event), col(h, (e) => e.from), col(h, (e) => e.to), col(h, (e) => e.at),
        col(h, (e) => e.source ?? null), col(h, (e) => e.amount?.centimes ?? null), col(h, (e) => e.detail ?? null)],
    );
  }
  for (const [sourceId, at] of ov.returns) await c.query(`INSERT INTO ${s}.processed_returns (practice, source_id, at) VALUES ($1, $2, $3)`, [practice, sourceId, at]);
  for (const x of ov.securing) {
    await c.query(
      `INSERT INTO ${s}.invoice_securing (invoice_id, kind, mode, format, securer_id, certificate_id, at, signature, secured_bytes, document) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [x.invoiceId, x.kind, x.mode, x.format, x.securerId, x.certificateId ?? null, x.at, Buffer.from(x.signature), Buffer.from(x.securedBytes), x.document],
    );
  }
  for (const f of ov.files) await c.query(`INSERT INTO ${s}.written_files (practice, file_id, params, length, written_at) VALUES ($1, $2, $3, $4, $5)`, [practice, f.fileId, f.params, f.length, f.writtenAt]);
  for (const a of ov.audits) {
    await c.query(`INSERT INTO ${s}.return_audits (practice, seq, source_id, action, audited_by, reason, at, applied, skipped) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [practice, a.seq, a.sourceId, a.action, a.by, a.reason, a.at, a.applied, a.skipped]);
  }
}
