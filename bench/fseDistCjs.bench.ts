/**
 * fse bench, target (3) on the built package: serializing the prebuilt invoices of
 * bench/fseData.ts with the streamB2File of dist/fse/index.cjs (the CJS bundle a PMS imports)
 * vs a raw latin1Write of their record texts, in alternated rounds. Needs `npm run build`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Stream } from './fseData';
import { printAlternated, REUSE, serializeCase } from './fseData';

export default async function (): Promise<void> {
  const path = fileURLToPath(new URL('../dist/fse/index.cjs', import.meta.url));
  if (!existsSync(path)) {
    console.log('  dist/fse/index.cjs is missing: run `npm run build` first');
    return;
  }
  const stream = (createRequire(import.meta.url)(path) as { streamB2File: Stream }).streamB2File;
  const { debut, file, writeRaw } = serializeCase();
  printAlternated('dist/fse/index.cjs, serialize / raw write', writeRaw, () => {
    let n = 0;
    for (const chunk of stream(debut, file(), REUSE)) n += chunk.length;
    return n;
  });
}
