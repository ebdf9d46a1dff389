/**
 * `sesam readers`: diagnostics of the card readers through pcscd — is the PC/SC service
 * reachable, which readers, which card (ATR, kind) in each. The virtual reader (vsmartcard vpcd)
 * shows up like any other. Exit 69 without pcscd or without the optional `pcsclite` binding.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { CliIo } from '../io';
import { createReporter } from '../json';
import { EXIT } from '../outcome';
import { renderTable } from '../table';

/** Options of `sesam readers`. */
export interface ReadersOptions {
  readonly wait?: string;
  readonly json?: boolean;
}

/**
 * Runs `sesam readers`.
 *
 * @param options - `wait` (ms to let pcscd report its readers, default 1000), `json`.
 * @param io - Output.
 * @returns 0 (readers listed, possibly none); 64 bad `--wait`; 69 pcscd or the binding missing.
 */
export async function runReaders(options: ReadersOptions, io: CliIo): Promise<number> {
  const r = createReporter(io, 'readers', options.json === true);
  const wait = options.wait === undefined ? 1000 : Number(options.wait);
  if (!/^\d{1,5}$/.test(options.wait ?? '0') || wait > 60_000) return r.refuse(EXIT.USAGE, '--wait: milliseconds, 0 to 60000');
  let client;
  try {
    const { createPcscClient } = await import('../../reader/pcsc/index');
    client = await createPcscClient();
  } catch (e) {
    return r.refuse(EXIT.UNAVAILABLE, `PC/SC unavailable: ${e instanceof Error ? e.message.replace(/^\[sesam-billing\] /, '') : 'pcscd'}`);
  }
  let failure: string | undefined;
  const off = client.onEvent((e) => {
    if (e.type === 'error' && e.reader === undefined) failure = e.error.message.replace(/^\[sesam-billing\] /, '');
  });
  try {
    // pcscd reports its readers asynchronously (reader-added events).
    await sleep(wait);
    if (failure !== undefined) return r.refuse(EXIT.UNAVAILABLE, failure);
    const readers = client.listReaders().map(({ name, present, atr, kind, family, label }) => ({ name, present, ...(atr === undefined ? {} : { atr }), kind, family, label }));
    r.say(`pcscd : joignable ; ${readers.length} lecteur(s)\n`);
    if (readers.length > 0) r.say(renderTable([{ title: 'lecteur' }, { title: 'carte' }, { title: 'ATR' }], readers.map((x) => [x.name, x.label, x.atr ?? ''])));
    return r.finish(EXIT.OK, { pcscd: true, readers });
  } finally {
    off();
    await client.close();
  }
}

/**
 * Adds `sesam readers` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The sub-command.
 */
export function addReadersCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  return program
    .command('readers')
    .summary('diagnostics: is pcscd reachable, which readers and cards (ATR, kind)')
    .description('Card reader diagnostics through pcscd: the readers (the vsmartcard virtual reader included), and for each the card present, its ATR and kind (Vitale, CPS…).')
    .option('--wait <ms>', 'time given to pcscd to report its readers (default 1000)')
    .option('--json', 'print one JSON document (docs/cli.md): result is { pcscd, readers: [{ name, present, atr?, kind, family, label }] }')
    .addHelpText('after', '\nExit codes: 0 listed (possibly no reader); 64 usage; 69 pcscd not running or the PC/SC binding (pcsclite) not installed.')
    .action(async (options: ReadersOptions) => {
      done(await runReaders(options, io));
    });
}
