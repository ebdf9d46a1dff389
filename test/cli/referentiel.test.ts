/**
 * `sesam referentiel import-ccam` (issue #11 §1), run as users run it: the BUILT bin in child
 * processes. A newer CNAM file is simulated with the V78 export given a later date and name
 * (`--applicable 2026-07-01 --ccam-version "CCAM V82"`): against the shipped V81 it brings 4 codes
 * back and drops 19. Exit codes per docs/cli.md; `--out` never replaces a file without `--force`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCcamFile, parseReferentielJson } from '../../src/rules/ccam/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { BUILT_BIN, ensureBuilt, ROOT } from '../helpers/built';

const tmp = mkdtempSync(join(tmpdir(), 'sesam-referentiel-'));
const V78 = join(ROOT, 'data', 'ccam', 'ccam-v78-2025-02-01.csv');
const V81 = join(ROOT, 'data', 'ccam', 'ccam-v81-2026-01-01.csv');
const NEWER = ['--applicable', '2026-07-01', '--ccam-version', 'CCAM V82'];

function sesam(args: readonly string[]) {
  const r = spawnSync(process.execPath, [BUILT_BIN, 'referentiel', 'import-ccam', ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  await ensureBuilt();
}, 700_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true })); // only the mkdtemp folder of this test

describe('sesam referentiel import-ccam (built bin)', () => {
  it('help, usage errors (64), missing or non-regular input (66), not a CCAM export (65)', () => {
    const help = spawnSync(process.execPath, [BUILT_BIN, 'referentiel', 'import-ccam', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--applicable <date>/);
    expect(sesam([V78]).code).toBe(64); // --applicable is required
    const bad = sesam([V78, '--applicable', '2026-02-30']);
    expect(bad.code).toBe(64);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(sesam([join(tmp, 'missing.csv'), '--applicable', '2026-07-01']).code).toBe(66);
    expect(sesam([tmp, '--applicable', '2026-07-01']).code).toBe(66);
    expect(sesam([join(ROOT, 'README.md'), '--applicable', '2026-07-01']).code).toBe(65);
  });

  it('a version not after the shipped CCAM is refused (65); the shipped one is a no-op (0)', () => {
    const old = sesam([V78, '--applicable', '2025-06-01']);
    expect(old.code).toBe(65);
    expect(old.err).toMatch(/not after the shipped CCAM V81/);
    const same = sesam([V81, '--applicable', '2026-01-01']);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/CCAM V81 is shipped with this release/);
  });

  it('summarises a newer file against the shipped CCAM and writes a table loadCcamFile reads', () => {
    const out = join(tmp, 'ccam-v82.json');
    const r = sesam([V78, ...NEWER, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^CCAM V82, applicable from 2026-07-01 \(ccam-v78-2025-02-01\.csv\): 8242 acts, \d+ activity rows/m);
    expect(r.out).toMatch(/Against the shipped CCAM V81 \(applicable from 2026-01-01\): 4 new codes, 19 dropped/);
    expect(r.out).toMatch(/dropped \(last day 2026-06-30\): AANB256,/);
    expect(r.err).toMatch(/title says applicable 2025-02-01/);
    const text = readFileSync(out, 'utf8');
    const file = expectOk(parseReferentielJson(text));
    expect([file.version, file.applicable, file.actes, file.importedFrom]).toEqual(['CCAM V82', '2026-07-01', 8242, 'ccam-v78-2025-02-01.csv']);
    expect(file.generator).toMatch(/^sesam-billing \d/);
    expect(expectOk(loadCcamFile(text)).version).toBe('CCAM V78 + CCAM V81 + CCAM V82');
  });

  it('never overwrites without --force (73, file untouched); --force replaces a regular file only', () => {
    const out = join(tmp, 'mine.json');
    writeFileSync(out, 'my own file');
    const refused = sesam([V78, ...NEWER, '--out', out]);
    expect(refused.code).toBe(73);
    expect(refused.err).toMatch(/--force/);
    expect(readFileSync(out, 'utf8')).toBe('my own file');
    expect(sesam([V78, ...NEWER, '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/"format": "sesam-billing\/referentiel"/);
    const folder = join(tmp, 'folder');
    mkdirSync(folder);
    expect(sesam([V78, ...NEWER, '--out', folder, '--force']).code).toBe(73);
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(sesam([V78, ...NEWER, '--out', join(tmp, 'no', 'such', 'dir.json')]).code).toBe(73);
  });

  it('a damaged table file is refused by the loader with an issue', () => {
    expectIssue(loadCcamFile('{"format":"sesam-billing/referentiel","formatVersion":9}'), 'CCAM_FICHIER_VERSION');
  });
});
