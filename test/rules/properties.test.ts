/**
 * Laws of computeFacture over random valid invoices (test/arbitraries/facture.ts), the demo day,
 * and never-throws on garbage.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/date/index';
import type { Decompte, FactureInput, LigneDecompte, MontantsDecompte } from '../../src/rules/index';
import { computeFacture, DEMO_DAY } from '../../src/rules/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { arbFacture, expectedPrixG, factureG, ligne } from '../arbitraries/facture';
import { runs } from '../helpers/runs';

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const AMOUNTS: readonly (keyof MontantsDecompte)[] = ['montantFacture', 'baseRemboursement', 'partAmo', 'participationForfaitaire', 'franchise', 'netAmo', 'partAmc', 'resteACharge', 'depassement'];

function checkShares(m: MontantsDecompte): void {
  const c = (k: keyof MontantsDecompte): number => m[k].centimes;
  for (const k of AMOUNTS) expect(c(k), k).toBeGreaterThanOrEqual(0);
  expect(c('netAmo') + c('participationForfaitaire') + c('franchise') + c('partAmc') + c('resteACharge')).toBe(c('montantFacture'));
  expect(c('partAmo') + c('partAmc') + c('resteACharge')).toBe(c('montantFacture'));
  expect(c('baseRemboursement') + c('depassement')).toBe(c('montantFacture'));
  expect(c('partAmo')).toBeLessThanOrEqual(c('baseRemboursement'));
}

function priced(input: FactureInput): Decompte {
  return expectOk(computeFacture(input));
}

describe('properties', () => {
  test.prop([arbFacture], { numRuns: runs(300) })('random valid invoices price; shares sum to the billed total; none negative', (input) => {
    const dec = priced(input);
    dec.lignes.forEach((l: LigneDecompte) => checkShares(l));
    checkShares(dec.total);
    expect(dec.chargePatient.centimes).toBe(dec.total.resteACharge.centimes + dec.total.participationForfaitaire.centimes + dec.total.franchise.centimes);
    expect(dec.aEncaisserPatient.centimes).toBeGreaterThanOrEqual(0);
  });

  test.prop([arbFacture], { numRuns: runs(200) })('the AMC never pays more than what remains after AMO, nor the PF / franchises', (input) => {
    for (const l of priced(input).lignes) expect(l.partAmc.centimes).toBeLessThanOrEqual(l.montantFacture.centimes - l.partAmo.centimes);
  });

  test.prop([arbFacture], { numRuns: runs(200) })('input not mutated (deep-freeze + deep-equal); deterministic; trace off changes nothing else', (input) => {
    const copy = structuredClone(input);
    const frozen = deepFreeze(input);
    const a = priced(frozen);
    expect(frozen).toEqual(copy);
    expect(priced(frozen)).toEqual(a);
    expect({ ...expectOk(computeFacture(frozen, { trace: false })), trace: a.trace }).toEqual(a);
  });

  test.prop([arbFacture], { numRuns: runs(200) })('the tariff valid at the act date is used (G oracle)', (input) => {
    const dec = priced(input);
    for (const l of dec.lignes) if (l.code === 'G') expect(l.prixUnitaire.centimes).toBe(expectedPrixG(l.date, input.ps.secteur));
  });

  test.prop([arbFacture], { numRuns: runs(150) })('PF and franchises respect the annual caps given the history', (input) => {
    const dec = priced(input);
    const ytd = input.historique?.cumulsAnnuels?.[0];
    const year = ytd?.annee;
    const sumYear = (k: 'participationForfaitaire' | 'franchise') => dec.lignes.filter((l) => Number(l.date.slice(0, 4)) === year).reduce((s, l) => s + l[k].centimes, 0);
    expect(sumYear('participationForfaitaire') + (ytd?.participationForfaitaire.centimes ?? 0)).toBeLessThanOrEqual(Math.max(5000, ytd?.participationForfaitaire.centimes ?? 0));
    expect(sumYear('franchise') + (ytd?.franchises.centimes ?? 0)).toBeLessThanOrEqual(Math.max(5000, ytd?.franchises.centimes ?? 0));
  });

  test.prop([fc.anything()], { numRuns: runs(300) })('never throws on garbage', (v) => {
    const r = computeFacture(v);
    expect(typeof r.ok).toBe('boolean');
  });

  test.prop([arbFacture, fc.nat(), fc.anything()], { numRuns: runs(200) })('never throws on a valid invoice with one line field replaced by garbage', (input, k, v) => {
    const keys = ['code', 'date', 'quantite', 'coefficient', 'montantFacture', 'motifDepassement', 'enRapportAld', 'activite', 'modificateurs'];
    const key = keys[k % keys.length] as string;
    const lignes = input.lignes.map((l, i) => (i === 0 ? { ...l, [key]: v } : l));
    const r = computeFacture({ ...input, lignes });
    expect(typeof r.ok).toBe('boolean');
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  });
});

describe('demo day and defaults', () => {
  it('every DEMO_DAY invoice prices without issue', () => {
    expect(DEMO_DAY.length).toBeGreaterThanOrEqual(12);
    for (const e of DEMO_DAY) {
      const r = computeFacture(e.input);
      expect(r.issues, e.label).toEqual([]);
      checkShares(expectOk(r).total);
    }
  });

  it('nature d’assurance defaults to 10; a médecin’s parcours is required, never a silent T', () => {
    const { natureAssurance: _n, ...rest } = factureG();
    const dec = priced(rest);
    expect([dec.natureAssurance, dec.parcours, dec.total.partAmo.centimes]).toEqual(['10', 'T', 2100]);
    const { parcours: _p, ...none } = factureG();
    expectIssue(computeFacture(none), 'RULES_PARCOURS_MANQUANT', ['parcours']);
  });

  it('parcours exclu (blank) with an unjustified dépassement names it in the issue', () => {
    const r = computeFacture(factureG({ parcours: '', lignes: [ligne('G', '2025-03-10', { montantFacture: { centimes: 3100 } })] }));
    expect(expectIssue(r, 'RULES_DEPASSEMENT_NON_AUTORISE').received).toContain('exclu');
  });

  it('maternité placed from the actual delivery date alone', () => {
    const dec = priced(factureG({ natureAssurance: '30', beneficiaire: { dateNaissance: '1990-01-01' as PlainDate, maternite: { dateAccouchement: '2025-03-01' as PlainDate } } }));
    expect(dec.trace.find((s) => s.rule === 'maternite.periode')?.result).toBe('2024-11-01 → 2025-03-13');
  });

  it('a date with a letter is not a date', () => {
    expectIssue(computeFacture(factureG({ dateFacturation: '2025-0a-10' as PlainDate })), 'RULES_DATE', ['dateFacturation']);
  });
});
