/**
 * "Bad input never throws", for the whole public API: every exported function of every pure
 * entry point is called with junk (test/helpers/junk.ts) as 1, 2 and 3 arguments; a returned
 * generator or async generator (a stream) is iterated, since junk may only fail when read. A call may
 * return anything or throw a `SesamError` (programmer-facing primitives); a TypeError, a
 * RangeError or a hang fails. I/O adapters (reader/pcsc, ledger/sqlite) are tested with their
 * real components elsewhere and are not fed junk paths here (they would create files).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { junkArb, junkValues, outcomeOf } from '../helpers/junk';
import { runs } from '../helpers/runs';

const ENTRIES: Record<string, () => Promise<Record<string, unknown>>> = {
  root: () => import('../../src/index'),
  core: () => import('../../src/core/index'),
  rules: () => import('../../src/rules/index'),
  'rules/ccam': () => import('../../src/rules/ccam/index'),
  'rules/snds': () => import('../../src/rules/snds/index'),
  fse: () => import('../../src/fse/index'),
  dre: () => import('../../src/dre/index'),
  ledger: () => import('../../src/ledger/index'),
  noemie: () => import('../../src/noemie/index'),
  returns: () => import('../../src/returns/index'),
  reader: () => import('../../src/reader/index'),
  signature: () => import('../../src/signature/index'),
  scor: () => import('../../src/scor/index'),
  insi: () => import('../../src/insi/index'),
  adr: () => import('../../src/adr/index'),
  simulator: () => import('../../src/simulator/index'),
  dashboard: () => import('../../src/dashboard/index'),
};

type Fn = (...args: unknown[]) => unknown;

/**
 * Bound of one call before it counts as a hang: generous, since on a loaded shared machine a
 * legitimate RSA-2048 generation (`createVirtualCpsKey()` with its default name) exceeded 2 s.
 */
const CALL_MS = 15_000;
/** Bound of one test (the fixed junk of `rules/ccam` took 103 s under load 23 on 2 cores). */
const TEST_MS = 900_000;

function isClass(fn: Fn): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

async function functionsOf(entry: string): Promise<[string, Fn][]> {
  const mod = await ENTRIES[entry]!();
  return Object.entries(mod).filter((e): e is [string, Fn] => typeof e[1] === 'function' && !isClass(e[1] as Fn)).sort(([a], [b]) => a.localeCompare(b));
}

function describeCrash(name: string, args: unknown[], error: unknown): string {
  const kinds = args.map((a) => (a === null ? 'null' : Array.isArray(a) ? `array(${a.length})` : typeof a === 'object' ? 'object' : typeof a === 'string' ? JSON.stringify(a.slice(0, 20)) : String(a)));
  const e = error as { name?: string; message?: string };
  return `${name}(${kinds.join(', ')}) → ${e?.name ?? 'throw'}: ${(e?.message ?? String(error)).slice(0, 120)}`;
}

describe.each(Object.keys(ENTRIES))('%s: exported functions never throw on junk', (entry) => {
  test('fixed junk as 1, 2 and 3 arguments', async () => {
    const crashes: string[] = [];
    for (const [name, fn] of await functionsOf(entry)) {
      for (const j of junkValues()) {
        for (const args of [[j], [j, j], [j, j, j]]) {
          const o = await outcomeOf(fn, args, CALL_MS);
          if (o.kind === 'crash') crashes.push(describeCrash(name, args, o.error));
          else if (o.kind === 'hang') crashes.push(`${name}: hang`);
        }
      }
    }
    expect([...new Set(crashes)]).toEqual([]);
  }, TEST_MS);

  test('random junk', async () => {
    const fns = await functionsOf(entry);
    const crashes: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fns), fc.array(junkArb, { minLength: 0, maxLength: 3 }), async ([name, fn], args) => {
        const o = await outcomeOf(fn, args, CALL_MS);
        if (o.kind === 'crash' || o.kind === 'hang') crashes.push(o.kind === 'hang' ? `${name}: hang` : describeCrash(name, args, o.error));
      }),
      { numRuns: runs(2000) },
    );
    expect([...new Set(crashes)].slice(0, 50)).toEqual([]);
  }, TEST_MS);
});
