/**
 * Condition waiters re-checked on every PC/SC event, each with a timeout.
 */
import type { SesamError } from '../../core/issues/index';

interface Waiter {
  readonly test: () => unknown;
  readonly resolve: (v: never) => void;
  readonly reject: (e: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** A set of condition waiters. */
export interface Waiters {
  add<T>(test: () => T | undefined, timeoutMs: number, onTimeout: () => SesamError): Promise<T>;
  check(): void;
  close(reason: Error): void;
}

/**
 * Creates a waiter set.
 *
 * @returns The set.
 */
export function createWaiters(): Waiters {
  const all = new Set<Waiter>();
  return {
    add<T>(test: () => T | undefined, timeoutMs: number, onTimeout: () => SesamError): Promise<T> {
      const now = test();
      if (now !== undefined) return Promise.resolve(now);
      return new Promise<T>((resolve, reject) => {
        const w: Waiter = {
          test,
          resolve: resolve as (v: never) => void,
          reject,
          timer: setTimeout(() => {
            all.delete(w);
            reject(onTimeout());
          }, timeoutMs),
        };
        all.add(w);
      });
    },
    check() {
      for (const w of [...all]) {
        const v = w.test();
        if (v !== undefined) {
          all.delete(w);
          clearTimeout(w.timer);
          w.resolve(v as never);
        }
      }
    },
    close(reason) {
      for (const w of all) {
        clearTimeout(w.timer);
        w.reject(reason);
      }
      all.clear();
    },
  };
}
