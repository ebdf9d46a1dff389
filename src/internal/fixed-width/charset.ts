/**
 * The byte ↔ string boundary of fixed-width files: an explicit single-byte charset (latin1,
 * ISO-8859-1: byte n ↔ U+00nn), so one character is one byte and columns are byte positions.
 *
 * Hint: norme B2 allows only upper-case unaccented ASCII in alphanumeric zones (CdC, règles
 * de présentation), a subset on which latin1, cp850 and UTF-8 agree. The official charset of
 * B2/NOEMIE files is not stated in the public material (Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de codage): latin1 is the lossless
 * choice at the boundary and any byte ≥ 0x80 then surfaces as an `FW_CHARSET` issue in X zones.
 * Decoding uses `Buffer#latin1Slice` when Buffer exists (≈ 9× iconv-lite, LAB.md §4c), else a
 * portable `String.fromCharCode` fallback.
 */

interface Latin1Buffer extends Uint8Array {
  latin1Slice(start: number, end: number): string;
}
interface BufferCtor {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Latin1Buffer;
  from(text: string, encoding: 'latin1'): Uint8Array;
  isBuffer(value: unknown): boolean;
}

const NodeBuffer = (globalThis as unknown as { Buffer?: BufferCtor }).Buffer;

/**
 * Returns a view of the bytes with a fast `latin1Slice` (a Node Buffer over the same memory,
 * no copy), or the input itself when Buffer is not available.
 *
 * @param bytes - The input bytes.
 * @returns A view to pass to {@link decodeLatin1}.
 */
export function latin1View(bytes: Uint8Array): Uint8Array {
  if (NodeBuffer === undefined || NodeBuffer.isBuffer(bytes)) return bytes;
  return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function fallbackDecode(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 4096) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return out;
}

/**
 * Decodes bytes as latin1 (one character per byte).
 *
 * @param bytes - The bytes (a view from {@link latin1View} is fastest).
 * @param start - First byte (default 0).
 * @param end - End byte, exclusive (default the length).
 * @returns The text.
 */
export function decodeLatin1(bytes: Uint8Array, start = 0, end: number = bytes.length): string {
  const fast = (bytes as Partial<Latin1Buffer>).latin1Slice;
  if (fast !== undefined) return fast.call(bytes, start, end);
  return fallbackDecode(bytes, start, end);
}

/**
 * Encodes a text as latin1 bytes.
 *
 * @param text - The text.
 * @returns The bytes, or the index of the first character above U+00FF (not encodable).
 */
export function encodeLatin1(text: string): Uint8Array | number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return i;
  if (NodeBuffer !== undefined) return NodeBuffer.from(text, 'latin1');
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
