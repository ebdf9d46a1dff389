/**
 * `sesam-billing/ledger/sqlite`: the embedded SQLite ledger (better-sqlite3, an optional
 * dependency loaded only here, lazily). WAL journal, one `BEGIN IMMEDIATE` transaction per
 * operation, `synchronous = FULL` by default so a committed invoice number survives a power cut,
 * schema versioned by `user_version` with forward-only migrations.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SesamError } from '../../core/issues/index';
import { createLedgerStore } from '../engine/createLedgerStore';
import type { LedgerOptions, LedgerStore } from '../port';
import { createSqliteBackend } from './backend';
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
  /** How long to wait for another process's write lock, ms (default 5000). */
  readonly busyTimeoutMs?: number;
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
  const Driver = options.driver ?? (await loadSqliteDriver());
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new Driver(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    migrateLedger(db);
    return createLedgerStore(createSqliteBackend(db), options);
  } catch (cause) {
    db?.close();
    if (cause instanceof SesamError) throw cause;
    throw new SesamError('STORE', `cannot open the SQLite ledger at ${options.path}: ${(cause as Error).message}`, { cause });
  }
}
