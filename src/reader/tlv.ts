/**
 * TLV decoding: ISO 7816-4 BER-TLV (multi-byte tags, long lengths, constructed nesting) and the
 * simple TLV of Vitale files (1-byte tag, 1-byte length, zero padding at the end).
 *
 * @see ISO 7816-4 §5.2 (BER-TLV data objects); SPECS §5.1 (Vitale TLVs)
 */
import { err, ok } from '../core/issues/index';
import type { Result } from '../core/issues/index';
import { readerIssue } from './errors';
import { concatBytes, formatHex } from './hex';

/** One TLV: tag as uppercase hex ('65', 'BF8101'), value bytes, children when constructed. */
export interface Tlv {
  readonly tag: string;
  readonly value: Uint8Array;
  readonly children?: readonly Tlv[];
}

const malformed = (what: string, offset: number) =>
  err(readerIssue('APDU_MALFORMED', { received: `${what} @${offset}`, source: { offset } }));

/**
 * Parses BER-TLV objects. Constructed tags (bit 6 of the first tag byte) are parsed recursively.
 * Padding bytes `00`/`FF` between objects are skipped (ISO 7816-4 §5.2).
 *
 * @param bytes - The encoded objects.
 * @returns The objects, or `APDU_MALFORMED` with the byte offset.
 */
export function parseBerTlv(bytes: Uint8Array): Result<readonly Tlv[]> {
  const out: Tlv[] = [];
  let i = 0;
  while (i < bytes.length) {
    const first = bytes[i] as number;
    if (first === 0x00 || first === 0xff) {
      i++;
      continue;
    }
    const start = i;
    i++;
    if ((first & 0x1f) === 0x1f) {
      while (i < bytes.length && ((bytes[i] as number) & 0x80) !== 0) i++;
      i++;
    }
    if (i > bytes.length) return malformed('tag', start);
    const tag = formatHex(bytes.subarray(start, i));
    if (i >= bytes.length) return malformed('length', i);
    let len = bytes[i++] as number;
    if (len > 0x80) {
      const n = len & 0x7f;
      if (n > 3 || i + n > bytes.length) return malformed('length', i - 1);
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + (bytes[i++] as number);
    } else if (len === 0x80) return malformed('indefinite length', i - 1);
    if (i + len > bytes.length) return malformed(`value of ${tag}`, i);
    const value = bytes.slice(i, i + len);
    i += len;
    if ((first & 0x20) !== 0) {
      const inner = parseBerTlv(value);
      if (!inner.ok) return inner;
      out.push({ tag, value, children: inner.value });
    } else out.push({ tag, value });
  }
  return ok(out);
}

/**
 * Parses simple TLVs (1-byte tag, 1-byte length) as found in Vitale 2 files. A `00` tag ends
 * the data (zero padding at file end). Tags listed in `constructed` are parsed recursively.
 *
 * @param bytes - The file content.
 * @param constructed - Tags (hex) whose value holds nested simple TLVs (default `65`, `66`).
 * @returns The objects, or `APDU_MALFORMED`.
 */
export function parseSimpleTlv(bytes: Uint8Array, constructed: readonly string[] = ['65', '66']): Result<readonly Tlv[]> {
  const out: Tlv[] = [];
  let i = 0;
  while (i < bytes.length) {
    const t = bytes[i] as number;
    if (t === 0x00 || t === 0xff) break;
    if (i + 1 >= bytes.length) return malformed('length', i + 1);
    const len = bytes[i + 1] as number;
    if (i + 2 + len > bytes.length) return malformed(`value of ${formatHex(Uint8Array.of(t))}`, i + 2);
    const tag = formatHex(Uint8Array.of(t));
    const value = bytes.slice(i + 2, i + 2 + len);
    if (constructed.includes(tag)) {
      const inner = parseSimpleTlv(value, constructed);
      if (!inner.ok) return inner;
      out.push({ tag, value, children: inner.value });
    } else out.push({ tag, value });
    i += 2 + len;
  }
  return ok(out);
}

/**
 * Finds the first object with a tag, searching depth-first through constructed objects.
 *
 * @param tlvs - Parsed objects.
 * @param tag - Tag as hex ('9B').
 * @returns The object or `undefined`.
 */
export function findTlv(tlvs: readonly Tlv[], tag: string): Tlv | undefined {
  const want = tag.toUpperCase();
  for (const t of tlvs) {
    if (t.tag === want) return t;
    if (t.children !== undefined) {
      const found = findTlv(t.children, want);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Serializes one BER-TLV object (tag given as hex), with definite length (short or long form).
 *
 * @param tag - Tag as hex ('70', 'BF8101').
 * @param value - Value bytes (concatenate children before).
 * @returns The encoded object.
 */
export function serializeBerTlv(tag: string, ...value: readonly Uint8Array[]): Uint8Array {
  const v = concatBytes(...value);
  const t = Uint8Array.from(tag.match(/../g) ?? [], (h) => parseInt(h, 16));
  const n = v.length;
  const l = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return concatBytes(t, Uint8Array.from(l), v);
}

/**
 * Serializes one simple TLV (1-byte tag, 1-byte length ≤ 255).
 *
 * @param tag - One-byte tag as hex ('80').
 * @param value - Value bytes.
 * @returns The encoded object.
 */
export function serializeSimpleTlv(tag: string, ...value: readonly Uint8Array[]): Uint8Array {
  const v = concatBytes(...value);
  if (v.length > 255) throw new RangeError('simple TLV value longer than 255');
  return concatBytes(Uint8Array.of(parseInt(tag, 16), v.length), v);
}
