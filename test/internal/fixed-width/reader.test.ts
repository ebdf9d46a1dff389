import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { RawRecord, ReadOptions } from '../../../src/internal/fixed-width/index';
import { decodeLatin1, encodeRecords, readRecords, serializeRecords, streamRecords } from '../../../src/internal/fixed-width/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const strip = (r: RawRecord) => ({ text: r.text, record: r.record, offset: r.offset, codes: r.issues.map((i) => i.code) });
const sync = (s: string, o: ReadOptions) => [...readRecords(bytes(s), o)].map(strip);

async function streamed(chunks: Uint8Array[], o: ReadOptions) {
  const out = [];
  for await (const r of streamRecords(chunks, o)) out.push(strip(r));
  return out;
}

/** Splits bytes at the given cut points. */
function cut(b: Uint8Array, points: readonly number[]): Uint8Array[] {
  const sorted = [...new Set(points)].sort((x, y) => x - y);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const p of [...sorted, b.length]) {
    parts.push(b.slice(at, p));
    at = p;
  }
  return parts;
}

const R = (t: string, record: number, offset: number, codes: string[] = []) => ({ text: t, record, offset, codes });

describe('readRecords', () => {
  test('back to back records (reference framing)', () => {
    expect(sync('AAAABBBBCCCC', { recordLength: 4 })).toEqual([R('AAAA', 1, 0), R('BBBB', 2, 4), R('CCCC', 3, 8)]);
  });

  test('a short last record is an issue, never a throw', () => {
    const out = sync('AAAABB', { recordLength: 4 });
    expect(out).toEqual([R('AAAA', 1, 0), R('BB', 2, 4, ['FW_TRUNCATED_RECORD'])]);
    const [, tail] = [...readRecords(bytes('AAAABB'), { recordLength: 4 })];
    expect(tail?.issues[0]?.source).toEqual({ record: 2, column: 3, offset: 6 });
  });

  test('trailing padding tolerance', () => {
    expect(sync('AAAA\r\n\x1a', { recordLength: 4, trailingPadding: 'ignore' })).toEqual([R('AAAA', 1, 0)]);
    expect(sync('AAAA  ', { recordLength: 4 })).toEqual([R('AAAA', 1, 0), R('  ', 2, 4, ['FW_TRUNCATED_RECORD'])]);
  });

  test.each(['crlf', 'lf', 'auto'] as const)('line ends %s', (lineEnds) => {
    const eol = lineEnds === 'lf' ? '\n' : '\r\n';
    const w = 4 + eol.length;
    expect(sync(`AAAA${eol}BBBB${eol}CCCC`, { recordLength: 4, lineEnds })).toEqual([R('AAAA', 1, 0), R('BBBB', 2, w), R('CCCC', 3, 2 * w)]);
  });

  test('auto detects back-to-back records', () => {
    expect(sync('AAAABBBB', { recordLength: 4, lineEnds: 'auto' })).toEqual([R('AAAA', 1, 0), R('BBBB', 2, 4)]);
  });

  test('line mode: missing or other line end, short line', () => {
    expect(sync('AAAA\nBBBB\r\n', { recordLength: 4, lineEnds: 'crlf' })).toEqual([R('AAAA', 1, 0, ['FW_LINE_END']), R('BBBB', 2, 5)]);
    expect(sync('AAAABBBBCC\n', { recordLength: 4, lineEnds: 'lf' })).toEqual([
      R('AAAA', 1, 0, ['FW_LINE_END']),
      R('BBBB', 2, 4, ['FW_LINE_END']),
      R('CC', 3, 8),
    ]);
    const warn = [...readRecords(bytes('AAAA\nBBBB\r\n'), { recordLength: 4, lineEnds: 'crlf' })][0]?.issues[0];
    expect(warn?.severity).toBe('warning');
  });

  test('latin1: one character per byte', () => {
    expect(sync('\xe9\xe8\xff\x00', { recordLength: 4 })[0]?.text).toBe('éèÿ\x00');
    expect(decodeLatin1(new Uint8Array([0x41, 0xe7]))).toBe('Aç');
  });
});

describe('streamRecords', () => {
  const file = 'AAAA\r\nBBBB\r\nCCCC\r\nDD';
  const cases: [string, ReadOptions][] = [
    ['AAAABBBBCCCCDD', { recordLength: 4 }],
    [file, { recordLength: 4, lineEnds: 'crlf' }],
    [file, { recordLength: 4, lineEnds: 'auto' }],
    ['AAAA\nBBBB\nCCCCC\nD\n\n', { recordLength: 4, lineEnds: 'lf' }],
    ['AAAA\nBBBB\n\n \n', { recordLength: 4, lineEnds: 'auto', trailingPadding: 'ignore' }],
  ];

  test.each(cases)('every single split point of %j gives the sync result', async (text, o) => {
    const b = bytes(text);
    const expected = sync(text, o);
    for (let p = 0; p <= b.length; p++) expect(await streamed(cut(b, [p]), o)).toEqual(expected);
  });

  test.each(cases)('every pair of split points, and 1-byte chunks, of %j', async (text, o) => {
    const b = bytes(text);
    const expected = sync(text, o);
    for (let p = 0; p <= b.length; p++) for (let q = p; q <= b.length; q++) expect(await streamed(cut(b, [p, q]), o)).toEqual(expected);
    expect(await streamed([...b].map((x) => Uint8Array.of(x)), o)).toEqual(expected);
  });

  test('accepts a sync iterable and empty chunks', async () => {
    expect(await streamed([new Uint8Array(0), bytes('AAAAB'), new Uint8Array(0), bytes('BBB')], { recordLength: 4 })).toEqual([
      R('AAAA', 1, 0),
      R('BBBB', 2, 4),
    ]);
  });
});

describe('serializeRecords / encodeRecords', () => {
  test('joins with the chosen line end', () => {
    expect(decodeLatin1(expectOk(serializeRecords(['AAAA', 'BBBB'], { recordLength: 4, lineEnd: 'crlf' })))).toBe('AAAA\r\nBBBB\r\n');
    expect(decodeLatin1(expectOk(serializeRecords(['AAAA', 'BBBB'], { recordLength: 4 })))).toBe('AAAABBBB');
  });

  test('a record of the wrong length or with a non-latin1 char is an issue', () => {
    expectIssue(serializeRecords(['AAAA', 'BBB'], { recordLength: 4 }), 'FW_RECORD_LENGTH', [1]);
    expectIssue(serializeRecords(['AA€A'], { recordLength: 4 }), 'FW_CHARSET', [0]);
  });

  test('chunks of N records', () => {
    const chunks = [...encodeRecords(['AAAA', 'BBBB', 'CCCC'], { recordLength: 4, chunkRecords: 2 })].map((r) => decodeLatin1(expectOk(r)));
    expect(chunks).toEqual(['AAAABBBB', 'CCCC']);
  });
});

describe('properties', () => {
  const arbOpts = fc.record({
    recordLength: fc.integer({ min: 1, max: 9 }),
    lineEnds: fc.constantFrom('none', 'crlf', 'lf', 'auto') as fc.Arbitrary<ReadOptions['lineEnds'] & string>,
    trailingPadding: fc.constantFrom('error', 'ignore') as fc.Arbitrary<'error' | 'ignore'>,
  });
  const arbBytes = fc.oneof(
    fc.uint8Array({ maxLength: 60 }),
    fc.array(fc.constantFrom(0x41, 0x20, 0x0d, 0x0a, 0x00, 0x1a), { maxLength: 60 }).map((a) => Uint8Array.from(a)),
  );

  test.prop([arbBytes, arbOpts], { numRuns: runs(20_000) })('readRecords never throws and covers the input', (b, o) => {
    let bytesSeen = 0;
    let n = 0;
    for (const r of readRecords(b, o)) {
      n++;
      expect(r.record).toBe(n);
      expect(r.offset).toBeGreaterThanOrEqual(bytesSeen);
      bytesSeen = r.offset + r.text.length;
    }
    expect(bytesSeen).toBeLessThanOrEqual(b.length);
  });

  test.prop([arbBytes, arbOpts, fc.array(fc.nat(60), { maxLength: 6 })], { numRuns: runs(10_000) })(
    'streamRecords over any chunking = readRecords',
    async (b, o, points) => {
      expect(await streamed(cut(b, points.filter((p) => p <= b.length)), o)).toEqual([...readRecords(b, o)].map(strip));
    },
  );

  test.prop([fc.array(fc.string({ unit: fc.constantFrom(...'AZ09 '), minLength: 5, maxLength: 5 }), { maxLength: 20 }), fc.constantFrom('none', 'crlf', 'lf') as fc.Arbitrary<'none' | 'crlf' | 'lf'>], { numRuns: runs(2000) })(
    'readRecords(serializeRecords(texts)) = texts',
    (texts, lineEnd) => {
      const b = expectOk(serializeRecords(texts, { recordLength: 5, lineEnd }));
      expect([...readRecords(b, { recordLength: 5, lineEnds: lineEnd })].map((r) => r.text)).toEqual(texts);
    },
  );
});
