/**
 * The 24 € participation on acts of tariff ≥ 120 € instead of the ticket modérateur (Code de la
 * sécurité sociale, art. R.322-8; ameli.fr « Le forfait à 24 euros »), its exemptions, the
 * hospital stay; the dental rate (arrêté du 12 octobre 2023).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { formatPercent } from '../../../src/core/money/index';
import { PARAMETRES_DEFAUT } from '../../../src/rules/index';
import type { MontantsDecompte } from '../../../src/rules/index';
import { PARAMETRES_CCAM_DEFAUT } from '../../../src/rules/ccam/parametres';
import { runs } from '../../helpers/runs';
import { d, facture, price, ps } from './helpers';

const c = (m: { centimes: number }): number => m.centimes;

function checkSplit(m: MontantsDecompte): void {
  expect(c(m.partAmo) + c(m.partAmc) + c(m.resteACharge)).toBe(c(m.montantFacture));
  expect(c(m.netAmo) + c(m.participationForfaitaire) + c(m.franchise)).toBe(c(m.partAmo));
  expect(c(m.participationActeLourd)).toBeLessThanOrEqual(c(m.resteACharge) + c(m.partAmc));
}

describe('participation « actes lourds » (24 €)', () => {
  it('an act of 239,49 €: AMO pays 100 % minus 24 €, the patient 24 € (its own field), no TM', () => {
    const dec = price(facture([{ code: 'JKFA015' }], { ps: ps('07') }));
    const l = dec.lignes[0]!;
    expect([c(l.partAmo), c(l.participationActeLourd), c(l.resteACharge), formatPercent(l.taux)]).toEqual([21549, 2400, 2400, '100']);
    expect(c(dec.total.participationActeLourd)).toBe(2400);
    expect(dec.trace.some((s) => s.rule === 'acte-lourd')).toBe(true);
    checkSplit(dec.total);
  });

  it('below the threshold the ticket modérateur stays (ECG × 5 = 73,85 € at 70 %)', () => {
    const dec = price(facture([{ quantite: 5 }]));
    expect([c(dec.total.partAmo), c(dec.total.participationActeLourd)]).toEqual([5170, 0]);
  });

  it('acts coded 1 by the same practitioner on the same day add up: 86,40 + 57,60 ≥ 120 → 24 € once', () => {
    const dec = price(facture([{ code: 'QZFA036', quantite: 3 }, { code: 'QZFA036', quantite: 2 }]));
    expect(dec.lignes.map((l) => [c(l.partAmo), c(l.participationActeLourd)])).toEqual([[8640 - 2400, 2400], [5760, 0]]);
  });

  it('not due when the TM is already waived (ALD)', () => {
    const dec = price(facture([{ code: 'JKFA015', enRapportAld: true }], { ps: ps('07'), beneficiaire: { dateNaissance: d('1980-05-01'), ald: true } }));
    expect([c(dec.total.partAmo), c(dec.total.participationActeLourd), dec.lignes[0]!.exoneration]).toEqual([23949, 0, 'ald']);
  });

  it('hospital stay: no PF, the 24 € once per stay (none when already paid)', () => {
    const lines = [{ code: 'JKFA015', date: d('2026-03-02') }, { code: 'JKFA015', date: d('2026-03-03') }];
    const dec = price(facture(lines, { ps: ps('07'), sejour: { id: 'S1' } }));
    expect([c(dec.total.participationActeLourd), c(dec.total.participationForfaitaire), dec.lignes[0]!.exemptionPf]).toEqual([2400, 0, 'hospitalisation']);
    const paid = price(facture(lines, { ps: ps('07'), sejour: { id: 'S1', participationActeLourdPayee: true } }));
    expect([c(paid.total.participationActeLourd), c(paid.total.partAmo)]).toEqual([0, 2 * 23949]);
  });

  it('the threshold and amount are dated parameters', () => {
    const parametres = { ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, acteLourd: { ...PARAMETRES_CCAM_DEFAUT.acteLourd, seuil: [{ from: d('2026-01-01'), value: { centimes: 30000 }, source: 'test' }] } } };
    expect(c(price(facture([{ code: 'JKFA015' }], { ps: ps('07') }), { parametres }).total.participationActeLourd)).toBe(0);
  });
});

describe('dental rate', () => {
  const dentiste = ps('19', { profession: 'chirurgienDentiste' });
  it('a dentist’s CCAM act at 60 % (HBLD680, 120 €: 72 €), no PF, no 24 € (Exo TM 5)', () => {
    const dec = price(facture([{ code: 'HBLD680', date: d('2025-06-02') }], { ps: dentiste }));
    expect([c(dec.total.partAmo), c(dec.total.participationForfaitaire), c(dec.total.participationActeLourd)]).toEqual([7200, 0, 0]);
  });

  it('an act on the « mostly médecins » list stays at 70 % (caller list)', () => {
    const parametres = { ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, actesTauxMedecin: ['HBLD680'] } };
    const dec = price(facture([{ code: 'HBLD680', date: d('2025-06-02') }], { ps: dentiste }), { parametres });
    expect([c(dec.total.partAmo), dec.lignes[0]!.exemptionPf]).toEqual([8400, 'professionNonConcernee']);
  });
});

describe('dental act billed by a médecin', () => {
  it('on the dental list: the dental rate (60 %) and no PF', () => {
    const parametres = { ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, actesTauxDentaire: ['HBLD680'] } };
    const dec = price(facture([{ code: 'HBLD680', date: d('2025-06-02') }], { ps: ps('18') }), { parametres });
    expect([c(dec.total.partAmo), c(dec.total.participationForfaitaire), dec.lignes[0]!.exemptionPf]).toEqual([7200, 0, 'professionNonConcernee']);
  });
});

describe('properties', () => {
  test.prop([fc.array(fc.record({ code: fc.constantFrom('JKFA015', 'QZFA036', 'DEQP003', 'ZBQK002', 'AALA002'), quantite: fc.integer({ min: 1, max: 6 }), day: fc.constantFrom('2026-03-02', '2026-03-03') }), { minLength: 1, maxLength: 6 }), fc.boolean()], { numRuns: runs(80) })(
    'split sums to the total; at most one 24 € per day (per stay with a séjour)',
    (lines, stay) => {
      const dec = price(facture(lines.map((l) => ({ code: l.code, quantite: l.quantite, date: d(l.day) })), { ps: ps('07'), ...(stay ? { sejour: { id: 'S' } } : {}) }));
      for (const l of dec.lignes) checkSplit(l);
      checkSplit(dec.total);
      expect(c(dec.total.participationActeLourd)).toBeLessThanOrEqual(stay ? 2400 : 4800);
    },
  );
});
