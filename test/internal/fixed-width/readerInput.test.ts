/**
 * The record readers' public wrappers given something else than bytes: one record carrying an
 * `INPUT_TYPE` issue, never a TypeError (house rule: bad input never crashes).
 */
import { describe, expect, it } from 'vitest';
import { readRecords, streamRecords } from '../../../src/internal/fixed-width/reader';
import { isSesamError } from '../../../src/core/index';

describe('record readers given junk', () => {
  it('readRecords: a string or an ArrayBuffer gives one record with INPUT_TYPE', () => {
    for (const junk of ['000', new ArrayBuffer(128), null, 42]) {
      const recs = [...readRecords(junk as never, { recordLength: 128 })];
      expect(recs).toHaveLength(1);
      expect(recs[0]?.issues.map((i) => [i.code, i.path])).toEqual([['INPUT_TYPE', ['bytes']]]);
    }
  });
  it('streamRecords: a chunk that is not bytes ends the stream with INPUT_TYPE at its index', async () => {
    const out = [];
    for await (const r of streamRecords([new Uint8Array(128).fill(0x41), 'BBBB' as never], { recordLength: 128 })) out.push(r);
    expect(out).toHaveLength(2);
    expect(out[0]?.text).toBe('A'.repeat(128));
    expect(out[1]?.issues.map((i) => [i.code, i.path])).toEqual([['INPUT_TYPE', ['chunks', 1]]]);
  });
  it('bad options are an ASSERTION SesamError', () => {
    expect(() => [...readRecords(new Uint8Array(0), undefined as never)]).toThrow();
    try {
      [...readRecords(new Uint8Array(0), { recordLength: 0 })];
    } catch (e) {
      expect(isSesamError(e)).toBe(true);
    }
  });
});
