/**
 * Writing a run's overlay back inside the PostgreSQL transaction, in a fixed order (existing
 * invoices first, so a recycled one frees its care key before its successor is inserted) and in
 * few statements (arrays through `unnest`).
 */
import { isActiveInvoice } from '../engine/parts';
import type { LedgerInvoice } from '../model';
import type { Overlay } from './snapshot';
import type { TxScope } from './txio';

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
