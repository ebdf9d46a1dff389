/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each prints its figures as ratios
 * against a baseline measured in the same run (never absolute wall-clock assertions).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
console.log(`sesam-billing bench — node ${process.version}, ${files.length} suite(s)\n`);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<void> | void };
  console.log(`== ${f.replace('.bench.ts', '')}`);
  await mod.default();
  console.log('');
}
