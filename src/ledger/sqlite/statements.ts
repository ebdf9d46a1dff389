/**
 * The prepared SQL statements of the SQLite ledger (one place to read every query).
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Names of the prepared statements. */
export type StatementName =
  'counter' | 'writeCounter' | 'invoiceById' | 'invoiceByNumber' | 'activeByCareKey' | 'partsOf' | 'insertInvoice' | 'updateInvoice' | 'upsertPart' | 'lotById' | 'lotsOfFile' | 'lotInvoices' | 'insertLot' | 'insertLotInvoice' | 'updateLot' | 'insertHistory' | 'historyOf' | 'returnById' | 'insertReturn' | 'listInvoices' | 'listLots' | 'summary' | 'activeByPersonKey' | 'securingOf' | 'insertSecuring' | 'writtenFile' | 'insertWrittenFile';

/** The prepared statements, by name (explicit type: the d.ts build must be able to name it). */
export type PreparedStatements = Readonly<Record<StatementName, BetterSqlite3.Statement>>;

/**
 * Prepares every statement once per connection.
 *
 * @param db - A migrated database.
 * @returns The statements.
 */
export function prepareStatements(db: BetterSqlite3.Database): PreparedStatements {
  const p = (sql: string): BetterSqlite3.Statement => db.prepare(sql);
  return {
    counter: p('SELECT last FROM counters WHERE scope = ?').pluck(),
    writeCounter: p('INSERT INTO counters (scope, last) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET last = excluded.last'),
    invoiceById: p('SELECT * FROM invoices WHERE id = ?'),
    invoiceByNumber: p('SELECT * FROM invoices WHERE ps = ? AND numero = ?'),
    activeByCareKey: p('SELECT * FROM invoices WHERE care_key = ? AND active = 1'),
    activeByPersonKey: p('SELECT * FROM invoices WHERE person_key = ? AND active = 1'),
    securingOf: p('SELECT * FROM invoice_securing WHERE invoice_id = ? AND kind = ?'),
    insertSecuring: p(`INSERT INTO invoice_securing (invoice_id, kind, mode, format, securer_id, certificate_id, at, signature, secured_bytes, document)
      VALUES (@invoice_id, @kind, @mode, @format, @securer_id, @certificate_id, @at, @signature, @secured_bytes, @document)`),
    writtenFile: p('SELECT * FROM written_files WHERE file_id = ?'),
    insertWrittenFile: p('INSERT INTO written_files (file_id, params, length, written_at) VALUES (@file_id, @params, @length, @written_at)'),
    partsOf: p('SELECT * FROM invoice_parts WHERE invoice_id = ? ORDER BY part DESC'),
    insertInvoice: p(`INSERT INTO invoices (ps, numero, care_key, person_key, active, beneficiaire, date_soins, actes, date_facturation,
      montant_total, montant_amo, montant_amc, montant_patient, destinataire_amo, amc_destinataire, amc_tiers_payant,
      securisation, payload, created_at, recycled_from)
      VALUES (@ps, @numero, @care_key, @person_key, @active, @beneficiaire, @date_soins, @actes, @date_facturation,
      @montant_total, @montant_amo, @montant_amc, @montant_patient, @destinataire_amo, @amc_destinataire, @amc_tiers_payant,
      @securisation, @payload, @created_at, @recycled_from)`),
    updateInvoice: p('UPDATE invoices SET active = @active, payload = @payload, recycled_into = @recycled_into WHERE id = @id'),
    upsertPart: p(`INSERT INTO invoice_parts (invoice_id, part, state, expected, paid, lot_id, transmitted_at, virement_refs, updated_at)
      VALUES (@invoice_id, @part, @state, @expected, @paid, @lot_id, @transmitted_at, @virement_refs, @updated_at)
      ON CONFLICT (invoice_id, part) DO UPDATE SET state = excluded.state, expected = excluded.expected, paid = excluded.paid,
      lot_id = excluded.lot_id, transmitted_at = excluded.transmitted_at, virement_refs = excluded.virement_refs, updated_at = excluded.updated_at`),
    lotById: p('SELECT * FROM lots WHERE id = ?'),
    lotsOfFile: p('SELECT * FROM lots WHERE file_id = ? ORDER BY id'),
    lotInvoices: p('SELECT invoice_id FROM lot_invoices WHERE lot_id = ? ORDER BY position').pluck(),
    insertLot: p(`INSERT INTO lots (ps, destinataire, kind, numero, file_id, created_at, transmitted_at, transmissions)
      VALUES (@ps, @destinataire, @kind, @numero, @file_id, @created_at, @transmitted_at, @transmissions)`),
    insertLotInvoice: p('INSERT INTO lot_invoices (lot_id, position, invoice_id) VALUES (?, ?, ?)'),
    updateLot: p('UPDATE lots SET file_id = @file_id, transmitted_at = @transmitted_at, transmissions = @transmissions WHERE id = @id'),
    insertHistory: p(`INSERT INTO history (invoice_id, part, event, from_state, to_state, at, source, amount, detail)
      VALUES (@invoice_id, @part, @event, @from_state, @to_state, @at, @source, @amount, @detail)`),
    historyOf: p('SELECT * FROM history WHERE invoice_id = ? ORDER BY seq'),
    returnById: p('SELECT 1 FROM processed_returns WHERE source_id = ?').pluck(),
    insertReturn: p('INSERT INTO processed_returns (source_id, at) VALUES (?, ?)'),
    listInvoices: p(`SELECT i.* FROM invoices i JOIN invoice_parts p ON p.invoice_id = i.id AND p.part = @part
      WHERE (@ps IS NULL OR i.ps = @ps)
        AND (@states IS NULL OR p.state IN (SELECT value FROM json_each(@states)))
        AND (@before IS NULL OR (p.transmitted_at IS NOT NULL AND p.transmitted_at < @before))
        AND (@lot IS NULL OR p.lot_id = @lot)
        AND (@from IS NULL OR i.date_soins >= @from)
        AND (@to IS NULL OR i.date_soins <= @to)
      ORDER BY i.ps, i.numero LIMIT @limit OFFSET @offset`),
    listLots: p(`SELECT * FROM lots
      WHERE (@ps IS NULL OR ps = @ps) AND (@file IS NULL OR file_id = @file) AND (@kind IS NULL OR kind = @kind)
        AND (@transmitted IS NULL OR (transmitted_at IS NOT NULL) = @transmitted)
      ORDER BY id`),
    summary: p(`SELECT p.part AS part, p.state AS state, COUNT(*) AS n, SUM(p.expected) AS e, SUM(p.paid) AS p
      FROM invoice_parts p JOIN invoices i ON i.id = p.invoice_id
      WHERE (@ps IS NULL OR i.ps = @ps) GROUP BY p.part, p.state`),
  };
}
