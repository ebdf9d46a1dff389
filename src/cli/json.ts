/**
 * `--json`: every command prints ONE JSON document on stdout, with a stable schema (docs/cli.md):
 * `{ "schema": 1, "ok": boolean, "command": string, "exit": number, "result"?: …, "issues": Issue[] }`.
 * Human text goes away (stdout) and the one-line refusals become `CLI_*` issues; the exit code is
 * the same as without `--json`. A {@link Reporter} is how a command writes in both modes.
 */
import type { Issue } from '../core/issues/index';
import { createIssueFactory } from '../core/issues/index';
import type { CliCode } from './codes';
import { CLI_CODES } from './codes';
import type { CliIo } from './io';
import type { ExitCode } from './outcome';
import { EXIT } from './outcome';

/** Version of the `--json` document; raised only when a field changes meaning or disappears. */
export const CLI_JSON_SCHEMA = 1;

/** The `--json` document. */
export interface CliJsonDocument {
  readonly schema: typeof CLI_JSON_SCHEMA;
  readonly ok: boolean;
  /** The command path, e.g. `price`, `fse validate`, `referentiel import-ccam`. */
  readonly command: string;
  /** The exit code of the process (sysexits). */
  readonly exit: number;
  readonly result?: unknown;
  readonly issues: readonly Issue[];
}

const cliIssue = createIssueFactory(CLI_CODES);

/** The `CLI_*` code of an exit code. */
export function cliCodeOf(exit: number): CliCode {
  switch (exit) {
    case EXIT.USAGE:
      return 'CLI_USAGE';
    case EXIT.DATA:
      return 'CLI_DATA';
    case EXIT.NO_INPUT:
      return 'CLI_NO_INPUT';
    case EXIT.UNAVAILABLE:
      return 'CLI_UNAVAILABLE';
    case EXIT.CANT_CREATE:
      return 'CLI_CANT_CREATE';
    case EXIT.IO:
      return 'CLI_IO';
    default:
      return 'CLI_SOFTWARE';
  }
}

/**
 * The issue of a refusal: the `CLI_*` code of the exit code, the one-line message (NIR masked by
 * the issue factory).
 *
 * @param exit - The exit code.
 * @param message - The one line printed without `--json`.
 * @returns The issue.
 */
export const refusalIssue = (exit: number, message: string): Issue => cliIssue(cliCodeOf(exit), { message: message.replace(/[\r\n]+/g, ' ') });

/**
 * Serializes the document (one line, then a newline).
 *
 * @param doc - The document without its schema version.
 * @returns The JSON text.
 */
export function formatJsonDocument(doc: Omit<CliJsonDocument, 'schema'>): string {
  const { result, ...rest } = doc;
  return `${JSON.stringify({ schema: CLI_JSON_SCHEMA, ok: rest.ok, command: rest.command, exit: rest.exit, ...(result === undefined ? {} : { result }), issues: rest.issues })}\n`;
}

/** How a command writes: text without `--json`, one document with it. */
export interface Reporter {
  readonly json: boolean;
  /** Human text to stdout (dropped with `--json`). */
  say(text: string): void;
  /** A library issue: one line on stderr, or an entry of `issues`. */
  issue(i: Issue): void;
  /** A note to stderr without `--json` (dropped with it). */
  note(text: string): void;
  /** Ends with a refusal: one line on stderr, or a `CLI_*` issue. Returns the exit code. */
  refuse(exit: ExitCode | number, message: string): number;
  /** Ends the command: writes the document with `--json`. Returns the exit code. */
  finish(exit: number, result?: unknown): number;
}

/**
 * Creates the reporter of one command run.
 *
 * @param io - Output.
 * @param command - The command path (`fse validate`).
 * @param json - `--json` given.
 * @returns The reporter.
 */
export function createReporter(io: CliIo, command: string, json: boolean): Reporter {
  const issues: Issue[] = [];
  let done = false;
  const prefix = `sesam ${command}: `;
  const r: Reporter = {
    json,
    say: (text) => {
      if (!json) io.out(text);
    },
    note: (text) => {
      if (!json) io.err(`${prefix}${text}\n`);
    },
    issue: (i) => {
      issues.push(i);
      if (!json) io.err(`${prefix}${i.severity} ${i.code} at ${i.path.join('.') || '(document)'}: ${i.message}\n`);
    },
    refuse: (exit, message) => {
      issues.push(refusalIssue(exit, message));
      if (!json) io.err(`${prefix}${message.replace(/[\r\n]+/g, ' ')}\n`);
      return r.finish(exit);
    },
    finish: (exit, result) => {
      if (json && !done) io.out(formatJsonDocument({ ok: exit === EXIT.OK, command, exit, result, issues }));
      done = true;
      return exit;
    },
  };
  return r;
}
