/**
 * Generates src/rules/tables/ccam.generated.ts from the CNAM CCAM exports in data/ccam/, and
 * src/rules/snds/generated/*.generated.ts from the SNDS tables in data/snds/
 * (`npm run referentiel:build`). `--check` exits 1 when a committed file is not current.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCcamCsv } from '../src/rules/ccam/parseCcamCsv';
import { buildCcamHistory, serializeCcamHistory } from '../src/rules/ccam/history';
import { renderCcamModule } from './renderCcamModule';
import { renderSndsModules } from './snds/renderSnds';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'data', 'ccam');
const files = readdirSync(dir).filter((f) => /^ccam-v\d+-\d{4}-\d{2}-\d{2}\.csv$/.test(f)).sort();
const versions = files.map((f) => {
  const r = parseCcamCsv(readFileSync(join(dir, f), 'utf8'));
  if (!r.ok) throw new Error(`${f}: ${r.issues.map((i) => `${i.code} ${i.message}`).join('; ')}`);
  for (const i of r.issues) console.error(`${f}: ${i.code} ${i.message}${i.source?.record === undefined ? '' : ` (ligne ${i.source.record})`}`);
  return r.value;
});
const history = buildCcamHistory(versions);
if (!history.ok) throw new Error(history.issues.map((i) => i.message).join('; '));
const out = join(root, 'src', 'rules', 'tables', 'ccam.generated.ts');
const text = renderCcamModule(serializeCcamHistory(history.value), versions.map((v) => v.source));
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== text) {
    console.error(`${out} is not current: run npm run referentiel:build`);
    process.exit(1);
  }
  console.log('ccam.generated.ts is current');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out} (${versions.map((v) => v.version).join(', ')}, ${history.value.actes.size} acts)`);
}

// SNDS reference tables (NABM, caisses, régimes, natures de prestation, small nomenclatures).
const sndsDir = join(root, 'src', 'rules', 'snds', 'generated');
let sndsStale = false;
for (const [file, text] of Object.entries(renderSndsModules(join(root, 'data', 'snds')))) {
  const path = join(sndsDir, file);
  if (process.argv.includes('--check')) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      console.error(`${path} is not current: run npm run referentiel:build`);
      sndsStale = true;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${path} (${text.length} characters)`);
  }
}
if (sndsStale) process.exit(1);
