/**
 * When the local caisse answers: a scheduler port, so tests and the demo never sleep for a
 * caisse's real delays (hours for an ARL, days for a NOEMIE return).
 */
import { guardString, inputErr } from '../../../core/guard/index';
import type { Issue, Result } from '../../../core/issues/index';
import { ok } from '../../../core/issues/index';

/** Runs a task after a delay. */
export interface CaisseScheduler {
  /** Current instant (ISO 8601): the caisse dates its answers with it. */
  readonly clock: () => string;
  /** Runs `task` `delayMs` after now. */
  schedule(delayMs: number, task: () => Promise<void>): void;
}

/** A scheduler driven by hand: time only moves when `advance` is called. */
export interface ManualScheduler extends CaisseScheduler {
  /** Moves time forward by `ms`, running (and awaiting) every task due, in due order. Returns how many ran. */
  advance(ms: number): Promise<number>;
  /** Tasks not yet run. */
  pending(): number;
}

/**
 * Creates a manual scheduler (tests, demo).
 *
 * @param start - Initial instant (ISO 8601).
 * @returns The scheduler (its `clock` moves with `advance` only), or `INPUT_*` issues.
 */
export function createManualScheduler(start: string): Result<ManualScheduler> {
  const issues: Issue[] = [];
  guardString(start, ['start'], issues, { min: 10, max: 40 });
  let now = typeof start === 'string' ? Date.parse(start) : NaN;
  if (issues.length === 0 && !Number.isFinite(now)) guardString(start, ['start'], issues, { pattern: /^\d{4}-\d\d-\d\dT\d\d:\d\d/, expected: 'instant ISO 8601' });
  if (issues.length > 0 || !Number.isFinite(now)) return inputErr(issues);
  let seq = 0;
  const queue: { at: number; seq: number; task: () => Promise<void> }[] = [];
  return ok({
    clock: () => new Date(now).toISOString(),
    schedule(delayMs, task) {
      queue.push({ at: now + Math.max(0, delayMs), seq: seq++, task });
    },
    async advance(ms) {
      const until = now + Math.max(0, ms);
      let ran = 0;
      for (;;) {
        queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = queue[0];
        if (next === undefined || next.at > until) break;
        queue.shift();
        now = Math.max(now, next.at);
        await next.task();
        ran++;
      }
      now = until;
      return ran;
    },
    pending: () => queue.length,
  });
}

/**
 * Creates the real-time scheduler (`setTimeout`, the system clock).
 *
 * @returns The scheduler.
 */
export function createTimerScheduler(): CaisseScheduler {
  return {
    clock: () => new Date().toISOString(),
    schedule(delayMs, task) {
      setTimeout(() => void task(), Math.max(0, delayMs)).unref?.();
    },
  };
}
