/**
 * SHA-256 with WebCrypto (`globalThis.crypto.subtle`, Node ≥ 19 and browsers): the scor entry
 * stays platform-neutral (no node:crypto, no Buffer).
 */

/**
 * SHA-256 of bytes, lower-case hex.
 *
 * @param bytes - The bytes.
 * @returns 64 hex digits.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}
