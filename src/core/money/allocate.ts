/**
 * allocate: splits an amount by integer ratios without losing a centime.
 */
import { SesamError } from '../issues/sesamError';
import { assertMoney, kind } from './assertions';
import type { Money } from './money';

/** Most ratios one call takes (a split per line of a lot is far below). */
const MAX_RATIOS = 100_000;

/**
 * Splits an amount in shares proportional to integer ratios; the shares always sum to the
 * amount. Each share first gets the floor of its exact part; the centimes left over go one by
 * one to the largest ratios first (earlier index on ties). Shares of a positive amount are never
 * negative; a negative amount is split as its opposite, then negated.
 *
 * @param m - The amount.
 * @param ratios - Non-negative safe integers, at least one above zero.
 * @returns One share per ratio (never −0).
 * @throws SesamError `ASSERTION` for a non-Money amount (unsafe centimes such as 1e21 included),
 *   ratios that are not an array of 1 to 100 000 non-negative safe integers, all-zero ratios or a
 *   ratio sum beyond the safe range.
 * @example
 * allocate(euros('10.00'), [1, 1, 1]) // 3,34 € · 3,33 € · 3,33 €
 */
export function allocate(m: Money, ratios: readonly number[]): Money[] {
  assertMoney(m, 'allocate');
  if (!Array.isArray(ratios) || ratios.length === 0 || ratios.length > MAX_RATIOS) {
    fail(`allocate: ratios must be an array of 1 to ${MAX_RATIOS} integers, got ${Array.isArray(ratios) ? `${ratios.length} items` : kind(ratios)}`);
  }
  let total = 0;
  let largest = 0;
  for (let i = 0; i < ratios.length; i++) {
    const r: unknown = ratios[i]; // a sparse array reads a hole as undefined
    if (!Number.isSafeInteger(r) || (r as number) < 0) fail(`allocate: ratio ${i} is not a non-negative safe integer (${kind(r)})`);
    total += r as number;
    if ((r as number) > largest) largest = r as number;
  }
  if (!(total > 0 && Number.isSafeInteger(total))) fail('allocate: ratios sum to zero or beyond the safe range');
  const sign = m.centimes < 0 ? -1 : 1;
  const amount = Math.abs(m.centimes);
  const big = !Number.isSafeInteger(amount * largest);
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

function fail(message: string): never {
  throw new SesamError('ASSERTION', message);
}
