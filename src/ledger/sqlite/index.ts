/**
 * `sesam-billing/ledger/sqlite`: the embedded SQLite ledger (better-sqlite3, an optional
 * dependency loaded only here, lazily). WAL journal, one `BEGIN IMMEDIATE` transaction per
 * operation, `synchronous = FULL` by default so a committed invoice number survives a power cut,
 * schema versioned by `user_version` with forward-only migrations.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Issue } from '../../core/issues/index';
import { formatReceived, SesamError } from '../../core/issues/index';
import { field, guardEnum, guardFunction, guardInteger, guardObject, guardString } from '../../core/guard/index';
import { checkLedgerOptions, createLedgerStore } from '../engine/createLedgerStore';
import type { LedgerOptions, LedgerStore } from '../port';
import { createSqliteBackend } from './backend';
import { rekeyV1CareKeys } from './rekey';
import { migrateLedger } from './schema';

export { LEDGER_MIGRATIONS, migrateLedger } from './schema';

/** The better-sqlite3 constructor. */
export type SqliteDriver = typeof BetterSqlite3;

/** Options of `createSqliteLedger`. */
export interface SqliteLedgerOptions extends LedgerOptions {
  /** Database file (created when absent). `':memory:'` works but is not crash-safe. */
  readonly path: string;
  /**
   * `FULL` (default): a commit is on disk before the call returns (an allocated invoice
   * number is never handed out twice, even after a power cut). `NORMAL`: faster in WAL,
   * survives a process crash but may lose the last commits on power loss.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How long SQLite itself waits for another process's write lock, ms (default 5000). */
  readonly busyTimeoutMs?: number;
  /**
   * Retries of an operation still refused as busy after `busyTimeoutMs` (default 4). Every
   * operation is one transaction rolled back whole, so a retry is safe; when they are spent the
   * call throws `SesamError('STORE_BUSY')`, retryable by the caller.
   */
  readonly busyRetries?: number;
  /** First backoff between busy retries, ms (default 25, doubled each retry, with jitter). */
  readonly busyBackoffMs?: number;
  /** The driver, when the caller loaded it (default: `import('better-sqlite3')`). */
  readonly driver?: SqliteDriver;
}

/**
 * Loads better-sqlite3.
 *
 * @param importer - How to import a module (injectable for tests).
 * @returns The driver.
 * @throws SesamError `NOT_INSTALLED` when the optional dependency is absent or not built.
 */
export async function loadSqliteDriver(importer: (name: string) => Promise<unknown> = (name) => import(name)): Promise<SqliteDriver> {
  try {
    const mod = (await importer('better-sqlite3')) as { default?: SqliteDriver } & SqliteDriver;
    return mod.default ?? mod;
  } catch (cause) {
    throw new SesamError(
      'NOT_INSTALLED',
      'the SQLite ledger needs the optional dependency better-sqlite3 (npm install better-sqlite3@^12.6.2; Node 20 needs 12.x)',
      { cause },
    );
  }
}

/**
 * Opens (creating and migrating when needed) a SQLite ledger.
 *
 * @param options - File path, durability, clock, lot numbering rule.
 * @returns The store; call `close()` when done.
 * @throws SesamError `NOT_INSTALLED` without better-sqlite3, `STORE` when the file cannot be
 *   opened or its schema is newer than this library.
 * @example
 * import { createSqliteLedger } from 'sesam-billing/ledger/sqlite';
 * const ledger = await createSqliteLedger({ path: 'data/ledger.sqlite' });
 */
export async function createSqliteLedger(options: SqliteLedgerOptions): Promise<LedgerStore> {
  const o = checkSqliteOptions(options);
  const Driver = o.driver ?? (await loadSqliteDriver());
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new Driver(o.path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${o.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${o.busyTimeoutMs ?? 5000}`);
    migrateLedger(db);
    rekeyV1CareKeys(db);
    return createLedgerStore(createSqliteBackend(db, { retries: o.busyRetries ?? 4, backoffMs: o.busyBackoffMs ?? 25 }), o);
  } catch (cause) {
    db?.close();
    if (cause instanceof SesamError) throw cause;
    throw new SesamError('STORE', `cannot open the SQLite ledger at ${formatReceived(o.path)}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Checks the options before anything touches the disk: junk never becomes a file name.
 *
 * @param options - Untrusted options.
 * @returns The options, typed.
 * @throws SesamError `ASSERTION` with the `INPUT_*` issues.
 */
function checkSqliteOptions(options: unknown): SqliteLedgerOptions {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues);
  // A path: printable, no NUL, not blank; ':memory:' is SQLite's in-memory database.
  const path = o && guardString(field(o, 'path'), ['options', 'path'], issues, { min: 1, max: 4096, pattern: /^(?=.*\S)[^\u0000-\u001f]+$/, expected: 'chemin du fichier SQLite' });
  const synchronous = o && guardEnum(field(o, 'synchronous'), ['FULL', 'NORMAL'] as const, ['options', 'synchronous'], issues, { required: false });
  const busyTimeoutMs = o && guardInteger(field(o, 'busyTimeoutMs'), ['options', 'busyTimeoutMs'], issues, { min: 0, max: 600_000, required: false });
  const busyRetries = o && guardInteger(field(o, 'busyRetries'), ['options', 'busyRetries'], issues, { min: 0, max: 50, required: false });
  const busyBackoffMs = o && guardInteger(field(o, 'busyBackoffMs'), ['options', 'busyBackoffMs'], issues, { min: 0, max: 60_000, required: false });
  const driver = o && guardFunction(field(o, 'driver'), ['options', 'driver'], issues, { required: false });
  const common = checkLedgerOptions(o, issues);
  if (path === undefined) throw new SesamError('ASSERTION', 'invalid SQLite ledger options: path', { issues });
  return {
    ...common,
    path,
    ...(synchronous === undefined ? {} : { synchronous }),
    ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
    ...(busyRetries === undefined ? {} : { busyRetries }),
    ...(busyBackoffMs === undefined ? {} : { busyBackoffMs }),
    ...(driver === undefined ? {} : { driver: driver as unknown as SqliteDriver }),
  };
}
