/**
 * Ledger data model: invoices (with an AMO part and, for a DRE, an AMC part tracked apart),
 * lots, history entries and the follow-up summary. Plain readonly data; amounts are `Money`
 * (integer centimes, stored as INTEGER columns by the SQLite adapter).
 */
import type { Money } from '../core/money/index';
import type { PlainDate } from '../core/date/index';

/** Opaque invoice identifier given by the store (not the invoice number). */
export type InvoiceId = string;
/** Opaque lot identifier given by the store (not the 3-digit lot number). */
export type LotId = string;

/** A tracked part of an invoice: `amo` (the FSE) or `amc` (the DRE, AMC part in tiers payant). */
export type PartName = 'amo' | 'amc';

/**
 * State of one part of an invoice. See `PART_TRANSITIONS` (stateMachine.ts) and
 * docs/guides/invoice-lifecycle.md. `recyclee` and `annulee` are ledger states (the invoice was
 * re-issued with a new number, or voided before any lot); the others follow issue 6 §3.
 */
export type PartState =
  | 'a_emettre'
  | 'en_lot'
  | 'transmise'
  | 'arl_positive'
  | 'arl_negative'
  | 'payee'
  | 'partiellement_payee'
  | 'rejetee'
  | 'signalee'
  | 'differee'
  | 'traitement_caisse'
  | 'recyclee'
  | 'annulee';

/**
 * Events that move a part. ARL events come from the file acknowledgement (a positive ARL is
 * not a payment); `paiement` … `traitement_caisse` come from a NOEMIE RSP (198 / 199 état, 294).
 */
export type PartEventType =
  | 'mise_en_lot'
  | 'transmission'
  | 'arl_positif'
  | 'arl_negatif'
  | 'paiement'
  | 'paiement_partiel'
  | 'rejet'
  | 'signalement'
  | 'differe'
  | 'traitement_caisse'
  | 'recyclage'
  | 'annulation';

/** Securing mode of an invoice (B2 type 1 pos 81): with Vitale, without Vitale, degraded. */
export type SecurisationMode = 'S' | 'F' | 'D';

/**
 * Beneficiary part of the duplicate keys: the patient identity the caisse uses (NIR of the
 * ouvrant droit + date de naissance + rang de naissance), plus the patient's own NIR when known.
 * See `computeCareKeys` for why and for what a PMS must give so every description of one
 * patient meets.
 */
export interface BeneficiaireKey {
  /** NIR of the assuré (ouvrant droit) the care is billed under (13 characters, key optional, spaces ignored; 2A / 2B accepted). */
  readonly nir: string;
  /** Rang de naissance (rang gémellaire, 1–9; default 1). */
  readonly rang?: number;
  /** Date de naissance of the beneficiary: required by `recordInvoice` (optional in the type for stored invoices of schema v1). */
  readonly dateNaissance?: PlainDate;
  /** The beneficiary's own NIR when it differs from `nir` (SSV group 1160, B2 type 2S). */
  readonly nirIndividuel?: string;
  /** Qualité du bénéficiaire (SSV group 104 field 14): `'0'` = the assuré himself, `'6'` = enfant… */
  readonly qualite?: string;
}

/** Amounts of an invoice, taken from the rules' Decompte (never recomputed by the ledger). */
export interface InvoiceMontants {
  /** Total billed. */
  readonly total: Money;
  /** AMO part (expected from the caisse). */
  readonly amo: Money;
  /** AMC part (expected from the AMC when in tiers payant). */
  readonly amc: Money;
  /** What the patient pays. */
  readonly patient: Money;
}

/** AMC data of an invoice: tracked as a part only when in tiers payant (a DRE exists). */
export interface InvoiceAmc {
  /** AMC destinataire of the DRE (n° AMC / routing code). */
  readonly destinataire: string;
  /** Whether the AMC part is in tiers payant (a DRE is sent and its payment awaited). */
  readonly tiersPayant: boolean;
}

/** Status of one part. */
export interface PartStatus {
  readonly state: PartState;
  /** Amount asked for this part. */
  readonly expected: Money;
  /** Sum of the amounts paid for this part so far. */
  readonly paid: Money;
  /** Lot holding this part, once lotted. */
  readonly lotId?: LotId;
  /** Last transmission date-time (ISO 8601), once transmitted. */
  readonly transmittedAt?: string;
  /** Virement references (NOEMIE 071) of the payments received. */
  readonly virementRefs: readonly string[];
  /** Last change (ISO 8601). */
  readonly updatedAt: string;
}

/** The facts of an invoice an FSE builder records (shared by `InvoiceDraft` and `LedgerInvoice`). */
export interface InvoiceFacts {
  /** N° de facturation of the PS (the numbering scope). */
  readonly ps: string;
  readonly beneficiaire: BeneficiaireKey;
  /** Date of care used in the duplicate key (for an invoice spanning days: the first one). */
  readonly dateSoins: PlainDate;
  /** Act codes (NGAP / CCAM / LPP), as given; order does not matter for the duplicate key. */
  readonly actes: readonly string[];
  readonly dateFacturation: PlainDate;
  readonly montants: InvoiceMontants;
  /** Organisme destinataire of the FSE (AMO). */
  readonly destinataireAmo: string;
  /** AMC data; an AMC part is tracked only when `tiersPayant` is true (a DRE). */
  readonly amc?: InvoiceAmc;
  readonly securisation: SecurisationMode;
  /** Opaque serialized invoice (JSON text chosen by the FSE builder; may be set later with `setPayload`). */
  readonly payload?: string;
}

/** An invoice as stored by the ledger. */
export interface LedgerInvoice extends InvoiceFacts {
  readonly id: InvoiceId;
  /** Invoice number, 1 … 999 999 999, per PS (B2 type 2 pos 27-35). */
  readonly numero: number;
  /** Duplicate key (NIR assuré + date de naissance + rang), see `computeCareKeys`. */
  readonly careKey: string;
  /** Second duplicate key (the patient's own NIR), when that NIR is known; see `computeCareKeys`. */
  readonly personKey?: string;
  /** Recording date-time (ISO 8601). */
  readonly createdAt: string;
  readonly parts: { readonly amo: PartStatus; readonly amc?: PartStatus };
  /** The rejected invoice this one re-issues. */
  readonly recycledFrom?: InvoiceId;
  /** The invoice that re-issued this one (it then no longer blocks the duplicate check). */
  readonly recycledInto?: InvoiceId;
}

/** A lot: invoices of one PS for one destinataire (FSE: organisme AMO; DRE: AMC). */
export interface LedgerLot {
  readonly id: LotId;
  readonly ps: string;
  readonly destinataire: string;
  readonly kind: 'fse' | 'dre';
  /** 1 … 999 (B2 type 1 pos 20-22), see `formatLotNumber`. */
  readonly numero: number;
  /** File id (6 characters, B2 000 pos 50-55) when the lot is in a file. */
  readonly fileId?: string;
  /** Invoices in the lot, in the order given. */
  readonly invoiceIds: readonly InvoiceId[];
  readonly createdAt: string;
  /** Last transmission date-time (ISO 8601). */
  readonly transmittedAt?: string;
  /** How many times the lot was sent (re-sends after a negative ARL count). */
  readonly transmissions: number;
}

/** One entry of an invoice's history. */
export interface HistoryEntry {
  readonly invoiceId: InvoiceId;
  readonly part: PartName;
  /** The event, or `creation` for the first entry of a part. */
  readonly event: PartEventType | 'creation';
  /** State before the event (`null` for `creation`). */
  readonly from: PartState | null;
  readonly to: PartState;
  readonly at: string;
  /** Where the event came from: lot id, file id, NOEMIE / ARL file id, 'pms'… */
  readonly source?: string;
  /** Amount paid by this event (payments). */
  readonly amount?: Money;
  /** Free detail (reject code, virement reference, reason). */
  readonly detail?: string;
}

/** Totals of one part for the tiers-payant follow-up. */
export interface PartSummary {
  /** Parts counted (voided and recycled parts excluded). */
  readonly count: number;
  readonly expected: Money;
  readonly paid: Money;
  /** Expected amount of parts in `rejetee`. */
  readonly rejected: Money;
  /** Expected − paid of parts still in progress (not paid, partially paid, rejected). */
  readonly awaiting: Money;
  /** Expected − paid of parts in `partiellement_payee`. */
  readonly shortfall: Money;
  /** Count of parts per state. */
  readonly byState: Readonly<Partial<Record<PartState, number>>>;
}

/** Tiers-payant follow-up, AMO and AMC apart. */
export interface LedgerSummary {
  readonly amo: PartSummary;
  readonly amc: PartSummary;
}
