/**
 * TLV decoding: ISO 7816-4 BER-TLV (multi-byte tags, long lengths, constructed nesting) and the
 * simple TLV of Vitale files (1-byte tag, 1-byte length, zero padding at the end).
 *
 * @see ISO 7816-4 §5.2 (BER-TLV data objects); ISO/IEC 7816-4 ; carte Vitale 2 (structure publique partielle) (Vitale TLVs)
 */
import { field, guardArray, guardBytes, guardObject, guardString, inputErr } from '../core/guard/guard';
import { err, ok, SesamError } from '../core/issues/index';
import type { Issue, Result } from '../core/issues/index';
import { arg } from './assert';
import { readerIssue } from './errors';
import { concatBytes, formatHex } from './hex';

/** Deepest nesting of constructed objects accepted (real card data nests 3–4 levels). */
const MAX_DEPTH = 32;
/** Largest TLV buffer accepted (a card file or response is far smaller). */
const MAX_TLV_BYTES = 1 << 20;

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
  const issues: Issue[] = [];
  const data = guardBytes(bytes, ['bytes'], issues, { max: MAX_TLV_BYTES });
  return data === undefined ? inputErr(issues) : berTlv(data, 0);
}

function berTlv(bytes: Uint8Array, depth: number): Result<readonly Tlv[]> {
  if (depth > MAX_DEPTH) return malformed('nesting', 0);
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
      const inner = berTlv(value, depth + 1);
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
  const issues: Issue[] = [];
  const data = guardBytes(bytes, ['bytes'], issues, { max: MAX_TLV_BYTES });
  const tags = guardArray(constructed, ['constructed'], issues, { max: 256 });
  const names = tags?.map((t, i) => guardString(t, ['constructed', i], issues, { pattern: /^[0-9A-F]{2}$/, expected: 'tag hexadécimal de 2 chiffres majuscules' }));
  if (data === undefined || names === undefined || issues.length > 0) return inputErr(issues);
  return simpleTlv(data, names as readonly string[], 0);
}

function simpleTlv(bytes: Uint8Array, constructed: readonly string[], depth: number): Result<readonly Tlv[]> {
  if (depth > MAX_DEPTH) return malformed('nesting', 0);
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
      const inner = simpleTlv(value, constructed, depth + 1);
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
 * @throws SesamError `ASSERTION` when `tlvs` is not a list or `tag` not hex text.
 */
export function findTlv(tlvs: readonly Tlv[], tag: string): Tlv | undefined {
  arg(tlvs, 'tlvs', (v, p, i) => guardArray(v, p, i));
  const want = arg(tag, 'tag', (v, p, i) => guardString(v, p, i, { pattern: /^[0-9A-Fa-f]{2,8}$/, expected: 'tag hexadécimal' })).toUpperCase();
  return findIn(tlvs, want, 0);
}

function findIn(tlvs: readonly Tlv[], want: string, depth: number): Tlv | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const t of tlvs) {
    const o = guardObject(t, [], []); // a caller's list may hold anything: skip what is not an object
    if (o === undefined) continue;
    if (field(o, 'tag') === want) return t;
    const children = guardArray(field(o, 'children'), [], [], { required: false });
    if (children !== undefined) {
      const found = findIn(children as readonly Tlv[], want, depth + 1);
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
 * @throws SesamError `ASSERTION` for a tag that is not hex text or a value that is not bytes.
 */
export function serializeBerTlv(tag: string, ...value: readonly Uint8Array[]): Uint8Array {
  const t = hexTag(tag, 8);
  const v = concatBytes(...value);
  if (v.length >= 1 << 24) throw new SesamError('ASSERTION', `BER-TLV value too long (${v.length} bytes)`);
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
 * @throws SesamError `ASSERTION` for a bad tag, non-byte values or more than 255 bytes.
 */
export function serializeSimpleTlv(tag: string, ...value: readonly Uint8Array[]): Uint8Array {
  const t = hexTag(tag, 2);
  const v = concatBytes(...value);
  if (v.length > 255) throw new SesamError('ASSERTION', `simple TLV value longer than 255 (${v.length} bytes)`);
  return concatBytes(t, Uint8Array.of(v.length), v);
}

/** A tag given as hex text (1 to `maxDigits / 2` bytes), checked. */
function hexTag(tag: unknown, maxDigits: number): Uint8Array {
  const text = arg(tag, 'tag', (v, p, i) => guardString(v, p, i, { pattern: new RegExp(`^(?:[0-9A-Fa-f]{2}){1,${maxDigits / 2}}$`), expected: 'tag hexadécimal' }));
  return Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
}
