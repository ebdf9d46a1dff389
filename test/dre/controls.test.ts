/**
 * The DRE catalogue of the dre module: each control fails on its bad case, passes on the base
 * DRE, can be disabled; a caller's catalogue may raise FSE_DRE_* and DRE_* codes.
 * (The fse module's deprecated catalogue keeps its own tests in test/fse/controls.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { euros } from '../../src/core/money/index';
import { DRE_CODES } from '../../src/dre/codes';
import { DRE_CONTROLS } from '../../src/dre/controls';
import type { Dre } from '../../src/dre/model';
import { validateDre } from '../../src/dre/validate';
import { FSE_CODES } from '../../src/fse/codes';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { baseDre } from './fixtures';

const DRE_CASES: Record<string, (d: Dre) => Dre> = {
  FSE_DRE_NOT_TIERS_PAYANT: (d) => ({ ...d, fse: { ...d.fse, reglement: { destinataire: '05', tiersPayantAmo: true, tiersPayantAmc: false } } }),
  FSE_DRE_AMC_NUMERO_FORMAT: (d) => ({ ...d, amc: { ...d.amc, numero: 'amc 1' } }),
  FSE_DRE_ADHERENT_MISSING: (d) => ({ ...d, amc: { ...d.amc, numeroAdherent: '' } }),
  FSE_DRE_ROUTAGE_MISSING: (d) => ({ ...d, amc: { ...d.amc, routage: { codeRoutage: 'AB', identifiantHote: '', nomDomaine: 'X' } } }),
  FSE_DRE_INDICATEUR_UNKNOWN: (d) => ({ ...d, amc: { ...d.amc, indicateurTraitement: '99' } }),
  FSE_DRE_AMC_ZERO: (d) => ({ ...d, montantAmc: euros('0'), lignes: d.lignes.map((l) => ({ ...l, montantAmc: euros('0') })) }),
  DRE_GARANTIE_ABSENTE: ({ garantie: _, ...d }) => d as Dre,
  DRE_MONTANT_DEPASSE_PART_AMC: (d) => ({ ...d, montantAmc: euros('9.01'), lignes: d.lignes.map((l) => ({ ...l, montantAmc: euros('9.01') })), garantie: { id: 'G', montantGaranti: euros('20') } }),
  DRE_GARANTIE_DEPASSEE: (d) => ({ ...d, garantie: { id: 'G', montantGaranti: euros('8.00') } }),
  DRE_LIGNES_TOTAL: (d) => ({ ...d, montantAmc: euros('8.00') }),
};

const codes = (issues: readonly { code: string }[]): string[] => issues.map((i) => i.code);
const TABLE: Record<string, { fix: string; severity?: string }> = { ...FSE_CODES, ...DRE_CODES };

describe('DRE catalogue', () => {
  it('one code each, every code in FSE_CODES or DRE_CODES with a French fix; each has a case', () => {
    expect(new Set(DRE_CONTROLS.map((c) => c.code)).size).toBe(DRE_CONTROLS.length);
    for (const c of DRE_CONTROLS) expect(TABLE[c.code]?.fix, c.code).toMatch(/\S/);
    expect(Object.keys(DRE_CASES).sort()).toEqual(DRE_CONTROLS.map((c) => c.code).sort());
    expect(codes(DRE_CONTROLS)).not.toContain('FSE_DRE_MONTANT_MISMATCH');
  });

  it('the base DRE is clean and survives JSON', () => {
    const d = baseDre();
    expect(validateDre(d).issues).toEqual([]);
    expect(expectOk(validateDre(JSON.parse(JSON.stringify(d)) as Dre))).toEqual(d);
  });

  it('accepts a caller catalogue raising DRE codes, and refuses unknown codes', () => {
    const mine = { code: 'DRE_LIGNES_TOTAL' as const, label: 'toujours', appliesTo: () => true, check: () => ({ path: ['lignes'] }) };
    expectIssue(validateDre(baseDre(), { controls: [mine] }), 'DRE_LIGNES_TOTAL', ['lignes']);
    expectIssue(validateDre(baseDre(), { controls: [{ ...mine, code: 'NOPE' as never }] }), 'INPUT_ENUM', ['options', 'controls', 0, 'code']);
  });
});

describe.each(Object.entries(DRE_CASES))('DRE control %s', (code, fail) => {
  it('fails on its bad case, with its severity', () => {
    const i = expectIssue(validateDre(fail(baseDre())), code);
    expect(i.severity).toBe(TABLE[code]?.severity ?? 'error');
  });
  it('passes on the base DRE', () => expect(codes(validateDre(baseDre()).issues)).not.toContain(code));
  it('can be disabled', () => expect(codes(validateDre(fail(baseDre()), { disable: [code] }).issues)).not.toContain(code));
});

describe('properties', () => {
  test.prop([fc.subarray(Object.keys(DRE_CASES)), fc.subarray(DRE_CONTROLS.map((c) => c.code))], { numRuns: runs(200) })(
    'disabling controls only removes their codes',
    (faults, disabled) => {
      const doc = faults.reduce((d, f) => DRE_CASES[f]!(d), baseDre());
      const all = codes(validateDre(doc).issues);
      const some = codes(validateDre(doc, { disable: disabled }).issues);
      expect(some).toEqual(all.filter((c) => !disabled.includes(c as never)));
    },
  );
});
