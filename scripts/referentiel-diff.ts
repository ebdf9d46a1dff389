/**
 * `npm run referentiel:diff -- OLD NEW [--issue N] [--summary]`: what changed between two CCAM
 * versions, as CHANGELOG bullets (Add / Remove / Change, deterministic order). OLD and NEW are
 * CNAM CCAM CSV exports (data/ccam/*.csv) or référentiel files written by
 * `sesam referentiel import-ccam` (JSON). Exit codes: 0, 64 usage, 65 unreadable data, 66 missing file.
 */
import { readFileSync } from 'node:fs';
import { diffCcam, formatCcamDiff } from '../src/rules/ccam/diff';
import { readCcamState } from '../src/rules/ccam/state';

const args = process.argv.slice(2);
const files: string[] = [];
let issue: number | undefined;
let summary = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  if (a === '--summary') summary = true;
  else if (a === '--issue' && /^\d{1,6}$/.test(args[i + 1] ?? '')) issue = Number(args[++i]);
  else if (a.startsWith('-')) files.push('\0');
  else files.push(a);
}
if (files.length !== 2 || files.includes('\0')) {
  process.stderr.write('usage: npm run referentiel:diff -- OLD NEW [--issue N] [--summary]   (OLD/NEW: CNAM CCAM .csv or référentiel .json)\n');
  process.exit(64);
}

function state(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`referentiel:diff: cannot read ${file}: ${e instanceof Error && 'code' in e ? String(e.code) : 'error'}\n`);
    process.exit(66);
  }
  const r = readCcamState(text);
  if (!r.ok) {
    for (const i of r.issues) process.stderr.write(`referentiel:diff: ${file}: ${i.code} ${i.message}\n`);
    process.exit(65);
  }
  return r.value;
}

const [oldFile, newFile] = files as [string, string];
const before = state(oldFile);
const after = state(newFile);
if (after.applicable <= before.applicable) {
  process.stderr.write(`referentiel:diff: ${newFile} (${after.version}, ${after.applicable}) is not newer than ${oldFile} (${before.version}, ${before.applicable})\n`);
  process.exit(65);
}
const options: { issue?: number; summary?: boolean } = { summary };
if (issue !== undefined) options.issue = issue;
process.stdout.write(`${formatCcamDiff(diffCcam(before, after), options).join('\n')}\n`);
