/**
 * Applying a return (ARL or NOEMIE RSP) to the ledger: every event goes through the state
 * machine, all or nothing, and the return id is recorded in the same transaction so a second
 * application changes nothing.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardArray, guardMoney, guardObject, guardString, inputErr } from '../../core/guard/index';
import { LEDGER_CODES } from '../codes';
import type { HistoryEntry, LedgerInvoice } from '../model';
import type { ReturnInput, ReturnOutcome } from '../port';
import { isPartEvent } from '../stateMachine';
import type { LedgerTx } from './backend';
import type { MoveExtra } from './parts';
import { movePart } from './parts';

const issue = createIssueFactory(LEDGER_CODES);
const PAYMENTS = new Set(['paiement', 'paiement_partiel']);

/**
 * Applies a return once.
 *
 * @param tx - The transaction.
 * @param input - Return id and events (applied in order; several events may touch one part).
 * @param at - Timestamp.
 * @returns What was written, `alreadyProcessed` on a repeat, or every refusal (paths `['events', k]`).
 */
export function applyReturnTx(tx: LedgerTx, input: ReturnInput, at: string): Result<ReturnOutcome> {
  const guarded: Issue[] = [];
  const o = guardObject(input, [], guarded);
  const events = o && guardArray(field(o, 'events'), ['events'], guarded, { max: 1_000_000 });
  events?.forEach((e, k) => {
    const ev = guardObject(e, ['events', k], guarded);
    if (ev !== undefined) guardString(field(ev, 'invoiceId'), ['events', k, 'invoiceId'], guarded, { min: 1, max: 40 });
    if (ev !== undefined) guardMoney(field(ev, 'amount'), ['events', k, 'amount'], guarded, { required: false });
  });
  guardString(at, ['at'], guarded, { min: 1, max: 40 });
  if (guarded.length > 0) return inputErr(guarded);
  if (typeof input.sourceId !== 'string' || input.sourceId.trim() === '') {
    return err(issue('LEDGER_INVALID_INPUT', { path: ['sourceId'], expected: 'identifiant du retour', received: input.sourceId }));
  }
  if (tx.hasReturn(input.sourceId)) return ok({ alreadyProcessed: true, applied: [] });
  const working = new Map<string, LedgerInvoice>();
  const entries: HistoryEntry[] = [];
  const issues: Issue[] = [];
  input.events.forEach((e, k) => {
    const path = ['events', k];
    if (!isPartEvent(e.event)) return void issues.push(issue('LEDGER_INVALID_INPUT', { path: [...path, 'event'], expected: 'événement connu', received: e.event }));
    if (e.part !== 'amo' && e.part !== 'amc') return void issues.push(issue('LEDGER_INVALID_INPUT', { path: [...path, 'part'], expected: 'amo | amc', received: e.part }));
    if (e.amount !== undefined) {
      const c = e.amount.centimes;
      if (!PAYMENTS.has(e.event)) return void issues.push(issue('LEDGER_INVALID_INPUT', { path: [...path, 'amount'], expected: 'montant seulement pour un paiement', received: e.event }));
      if (!Number.isSafeInteger(c) || c < 0) return void issues.push(issue('LEDGER_INVALID_INPUT', { path: [...path, 'amount'], expected: 'centimes entiers ≥ 0', received: c }));
    }
    const invoice = working.get(e.invoiceId) ?? tx.getInvoice(e.invoiceId);
    if (invoice === undefined) return void issues.push(issue('LEDGER_UNKNOWN_INVOICE', { path: [...path, 'invoiceId'], received: e.invoiceId }));
    const extra: { -readonly [K in keyof MoveExtra]: MoveExtra[K] } = { at, source: input.sourceId };
    if (e.amount !== undefined) extra.amount = e.amount;
    if (e.virementRef !== undefined) extra.virementRef = e.virementRef;
    if (e.detail !== undefined) extra.detail = e.detail;
    const moved = movePart(invoice, e.part, e.event, extra, path);
    if (!moved.ok) return void issues.push(...moved.issues);
    working.set(e.invoiceId, moved.value.invoice);
    entries.push(moved.value.entry);
  });
  const [first, ...rest] = issues;
  if (first !== undefined) return err(first, ...rest);
  for (const invoice of working.values()) tx.updateInvoice(invoice);
  for (const entry of entries) tx.appendHistory(entry);
  tx.recordReturn(input.sourceId, at);
  return ok({ alreadyProcessed: false, applied: entries });
}
