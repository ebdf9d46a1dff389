/**
 * `npm run referentiel:diff` (issue #11 §4): what changed between two CCAM versions, as
 * CHANGELOG bullets in a deterministic order. V78 → V81: 19 acts added, 4 removed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { diffCcam, formatCcamDiff } from '../../../src/rules/ccam/diff';
import type { CcamState } from '../../../src/rules/ccam/diff';
import { readCcamState } from '../../../src/rules/ccam/state';
import { serializeReferentielJson } from '../../../src/rules/ccam/file';
import { parseCcamCsv } from '../../../src/rules/ccam/parseCcamCsv';
import type { CcamActe } from '../../../src/rules/ccam/model';
import type { PlainDate } from '../../../src/core/date/index';
import { expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const V78 = join(ROOT, 'data', 'ccam', 'ccam-v78-2025-02-01.csv');
const V81 = join(ROOT, 'data', 'ccam', 'ccam-v81-2026-01-01.csv');
const v78 = expectOk(readCcamState(readFileSync(V78, 'utf8')));
const v81 = expectOk(readCcamState(readFileSync(V81, 'utf8')));
const tmp = mkdtempSync(join(tmpdir(), 'sesam-diff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true })); // the mkdtemp folder of this test

describe('diffCcam V78 → V81', () => {
  const diff = diffCcam(v78, v81);

  it('19 acts added, 4 removed, tariffs changed with their date', () => {
    expect(diff.added).toHaveLength(19);
    expect(diff.removed).toHaveLength(4);
    expect(diff.removed.map((a) => a.code)).toEqual(['HBLD425', 'JGNJ900', 'YYYY071', 'YYYY600']);
    expect(diff.tarifs.length).toBeGreaterThan(5000);
    const aala = diff.tarifs.find((t) => t.acte.code === 'AALA002');
    expect(aala?.changes[0]).toEqual({ activite: '1', phase: '0', colonne: 'secteur1', avant: '276.74', apres: '280.66' });
  });

  it('prints CHANGELOG bullets: a summary, then Add / Remove / Change in code order', () => {
    const lines = formatCcamDiff(diff, { issue: 11 });
    expect(lines.every((l) => /^- (Add|Remove|Change) .*\(#11\)\.$/.test(l))).toBe(true);
    expect(lines[0]).toMatch(/^- Change the CCAM to CCAM V81, applicable from 2026-01-01 .*: 19 acts added, 4 acts removed, \d+ acts with tariffs changed/);
    expect(lines.filter((l) => l.startsWith('- Add CCAM act '))).toHaveLength(19);
    expect(lines.filter((l) => l.startsWith('- Remove CCAM act '))).toHaveLength(4);
    expect(lines).toContain('- Remove CCAM act YYYY600 from 2026-01-01 (last day 2025-12-31): « Supplément pour archivage numérique d’une mammographie ou d’un examen scanographique ou remnographique » (#11).');
    expect(lines.find((l) => l.includes('tariff of AALA002'))).toMatch(/from 2026-01-01: activité 1 phase 0 secteur 1 \/ OPTAM 276,74\s€ → 280,66\s€/);
    const summary = formatCcamDiff(diff, { summary: true });
    expect(summary).toHaveLength(1 + 19 + 4);
    expect(summary[0]).toMatch(/\.$/);
  });

  it('reads a référentiel file (JSON) like the CSV it came from', () => {
    const json = serializeReferentielJson(expectOk(parseCcamCsv(readFileSync(V81, 'utf8'))));
    const fromJson = expectOk(readCcamState(json));
    const d2 = diffCcam(v78, fromJson);
    expect([d2.added.length, d2.removed.length, d2.tarifs.length]).toEqual([diff.added.length, diff.removed.length, diff.tarifs.length]);
    expect(formatCcamDiff(d2)).toEqual(formatCcamDiff(diff));
  });
});

describe('npm run referentiel:diff (scripts/referentiel-diff.ts)', () => {
  const run = (args: readonly string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'referentiel-diff.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('V78 → V81 --summary: 19 Add, 4 Remove; a JSON file is accepted; usage and data errors', () => {
    const json = join(tmp, 'v81.json');
    writeFileSync(json, serializeReferentielJson(expectOk(parseCcamCsv(readFileSync(V81, 'utf8')))));
    const r = run([V78, json, '--summary', '--issue', '11']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('- Add '))).toHaveLength(19);
    expect(lines.filter((l) => l.startsWith('- Remove '))).toHaveLength(4);
    expect(run([V78]).code).toBe(64);
    expect(run([V81, V78]).code).toBe(65); // not newer
    expect(run([V78, join(tmp, 'missing.csv')]).code).toBe(66);
  }, 400_000);
});

describe('properties', () => {
  const acte = (code: string, s1: string): CcamActe => ({ code, libelle: code, activites: [{ activite: '1', phase: '0', modificateurs: [], secteur1: s1, horsSecteur1: s1 }], remboursementSousConditions: false, accordPrealable: false, exonerationTm: '', regroupement: '' });
  const state = (version: string, applicable: string, actes: CcamActe[]): CcamState => ({ version, applicable: applicable as PlainDate, source: version, actes });
  const codes = fc.uniqueArray(fc.stringMatching(/^[A-Z]{4}\d{3}$/), { maxLength: 30 });
  test.prop([codes, codes, fc.integer({ min: 0, max: 99999 })], { numRuns: runs(200) })('added / removed are the set differences; the output is order-independent', (a, b, cents) => {
    const before = state('V1', '2025-01-01', a.map((c) => acte(c, '10.00')));
    const after = state('V2', '2026-01-01', b.map((c) => acte(c, (cents / 100).toFixed(2))));
    const diff = diffCcam(before, after);
    expect(diff.added.map((x) => x.code)).toEqual(b.filter((c) => !a.includes(c)).sort());
    expect(diff.removed.map((x) => x.code)).toEqual(a.filter((c) => !b.includes(c)).sort());
    const shuffled = diffCcam(state('V1', '2025-01-01', [...before.actes].reverse()), state('V2', '2026-01-01', [...after.actes].reverse()));
    expect(formatCcamDiff(shuffled)).toEqual(formatCcamDiff(diff));
  });
});
