/**
 * SQL of the ledger's returns methods (recorded returns, history of one source, audit records),
 * apart from `statements.ts` so the returns work and the rest of the ledger evolve apart.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ProcessedReturn, ProcessedReturnFilter, ReturnAudit } from '../returnsPort';
import type { HistoryEntry } from '../model';
import type { HistoryRow } from './rows';
import { toHistory } from './rows';

/** A row of `return_audits`. */
interface AuditRow {
  seq: number;
  source_id: string;
  action: string;
  audited_by: string;
  reason: string;
  at: string;
  applied: number;
  skipped: number;
}

/** The returns queries over one connection. */
export interface ReturnsStatements {
  historyOfSource(sourceId: string): readonly HistoryEntry[];
  insertReturnAudit(audit: Omit<ReturnAudit, 'seq'>): number;
  listProcessedReturns(filter: ProcessedReturnFilter): readonly ProcessedReturn[];
  listReturnAudits(sourceId: string | undefined): readonly ReturnAudit[];
}

const toAudit = (r: AuditRow): ReturnAudit => ({ seq: r.seq, sourceId: r.source_id, action: 'reapply', by: r.audited_by, reason: r.reason, at: r.at, applied: r.applied, skipped: r.skipped });

/**
 * Prepares the returns statements (on a migrated database).
 *
 * @param db - The connection.
 * @returns The queries.
 */
export function prepareReturnsStatements(db: BetterSqlite3.Database): ReturnsStatements {
  const historyOfSource = db.prepare('SELECT * FROM history WHERE source = ? ORDER BY seq');
  const insertAudit = db.prepare(`INSERT INTO return_audits (source_id, action, audited_by, reason, at, applied, skipped)
    VALUES (@source_id, @action, @audited_by, @reason, @at, @applied, @skipped)`);
  // Recording order is the rowid order of processed_returns (a rowid table).
  const listReturns = db.prepare(`SELECT r.source_id AS sourceId, r.at AS at,
      (SELECT COUNT(*) FROM history h WHERE h.source = r.source_id) AS historyEntries,
      (SELECT COUNT(*) FROM return_audits a WHERE a.source_id = r.source_id) AS audits
    FROM processed_returns r
    WHERE (@prefix IS NULL OR substr(r.source_id, 1, length(@prefix)) = @prefix)
    ORDER BY r.rowid LIMIT @limit OFFSET @offset`);
  const listAudits = db.prepare('SELECT * FROM return_audits WHERE (@source IS NULL OR source_id = @source) ORDER BY seq');
  return {
    historyOfSource: (sourceId) => (historyOfSource.all(sourceId) as HistoryRow[]).map(toHistory),
    insertReturnAudit: (a) => Number(insertAudit.run({ source_id: a.sourceId, action: a.action, audited_by: a.by, reason: a.reason, at: a.at, applied: a.applied, skipped: a.skipped }).lastInsertRowid),
    listProcessedReturns: (f) =>
      listReturns.all({ prefix: f.sourceIdPrefix ?? null, limit: f.limit === undefined ? -1 : Math.max(0, Math.trunc(f.limit)), offset: Math.max(0, Math.trunc(f.offset ?? 0)) }) as ProcessedReturn[],
    listReturnAudits: (sourceId) => (listAudits.all({ source: sourceId ?? null }) as AuditRow[]).map(toAudit),
  };
}
