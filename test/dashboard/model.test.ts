import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../src/core/date/index';
import { addDays } from '../../src/core/date/index';
import { unwrap } from '../../src/core/issues/index';
import { add, fromCentimes, sum } from '../../src/core/money/index';
import { buildDashboardModel, loadDashboardModel, UNKNOWN_REJECT_CORRECTION } from '../../src/dashboard/index';
import type { LedgerStore } from '../../src/ledger/index';
import { createMemoryLedger } from '../../src/ledger/index';
import { computePaymentMatches } from '../../src/returns/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { junkArb, junkValues, outcomeOf } from '../helpers/junk';
import { runs } from '../helpers/runs';
import { draft, dreDraft, NIR_A, PS1 } from '../ledger/fixtures';
import { fillScenario, TODAY } from './fixtures';

const clock = (): string => '2025-04-30T12:00:00+02:00';

describe('buildDashboardModel / loadDashboardModel', () => {
  it('computes the ledger totals, ageing, rejects with remediation and alerts', async () => {
    const ledger = createMemoryLedger({ clock });
    const s = await fillScenario(ledger);
    const model = expectOk(await loadDashboardModel(ledger, { today: TODAY, extra: { names: { patients: s.patients } } }));
    const summary = await ledger.summarize();
    expect(model.totals.amo).toEqual(summary.amo);
    expect(model.totals.amc).toEqual(summary.amc);
    expect(model.ageing.map((b) => b.key)).toEqual(['0-7', '8-15', '16-30', '31+']);
    expect(sum(model.ageing.map((b) => b.total))).toEqual(add(summary.amo.awaiting, summary.amc.awaiting));
    expect(model.rejects).toHaveLength(2);
    const mod1 = model.rejects.find((r) => r.invoiceId === s.rejectedId);
    expect(mod1?.codes[0]).toMatchObject({ code: 'MOD1', libelleCaisse: 'NIR INCONNU', known: true, recycle: true });
    expect(mod1?.recyclable).toBe(true);
    const other = model.rejects.find((r) => r.invoiceId !== s.rejectedId);
    expect(other?.codes.map((c) => c.code)).toEqual(['ZZ99', 'MOD5']);
    expect(other?.codes[0]?.correction).toBe(UNKNOWN_REJECT_CORRECTION);
    // MOD5 (a duplicate) says "do not re-bill": no recycle offered.
    expect(other?.recyclable).toBe(false);
    expect(model.watchdog.alertCount).toBeGreaterThan(0);
    expect(model.watchdog.alerts.every((a) => a.label.length > 0)).toBe(true);
    expect(model.lots).toEqual({ total: 2, transmitted: 2, pending: 0 });
    expect(model.bank).toBeUndefined();
  });

  it('summarises the bank matching', () => {
    const date = '2025-04-10' as PlainDate;
    const payments = computePaymentMatches(
      [{ key: 'V1', date, montant: fromCentimes(3000), libelles: ['CPAM PARIS'] }, { key: 'V2', date, montant: fromCentimes(999), libelles: ['CPAM'] }],
      [{ date, libelle: 'VIR CPAM PARIS', montant: fromCentimes(3000), source: { format: 'csv', record: 1 } }, { date, libelle: 'VIR X', montant: fromCentimes(50), source: { format: 'csv', record: 2 } }],
    );
    const model = expectOk(buildDashboardModel({ invoices: [], payments }, { today: TODAY }));
    expect(model.bank).toEqual({ matched: 1, matchedAmount: fromCentimes(3000), lowConfidence: 0, unmatchedVirements: 1, unmatchedVirementsAmount: fromCentimes(999), unmatchedCredits: 1, unmatchedCreditsAmount: fromCentimes(50) });
  });

  it('returns INPUT issues for bad input, never throws', async () => {
    expectIssue(buildDashboardModel({ invoices: [] }, {} as never), 'INPUT_MISSING', ['options', 'today']);
    expectIssue(buildDashboardModel({ invoices: 'x' } as never, { today: TODAY }), 'INPUT_TYPE', ['input', 'invoices']);
    const ledger = createMemoryLedger({ clock });
    unwrap(await ledger.recordInvoice(dreDraft()));
    const [inv] = await ledger.listInvoices();
    const broken = { ...inv, parts: { ...inv!.parts, amo: { ...inv!.parts.amo, updatedAt: 'xxxxxxxxxxxx' } } };
    expectIssue(buildDashboardModel({ invoices: [broken] as never }, { today: TODAY }), 'INPUT_TYPE', ['input', 'invoices', 0, 'parts', 'amo', 'updatedAt']);
    expectIssue(await loadDashboardModel({} as never, { today: TODAY }), 'INPUT_MISSING', ['ledger', 'listInvoices']);
  });
});

/** One random invoice of the law below: amounts, age and what happened to it. */
interface InvoiceSpec {
  readonly amo: number;
  readonly amc: number | undefined;
  readonly gap: number;
  readonly outcome: 'none' | 'lot' | 'sent' | 'paid' | 'partial' | 'reject' | 'recycled';
}
const invoiceArb: fc.Arbitrary<InvoiceSpec> = fc.record({
  amo: fc.integer({ min: 2, max: 500_000 }),
  amc: fc.option(fc.integer({ min: 2, max: 200_000 }), { nil: undefined }),
  gap: fc.integer({ min: 1, max: 6 }),
  outcome: fc.constantFrom('none', 'lot', 'sent', 'paid', 'partial', 'reject', 'recycled'),
});

async function fill(ledger: LedgerStore, specs: readonly InvoiceSpec[]): Promise<void> {
  let day = TODAY;
  const events: Parameters<LedgerStore['applyReturn']>[0]['events'][number][] = [];
  const recycle: string[] = [];
  for (const [i, s] of specs.entries()) {
    day = addDays(day, -s.gap);
    const montants = { total: fromCentimes(s.amo + (s.amc ?? 0)), amo: fromCentimes(s.amo), amc: fromCentimes(s.amc ?? 0), patient: fromCentimes(0) };
    const facts = { beneficiaire: { nir: NIR_A, rang: 1 + (i % 9), dateNaissance: '1985-07-01' as PlainDate }, dateSoins: day, dateFacturation: day, montants };
    const inv = unwrap(await ledger.recordInvoice(s.amc === undefined ? draft(facts) : dreDraft(facts)));
    if (s.outcome === 'none') continue;
    const lot = unwrap(await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: [inv.id] }));
    if (s.outcome === 'lot') continue;
    unwrap(await ledger.markTransmitted({ lotIds: [lot.id] }));
    if (s.outcome === 'paid') events.push({ invoiceId: inv.id, part: 'amo', event: 'paiement', amount: fromCentimes(s.amo) });
    if (s.outcome === 'partial') events.push({ invoiceId: inv.id, part: 'amo', event: 'paiement_partiel', amount: fromCentimes(Math.floor(s.amo / 2)) });
    if (s.outcome === 'reject' || s.outcome === 'recycled') events.push({ invoiceId: inv.id, part: 'amo', event: 'rejet', detail: 'MOD2 DROITS' });
    if (s.outcome === 'recycled') recycle.push(inv.id);
  }
  if (events.length > 0) unwrap(await ledger.applyReturn({ sourceId: 'R', events }));
  for (const id of recycle) unwrap(await ledger.recycleInvoice(id, {}));
}

describe('properties', () => {
  test.prop([fc.array(invoiceArb, { minLength: 0, maxLength: 25 })], { numRuns: runs(25) })('totals equal the ledger summary; ageing buckets partition the awaiting amount', async (specs) => {
    const ledger = createMemoryLedger({ clock });
    await fill(ledger, specs);
    const model = expectOk(await loadDashboardModel(ledger, { today: TODAY }));
    const summary = await ledger.summarize();
    expect(model.totals).toEqual(summary);
    const awaiting = add(summary.amo.awaiting, summary.amc.awaiting);
    expect(sum(model.ageing.map((b) => b.total))).toEqual(awaiting);
    for (const b of model.ageing) expect(add(b.amo, b.amc)).toEqual(b.total);
    expect(sum(model.ageing.map((b) => b.amo))).toEqual(summary.amo.awaiting);
    expect(sum(model.ageing.map((b) => b.amc))).toEqual(summary.amc.awaiting);
    expect(model.rejects.length).toBe((summary.amo.byState.rejetee ?? 0) + (summary.amc.byState.rejetee ?? 0));
  });

  test.prop([junkArb, junkArb], { numRuns: runs(200) })('never throws on junk', async (input, options) => {
    const out = await outcomeOf(buildDashboardModel as (...a: unknown[]) => unknown, [input, options]);
    expect(out.kind).toBe('value');
    const loaded = await outcomeOf(loadDashboardModel as (...a: unknown[]) => unknown, [input, options]);
    expect(loaded.kind).toBe('value');
  });

  it('never throws on the fixed junk list', async () => {
    for (const j of junkValues()) {
      for (const args of [[j, { today: TODAY }], [{ invoices: [j] }, { today: TODAY }], [{ invoices: [], history: j, payments: j, names: j, dictionary: j }, { today: TODAY }], [{ invoices: [] }, j]]) {
        expect((await outcomeOf(buildDashboardModel as (...a: unknown[]) => unknown, args)).kind).toBe('value');
      }
    }
  });
});
