/**
 * The value of a dated parameter on a day (internal): CCAM parameters are short lists read a
 * few times per invoice, scanned as they are.
 */
import { dayNumber } from '../checks';
import type { Parametre, ValeurDateeCcam as ValeurDatee } from './parametres';

/**
 * @param p - A dated parameter (ascending `from`).
 * @param day - A day number (`YYYYMMDD`).
 * @returns The value in force on the day, or undefined before the first one (or for an empty list).
 */
export function atParam<T>(p: Parametre<T>, day: number): ValeurDatee<T> | undefined {
  for (let k = p.length - 1; k >= 0; k--) {
    const v = p[k] as ValeurDatee<T>;
    if (v.from === null || dayNumber(v.from) <= day) return v;
  }
  return undefined;
}
