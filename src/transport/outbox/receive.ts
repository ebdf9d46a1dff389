/**
 * Idempotent fetching: a return is applied once, whatever the number of fetches, crashes
 * between store and mailbox flag, or copies the caisse sends. Keys: the Message-ID and the
 * SHA-256 of the attachments (a duplicate ARL under a new Message-ID has the same hash).
 * Order: apply (the caller stores it) → record the keys → flag it in the mailbox. Nothing is
 * deleted from the mailbox by the library.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { guardFunction, inputErr } from '../../core/guard/index';
import { TRANSPORT_CODES } from '../codes';
import type { FetchedReturn, Transport } from '../model';
import type { OutboxStore } from './store';

const issue = createIssueFactory(TRANSPORT_CODES);

/** What one `receive` call did. */
export interface ReceiveReport {
  readonly applied: readonly FetchedReturn[];
  /** Returns recognised as already stored (marked stored again, not re-applied). */
  readonly duplicates: readonly FetchedReturn[];
  /** Returns the caller refused (`apply` failed): left unmarked, fetched again next time. */
  readonly refused: readonly { readonly ret: FetchedReturn; readonly issues: readonly Issue[] }[];
  readonly issues: readonly Issue[];
}

/** Stores one fetched return (in the ledger); should itself be idempotent by `contentHash`. */
export type ApplyReturn = (ret: FetchedReturn) => Promise<Result<unknown>> | Result<unknown>;

/**
 * Fetches the returns, applies the new ones, marks applied and duplicate ones stored.
 *
 * @param deps - Store (keys of stored returns), transport, clock.
 * @param apply - Stores one return; an error result leaves it for the next call.
 * @returns The report, or `TRANSPORT_MAILBOX_UNREACHABLE`.
 */
export async function receiveReturns(
  deps: { readonly store: OutboxStore; readonly transport: Transport; readonly clock: () => string },
  apply: ApplyReturn,
): Promise<Result<ReceiveReport>> {
  const is: Issue[] = [];
  guardFunction(apply, ['apply'], is);
  if (is.length > 0) return inputErr(is);
  const { store, transport, clock } = deps;
  const fetched = await transport.fetchReturns();
  if (!fetched.ok) return fetched;
  const applied: FetchedReturn[] = [];
  const duplicates: FetchedReturn[] = [];
  const refused: { ret: FetchedReturn; issues: readonly Issue[] }[] = [];
  // Warnings of the fetch (a message left on the server because too large…) are reported.
  const out: Issue[] = [...fetched.issues];
  const toMark: string[] = [];
  for (const ret of fetched.value) {
    if (ret.attachments.length === 0) {
      out.push(issue('TRANSPORT_RETURN_EMPTY', { path: ['messageId'], received: ret.subject }));
      continue;
    }
    if (await store.hasReturn(ret.messageId, ret.contentHash)) {
      duplicates.push(ret);
      toMark.push(ret.ref);
      continue;
    }
    let r: Result<unknown>;
    try {
      r = await apply(ret);
    } catch (e) {
      r = err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: `apply: ${(e as Error)?.message ?? String(e)}` }));
    }
    if (!r.ok) {
      refused.push({ ret, issues: r.issues });
      continue;
    }
    // Stored first, flagged after: a crash in between re-fetches it, and the key makes it a duplicate.
    await store.recordReturn({ messageId: ret.messageId, contentHash: ret.contentHash, at: clock() });
    applied.push(ret);
    toMark.push(ret.ref);
  }
  if (toMark.length > 0) {
    const m = await transport.markStored(toMark);
    if (!m.ok) out.push(...m.issues);
  }
  return ok({ applied, duplicates, refused, issues: out });
}
