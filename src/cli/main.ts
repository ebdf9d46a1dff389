/**
 * `sesam` CLI: demo, price, … Each command is a module under commands/.
 */
import type { CliCommand, CliIo } from './io';
import { demoCommand } from './commands/demo';
import { priceCommand } from './commands/price';

const COMMANDS: readonly CliCommand[] = [demoCommand, priceCommand];

function help(io: CliIo): void {
  io.out('sesam — SESAM-Vitale billing engine (sesam-billing)\n\nUsage: sesam <command> [options]\n\nCommands:\n');
  for (const c of COMMANDS) io.out(`  ${c.name.padEnd(10)} ${c.summary}\n`);
  io.out('\nRun `sesam <command> --help` for the options of a command.\n');
}

/**
 * Runs the CLI.
 *
 * @param argv - Arguments after the program name.
 * @param io - Where to write.
 * @returns The exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name === undefined ? 64 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`sesam: unknown command '${name}'\n`);
    help(io);
    return 64;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}
