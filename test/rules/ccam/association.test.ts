/**
 * Code d'association (CCAM livre III, art. III-3 B): the second act at 50 % of its tariff
 * including its percentage modificateurs (not its amount modificateurs), rounded half up; 75 %
 * for chirurgie on different limbs; DOM coefficient as a parameter.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { factor } from '../../../src/core/money/index';
import { PARAMETRES_DEFAUT } from '../../../src/rules/index';
import { PARAMETRES_CCAM_DEFAUT } from '../../../src/rules/ccam/parametres';
import { expectIssue } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { bases, d, facture, price, ps, run } from './helpers';

describe('association', () => {
  it('second act at 50 %, half up: ECG 14,77 € → 7,385 → 7,39 €', () => {
    expect(bases(price(facture([{ code: 'JKFA015', codeAssociation: '1' }, { codeAssociation: '2' }], { ps: ps('07') })))).toEqual([23949, 739]);
  });

  it('percentage modificateurs are inside the 50 %, amounts outside', () => {
    // JKFA015 + K (V81, 30 %) at 50 %: 239,49 × 1,30 × 0,5 = 155,6685 → 155,67.
    expect(bases(price(facture([{ code: 'JKFA015', codeAssociation: '2', modificateurs: ['K'] }], { ps: ps('07') })))).toEqual([15567]);
    // ECG at 50 % + F 19,06 € (a généraliste): 7,39 + 19,06.
    expect(bases(price(facture([{ codeAssociation: '2', modificateurs: ['F'] }])))).toEqual([739 + 1906]);
  });

  it('75 % (code 3: chirurgie on different limbs): 239,49 × 0,75 = 179,6175 → 179,62', () => {
    expect(bases(price(facture([{ code: 'JKFA015', codeAssociation: '3' }], { ps: ps('07') })))).toEqual([17962]);
  });

  it('an unknown code d’association is refused', () => {
    expectIssue(run(facture([{ codeAssociation: '9' }])), 'CCAM_CODE_ASSOCIATION', ['lignes', 0, 'codeAssociation']);
  });
});

describe('DOM coefficient (parameter, no default)', () => {
  it('without a coefficient: the metropolitan tariff and a warning', () => {
    const r = run(facture([{}], { ps: ps('01', { zone: 'dom' }) }));
    expect(r.ok && bases(r.value)).toEqual([1477]);
    expectIssue(r, 'CCAM_DOM_SANS_COEFFICIENT', ['lignes', 0, 'code']);
  });

  it('with a caller coefficient: applied with its source', () => {
    const parametres = { ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, coefficientDom: [{ from: d('2025-01-01'), value: factor('1.2'), source: 'texte du caller' }] } };
    const dec = price(facture([{}], { ps: ps('01', { zone: 'dom' }) }), { parametres });
    expect(bases(dec)).toEqual([1772]); // 14,77 × 1,2 = 17,724 → 17,72
    expect(dec.trace.some((s) => s.rule === 'ccam.dom' && s.source === 'texte du caller')).toBe(true);
  });
});

describe('anesthésie (activité 4) from its own row', () => {
  it('JKFA015 activité 4 V81: 128,55 €, with A (+23 €) for a patient under 4', () => {
    expect(bases(price(facture([{ code: 'JKFA015', activite: '4' }], { ps: ps('02') })))).toEqual([12855]);
    expect(bases(price(facture([{ code: 'JKFA015', activite: '4', modificateurs: ['A'] }], { ps: ps('02') })))).toEqual([12855 + 2300]);
  });
});

describe('properties', () => {
  const CODES = ['DEQP003', 'JKFA015', 'ZBQK002', 'QZFA036', 'AHQB024', 'AALA002'];
  test.prop([fc.constantFrom(...CODES), fc.constantFrom('1', '2', '3', '4', '5'), fc.constantFrom('2025-06-02', '2026-03-02'), fc.constantFrom('1', '2', '2-optam')], { numRuns: runs(100) })(
    'association never raises the price; code 2 is the half-up half of the tariff',
    (code, assoc, date, secteur) => {
      const alone = price(facture([{ code, date: d(date) }], { ps: ps('07', { secteur: secteur as '1' }) }));
      const assoc2 = price(facture([{ code, date: d(date), codeAssociation: assoc }], { ps: ps('07', { secteur: secteur as '1' }) }));
      const t = alone.lignes[0]!.baseRemboursement.centimes;
      const a = assoc2.lignes[0]!.baseRemboursement.centimes;
      expect(a).toBeLessThanOrEqual(t);
      if (assoc === '2') expect(a).toBe(Math.floor((t + 1) / 2));
      for (const l of assoc2.lignes) expect(l.partAmo.centimes + l.partAmc.centimes + l.resteACharge.centimes).toBe(l.montantFacture.centimes);
    },
  );
});
