/**
 * The week's summary table, read back from the ledger (SQLite or PostgreSQL): per day and per
 * PS, the invoices, the amount billed, and the tiers-payant follow-up AMO and AMC apart
 * (expected / paid / rejected / awaiting, `computeTiersPayantFollowUp`: recycled and voided parts
 * left out, an AMC part only for a DRE).
 */
import type { Money } from '../../core/money/index';
import { add, ZERO } from '../../core/money/index';
import type { LedgerInvoice } from '../../ledger/index';
import type { FollowUpPart } from '../../returns/index';
import { computeTiersPayantFollowUp } from '../../returns/index';
import { eur } from '../format';
import { renderTable } from '../table';
import { JOURS, weekdayOf } from './week';

/** One row of the summary. */
export interface SummaryRow {
  /** The day (YYYY-MM-DD) or the PS number; `total` for the last row. */
  readonly key: string;
  readonly invoices: number;
  readonly billed: Money;
  readonly amo: FollowUpPart;
  readonly amc: FollowUpPart;
}

/** The summary: rows per day, rows per PS, and the total. */
export interface WeekSummary {
  readonly byDay: readonly SummaryRow[];
  readonly byPs: readonly SummaryRow[];
  readonly total: SummaryRow;
}

function rowOf(key: string, invoices: readonly LedgerInvoice[]): SummaryRow {
  const f = computeTiersPayantFollowUp(invoices);
  return { key, invoices: invoices.length, billed: invoices.reduce<Money>((s, i) => add(s, i.montants.total), ZERO), amo: f.amo, amc: f.amc };
}

function groups(invoices: readonly LedgerInvoice[], keyOf: (i: LedgerInvoice) => string): SummaryRow[] {
  const by = new Map<string, LedgerInvoice[]>();
  for (const i of invoices) by.set(keyOf(i), [...(by.get(keyOf(i)) ?? []), i]);
  return [...by.keys()].sort().map((k) => rowOf(k, by.get(k) ?? []));
}

/**
 * Computes the summary of the ledger's invoices.
 *
 * @param invoices - `LedgerStore.listInvoices()`.
 * @returns Rows per invoice date, per PS, and the total.
 */
export function computeWeekSummary(invoices: readonly LedgerInvoice[]): WeekSummary {
  return { byDay: groups(invoices, (i) => i.dateFacturation), byPs: groups(invoices, (i) => i.ps), total: rowOf('total', invoices) };
}

const COLUMNS = [
  { title: 'factures', align: 'right' },
  { title: 'facturé', align: 'right' },
  { title: 'AMO attendu', align: 'right' },
  { title: 'payé', align: 'right' },
  { title: 'rejeté', align: 'right' },
  { title: 'en attente', align: 'right' },
  { title: 'AMC attendu', align: 'right' },
  { title: 'payé', align: 'right' },
  { title: 'rejeté', align: 'right' },
  { title: 'en attente', align: 'right' },
] as const;

const cells = (r: SummaryRow): string[] => [String(r.invoices), eur(r.billed), eur(r.amo.expected), eur(r.amo.paid), eur(r.amo.rejected), eur(r.amo.awaiting), eur(r.amc.expected), eur(r.amc.paid), eur(r.amc.rejected), eur(r.amc.awaiting)];

/**
 * Renders the summary: one table per day, one per PS, each with its total row.
 *
 * @param s - The summary.
 * @returns The text.
 */
export function renderWeekSummary(s: WeekSummary): string {
  const day = (k: string): string => `${JOURS[weekdayOf(k as LedgerInvoice['dateFacturation'])] ?? ''} ${k}`;
  const total = ['total', ...cells(s.total)];
  return (
    renderTable([{ title: 'jour' }, ...COLUMNS], [...s.byDay.map((r) => [day(r.key), ...cells(r)]), total]) +
    '\n' +
    renderTable([{ title: 'PS' }, ...COLUMNS], [...s.byPs.map((r) => [r.key, ...cells(r)]), total])
  );
}
