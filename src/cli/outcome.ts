/**
 * How CLI helpers report a refusal: a sysexits(3) exit code and a one-line message, returned
 * (never thrown) so every command ends with one line on stderr and the documented code
 * (docs/cli.md). The codes follow BSD sysexits.h (FreeBSD sysexits(3) manual page).
 */

/** The exit codes the `sesam` command uses (sysexits.h values; docs/cli.md). */
export const EXIT = {
  OK: 0,
  /** EX_USAGE: bad command line (unknown option or command, missing argument). */
  USAGE: 64,
  /** EX_DATAERR: the input was read but is wrong (invalid JSON, invoice with errors, too large). */
  DATA: 65,
  /** EX_NOINPUT: the input file is missing, unreadable or not a regular file (FIFO, device, folder). */
  NO_INPUT: 66,
  /** EX_UNAVAILABLE: a service is missing (pcscd not running, PC/SC binding not installed). */
  UNAVAILABLE: 69,
  /** EX_SOFTWARE: an internal error (a bug: please report it). */
  SOFTWARE: 70,
  /** EX_CANTCREAT: the output folder cannot be used (a file, a symlink, a folder that is not ours). */
  CANT_CREATE: 73,
  /** EX_IOERR: reading or writing failed (disk full, permission lost mid-run). */
  IO: 74,
} as const;

/** One of {@link EXIT}'s codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A helper's answer: the value, or the exit code and the one-line message to print. */
export type CliOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly exit: ExitCode; readonly message: string };

/**
 * A refusal.
 *
 * @param exit - The exit code.
 * @param message - One line, no raw caller content other than the path the user typed.
 * @returns The failed outcome.
 */
export const refuse = (exit: ExitCode, message: string): { readonly ok: false; readonly exit: ExitCode; readonly message: string } => ({
  ok: false,
  exit,
  message: message.replace(/[\r\n]+/g, ' '),
});
