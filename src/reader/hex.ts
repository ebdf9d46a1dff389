/**
 * Hex helpers for APDUs, ATRs and traces (uppercase, no separators). Programmer-facing
 * primitives: a wrong argument throws `SesamError` `ASSERTION`.
 */
import { bytesArg, hexArg } from './assert';

/**
 * Formats bytes as uppercase hex.
 *
 * @param bytes - The bytes.
 * @returns Hex text, two characters per byte.
 * @example formatHex(new Uint8Array([0x90, 0x00])) // '9000'
 */
export function formatHex(bytes: Uint8Array): string {
  bytesArg(bytes, 'bytes');
  let out = '';
  for (const b of bytes) out += (b < 16 ? '0' : '') + b.toString(16);
  return out.toUpperCase();
}

/**
 * Parses hex text (spaces, colons allowed) into bytes. Programmer input only.
 *
 * @param text - Hex text, e.g. `'00 A4 04 00'`.
 * @returns The bytes.
 * @throws SesamError `ASSERTION` for anything but pairs of hex digits.
 * @example hexBytes('90 00') // Uint8Array [0x90, 0x00]
 */
export function hexBytes(text: string): Uint8Array {
  const clean = hexArg(text, 'text').replace(/[\s:]/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Concatenates byte arrays.
 *
 * @param parts - The arrays.
 * @returns A new array.
 * @throws SesamError `ASSERTION` when a part is not a `Uint8Array`.
 */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const [i, p] of parts.entries()) n += bytesArg(p, `parts[${i}]`).length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Compares two byte arrays in constant time for equal lengths.
 *
 * @param a - First.
 * @param b - Second.
 * @returns Whether they are equal.
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  bytesArg(a, 'a');
  bytesArg(b, 'b');
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
