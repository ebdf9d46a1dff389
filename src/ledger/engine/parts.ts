/**
 * Moving one part of an invoice through the state machine, returning the updated invoice and
 * the history entry to write (pure: the caller writes both in its transaction).
 */
import type { IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import { add } from '../../core/money/index';
import { LEDGER_CODES } from '../codes';
import type { HistoryEntry, LedgerInvoice, PartEventType, PartName, PartStatus } from '../model';
import { applyEvent } from '../stateMachine';

const issue = createIssueFactory(LEDGER_CODES);

/** Extra data an event carries. */
export interface MoveExtra {
  readonly at: string;
  readonly source?: string;
  readonly amount?: Money;
  readonly virementRef?: string;
  readonly detail?: string;
  /** Lot set by `mise_en_lot`. */
  readonly lotId?: string;
}

/** An updated invoice and the history entry of the move. */
export interface Moved {
  readonly invoice: LedgerInvoice;
  readonly entry: HistoryEntry;
}

/**
 * Applies an event to one part of an invoice.
 *
 * @param invoice - The invoice (not mutated).
 * @param part - The part.
 * @param event - The event.
 * @param extra - Timestamp, source and payment data.
 * @param path - Issue path.
 * @returns The moved invoice and its history entry, or the refusal.
 */
export function movePart(invoice: LedgerInvoice, part: PartName, event: PartEventType, extra: MoveExtra, path: IssuePath): Result<Moved> {
  const current = invoice.parts[part];
  if (current === undefined) return err(issue('LEDGER_NO_AMC_PART', { path, received: invoice.id }));
  const next = applyEvent(current.state, event, path);
  if (!next.ok) return next;
  const status: { -readonly [K in keyof PartStatus]: PartStatus[K] } = { ...current, state: next.value, updatedAt: extra.at };
  if (extra.amount !== undefined) status.paid = add(current.paid, extra.amount);
  if (extra.virementRef !== undefined && !current.virementRefs.includes(extra.virementRef)) {
    status.virementRefs = [...current.virementRefs, extra.virementRef];
  }
  if (extra.lotId !== undefined) status.lotId = extra.lotId;
  if (event === 'transmission') status.transmittedAt = extra.at;
  const entry: { -readonly [K in keyof HistoryEntry]: HistoryEntry[K] } = {
    invoiceId: invoice.id,
    part,
    event,
    from: current.state,
    to: next.value,
    at: extra.at,
  };
  if (extra.source !== undefined) entry.source = extra.source;
  if (extra.amount !== undefined) entry.amount = extra.amount;
  const detail = [extra.virementRef === undefined ? undefined : `virement ${extra.virementRef}`, extra.detail].filter((d) => d !== undefined);
  if (detail.length > 0) entry.detail = detail.join(' ; ');
  return ok({ invoice: { ...invoice, parts: { ...invoice.parts, [part]: status } }, entry });
}

/**
 * Tells whether an invoice blocks the duplicate check: not recycled (no link, no part
 * `recyclee`) and not voided.
 *
 * @param invoice - The invoice.
 * @returns `true` when active.
 */
export function isActiveInvoice(invoice: Pick<LedgerInvoice, 'recycledInto' | 'parts'>): boolean {
  const { amo, amc } = invoice.parts;
  return invoice.recycledInto === undefined && amo.state !== 'annulee' && amo.state !== 'recyclee' && amc?.state !== 'recyclee';
}
