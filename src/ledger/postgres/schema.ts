/**
 * PostgreSQL schema of the ledger: versioned, forward-only migrations recorded in a
 * `schema_version` table, each written with `IF NOT EXISTS` so a half-applied one can run again.
 * One set of tables for every practice: each row carries its `practice` and every query filters
 * on it (see docs/guides/postgres.md for why not a schema per practice).
 *
 * Money is `bigint` centimes, never `numeric` nor a float; ids come from sequences so they are
 * unique across practices (an id of practice A names nothing in practice B).
 */
import { SesamError } from '../../core/issues/index';
import type { PgQueryable } from './driver';

/** Migrations, in order; `{s}` is the (quoted) schema. Never edit a shipped one, append. */
export const POSTGRES_LEDGER_MIGRATIONS: readonly string[] = Object.freeze([
  `
  CREATE TABLE IF NOT EXISTS {s}.counters (practice text NOT NULL, scope text NOT NULL, last bigint NOT NULL, PRIMARY KEY (practice, scope));
  CREATE SEQUENCE IF NOT EXISTS {s}.invoice_ids;
  CREATE SEQUENCE IF NOT EXISTS {s}.lot_ids;
  CREATE TABLE IF NOT EXISTS {s}.invoices (
    id bigint PRIMARY KEY,
    practice text NOT NULL,
    ps text NOT NULL,
    numero integer NOT NULL CHECK (numero BETWEEN 1 AND 999999999),
    care_key text NOT NULL,
    person_key text,
    active boolean NOT NULL,
    beneficiaire text NOT NULL,
    date_soins text NOT NULL,
    actes text NOT NULL,
    date_facturation text NOT NULL,
    montant_total bigint NOT NULL,
    montant_amo bigint NOT NULL,
    montant_amc bigint NOT NULL,
    montant_patient bigint NOT NULL,
    destinataire_amo text NOT NULL,
    amc_destinataire text,
    amc_tiers_payant smallint,
    securisation text NOT NULL CHECK (securisation IN ('S', 'F', 'D')),
    payload text,
    created_at text NOT NULL,
    recycled_from bigint REFERENCES {s}.invoices (id),
    recycled_into bigint REFERENCES {s}.invoices (id),
    UNIQUE (practice, ps, numero)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS invoices_active_care_key ON {s}.invoices (practice, care_key) WHERE active;
  CREATE INDEX IF NOT EXISTS invoices_active_person_key ON {s}.invoices (practice, person_key) WHERE active AND person_key IS NOT NULL;
  CREATE TABLE IF NOT EXISTS {s}.lots (
    id bigint PRIMARY KEY,
    practice text NOT NULL,
    ps text NOT NULL,
    destinataire text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('fse', 'dre')),
    numero integer NOT NULL CHECK (numero BETWEEN 1 AND 999),
    file_id text,
    created_at text NOT NULL,
    transmitted_at text,
    transmissions integer NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS lots_file ON {s}.lots (practice, file_id);
  CREATE TABLE IF NOT EXISTS {s}.lot_invoices (
    lot_id bigint NOT NULL REFERENCES {s}.lots (id),
    position integer NOT NULL,
    invoice_id bigint NOT NULL REFERENCES {s}.invoices (id),
    PRIMARY KEY (lot_id, position)
  );
  CREATE TABLE IF NOT EXISTS {s}.invoice_parts (
    invoice_id bigint NOT NULL REFERENCES {s}.invoices (id),
    part text NOT NULL CHECK (part IN ('amo', 'amc')),
    state text NOT NULL,
    expected bigint NOT NULL,
    paid bigint NOT NULL DEFAULT 0,
    lot_id bigint REFERENCES {s}.lots (id),
    transmitted_at text,
    virement_refs text NOT NULL DEFAULT '[]',
    updated_at text NOT NULL,
    PRIMARY KEY (invoice_id, part)
  );
  CREATE INDEX IF NOT EXISTS invoice_parts_state ON {s}.invoice_parts (part, state, transmitted_at);
  CREATE TABLE IF NOT EXISTS {s}.history (
    seq bigserial PRIMARY KEY,
    practice text NOT NULL,
    invoice_id bigint NOT NULL REFERENCES {s}.invoices (id),
    part text NOT NULL,
    event text NOT NULL,
    from_state text,
    to_state text NOT NULL,
    at text NOT NULL,
    source text,
    amount bigint,
    detail text
  );
  CREATE INDEX IF NOT EXISTS history_invoice ON {s}.history (invoice_id, seq);
  CREATE INDEX IF NOT EXISTS history_source ON {s}.history (practice, source, seq);
  CREATE TABLE IF NOT EXISTS {s}.processed_returns (
    practice text NOT NULL, source_id text NOT NULL, at text NOT NULL, seq bigserial NOT NULL, PRIMARY KEY (practice, source_id)
  );
  CREATE TABLE IF NOT EXISTS {s}.invoice_securing (
    invoice_id bigint NOT NULL REFERENCES {s}.invoices (id),
    kind text NOT NULL CHECK (kind IN ('fse', 'dre')),
    mode text NOT NULL CHECK (mode IN ('S', 'F', 'D')),
    format text NOT NULL,
    securer_id text NOT NULL,
    certificate_id text,
    at text NOT NULL,
    signature bytea NOT NULL,
    secured_bytes bytea NOT NULL,
    document text NOT NULL,
    PRIMARY KEY (invoice_id, kind)
  );
  CREATE TABLE IF NOT EXISTS {s}.written_files (
    practice text NOT NULL, file_id text NOT NULL, params text NOT NULL, length integer NOT NULL, written_at text NOT NULL, PRIMARY KEY (practice, file_id)
  );
  CREATE TABLE IF NOT EXISTS {s}.return_audits (
    practice text NOT NULL,
    seq bigint NOT NULL,
    source_id text NOT NULL,
    action text NOT NULL CHECK (action IN ('reapply')),
    audited_by text NOT NULL,
    reason text NOT NULL,
    at text NOT NULL,
    applied integer NOT NULL,
    skipped integer NOT NULL,
    PRIMARY KEY (practice, seq),
    FOREIGN KEY (practice, source_id) REFERENCES {s}.processed_returns (practice, source_id)
  );
  `,
]);

/** A schema name usable unquoted: lower-case letters, digits, underscore. */
export const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Brings a schema to the latest version: one transaction, under an advisory lock so two
 * processes starting together do not both migrate.
 *
 * @param client - A connection (not inside a transaction).
 * @param schema - Schema name (`SCHEMA_RE`), created when absent.
 * @param migrations - The migration list (default `POSTGRES_LEDGER_MIGRATIONS`).
 * @returns The schema version after migrating.
 * @throws SesamError `STORE` when the schema is newer than this library.
 */
export async function migratePostgresLedger(client: PgQueryable, schema: string, migrations: readonly string[] = POSTGRES_LEDGER_MIGRATIONS): Promise<number> {
  if (typeof (client as { query?: unknown } | null)?.query !== 'function') throw new SesamError('ASSERTION', 'migratePostgresLedger needs a pg client or pool');
  if (!Array.isArray(migrations) || !migrations.every((m) => typeof m === 'string')) throw new SesamError('ASSERTION', 'migrations must be a list of SQL texts');
  if (typeof schema !== 'string' || !SCHEMA_RE.test(schema)) throw new SesamError('ASSERTION', 'schema must match /^[a-z_][a-z0-9_]{0,62}$/');
  const s = `"${schema}"`;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sesam-billing ledger ${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const r = await client.query(`SELECT COALESCE(MAX(version), 0) AS v FROM ${s}.schema_version`);
    const current = Number((r.rows[0] as { v: unknown } | undefined)?.v ?? 0);
    if (current > migrations.length) throw new SesamError('STORE', `ledger PostgreSQL schema ${schema} is v${current}, newer than this library (v${migrations.length})`);
    for (let v = current + 1; v <= migrations.length; v++) {
      await client.query((migrations[v - 1] ?? '').replaceAll('{s}', s));
      await client.query(`INSERT INTO ${s}.schema_version (version) VALUES ($1)`, [v]);
    }
    await client.query('COMMIT');
    return Math.max(current, migrations.length);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/**
 * Checks, without changing anything, that a schema is at this library's version (for a runtime
 * role without DDL rights, when migrations run from a deployment script).
 *
 * @param client - A connection or pool.
 * @param schema - Schema name (`SCHEMA_RE`).
 * @param migrations - The migration list (default `POSTGRES_LEDGER_MIGRATIONS`).
 * @returns The schema version.
 * @throws SesamError `STORE` when the schema is absent, older or newer than the library.
 */
export async function checkPostgresLedgerVersion(client: PgQueryable, schema: string, migrations: readonly string[] = POSTGRES_LEDGER_MIGRATIONS): Promise<number> {
  if (typeof (client as { query?: unknown } | null)?.query !== 'function') throw new SesamError('ASSERTION', 'checkPostgresLedgerVersion needs a pg client or pool');
  if (typeof schema !== 'string' || !SCHEMA_RE.test(schema)) throw new SesamError('ASSERTION', 'schema must match /^[a-z_][a-z0-9_]{0,62}$/');
  const expected = Array.isArray(migrations) ? migrations.length : POSTGRES_LEDGER_MIGRATIONS.length;
  const exists = await client.query('SELECT to_regclass($1) AS t', [`"${schema}".schema_version`]);
  if ((exists.rows[0] as { t: unknown } | undefined)?.t == null) throw new SesamError('STORE', `ledger PostgreSQL schema ${schema} is not migrated (run migratePostgresLedger)`);
  const r = await client.query(`SELECT COALESCE(MAX(version), 0) AS v FROM "${schema}".schema_version`);
  const v = Number((r.rows[0] as { v: unknown } | undefined)?.v ?? 0);
  if (v !== expected) throw new SesamError('STORE', `ledger PostgreSQL schema ${schema} is v${v}, this library needs v${expected}${v < expected ? ' (run migratePostgresLedger)' : ''}`);
  return v;
}
