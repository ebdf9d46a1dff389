/**
 * fse bench, target (3) on the built package, as a PMS runs it: plain `node` (no tsx) importing
 * dist/fse (the ESM bundle, then the CJS bundle, each in its own process: bench/fseDistRun.mjs)
 * builds 200 varied FSE with the package's own buildFse and b2FactureOf, then serializes them
 * vs a raw latin1Write of their record texts, in alternated rounds. `npm run bench` builds first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeNir } from '../test/arbitraries/ids';
import { INPUT } from '../test/fse/fixtures';

export default function (): void {
  const dist = fileURLToPath(new URL('../dist/fse/', import.meta.url));
  if (!existsSync(join(dist, 'index.js')) || !existsSync(join(dist, 'index.cjs'))) {
    console.log('  dist/fse is missing: run `npm run build` first');
    return;
  }
  // the input as data (JSON-safe: PlainDate is a string) and 200 fictitious valid-key NIRs
  const nirs = [...Array(200)].map((_, k) => makeNir({ sex: k % 2 === 0 ? 1 : 2, year: k % 100, month: 1 + (k % 12), ordre: 1 + (k % 999) }));
  const dir = mkdtempSync(join(tmpdir(), 'sesam-bench-'));
  const data = join(dir, 'case.json');
  writeFileSync(data, JSON.stringify({ input: INPUT, nirs }));
  const runner = fileURLToPath(new URL('./fseDistRun.mjs', import.meta.url));
  try {
    for (const build of ['esm', 'cjs']) spawnSync(process.execPath, ['--expose-gc', runner, build, data], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
