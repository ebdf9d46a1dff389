/**
 * `loadDashboardModel`: reads what the dashboard needs from a `LedgerStore` (every invoice,
 * every lot, the history of the rejected invoices) and builds the model.
 */
import type { Result } from '../core/issues/index';
import type { Issue } from '../core/issues/index';
import { field, guardFunction, guardObject, guardString, inputErr } from '../core/guard/index';
import type { HistoryEntry } from '../ledger/model';
import type { LedgerStore } from '../ledger/port';
import { buildDashboardModel } from './build';
import type { DashboardInput, DashboardModel, DashboardOptions } from './model';

/** Options of {@link loadDashboardModel}: the build options plus the extra input. */
export interface LoadDashboardOptions extends DashboardOptions {
  /** Only this PS's invoices and lots (default: all). */
  readonly ps?: string;
  /** Extra input (bank matching, dictionary, thresholds, names). */
  readonly extra?: Omit<DashboardInput, 'invoices' | 'lots' | 'history'>;
}

/**
 * Loads the dashboard model from a ledger store.
 *
 * @param ledger - The store (memory, SQLite, PostgreSQL).
 * @param options - `today` (required), `maxAlerts`, `ps`, `extra`.
 * @returns The model, or `INPUT_*` issues. A storage failure rejects with `SesamError('STORE')`.
 * @example
 * const model = await loadDashboardModel(ledger, { today: plainDate('2025-03-31') });
 */
export async function loadDashboardModel(ledger: LedgerStore, options: LoadDashboardOptions): Promise<Result<DashboardModel>> {
  const issues: Issue[] = [];
  const l = guardObject(ledger, ['ledger'], issues);
  if (l) for (const m of ['listInvoices', 'listLots', 'getHistory']) guardFunction(field(l, m), ['ledger', m], issues);
  const o = guardObject(options, ['options'], issues);
  const extra = o ? guardObject(field(o, 'extra'), ['options', 'extra'], issues, { required: false }) : undefined;
  const ps = o ? guardString(field(o, 'ps'), ['options', 'ps'], issues, { required: false, max: 64 }) : undefined;
  if (issues.length > 0) return inputErr(issues);
  const filter = ps === undefined ? {} : { ps };
  const invoices = await ledger.listInvoices(filter);
  const lots = await ledger.listLots(filter);
  const history: HistoryEntry[] = [];
  for (const inv of invoices) {
    if (inv.parts.amo.state === 'rejetee' || inv.parts.amc?.state === 'rejetee') history.push(...(await ledger.getHistory(inv.id)));
  }
  return buildDashboardModel({ ...(extra ?? {}), invoices, lots, history } as DashboardInput, options);
}
