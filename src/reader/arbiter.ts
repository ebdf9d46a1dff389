/**
 * Reader arbitration: one owner per card at a time, a fair FIFO queue of waiters, timeouts.
 * Two callers never interleave APDUs on one card (the FSE-while-DMP crash of retours publics d’utilisateurs de logiciels de facturation).
 * Pure: uses only the global timer functions.
 */
import { cardError } from './errors';

/** A held lock; `release()` is idempotent and hands the card to the next waiter. */
export interface Lease {
  /** Monotonic number of this lease (diagnostics). */
  readonly id: number;
  release(): void;
}

/** Options of one `acquire`. */
export interface AcquireOptions {
  /** Give up waiting after this many ms (`CARD_BUSY`). Default: the queue default. */
  readonly timeoutMs?: number;
  /** Abort waiting. */
  readonly signal?: AbortSignal;
}

/** A fair exclusive queue for one card. */
export interface CardQueue {
  /** Waits for exclusive ownership (FIFO). */
  acquire(options?: AcquireOptions): Promise<Lease>;
  /** Runs `fn` while owning the card, then releases (also on error). */
  run<T>(fn: (lease: Lease) => Promise<T>, options?: AcquireOptions): Promise<T>;
  /** Diagnostics. */
  state(): { readonly held: boolean; readonly waiting: number };
  /** Rejects every waiter (reader gone, client closed). */
  close(reason: Error): void;
}

interface Waiter {
  readonly grant: (lease: Lease) => void;
  readonly fail: (e: Error) => void;
}

/**
 * Creates a fair exclusive queue.
 *
 * @param name - Reader name (used in `CARD_BUSY` errors).
 * @param defaultTimeoutMs - Default wait limit (default 30 000 ms).
 * @returns The queue.
 */
export function createCardQueue(name: string, defaultTimeoutMs = 30_000): CardQueue {
  const waiters: Waiter[] = [];
  let held = false;
  let closed: Error | undefined;
  let seq = 0;

  const makeLease = (): Lease => {
    let done = false;
    const id = ++seq;
    return {
      id,
      release() {
        if (done) return;
        done = true;
        const next = waiters.shift();
        if (next === undefined) held = false;
        else next.grant(makeLease());
      },
    };
  };

  const acquire = (options: AcquireOptions = {}): Promise<Lease> => {
    if (closed !== undefined) return Promise.reject(closed);
    if (!held && waiters.length === 0) {
      held = true;
      return Promise.resolve(makeLease());
    }
    return new Promise<Lease>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
      const cleanup = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const leave = (e: Error) => {
        const i = waiters.indexOf(waiter);
        if (i >= 0) waiters.splice(i, 1);
        cleanup();
        reject(e);
      };
      const onAbort = () => leave(cardError('CARD_BUSY', { received: name }, 'CARD', options.signal?.reason));
      const waiter: Waiter = {
        grant: (lease) => {
          cleanup();
          resolve(lease);
        },
        fail: (e) => leave(e),
      };
      const timer = setTimeout(() => leave(cardError('CARD_BUSY', { received: name, expected: `${timeoutMs} ms` })), timeoutMs);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      waiters.push(waiter);
    });
  };

  return {
    acquire,
    async run(fn, options) {
      const lease = await acquire(options);
      try {
        return await fn(lease);
      } finally {
        lease.release();
      }
    },
    state: () => ({ held, waiting: waiters.length }),
    close(reason) {
      closed = reason;
      for (const w of [...waiters]) w.fail(reason);
    },
  };
}
