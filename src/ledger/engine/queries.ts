/**
 * Query semantics as pure functions over invoices: the memory store uses them directly, the
 * SQLite adapter translates them to SQL, and the contract suite checks both agree.
 */
import type { Money } from '../../core/money/index';
import { fromCentimes } from '../../core/money/index';
import type { LedgerInvoice, LedgerLot, LedgerSummary, PartState, PartSummary } from '../model';
import type { InvoiceFilter, LotFilter } from '../port';

/** States excluded from the follow-up totals (their amount is carried elsewhere or void). */
export const SUMMARY_EXCLUDED: readonly PartState[] = ['recyclee', 'annulee'];
/** States whose remaining amount is not awaited any more. */
export const NOT_AWAITING: readonly PartState[] = ['payee', 'partiellement_payee', 'rejetee', 'recyclee', 'annulee'];

/**
 * Tells whether an invoice matches a filter.
 *
 * @param invoice - The invoice.
 * @param filter - The filter (ps already compact).
 * @returns `true` when it matches.
 */
export function matchesInvoiceFilter(invoice: LedgerInvoice, filter: InvoiceFilter): boolean {
  const part = invoice.parts[filter.part ?? 'amo'];
  if (part === undefined) return false;
  if (filter.ps !== undefined && invoice.ps !== filter.ps) return false;
  if (filter.state !== undefined) {
    const states: readonly PartState[] = typeof filter.state === 'string' ? [filter.state] : filter.state;
    if (!states.includes(part.state)) return false;
  }
  if (filter.transmittedBefore !== undefined && !(part.transmittedAt !== undefined && part.transmittedAt < filter.transmittedBefore)) return false;
  if (filter.lotId !== undefined && part.lotId !== filter.lotId) return false;
  if (filter.dateSoinsFrom !== undefined && invoice.dateSoins < filter.dateSoinsFrom) return false;
  if (filter.dateSoinsTo !== undefined && invoice.dateSoins > filter.dateSoinsTo) return false;
  return true;
}

/**
 * Orders invoices by (ps, numero) and applies paging.
 *
 * @param invoices - Matching invoices.
 * @param filter - Paging.
 * @returns The page.
 */
export function pageInvoices(invoices: readonly LedgerInvoice[], filter: InvoiceFilter): readonly LedgerInvoice[] {
  const sorted = [...invoices].sort((a, b) => (a.ps < b.ps ? -1 : a.ps > b.ps ? 1 : a.numero - b.numero));
  const offset = filter.offset ?? 0;
  return sorted.slice(offset, filter.limit === undefined ? undefined : offset + filter.limit);
}

/**
 * Tells whether a lot matches a filter.
 *
 * @param lot - The lot.
 * @param filter - The filter (ps already compact).
 * @returns `true` when it matches.
 */
export function matchesLotFilter(lot: LedgerLot, filter: LotFilter): boolean {
  if (filter.ps !== undefined && lot.ps !== filter.ps) return false;
  if (filter.fileId !== undefined && lot.fileId !== filter.fileId) return false;
  if (filter.kind !== undefined && lot.kind !== filter.kind) return false;
  if (filter.transmitted !== undefined && filter.transmitted !== (lot.transmittedAt !== undefined)) return false;
  return true;
}

/** Raw totals in centimes, as a SQL aggregate returns them. */
export interface RawPartSummary {
  count: number;
  expected: number;
  paid: number;
  rejected: number;
  awaiting: number;
  shortfall: number;
  byState: Partial<Record<PartState, number>>;
}

/** @returns empty raw totals. */
export function emptyRaw(): RawPartSummary {
  return { count: 0, expected: 0, paid: 0, rejected: 0, awaiting: 0, shortfall: 0, byState: {} };
}

/**
 * Adds one part to raw totals (see `PartSummary` for the definitions).
 *
 * @param raw - Totals, updated in place (a local accumulator).
 * @param state - The part state.
 * @param expected - Expected centimes.
 * @param paid - Paid centimes.
 */
export function addToRaw(raw: RawPartSummary, state: PartState, expected: number, paid: number): void {
  addGroupToRaw(raw, state, 1, expected, paid);
}

/**
 * Adds a group of parts in one state (a SQL `GROUP BY state` row) to raw totals.
 *
 * @param raw - Totals, updated in place (a local accumulator).
 * @param state - The parts' state.
 * @param n - How many parts.
 * @param expected - Sum of expected centimes.
 * @param paid - Sum of paid centimes.
 */
export function addGroupToRaw(raw: RawPartSummary, state: PartState, n: number, expected: number, paid: number): void {
  raw.byState[state] = (raw.byState[state] ?? 0) + n;
  if (SUMMARY_EXCLUDED.includes(state)) return;
  raw.count += n;
  raw.expected += expected;
  raw.paid += paid;
  if (state === 'rejetee') raw.rejected += expected;
  if (!NOT_AWAITING.includes(state)) raw.awaiting += expected - paid;
  if (state === 'partiellement_payee') raw.shortfall += expected - paid;
}

/** @returns the public summary of raw totals. */
export function toPartSummary(raw: RawPartSummary): PartSummary {
  const m = (c: number): Money => fromCentimes(c);
  return { count: raw.count, expected: m(raw.expected), paid: m(raw.paid), rejected: m(raw.rejected), awaiting: m(raw.awaiting), shortfall: m(raw.shortfall), byState: { ...raw.byState } };
}

/**
 * Computes the follow-up summary of invoices.
 *
 * @param invoices - The invoices.
 * @returns AMO and AMC totals.
 */
export function computeSummary(invoices: Iterable<LedgerInvoice>): LedgerSummary {
  const amo = emptyRaw();
  const amc = emptyRaw();
  for (const inv of invoices) {
    addToRaw(amo, inv.parts.amo.state, inv.parts.amo.expected.centimes, inv.parts.amo.paid.centimes);
    if (inv.parts.amc !== undefined) addToRaw(amc, inv.parts.amc.state, inv.parts.amc.expected.centimes, inv.parts.amc.paid.centimes);
  }
  return { amo: toPartSummary(amo), amc: toPartSummary(amc) };
}
