/**
 * fse bench, target (3) on the built package: serializing the prebuilt invoices of
 * bench/fseData.ts with the streamB2File of dist/fse/index.js (the ESM bundle a PMS imports)
 * vs a raw latin1Write of their record texts, in alternated rounds. Needs `npm run build`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Stream } from './fseData';
import { printAlternated, REUSE, serializeCase } from './fseData';

export default async function (): Promise<void> {
  const path = fileURLToPath(new URL('../dist/fse/index.js', import.meta.url));
  if (!existsSync(path)) {
    console.log('  dist/fse/index.js is missing: run `npm run build` first');
    return;
  }
  const stream = ((await import(pathToFileURL(path).href)) as { streamB2File: Stream }).streamB2File;
  const { debut, file, writeRaw } = serializeCase();
  printAlternated('dist/fse/index.js, serialize / raw write', writeRaw, () => {
    let n = 0;
    for (const chunk of stream(debut, file(), REUSE)) n += chunk.length;
    return n;
  });
}
