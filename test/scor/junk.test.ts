/**
 * "Bad input never throws" for the scor entry (the same check as test/api/junk.test.ts, which
 * lists the other entry points): every exported function called with junk as 1, 2 and 3 arguments.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as scor from '../../src/scor/index';
import { SCOR_CODES } from '../../src/scor/codes';
import { junkArb, junkValues, outcomeOf } from '../helpers/junk';
import { runs } from '../helpers/runs';

type Fn = (...args: unknown[]) => unknown;
const fns = (Object.entries(scor) as [string, unknown][]).filter((e): e is [string, Fn] => typeof e[1] === 'function');

describe('scor: exported functions never throw on junk', () => {
  test('fixed junk as 1, 2 and 3 arguments', async () => {
    const crashes: string[] = [];
    for (const [name, fn] of fns) {
      for (const j of junkValues()) {
        for (const args of [[j], [j, j], [j, j, j]]) {
          const o = await outcomeOf(fn, args);
          if (o.kind === 'crash' || o.kind === 'hang') crashes.push(`${name}: ${o.kind} ${o.kind === 'crash' ? String(o.error).slice(0, 120) : ''}`);
        }
      }
    }
    expect([...new Set(crashes)]).toEqual([]);
  }, 120_000);

  test('random junk', async () => {
    const crashes: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fns), fc.array(junkArb, { maxLength: 3 }), async ([name, fn], args) => {
        const o = await outcomeOf(fn, args);
        if (o.kind === 'crash' || o.kind === 'hang') crashes.push(`${name}: ${o.kind}`);
      }),
      { numRuns: runs(300) },
    );
    expect([...new Set(crashes)]).toEqual([]);
  }, 120_000);
});

describe('SCOR_CODES: public refs and fixes (the registry rule of test/core/codeRegistry.test.ts)', () => {
  test.each(Object.entries(SCOR_CODES))('%s', (code, spec) => {
    expect(code.startsWith('SCOR_')).toBe(true);
    expect(spec.fix?.trim().length ?? 0).toBeGreaterThan(0);
    expect(spec.ref?.trim().length ?? 0).toBeGreaterThan(0);
    for (const text of [spec.ref, spec.message, spec.fix]) expect(text ?? '').not.toMatch(/SPECS|MARKET|shared\//);
  });
});
