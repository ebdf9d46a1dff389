/**
 * The reference framing of NOEMIE PS (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers): 128-byte records back to back, no line
 * end. With the `lineBreaks` tolerance off (the default) `parseNoemie` and `streamNoemie` cut
 * records here instead of through the engine's record generators, and hand whole runs of
 * records to the decoder (one latin1 decode per run, not per record: see bench/noemie.bench.ts).
 * The tail shorter than a record gets the engine's `FW_TRUNCATED_RECORD` issue, exactly as
 * `readRecords` words it.
 */
import { createIssueFactory } from '../../core/issues/index';
import { decodeLatin1 } from '../../internal/fixed-width/charset';
import { FIXED_WIDTH_CODES } from '../../internal/fixed-width/codes';
import type { ReadOptions } from '../../internal/fixed-width/reader';
import type { NoemieDecoder } from './decoder';
import type { NoemieParseOptions } from './options';

const fwIssue = createIssueFactory(FIXED_WIDTH_CODES);

/** Record length of NOEMIE PS. */
export const RECORD_LENGTH = 128;

/** Position in the input (internal, mutable). */
export interface FramePosition {
  /** Byte offset, in the whole input, of the next record. */
  abs: number;
  /** 1-based number of the next record. */
  record: number;
}

/**
 * Feeds every whole record of `view[pos, end)` to the decoder.
 *
 * @param decoder - The decoder.
 * @param view - Bytes from `latin1View`.
 * @param pos - First byte of the first record.
 * @param end - End of the bytes available.
 * @param at - Input position of `pos`; advanced past the records fed.
 * @returns The position after the last whole record fed (or where the decoder stopped).
 */
export function feedRecords(decoder: NoemieDecoder, view: Uint8Array, pos: number, end: number, at: FramePosition): number {
  let p = pos;
  while (end - p >= RECORD_LENGTH && !decoder.stopped()) {
    const n = decoder.records(view, p, ((end - p) / RECORD_LENGTH) | 0, at.abs, at.record);
    p += n * RECORD_LENGTH;
    at.abs += n * RECORD_LENGTH;
    at.record += n;
  }
  return p;
}

function isPadding(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const b = buf[i];
    if (b !== 0x00 && b !== 0x20 && b !== 0x0d && b !== 0x0a && b !== 0x1a) return false;
  }
  return true;
}

/**
 * Feeds the last bytes, shorter than a record, as a truncated record (`FW_TRUNCATED_RECORD`),
 * or skips them when `padding` allows and they are padding (NUL, blank, CR, LF, SUB).
 *
 * @param decoder - The decoder.
 * @param view - Bytes from `latin1View`.
 * @param pos - First byte of the tail.
 * @param end - End of input.
 * @param at - Input position of `pos`.
 * @param padding - The `trailingPadding` tolerance.
 */
export function feedTail(decoder: NoemieDecoder, view: Uint8Array, pos: number, end: number, at: FramePosition, padding: boolean): void {
  const avail = end - pos;
  if (avail <= 0 || decoder.stopped() || (padding && isPadding(view, pos, end))) return;
  const issue = fwIssue('FW_TRUNCATED_RECORD', {
    path: [],
    source: { record: at.record, column: avail + 1, offset: at.abs + avail },
    expected: String(RECORD_LENGTH),
    received: avail,
  });
  decoder.record({ text: decodeLatin1(view, pos, end), record: at.record, offset: at.abs, issues: [issue] });
}

/**
 * Reader options of the engine for the `lineBreaks` tolerance (internal).
 *
 * @param options - Parser options.
 * @returns The options of `readRecords` / `streamRecords`.
 */
export function readOptions(options: NoemieParseOptions): ReadOptions {
  return { recordLength: 128, lineEnds: options.lineBreaks === true ? 'auto' : 'none', trailingPadding: options.trailingPadding === true ? 'ignore' : 'error' };
}
