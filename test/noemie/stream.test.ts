/**
 * streamNoemie's iterator (parse/stream.ts) keeps the semantics of an async generator: lazy
 * start, results in call order even when next() is called before the previous one settled,
 * break / return() closes the input, errors of the input propagate.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseNoemie, streamNoemie, streamNoemieBatches, collectNoemie } from '../../src/noemie/parseNoemie';
import type { NoemieEvent } from '../../src/noemie/types';
import { bytesOf, chunked, sampleFile } from './helpers';
import { runs } from '../helpers/runs';

const bytes = bytesOf(sampleFile());

async function* tracked(chunks: Iterable<Uint8Array>, log: string[]): AsyncGenerator<Uint8Array> {
  log.push('start');
  try {
    for (const c of chunks) yield c;
  } finally {
    log.push('closed');
  }
}

describe('streamNoemie iterator', () => {
  test('lazy: nothing is read before the first next()', async () => {
    const log: string[] = [];
    const it = streamNoemie(tracked([bytes], log));
    expect(log).toEqual([]);
    await it.next();
    expect(log).toEqual(['start']);
  });
  test('break closes the input', async () => {
    const log: string[] = [];
    for await (const ev of streamNoemie(tracked(chunked(bytes, [128]), log))) if (ev.kind === 'entity') break;
    expect(log).toEqual(['start', 'closed']);
  });
  test('next() called many times at once gives the events in order, then done', async () => {
    const expected: NoemieEvent[] = [];
    for await (const ev of streamNoemie(chunked(bytes, [7]))) expected.push(ev);
    const it = streamNoemie(tracked(chunked(bytes, [7]), []));
    const results = await Promise.all(Array.from({ length: expected.length + 2 }, () => it.next()));
    expect(results.map((r) => r.value).slice(0, expected.length)).toEqual(expected);
    expect(results.slice(expected.length).every((r) => r.done === true)).toBe(true);
  });
  test('an error of the input propagates', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield bytes.subarray(0, 300);
      throw new Error('disk');
    }
    await expect(async () => {
      for await (const ev of streamNoemie(failing())) void ev;
    }).rejects.toThrow('disk');
  });
});

describe('properties', () => {
  test.prop([fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 })], { numRuns: runs(50) })('any chunking gives parseNoemie’s result', async (sizes) => {
    const events: NoemieEvent[] = [];
    for await (const ev of streamNoemie(chunked(bytes, sizes))) events.push(ev);
    expect(collectNoemie(events)).toEqual(parseNoemie(bytes));
  });
  test.prop([fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 })], { numRuns: runs(50) })('batches hold the same events as per-event streaming, none empty', async (sizes) => {
    const events: NoemieEvent[] = [];
    for await (const ev of streamNoemie(chunked(bytes, sizes))) events.push(ev);
    const batched: NoemieEvent[] = [];
    for await (const batch of streamNoemieBatches(chunked(bytes, sizes))) {
      expect(batch.length).toBeGreaterThan(0);
      batched.push(...batch);
    }
    expect(batched).toEqual(events);
  });
});
