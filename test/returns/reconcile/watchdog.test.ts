import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { addDays, plainDate as day } from '../../../src/core/date/index';
import { isSesamError } from '../../../src/core/index';
import { fromCentimes, sum } from '../../../src/core/money/index';
import type { LedgerInvoice, PartState, PartStatus } from '../../../src/ledger/index';
import { PART_STATES } from '../../../src/ledger/index';
import { computeWatchdogReport, DEFAULT_WATCHDOG_THRESHOLDS } from '../../../src/returns/reconcile/index';

const part = (state: PartState, expected: number, paid = 0, transmittedAt: string | undefined = '2025-03-01T10:00:00Z', updatedAt = '2025-03-05T10:00:00Z'): PartStatus => ({
  state, expected: fromCentimes(expected), paid: fromCentimes(paid), virementRefs: [], updatedAt, ...(transmittedAt ? { transmittedAt } : {}),
});

function invoice(numero: number, amo: PartStatus, amc?: PartStatus, dateSoins = '2025-02-28'): LedgerInvoice {
  return {
    id: String(numero), ps: '991234567', numero, careKey: `k${numero}`, beneficiaire: { nir: '185077512345678' }, dateSoins: dateSoins as PlainDate, actes: ['G'],
    dateFacturation: '2025-02-28' as PlainDate, montants: { total: fromCentimes(0), amo: amo.expected, amc: amc?.expected ?? fromCentimes(0), patient: fromCentimes(0) },
    destinataireAmo: '01751', securisation: 'S', createdAt: '2025-02-28T10:00:00Z', parts: { amo, ...(amc ? { amc } : {}) },
  };
}

describe('computeWatchdogReport', () => {
  const invoices = [
    invoice(1, part('transmise', 2000)), // no ARL, no RSP
    invoice(2, part('arl_positive', 5000)), // no RSP
    invoice(3, part('payee', 2000, 2000), part('arl_positive', 900)), // AMC unpaid
    invoice(4, part('payee', 2000, 2000)), // nothing
    invoice(5, part('en_lot', 1500, 0, undefined)), // not transmitted
    invoice(6, part('rejetee', 3000)),
    invoice(7, part('transmise', 100), undefined, '2023-01-15'), // forclusion approaching / reached
  ];
  const report = computeWatchdogReport(invoices, { today: day('2025-04-10') });

  it('flags each kind with its threshold', () => {
    const kinds = (n: number) => report.alerts.filter((a) => a.numero === n).map((a) => a.kind).sort();
    expect(kinds(1)).toEqual(['sans_arl', 'sans_rsp']);
    expect(kinds(2)).toEqual(['sans_rsp']);
    expect(kinds(3)).toEqual(['amc_impayee', 'sans_rsp']);
    expect(kinds(4)).toEqual([]);
    expect(kinds(5)).toEqual(['non_transmise']);
    expect(kinds(6)).toEqual(['rejetee']);
    expect(kinds(7)).toContain('forclose');
  });
  it('sorts by amount at risk, then age', () => {
    const amounts = report.alerts.map((a) => a.amountAtRisk.centimes);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(report.alerts[0]!.numero).toBe(2);
  });
  it('counts each part once in the total at risk', () => {
    expect(report.totalAtRisk).toEqual(fromCentimes(2000 + 5000 + 900 + 1500 + 3000 + 100));
  });
  it('takes thresholds as parameters (forclusion: parameter, to confirm)', () => {
    expect(DEFAULT_WATCHDOG_THRESHOLDS.forclusionDays).toBe(730);
    const lax = computeWatchdogReport(invoices, { today: day('2025-04-10'), thresholds: { rspDays: 100, arlDays: 100, amcUnpaidDays: 100, transmissionDays: 100, forclusionDays: 10_000 } });
    expect(lax.alerts.map((a) => a.kind)).toEqual(['rejetee']);
    const near = computeWatchdogReport([invoice(8, part('payee', 100, 0))], { today: day('2025-04-10') });
    expect(near.alerts).toEqual([]);
  });
  it('takes the day of the report as `today` (time-parameter convention) and never reads the clock', () => {
    expect(report.today).toBe('2025-04-10');
    expect(report.asOf).toBe(report.today);
    const later = computeWatchdogReport(invoices, { today: day('2027-04-10') });
    expect(later.alerts.filter((a) => a.kind === 'forclose').length).toBeGreaterThan(report.alerts.filter((a) => a.kind === 'forclose').length);
  });
  it('still accepts the deprecated (invoices, now, thresholds) form', () => {
    const legacy = computeWatchdogReport(invoices, '2025-04-10T18:00:00+02:00', { rspDays: 100, arlDays: 100, amcUnpaidDays: 100, transmissionDays: 100, forclusionDays: 10_000 });
    expect(legacy.today).toBe('2025-04-10');
    expect(legacy.alerts.map((a) => a.kind)).toEqual(['rejetee']);
  });
  it('refuses a missing or malformed `today` with a SesamError (programmer error)', () => {
    for (const bad of [{}, { today: '2025-02-30' }, { today: '2025-04-10T10:00:00Z' }, null]) {
      let thrown: unknown;
      try { computeWatchdogReport(invoices, bad as never); } catch (e) { thrown = e; }
      expect(isSesamError(thrown)).toBe(true);
    }
  });
});

describe('properties', () => {
  const partArb = fc.record({ state: fc.constantFrom(...PART_STATES), expected: fc.integer({ min: 0, max: 100_000 }), paid: fc.integer({ min: 0, max: 100_000 }), day: fc.integer({ min: 1, max: 28 }) })
    .map((p) => part(p.state, p.expected, p.paid, `2025-02-${String(p.day).padStart(2, '0')}T00:00:00Z`));
  test.prop([fc.array(fc.tuple(partArb, fc.option(partArb, { nil: undefined })), { maxLength: 30 }), fc.integer({ min: 0, max: 800 })])('alerts are sorted, thresholds respected, total = sum of distinct parts', (rows, offset) => {
    const invoices = rows.map(([amo, amc], i) => invoice(i + 1, amo, amc));
    const r = computeWatchdogReport(invoices, { today: addDays(day('2025-03-01'), offset) });
    for (let k = 1; k < r.alerts.length; k++) expect(r.alerts[k - 1]!.amountAtRisk.centimes).toBeGreaterThanOrEqual(r.alerts[k]!.amountAtRisk.centimes);
    for (const a of r.alerts) expect(a.ageDays).toBeGreaterThanOrEqual(a.thresholdDays);
    const distinct = new Map(r.alerts.map((a) => [`${a.invoiceId}:${a.part}`, a.amountAtRisk]));
    expect(r.totalAtRisk).toEqual(sum(distinct.values()));
  });
});
