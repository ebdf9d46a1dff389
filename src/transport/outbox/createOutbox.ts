/**
 * The offline outbox: files are queued (they survive a restart with the SQLite store), then
 * drained through a `Transport` with retries (exponential backoff + jitter) and a circuit
 * breaker per destination; returns are fetched idempotently and marked stored in the mailbox
 * only after the caller stored them.
 *
 * Idempotency of sending: an entry is sent until one send is acknowledged, always under the
 * Message-ID derived from its file id, so a message that reached the server before the
 * connection was cut is recognisable by the receiver; an acknowledged entry is never sent again.
 * Idempotency of fetching: a return whose Message-ID or attachments' hash was stored is not
 * applied again (a duplicate ARL, a second fetch before the flag was set).
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardBytes, guardFunction, guardObject, guardString, inputErr } from '../../core/guard/index';
import { TRANSPORT_CODES } from '../codes';
import { computeContentHash } from '../messageId';
import type { SendReceipt, Transport, TransportFile } from '../model';
import type { BackoffPolicy, BreakerPolicy, CircuitState } from './backoff';
import { CLOSED, computeBackoffMs, DEFAULT_BACKOFF, DEFAULT_BREAKER, isCircuitPassable, nextCircuitState } from './backoff';
import type { OutboxEntry, OutboxStatus, OutboxStore } from './store';
import type { ApplyReturn, ReceiveReport } from './receive';
import { receiveReturns } from './receive';

export type { ApplyReturn, ReceiveReport } from './receive';

const issue = createIssueFactory(TRANSPORT_CODES);

/** Dependencies and policies of the outbox. */
export interface OutboxOptions {
  readonly store: OutboxStore;
  readonly transport: Transport;
  /** ISO 8601 instant (default `() => new Date().toISOString()`). */
  readonly clock?: () => string;
  /** [0, 1) for the jitter (default `Math.random`). */
  readonly random?: () => number;
  /** Waits (default `setTimeout`); used by `drainUntilIdle` only. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly backoff?: Partial<BackoffPolicy>;
  readonly breaker?: Partial<BreakerPolicy>;
  /** Attempts before an entry is given up (`failed`, `TRANSPORT_GAVE_UP`; default 20). */
  readonly maxAttempts?: number;
  /** Entries sent per `drain` pass at most (default 100). */
  readonly batch?: number;
}

/** What one `drain` pass did. */
export interface DrainReport {
  readonly sent: readonly SendReceipt[];
  /** Entries that failed this pass and are scheduled again. */
  readonly retrying: readonly string[];
  /** Entries now `failed` (permanent refusal or attempts spent). */
  readonly failed: readonly string[];
  /** Entries left waiting because their destination's circuit is open. */
  readonly deferred: readonly string[];
  /** Issues of the pass (failures as errors, open circuits as warnings). */
  readonly issues: readonly Issue[];
  /** Earliest instant (epoch ms) a pending entry becomes due, when any is left. */
  readonly nextDueAt?: number;
}

/** The outbox. */
export interface Outbox {
  /** Queues a file (same id and bytes again: the existing entry; other bytes: `TRANSPORT_FILE_CONFLICT`). */
  enqueue(file: TransportFile): Promise<Result<OutboxEntry>>;
  /** One pass: sends the due entries whose circuit is passable. */
  drain(): Promise<DrainReport>;
  /** Drains, sleeping until the next due entry, until nothing is pending or `maxPasses` is reached. */
  drainUntilIdle(options?: { readonly maxPasses?: number }): Promise<DrainReport>;
  /** Puts a `failed` entry back to `pending`, due now, attempts reset. */
  requeue(fileId: string): Promise<Result<OutboxEntry>>;
  list(status?: OutboxStatus): Promise<readonly OutboxEntry[]>;
  /** Fetches the returns, applies the new ones, marks applied and duplicate ones stored. */
  receive(apply: ApplyReturn): Promise<Result<ReceiveReport>>;
  /** Circuit state of a destination. */
  circuit(destination: string): CircuitState;
}

function checkOptions(options: unknown, issues: Issue[]): void {
  const o = guardObject(options, [], issues);
  if (!o) return;
  guardObject(field(o, 'store'), ['store'], issues);
  guardObject(field(o, 'transport'), ['transport'], issues);
  for (const k of ['clock', 'random', 'sleep']) guardFunction(field(o, k), [k], issues, { required: false });
}

/**
 * Creates the outbox.
 *
 * @param options - Store, transport, clock/random/sleep, backoff, breaker, attempts.
 * @returns The outbox (`INPUT_*` issues when the options are malformed).
 * @example
 * const outbox = unwrap(createOutbox({ store: await createSqliteOutboxStore({ path: 'data/outbox.sqlite' }), transport }));
 * await outbox.enqueue({ fileId, destination: 'caisse@example', bytes });
 * const report = await outbox.drain();
 */
export function createOutbox(options: OutboxOptions): Result<Outbox> {
  const issues: Issue[] = [];
  checkOptions(options, issues);
  if (issues.length > 0) return inputErr(issues);
  const { store, transport } = options;
  const clock = options.clock ?? (() => new Date().toISOString());
  const nowMs = (): number => Date.parse(clock());
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const backoff: BackoffPolicy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const breaker: BreakerPolicy = { ...DEFAULT_BREAKER, ...options.breaker };
  const maxAttempts = options.maxAttempts ?? 20;
  const batch = options.batch ?? 100;
  const circuits = new Map<string, CircuitState>();

  // One pass at a time in this process: two overlapping passes would send the same entry twice.
  let running: Promise<DrainReport> | undefined;
  const drain = (): Promise<DrainReport> => (running ??= drainOnce().finally(() => (running = undefined)));

  async function drainOnce(): Promise<DrainReport> {
    const now = nowMs();
    const sent: SendReceipt[] = [];
    const retrying: string[] = [];
    const failed: string[] = [];
    const deferred: string[] = [];
    const out: Issue[] = [];
    const warned = new Set<string>();
    for (const e of await store.listDue(now, batch)) {
      const c = circuits.get(e.destination) ?? CLOSED;
      if (!isCircuitPassable(c, now)) {
        deferred.push(e.fileId);
        if (!warned.has(e.destination)) {
          warned.add(e.destination);
          out.push(issue('TRANSPORT_CIRCUIT_OPEN', { path: ['destination'], received: e.destination, expected: new Date(c.openUntil).toISOString() }));
        }
        continue;
      }
      const file: TransportFile = { fileId: e.fileId, destination: e.destination, bytes: e.bytes, ...(e.filename !== undefined ? { filename: e.filename } : {}) };
      const r = await transport.send(file);
      const attempts = e.attempts + 1;
      if (r.ok) {
        circuits.set(e.destination, CLOSED);
        await store.update(e.fileId, { status: 'sent', attempts, sentAt: clock(), messageId: r.value.messageId, response: r.value.response });
        sent.push(r.value);
        continue;
      }
      const first = r.issues[0];
      out.push(...r.issues);
      const permanent = first.code === 'TRANSPORT_SEND_REJECTED';
      // A 5xx means the server answered: the destination is up, the circuit stays closed.
      circuits.set(e.destination, nextCircuitState(c, permanent, now, breaker));
      if (permanent || attempts >= maxAttempts) {
        await store.update(e.fileId, { status: 'failed', attempts, lastError: first.received ?? first.code });
        if (!permanent) out.push(issue('TRANSPORT_GAVE_UP', { path: ['fileId'], expected: e.fileId, received: attempts }));
        failed.push(e.fileId);
      } else {
        await store.update(e.fileId, { attempts, nextAttemptAt: now + computeBackoffMs(attempts, backoff, random()), lastError: first.received ?? first.code });
        retrying.push(e.fileId);
      }
    }
    const pending = await store.list('pending');
    const dues = pending.map((p) => Math.max(p.nextAttemptAt, (circuits.get(p.destination) ?? CLOSED).openUntil));
    return { sent, retrying, failed, deferred, issues: out, ...(dues.length > 0 ? { nextDueAt: Math.min(...dues) } : {}) };
  }

  return ok({
    async enqueue(file) {
      const is: Issue[] = [];
      const f = guardObject(file, [], is);
      if (f) {
        guardString(field(f, 'fileId'), ['fileId'], is, { min: 1, max: 200 });
        guardString(field(f, 'destination'), ['destination'], is, { min: 3, max: 320 });
        guardBytes(field(f, 'bytes'), ['bytes'], is, { max: 64 * 1024 * 1024 });
        guardString(field(f, 'filename'), ['filename'], is, { required: false, max: 200 });
      }
      if (is.length > 0) return inputErr(is);
      const sha256 = computeContentHash([file.bytes]);
      const { entry } = await store.insert({
        fileId: file.fileId, destination: file.destination, ...(file.filename !== undefined ? { filename: file.filename } : {}),
        bytes: file.bytes, sha256, status: 'pending', attempts: 0, nextAttemptAt: nowMs(), enqueuedAt: clock(),
      });
      if (entry.sha256 !== sha256 || entry.destination !== file.destination) return err(issue('TRANSPORT_FILE_CONFLICT', { path: ['fileId'], expected: file.fileId }));
      return ok(entry);
    },
    drain,
    async drainUntilIdle(o) {
      const max = o?.maxPasses ?? 50;
      let last = await drain();
      for (let pass = 1; pass < max && last.nextDueAt !== undefined; pass++) {
        const wait = last.nextDueAt - nowMs();
        if (wait > 0) await sleep(wait);
        last = await drain();
      }
      return last;
    },
    async requeue(fileId) {
      const is: Issue[] = [];
      guardString(fileId, ['fileId'], is, { min: 1, max: 200 });
      if (is.length > 0) return inputErr(is);
      const e = await store.get(fileId);
      if (!e) return err(issue('TRANSPORT_GAVE_UP', { path: ['fileId'], expected: fileId, received: 0, message: `Fichier ${fileId} absent de la file d’envoi.` }));
      if (e.status !== 'failed') return ok(e);
      await store.update(e.fileId, { status: 'pending', attempts: 0, nextAttemptAt: nowMs() });
      return ok((await store.get(e.fileId))!);
    },
    list: (status) => store.list(status),
    receive: (apply) => receiveReturns({ store, transport, clock }, apply),
    circuit: (destination) => circuits.get(destination) ?? CLOSED,
  });
}
