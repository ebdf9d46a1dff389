/**
 * dashboard: the tiers-payant follow-up page. `buildDashboardModel` (pure) or
 * `loadDashboardModel` (over a `LedgerStore`) computes expected / paid / rejected / awaiting
 * (AMO and AMC apart), the ageing of the awaiting amount, the rejects with their remediation,
 * the bank matching and the watchdog alerts; `renderDashboardHtml` writes one self-contained,
 * accessible French HTML page (used by `sesam dashboard` and the local agent).
 */
export type * from './model';
export { buildDashboardModel, WATCHDOG_LABELS } from './build';
export type { LoadDashboardOptions } from './load';
export { loadDashboardModel } from './load';
export { UNKNOWN_REJECT_CORRECTION } from './rejects';
export type { DashboardActions, RenderDashboardOptions } from './render';
export { DASHBOARD_GENERATOR, renderDashboardHtml } from './render';
