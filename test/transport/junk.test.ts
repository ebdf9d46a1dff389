/**
 * "Bad input never throws" for `sesam-billing/transport` (the same law as test/api/junk.test.ts,
 * which the integrator extends to this entry): every exported function fed junk returns, or
 * throws a SesamError, never a TypeError. `createSqliteOutboxStore` is left out (it would create
 * files named by the junk); `createMailTransport` connects nothing before a send.
 */
import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import * as transport from '../../src/transport/index';
import { junkArb, junkValues, outcomeOf } from '../helpers/junk';
import { runs } from '../helpers/runs';

type Fn = (...args: unknown[]) => unknown;
const fns = Object.entries(transport as Record<string, unknown>)
  .filter((e): e is [string, Fn] => typeof e[1] === 'function' && e[0] !== 'createSqliteOutboxStore')
  .sort(([a], [b]) => a.localeCompare(b));

describe('transport: exported functions never throw on junk', () => {
  test('fixed junk as 1, 2 and 3 arguments', async () => {
    const crashes: string[] = [];
    for (const [name, fn] of fns) {
      for (const j of junkValues()) {
        for (const args of [[j], [j, j], [j, j, j]]) {
          const o = await outcomeOf(fn, args);
          if (o.kind === 'crash') crashes.push(`${name}: ${(o.error as Error)?.message?.slice(0, 100)}`);
          else if (o.kind === 'hang') crashes.push(`${name}: hang`);
        }
      }
    }
    expect([...new Set(crashes)]).toEqual([]);
  });
});

describe('properties', () => {
  prop.prop([junkArb, junkArb], { numRuns: runs(100) })('random junk never crashes', async (a, b) => {
    for (const [name, fn] of fns) {
      const o = await outcomeOf(fn, [a, b]);
      expect(o.kind === 'crash' || o.kind === 'hang' ? name : 'fine').toBe('fine');
    }
  });
});
