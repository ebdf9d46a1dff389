/**
 * `sesam demo`: the main job on embedded defaults — a practice's day from pricing to returns.
 */
import { parseArgs } from 'node:util';
import type { CliCommand } from '../io';
import { runPricingStage } from '../demo/pricing';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: "run a practice's day on embedded data: price, split, explain",
  usage: [
    'Usage: sesam demo [--explain] [--data DIR] [--pcsc]',
    '',
    '  --explain    show the trace of every invoice (rule, inputs, result, source)',
    '  --data DIR   where the demo writes its SQLite ledger and files (default .demo-data)',
    '  --pcsc       use a real reader through pcscd instead of the in-process virtual cards',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { explain: { type: 'boolean', default: false }, data: { type: 'string', default: '.demo-data' }, pcsc: { type: 'boolean', default: false } },
      strict: true,
    });
    io.out('sesam-billing — démonstration : une journée de cabinet (données fictives)\n');
    runPricingStage(io, { explain: values.explain === true });
    return 0;
  },
};
