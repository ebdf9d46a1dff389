/**
 * Pure helpers of the returns queries shared by the backends that hold rows in memory.
 */
import type { HistoryEntry } from '../model';
import type { ProcessedReturn, ProcessedReturnFilter, ReturnAudit } from '../returnsPort';

/**
 * Lists recorded returns (recording order) with their history and audit counts.
 *
 * @param recorded - Source id → first application time, in recording order.
 * @param history - Every history entry.
 * @param audits - Every audit record.
 * @param filter - Prefix and paging.
 * @returns The recorded returns.
 */
export function computeProcessedReturns(recorded: ReadonlyMap<string, string>, history: readonly HistoryEntry[], audits: readonly ReturnAudit[], filter: ProcessedReturnFilter): ProcessedReturn[] {
  const entries = new Map<string, number>();
  for (const h of history) if (h.source !== undefined) entries.set(h.source, (entries.get(h.source) ?? 0) + 1);
  const auditCount = new Map<string, number>();
  for (const a of audits) auditCount.set(a.sourceId, (auditCount.get(a.sourceId) ?? 0) + 1);
  const out: ProcessedReturn[] = [];
  for (const [sourceId, at] of recorded) {
    if (filter.sourceIdPrefix !== undefined && !sourceId.startsWith(filter.sourceIdPrefix)) continue;
    out.push({ sourceId, at, historyEntries: entries.get(sourceId) ?? 0, audits: auditCount.get(sourceId) ?? 0 });
  }
  const offset = Math.max(0, filter.offset ?? 0);
  return out.slice(offset, filter.limit === undefined ? undefined : offset + Math.max(0, filter.limit));
}
