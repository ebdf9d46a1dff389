/**
 * valueAt: picks the value of a dated parameter at a date (internal).
 */
import type { Parametre, ValeurDatee } from './tables/parametres';

/**
 * Returns the value in force at a date: the last entry whose `from` is on or before it
 * (`from: null` = since always).
 *
 * @param p - The dated parameter (ascending).
 * @param date - `'YYYY-MM-DD'`.
 * @returns The entry, or `undefined` before the first one.
 */
export function valueAt<T>(p: Parametre<T>, date: string): ValeurDatee<T> | undefined {
  for (let i = p.length - 1; i >= 0; i--) {
    const v = p[i] as ValeurDatee<T>;
    if (v.from === null || v.from <= date) return v;
  }
  return undefined;
}
