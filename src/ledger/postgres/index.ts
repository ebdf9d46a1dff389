/**
 * `sesam-billing/ledger/postgres`: the PostgreSQL ledger for vendors hosting many practices
 * (node-postgres `pg`, an optional dependency loaded only here, lazily). One set of tables per
 * schema, a `practice` column on every row; one transaction per operation, READ COMMITTED with
 * row locks (`SELECT … FOR UPDATE`) on the counters, invoices and lots it touches; conflicts
 * retried, then `STORE_BUSY`; versioned, idempotent migrations in `schema_version`.
 */
import type { Issue } from '../../core/issues/index';
import { SesamError } from '../../core/issues/index';
import { field, guardBoolean, guardFunction, guardInteger, guardObject, guardString } from '../../core/guard/index';
import { checkLedgerOptions } from '../engine/createLedgerStore';
import type { LedgerOptions, LedgerStore } from '../port';
import type { PgModule, PgPoolLike } from './driver';
import { loadPgDriver } from './driver';
import { checkPostgresLedgerVersion, migratePostgresLedger, SCHEMA_RE } from './schema';
import { createPgStore } from './store';

export type { PgModule, PgPoolClient, PgPoolLike, PgQueryable, PgQueryResult } from './driver';
export { loadPgDriver } from './driver';
export { checkPostgresLedgerVersion, migratePostgresLedger, POSTGRES_LEDGER_MIGRATIONS } from './schema';

/** Options of `createPostgresLedger`: a pool or a connection string. */
export interface PostgresLedgerOptions extends LedgerOptions {
  /** A `pg.Pool` the caller owns (`close()` leaves it open). */
  readonly pool?: PgPoolLike;
  /** Or a connection string: the store creates its pool and ends it on `close()`. */
  readonly connectionString?: string;
  /** Connections of the pool the store creates (default 10). */
  readonly poolSize?: number;
  /** Schema holding the tables (default `sesam_ledger`; created when absent). */
  readonly schema?: string;
  /**
   * Migrate the schema when opening (default true). `false`: only check it is at this library's
   * version (a runtime role without DDL rights; migrations run by a deployment script).
   */
  readonly migrate?: boolean;
  /** The practice (tenant) this store reads and writes (default `default`). */
  readonly practice?: string;
  /** Retries of an operation refused by a conflict (serialization, deadlock, race), default 8. */
  readonly conflictRetries?: number;
  /** First backoff between conflict retries, ms (default 10, doubled each retry, with jitter). */
  readonly conflictBackoffMs?: number;
  /** The `pg` module, when the caller loaded it (default: `import('pg')`). */
  readonly driver?: PgModule;
}

function checkOptions(options: unknown): PostgresLedgerOptions {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues);
  const pool = o && guardObject(field(o, 'pool'), ['options', 'pool'], issues, { required: false });
  if (pool !== undefined) {
    guardFunction(pool['query'], ['options', 'pool', 'query'], issues);
    guardFunction(pool['connect'], ['options', 'pool', 'connect'], issues);
  }
  const connectionString = o && guardString(field(o, 'connectionString'), ['options', 'connectionString'], issues, { min: 1, max: 4096, required: false });
  const schema = o && guardString(field(o, 'schema'), ['options', 'schema'], issues, { pattern: SCHEMA_RE, required: false, expected: 'nom de schéma (minuscules, chiffres, _)' });
  const migrate = o && guardBoolean(field(o, 'migrate'), ['options', 'migrate'], issues, { required: false });
  const practice = o && guardString(field(o, 'practice'), ['options', 'practice'], issues, { min: 1, max: 200, required: false });
  const poolSize = o && guardInteger(field(o, 'poolSize'), ['options', 'poolSize'], issues, { min: 1, max: 1000, required: false });
  const conflictRetries = o && guardInteger(field(o, 'conflictRetries'), ['options', 'conflictRetries'], issues, { min: 0, max: 100, required: false });
  const conflictBackoffMs = o && guardInteger(field(o, 'conflictBackoffMs'), ['options', 'conflictBackoffMs'], issues, { min: 0, max: 60_000, required: false });
  const driver = o && guardObject(field(o, 'driver'), ['options', 'driver'], issues, { required: false });
  const common = checkLedgerOptions(o, issues);
  if ((pool === undefined) === (connectionString === undefined)) {
    throw new SesamError('ASSERTION', 'invalid PostgreSQL ledger options: give exactly one of pool or connectionString', { issues });
  }
  return {
    ...common,
    ...(pool === undefined ? {} : { pool: pool as unknown as PgPoolLike }),
    ...(connectionString === undefined ? {} : { connectionString }),
    ...(schema === undefined ? {} : { schema }),
    ...(practice === undefined ? {} : { practice }),
    ...(migrate === undefined ? {} : { migrate }),
    ...(poolSize === undefined ? {} : { poolSize }),
    ...(conflictRetries === undefined ? {} : { conflictRetries }),
    ...(conflictBackoffMs === undefined ? {} : { conflictBackoffMs }),
    ...(driver === undefined ? {} : { driver: driver as unknown as PgModule }),
  };
}

/**
 * Opens a PostgreSQL ledger for one practice, migrating the schema when needed.
 *
 * @param options - A pool or a connection string, schema, practice, clock, lot numbering rule.
 * @returns The store; call `close()` when done (it ends the pool only when it created it).
 * @throws SesamError `ASSERTION` on bad options, `NOT_INSTALLED` without `pg`, `STORE` when the
 *   database cannot be reached or its schema is newer than this library.
 * @example
 * import { createPostgresLedger } from 'sesam-billing/ledger/postgres';
 * const ledger = await createPostgresLedger({ connectionString: process.env.DATABASE_URL, practice: 'cabinet-42' });
 */
export async function createPostgresLedger(options: PostgresLedgerOptions): Promise<LedgerStore> {
  const o = checkOptions(options);
  const schema = o.schema ?? 'sesam_ledger';
  let pool = o.pool;
  let owned = false;
  if (pool === undefined) {
    const pg = o.driver ?? (await loadPgDriver());
    pool = new pg.Pool({ connectionString: o.connectionString ?? '', max: o.poolSize ?? 10 });
    // An idle connection dropped by the server must not crash the process (pg emits `error`);
    // the next operation gets a fresh connection or a STORE error.
    pool.on?.('error', () => undefined);
    owned = true;
  }
  const end = owned ? () => (pool as PgPoolLike).end() : async () => undefined;
  try {
    const client = await pool.connect();
    try {
      if (o.migrate === false) await checkPostgresLedgerVersion(client, schema);
      else await migratePostgresLedger(client, schema);
    } finally {
      client.release();
    }
  } catch (cause) {
    await end().catch(() => undefined);
    if (cause instanceof SesamError) throw cause;
    throw new SesamError('STORE', `cannot open the PostgreSQL ledger (schema ${schema}): ${(cause as Error).message}`, { cause });
  }
  return createPgStore({
    pool,
    s: `"${schema}"`,
    practice: o.practice ?? 'default',
    clock: o.clock ?? (() => new Date().toISOString()),
    rule: o.lotNumbering ?? 'perPs',
    conflicts: { retries: o.conflictRetries ?? 8, backoffMs: o.conflictBackoffMs ?? 10 },
    end,
  });
}
