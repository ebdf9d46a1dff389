/**
 * Byte helpers of the scan readers: big-endian reads that never run past the end (they return
 * `undefined`), base64 decoding without `Buffer` (the scor entry stays platform-neutral) and a
 * small deterministic 128-bit digest for default document ids.
 */

/**
 * Reads a big-endian 16-bit unsigned integer.
 *
 * @param b - The bytes.
 * @param at - Offset.
 * @returns The value, or `undefined` past the end.
 */
export function u16(b: Uint8Array, at: number): number | undefined {
  if (at < 0 || at + 2 > b.length) return undefined;
  return (b[at]! << 8) | b[at + 1]!;
}

/**
 * Reads a big-endian 32-bit unsigned integer.
 *
 * @param b - The bytes.
 * @param at - Offset.
 * @returns The value, or `undefined` past the end.
 */
export function u32(b: Uint8Array, at: number): number | undefined {
  if (at < 0 || at + 4 > b.length) return undefined;
  return ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
}

/**
 * Latin-1 text of a byte range (chunk types, markers).
 *
 * @param b - The bytes.
 * @param from - Start.
 * @param to - End (exclusive).
 * @returns The text.
 */
export function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = Math.max(0, from); i < Math.min(to, b.length); i++) s += String.fromCharCode(b[i]!);
  return s;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Decodes standard base64 (padding optional; the library's own constants only).
 *
 * @param text - Base64 text.
 * @returns The bytes.
 */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let k = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | ALPHABET.indexOf(clean.charAt(i));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * A deterministic 16-byte digest (four FNV-1a 32-bit lanes with distinct seeds). Not a
 * cryptographic hash: it only makes a stable, content-derived PDF file identifier
 * (ISO 32000-1 §14.4 lets a producer compute the ID as it wishes).
 *
 * @param parts - The byte arrays to digest, in order.
 * @returns 16 bytes.
 */
export function digest128(parts: readonly Uint8Array[]): Uint8Array {
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x5bd1e995, 0x9e3779b9, 0x85ebca6b];
  for (const part of parts) {
    for (let l = 0; l < 4; l++) {
      let h = lanes[l]!;
      h = Math.imul(h ^ part.length, 0x01000193) >>> 0;
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part[i]! ^ (l * 0x3b), 0x01000193) >>> 0;
      lanes[l] = h;
    }
  }
  const out = new Uint8Array(16);
  lanes.forEach((h, l) => {
    out[l * 4] = h >>> 24;
    out[l * 4 + 1] = (h >>> 16) & 0xff;
    out[l * 4 + 2] = (h >>> 8) & 0xff;
    out[l * 4 + 3] = h & 0xff;
  });
  return out;
}
