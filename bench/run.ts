/**
 * `npm run bench`: runs every bench/*.bench.ts, each in its own process (so one suite's heap
 * does not skew the next). Each prints its figures as ratios against a baseline measured in the
 * same run (never absolute wall-clock assertions). `npm run bench -- rules noemie` picks suites.
 * `bundle.bench.ts` prints sizes instead of rates: what `import … from 'sesam-billing'` weighs in
 * a consumer's bundle (minified, platform neutral, from the dist/ that `npm run bench` builds).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args[0] === '--child') {
  const file = args[1] ?? '';
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> | void };
  await mod.default();
} else {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => args.length === 0 || args.some((o) => f.includes(o)))
    .sort();
  console.log(`sesam-billing bench — node ${process.version}, ${files.length} suite(s), one process each\n`);
  let failed = 0;
  for (const f of files) {
    console.log(`== ${f.replace('.bench.ts', '')}`);
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', f], { stdio: 'inherit' });
    if (r.status !== 0) failed += 1;
    console.log('');
  }
  process.exitCode = failed === 0 ? 0 : 1;
}
