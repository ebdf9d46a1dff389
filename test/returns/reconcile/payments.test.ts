import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { addDays, plainDate } from '../../../src/core/date/index';
import { euros } from '../../../src/core/money/index';
import type { BankMovement } from '../../../src/returns/bank/index';
import { computeLibelleTokens, computePaymentMatches } from '../../../src/returns/reconcile/index';
import type { VirementToMatch } from '../../../src/returns/reconcile/index';

const D = plainDate('2025-03-14');
const mv = (date: PlainDate, libelle: string, amount: string, record = 1): BankMovement => ({ date, libelle, montant: euros(amount), source: { format: 'cfonb120', record } });
const vir = (key: string, amount: string, libelles: string[], date = D): VirementToMatch => ({ key, date, montant: euros(amount), libelles });

describe('computeLibelleTokens', () => {
  it('normalises case and accents, drops short tokens and banking stop words', () => {
    expect(computeLibelleTokens('VIR SEPA Caisse Primaire d’Assurance Maladie de Paris — réf 751')).toEqual(['CAISSE', 'PRIMAIRE', 'ASSURANCE', 'MALADIE', 'PARIS', '751']);
  });
});

describe('computePaymentMatches', () => {
  it('matches by amount, date window and libellé tokens', () => {
    const r = computePaymentMatches(
      [vir('a', '86.50', ['CPAM PARIS PAIEMENT NOEMIE', 'VIR N00001', 'CPAM751'])],
      [mv(addDays(D, 1), 'VIR SEPA CPAM751 CPAM PARIS PAIEMENT NOEMIE', '86.50', 2), mv(D, 'CARTE', '-3.90', 3), mv(D, 'VIR MUTUELLE', '12.00', 4)],
    );
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ confidence: 'high', dayGap: 1 });
    expect(r.unmatchedVirements).toEqual([]);
    expect(r.unmatchedCredits.map((m) => m.source.record)).toEqual([4]);
  });
  it('prefers the credit with more shared tokens when amounts tie', () => {
    const r = computePaymentMatches([vir('a', '50.00', ['CPAM LYON'])], [mv(D, 'VIR SEPA MSA', '50.00', 1), mv(addDays(D, 2), 'VIR CPAM LYON', '50.00', 2)]);
    expect(r.matches[0]!.movement.source.record).toBe(2);
  });
  it('leaves out credits outside the window and, when asked, without shared tokens', () => {
    expect(computePaymentMatches([vir('a', '50.00', ['CPAM'])], [mv(addDays(D, 11), 'CPAM', '50.00')]).matches).toEqual([]);
    expect(computePaymentMatches([vir('a', '50.00', ['CPAM'])], [mv(addDays(D, -2), 'CPAM', '50.00')]).matches).toEqual([]);
    const low = computePaymentMatches([vir('a', '50.00', ['CPAM'])], [mv(D, 'VIREMENT RECU', '50.00')]);
    expect(low.matches[0]!.confidence).toBe('low');
    expect(computePaymentMatches([vir('a', '50.00', ['CPAM'])], [mv(D, 'VIREMENT RECU', '50.00')], { requireLibelleToken: true }).matches).toEqual([]);
  });
});

describe('properties', () => {
  const amount = fc.integer({ min: 1, max: 100_000 }).map((c) => ({ centimes: c }));
  test.prop([fc.array(fc.record({ amount, lag: fc.integer({ min: 0, max: 5 }) }), { maxLength: 8 }), fc.array(fc.record({ amount, lag: fc.integer({ min: -3, max: 15 }) }), { maxLength: 8 })])(
    'every virement and every credit is either matched once or listed unmatched',
    (vs, ms) => {
      const virements = vs.map((v, i) => ({ key: `v${i}`, date: addDays(D, 0), montant: v.amount, libelles: ['CPAM'] }));
      const movements = ms.map((m, i) => ({ date: addDays(D, m.lag), libelle: 'VIR CPAM', montant: m.amount, source: { format: 'csv' as const, record: i + 2 } }));
      const r = computePaymentMatches(virements, movements);
      expect(r.matches.length + r.unmatchedVirements.length).toBe(virements.length);
      expect(r.matches.length + r.unmatchedCredits.length).toBe(movements.length);
      expect(new Set(r.matches.map((m) => m.movement)).size).toBe(r.matches.length);
      for (const m of r.matches) expect(m.movement.montant).toEqual(m.virement.montant);
    },
  );
});
