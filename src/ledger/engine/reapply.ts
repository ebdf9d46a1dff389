/**
 * Re-applying a recorded return (audited): the events the ledger already applied for this source
 * are skipped (matched by invoice, part, event and amount against the history), the others go
 * through the state machine all or nothing, and one audit record is written in the same
 * transaction. Running it twice changes the parts once.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok, SesamError } from '../../core/issues/index';
import { field, guardArray, guardMoney, guardObject, guardString, inputErr } from '../../core/guard/index';
import type { HistoryEntry } from '../model';
import type { PartEventInput } from '../port';
import { LEDGER_RETURN_CODES } from '../returnCodes';
import type { ReapplyOutcome } from '../returnsPort';
import type { LedgerTx } from './backend';
import { applyReturnTx } from './returns';

const issue = createIssueFactory(LEDGER_RETURN_CODES);

const keyOf = (invoiceId: string, part: string, event: string, centimes: number | undefined): string => `${invoiceId}|${part}|${event}|${centimes ?? ''}`;

/**
 * Splits events into those not yet applied for a source and the count of those already applied
 * (a multiset: a return may hold the same event twice for one part, e.g. two partial payments).
 *
 * @param history - History entries of the source.
 * @param events - The return's events.
 * @returns The events left to apply and how many were skipped.
 * @throws SesamError `ASSERTION` when a list or an item has the wrong shape.
 */
export function computeEventsToReapply<E extends PartEventInput>(history: readonly HistoryEntry[], events: readonly E[]): { readonly pending: readonly E[]; readonly skipped: number } {
  const shape: Issue[] = [];
  for (const [name, list] of [['history', history], ['events', events]] as const) {
    const items = guardArray(list, [name], shape, { max: 10_000_000 });
    for (const [k, x] of (items ?? []).entries()) {
      const o = guardObject(x, [name, k], shape);
      if (!o) continue;
      for (const f of ['invoiceId', 'part', 'event']) guardString(field(o, f), [name, k, f], shape, { max: 64 });
      if (field(o, 'amount') !== undefined) guardMoney(field(o, 'amount'), [name, k, 'amount'], shape);
      if (shape.length > 0) break;
    }
  }
  if (shape.length > 0) throw new SesamError('ASSERTION', `computeEventsToReapply: ${shape[0]?.path.join('.') ?? ''} — ${shape[0]?.message ?? ''}`, { issues: shape });
  const done = new Map<string, number>();
  for (const h of history) {
    const k = keyOf(h.invoiceId, h.part, h.event, h.amount?.centimes);
    done.set(k, (done.get(k) ?? 0) + 1);
  }
  const pending: E[] = [];
  let skipped = 0;
  for (const e of events) {
    const k = keyOf(e.invoiceId, e.part, e.event, e.amount?.centimes);
    const n = done.get(k) ?? 0;
    if (n > 0) {
      done.set(k, n - 1);
      skipped++;
    } else pending.push(e);
  }
  return { pending, skipped };
}

/**
 * Re-applies a recorded return inside one transaction.
 *
 * @param tx - The transaction.
 * @param input - Source id, events and audit (who, why, when), unchecked caller data.
 * @param clock - Default timestamp.
 * @returns What was written and the audit record, or the refusals (nothing written).
 */
export function reapplyReturnTx(tx: LedgerTx, input: unknown, clock: () => string): Result<ReapplyOutcome> {
  const issues: Issue[] = [];
  const o = guardObject(input, [], issues);
  const sourceId = o && guardString(field(o, 'sourceId'), ['sourceId'], issues, { min: 1, max: 256 });
  const events = o && guardArray(field(o, 'events'), ['events'], issues);
  const a = o && guardObject(field(o, 'audit'), ['audit'], issues);
  const by = a && guardString(field(a, 'by'), ['audit', 'by'], issues, { min: 1, max: 200 });
  const reason = a && guardString(field(a, 'reason'), ['audit', 'reason'], issues, { min: 1, max: 2000 });
  const at = a && guardString(field(a, 'at'), ['audit', 'at'], issues, { required: false, min: 10, max: 40 });
  if (issues.length > 0 || sourceId === undefined || events === undefined || by === undefined || reason === undefined) return inputErr(issues);
  if (!tx.hasReturn(sourceId)) return err(issue('LEDGER_RETURN_NOT_RECORDED', { path: ['sourceId'], received: sourceId }));
  const when = at ?? clock();
  const { pending, skipped } = computeEventsToReapply(tx.historyOfSource(sourceId), events as readonly PartEventInput[]);
  // applyReturnTx checks each event's shape and transition; a fresh key keeps it from seeing the
  // source as already processed, and the entries keep the real source id so a later re-apply skips them.
  const applied: HistoryEntry[] = [];
  if (pending.length > 0) {
    const r = applyReturnTx(withoutRecording(tx, sourceId), { sourceId, events: pending }, when);
    if (!r.ok) return r;
    applied.push(...r.value.applied);
  }
  const audit = { sourceId, action: 'reapply' as const, by, reason, at: when, applied: applied.length, skipped };
  const seq = tx.insertReturnAudit(audit);
  return ok({ applied, skipped, audit: { seq, ...audit } });
}

/** The transaction seen by `applyReturnTx` during a re-apply: the source reads as new and is not recorded twice. */
function withoutRecording(tx: LedgerTx, sourceId: string): LedgerTx {
  return { ...tx, hasReturn: (id) => id !== sourceId && tx.hasReturn(id), recordReturn: () => undefined };
}
