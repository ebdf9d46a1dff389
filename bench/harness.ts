/**
 * Tiny bench harness: runs a function for a time budget, several rounds, and reports the median
 * rate. Figures are printed as ratios to a baseline measured in the same run.
 */
export interface Rate {
  readonly name: string;
  /** Operations per second (median of rounds). */
  readonly perSecond: number;
}

/**
 * Measures how many times per second `fn` runs (median of `rounds` rounds of `ms` each).
 * `fn` returns a value folded into a sink so the work cannot be optimised away.
 */
export function measure(name: string, fn: () => unknown, options: { ms?: number; rounds?: number; batch?: number } = {}): Rate {
  const ms = options.ms ?? 400;
  const rounds = options.rounds ?? 5;
  const batch = options.batch ?? 100;
  let sink = 0;
  for (let i = 0; i < batch * 10; i++) sink ^= fn() === undefined ? 0 : 1; // warm-up
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(ms) * 1_000_000n;
    let now = start;
    while (now < end) {
      for (let i = 0; i < batch; i++) sink ^= fn() === undefined ? 0 : 1;
      n += batch;
      now = process.hrtime.bigint();
    }
    rates.push(n / (Number(now - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  if (sink === 42) console.log('');
  return { name, perSecond: rates[Math.floor(rates.length / 2)] ?? 0 };
}

/** Prints a table of rates with their ratio to the first (the baseline). */
export function report(rates: readonly Rate[], unit = 'op/s'): void {
  const base = rates[0];
  if (base === undefined) return;
  for (const r of rates) {
    const ratio = r.perSecond / base.perSecond;
    const shown = ratio >= 1 ? `${ratio.toFixed(2)}×` : `1/${(1 / ratio).toFixed(1)}`;
    console.log(`  ${r.name.padEnd(58)} ${formatRate(r.perSecond).padStart(12)} ${unit}   ${shown} of baseline`);
  }
}

function formatRate(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1);
}

/**
 * Ratio of `fn`'s rate to `baseline`'s, measured in alternation (baseline, fn, baseline per
 * round) so that a noisy neighbour slows both alike; returns the median and the spread.
 */
export function interleavedRatio(baseline: () => unknown, fn: () => unknown, options: { rounds?: number; ms?: number; batch?: number } = {}): { median: number; low: number; high: number } {
  const rounds = options.rounds ?? 9;
  const one = { ms: options.ms ?? 150, rounds: 1, batch: options.batch ?? 20 };
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a = measure('baseline', baseline, one).perSecond;
    const b = measure('fn', fn, one).perSecond;
    const c = measure('baseline', baseline, one).perSecond;
    ratios.push(b / ((a + c) / 2));
  }
  ratios.sort((x, y) => x - y);
  return { median: ratios[Math.floor(rounds / 2)] ?? 0, low: ratios[0] ?? 0, high: ratios[rounds - 1] ?? 0 };
}
