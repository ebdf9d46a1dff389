/**
 * Which group a 990 closes (issue #10 §6): the identification du niveau de rupture is read
 * first, plausible groupings are tried next and reported as warnings, and a file whose 999
 * totals agree never gets an error from 990 grouping. Fixtures: test/fixtures/noemie/grouping.ts
 * (990 values written by hand for each reading).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { unwrap } from '../../src/core/issues/index';
import { buildNoemieFile } from '../../src/noemie/buildNoemieFile';
import { parseNoemie } from '../../src/noemie/parseNoemie';
import { serializeNoemie } from '../../src/noemie/serializeNoemie';
import type { NoemieEntity, NoemieFile } from '../../src/noemie/types';
import { noemieFileArb } from '../arbitraries/noemie';
import { nestingFile, perDestinataireFile, perLotFile } from '../fixtures/noemie/grouping';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';

const dir = join(__dirname, '../fixtures/noemie');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const errors = (r: { issues: readonly { severity: string }[] }) => r.issues.filter((i) => i.severity === 'error');

describe('990 grouping: fixtures of each reading', () => {
  test('per-lot 990s (« 080 » + n° de lot, « 03 » + zones of the 080) read without any issue', () => {
    const r = parseNoemie(read('rsp-990-per-lot.rsp'));
    expect(r.issues).toEqual([]);
    expect(expectOk(r)).toEqual(perLotFile());
  });
  test('per-destinataire 990s (« 02 » + n° destinataire, « 040 » + 14 digits), 071 / 081 of the same niveau included, read without any issue', () => {
    const r = parseNoemie(read('rsp-990-per-destinataire.rsp'));
    expect(r.issues).toEqual([]);
    expect(expectOk(r)).toEqual(perDestinataireFile());
  });
  test('nesting 990s with blank identifications: ok, one NOEMIE_CONTROL_GROUPING warning naming the nesting assumption', () => {
    const r = parseNoemie(read('rsp-990-nesting.rsp'));
    expect(expectOk(r)).toEqual(nestingFile());
    expect(r.issues.map((i) => i.code)).toEqual(['NOEMIE_CONTROL_GROUPING']);
    const w = expectIssue(r, 'NOEMIE_CONTROL_GROUPING', ['entities', 5, 'identificationNiveau']);
    expect(w.severity).toBe('warning');
    expect(w.message).toContain('imbrication');
  });
  test("controlGrouping 'nesting' keeps the 0.1.0 rule: the nesting file reads clean, the per-lot and per-destinataire files are refused", () => {
    expect(parseNoemie(read('rsp-990-nesting.rsp'), { controlGrouping: 'nesting' }).issues).toEqual([]);
    const lot = parseNoemie(read('rsp-990-per-lot.rsp'), { controlGrouping: 'nesting' });
    expect(lot.ok).toBe(false);
    expect(expectIssue(lot, 'NOEMIE_CONTROL_COUNT', ['entities', 6]).severity).toBe('error');
    expectIssue(lot, 'NOEMIE_CONTROL_AMOUNT', ['entities', 6]);
    const dest = parseNoemie(read('rsp-990-per-destinataire.rsp'), { controlGrouping: 'nesting' });
    expect(dest.ok).toBe(false);
    expectIssue(dest, 'NOEMIE_CONTROL_AMOUNT', ['entities', 11]);
  });
  test('an identification that names the lot while the values follow nesting: warning naming the assumption', () => {
    const f = nestingFile();
    // Entity 5 matches the lot so far (1 invoice, 10.00), entity 9 matches it whole: only the
    // invoice-closing 990 (entity 8) needs the nesting assumption.
    const entities = f.entities.map((e) => (e.entity === '990' ? { ...e, identificationNiveau: '080001' } : e));
    const r = parseNoemie(unwrap(serializeNoemie({ ...f, entities })));
    expect(r.issues.map((i) => i.code)).toEqual(['NOEMIE_CONTROL_GROUPING']);
    expectIssue(r, 'NOEMIE_CONTROL_GROUPING', ['entities', 8, 'identificationNiveau']);
  });
  test('a 990 no grouping explains: a warning when the 999 agrees, an error when it does not', () => {
    const f = perLotFile();
    const entities = f.entities.map((e, i) => (i === 6 && e.entity === '990' ? { ...e, compteur: 7 } : e));
    const agree = parseNoemie(unwrap(serializeNoemie({ ...f, entities })));
    expect(agree.ok).toBe(true);
    expect(expectIssue(agree, 'NOEMIE_CONTROL_COUNT', ['entities', 6]).severity).toBe('warning');
    const broken = parseNoemie(unwrap(serializeNoemie({ ...f, entities, trailer: { ...f.trailer, nombreLots: 3 } })));
    expect(broken.ok).toBe(false);
    expect(expectIssue(broken, 'NOEMIE_CONTROL_COUNT', ['entities', 6]).severity).toBe('error');
  });
  test('buildNoemieFile computes the named group: it reproduces the hand-written per-lot and per-destinataire values', () => {
    for (const f of [perLotFile(), perDestinataireFile()]) expect(unwrap(buildNoemieFile({ header: f.header, entities: f.entities })).entities).toEqual(f.entities);
    const n = nestingFile();
    expect(unwrap(buildNoemieFile({ header: n.header, entities: n.entities, controlGrouping: 'nesting' })).entities).toEqual(n.entities);
  });
});

/** Any identification (blank, digits, naming or not) and any 990 values; the 999 stays consistent. */
const tamperArb = fc.array(fc.tuple(fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{1,17}$/), fc.constantFrom('02', '03', '04', '080', '040')), fc.nat({ max: 20 }), fc.integer({ min: -100_000, max: 100_000 })), { minLength: 1, maxLength: 40 });

function tamper(file: NoemieFile, t: readonly [string, number, number][]): NoemieFile {
  let k = 0;
  const entities = file.entities.map((e): NoemieEntity => {
    if (e.entity !== '990') return e;
    const [id, compteur, cumul] = t[k++ % t.length] as [string, number, number];
    return { ...e, identificationNiveau: id, compteur, cumulMontants: { centimes: cumul } };
  });
  return { ...file, entities };
}

describe('properties', () => {
  test.prop([noemieFileArb, tamperArb], { numRuns: runs(60) })('a file whose 999 totals agree never gets an error from 990 grouping', (file, t) => {
    const r = parseNoemie(unwrap(serializeNoemie(tamper(file, t))));
    expect(errors(r)).toEqual([]);
    expect(r.ok).toBe(true);
  });
  test.prop([noemieFileArb, tamperArb, fc.constantFrom<'identification' | 'nesting'>('identification', 'nesting')], { numRuns: runs(60) })(
    'a file built with either reading (any identification) parses without an error, and without a 990 mismatch under the reading it was built with',
    (file, t, grouping) => {
      const built = unwrap(buildNoemieFile({ header: file.header, entities: tamper(file, t).entities, controlGrouping: grouping }));
      const bytes = unwrap(serializeNoemie(built));
      expect(errors(parseNoemie(bytes))).toEqual([]);
      const same = parseNoemie(bytes, { controlGrouping: grouping });
      // (An orphan 990 stays one: the builder writes 0 / 0 for it.)
      expect(same.issues.filter((i) => i.code === 'NOEMIE_CONTROL_COUNT' || i.code === 'NOEMIE_CONTROL_AMOUNT')).toEqual([]);
    },
  );
});
