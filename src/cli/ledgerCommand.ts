/**
 * What the day's commands (`fse build --record`, `lot`, `send`, `returns fetch`, `reconcile`,
 * `watchdog`) share: their common options (`--data`, `--ledger`, `--json`, `--quiet`, the exit
 * codes of their help) and one way to run on the ledger — open the SQLite ledger (and the data
 * folder when the command writes there), refuse through the reporter with the documented exit
 * code, run the work, close the ledger whatever happens.
 */
import type { Command } from 'commander';
import type { LedgerStore } from '../ledger/index';
import type { DataDir } from './dataDir';
import { openDataDir } from './dataDir';
import type { Reporter } from './json';
import type { LedgerLocation } from './ledgerFile';
import { DEFAULT_DATA, ledgerPathOf, openLedgerFile, openOrCreateLedgerIn } from './ledgerFile';

/** `--data DIR`, and `--ledger FILE` when the command only reads and updates the ledger. */
export interface LedgerOptionsHelp {
  /** What else the folder holds, after "data folder holding ledger.sqlite" (e.g. `; the files go to its fichiers/`). */
  readonly holds?: string;
  /** Adds `--ledger FILE` (commands that write nothing else into the folder). */
  readonly ledgerFile?: boolean;
}

/**
 * Adds `--data DIR` (and `--ledger FILE`) to a command.
 *
 * @param command - The command.
 * @param help - What the folder holds; whether `--ledger` is offered.
 * @returns The command.
 */
export function addLedgerOptions(command: Command, help: LedgerOptionsHelp = {}): Command {
  command.option('--data <dir>', `data folder holding ledger.sqlite${help.holds ?? ''} (default ${DEFAULT_DATA})`);
  return help.ledgerFile === true ? command.option('--ledger <file>', 'the SQLite ledger file (instead of --data)') : command;
}

/** The end of a command's options and help. */
export interface OutputOptionsHelp {
  /** The `--json` document's `result`, as the help names it (`{ files, skipped }`); absent: none named. */
  readonly result?: string;
  /** Adds `--quiet` (the commands that draw a progress bar). */
  readonly quiet?: boolean;
  /** The exit codes, as `0 done; 64 usage; …`. */
  readonly exitCodes: string;
}

/**
 * Adds `--json`, `--quiet` and the exit codes of the help to a command.
 *
 * @param command - The command.
 * @param help - The `result` of the JSON document, `quiet`, the exit codes.
 * @returns The command.
 */
export function addOutputOptions(command: Command, help: OutputOptionsHelp): Command {
  command.option('--json', `print one JSON document (docs/cli.md)${help.result === undefined ? '' : `: result is ${help.result}`}`);
  if (help.quiet === true) command.option('--quiet', 'no progress bar');
  return command.addHelpText('after', `\nExit codes: ${help.exitCodes}`);
}

/** What the work gets. */
export interface LedgerSession {
  readonly ledger: LedgerStore;
  /** The ledger's file. */
  readonly path: string;
  /** The data folder, when asked for (`dataDir` or `create`). */
  readonly dir: DataDir | undefined;
}

/** How the ledger is opened. */
export interface LedgerOpening {
  /** Also open the data folder (the command writes files there): 73 when it is not ours. */
  readonly dataDir?: boolean;
  /**
   * Create the ledger in the data folder when missing (`fse build --record`): the folder is
   * opened first, so a folder that is not ours is refused (73) before anything is created.
   * Only `data` counts (no `--ledger`).
   */
  readonly create?: boolean;
}

/**
 * Runs a command's work on the ledger, closing it afterwards.
 *
 * @param r - The command's reporter (refusals go through it).
 * @param where - `data` or `ledger` (default data folder {@link DEFAULT_DATA}).
 * @param opening - `dataDir`, `create`.
 * @param work - The work; returns the exit code (usually `r.finish(…)`).
 * @returns The work's exit code; 66 no ledger (without `create`); 73 the data folder or the
 *   ledger's file cannot be used.
 * @example
 * return withLedger(r, options, { dataDir: true }, async ({ ledger, dir }) => r.finish(EXIT.OK, await work(ledger, dir)));
 */
export function withLedger(r: Reporter, where: LedgerLocation, opening: LedgerOpening & ({ readonly dataDir: true } | { readonly create: true }), work: (session: LedgerSession & { readonly dir: DataDir }) => Promise<number>): Promise<number>;
/**
 * Runs a command's work on the ledger (without the data folder), closing it afterwards.
 *
 * @param r - The command's reporter.
 * @param where - `data` or `ledger`.
 * @param opening - `{}`.
 * @param work - The work; returns the exit code.
 * @returns The work's exit code; 66 no ledger.
 */
export function withLedger(r: Reporter, where: LedgerLocation, opening: LedgerOpening, work: (session: LedgerSession) => Promise<number>): Promise<number>;
export async function withLedger(r: Reporter, where: LedgerLocation, opening: LedgerOpening, work: (session: LedgerSession & { readonly dir: DataDir }) => Promise<number>): Promise<number> {
  const data = where.data ?? DEFAULT_DATA;
  let dir: DataDir | undefined;
  let ledger: LedgerStore;
  if (opening.create === true) {
    const opened = await openDataDir(data);
    if (!opened.ok) return r.refuse(opened.exit, opened.message);
    dir = opened.value;
    const created = await openOrCreateLedgerIn(dir);
    if (!created.ok) return r.refuse(created.exit, created.message);
    ledger = created.value;
  } else {
    const opened = await openLedgerFile(where);
    if (!opened.ok) return r.refuse(opened.exit, opened.message);
    ledger = opened.value;
  }
  try {
    if (opening.dataDir === true && dir === undefined) {
      const opened = await openDataDir(data);
      if (!opened.ok) return r.refuse(opened.exit, opened.message);
      dir = opened.value;
    }
    // The overloads give `dir` to the work that asked for it; the others ignore it.
    return await work({ ledger, path: opening.create === true ? ledgerPathOf({ data }) : ledgerPathOf(where), dir: dir as DataDir });
  } finally {
    await ledger.close();
  }
}
