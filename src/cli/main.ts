/**
 * `sesam` CLI: demo, price, … Each command is a module under commands/, loaded only when the
 * command line names it (`sesam price` does not load the demo, the agent or the PDF writer;
 * `sesam --version` loads none); commander parses the command line. Every failure ends with ONE
 * line on stderr and a sysexits(3) code (docs/cli.md): usage 64, data 65, no input 66,
 * unavailable 69, software 70, can't create 73, I/O 74. A stack trace is printed only with
 * SESAM_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { isSesamError } from '../core/issues/index';
import type { CliIo } from './io';
import type { ExitCode } from './outcome';
import { EXIT } from './outcome';
import { formatJsonDocument, refusalIssue } from './json';

/**
 * The package version, read from the package.json two folders up (src/cli/ in the sources,
 * dist/cli/ once built).
 *
 * @returns The version, or `unknown` when package.json cannot be read.
 */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return String(pkg.version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** Exit code of an error thrown while a command ran. */
function exitOf(e: unknown): ExitCode {
  if (isSesamError(e)) {
    if (e.code === 'TRANSPORT' || e.code === 'NOT_INSTALLED' || e.code === 'CARD') return EXIT.UNAVAILABLE;
    if (e.code === 'IO' || e.code === 'STORE') return EXIT.IO;
    return EXIT.SOFTWARE;
  }
  // Node's system errors (ENOSPC, EACCES, EIO …) carry `syscall`.
  if (e instanceof Error && 'syscall' in e) return EXIT.IO;
  return EXIT.SOFTWARE;
}

/** One line for an error: the message without the library prefix, line breaks folded. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/^\[sesam-billing\] /, '').replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Adds one command (with its sub-commands) to the program. */
type AddCommand = (program: Command, io: CliIo, done: (code: number) => void) => Command;

/**
 * The commands in the order of `sesam --help`, each with the loader of its module. A module is
 * imported only when the command line names its command: the demo alone takes about 1.6 s to
 * import (cards, services, mail, PDF, ledger), `sesam price` about 0.1 s.
 */
const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<AddCommand>]> = [
  [
    'demo',
    async () => {
      const { addDemoCommand } = await import('./commands/demo');
      // demo.ts belongs to the demo's owner: its --json (the generic document of runCli) is added here.
      return (program, io, done) => addDemoCommand(program, io, done).option('--json', 'print one JSON document (docs/cli.md): ok, exit code and issues; the day\'s text is not printed');
    },
  ],
  ['price', async () => (await import('./commands/price')).addPriceCommand],
  ['fse', async () => (await import('./commands/fse')).addFseCommand],
  ['lot', async () => (await import('./commands/lot')).addLotCommand],
  ['send', async () => (await import('./commands/send')).addSendCommand],
  ['returns', async () => (await import('./commands/returns')).addReturnsCommand],
  ['reconcile', async () => (await import('./commands/reconcile')).addReconcileCommand],
  ['watchdog', async () => (await import('./commands/watchdog')).addWatchdogCommand],
  ['readers', async () => (await import('./commands/readers')).addReadersCommand],
  [
    'referentiel',
    async () => {
      const { addReferentielCommand } = await import('./commands/referentiel');
      return (program, io, done) => addReferentielCommand(program, io, done, `sesam-billing ${packageVersion()}`);
    },
  ],
  ['scor', async () => (await import('./commands/scor')).addScorCommand],
  ['agent', async () => (await import('./commands/agent')).addAgentCommand],
  ['dashboard', async () => (await import('./commands/dashboard')).addDashboardCommand],
];

/**
 * The commands a command line needs: the one it names (`sesam price …`, `sesam help price`),
 * none for `sesam --version`, every one otherwise (the list of `sesam --help`, `sesam` alone, the
 * suggestion after an unknown command).
 *
 * @param argv - Arguments after the program name.
 * @returns The entries of COMMANDS to load.
 */
export function commandsFor(argv: readonly string[]): ReadonlyArray<(typeof COMMANDS)[number]> {
  const at = argv.findIndex((a) => !a.startsWith('-'));
  const first = at < 0 ? undefined : argv[at];
  const named = first === 'help' ? argv[at + 1] : first;
  const entry = COMMANDS.find(([name]) => name === named);
  if (entry !== undefined) return [entry];
  if (first === undefined && argv.some((a) => a === '-V' || a === '--version') && !argv.some((a) => a === '-h' || a === '--help')) return [];
  return COMMANDS;
}

/**
 * Builds the `sesam` program for one run (commander programs keep state), with the commands
 * `argv` needs (see commandsFor).
 *
 * @param io - Where to write.
 * @param done - Receives the exit code of the command that ran.
 * @param argv - Arguments after the program name.
 * @returns The program.
 */
export async function createProgram(io: CliIo, done: (code: number) => void, argv: readonly string[]): Promise<Command> {
  const program = new Command('sesam')
    .description('SESAM-Vitale billing engine (npm package sesam-billing): demo and tools.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (also: sesam <command> --help)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: (s, write) => write(s.startsWith('error:') ? `sesam: ${s}` : s) })
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nExit codes (sysexits): 0 ok, 64 usage, 65 data, 66 no input, 69 unavailable, 70 software, 73 cannot create, 74 I/O. See docs/cli.md.');
  const adders = await Promise.all(commandsFor(argv).map(([, load]) => load()));
  for (const add of adders) add(program, io, done);
  const override = (cmd: Command): void => {
    for (const c of cmd.commands) {
      c.exitOverride().configureOutput(program.configureOutput());
      override(c);
    }
  };
  override(program);
  return program;
}

/**
 * Runs the CLI.
 *
 * @param argv - Arguments after the program name.
 * @param io - Where to write.
 * @returns The exit code (sysexits, see docs/cli.md); never throws.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (!argv.includes('--json')) return runProgram(argv, io);
  // --json: exactly one document on stdout. A command that writes its own (a JSON line) is
  // passed through; human text is dropped; when no document was written (a usage error caught
  // by commander, a command without its own --json output), one is made from the exit code and
  // the lines written on stderr.
  let written = false;
  const errors: string[] = [];
  const jsonIo: CliIo = {
    out: (s) => {
      if (s.startsWith('{') && !written) {
        written = true;
        io.out(s);
      }
    },
    err: (s) => {
      errors.push(s);
      io.err(s);
    },
  };
  const code = await runProgram(argv, jsonIo);
  if (!written) {
    const issues = code === EXIT.OK ? [] : errors.flatMap((l) => l.split('\n')).filter((l) => l.trim() !== '').slice(0, 20).map((l) => refusalIssue(code, l.replace(/^sesam( [\w-]+)*: /, '')));
    if (code !== EXIT.OK && issues.length === 0) issues.push(refusalIssue(code, `exit ${code}`));
    io.out(formatJsonDocument({ ok: code === EXIT.OK, command: commandPath(await createProgram(io, () => undefined, argv), argv), exit: code, issues }));
  }
  return code;
}

/** The sub-command path named by `argv` (`fse validate`), or `sesam`. */
function commandPath(program: Command, argv: readonly string[]): string {
  let cmd: Command = program;
  const names: string[] = [];
  for (const a of argv) {
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (sub === undefined) break;
    names.push(sub.name());
    cmd = sub;
  }
  return names.length === 0 ? 'sesam' : names.join(' ');
}

async function runProgram(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.OK;
  try {
    const program = await createProgram(
      io,
      (c) => {
        code = c;
      },
      argv,
    );
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version end with 0; `sesam` alone prints the help and ends with 64 (usage).
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.OK;
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      return EXIT.USAGE;
    }
    const exit = exitOf(e);
    const hint = exit === EXIT.SOFTWARE ? ' (internal error: please report it; SESAM_DEBUG=1 prints the stack)' : '';
    io.err(`sesam: ${oneLine(e)}${hint}\n`);
    if (process.env['SESAM_DEBUG'] === '1' && e instanceof Error && e.stack !== undefined) io.err(`${e.stack}\n`);
    return exit;
  }
}
