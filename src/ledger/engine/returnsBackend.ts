/**
 * What a storage backend adds for the returns methods of the port (`ReturnsLedger`): the
 * history of one return source, the audit records, the list of recorded returns. Merged into
 * `LedgerTx` / `LedgerReads` by `extends`, so the memory store and the SQLite adapter keep one
 * backend each.
 */
import type { HistoryEntry } from '../model';
import type { ProcessedReturn, ProcessedReturnFilter, ReturnAudit } from '../returnsPort';

/** Returns writes and reads inside one transaction. */
export interface ReturnsTx {
  /** History entries written with this source, in order. */
  historyOfSource(sourceId: string): readonly HistoryEntry[];
  /** Appends an audit record and returns its sequence number. */
  insertReturnAudit(audit: Omit<ReturnAudit, 'seq'>): number;
}

/** Returns queries outside any write transaction. */
export interface ReturnsReads {
  listProcessedReturns(filter: ProcessedReturnFilter): readonly ProcessedReturn[];
  listReturnAudits(sourceId: string | undefined): readonly ReturnAudit[];
}
