import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { findReject, loadRejectDictionary, MODELED_REJECT_DICTIONARY } from '../../../src/returns/reconcile/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';

describe('MODELED_REJECT_DICTIONARY', () => {
  it('is explicitly marked as modeled, with fictitious MOD codes', () => {
    expect(MODELED_REJECT_DICTIONARY.modeled).toBe(true);
    for (const e of MODELED_REJECT_DICTIONARY.entries) {
      expect(e.code).toMatch(/^MOD\d$/);
      expect(e.source).toMatch(/^modeled/);
      expect(e.correction.length).toBeGreaterThan(0);
    }
  });
  it('finds a code, preferring the given part', () => {
    expect(findReject(MODELED_REJECT_DICTIONARY, ' MOD1 ', 'AMO')?.libelle).toMatch(/NIR/);
    expect(findReject(MODELED_REJECT_DICTIONARY, 'MOD7', 'AMO')?.part).toBe('AMC');
    expect(findReject(MODELED_REJECT_DICTIONARY, 'ZZZZ')).toBeUndefined();
  });
});

describe('loadRejectDictionary', () => {
  const row = { code: 'A123', level: 'A', part: 'AMO', libelle: 'Libellé', correction: 'Corriger', recycle: true };
  it('loads a vendor table', () => {
    const d = expectOk(loadRejectDictionary([row, { ...row, part: 'AMC', recycle: false }], 'vendor-1'));
    expect(d).toMatchObject({ name: 'vendor-1', modeled: false });
    expect(findReject(d, 'A123', 'AMC')?.recycle).toBe(false);
  });
  it('names every bad field and duplicate', () => {
    const r = loadRejectDictionary([{ ...row, level: 'X' }, { ...row, recycle: 'oui' }, row, row, 42]);
    expectIssue(r, 'RECONCILE_DICTIONARY_ROW', ['rows', 0, 'level']);
    expectIssue(r, 'RECONCILE_DICTIONARY_ROW', ['rows', 1, 'recycle']);
    expectIssue(r, 'RECONCILE_DICTIONARY_DUPLICATE', ['rows', 3, 'code']);
    expectIssue(r, 'RECONCILE_DICTIONARY_ROW', ['rows', 4, 'code']);
  });
});

describe('properties', () => {
  test.prop([fc.array(fc.anything(), { maxLength: 20 })])('never throws on random rows', (rows) => {
    expect(typeof loadRejectDictionary(rows).ok).toBe('boolean');
  });
  test.prop([fc.array(fc.record({ code: fc.stringMatching(/^[A-Z0-9]{1,4}$/), level: fc.constantFrom('F', 'L', 'A'), part: fc.constantFrom('AMO', 'AMC'), libelle: fc.constant('l'), correction: fc.constant('c'), recycle: fc.boolean() }), { maxLength: 20 })])(
    'every valid distinct row is findable',
    (rows) => {
      const distinct = [...new Map(rows.map((r) => [`${r.code}|${r.part}`, r])).values()];
      const d = expectOk(loadRejectDictionary(distinct));
      for (const r of distinct) expect(findReject(d, r.code, r.part as 'AMO' | 'AMC')).toMatchObject({ code: r.code, part: r.part });
    },
  );
});
