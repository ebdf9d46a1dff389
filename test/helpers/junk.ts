/**
 * Junk for "never throws" properties: what JS callers and JSON hand to an exported function by
 * mistake — wrong types, null, NaN, −0, 1e21, floats, huge arrays, `__proto__` keys, cycles.
 */
import fc from 'fast-check';
import { isSesamError } from '../../src/core/index';

function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 1 };
  o['self'] = o;
  o['list'] = [o];
  return o;
}

/** A fixed list of junk values, each a known trap. */
export function junkValues(): unknown[] {
  const protoKey = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as unknown;
  return [
    undefined, null, NaN, -0, 0, 1e21, -1e21, 19.5, 0.1 + 0.2, Infinity, -Infinity, 2 ** 53 + 2, 20250310, -1,
    '', ' ', 'x', '19.50', '\u0000', 'é'.repeat(3), '9'.repeat(200), '2025-02-30', '__proto__',
    true, false, Symbol('junk'), 10n,
    [], [null], [undefined], [1, 'a', {}], new Array(10_000).fill(0), [[[]]],
    {}, { __proto__: null }, protoKey, cyclic(), { centimes: 1.5 }, { centimes: '100' }, { toString: 0 }, { valueOf: () => { throw new Error('valueOf'); } },
    new Uint8Array(0), new Uint8Array([0x41, 0x0d, 0x0a, 0xff]), new ArrayBuffer(8), new Date('invalid'), new Map(), /re/,
    () => undefined, async () => undefined, Promise.resolve(1),
  ];
}

/** fast-check: any junk value (structured values, with and without null prototypes). */
export const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...junkValues()),
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, withObjectString: true, maxDepth: 3 }),
);

/** How a call ended. */
export type Outcome = { kind: 'value'; value: unknown } | { kind: 'sesam'; error: unknown } | { kind: 'crash'; error: unknown } | { kind: 'hang' };

/** Most items drawn from a returned iterator (a stream over junk must end or fail fast, not run forever). */
const MAX_ITEMS = 10_000;

function isIterator(v: unknown): v is Iterator<unknown> & Iterable<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { next?: unknown }).next === 'function' && typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

function isAsyncIterator(v: unknown): v is AsyncIterator<unknown> & AsyncIterable<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { next?: unknown }).next === 'function' && typeof (v as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/**
 * Walks what a call returned: a promise is awaited, a generator or an async generator (a
 * stream: `streamB2File`, `streamNoemie`…) is iterated, since junk may only blow up once the
 * stream is read. Up to {@link MAX_ITEMS} items.
 */
async function settle(out: unknown): Promise<unknown> {
  if (out !== null && typeof out === 'object' && typeof (out as { then?: unknown }).then === 'function') out = await (out as Promise<unknown>);
  if (isAsyncIterator(out)) {
    for (let k = 0; k < MAX_ITEMS; k++) if ((await out.next()).done === true) break;
  } else if (isIterator(out)) {
    for (let k = 0; k < MAX_ITEMS; k++) if (out.next().done === true) break;
  }
  return out;
}

/**
 * Calls `fn(...args)`, waits for a promise result and iterates a returned (async) iterator (up to `ms`).
 *
 * @returns `value`, `sesam` (a SesamError thrown or rejected), `crash` (anything else thrown) or `hang`.
 */
export async function outcomeOf(fn: (...args: unknown[]) => unknown, args: unknown[], ms = 2000): Promise<Outcome> {
  let out: unknown;
  try {
    out = fn(...args);
  } catch (error) {
    return isSesamError(error) ? { kind: 'sesam', error } : { kind: 'crash', error };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => { timer = setTimeout(() => resolve({ kind: 'hang' }), ms); });
  try {
    return await Promise.race([
      settle(out).then(
        (value): Outcome => ({ kind: 'value', value }),
        (error: unknown): Outcome => (isSesamError(error) ? { kind: 'sesam', error } : { kind: 'crash', error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
