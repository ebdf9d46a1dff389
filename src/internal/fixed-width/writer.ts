/**
 * Record writer: joins serialized records with the chosen line end into latin1 byte chunks.
 * Every record is checked (length, encodable characters): a bad record is an issue, never cut.
 */
import type { Issue, Result } from '../../core/issues/index';
import { assert, createIssueFactory, err, ok, resultOf } from '../../core/issues/index';
import { encodeLatin1 } from './charset';
import { FIXED_WIDTH_CODES } from './codes';

const issue = createIssueFactory(FIXED_WIDTH_CODES);

/** Options of {@link serializeRecords} and {@link encodeRecords}. */
export interface WriteOptions {
  /** Record length in characters, line end excluded. */
  readonly recordLength: number;
  /** `'none'` (default; B2/NOEMIE reference framing: back to back), `'crlf'` or `'lf'`. */
  readonly lineEnd?: 'none' | 'crlf' | 'lf';
  /** Records per chunk for {@link encodeRecords} (default 512 ≈ 64 KiB of 128-byte records). */
  readonly chunkRecords?: number;
}

const EOL = { none: '', crlf: '\r\n', lf: '\n' } as const;

function check(text: string, record: number, length: number): Issue | undefined {
  if (text.length !== length) {
    return issue('FW_RECORD_LENGTH', { path: [record - 1], source: { record }, expected: String(length), received: text.length });
  }
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) {
      return issue('FW_CHARSET', { path: [record - 1], source: { record, column: i + 1 }, expected: String(i + 1), received: text[i] ?? '' });
    }
  }
  return undefined;
}

/**
 * Encodes records into chunks of bytes, for streaming output. A chunk result is `Err` when a
 * record of it is malformed (that chunk's valid records are then not emitted either).
 *
 * @param texts - The record texts (from `serializeRecord`).
 * @param options - Record length, line end, chunk size.
 * @returns An iterator of byte chunks (as results).
 */
export function* encodeRecords(texts: Iterable<string>, options: WriteOptions): Generator<Result<Uint8Array>, void, undefined> {
  assert(Number.isInteger(options.recordLength) && options.recordLength >= 1, 'encodeRecords: recordLength must be ≥ 1');
  const per = options.chunkRecords ?? 512;
  assert(Number.isInteger(per) && per >= 1, 'encodeRecords: chunkRecords must be ≥ 1');
  const eol = EOL[options.lineEnd ?? 'none'];
  let batch: string[] = [];
  let issues: Issue[] = [];
  let record = 0;
  const flush = (): Result<Uint8Array> => {
    const bytes = encodeLatin1(batch.join(''));
    const r = issues.length > 0 ? resultOf(new Uint8Array(0), issues) : typeof bytes === 'number' ? err(issue('FW_CHARSET')) : ok(bytes);
    batch = [];
    issues = [];
    return r;
  };
  for (const text of texts) {
    record++;
    const bad = check(text, record, options.recordLength);
    if (bad !== undefined) issues.push(bad);
    else batch.push(text + eol);
    if (record % per === 0) yield flush();
  }
  if (batch.length > 0 || issues.length > 0) yield flush();
}

/**
 * Encodes all records into one byte array.
 *
 * @param texts - The record texts.
 * @param options - Record length and line end.
 * @returns The file bytes, or the issues of every malformed record (path = record index).
 * @example
 * const bytes = unwrap(serializeRecords([header, lot, trailer], { recordLength: 128 }));
 */
export function serializeRecords(texts: Iterable<string>, options: WriteOptions): Result<Uint8Array> {
  const parts: Uint8Array[] = [];
  const issues: Issue[] = [];
  let size = 0;
  for (const r of encodeRecords(texts, options)) {
    if (r.ok) {
      parts.push(r.value);
      size += r.value.length;
    } else issues.push(...r.issues);
  }
  if (issues.length > 0) return resultOf(new Uint8Array(0), issues);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return ok(out);
}
