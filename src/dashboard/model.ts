/**
 * Data model of the tiers-payant dashboard: what `buildDashboardModel` computes from the ledger
 * and what `renderDashboardHtml` displays. Plain readonly data; amounts are `Money` (exact
 * integer centimes), days are `PlainDate`.
 */
import type { PlainDate } from '../core/date/index';
import type { Money } from '../core/money/index';
import type { HistoryEntry, InvoiceId, LedgerInvoice, LedgerLot, PartName, PartSummary } from '../ledger/model';
import type { PaymentMatchReport, RejectDictionary, WatchdogKind, WatchdogThresholds } from '../returns/index';

/** Display names the PMS knows and the ledger does not keep (never a NIR). */
export interface DashboardNames {
  /** Name of each PS, by n° de facturation. */
  readonly ps?: Readonly<Record<string, string>>;
  /** Patient name of each invoice, by invoice id. */
  readonly patients?: Readonly<Record<InvoiceId, string>>;
}

/** What the dashboard is built from. */
export interface DashboardInput {
  /** Every invoice of the ledger (`LedgerStore.listInvoices()`). */
  readonly invoices: readonly LedgerInvoice[];
  /** Lots (`LedgerStore.listLots()`), for the lot counters. */
  readonly lots?: readonly LedgerLot[];
  /** History of the rejected invoices (`LedgerStore.getHistory`): the reject codes sit in the `rejet` entries' `detail`. */
  readonly history?: readonly HistoryEntry[];
  /** Reject dictionary giving the remediation text (default `MODELED_REJECT_DICTIONARY`). */
  readonly dictionary?: RejectDictionary;
  /** Bank matching (`computePaymentMatches`), when a statement was read. */
  readonly payments?: PaymentMatchReport;
  /** Watchdog thresholds (overrides of `DEFAULT_WATCHDOG_THRESHOLDS`). */
  readonly thresholds?: Partial<WatchdogThresholds>;
  /** Display names. */
  readonly names?: DashboardNames;
}

/** Options of `buildDashboardModel`. */
export interface DashboardOptions {
  /** The day of the dashboard (ages, watchdog); never read from the clock. */
  readonly today: PlainDate;
  /** Most watchdog alerts listed (default 200; the counters cover all of them). */
  readonly maxAlerts?: number;
}

/**
 * Totals of one part (AMO or AMC), as the ledger's own `summarize` computes them: recycled and
 * voided parts left out; `rejected` = expected of the rejected parts; `awaiting` = expected − paid
 * of the parts still in progress; `shortfall` = expected − paid of the partially paid parts.
 */
export type DashboardPartTotals = PartSummary;

/** Key of an ageing bucket. */
export type AgeingKey = '0-7' | '8-15' | '16-30' | '31+';

/** One ageing bucket of the awaiting amount. */
export interface AgeingBucket {
  readonly key: AgeingKey;
  /** French label, e.g. `0 à 7 jours`. */
  readonly label: string;
  /** Lowest age (days since the date of invoicing), inclusive. */
  readonly minDays: number;
  /** Highest age, inclusive; absent for the last bucket. */
  readonly maxDays?: number;
  readonly amo: Money;
  readonly amc: Money;
  readonly total: Money;
  /** Parts in the bucket (AMO and AMC). */
  readonly count: number;
}

/** One reject code of a rejected part, with its remediation. */
export interface DashboardRejectCode {
  readonly code: string;
  /** The caisse's libellé (from the return), when given. */
  readonly libelleCaisse?: string;
  /** Label of the dictionary. */
  readonly libelle?: string;
  /** What to do (dictionary), or a generic text for an unknown code. */
  readonly correction: string;
  /** Whether the dictionary says to recycle. */
  readonly recycle: boolean;
  /** Whether the code was found in the dictionary. */
  readonly known: boolean;
}

/** A rejected part and what to do about it. */
export interface DashboardReject {
  readonly invoiceId: InvoiceId;
  readonly ps: string;
  readonly psName?: string;
  readonly patient?: string;
  readonly numero: number;
  readonly part: PartName;
  readonly dateSoins: PlainDate;
  readonly dateFacturation: PlainDate;
  /** Expected − paid of the part. */
  readonly amount: Money;
  /** Day of the reject (last change of the part). */
  readonly since: PlainDate;
  readonly codes: readonly DashboardRejectCode[];
  /** Whether the "recycle" action is offered (every code says recycle, or no code is known). */
  readonly recyclable: boolean;
}

/** Bank matching summary. */
export interface DashboardBank {
  readonly matched: number;
  readonly matchedAmount: Money;
  /** Matches on amount and date only (no libellé token). */
  readonly lowConfidence: number;
  readonly unmatchedVirements: number;
  readonly unmatchedVirementsAmount: Money;
  readonly unmatchedCredits: number;
  readonly unmatchedCreditsAmount: Money;
}

/** One watchdog alert, ready to display. */
export interface DashboardAlert {
  readonly invoiceId: InvoiceId;
  readonly ps: string;
  /** Name of the PS, when given in `names.ps`. */
  readonly psName?: string;
  readonly numero: number;
  readonly part: PartName;
  readonly kind: WatchdogKind;
  /** French label of the kind. */
  readonly label: string;
  readonly since: PlainDate;
  readonly ageDays: number;
  readonly thresholdDays: number;
  readonly amountAtRisk: Money;
}

/** Watchdog section. */
export interface DashboardWatchdog {
  readonly totalAtRisk: Money;
  readonly countByKind: Readonly<Partial<Record<WatchdogKind, number>>>;
  /** Alerts, largest amount at risk first (at most `maxAlerts`). */
  readonly alerts: readonly DashboardAlert[];
  /** Alerts in the report (before the cut). */
  readonly alertCount: number;
}

/** Lot counters. */
export interface DashboardLots {
  readonly total: number;
  readonly transmitted: number;
  readonly pending: number;
}

/** The dashboard model. */
export interface DashboardModel {
  readonly today: PlainDate;
  /** Invoices read (every state). */
  readonly invoiceCount: number;
  readonly totals: { readonly amo: DashboardPartTotals; readonly amc: DashboardPartTotals };
  /** Awaiting amount by age; the buckets partition `totals.amo.awaiting + totals.amc.awaiting`. */
  readonly ageing: readonly AgeingBucket[];
  readonly rejects: readonly DashboardReject[];
  /** Name of the reject dictionary and whether it is a model. */
  readonly dictionary: { readonly name: string; readonly modeled: boolean };
  readonly bank?: DashboardBank;
  readonly watchdog: DashboardWatchdog;
  readonly lots: DashboardLots;
}
