/**
 * allocate: splits an amount by integer ratios without losing a centime.
 */
import { assert } from '../issues/sesamError';
import type { Money } from './money';

/**
 * Splits an amount in shares proportional to integer ratios; the shares always sum to the
 * amount. Each share first gets the floor of its exact part; the centimes left over go one by
 * one to the largest ratios first (earlier index on ties). Shares of a positive amount are never
 * negative; a negative amount is split as its opposite, then negated.
 *
 * @param m - The amount.
 * @param ratios - Non-negative safe integers, at least one above zero.
 * @returns One share per ratio.
 * @throws SesamError `ASSERTION` for empty, negative or all-zero ratios.
 * @example
 * allocate(euros('10.00'), [1, 1, 1]) // 3,34 € · 3,33 € · 3,33 €
 */
export function allocate(m: Money, ratios: readonly number[]): Money[] {
  assert(ratios.length > 0, 'allocate: no ratio');
  let total = 0;
  for (const r of ratios) {
    assert(Number.isSafeInteger(r) && r >= 0, `allocate: ratio ${r} is not a non-negative integer`);
    total += r;
  }
  assert(total > 0 && Number.isSafeInteger(total), 'allocate: ratios sum to zero or overflow');
  const sign = m.centimes < 0 ? -1 : 1;
  const amount = Math.abs(m.centimes);
  const big = !Number.isSafeInteger(amount * Math.max(...ratios));
  const shares = ratios.map((r) =>
    big ? Number((BigInt(amount) * BigInt(r)) / BigInt(total)) : Math.floor((amount * r) / total),
  );
  let left = amount - shares.reduce((a, b) => a + b, 0);
  // Each floor loses less than one centime and only positive ratios lose anything, so the
  // leftover is smaller than the number of positive ratios: one pass over the largest suffices.
  const order = ratios.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) {
    const i = (order[k] as readonly [number, number])[1];
    shares[i] = (shares[i] as number) + 1;
  }
  return shares.map((c) => ({ centimes: c === 0 ? 0 : sign * c }));
}
