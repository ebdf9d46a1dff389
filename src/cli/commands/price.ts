/**
 * `sesam price FILE.json`: prices one invoice given as JSON (FactureInput; amounts as "19.50"
 * strings or { "centimes": 1950 }) and prints the décompte, or its issues.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseMoney } from '../../core/money/index';
import { computeFacture } from '../../rules/index';
import { renderDecompte, renderTrace } from '../format';
import type { CliCommand } from '../io';

const MONEY_KEYS = new Set(['montantFacture', 'forfait', 'plafond', 'participationForfaitaire', 'franchises', 'franchiseParamedical', 'franchiseTransport']);

/** JSON reviver turning "19.50" amounts into Money; anything unreadable is left for the engine to report. */
function reviveMoney(key: string, value: unknown): unknown {
  if (MONEY_KEYS.has(key) && typeof value === 'string') {
    const m = parseMoney(value);
    return m.ok ? m.value : value;
  }
  return value;
}

export const priceCommand: CliCommand = {
  name: 'price',
  summary: 'price one invoice from a JSON file (FactureInput) and print the décompte',
  usage: 'Usage: sesam price FILE.json [--explain] [--json]\n\n  --explain  show the trace\n  --json     print the décompte as JSON',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { explain: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const file = positionals[0];
    if (file === undefined) {
      io.err('sesam price: a JSON file is required\n');
      return 64;
    }
    let input: unknown;
    try {
      input = JSON.parse(await readFile(file, 'utf8'), reviveMoney);
    } catch (e) {
      io.err(`sesam price: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 66;
    }
    const result = computeFacture(input as never, { trace: values.explain === true || values.json === true });
    if (!result.ok) {
      for (const i of result.issues) io.err(`${i.severity} ${i.code} at ${i.path.join('.') || '(facture)'}: ${i.message}\n`);
      return 65;
    }
    if (values.json === true) io.out(`${JSON.stringify(result.value, null, 2)}\n`);
    else {
      io.out(renderDecompte(result.value));
      if (values.explain === true) io.out(`  Trace :\n${renderTrace(result.value.trace)}`);
    }
    for (const w of result.issues) io.err(`warning ${w.code} at ${w.path.join('.')}: ${w.message}\n`);
    return 0;
  },
};
