/**
 * One ledger operation = one PostgreSQL transaction (READ COMMITTED + row locks): the engine runs
 * over a snapshot, missing rows are fetched with `FOR UPDATE` and the engine runs again, then the
 * overlay is written and committed. A serialization failure, a deadlock or a unique violation
 * (a concurrent writer got there first) rolls everything back and the operation is retried with
 * bounded, jittered backoff; when the retries are spent: `SesamError('STORE_BUSY')`.
 */
import type { Result } from '../../core/issues/index';
import { isSesamError, SesamError } from '../../core/issues/index';
import type { LedgerTx } from '../engine/backend';
import type { PgPoolLike } from './driver';
import type { Snapshot } from './snapshot';
import { emptyOverlay, emptySnapshot, NeedData, snapshotTx } from './snapshot';
import type { TxScope } from './txio';
import { fetchKey } from './txio';
import { flushOverlay } from './flush';

/** Retries of an operation refused by a conflict. */
export interface ConflictPolicy {
  readonly retries: number;
  readonly backoffMs: number;
}

/** SQLSTATEs that mean "a concurrent transaction won; the whole operation may run again". */
const RETRYABLE = new Set(['40001', '40P01', '23505', '55P03']);

/** Whether a driver error is a retryable conflict. */
export function isConflict(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** Most re-runs of one operation waiting for rows (a safety net: each adds a row). */
const MAX_RUNS = 10_000;

/**
 * Runs an engine operation in one transaction.
 *
 * @param pool - The pool.
 * @param where - Schema (quoted) and practice.
 * @param fn - The engine operation.
 * @param prefetch - Fetches what `fn` obviously needs, in lock order (optional).
 * @param policy - Conflict retries.
 * @returns What `fn` returned (committed when `ok`).
 */
export async function transactPg<T>(
  pool: PgPoolLike,
  where: { readonly s: string; readonly practice: string },
  fn: (tx: LedgerTx) => Result<T>,
  prefetch: ((t: TxScope, snap: Snapshot) => Promise<void>) | undefined,
  policy: ConflictPolicy,
): Promise<Result<T>> {
  for (let attempt = 0; ; attempt++) {
    let client;
    try {
      client = await pool.connect();
    } catch (cause) {
      throw new SesamError('STORE', `ledger PostgreSQL connection failed: ${(cause as Error).message}`, { cause });
    }
    const t: TxScope = { c: client, ...where };
    try {
      await client.query('BEGIN');
      const snap = emptySnapshot();
      if (prefetch !== undefined) await prefetch(t, snap);
      for (let run = 0; ; run++) {
        const ov = emptyOverlay();
        let result: Result<T>;
        try {
          result = fn(snapshotTx(snap, ov));
        } catch (e) {
          if (e instanceof NeedData && run < MAX_RUNS) {
            await fetchKey(t, snap, e.key);
            continue;
          }
          throw e;
        }
        if (!result.ok) {
          await client.query('ROLLBACK');
          return result;
        }
        await flushOverlay(t, ov);
        await client.query('COMMIT');
        return result;
      }
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (isSesamError(e)) throw e;
      if (isConflict(e)) {
        if (attempt < policy.retries) {
          client.release();
          client = undefined;
          await new Promise((r) => setTimeout(r, policy.backoffMs * 2 ** Math.min(attempt, 10) * (0.5 + Math.random())));
          continue;
        }
        throw new SesamError('STORE_BUSY', `ledger PostgreSQL operation still conflicting after ${attempt + 1} attempts: retry later`, { cause: e });
      }
      throw new SesamError('STORE', `ledger PostgreSQL operation failed: ${(e as Error).message}`, { cause: e });
    } finally {
      client?.release();
    }
  }
}
