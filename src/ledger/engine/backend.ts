/**
 * What a storage backend gives the ledger engine: synchronous reads and writes inside one
 * transaction (`LedgerTx`), and synchronous queries (`LedgerReads`). The engine (this folder)
 * holds every rule once; the memory store and the SQLite adapter only store rows.
 *
 * Hint: synchronous on purpose, so a whole operation runs inside one SQLite transaction with no
 * interleaving. An async database (PostgreSQL) implements `LedgerStore` itself, reusing the pure
 * parts (state machine, care key, numbering) and running the same contract suite.
 */
import type { Result } from '../../core/issues/index';
import type { InvoiceFilter, LotFilter } from '../port';
import type { HistoryEntry, InvoiceId, LedgerInvoice, LedgerLot, LedgerSummary, LotId } from '../model';
import type { InvoiceSecuring, WrittenFile } from '../securedPort';
import type { ReturnsReads, ReturnsTx } from './returnsBackend';

/** Writes and reads inside one transaction. */
export interface LedgerTx extends ReturnsTx {
  /** Last value of a counter (0 when never used). */
  readCounter(scope: string): number;
  writeCounter(scope: string, last: number): void;
  getInvoice(id: InvoiceId): LedgerInvoice | undefined;
  /** The active (not recycled, not voided) invoice with a care key. */
  findActiveByCareKey(careKey: string): LedgerInvoice | undefined;
  /** The active invoice with a person key (the patient's own NIR), see `computeCareKeys`. */
  findActiveByPersonKey(personKey: string): LedgerInvoice | undefined;
  getSecuring(invoiceId: InvoiceId, kind: 'fse' | 'dre'): InvoiceSecuring | undefined;
  putSecuring(securing: InvoiceSecuring): void;
  getWrittenFile(fileId: string): WrittenFile | undefined;
  putWrittenFile(file: WrittenFile): void;
  /** Inserts an invoice and returns its new id. */
  insertInvoice(invoice: Omit<LedgerInvoice, 'id'>): InvoiceId;
  /** Replaces the mutable fields of an invoice (parts, payload, recycledInto). */
  updateInvoice(invoice: LedgerInvoice): void;
  getLot(id: LotId): LedgerLot | undefined;
  lotsOfFile(fileId: string): readonly LedgerLot[];
  insertLot(lot: Omit<LedgerLot, 'id'>): LotId;
  /** Replaces the mutable fields of a lot (transmittedAt, transmissions, fileId). */
  updateLot(lot: LedgerLot): void;
  appendHistory(entry: HistoryEntry): void;
  hasReturn(sourceId: string): boolean;
  recordReturn(sourceId: string, at: string): void;
}

/** Queries outside any write transaction. */
export interface LedgerReads extends ReturnsReads {
  readCounter(scope: string): number;
  getInvoice(id: InvoiceId): LedgerInvoice | undefined;
  getInvoiceByNumber(ps: string, numero: number): LedgerInvoice | undefined;
  findActiveByCareKey(careKey: string): LedgerInvoice | undefined;
  listInvoices(filter: InvoiceFilter): readonly LedgerInvoice[];
  getHistory(id: InvoiceId): readonly HistoryEntry[];
  getLot(id: LotId): LedgerLot | undefined;
  listLots(filter: LotFilter): readonly LedgerLot[];
  summarize(filter: { readonly ps?: string }): LedgerSummary;
  hasReturn(sourceId: string): boolean;
  getSecuring(invoiceId: InvoiceId, kind: 'fse' | 'dre'): InvoiceSecuring | undefined;
  getWrittenFile(fileId: string): WrittenFile | undefined;
}

/** A storage backend. */
export interface LedgerBackend {
  /**
   * Runs `fn` in one transaction: committed when it returns `ok`, rolled back when it returns
   * `err` or throws (a throw is rethrown as `SesamError('STORE')` unless already a SesamError).
   */
  transact<T>(fn: (tx: LedgerTx) => Result<T>): Result<T>;
  readonly reads: LedgerReads;
  close(): void;
}

/** Counter scope of a PS's invoice numbers. */
export const invoiceScope = (ps: string): string => `invoice:${ps}`;
/** Counter scope of file ids. */
export const FILE_SCOPE = 'file';
