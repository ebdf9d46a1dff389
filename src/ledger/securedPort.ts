/**
 * The ledger port's batch numbering and securing methods (merged into `LedgerStore` with
 * `extends`): number and lot a batch in one transaction, keep what securing produced per
 * invoice, and keep the creation parameters of every written file so it can be rebuilt byte for
 * byte (after a crash, or to re-send after a negative ARL).
 *
 * The order is number → secure → serialize: the invoice number is inside the secured bytes
 * (B2 type 2 n° de facture), and a file may only hold secured invoices.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), sécurisation des factures et
 *   constitution des lots ; Cahier des charges norme B2 inter-régimes, enregistrements 000 et 1
 */
import type { Result } from '../core/issues/index';
import type { Issue } from '../core/issues/index';
import type { InvoiceFacts, InvoiceId, LedgerInvoice, LedgerLot, SecurisationMode } from './model';

/** A draft of `recordBatch` (the same shape as `InvoiceDraft`, declared here so the two port files do not import each other). */
export interface BatchDraft extends InvoiceFacts {
  /** Ignored by `recordBatch`: the whole batch is recorded at `BatchOptions.at` (one transaction, one time). */
  readonly at?: string;
}

/** Options of `recordBatch`. */
export interface BatchOptions {
  /** Invoices per lot, 1 … 999 (default 999: the B2 type 6 invoice counter has 3 digits). */
  readonly maxPerLot?: number;
  /** Recording date-time (ISO 8601); default: the store's clock. */
  readonly at?: string;
}

/** A lot created by `recordBatch`, with the batch indexes of its invoices in lot order. */
export interface BatchLot {
  readonly lot: LedgerLot;
  /** Securing mode shared by an FSE lot's invoices (B2 type 1 pos. 81 top certification); absent for DRE lots. */
  readonly mode?: SecurisationMode;
  /** Indexes into the batch's drafts, in lot order. */
  readonly items: readonly number[];
}

/** A file planned by `recordBatch`: one PS, one kind, one destinataire (organisme AMO or AMC). */
export interface BatchFile {
  readonly kind: 'fse' | 'dre';
  readonly fileId: string;
  readonly ps: string;
  readonly destinataire: string;
  readonly lots: readonly BatchLot[];
}

/** Outcome of `recordBatch`. */
export interface LedgerBatch {
  /** Numbered invoices, by batch index. */
  readonly numbered: readonly { readonly index: number; readonly invoice: LedgerInvoice }[];
  /** Drafts refused (duplicate, bad data, numbers exhausted), by batch index; nothing was stored for them. */
  readonly rejected: readonly { readonly index: number; readonly issues: readonly Issue[] }[];
  /** FSE files (per PS and organisme destinataire) first, then DRE files (per PS and AMC). */
  readonly files: readonly BatchFile[];
}

/** What securing produced for one invoice (its FSE or its DRE). */
export interface SecuringInput {
  readonly invoiceId: InvoiceId;
  /** `fse`: the AMO invoice; `dre`: the AMC request of the same invoice. */
  readonly kind: 'fse' | 'dre';
  /** Securing mode (B2 type 1 pos. 81): S with Vitale, F without, D degraded. */
  readonly mode: SecurisationMode;
  /** Format of `signature` (`cms-detached`, `vendor`). */
  readonly format: string;
  /** The Securer that produced it. */
  readonly securerId: string;
  /** Certificate id of the signer (e.g. CPS certificate serial), when known. */
  readonly certificateId?: string;
  /** Securing date-time (ISO 8601). */
  readonly at: string;
  /** The signature or certification bytes. */
  readonly signature: Uint8Array;
  /** The exact bytes secured (the invoice's B2 records). */
  readonly securedBytes: Uint8Array;
  /** The numbered document (FSE / DRE JSON text) the bytes come from: what a file rebuild serializes. */
  readonly document: string;
}

/** A stored securing output. */
export type InvoiceSecuring = SecuringInput;

/** The creation parameters of a written file, kept at its first write. */
export interface WrittenFile {
  readonly fileId: string;
  /** Opaque JSON text (the emitter data: date de création, émetteur, marquage, norme…). */
  readonly params: string;
  /** Length of the bytes written first (a rebuild must give the same). */
  readonly length: number;
  /** First write date-time (ISO 8601). */
  readonly writtenAt: string;
}

/** Input of `recordFileWrite`. */
export interface FileWriteInput {
  readonly fileId: string;
  readonly params: string;
  readonly length: number;
  readonly at?: string;
}

/** Batch numbering, securing and file records of the ledger port. */
export interface LedgerSecuringPort {
  /**
   * Numbers a batch and lots it in ONE transaction: every accepted draft gets its number and
   * its lot(s) (FSE lot per PS / organisme destinataire / securing mode, DRE lot per PS / AMC),
   * or nothing is stored (a store error rolls it all back; a retry of the same batch then
   * numbers it whole, never "duplicates of themselves"). Refused drafts are reported by index.
   */
  recordBatch(drafts: readonly BatchDraft[], options?: BatchOptions): Promise<Result<LedgerBatch>>;
  /**
   * Stores what securing produced for a numbered invoice, before its first transmission.
   * Idempotent for the same bytes; a different output for an already secured invoice is refused.
   */
  recordSecuring(input: SecuringInput): Promise<Result<InvoiceSecuring>>;
  /** The securing output of an invoice's FSE or DRE, if secured. */
  getSecuring(invoiceId: InvoiceId, kind: 'fse' | 'dre'): Promise<InvoiceSecuring | undefined>;
  /**
   * Keeps a file's creation parameters at its first write; a later call returns the first
   * record unchanged (the first write wins, so every rebuild gives the same bytes).
   */
  recordFileWrite(input: FileWriteInput): Promise<Result<WrittenFile>>;
  /** The creation record of a written file. */
  getWrittenFile(fileId: string): Promise<WrittenFile | undefined>;
}
