import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/date/index';
import type { CareKeyInput, CareKeys } from '../../src/ledger/index';
import { computeCareKey, computeCareKeys, computeNextFileNumber, computeNextLotNumber, formatFileId, formatInvoiceNumber, formatLotNumber } from '../../src/ledger/index';
import { arbNir, makeNir } from '../arbitraries/ids';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { NIR_A, PS1 } from './fixtures';

const D = (s: string) => s as PlainDate;
const base: CareKeyInput = { ps: PS1, beneficiaire: { nir: NIR_A, rang: 1, dateNaissance: D('1985-07-01') }, dateSoins: D('2025-01-02'), actes: ['K', 'C'] };

describe('computeCareKey', () => {
  it('is readable, sorted, key-less and space-insensitive; the rang defaults to 1', () => {
    expect(expectOk(computeCareKey(base))).toBe(`v2|${PS1}|${NIR_A.slice(0, 13)}|1985-07-01|1|2025-01-02|C+K`);
    const spaced = { ...base, ps: ' 99 1234567', beneficiaire: { nir: `${NIR_A.slice(0, 1)} ${NIR_A.slice(1, 13)}`, dateNaissance: D('1985-07-01') }, actes: ['c', 'k '] };
    expect(computeCareKey(spaced)).toEqual(computeCareKey(base));
  });

  it('keeps act multiplicity and tells beneficiaries apart', () => {
    expect(computeCareKey({ ...base, actes: ['C', 'C'] })).not.toEqual(computeCareKey({ ...base, actes: ['C'] }));
    expect(computeCareKey({ ...base, beneficiaire: { ...base.beneficiaire, rang: 2 } })).not.toEqual(computeCareKey(base));
    expect(computeCareKey({ ...base, beneficiaire: { ...base.beneficiaire, dateNaissance: D('2010-05-06') } })).not.toEqual(computeCareKey(base));
  });

  it('the issue-#10 case: rank only is refused (the date de naissance is required), rank + date and date only give one key', () => {
    expectIssue(computeCareKey({ ...base, beneficiaire: { nir: NIR_A, rang: 1 } }), 'INPUT_MISSING', ['beneficiaire', 'dateNaissance']);
    expect(computeCareKey({ ...base, beneficiaire: { nir: NIR_A, dateNaissance: D('1985-07-01') } })).toEqual(computeCareKey(base));
  });

  it('reports every bad field with its path', () => {
    const r = computeCareKey({ ps: '', beneficiaire: { nir: '3', rang: 12, dateNaissance: D('1985-02-30') }, dateSoins: D('2025-13-01'), actes: ['C', '??'] });
    expectIssue(r, 'LEDGER_INVALID_INPUT', ['ps']);
    expectIssue(r, 'LEDGER_INVALID_INPUT', ['beneficiaire', 'nir']);
    expectIssue(r, 'INPUT_RANGE', ['beneficiaire', 'rang']);
    expectIssue(r, 'INPUT_TYPE', ['beneficiaire', 'dateNaissance']);
    expectIssue(r, 'INPUT_TYPE', ['dateSoins']);
    expectIssue(r, 'LEDGER_INVALID_INPUT', ['actes', 1]);
    expectIssue(computeCareKey(null as never), 'INPUT_TYPE', []);
  });

  it('refuses an own NIR that contradicts the date de naissance, without copying the NIR into the issue', () => {
    const child = makeNir({ sex: 2, year: 12, month: 3, ordre: 950 });
    const r = computeCareKeys({ ...base, beneficiaire: { nir: NIR_A, nirIndividuel: child, dateNaissance: D('2013-03-04') } });
    const i = expectIssue(r, 'LEDGER_BENEFICIAIRE_INCONSISTENT', ['beneficiaire', 'nirIndividuel']);
    expect(JSON.stringify(i)).not.toContain(child.slice(0, 13));
    const bad = computeCareKeys({ ...base, beneficiaire: { nir: `${NIR_A.slice(0, 3)}13${NIR_A.slice(5)}`, dateNaissance: D('1985-07-01') } });
    expect(JSON.stringify(expectIssue(bad, 'LEDGER_INVALID_INPUT', ['beneficiaire', 'nir']))).not.toContain(NIR_A.slice(5, 13));
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

/** Two descriptions reach each other in the duplicate control when they share a key. */
const meets = (a: CareKeys, b: CareKeys): boolean => a.careKey === b.careKey || (a.personKey !== undefined && a.personKey === b.personKey);

/** A family: a parent (assuré) and a child born on a date, with their fictitious NIRs. */
const arbFamily = fc
  .record({ year: fc.integer({ min: 2000, max: 2024 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), rang: fc.integer({ min: 1, max: 9 }) })
  .chain((b) =>
    fc.record({
      parent: arbNir({ year: 70 }),
      child: arbNir({ year: b.year % 100, month: b.month }),
      twin: arbNir({ year: b.year % 100, month: b.month }),
      birth: fc.constant(`${b.year}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}` as PlainDate),
      rang: fc.constant(b.rang),
      spacing: fc.boolean(),
      lower: fc.boolean(),
      dropKey: fc.boolean(),
    }),
  );

describe('properties', () => {
  const acts = fc.array(fc.constantFrom('C', 'G', 'K', 'MEG', 'AMI', 'YYYY001'), { minLength: 1, maxLength: 6 });
  test.prop([acts], { numRuns: runs(100) })('the key ignores act order', (a) => {
    expect(computeCareKey({ ...base, actes: a })).toEqual(computeCareKey({ ...base, actes: [...a].reverse() }));
  });

  test.prop([arbFamily], { numRuns: runs(200) })('every way a PMS may describe the same child meets the others (documented exception aside)', (f) => {
    const write = (nir: string): string => {
      let t = f.dropKey ? nir.slice(0, 13) : nir;
      if (f.spacing) t = `${t.slice(0, 1)} ${t.slice(1, 3)} ${t.slice(3, 5)} ${t.slice(5)}`;
      return f.lower ? t.toLowerCase() : t;
    };
    const rang = f.rang === 1 ? {} : { rang: f.rang };
    const key = (b: CareKeyInput['beneficiaire']) => expectOk(computeCareKeys({ ...base, beneficiaire: b }));
    const underParent = key({ nir: f.parent, dateNaissance: f.birth, ...rang });
    const underParentExplicit = key({ nir: write(f.parent), dateNaissance: f.birth, rang: f.rang, qualite: '6' });
    const withOwnNir = key({ nir: f.parent, nirIndividuel: write(f.child), dateNaissance: f.birth, ...rang });
    const ownInsured = key({ nir: write(f.child), dateNaissance: f.birth, qualite: '0' });
    const ownInsuredSelf = key({ nir: f.child, nirIndividuel: f.child, dateNaissance: f.birth });
    const all = [underParent, underParentExplicit, withOwnNir, ownInsured, ownInsuredSelf];
    for (const a of all) {
      for (const b of all) {
        // Documented: billed under the parent WITHOUT the child's own NIR, and under the child's
        // own NIR as assuré, share no data the caisse uses; the PMS must give the own NIR it knows.
        const unlinkable = [underParent, underParentExplicit].includes(a) !== [underParent, underParentExplicit].includes(b) && [ownInsured, ownInsuredSelf].some((x) => x === a || x === b);
        if (!unlinkable) expect(meets(a, b), JSON.stringify([a, b])).toBe(true);
      }
    }
  });

  test.prop([arbFamily], { numRuns: runs(200) })('twins (same NIR assuré, same date, different rang) stay distinct however they are described', (f) => {
    fc.pre(f.child.slice(0, 13) !== f.twin.slice(0, 13));
    const other = f.rang === 9 ? 8 : f.rang + 1;
    const descriptions = (rang: number, own: string) => [
      expectOk(computeCareKeys({ ...base, beneficiaire: { nir: f.parent, dateNaissance: f.birth, rang } })),
      expectOk(computeCareKeys({ ...base, beneficiaire: { nir: f.parent, nirIndividuel: own, dateNaissance: f.birth, rang } })),
    ];
    for (const a of descriptions(f.rang, f.child)) for (const b of descriptions(other, f.twin)) expect(meets(a, b)).toBe(false);
  });

  test.prop([fc.anything()], { numRuns: runs(200) })('never throws on junk acts', (a) => {
    // The junk goes in as it is (JS callers can pass anything): no String() in the test itself.
    const list: unknown[] = Array.isArray(a) ? a : [a];
    const r = computeCareKey({ ...base, actes: list as string[] });
    const clean = list.length > 0 && list.every((x) => typeof x === 'string' && /^[0-9A-Z.]{1,13}$/.test(x.replace(/\s+/g, '').toUpperCase()));
    if (!clean) expect(r.ok).toBe(false);
  });
  test.prop([fc.anything(), fc.anything()], { numRuns: runs(200) })('never throws on a junk beneficiary or PS', (b, ps) => {
    expect(() => computeCareKeys({ ...base, ps: ps as string, beneficiaire: b as never })).not.toThrow();
  });
});
