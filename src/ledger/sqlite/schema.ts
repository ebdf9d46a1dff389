/**
 * SQLite schema of the ledger: a forward-only migration list; the database's `user_version`
 * pragma is the number of migrations applied. STRICT tables, so an amount column can never hold
 * a REAL: money is INTEGER centimes everywhere.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SesamError } from '../../core/issues/index';

/** Migrations, in order; never edit a shipped one, append a new one. */
export const LEDGER_MIGRATIONS: readonly string[] = Object.freeze([
  `
  CREATE TABLE counters (scope TEXT PRIMARY KEY, last INTEGER NOT NULL) STRICT;
  CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    ps TEXT NOT NULL,
    numero INTEGER NOT NULL CHECK (numero BETWEEN 1 AND 999999999),
    care_key TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    beneficiaire TEXT NOT NULL,
    date_soins TEXT NOT NULL,
    actes TEXT NOT NULL,
    date_facturation TEXT NOT NULL,
    montant_total INTEGER NOT NULL,
    montant_amo INTEGER NOT NULL,
    montant_amc INTEGER NOT NULL,
    montant_patient INTEGER NOT NULL,
    destinataire_amo TEXT NOT NULL,
    amc_destinataire TEXT,
    amc_tiers_payant INTEGER,
    securisation TEXT NOT NULL CHECK (securisation IN ('S', 'F', 'D')),
    payload TEXT,
    created_at TEXT NOT NULL,
    recycled_from INTEGER REFERENCES invoices (id),
    recycled_into INTEGER REFERENCES invoices (id),
    UNIQUE (ps, numero)
  ) STRICT;
  CREATE UNIQUE INDEX invoices_active_care_key ON invoices (care_key) WHERE active = 1;
  CREATE TABLE lots (
    id INTEGER PRIMARY KEY,
    ps TEXT NOT NULL,
    destinataire TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fse', 'dre')),
    numero INTEGER NOT NULL CHECK (numero BETWEEN 1 AND 999),
    file_id TEXT,
    created_at TEXT NOT NULL,
    transmitted_at TEXT,
    transmissions INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX lots_file ON lots (file_id);
  CREATE TABLE lot_invoices (
    lot_id INTEGER NOT NULL REFERENCES lots (id),
    position INTEGER NOT NULL,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (lot_id, position)
  ) STRICT;
  CREATE TABLE invoice_parts (
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    part TEXT NOT NULL CHECK (part IN ('amo', 'amc')),
    state TEXT NOT NULL,
    expected INTEGER NOT NULL,
    paid INTEGER NOT NULL DEFAULT 0,
    lot_id INTEGER REFERENCES lots (id),
    transmitted_at TEXT,
    virement_refs TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (invoice_id, part)
  ) STRICT;
  CREATE INDEX invoice_parts_state ON invoice_parts (part, state, transmitted_at);
  CREATE TABLE history (
    seq INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    part TEXT NOT NULL,
    event TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    at TEXT NOT NULL,
    source TEXT,
    amount INTEGER,
    detail TEXT
  ) STRICT;
  CREATE INDEX history_invoice ON history (invoice_id, seq);
  CREATE TABLE processed_returns (source_id TEXT PRIMARY KEY, at TEXT NOT NULL) STRICT;
  `,
  // v2 (ledger engineer, issue #10): person key of the duplicate control; what securing produced
  // per invoice; the creation parameters of every written file (rebuildFile).
  `
  ALTER TABLE invoices ADD COLUMN person_key TEXT;
  CREATE INDEX invoices_active_person_key ON invoices (person_key) WHERE active = 1 AND person_key IS NOT NULL;
  CREATE TABLE invoice_securing (
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    kind TEXT NOT NULL CHECK (kind IN ('fse', 'dre')),
    mode TEXT NOT NULL CHECK (mode IN ('S', 'F', 'D')),
    format TEXT NOT NULL,
    securer_id TEXT NOT NULL,
    certificate_id TEXT,
    at TEXT NOT NULL,
    signature BLOB NOT NULL,
    secured_bytes BLOB NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (invoice_id, kind)
  ) STRICT;
  CREATE TABLE written_files (file_id TEXT PRIMARY KEY, params TEXT NOT NULL, length INTEGER NOT NULL, written_at TEXT NOT NULL) STRICT;
  `,
  // v3 (0.2.0, returns): audit records of re-applied returns; history looked up by source.
  `
  CREATE TABLE return_audits (
    seq INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES processed_returns (source_id),
    action TEXT NOT NULL CHECK (action IN ('reapply')),
    audited_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    applied INTEGER NOT NULL,
    skipped INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX history_source ON history (source);
  `,
]);

/**
 * Brings a database to the latest schema, one transaction per migration.
 *
 * @param db - An open database.
 * @param migrations - The migration list (default `LEDGER_MIGRATIONS`).
 * @returns The schema version after migrating.
 * @throws SesamError `STORE` when the database is newer than this library.
 */
export function migrateLedger(db: BetterSqlite3.Database, migrations: readonly string[] = LEDGER_MIGRATIONS): number {
  const usable = (db as { pragma?: unknown } | null | undefined)?.pragma;
  if (typeof usable !== 'function' || !Array.isArray(migrations) || !migrations.every((m) => typeof m === 'string')) {
    throw new SesamError('ASSERTION', 'migrateLedger needs an open better-sqlite3 database and a list of SQL texts');
  }
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  if (version() > migrations.length) {
    throw new SesamError('STORE', `ledger database schema v${version()} is newer than this library (v${migrations.length})`);
  }
  for (let target = version() + 1; target <= migrations.length; target++) {
    db.transaction(() => {
      // Another process may have migrated meanwhile: re-read inside the write lock.
      if (version() >= target) return;
      db.exec(migrations[target - 1] ?? '');
      db.pragma(`user_version = ${target}`);
    }).immediate();
  }
  return version();
}
