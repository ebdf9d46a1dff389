/**
 * `buildDashboardModel`: the tiers-payant follow-up page's data, computed from the ledger
 * (invoices with their AMO and AMC parts, lots, the history of the rejects), the bank matching
 * and the watchdog. Pure: the day is given (`today`), never read from the clock.
 */
import type { Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import { inputErr } from '../core/guard/index';
import type { PlainDate } from '../core/date/index';
import type { Money } from '../core/money/index';
import { sum } from '../core/money/index';
import type { LedgerInvoice } from '../ledger/model';
import { computeSummary } from '../ledger/engine/queries';
import type { PaymentMatchReport, WatchdogKind } from '../returns/index';
import { computeWatchdogReport, MODELED_REJECT_DICTIONARY } from '../returns/index';
import { computeAgeing } from './ageing';
import { checkDashboardInput } from './guard';
import type { DashboardBank, DashboardInput, DashboardLots, DashboardModel, DashboardOptions, DashboardPartTotals, DashboardWatchdog } from './model';
import { computeRejects } from './rejects';

/** French labels of the watchdog kinds. */
export const WATCHDOG_LABELS: Readonly<Record<WatchdogKind, string>> = Object.freeze({
  non_transmise: 'Non transmise',
  sans_arl: 'Sans accusé de réception (ARL)',
  sans_rsp: 'Sans retour de paiement (RSP)',
  amc_impayee: 'Part AMC impayée',
  rejetee: 'Rejetée',
  partiellement_payee: 'Partiellement payée',
  forclusion_proche: 'Forclusion proche',
  forclose: 'Forclose',
});

const DEFAULT_MAX_ALERTS = 200;

function totalsOf(invoices: readonly LedgerInvoice[]): { amo: DashboardPartTotals; amc: DashboardPartTotals } {
  // The ledger's own definition (the same function its stores' `summarize` runs).
  const summary = computeSummary(invoices);
  return { amo: summary.amo, amc: summary.amc };
}

function bankOf(r: PaymentMatchReport): DashboardBank {
  const total = (xs: readonly { montant: Money }[]): Money => sum(xs.map((x) => x.montant));
  return {
    matched: r.matches.length,
    matchedAmount: total(r.matches.map((m) => m.virement)),
    lowConfidence: r.matches.filter((m) => m.confidence === 'low').length,
    unmatchedVirements: r.unmatchedVirements.length,
    unmatchedVirementsAmount: total(r.unmatchedVirements),
    unmatchedCredits: r.unmatchedCredits.length,
    unmatchedCreditsAmount: total(r.unmatchedCredits),
  };
}

function watchdogOf(input: DashboardInput, today: PlainDate, maxAlerts: number): DashboardWatchdog {
  const report = computeWatchdogReport(input.invoices, { today, ...(input.thresholds === undefined ? {} : { thresholds: input.thresholds }) });
  const names = input.names?.ps;
  const alerts = report.alerts.slice(0, maxAlerts).map((a) => ({
    invoiceId: a.invoiceId,
    ps: a.ps,
    ...(names !== undefined && Object.hasOwn(names, a.ps) && names[a.ps] !== undefined ? { psName: names[a.ps] as string } : {}),
    numero: a.numero,
    part: a.part,
    kind: a.kind,
    label: WATCHDOG_LABELS[a.kind],
    since: a.since,
    ageDays: a.ageDays,
    thresholdDays: a.thresholdDays,
    amountAtRisk: a.amountAtRisk,
  }));
  return { totalAtRisk: report.totalAtRisk, countByKind: report.countByKind, alerts, alertCount: report.alerts.length };
}

function lotsOf(input: DashboardInput): DashboardLots {
  const lots = input.lots ?? [];
  const transmitted = lots.filter((l) => l.transmittedAt !== undefined).length;
  return { total: lots.length, transmitted, pending: lots.length - transmitted };
}

/**
 * Builds the tiers-payant dashboard model: expected / paid / rejected / awaiting, AMO and AMC
 * apart; the awaiting amount by age (0–7, 8–15, 16–30, > 30 days since the date of invoicing);
 * the rejects with their remediation and whether they can be recycled; the bank matching; the
 * watchdog alerts; lot counters.
 *
 * @param input - Ledger data: `invoices` (required), `lots`, `history` (reject codes),
 *   `dictionary` (default `MODELED_REJECT_DICTIONARY`), `payments`, `thresholds`, `names`.
 * @param options - `today`: the day of the dashboard (required); `maxAlerts` (default 200).
 * @returns The model, or `INPUT_*` issues naming the bad field.
 * @example
 * const model = buildDashboardModel({ invoices: await ledger.listInvoices() }, { today: plainDate('2025-03-31') });
 */
export function buildDashboardModel(input: DashboardInput, options: DashboardOptions): Result<DashboardModel> {
  const issues = checkDashboardInput(input, options);
  if (issues.length > 0) return inputErr(issues);
  const today = options.today;
  const dictionary = input.dictionary ?? MODELED_REJECT_DICTIONARY;
  const model: DashboardModel = {
    today,
    invoiceCount: input.invoices.length,
    totals: totalsOf(input.invoices),
    ageing: computeAgeing(input.invoices, today),
    rejects: computeRejects(input.invoices, input.history ?? [], dictionary, input.names ?? {}),
    dictionary: { name: dictionary.name, modeled: dictionary.modeled },
    ...(input.payments === undefined ? {} : { bank: bankOf(input.payments) }),
    watchdog: watchdogOf(input, today, options.maxAlerts ?? DEFAULT_MAX_ALERTS),
    lots: lotsOf(input),
  };
  return ok(model);
}
