/**
 * Start-up of the built `sesam` bin (dist/cli/bin.js, which `npm run bench` builds): `--version`,
 * `price --help` and `price examples/facture-g.json`, as ratios to `node -e ''` (the cost of
 * starting Node itself) measured in alternation in the same run, median of 9 rounds. A command
 * loads only its own module (src/cli/main.ts `commandsFor`); `--help` lists every command and
 * loads them all, printed for comparison.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from './bundleSize';

const BIN = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.js');

/** Wall time of one child run, in ms. */
function run(args: readonly string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`exit ${String(r.status)}: node ${args.join(' ')}`);
  return performance.now() - t;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export default function (): void {
  if (!existsSync(BIN)) {
    console.log('  dist/cli/bin.js is missing: run `npx tsup` first (npm run bench does)');
    process.exitCode = 1;
    return;
  }
  const cases: [string, string[]][] = [
    ['sesam --version', [BIN, '--version']],
    ['sesam price --help', [BIN, 'price', '--help']],
    ['sesam price examples/facture-g.json', [BIN, 'price', 'examples/facture-g.json']],
    ['sesam --help (loads every command)', [BIN, '--help']],
  ];
  const baseline: number[] = [];
  const times = cases.map((): number[] => []);
  run(['-e', '']);
  for (let round = 0; round < 9; round += 1) {
    cases.forEach(([, args], i) => {
      baseline.push(run(['-e', '']));
      times[i]?.push(run(args));
    });
  }
  const base = median(baseline);
  console.log(`  node -e '' = baseline                          1.00×`);
  cases.forEach(([name], i) => {
    const ratio = median(times[i] ?? []) / base;
    console.log(`  ${name.padEnd(46)} ${ratio.toFixed(2).padStart(5)}× of starting Node`);
  });
}
