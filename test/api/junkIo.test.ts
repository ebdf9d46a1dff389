/**
 * "Bad input never throws" for the entry points with I/O and async factories, which
 * test/api/junk.test.ts leaves out: `transport`, `insi/node`, `adr/node`, `agent`,
 * `simulator/caisse`, `ledger/sqlite`, `ledger/postgres`, `reader/pcsc`. Every exported function
 * is called with junk as 1, 2 and 3 arguments; a promise is awaited (with a timeout per call) and
 * must resolve (to anything, usually a `Result`) or reject with a `SesamError` only: a TypeError,
 * a RangeError or a hang fails. What a call opened (a store, an agent, a transport) is closed.
 *
 * No network and no stray files: the test runs in its own temporary folder (a junk string taken
 * as a folder lands there), URLs in junk are never reachable, and the few exports that take no
 * caller data and start real processes or servers (`startDovecot`…) are listed in `NO_CALLER_DATA`
 * with the reason; a guard test checks that every export is either fed junk or listed.
 *
 * Also: no junk-derived message (an issue's message or a SesamError's) repeats a 13- or 15-digit
 * run given as input (a NIR), whatever the entry point.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { junkArb, junkValues, outcomeOf } from '../helpers/junk';
import type { Outcome } from '../helpers/junk';
import { runs } from '../helpers/runs';

const ENTRIES: Record<string, () => Promise<Record<string, unknown>>> = {
  transport: () => import('../../src/transport/index'),
  'insi/node': () => import('../../src/insi/node/index'),
  'adr/node': () => import('../../src/adr/node/index'),
  agent: () => import('../../src/agent/index'),
  'simulator/caisse': () => import('../../src/simulator/caisse/index'),
  'ledger/sqlite': () => import('../../src/ledger/sqlite/index'),
  'ledger/postgres': () => import('../../src/ledger/postgres/index'),
  'reader/pcsc': () => import('../../src/reader/pcsc/index'),
};

/**
 * Exports that take no caller data (any argument is ignored) and do real work when called:
 * calling them with junk tests nothing and would start processes, servers or timers.
 */
const NO_CALLER_DATA: Record<string, string> = {
  'simulator/caisse.startDovecot': 'no argument; starts a dovecot process (tested in test/simulator with the real one)',
  'simulator/caisse.findDovecot': 'no argument; looks for the dovecot binary',
  'simulator/caisse.freePort': 'no argument; binds a loopback port',
  'simulator/caisse.createTimerScheduler': 'no argument; returns a scheduler on real timers',
  'simulator/caisse.createMemoryMailbox': 'no argument',
  'transport.createMemoryOutboxStore': 'no argument',
};

type Fn = (...args: unknown[]) => unknown;

function isClass(fn: Fn): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

async function functionsOf(entry: string, all = false): Promise<[string, Fn][]> {
  const mod = await ENTRIES[entry]!();
  return Object.entries(mod)
    .filter((e): e is [string, Fn] => typeof e[1] === 'function' && !isClass(e[1] as Fn))
    .filter(([name]) => all || NO_CALLER_DATA[`${entry}.${name}`] === undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Closes what a call opened (an agent, a ledger, an outbox store, a transport, a caisse). */
async function dispose(o: Outcome): Promise<void> {
  if (o.kind !== 'value') return;
  let v = o.value as { ok?: unknown; value?: unknown } | null;
  if (v !== null && typeof v === 'object' && v.ok === true && 'value' in v) v = v.value as typeof v;
  if (v === null || typeof v !== 'object') return;
  const closer = (v as { close?: unknown; stop?: unknown }).close ?? (v as { stop?: unknown }).stop;
  if (typeof closer !== 'function') return;
  await Promise.race([Promise.resolve().then(() => (closer as () => unknown).call(v)).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
}

function describeCrash(name: string, args: unknown[], error: unknown): string {
  const kinds = args.map((a) => (a === null ? 'null' : Array.isArray(a) ? `array(${a.length})` : typeof a === 'object' ? 'object' : typeof a === 'string' ? JSON.stringify(a.slice(0, 20)) : String(a)));
  const e = error as { name?: string; message?: string };
  return `${name}(${kinds.join(', ')}) → ${e?.name ?? 'throw'}: ${(e?.message ?? String(error)).slice(0, 160)}`;
}

/** Fictitious NIR-like values (13 and 15 digits), alone and as fields a caller might misplace. */
const NIR_JUNK: unknown[] = ['1850575123456', '185057512345678', { path: '185057512345678', url: '1850575123456', nir: '185057512345678', dataDir: '1850575123456' }];

/** Per call: slow loaded machines get a generous bound (a hang is a call that never settles). */
const CALL_MS = 10_000;

/** 13- to 15-digit runs (NIR-like) found in the arguments (strings, nested one level). */
function nirRuns(args: unknown[]): string[] {
  const texts: string[] = [];
  const add = (v: unknown): void => void (typeof v === 'string' && texts.push(v));
  for (const a of args) {
    add(a);
    if (a !== null && typeof a === 'object') {
      try {
        for (const v of Object.values(a)) add(v);
      } catch {
        // a Proxy or a throwing getter: nothing to collect
      }
    }
  }
  return texts.flatMap((t) => t.match(/(?<!\d)\d{13}(?:\d{2})?(?!\d)/g) ?? []);
}

/** Messages produced from the outcome: a SesamError's and its issues', or a Result's issues. */
function messagesOf(o: Outcome): string[] {
  const holder = (o.kind === 'sesam' ? o.error : o.kind === 'value' ? o.value : undefined) as { message?: unknown; issues?: unknown } | null | undefined;
  if (holder === null || typeof holder !== 'object') return [];
  const out = typeof holder.message === 'string' ? [holder.message] : [];
  if (Array.isArray(holder.issues)) for (const i of holder.issues as { message?: unknown }[]) if (typeof i?.message === 'string') out.push(i.message);
  return out;
}

async function check(name: string, fn: Fn, args: unknown[], crashes: string[]): Promise<Outcome> {
  const o = await outcomeOf(fn, args, CALL_MS);
  if (o.kind === 'crash') crashes.push(describeCrash(name, args, o.error));
  else if (o.kind === 'hang') crashes.push(`${name}: hang`);
  for (const nir of nirRuns(args)) for (const m of messagesOf(o)) if (m.includes(nir)) crashes.push(`${name}: message repeats the NIR-like input ${nir.slice(0, 3)}…`);
  await dispose(o);
  return o;
}

let home: string;
let cwd: string;
beforeAll(() => {
  cwd = process.cwd();
  home = mkdtempSync(join(tmpdir(), 'sesam-junkio-'));
  process.chdir(home);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(home, { recursive: true, force: true });
});

test('every export of the I/O entry points is fed junk or listed with a reason', async () => {
  const listed = new Set(Object.keys(NO_CALLER_DATA));
  for (const entry of Object.keys(ENTRIES)) {
    for (const [name] of await functionsOf(entry, true)) listed.delete(`${entry}.${name}`);
  }
  // A stale entry of NO_CALLER_DATA (an export renamed or removed) fails here.
  expect([...listed]).toEqual([]);
});

describe.each(Object.keys(ENTRIES))('%s: exported functions never throw on junk, awaited', (entry) => {
  test('fixed junk as 1, 2 and 3 arguments', async () => {
    const crashes: string[] = [];
    for (const [name, fn] of await functionsOf(entry)) {
      for (const j of [...junkValues(), ...NIR_JUNK]) {
        for (const args of [[j], [j, j], [j, j, j]]) await check(name, fn, args, crashes);
      }
    }
    expect([...new Set(crashes)]).toEqual([]);
  }, 600_000);

  test('random junk', async () => {
    const fns = await functionsOf(entry);
    const crashes: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fns), fc.array(junkArb, { minLength: 0, maxLength: 3 }), async ([name, fn], args) => {
        await check(name, fn, args, crashes);
      }),
      { numRuns: runs(300) },
    );
    expect([...new Set(crashes)].slice(0, 50)).toEqual([]);
  }, 600_000);
});
