/**
 * CCAM modificateurs priced from the shipped data (CNAM chapter 19.03 of V78 / V81, décision
 * UNCAM applicable 05/11/2025 for Y and Z): percentages and amounts, per tariff column, per
 * specialty, dated; the act's allowed list; U/F/P/S exclusive; the combination parameter.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { PARAMETRES_DEFAUT } from '../../../src/rules/index';
import { PARAMETRES_CCAM_DEFAUT } from '../../../src/rules/ccam/parametres';
import { expectIssue } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { bases, d, facture, price, ps, run } from './helpers';

describe('modificateurs: amounts by specialty (urgence)', () => {
  it('F on an ECG (DEQP003, 14,77 € in V81): 19,06 € for a généraliste, 40 € for a pédiatre', () => {
    expect(bases(price(facture([{ modificateurs: ['F'] }])))).toEqual([1477 + 1906]);
    expect(bases(price(facture([{ modificateurs: ['F'] }], { ps: ps('12') })))).toEqual([1477 + 4000]);
  });

  it('P: 35 € for a généraliste, refused for a cardiologist (no variant for that specialty)', () => {
    expect(bases(price(facture([{ modificateurs: ['P'] }])))).toEqual([1477 + 3500]);
    expectIssue(run(facture([{ modificateurs: ['P'] }], { ps: ps('03') })), 'CCAM_MODIFICATEUR_NON_APPLICABLE', ['lignes', 0, 'modificateurs', 0]);
  });

  it('only one of U, F, P, S per act', () => {
    expectIssue(run(facture([{ modificateurs: ['F', 'S'] }])), 'CCAM_MODIFICATEURS_CUMUL', ['lignes', 0, 'modificateurs']);
  });

  it('a modificateur outside the act’s CNAM list is refused; an unknown letter has no value', () => {
    expectIssue(run(facture([{ modificateurs: ['Y'] }], { ps: ps('06') })), 'CCAM_MODIFICATEUR_NON_AUTORISE', ['lignes', 0, 'modificateurs', 0]);
  });
});

describe('modificateurs: percentages, columns and dates', () => {
  // ZBQK002 (radiographie, 21,28 €, list BDEFPSUYZ) by a radiologist.
  const zb = (date: string, mods: string[]): number[] => bases(price(facture([{ code: 'ZBQK002', date: d(date), modificateurs: mods }], { ps: ps('06') })));

  it('Y: +15,8 % until 2025-11-04, +13 % from 2025-11-05 (décision UNCAM, JO 18/10/2025)', () => {
    expect(zb('2025-11-04', ['Y'])).toEqual([2464]); // 21,28 × 1,158 = 24,642 → 24,64
    expect(zb('2025-11-05', ['Y'])).toEqual([2405]); // 21,28 × 1,13 = 24,046 → 24,05
  });

  it('Y and Z are never billed together', () => {
    expectIssue(run(facture([{ code: 'ZBQK002', modificateurs: ['Y', 'Z'] }], { ps: ps('06') })), 'CCAM_MODIFICATEURS_CUMUL', ['lignes', 0, 'modificateurs']);
  });

  // JKFA015 activité 1: 239,49 € in both columns; list AFJKTPSUO743.
  const jk = (date: string, mods: string[], secteur: '1' | '2' | '2-optam' = '1'): number[] =>
    bases(price(facture([{ code: 'JKFA015', date: d(date), modificateurs: mods }], { ps: ps('07', { secteur }) })));

  it('K for a gynécologue-obstétricien: 25 % in V78, 30 % in V81 (secteur 1 / OPTAM column)', () => {
    expect(jk('2025-06-02', ['K'])).toEqual([29936]); // 239,49 × 1,25 = 299,3625 → 299,36
    expect(jk('2026-03-02', ['K'])).toEqual([31134]); // 239,49 × 1,30 = 311,337 → 311,34
  });

  it('T differs between the columns in V81: 21,5 % (OPTAM) and 16,5 % (hors OPTAM)', () => {
    expect(jk('2026-03-02', ['T'], '2-optam')).toEqual([29098]); // × 1,215 = 290,980… → 290,98
    expect(jk('2026-03-02', ['T'], '2')).toEqual([27901]); // × 1,165 = 279,005… → 279,01
    expectIssue(run(facture([{ code: 'JKFA015', modificateurs: ['T'] }], { ps: ps('07') })), 'CCAM_MODIFICATEUR_NON_APPLICABLE');
  });

  it('several percentages: added by default, compounded on request (a documented parameter)', () => {
    expect(jk('2026-03-02', ['J', 'K'])).toEqual([32690]); // × (1 + 0,065 + 0,30) = 326,903… → 326,90
    const compose = { ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, combinaison: 'compose' as const } };
    const dec = price(facture([{ code: 'JKFA015', modificateurs: ['J', 'K'] }], { ps: ps('07') }), { parametres: compose });
    expect(bases(dec)).toEqual([33157]); // × 1,065 × 1,30 = 331,5739… → 331,57
  });
});

describe('properties', () => {
  test.prop([fc.constantFrom('F', 'P', 'S', 'U'), fc.constantFrom('01', '12', '07', '02', '04', '03'), fc.constantFrom('1', '2', '2-optam')], { numRuns: runs(60) })(
    'an amount modificateur adds its amount, whatever the column; never throws',
    (m, spe, secteur) => {
      const r = run(facture([{ modificateurs: [m] }], { ps: ps(spe, { secteur: secteur as '1' }) }));
      if (r.ok) expect(r.value.lignes[0]!.baseRemboursement.centimes).toBeGreaterThan(secteur === '2' ? 1381 : 1477);
      else expect(r.issues.map((i) => i.code)).toContain('CCAM_MODIFICATEUR_NON_APPLICABLE');
    },
  );
});
