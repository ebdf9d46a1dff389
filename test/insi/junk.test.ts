/**
 * The same junk as test/api/junk.test.ts, for the two INSi entries until the lead adds them
 * to its ENTRIES list ('insi' and 'insi/node').
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { junkArb, junkValues, outcomeOf } from '../helpers/junk';
import { runs } from '../helpers/runs';

const ENTRIES: Record<string, () => Promise<Record<string, unknown>>> = {
  insi: () => import('../../src/insi/index'),
  'insi/node': () => import('../../src/insi/node/index'),
};

type Fn = (...args: unknown[]) => unknown;

describe.each(Object.keys(ENTRIES))('%s: exported functions never throw on junk', (entry) => {
  test('fixed and random junk', async () => {
    const mod = await ENTRIES[entry]!();
    const fns = Object.entries(mod).filter((e): e is [string, Fn] => typeof e[1] === 'function');
    const crashes: string[] = [];
    for (const [name, fn] of fns) {
      for (const j of junkValues()) {
        for (const args of [[j], [j, j], [j, j, j]]) {
          const o = await outcomeOf(fn, args);
          if (o.kind === 'crash' || o.kind === 'hang') crashes.push(`${name}: ${o.kind} ${String((o as { error?: unknown }).error)}`.slice(0, 160));
        }
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fns), fc.array(junkArb, { maxLength: 3 }), async ([name, fn], args) => {
        const o = await outcomeOf(fn, args);
        if (o.kind === 'crash' || o.kind === 'hang') crashes.push(`${name}: ${o.kind}`);
      }),
      { numRuns: runs(500) },
    );
    expect([...new Set(crashes)]).toEqual([]);
  });
});

describe('properties', () => {
  test('both entries export functions', async () => {
    for (const load of Object.values(ENTRIES)) expect(Object.values(await load()).some((v) => typeof v === 'function')).toBe(true);
  });
});
