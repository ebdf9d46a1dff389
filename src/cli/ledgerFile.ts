/**
 * The SQLite ledger a command works on: `--ledger FILE`, or `ledger.sqlite` in the `--data`
 * folder (default {@link DEFAULT_DATA}). The file must exist: a command that reads or updates a
 * ledger never creates an empty one by mistake (exit 66 names the path). The one command that
 * records invoices (`fse build --record`) creates it in its data folder when missing
 * ({@link openOrCreateLedgerIn}), listed in the folder's marker like every path the library creates.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LedgerStore } from '../ledger/index';
import { createSqliteLedger } from '../ledger/sqlite/index';
import type { DataDir } from './dataDir';
import type { CliOutcome } from './outcome';
import { EXIT, refuse } from './outcome';

/** Default data folder of the day's commands (`lot`, `reconcile`, `watchdog`…). */
export const DEFAULT_DATA = '.sesam-data';
/** The ledger's file name in a data folder. */
export const LEDGER_FILE = 'ledger.sqlite';

/** Where the ledger is. */
export interface LedgerLocation {
  readonly data?: string;
  readonly ledger?: string;
}

/**
 * The ledger file named by the options.
 *
 * @param where - `ledger` (a file) or `data` (a folder holding ledger.sqlite).
 * @returns The path.
 */
export const ledgerPathOf = (where: LedgerLocation): string => where.ledger ?? join(where.data ?? DEFAULT_DATA, LEDGER_FILE);

/**
 * Opens an existing SQLite ledger.
 *
 * @param where - `ledger` or `data`.
 * @param clock - The instant of the events written (default the system clock, in the factory).
 * @returns The store; 66 when the file is missing or not a regular file.
 * @throws SesamError `NOT_INSTALLED` without better-sqlite3 (69 by runCli).
 */
export async function openLedgerFile(where: LedgerLocation, clock?: () => string): Promise<CliOutcome<LedgerStore>> {
  const path = ledgerPathOf(where);
  const st = await lstat(path).catch(() => undefined);
  if (st === undefined) return refuse(EXIT.NO_INPUT, `no ledger at ${path} (give --ledger FILE or --data DIR holding ${LEDGER_FILE}; sesam demo --data DIR makes one)`);
  if (!st.isFile()) return refuse(EXIT.NO_INPUT, `cannot use ${path} as ledger: not a regular file`);
  return { ok: true, value: await createSqliteLedger(clock === undefined ? { path } : { path, clock }) };
}

/** The SQLite files of a ledger: the database and the journals SQLite may create beside it. */
const LEDGER_FILES = [LEDGER_FILE, `${LEDGER_FILE}-wal`, `${LEDGER_FILE}-shm`, `${LEDGER_FILE}-journal`] as const;

/**
 * Opens the ledger of a data folder, creating it when missing (the files listed in the folder's
 * marker before SQLite creates them).
 *
 * @param dir - The data folder, opened with `openDataDir` (a folder that is not ours was refused there).
 * @param clock - The instant of the events written (default the system clock, in the factory).
 * @returns The store; 73 when `ledger.sqlite` is not a regular file, or a journal file sits
 *   there that the library did not create.
 * @throws SesamError `NOT_INSTALLED` without better-sqlite3 (69 by runCli).
 */
export async function openOrCreateLedgerIn(dir: DataDir, clock?: () => string): Promise<CliOutcome<LedgerStore>> {
  const path = join(dir.path, LEDGER_FILE);
  const st = await lstat(path).catch(() => undefined);
  if (st !== undefined && !st.isFile()) return refuse(EXIT.CANT_CREATE, `cannot use ${path} as ledger: not a regular file`);
  if (st === undefined) {
    for (const f of LEDGER_FILES) {
      const claimed = await dir.claimFile(f);
      if (!claimed.ok) return claimed;
    }
  }
  return { ok: true, value: await createSqliteLedger(clock === undefined ? { path } : { path, clock }) };
}
