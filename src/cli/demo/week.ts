/**
 * The demo's week: the working days from a fixed start (Monday 2025-03-10, the day of DEMO_DAY,
 * so the output is the same on every run), and each day's invoices — DEMO_DAY dated that day,
 * plus from the second day a few more patients drawn by a seed (the day's index), each with its
 * own fictitious NIR. The first 13 invoices keep their places: the special cases of the demo
 * (the Vitale card's patient, the Vitale app, the mutuelle without guarantee, the dégradé
 * invoice) are tied to their index.
 */
import type { PlainDate } from '../../core/date/index';
import { addDays, toEpochDays } from '../../core/date/index';
import type { DemoFacture } from '../../rules/index';
import { DEMO_DAY } from '../../rules/index';
import { computeDraw } from '../../simulator/caisse/index';
import { demoNir } from './practice';

/** First day of the demo week (a Monday; DEMO_DAY's date). */
export const DEMO_WEEK_START = '2025-03-10' as PlainDate;
/** Working days of the demo (Monday–Friday). */
export const DEMO_WEEK_DAYS = 5;
/** Seed of the day variations. */
const SEED = 14;
/** Invoices copied for the extra patients (ordinary cases: no special securing, no tiers payant AMC). */
const EXTRA_FROM: readonly number[] = [1, 3, 4, 5, 7, 8, 9, 10, 11];
/** NIR ordre numbers of a day start at 900 + 20 × day index (fictitious: born abroad, ordre 9xx). */
const NIR_STRIDE = 20;

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (d: PlainDate): number => (((toEpochDays(d) + 4) % 7) + 7) % 7;

/** French name of the day of the week. */
export const JOURS: readonly string[] = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/**
 * The working days of the run.
 *
 * @param start - First day (a Saturday or Sunday start moves to the Monday).
 * @param count - Number of working days (1 … 20).
 * @returns The days, Saturdays and Sundays skipped.
 */
export function workingDays(start: PlainDate, count: number): PlainDate[] {
  const out: PlainDate[] = [];
  for (let d = start; out.length < count; d = addDays(d, 1)) if (weekdayOf(d) !== 0 && weekdayOf(d) !== 6) out.push(d);
  return out;
}

/** A day's invoice dated `day` (invoice date and every line's date). */
function dated(x: DemoFacture, day: PlainDate): DemoFacture {
  return { ...x, input: { ...x.input, dateFacturation: day, lignes: x.input.lignes.map((l) => ({ ...l, date: day })) } };
}

/**
 * The invoices of day `index` of the run, and their patients' NIRs.
 *
 * @param index - 0 for the first day.
 * @param day - Its date.
 * @returns DEMO_DAY dated `day`, plus 0 to 3 patients drawn from the seed on the following days.
 */
export function demoDayOf(index: number, day: PlainDate): { readonly factures: DemoFacture[]; readonly nirs: string[] } {
  const factures = DEMO_DAY.map((x) => dated(x, day));
  if (index > 0) {
    const extra = Math.floor(computeDraw(SEED, `day:${index}`) * 4);
    for (let k = 0; k < extra; k++) {
      const from = EXTRA_FROM[Math.floor(computeDraw(SEED, `day:${index}/${k}`) * EXTRA_FROM.length)] ?? 1;
      const base = DEMO_DAY[from];
      if (base !== undefined) factures.push(dated({ ...base, label: `${base.label} (autre patient)` }, day));
    }
  }
  const nirs = factures.map((x, i) => demoNir(x.input.beneficiaire.dateNaissance, index * NIR_STRIDE + i));
  return { factures, nirs };
}
