/**
 * Pre-checks return events against the ledger's pure state machine so that one refused event
 * (e.g. an RSP for a part already paid by hand) is reported instead of making the ledger refuse
 * the whole return (`applyReturn` is all or nothing).
 */
import type { Issue } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import type { LedgerStore, PartEventInput, PartName, PartState } from '../../ledger/index';
import { applyEvent } from '../../ledger/index';
import { RECONCILE_CODES } from './codes';

const issue = createIssueFactory(RECONCILE_CODES);

/** Working part states across the events of one return (several events may hit one part). */
type Working = Map<string, PartState>;

async function stateOf(ledger: LedgerStore, working: Working, invoiceId: string, part: PartName): Promise<PartState | undefined> {
  return working.get(`${invoiceId}:${part}`) ?? (await ledger.getInvoice(invoiceId))?.parts[part]?.state;
}

/**
 * Keeps the events the state machine accepts (in order), reporting the others.
 *
 * @param ledger - The ledger (read only here).
 * @param events - The events, in order.
 * @param pathOf - Issue path of a refused event.
 * @returns The accepted events and the refusals (warnings).
 */
export async function filterAcceptedEvents<E extends PartEventInput>(ledger: LedgerStore, events: readonly E[], pathOf: (e: E, k: number) => Issue['path']): Promise<{ accepted: E[]; refused: Map<E, Issue> }> {
  const working: Working = new Map();
  const accepted: E[] = [];
  const refused = new Map<E, Issue>();
  for (const [k, e] of events.entries()) {
    const state = await stateOf(ledger, working, e.invoiceId, e.part);
    const next = state === undefined ? undefined : applyEvent(state, e.event);
    if (next?.ok) {
      working.set(`${e.invoiceId}:${e.part}`, next.value);
      accepted.push(e);
    } else {
      refused.set(e, issue('RECONCILE_TRANSITION_REFUSED', { path: pathOf(e, k), received: `${e.part} ${state ?? '?'} --${e.event}-->`, expected: next && !next.ok ? next.issues[0].expected ?? '?' : '?' }));
    }
  }
  return { accepted, refused };
}
