import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { plainDate } from '../../../src/core/date/index';
import { euros, fromCentimes } from '../../../src/core/money/index';
import { parseRecord, serializeRecord, transliterate } from '../../../src/internal/fixed-width/index';
import { arbNoisyTextOf, arbRecordOf, arbRecordTextOf, FW_REFERENCE } from '../../arbitraries/fixedWidth';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { DEMO, DEMO2 } from './demoLayouts';
import { runs } from '../../helpers/runs';

const ctx = { record: 7, offset: 7 * 40, referenceDate: FW_REFERENCE, path: ['lot', 0] } as const;
//                 1  4    9         19    25      33 34
const GOOD = '00000012HELENE    24022900001234N13     ';
/** DEMO2 text from its 8 zones (numero, caisse, naissance, dateLongue, solde, brut, qualite, reserve). */
const demo2 = (over: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7, string>> = {}): string =>
  ['000000123', '000', '000000', '00000000', '+00000012', '0000000', 'AA', '0000'].map((z, k) => over[k as 0] ?? z).join('');

describe('parseRecord', () => {
  test('reads every field type', () => {
    expect(expectOk(parseRecord(DEMO, GOOD, ctx))).toEqual({
      type: '000',
      nombre: 12,
      nom: 'HELENE',
      date: '2024-02-29',
      montant: { centimes: -1234 },
      code: '13',
    });
  });

  test('optional fields: zeros / blanks ↔ absent', () => {
    const r = expectOk(parseRecord(DEMO2, demo2(), ctx));
    expect(r).toEqual({ numero: '000000123', solde: { centimes: 12 }, qualite: 'AA' });
    expect('caisse' in r).toBe(false);
  });

  test('a blank optional numeric is a warning, not an error', () => {
    const r = parseRecord(DEMO2, demo2({ 1: '   ' }), ctx);
    expect(r.ok).toBe(true);
    expectIssue(r, 'FW_BLANK_NUMERIC', ['lot', 0, 'caisse']);
  });

  test.each([
    ['non-digit in N', 3, 'x', 'FW_NOT_NUMERIC', 'nombre', 4],
    ['non-ASCII in X', 10, 'é', 'FW_CHARSET', 'nom', 11],
    ['control char in X', 12, '\t', 'FW_CHARSET', 'nom', 13],
    ['lower case in X (B2 alphabet)', 8, 'h', 'FW_LOWERCASE', 'nom', 9],
    ['invalid date', 20, '3', 'FW_DATE', 'date', 19],
    ['non-digit in amount', 30, ' ', 'FW_NOT_NUMERIC', 'montant', 31],
    ['bad sign', 32, 'X', 'FW_SIGN', 'signe', 33],
    ['value outside enum', 34, '1', 'FW_ENUM', 'code', 34],
    ['wrong literal', 2, '1', 'FW_CONST', 'type', 1],
  ])('%s → issue located by record, column, field', (_, index, ch, code, field, column) => {
    const text = GOOD.slice(0, index) + ch + GOOD.slice(index + 1);
    const r = parseRecord(DEMO, text, ctx);
    expect(r.ok).toBe(false);
    const i = expectIssue(r, code, ['lot', 0, field]);
    expect(i.source).toEqual({ record: 7, column, offset: 7 * 40 + column - 1 });
  });

  test('a non-blank filler is a warning', () => {
    const r = parseRecord(DEMO, GOOD.slice(0, 37) + 'ZZZ', ctx);
    expect(r.ok).toBe(true);
    expect(expectIssue(r, 'FW_FILLER_NOT_BLANK', ['lot', 0, 'filler1']).source?.column).toBe(36);
  });

  test('wrong length is reported, the fields that fit are still checked', () => {
    const r = parseRecord(DEMO, '001', ctx);
    expectIssue(r, 'FW_RECORD_LENGTH', ['lot', 0]);
    expectIssue(r, 'FW_CONST', ['lot', 0, 'type']);
    expect(parseRecord(DEMO, `${GOOD} `).ok).toBe(false);
  });

  test('leading sign and unsigned amounts', () => {
    expect(expectOk(parseRecord(DEMO2, demo2({ 4: '-00000012' }), ctx)).solde).toEqual({ centimes: -12 });
    expectIssue(parseRecord(DEMO2, demo2({ 4: '000000012' }), ctx), 'FW_SIGN', ['lot', 0, 'solde']);
  });

  test('AAMMJJ century rule: past for births, near for events', () => {
    expect(expectOk(parseRecord(DEMO2, demo2({ 2: '300101' }), { referenceDate: plainDate('2025-06-15') })).naissance).toBe('1930-01-01');
    const near = GOOD.replace('240229', '300101');
    expect(expectOk(parseRecord(DEMO, near, { referenceDate: plainDate('2025-06-15') })).date).toBe('2030-01-01');
  });
});

describe('serializeRecord', () => {
  const value = { nombre: 12, nom: 'HELENE', date: plainDate('2024-02-29'), montant: fromCentimes(-1234), code: '13' } as const;

  test('writes every field type', () => {
    expect(expectOk(serializeRecord(DEMO, value))).toBe(GOOD);
  });

  test.each([
    ['nombre', 123456, 'FW_OVERFLOW'],
    ['nombre', -1, 'FW_RANGE'],
    ['nombre', 1.5, 'FW_RANGE'],
    ['nombre', '12', 'FW_TYPE'],
    ['nom', 'ABCDEFGHIJK', 'FW_OVERFLOW'],
    ['nom', 'Hélène', 'FW_CHARSET'],
    ['nom', 'helene', 'FW_LOWERCASE'],
    ['date', '2024-02-30', 'FW_TYPE'],
    ['montant', euros('1000000.00'), 'FW_OVERFLOW'],
    ['montant', 12, 'FW_TYPE'],
    ['code', '12', 'FW_ENUM'],
    ['code', '130', 'FW_OVERFLOW'],
    ['type', '999', 'FW_CONST'],
  ])('%s = %j → %s, never truncated', (field, bad, code) => {
    const r = serializeRecord(DEMO, { ...value, [field]: bad } as never, { path: ['x'] });
    expect(r.ok).toBe(false);
    expectIssue(r, code, ['x', field]);
  });

  test('missing mandatory field, negative unsigned amount', () => {
    const { nombre: _, ...rest } = value;
    expectIssue(serializeRecord(DEMO, rest as never), 'FW_MISSING', ['nombre']);
    expectIssue(
      serializeRecord(DEMO2, { numero: '1', solde: fromCentimes(0), brut: fromCentimes(-1), qualite: 'A' }),
      'FW_NEGATIVE_AMOUNT',
      ['brut'],
    );
  });

  test('N strings are right-aligned zero-padded; X left-aligned blank-padded', () => {
    const s = expectOk(serializeRecord(DEMO2, { numero: '123', solde: fromCentimes(-5), qualite: 'A' }));
    expect(s).toBe(demo2({ 4: '-00000005', 6: 'A ' }));
  });

  test('transliterate option: upper case without accents, with a warning', () => {
    const r = serializeRecord(DEMO, { ...value, nom: 'Bœuf Çà' }, { transliterate: true });
    expect(expectOk(r).slice(8, 18)).toBe('BOEUF CA  ');
    expectIssue(r, 'FW_TRANSLITERATED', ['nom']);
    expectIssue(serializeRecord(DEMO, { ...value, nom: '10 €' }, { transliterate: true }), 'FW_CHARSET', ['nom']);
  });
});

describe('transliterate', () => {
  test.each([
    ['élève', 'ELEVE'],
    ['François', 'FRANCOIS'],
    ['cœur', 'COEUR'],
    ['Æsir', 'AESIR'],
    ['L’Haÿ-les-Roses', "L'HAY-LES-ROSES"],
    ['ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ', 'AAAEEEEIIOOUUUYC'],
  ])('%s → %s', (input, output) => {
    const r = transliterate(input);
    expect(expectOk(r)).toBe(output);
    expectIssue(r, 'FW_TRANSLITERATED');
  });

  test('unchanged text: no warning', () => {
    expect(transliterate('DUPONT').issues).toEqual([]);
  });
});

describe('properties', () => {
  for (const layout of [DEMO, DEMO2]) {
    test.prop([arbRecordOf(layout)], { numRuns: runs(3000) })(`${layout.name}: parse(serialize(r)) = r`, (r) => {
      const text = expectOk(serializeRecord(layout, r as never));
      expect(text).toHaveLength(layout.length);
      expect(expectOk(parseRecord(layout, text, { referenceDate: FW_REFERENCE }))).toEqual(r);
    });

    test.prop([arbRecordTextOf(layout)], { numRuns: runs(3000) })(`${layout.name}: serialize(parse(s)) = s for valid s`, (s) => {
      const r = parseRecord(layout, s, { referenceDate: FW_REFERENCE });
      expect(r.issues).toEqual([]);
      expect(expectOk(serializeRecord(layout, expectOk(r) as never))).toBe(s);
    });

    test.prop([arbNoisyTextOf(layout)], { numRuns: runs(25_000) })(`${layout.name}: parseRecord never throws`, (s) => {
      const r = parseRecord(layout, s, { record: 1, offset: 0 });
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) for (const i of r.issues) expect(i.code).toMatch(/^FW_/);
    });
  }

  test.prop([fc.string({ unit: 'grapheme', maxLength: 20 })], { numRuns: runs(5000) })('transliterate gives ASCII or an issue', (s) => {
    const r = transliterate(s);
    if (r.ok) expect(r.value).toMatch(/^[\x20-\x7e]*$/);
    else expectIssue(r, 'FW_CHARSET');
  });
});
