/**
 * The `LedgerStore` port: invoice numbering, duplicate control, lots and files, the per-part
 * state machine, payments and the queries reconciliation and the watchdog need.
 *
 * Every method is async (a PostgreSQL adapter fits later) and every mutating method is ONE
 * transaction: it happens whole or not at all. Bad data and refused transitions come back as
 * `Result` issues (codes in `LEDGER_CODES`); only storage failures throw `SesamError('STORE')`.
 */
import type { Result } from '../core/issues/index';
import type { Money } from '../core/money/index';
import type { PlainDate } from '../core/date/index';
import type {
  BeneficiaireKey,
  HistoryEntry,
  InvoiceAmc,
  InvoiceId,
  InvoiceMontants,
  LedgerInvoice,
  LedgerLot,
  LedgerSummary,
  LotId,
  PartEventType,
  PartName,
  PartState,
  SecurisationMode,
  InvoiceFacts,
} from './model';
import type { LedgerSecuringPort } from './securedPort';
import type { ReturnsLedger } from './returnsPort';

/** What `recordInvoice` needs: everything an FSE builder persists, minus the number. */
export interface InvoiceDraft extends InvoiceFacts {
  /** Recording date-time (ISO 8601); default: the store's clock. */
  readonly at?: string;
}

/** Changes allowed when recycling a rejected invoice (the correction that answers the reject). */
export type RecycleChanges = Partial<
  Pick<InvoiceDraft, 'dateFacturation' | 'montants' | 'destinataireAmo' | 'amc' | 'securisation' | 'payload'>
>;

/** Input of `createLot`. */
export interface LotDraft {
  readonly ps: string;
  /** Organisme destinataire (FSE) or AMC destinataire (DRE); every invoice must match it. */
  readonly destinataire: string;
  /** `fse` lots move the AMO part, `dre` lots the AMC part. */
  readonly kind: 'fse' | 'dre';
  readonly invoiceIds: readonly InvoiceId[];
  /** File the lot belongs to (from `allocateFileId`). */
  readonly fileId?: string;
  readonly at?: string;
}

/** Options of a ledger event (`recycleInvoice`, `cancelInvoice`, `markTransmitted`). */
export interface LedgerEventOptions {
  /** Instant of the event, ISO 8601 with its offset; default: the store's clock. */
  readonly at?: string;
}

/** Which lots `markTransmitted` concerns: a list of lots or every lot of a file. */
export type TransmissionTarget = { readonly lotIds: readonly LotId[] } | { readonly fileId: string };

/** One event of a return (ARL or RSP) for one part of one invoice. */
export interface PartEventInput {
  readonly invoiceId: InvoiceId;
  readonly part: PartName;
  readonly event: PartEventType;
  /** Amount paid by this event (`paiement`, `paiement_partiel`), added to the part's `paid`. */
  readonly amount?: Money;
  /** Virement reference (NOEMIE 071) of a payment. */
  readonly virementRef?: string;
  /** Reject code, label or any detail kept in the history. */
  readonly detail?: string;
}

/** A return file (ARL or NOEMIE RSP) applied as one transaction, at most once per `sourceId`. */
export interface ReturnInput {
  /** Unique id of the return (e.g. NOEMIE file id + date); recorded in the same transaction. */
  readonly sourceId: string;
  readonly events: readonly PartEventInput[];
  readonly at?: string;
}

/** Outcome of `applyReturn`. */
export interface ReturnOutcome {
  /** True when `sourceId` had already been processed: nothing changed. */
  readonly alreadyProcessed: boolean;
  /** History entries written (empty when already processed). */
  readonly applied: readonly HistoryEntry[];
}

/** Filter of `listInvoices` (all criteria combine with AND). */
export interface InvoiceFilter {
  readonly ps?: string;
  /** Part the state / date criteria look at (default `amo`; `amc` keeps only invoices with a DRE). */
  readonly part?: PartName;
  readonly state?: PartState | readonly PartState[];
  /** Part transmitted strictly before this ISO date-time (watchdog: no return after N days). */
  readonly transmittedBefore?: string;
  readonly lotId?: LotId;
  readonly dateSoinsFrom?: PlainDate;
  readonly dateSoinsTo?: PlainDate;
  /** Ordered by (ps, numero); paging. */
  readonly limit?: number;
  readonly offset?: number;
}

/** Filter of `listLots`. */
export interface LotFilter {
  readonly ps?: string;
  readonly fileId?: string;
  readonly kind?: 'fse' | 'dre';
  readonly transmitted?: boolean;
}

/** The ledger port (securing and file records: `securedPort.ts`; returns: `returnsPort.ts`). */
export interface LedgerStore extends LedgerSecuringPort, ReturnsLedger {
  /**
   * Checks duplicates, allocates the PS's next invoice number and stores the invoice in
   * `a_emettre`, in one transaction (a number is consumed only with its invoice).
   * Duplicate → `LEDGER_DUPLICATE` with the first invoice's number in `received`.
   */
  recordInvoice(draft: InvoiceDraft): Promise<Result<LedgerInvoice>>;
  /** Re-issues an invoice whose part(s) are `rejetee` with a new number linked to it; old parts → `recyclee`. */
  recycleInvoice(oldId: InvoiceId, changes?: RecycleChanges, options?: LedgerEventOptions): Promise<Result<LedgerInvoice>>;
  /** @deprecated Since 0.3.0: pass `{ at }` (a positional `at` is removed in the next minor release). */
  recycleInvoice(oldId: InvoiceId, changes: RecycleChanges | undefined, at: string): Promise<Result<LedgerInvoice>>;
  /** Voids an invoice still `a_emettre` (its number stays consumed, visible in the history). */
  cancelInvoice(id: InvoiceId, reason: string, options?: LedgerEventOptions): Promise<Result<LedgerInvoice>>;
  /** @deprecated Since 0.3.0: pass `{ at }` (a positional `at` is removed in the next minor release). */
  cancelInvoice(id: InvoiceId, reason: string, at: string): Promise<Result<LedgerInvoice>>;
  /** Sets the serialized invoice while it is still `a_emettre`. */
  setPayload(id: InvoiceId, payload: string): Promise<Result<LedgerInvoice>>;
  /** Next invoice number the PS would get (read-only, nothing consumed). */
  peekInvoiceNumber(ps: string): Promise<number>;

  /** Allocates the next lot number (1 … 999 cycling) for a PS; see `LotNumbering`. */
  allocateLotNumber(ps: string, destinataire: string): Promise<number>;
  /** Allocates the next file id (6 digits, 000001 … 999999 cycling). */
  allocateFileId(): Promise<string>;
  /** Creates a lot and moves its invoices' part `a_emettre` → `en_lot`, all or nothing. */
  createLot(draft: LotDraft): Promise<Result<LedgerLot>>;
  /** Marks lots sent (`en_lot` / `arl_negative` / `transmise` → `transmise`), all or nothing. */
  markTransmitted(target: TransmissionTarget, options?: LedgerEventOptions): Promise<Result<readonly LedgerLot[]>>;
  /** @deprecated Since 0.3.0: pass `{ at }` (a positional `at` is removed in the next minor release). */
  markTransmitted(target: TransmissionTarget, at: string): Promise<Result<readonly LedgerLot[]>>;

  /** Applies a return's events through the state machine, all or nothing, once per `sourceId`. */
  applyReturn(input: ReturnInput): Promise<Result<ReturnOutcome>>;
  /** Whether a return id has already been applied. */
  hasProcessedReturn(sourceId: string): Promise<boolean>;

  getInvoice(id: InvoiceId): Promise<LedgerInvoice | undefined>;
  getInvoiceByNumber(ps: string, numero: number): Promise<LedgerInvoice | undefined>;
  /** The active invoice (not recycled nor voided) holding a care key, if any. */
  findByCareKey(careKey: string): Promise<LedgerInvoice | undefined>;
  listInvoices(filter?: InvoiceFilter): Promise<readonly LedgerInvoice[]>;
  getHistory(id: InvoiceId): Promise<readonly HistoryEntry[]>;
  getLot(id: LotId): Promise<LedgerLot | undefined>;
  listLots(filter?: LotFilter): Promise<readonly LedgerLot[]>;
  /** Tiers-payant follow-up (expected / paid / rejected / awaiting), AMO and AMC apart. */
  summarize(filter?: { readonly ps?: string }): Promise<LedgerSummary>;
  /** Releases resources (closes the database). */
  close(): Promise<void>;
}

/** Scope of the lot counter (the real SESAM-Vitale rule is not public: modeled). */
export type LotNumbering = 'perPs' | 'perPsAndDestinataire';

/** Options common to every store factory. */
export interface LedgerOptions {
  /** Clock for default timestamps (ISO 8601). Default: `new Date().toISOString()`. */
  readonly clock?: () => string;
  /** Lot counter scope, default `perPs` (one 001–999 cycle per PS, all destinataires). */
  readonly lotNumbering?: LotNumbering;
}
