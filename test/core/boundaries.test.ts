/**
 * The boundary rule of core (issue #10, item 2): caller-data functions (parseX, validateX) return
 * a Result with `INPUT_*` or module issues for junk, whatever the argument (text, path, options);
 * primitives (dates, keys, guards) throw `SesamError('ASSERTION')`, never a TypeError.
 * test/api/junk.test.ts feeds junk to every export; these tests pin the expected outcome.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  addDays,
  ageAt,
  compareDates,
  computeFinessKey,
  computeLuhnKey,
  computeMod97,
  computeNirKey,
  computeRppsKey,
  computeSiretKey,
  daysBetween,
  daysInMonth,
  formatAaaammjj,
  formatAammjj,
  fromEpochDays,
  guardArray,
  guardEnum,
  guardInteger,
  guardMoney,
  guardObject,
  guardPath,
  guardPlainDate,
  guardString,
  inputErr,
  isSesamError,
  isValidYmd,
  parseAaaammjj,
  parseAammjj,
  parsePlainDate,
  plainDate,
  plainDateOf,
  splitNir,
  toEpochDays,
  toYmd,
  validateFiness,
  validateNir,
  validateRpps,
  validateSiret,
} from '../../src/core/index';
import type { Issue, PlainDate, Result } from '../../src/core/index';
import { loadReferentiel } from '../../src/rules/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { junkArb, junkValues } from '../helpers/junk';
import { runs } from '../helpers/runs';
import { makeNir } from '../arbitraries/ids';

function assertion(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(isSesamError(e), `expected a SesamError, got ${String(e)}`).toBe(true);
    expect((e as { code: string }).code).toBe('ASSERTION');
    return;
  }
  expect.fail('expected a SesamError ASSERTION');
}

const isInputIssue = (r: Result<unknown>): boolean => !r.ok && r.issues.every((i) => i.code.startsWith('INPUT_'));
const notText = junkValues().filter((v) => typeof v !== 'string');
const D = '2025-03-10' as PlainDate;

describe('guards are programmer-facing', () => {
  it('a non-array path or issues is a SesamError, valid calls still collect issues', () => {
    for (const bad of [undefined, null, 'x', 1, {}, new Uint8Array(1)]) {
      assertion(() => guardString('x', bad as never, []));
      assertion(() => guardString('x', [], bad as never));
      assertion(() => guardObject({}, bad as never, []));
      assertion(() => guardArray([], [], bad as never));
      assertion(() => guardInteger(1, bad as never, []));
      assertion(() => guardMoney({ centimes: 1 }, [], bad as never));
      assertion(() => guardPlainDate(D, bad as never, []));
      assertion(() => guardEnum('a', bad as never, [], []));
      assertion(() => inputErr(bad as never));
      assertion(() => guardPath([], bad as never));
    }
    const issues: Issue[] = [];
    expect(guardString(42, ['a'], issues)).toBeUndefined();
    expect(issues[0]?.code).toBe('INPUT_TYPE');
    expect(guardPlainDate('0099-12-31', [], [], { minYear: 1, maxYear: 9999 })).toBe('0099-12-31');
    expect(guardPlainDate('0099-12-31', [], [])).toBeUndefined();
    expect(guardPath(undefined, [])).toEqual([]);
    expect(guardPath(['a', 0], [])).toEqual(['a', 0]);
    const pathIssues: Issue[] = [];
    expect(guardPath([{}], pathIssues)).toBeUndefined();
    expect(pathIssues[0]?.code).toBe('INPUT_TYPE');
  });
});

describe('caller-data functions return issues for junk', () => {
  it('date parsers: junk text, path and options are issues', () => {
    for (const j of notText) {
      expect(isInputIssue(parseAaaammjj(j as string))).toBe(true);
      expect(isInputIssue(parseAammjj(j as string, { referenceDate: D }))).toBe(true);
      expect(parsePlainDate(j).ok).toBe(false);
      expect(isInputIssue(parseAammjj('250310', j as never))).toBe(true);
    }
    expectIssue(parseAaaammjj('20250310', 5 as never), 'INPUT_TYPE');
    expectIssue(parsePlainDate('2025-03-10', 'p' as never), 'INPUT_TYPE');
    expectIssue(parseAammjj('250310', { referenceDate: 'hier' as PlainDate }), 'INPUT_TYPE', ['options', 'referenceDate']);
    expectIssue(parseAammjj('250310', { referenceDate: D, century: 'futur' as never }), 'INPUT_ENUM', ['options', 'century']);
    expectIssue(parseAammjj('x'.repeat(10_000), { referenceDate: D, path: ['d'] }), 'INPUT_TOO_LARGE', ['d']);
    // A reference outside 1900–2099 is still a PlainDate.
    expect(expectOk(parseAammjj('250310', { referenceDate: '2110-01-01' as PlainDate }))).toBe('2125-03-10');
  });

  it('identifier validators: junk path and FINESS options are issues', () => {
    const nir = makeNir();
    expectIssue(validateNir(nir, 'x' as never), 'INPUT_TYPE');
    expectIssue(validateRpps('10000000009', {} as never), 'INPUT_TYPE');
    expectIssue(validateSiret('73282932000074', [Symbol('s')] as never), 'INPUT_TYPE');
    expectIssue(validateFiness('750000010', [], null as never), 'INPUT_TYPE', ['options', 'corsica']);
    expectIssue(validateFiness('2A0000065', [], { corsica: { '2A': 'x', '2B': '20' } }), 'INPUT_TYPE', ['options', 'corsica']);
    expect(expectOk(validateNir(nir, ['patient', 'nir']))).toBe(nir);
  });

  it('loadReferentiel: junk tables and rows are INPUT issues with paths, never a throw', () => {
    for (const j of junkValues()) expect(typeof loadReferentiel(j as never).ok).toBe('boolean');
    expectIssue(loadReferentiel(null as never), 'INPUT_TYPE');
    expectIssue(loadReferentiel([{ version: 'v', date: '2025-01-01', source: 's', rows: 'x' }] as never), 'INPUT_TYPE', [0, 'rows']);
    const row = { code: 'T', libelle: 't', nomenclature: 'ngap', professions: ['medecin'], validFrom: null, prix: '10.00', acte: true, source: 's' };
    const table = (rows: unknown[]): never => ({ version: 'v', date: '2025-01-01', source: 's', rows }) as never;
    expect(loadReferentiel(table([row])).ok).toBe(true);
    expectIssue(loadReferentiel(table([{ ...row, prix: 10 }])), 'INPUT_TYPE', [0, 'rows', 0, 'prix']);
    expectIssue(loadReferentiel(table([{ ...row, code: Symbol('c') }])), 'INPUT_TYPE', [0, 'rows', 0, 'code']);
    expectIssue(loadReferentiel(table([{ ...row, secteurs: '1' }])), 'INPUT_TYPE', [0, 'rows', 0, 'secteurs']);
    expectIssue(loadReferentiel(table([row, , row])), 'INPUT_MISSING', [0, 'rows', 1]);
    // The engine works on a frozen copy: mutating the caller's row afterwards changes nothing.
    const mine = { ...row, code: 'MINE' };
    const ref = expectOk(loadReferentiel(table([mine])));
    mine.prix = '99.00';
    expect(ref.index.get('MINE')?.[0]?.row.prix).toBe('10.00');
  });

  test.prop([junkArb, junkArb, junkArb], { numRuns: runs(300) })('parsers and validators return a Result for any junk', (a, b, c) => {
    for (const r of [
      parseAaaammjj(a as string, b as never),
      parseAammjj(a as string, b as never),
      parsePlainDate(a, b as never),
      validateNir(a, b as never),
      validateFiness(a, b as never, c as never),
      loadReferentiel(a as never),
    ]) expect(typeof r.ok).toBe('boolean');
  });
});

describe('primitives assert', () => {
  it('dates: non-PlainDate, non-integer days and impossible dates are ASSERTION', () => {
    for (const j of [...notText, '2025-02-30', '10/03/2025', 'x'.repeat(10)]) {
      assertion(() => toYmd(j as PlainDate));
      assertion(() => toEpochDays(j as PlainDate));
      assertion(() => addDays(j as PlainDate, 1));
      assertion(() => daysBetween(D, j as PlainDate));
      assertion(() => compareDates(j as PlainDate, D));
      assertion(() => ageAt(j as PlainDate, D));
      assertion(() => formatAammjj(j as PlainDate));
      assertion(() => formatAaaammjj(j as PlainDate));
      assertion(() => plainDate(j as string));
    }
    for (const n of [1.5, NaN, Infinity, 1e21, '1', Symbol('n')]) {
      assertion(() => addDays(D, n as number));
      assertion(() => fromEpochDays(n as number));
      assertion(() => plainDateOf(n as number, 1, 1));
      assertion(() => daysInMonth(2024, n as number));
      expect(isValidYmd(2024, n as number, 1)).toBe(false);
    }
    assertion(() => fromEpochDays(1e9));
    assertion(() => addDays('9999-12-31' as PlainDate, 1));
    expect(addDays(D, -1)).toBe('2025-03-09');
  });

  it('keys: junk payloads and options are ASSERTION, never a TypeError', () => {
    for (const j of [...notText, '', '12a', 'x'.repeat(100)]) {
      assertion(() => computeLuhnKey(j as string));
      assertion(() => computeMod97(j as string));
      assertion(() => computeNirKey(j as string));
      assertion(() => computeRppsKey(j as string));
      assertion(() => computeSiretKey(j as string));
      assertion(() => computeFinessKey(j as string));
      assertion(() => splitNir(j as never));
    }
    assertion(() => computeFinessKey('75000001', null as never));
    assertion(() => computeFinessKey('75000001', { corsica: 5 } as never));
    expect(computeFinessKey('75000001')).toBe('0');
  });
});

describe('properties', () => {
  const date = fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-01T00:00:00Z'), noInvalidDate: true }).map((d) =>
    plainDateOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
  );
  test.prop([date], { numRuns: runs(500) })('guardPlainDate with the full range accepts exactly the PlainDates', (d) => {
    expect(guardPlainDate(d, [], [], { minYear: 1, maxYear: 9999 })).toBe(d);
    expect(fromEpochDays(toEpochDays(d))).toBe(d);
  });
});
