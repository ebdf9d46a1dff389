/**
 * The returns part of the `LedgerStore` port added in 0.2.0: list the returns recorded as
 * processed, re-apply one on purpose (audited), read the audit trail.
 *
 * Why: a return recorded as processed is never applied again by `applyReturn` (idempotency),
 * so a return first applied when some of its invoices were unknown (recorded later, or billed by
 * another workstation) needs an explicit, traced way back. A re-application applies only the
 * events the ledger has not already applied for that return (the history keeps each event's
 * source), so its effect is idempotent; every request is stored as an audit record (who, when,
 * why, what it changed), as the traceability of the invoice's life asks (CSS art. R161-47
 * délais; CNIL référentiel « gestion des cabinets médicaux » on the traceability of changes).
 */
import type { Result } from '../core/issues/index';
import type { Money } from '../core/money/index';
import type { HistoryEntry, InvoiceId, PartEventType, PartName } from './model';

/**
 * One event of a re-applied return: the same shape as `PartEventInput` of `port.ts` (declared
 * here so this file does not import the port that extends it).
 */
export interface ReapplyEvent {
  readonly invoiceId: InvoiceId;
  readonly part: PartName;
  readonly event: PartEventType;
  readonly amount?: Money;
  readonly virementRef?: string;
  readonly detail?: string;
}

/** A return recorded as processed. */
export interface ProcessedReturn {
  readonly sourceId: string;
  /** When it was first applied. */
  readonly at: string;
  /** History entries written with this return as source (first application and re-applications). */
  readonly historyEntries: number;
  /** Audited re-applications of this return. */
  readonly audits: number;
}

/** Filter of `listProcessedReturns` (recording order; paging). */
export interface ProcessedReturnFilter {
  /** Keep the source ids starting with this text (e.g. `'noemie:'`, `'arl:'`). */
  readonly sourceIdPrefix?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Who asks for a re-application, and why (stored as is; never a PIN or a full NIR). */
export interface ReturnAuditInput {
  /** Who (user name or id in the PMS). */
  readonly by: string;
  /** Why (free text shown in the audit trail). */
  readonly reason: string;
  /** When (ISO 8601); default: the store's clock. */
  readonly at?: string;
}

/** Input of `reapplyReturn`. */
export interface ReapplyReturnInput {
  /** A return already recorded as processed. */
  readonly sourceId: string;
  /** The return's events (the same list a reconciliation computes); already-applied ones are skipped. */
  readonly events: readonly ReapplyEvent[];
  readonly audit: ReturnAuditInput;
}

/** One audit record of a re-application. */
export interface ReturnAudit {
  /** Order of the record in the ledger (1, 2, …). */
  readonly seq: number;
  readonly sourceId: string;
  readonly action: 'reapply';
  readonly by: string;
  readonly reason: string;
  readonly at: string;
  /** Events applied by this request. */
  readonly applied: number;
  /** Events skipped because the ledger had already applied them for this return. */
  readonly skipped: number;
}

/** Outcome of `reapplyReturn`. */
export interface ReapplyOutcome {
  /** History entries written now (empty when everything had already been applied). */
  readonly applied: readonly HistoryEntry[];
  readonly skipped: number;
  readonly audit: ReturnAudit;
}

/** The returns methods of the ledger port (merged into `LedgerStore`). */
export interface ReturnsLedger {
  /** Returns recorded as processed, in recording order. */
  listProcessedReturns(filter?: ProcessedReturnFilter): Promise<readonly ProcessedReturn[]>;
  /**
   * Re-applies a recorded return, in one transaction: events already applied for this source are
   * skipped, the others go through the state machine (all or nothing), and an audit record is
   * written. Unknown source → `LEDGER_RETURN_NOT_RECORDED`.
   */
  reapplyReturn(input: ReapplyReturnInput): Promise<Result<ReapplyOutcome>>;
  /** Audit records, oldest first (of one return when `sourceId` is given). */
  listReturnAudits(sourceId?: string): Promise<readonly ReturnAudit[]>;
}
