/**
 * CCAM importer: CNAM's V78 and V81 exports read, merged into a dated history, shipped in compact
 * form (current with data/ccam), and robust to junk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { fc } from '@fast-check/vitest';
import type { PlainDate } from '../../src/core/index';
import { isSesamError } from '../../src/core/index';
import { parseCcamCsv } from '../../src/rules/ccam/parseCcamCsv';
import { buildCcamHistory, findCcamActe, parseCcamHistory, serializeCcamHistory } from '../../src/rules/ccam/history';
import { readCsvRecords } from '../../src/rules/ccam/csv';
import type { CcamHistory, CcamVersion } from '../../src/rules/ccam/model';
import { CCAM_COMPACT } from '../../src/rules/tables/ccam.generated';
import { renderCcamModule } from '../../scripts/renderCcamModule';
import { runs } from '../helpers/runs';

const DIR = join(import.meta.dirname, '..', '..', 'data', 'ccam');
const read = (f: string): string => readFileSync(join(DIR, f), 'utf8');
const d = (s: string): PlainDate => s as PlainDate;

function version(f: string): CcamVersion {
  const r = parseCcamCsv(read(f));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.value;
}

const v78 = version('ccam-v78-2025-02-01.csv');
const v81 = version('ccam-v81-2026-01-01.csv');
const built = buildCcamHistory([v81, v78]);
if (!built.ok) throw new Error('history');
const history: CcamHistory = built.value;

describe('parseCcamCsv on CNAM files', () => {
  test('versions, dates and counts', () => {
    expect([v78.version, v78.applicable, v81.version, v81.applicable]).toEqual(['CCAM V78', '2025-02-01', 'CCAM V81', '2026-01-01']);
    expect(v78.actes).toHaveLength(8242);
    expect(v81.actes).toHaveLength(8257);
    expect(v81.source).toBe('CCAM version 81, CNAM, applicable 01/01/2026');
  });

  test('activities with their own tariffs and modificateurs; non pris en charge is null', () => {
    const aala = v81.actes.find((a) => a.code === 'AALA002');
    expect(aala?.activites).toEqual([
      { activite: '1', phase: '0', modificateurs: [], secteur1: '280.66', horsSecteur1: '280.66' },
      { activite: '4', phase: '0', modificateurs: ['A', 'J', 'K', 'T', '3'], secteur1: '184.42', horsSecteur1: '184.42' },
    ]);
    expect(v81.actes.find((a) => a.code === 'AHQB025')?.activites[0]?.modificateurs).toEqual(['F', 'P', 'S', 'U']);
    expect(v81.actes.find((a) => a.code === 'AHQP001')?.activites[0]).toMatchObject({ secteur1: null, horsSecteur1: null });
    expect(v81.actes.find((a) => a.code === 'AHQB024')?.activites[0]).toMatchObject({ secteur1: '67.05', horsSecteur1: '60.66' });
  });

  test('modificateurs of chapter 19.03, amounts and percentages', () => {
    const y = v81.modificateurs.find((m) => m.code === 'Y');
    expect(y?.valeurs[0]?.secteur1).toEqual({ kind: 'pourcentage', pourcent: '13.00' });
    const u = v81.modificateurs.find((m) => m.code === 'U');
    expect(u?.valeurs.map((v) => v.secteur1)).toEqual([{ kind: 'montant', euros: '25.15' }, { kind: 'montant', euros: '50.00' }]);
    const nine = v78.modificateurs.find((m) => m.code === '9');
    expect(nine?.valeurs[0]?.secteur1).toEqual({ kind: 'pourcentage', pourcent: '30' });
  });
});

describe('dated history', () => {
  test('an act dated in 2025 gets the V78 price, in 2026 the V81 price', () => {
    expect(findCcamActe(history, 'AALA002', d('2025-06-02'))?.activites[0]?.secteur1).toBe('276.74');
    expect(findCcamActe(history, 'AALA002', d('2026-03-02'))?.activites[0]?.secteur1).toBe('280.66');
    expect(findCcamActe(history, 'AALA002', d('2025-06-02'))?.validTo).toBe('2025-12-31');
  });

  test('an act created in V81 does not exist before 2026-01-01; one dropped ends on 2025-12-31', () => {
    expect(findCcamActe(history, 'AANB256', d('2025-12-31'))).toBeUndefined();
    expect(findCcamActe(history, 'AANB256', d('2026-01-01'))?.version).toBe('CCAM V81');
    expect(findCcamActe(history, 'YYYY600', d('2025-12-31'))?.version).toBe('CCAM V78');
    expect(findCcamActe(history, 'YYYY600', d('2026-01-01'))).toBeUndefined();
  });

  test('nothing before the first version loaded', () => {
    expect(findCcamActe(history, 'AALA002', d('2025-01-31'))).toBeUndefined();
  });

  test('the shipped compact table is current with data/ccam (npm run referentiel:build)', () => {
    const expected = renderCcamModule(serializeCcamHistory(history), [v78.source, v81.source]);
    const file = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'rules', 'tables', 'ccam.generated.ts'), 'utf8');
    expect(file === expected).toBe(true);
  });

  test('compact form: parse ∘ serialize = identity', () => {
    const back = parseCcamHistory(CCAM_COMPACT);
    expect(back.ok).toBe(true);
    if (back.ok) expect(serializeCcamHistory(back.value)).toBe(CCAM_COMPACT);
  });
});

describe('properties', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '1') , maxLength: 12 });
  test.prop([fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 })], { numRuns: runs(300) })(
    'readCsvRecords reads back what RFC 4180 quoting wrote',
    (rows) => {
      const text = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n');
      expect(readCsvRecords(text).records.map((r) => r.cells)).toEqual(rows);
    },
  );

  const sample = read('ccam-v81-2026-01-01.csv').slice(0, 60_000);
  test.prop([fc.integer({ min: 0, max: sample.length }), fc.integer({ min: 0, max: 200 }), fc.string({ maxLength: 20 })], { numRuns: runs(300) })(
    'parseCcamCsv never throws on a mutated file',
    (at, cut, insert) => {
      const r = parseCcamCsv(sample.slice(0, at) + insert + sample.slice(at + cut));
      expect(typeof r.ok).toBe('boolean');
    },
  );

  test.prop([fc.anything()], { numRuns: runs(300) })('junk gives a Result, never a TypeError', (junk) => {
    for (const f of [() => parseCcamCsv(junk as string), () => parseCcamHistory(junk as string), () => buildCcamHistory(junk as CcamVersion[])]) {
      try {
        expect(typeof f().ok).toBe('boolean');
      } catch (e) {
        expect(isSesamError(e)).toBe(true);
      }
    }
  });
});
