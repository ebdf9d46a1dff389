/**
 * Organisme AMO controls against the SNDS tables (régime, caisse, régime of the bénéficiaire).
 * Fictitious invoices (test/fse/fixtures); the tables are the shipped SNDS extracts.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { validateFse } from '../../src/fse/validate';
import type { Fse } from '../../src/fse/model';
import { findCaisse } from '../../src/rules/snds/organismes';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { baseFse } from './fixtures';

const amo = (f: Fse, patch: Partial<Fse['amo']>): Fse => ({ ...f, amo: { ...f.amo, ...patch } });
const codes = (f: Fse): string[] => validateFse(f).issues.map((i) => i.code);
const ORGANISME = /^FSE_ORGANISME_(REGIME_INCONNU|CAISSE_INCONNUE|REGIME_INCOHERENT)$/;

describe('organisme AMO vs SNDS tables', () => {
  it('accepts the régime général, the MSA and a DOM caisse', () => {
    for (const [grandRegime, caisse] of [['01', '751'], ['02', '011'], ['01', '971']] as const) {
      expect(codes(amo(baseFse(), { grandRegime, caisse })).filter((c) => ORGANISME.test(c)), `${grandRegime} ${caisse}`).toEqual([]);
    }
  });

  it('an unknown grand régime is an error on amo.grandRegime; the caisse is then not looked up', () => {
    const r = validateFse(amo(baseFse(), { grandRegime: '55' }));
    expect(expectIssue(r, 'FSE_ORGANISME_REGIME_INCONNU', ['amo', 'grandRegime']).received).toBe('55');
    expect(r.issues.map((i) => i.code)).not.toContain('FSE_ORGANISME_CAISSE_INCONNUE');
  });

  it('a caisse absent from the 2021 table is a warning (the invoice stays valid)', () => {
    const r = validateFse(amo(baseFse(), { caisse: '998' }));
    const found = expectIssue(r, 'FSE_ORGANISME_CAISSE_INCONNUE', ['amo', 'caisse']);
    expect(found.severity).toBe('warning');
    expect(found.expected).toBe('01');
    expectOk(r);
  });

  it('a caisse of another régime is unknown for this one', () => {
    // 06A… are ENIM caisses; 01C998 does not exist.
    expect(findCaisse('01998').ok).toBe(false);
    expectIssue(validateFse(amo(baseFse(), { grandRegime: '01', caisse: '998' })), 'FSE_ORGANISME_CAISSE_INCONNUE');
  });

  it('the régime of the bénéficiaire (1 or 2 digits) must be the organisme’s', () => {
    const withRegime = (regime: string): Fse => {
      const f = baseFse();
      return { ...f, facture: { ...f.facture, beneficiaire: { ...f.facture.beneficiaire, regime } } };
    };
    expect(codes(withRegime('01'))).not.toContain('FSE_ORGANISME_REGIME_INCOHERENT');
    expect(codes(withRegime('1'))).not.toContain('FSE_ORGANISME_REGIME_INCOHERENT');
    const r = validateFse(withRegime('02'));
    const found = expectIssue(r, 'FSE_ORGANISME_REGIME_INCOHERENT', ['amo', 'grandRegime']);
    expect([found.received, found.expected]).toEqual(['01', '02']);
  });

  it('a malformed régime or caisse raises its format code only', () => {
    const c = codes(amo(baseFse(), { grandRegime: '1', caisse: '75A' }));
    expect(c).toContain('FSE_ORGANISME_REGIME_FORMAT');
    expect(c.filter((x) => ORGANISME.test(x))).toEqual([]);
  });
});

describe('properties', () => {
  test.prop([fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), fc.option(fc.string({ maxLength: 3 }), { nil: undefined })], { numRuns: runs(200) })(
    'never throws; a régime issue only for a 2-digit régime',
    (grandRegime, caisse, regime) => {
      const f = amo(baseFse(), { grandRegime, caisse });
      const doc = regime === undefined ? f : { ...f, facture: { ...f.facture, beneficiaire: { ...f.facture.beneficiaire, regime } } };
      const found = codes(doc);
      if (!/^\d{2}$/.test(grandRegime)) expect(found.filter((x) => ORGANISME.test(x))).toEqual([]);
    },
  );
  test.prop([fc.constantFrom('01', '02', '03', '04', '06', '08', '10', '90'), fc.integer({ min: 0, max: 999 })], { numRuns: runs(200) })(
    'FSE_ORGANISME_CAISSE_INCONNUE exactly when findCaisse fails',
    (grandRegime, n) => {
      const caisse = String(n).padStart(3, '0');
      const known = findCaisse(`${grandRegime}${caisse}`).ok;
      expect(codes(amo(baseFse(), { grandRegime, caisse })).includes('FSE_ORGANISME_CAISSE_INCONNUE')).toBe(!known);
    },
  );
});
