/**
 * No-return watchdog (retours publics d’utilisateurs de logiciels de facturation: RSPs may never arrive; a positive ARL is not a payment):
 * a pure report over a ledger listing, sorted by amount at risk.
 *
 * Thresholds are parameters. Sources of the defaults:
 * - `transmissionDays` 8: CSS art. R161-47 asks FSE in dispense d'avance de frais to be sent
 *   within 8 *jours ouvrés* (3 in paiement direct) — fmfpro.org "Attention aux délais de
 *   transmission…", Clinic n° 01/2016; counted here in calendar days (parameter, stricter);
 * - `arlDays` 2, `rspDays` 14, `amcUnpaidDays` 30: operational choices, not legal figures
 *   (the press reports an average FSE payment delay near 3 days, 2019); tune them per caisse;
 * - `forclusionDays` 730: **parameter, to confirm**. No public source found here fixes the
 *   délai after which a PS can no longer claim a tiers-payant invoice; 730 days mirrors the
 *   two-year prescription of CSS art. L332-1, whose text (since 2016) names the insured's
 *   prestations en espèces, so it is NOT established for PS claims. Confirm with the caisse.
 */
import type { PlainDate } from '../../core/date/index';
import { daysBetween } from '../../core/date/index';
import type { Money } from '../../core/money/index';
import { compare, subtract, sum, ZERO } from '../../core/money/index';
import type { LedgerInvoice, PartName, PartState, PartStatus } from '../../ledger/model';
import type { Rec } from '../../core/guard/index';
import { field, guardInteger, guardObject, guardPlainDate } from '../../core/guard/index';
import { assertShape, guardLedgerInvoices } from '../guards';

/** Watchdog thresholds, in days. */
export interface WatchdogThresholds {
  /** Part still `a_emettre` / `en_lot` this many days after the date of invoicing. Default 8. */
  readonly transmissionDays: number;
  /** Part `transmise` without ARL this many days after transmission. Default 2. */
  readonly arlDays: number;
  /** Part without RSP (transmise, ARL positive, traitement caisse, différée, signalée) this many days after transmission. Default 14. */
  readonly rspDays: number;
  /** AMC part not paid this many days after transmission (or care when never sent). Default 30. */
  readonly amcUnpaidDays: number;
  /** Délai de forclusion from the date of care: parameter, to confirm. Default 730. */
  readonly forclusionDays: number;
  /** Warn this many days before forclusion. Default 60. */
  readonly forclusionWarningDays: number;
}

/** Default thresholds (see the module comment for their sources). */
export const DEFAULT_WATCHDOG_THRESHOLDS: WatchdogThresholds = /* @__PURE__ */ Object.freeze({
  transmissionDays: 8,
  arlDays: 2,
  rspDays: 14,
  amcUnpaidDays: 30,
  forclusionDays: 730,
  forclusionWarningDays: 60,
});

/** What the watchdog found. */
export type WatchdogKind = 'non_transmise' | 'sans_arl' | 'sans_rsp' | 'amc_impayee' | 'rejetee' | 'partiellement_payee' | 'forclusion_proche' | 'forclose';

/** One alert on one part of one invoice. */
export interface WatchdogAlert {
  readonly invoiceId: string;
  readonly ps: string;
  readonly numero: number;
  readonly part: PartName;
  readonly kind: WatchdogKind;
  readonly state: PartState;
  /** Start of the delay (invoicing, transmission or care date). */
  readonly since: PlainDate;
  readonly ageDays: number;
  readonly thresholdDays: number;
  /** Expected − paid of the part. */
  readonly amountAtRisk: Money;
}

/** The watchdog report. */
export interface WatchdogReport {
  /** The day of the report (the `today` it was computed for). */
  readonly today: PlainDate;
  /** @deprecated Since 0.3.0: use `today` (same value); removed in the next minor release. */
  readonly asOf: PlainDate;
  /** Sorted by amount at risk (largest first), then age (oldest first). */
  readonly alerts: readonly WatchdogAlert[];
  /** Amount at risk of the parts with at least one alert (each part counted once). */
  readonly totalAtRisk: Money;
  readonly countByKind: Readonly<Partial<Record<WatchdogKind, number>>>;
}

/** Options of {@link computeWatchdogReport}. */
export interface WatchdogOptions {
  /** The day of the report (the watchdog never reads the machine's clock). */
  readonly today: PlainDate;
  /** Overrides of {@link DEFAULT_WATCHDOG_THRESHOLDS}. */
  readonly thresholds?: Partial<WatchdogThresholds>;
}

const AWAITING_RSP: readonly PartState[] = ['transmise', 'arl_positive', 'traitement_caisse', 'differee', 'signalee'];
const CLOSED: readonly PartState[] = ['payee', 'recyclee', 'annulee'];
const day = (iso: string): PlainDate => iso.slice(0, 10) as PlainDate;

function partAlerts(inv: LedgerInvoice, part: PartName, p: PartStatus, today: PlainDate, t: WatchdogThresholds): WatchdogAlert[] {
  if (CLOSED.includes(p.state)) return [];
  const atRisk = subtract(p.expected, p.paid);
  const out: WatchdogAlert[] = [];
  const push = (kind: WatchdogKind, since: PlainDate, threshold: number): void => {
    const age = daysBetween(since, today);
    if (age >= threshold) out.push({ invoiceId: inv.id, ps: inv.ps, numero: inv.numero, part, kind, state: p.state, since, ageDays: age, thresholdDays: threshold, amountAtRisk: atRisk });
  };
  const sent = p.transmittedAt === undefined ? undefined : day(p.transmittedAt);
  if (p.state === 'a_emettre' || p.state === 'en_lot') push('non_transmise', inv.dateFacturation, t.transmissionDays);
  if (p.state === 'transmise' && sent) push('sans_arl', sent, t.arlDays);
  if (AWAITING_RSP.includes(p.state) && sent) push('sans_rsp', sent, t.rspDays);
  if (p.state === 'rejetee') push('rejetee', day(p.updatedAt), 0);
  if (p.state === 'partiellement_payee') push('partiellement_payee', day(p.updatedAt), 0);
  if (part === 'amc') push('amc_impayee', sent ?? inv.dateSoins, t.amcUnpaidDays);
  const ageFromCare = daysBetween(inv.dateSoins, today);
  if (ageFromCare >= t.forclusionDays) push('forclose', inv.dateSoins, t.forclusionDays);
  else push('forclusion_proche', inv.dateSoins, Math.max(0, t.forclusionDays - t.forclusionWarningDays));
  return out;
}

/** Reads `(options)` or the deprecated `(now, thresholds)` into one options object (unchecked). */
function optionsOf(options: unknown, legacyThresholds: unknown): { today: unknown; thresholds: unknown; legacy: boolean } {
  if (typeof options === 'string') return { today: options.slice(0, 10), thresholds: legacyThresholds ?? {}, legacy: true };
  const o = options !== null && typeof options === 'object' ? (options as Rec) : undefined;
  return { today: o === undefined ? undefined : field(o, 'today'), thresholds: o === undefined ? undefined : field(o, 'thresholds'), legacy: false };
}

/**
 * Computes the watchdog report over a ledger listing (pure: `today` is given, never read).
 *
 * @param invoices - Invoices from `LedgerStore.listInvoices()`.
 * @param options - `today`: the day of the report (required); `thresholds`: overrides of
 *   {@link DEFAULT_WATCHDOG_THRESHOLDS}. The 0.2 form `(invoices, now, thresholds)` (a day or an
 *   ISO date-time) is still accepted and deprecated.
 * @returns Alerts sorted by amount at risk, the total at risk, counts per kind.
 * @throws SesamError `ASSERTION` when an argument has the wrong shape.
 * @example
 * computeWatchdogReport(await ledger.listInvoices(), { today: plainDate('2025-03-20'), thresholds: { rspDays: 10 } })
 */
export function computeWatchdogReport(invoices: readonly LedgerInvoice[], options: WatchdogOptions): WatchdogReport;
/**
 * @deprecated Since 0.3.0: use `computeWatchdogReport(invoices, { today, thresholds })`; removed in the next minor release.
 * @param invoices - Invoices from `LedgerStore.listInvoices()`.
 * @param now - Day (or ISO date-time) of the report.
 * @param thresholds - Overrides of {@link DEFAULT_WATCHDOG_THRESHOLDS}.
 * @returns The report.
 */
export function computeWatchdogReport(invoices: readonly LedgerInvoice[], now: string, thresholds?: Partial<WatchdogThresholds>): WatchdogReport;
export function computeWatchdogReport(invoices: readonly LedgerInvoice[], options: WatchdogOptions | string, legacyThresholds?: Partial<WatchdogThresholds>): WatchdogReport {
  const given = optionsOf(options, legacyThresholds);
  assertShape('computeWatchdogReport', (issues) => {
    guardLedgerInvoices(invoices, ['invoices'], issues);
    if (!given.legacy && guardObject(options, ['options'], issues) === undefined) return true;
    guardPlainDate(given.today, given.legacy ? ['now'] : ['options', 'today'], issues);
    const o = guardObject(given.thresholds, given.legacy ? ['thresholds'] : ['options', 'thresholds'], issues, { required: false });
    if (o) for (const k of Object.keys(DEFAULT_WATCHDOG_THRESHOLDS)) guardInteger(field(o, k), [...(given.legacy ? [] : ['options']), 'thresholds', k], issues, { required: false, min: 0, max: 100_000 });
    return true;
  });
  const thresholds = (given.thresholds ?? {}) as Partial<WatchdogThresholds>;
  const today = given.today as PlainDate;
  const t = { ...DEFAULT_WATCHDOG_THRESHOLDS, ...thresholds };
  const alerts: WatchdogAlert[] = [];
  const atRisk: Money[] = [];
  for (const inv of invoices) {
    for (const part of ['amo', 'amc'] as const) {
      const p = inv.parts[part];
      if (p === undefined) continue;
      const found = partAlerts(inv, part, p, today, t);
      if (found.length > 0) atRisk.push(found[0]?.amountAtRisk ?? ZERO);
      alerts.push(...found);
    }
  }
  alerts.sort((a, b) => compare(b.amountAtRisk, a.amountAtRisk) || b.ageDays - a.ageDays || a.ps.localeCompare(b.ps) || a.numero - b.numero || a.part.localeCompare(b.part) || a.kind.localeCompare(b.kind));
  const countByKind: Partial<Record<WatchdogKind, number>> = {};
  for (const a of alerts) countByKind[a.kind] = (countByKind[a.kind] ?? 0) + 1;
  return { today, asOf: today, alerts, totalAtRisk: sum(atRisk), countByKind };
}
