/**
 * `sesam price FILE.json`: prices one invoice given as JSON (FactureInput; amounts as "19.50"
 * strings or { "centimes": 1950 }) and prints the décompte, or its issues. Example input:
 * examples/facture-g.json.
 */
import type { Command } from 'commander';
import { guardString } from '../../core/guard/index';
import { parseMoney } from '../../core/money/index';
import { computeFacture } from '../../rules/index';
import { renderDecompte, renderTrace } from '../format';
import { parseJsonBytes, readInputFile } from '../input';
import type { CliIo } from '../io';
import { createReporter } from '../json';
import { EXIT } from '../outcome';

const MONEY_KEYS = new Set(['montantFacture', 'forfait', 'plafond', 'participationForfaitaire', 'franchises', 'franchiseParamedical', 'franchiseTransport']);

/**
 * JSON reviver turning "19.50" amounts into Money; anything unreadable is left for the engine to report.
 *
 * @param key - The property name.
 * @param value - Its value.
 * @returns Money for an amount key holding a decimal string, else the value.
 */
export function reviveMoney(key: string, value: unknown): unknown {
  if (!MONEY_KEYS.has(key)) return value;
  const text = guardString(value, [], []);
  if (text === undefined) return value;
  const m = parseMoney(text);
  return m.ok ? m.value : value;
}

/** Options of `sesam price`. */
export interface PriceOptions {
  readonly explain?: boolean;
  readonly json?: boolean;
}

/**
 * Runs `sesam price`.
 *
 * @param file - The JSON file.
 * @param options - `explain` prints the trace, `json` prints the décompte as JSON.
 * @param io - Output.
 * @returns The exit code: 0, 65 (invalid JSON, too large, invoice with errors), 66 (unreadable).
 */
export async function runPrice(file: string, options: PriceOptions, io: CliIo): Promise<number> {
  const r = createReporter(io, 'price', options.json === true);
  const bytes = await readInputFile(file);
  if (!bytes.ok) return r.refuse(bytes.exit, bytes.message);
  const input = parseJsonBytes(bytes.value, file, reviveMoney);
  if (!input.ok) return r.refuse(input.exit, input.message);
  const result = computeFacture(input.value as never, { trace: options.explain === true || options.json === true });
  for (const i of result.issues) r.issue(i);
  if (!result.ok) return r.finish(EXIT.DATA);
  r.say(renderDecompte(result.value));
  if (options.explain === true) r.say(`  Trace :\n${renderTrace(result.value.trace)}`);
  return r.finish(EXIT.OK, result.value);
}

/**
 * Adds `sesam price` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The sub-command.
 */
export function addPriceCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  return program
    .command('price')
    .summary('price one invoice from a JSON file (FactureInput) and print the décompte')
    .description('Price one invoice given as JSON (FactureInput; amounts as "19.50" or { "centimes": 1950 }) and print the décompte.\nExample input: examples/facture-g.json in the package.')
    .argument('<file>', 'the invoice as JSON (UTF-8, BOM accepted, regular file of at most 1 MiB)')
    .option('--explain', 'show the trace of every amount')
    .option('--json', 'print one JSON document (docs/cli.md): result is the décompte with its trace')
    .addHelpText('after', '\nExit codes: 0 priced; 64 usage; 65 invalid JSON, too large or invoice with errors; 66 missing or not a regular file.')
    .action(async (file: string, options: PriceOptions) => {
      done(await runPrice(file, options, io));
    });
}
