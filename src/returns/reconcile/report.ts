/**
 * The reconciliation report: every invoice of the returns exactly once with its outcome, the
 * differences, rejects with their dictionary label and fix, retenues and paiements forfaitaires
 * (not linked to invoices), ARL outcomes, the bank matching and the tiers-payant follow-up.
 */
import type { Issue } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import type { PlainDate } from '../../core/date/index';
import type { InvoiceId, PartEventType, PartName } from '../../ledger/model';
import type { ReturnAudit } from '../../ledger/returnsPort';
import type { ArlStatut } from '../../noemie/arl/types';
import type { EtatPaiement, NiveauRejet, PartRejet } from '../../noemie/types';
import type { PaymentMatchReport } from './payments';
import type { ReturnForfait } from './returnGroups';
import type { RejectDefinition } from './rejects';

/** Outcome of one invoice of a return. */
export type ReconciledStatus = 'payee' | 'partiellement_payee' | 'rejetee' | 'signalee' | 'differee' | 'traitement_caisse' | 'inconnue';

/** What the caisse said about one part, and what the ledger did with it. */
export interface ReconciledPart {
  readonly part: PartName;
  /** État (198 / 199 pos. 14); `undefined` when the part is only known from 294 / 290. */
  readonly etat?: EtatPaiement;
  readonly demande?: Money;
  readonly paye?: Money;
  /** Expected amount of the part in the ledger (before this return). */
  readonly attendu?: Money;
  /** Event sent to the ledger, when any. */
  readonly event?: PartEventType;
  /** Whether the event was applied now (false: already processed, refused, or none). */
  readonly applied: boolean;
}

/** A reject or signalement, with the dictionary's label and fix when the code is known. */
export interface ReconciledReject {
  readonly entity: '294' | '290';
  readonly code: string;
  /** The caisse's own label (always kept). */
  readonly libelleCaisse: string;
  readonly niveau?: NiveauRejet;
  readonly partRejet?: PartRejet;
  /** Dictionary entry; absent for an unknown code (reported, never dropped). */
  readonly definition?: RejectDefinition;
}

/** One invoice of a return. */
export interface ReconciledInvoice {
  /** Source id of the NOEMIE file. */
  readonly sourceId: string;
  /** Index of the 100 / 102 entity in the file. */
  readonly entityIndex: number;
  /**
   * The invoice number, a number as everywhere in the public API (`LedgerInvoice.numero`,
   * `Fse.identification.numeroFacture`, `WatchdogAlert.numero`); absent when the NOEMIE zone is
   * not 1 to 9 digits (then no ledger invoice matches).
   */
  readonly numero?: number;
  /** The NOEMIE n° de facture zone as written in the file (9 digits, zero-padded): wire text, for display and traces; compare with `numero`. */
  readonly numeroFacture: string;
  readonly numeroLot?: string;
  readonly virementKey: string;
  readonly status: ReconciledStatus;
  /** Ledger invoice, when found. */
  readonly invoiceId?: InvoiceId;
  readonly parts: readonly ReconciledPart[];
  readonly rejects: readonly ReconciledReject[];
  /** Whether the rejected invoice is to be recycled (new number): true unless every known code says no. */
  readonly recycle: boolean;
  /** Differences found for this invoice (warnings, codes `RECONCILE_*`). */
  readonly differences: readonly Issue[];
}

/** A retenue (250), with its virement. */
export interface ReconciledRetenue {
  readonly sourceId: string;
  readonly virementKey: string;
  readonly referenceDette: string;
  readonly natureDette: string;
  readonly natureOperation: string;
  readonly dateEnregistrement: PlainDate;
  readonly montant: Money;
  readonly soldeDette: Money;
}

/** A paiement forfaitaire (261 + 262), not linked to invoices. */
export interface ReconciledForfait extends ReturnForfait {
  readonly sourceId: string;
  readonly virementKey: string;
}

/** Outcome of one ARL. */
export interface ReconciledArl {
  readonly sourceId: string;
  readonly identificationFichier: string;
  readonly statut: ArlStatut;
  /** Ledger lots of the file and the statut applied to each. */
  readonly lots: readonly { readonly lotId: string; readonly numero: number; readonly statut: ArlStatut; readonly invoices: number }[];
}

/** One return file read (ARL or NOEMIE). */
export interface ReconciledSource {
  readonly sourceId: string;
  readonly kind: 'arl' | 'noemie';
  /** The ledger had already applied it: nothing changed this time (unless re-applied, see `audit`). */
  readonly alreadyProcessed: boolean;
  /**
   * Whether the ledger holds it as processed after this call. `false` for a return that matched
   * no invoice (or was refused): reading it again later applies it.
   */
  readonly recorded: boolean;
  /** The audit record of an on-request re-application (`ReconcileOptions.reapply`). */
  readonly audit?: ReturnAudit;
  /** Ledger history entries written now. */
  readonly eventsApplied: number;
}

/** Totals of one part for the tiers-payant follow-up: expected = paid + rejected + awaiting + ecart. */
export interface FollowUpPart {
  readonly count: number;
  readonly expected: Money;
  readonly paid: Money;
  /** Expected − paid of rejected parts. */
  readonly rejected: Money;
  /** Expected − paid of parts still waiting (not transmitted, transmitted, ARL, différée, partially paid…). */
  readonly awaiting: Money;
  /** Expected − paid of parts the caisse declared paid (a difference to look at; 0 normally). */
  readonly ecart: Money;
}

/** Tiers-payant follow-up, AMO and AMC apart. */
export interface TiersPayantFollowUp {
  readonly amo: FollowUpPart;
  readonly amc: FollowUpPart;
}

/** The result of {@link reconcile}. */
export interface ReconciliationReport {
  readonly sources: readonly ReconciledSource[];
  /** Every invoice of the NOEMIE returns, exactly once, in file order. */
  readonly invoices: readonly ReconciledInvoice[];
  /** Views of `invoices` by status (each invoice in exactly one). */
  readonly matched: readonly ReconciledInvoice[];
  readonly partiallyPaid: readonly ReconciledInvoice[];
  readonly rejected: readonly ReconciledInvoice[];
  readonly pending: readonly ReconciledInvoice[];
  readonly unknown: readonly ReconciledInvoice[];
  /** Every difference (amounts, lots, dates, parts, refused transitions, unknown codes). */
  readonly differences: readonly Issue[];
  readonly retenues: readonly ReconciledRetenue[];
  readonly forfaits: readonly ReconciledForfait[];
  readonly arls: readonly ReconciledArl[];
  /** Virements against the bank statement, when one was given. */
  readonly payments?: PaymentMatchReport;
  /** Follow-up over the ledger after this reconciliation. */
  readonly followUp: TiersPayantFollowUp;
}
