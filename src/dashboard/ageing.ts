/**
 * Ageing of the awaiting amount: each part still awaited (the ledger's `awaiting`: neither paid,
 * partially paid, rejected, recycled nor voided) falls in exactly one bucket by its age, the days from its date of invoicing to the
 * day of the dashboard (0–7, 8–15, 16–30, more than 30 days).
 */
import type { PlainDate } from '../core/date/index';
import { daysBetween } from '../core/date/index';
import type { Money } from '../core/money/index';
import { add, subtract, ZERO } from '../core/money/index';
import type { LedgerInvoice } from '../ledger/model';
import { NOT_AWAITING } from '../ledger/engine/queries';
import type { AgeingBucket, AgeingKey } from './model';

const SHAPES: readonly { key: AgeingKey; label: string; minDays: number; maxDays?: number }[] = [
  { key: '0-7', label: '0 à 7 jours', minDays: 0, maxDays: 7 },
  { key: '8-15', label: '8 à 15 jours', minDays: 8, maxDays: 15 },
  { key: '16-30', label: '16 à 30 jours', minDays: 16, maxDays: 30 },
  { key: '31+', label: 'plus de 30 jours', minDays: 31 },
];


/**
 * Index of the bucket of an age in days (a date of invoicing after `today` counts as 0 days).
 *
 * @param days - Age in days.
 * @returns 0 … 3.
 */
export function bucketIndexOf(days: number): number {
  if (days <= 7) return 0;
  if (days <= 15) return 1;
  if (days <= 30) return 2;
  return 3;
}

/**
 * Computes the ageing buckets of the awaiting amount (input already checked).
 *
 * @param invoices - Ledger invoices.
 * @param today - Day of the dashboard.
 * @returns The four buckets, AMO and AMC apart.
 */
export function computeAgeing(invoices: readonly LedgerInvoice[], today: PlainDate): readonly AgeingBucket[] {
  const acc: { amo: Money; amc: Money; count: number }[] = SHAPES.map(() => ({ amo: ZERO, amc: ZERO, count: 0 }));
  for (const inv of invoices) {
    const days = daysBetween(inv.dateFacturation, today);
    const b = acc[bucketIndexOf(days)];
    if (b === undefined) continue;
    for (const part of ['amo', 'amc'] as const) {
      const p = inv.parts[part];
      if (p === undefined || NOT_AWAITING.includes(p.state)) continue;
      b[part] = add(b[part], subtract(p.expected, p.paid));
      b.count++;
    }
  }
  return SHAPES.map((s, i) => {
    const { amo, amc, count } = acc[i] ?? { amo: ZERO, amc: ZERO, count: 0 };
    return { ...s, amo, amc, total: add(amo, amc), count };
  });
}
