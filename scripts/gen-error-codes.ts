/**
 * Generates docs/error-codes.md from the issue-code registry (src/codes.ts).
 * `tsx scripts/gen-error-codes.ts` writes it; `--check` exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderErrorCodes } from './renderErrorCodes';

const target = new URL('../docs/error-codes.md', import.meta.url);
const text = renderErrorCodes();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('docs/error-codes.md is stale: run npm run gen:error-codes');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log('wrote docs/error-codes.md');
}
