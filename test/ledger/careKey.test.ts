import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/date/index';
import { computeCareKey, formatFileId, formatInvoiceNumber, formatLotNumber, computeNextLotNumber, computeNextFileNumber } from '../../src/ledger/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { NIR_A, PS1 } from './fixtures';

const base = { ps: PS1, beneficiaire: { nir: NIR_A, rang: 1 }, dateSoins: '2025-01-02' as PlainDate, actes: ['K', 'C'] };

describe('computeCareKey', () => {
  it('is readable, sorted, key-less and space-insensitive', () => {
    expect(expectOk(computeCareKey(base))).toBe(`v1|${PS1}|${NIR_A.slice(0, 13)}||1|2025-01-02|C+K`);
    const spaced = { ...base, ps: ' 99 1234567', beneficiaire: { nir: `${NIR_A.slice(0, 1)} ${NIR_A.slice(1, 13)}`, rang: 1 }, actes: ['c', 'k '] };
    expect(computeCareKey(spaced)).toEqual(computeCareKey(base));
  });

  it('keeps act multiplicity and tells beneficiaries apart', () => {
    expect(computeCareKey({ ...base, actes: ['C', 'C'] })).not.toEqual(computeCareKey({ ...base, actes: ['C'] }));
    expect(computeCareKey({ ...base, beneficiaire: { nir: NIR_A, rang: 2 } })).not.toEqual(computeCareKey(base));
    expect(computeCareKey({ ...base, beneficiaire: { nir: NIR_A, dateNaissance: '2010-05-06' as PlainDate } })).not.toEqual(computeCareKey(base));
  });

  it('reports every bad field with its path', () => {
    const r = computeCareKey({ ps: '', beneficiaire: { nir: '3', rang: 12 }, dateSoins: '2025-13-01' as PlainDate, actes: ['C', '??'] });
    expectIssue(r, 'LEDGER_INVALID_INPUT', ['ps']);
    expectIssue(r, 'LEDGER_INVALID_INPUT', ['beneficiaire', 'nir']);
    expectIssue(r, 'LEDGER_INVALID_INPUT', ['beneficiaire', 'rang']);
    expectIssue(r, 'LEDGER_INVALID_INPUT', ['dateSoins']);
    expectIssue(r, 'LEDGER_INVALID_INPUT', ['actes', 1]);
    expectIssue(computeCareKey({ ...base, beneficiaire: { nir: NIR_A } }), 'LEDGER_INVALID_INPUT', ['beneficiaire']);
  });
});

describe('numbering formats', () => {
  it('pads to the B2 widths and cycles lots and files', () => {
    expect(formatInvoiceNumber(42)).toBe('000000042');
    expect(formatLotNumber(7)).toBe('007');
    expect(formatFileId(12)).toBe('000012');
    expect(computeNextLotNumber(0)).toBe(1);
    expect(computeNextLotNumber(999)).toBe(1);
    expect(computeNextFileNumber(999_999)).toBe(1);
  });
});

describe('properties', () => {
  const acts = fc.array(fc.constantFrom('C', 'G', 'K', 'MEG', 'AMI', 'YYYY001'), { minLength: 1, maxLength: 6 });
  test.prop([acts])('the key ignores act order', (a) => {
    expect(computeCareKey({ ...base, actes: a })).toEqual(computeCareKey({ ...base, actes: [...a].reverse() }));
  });
  test.prop([fc.anything()])('never throws on junk acts', (a) => {
    // The junk goes in as it is (JS callers can pass anything): no String() in the test itself.
    const list: unknown[] = Array.isArray(a) ? a : [a];
    const r = computeCareKey({ ...base, actes: list as string[] });
    const clean = list.length > 0 && list.every((x) => typeof x === 'string' && /^[0-9A-Z.]{1,13}$/.test(x.replace(/\s+/g, '').toUpperCase()));
    if (!clean) expect(r.ok).toBe(false);
  });
  test.prop([fc.anything(), fc.anything()])('never throws on a junk beneficiary or PS', (b, ps) => {
    expect(() => computeCareKey({ ...base, ps: ps as string, beneficiaire: b as never })).not.toThrow();
  });
});
