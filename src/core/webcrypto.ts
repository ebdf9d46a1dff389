/**
 * WebCrypto access (internal, shared by the signature module and the virtual cards):
 * `globalThis.crypto.subtle` (Node ≥ 20, browsers), so neither imports a Node built-in crypto
 * module and both bundle for a browser.
 *
 * @see W3C Web Cryptography API (SubtleCrypto: generateKey, exportKey, sign, digest)
 */
import { SesamError } from './issues/index';

/** The WebCrypto `SubtleCrypto` of this runtime. */
export type Subtle = typeof globalThis.crypto.subtle;

/** A WebCrypto key (`CryptoKey`). */
export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;

/**
 * The runtime's `crypto.subtle`.
 *
 * @returns SubtleCrypto.
 * @throws SesamError `NOT_INSTALLED` when the runtime has no WebCrypto (Node < 20, insecure browser context).
 */
export function subtle(): Subtle {
  const s = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (s === undefined) throw new SesamError('NOT_INSTALLED', 'WebCrypto (globalThis.crypto.subtle) is not available: use Node ≥ 20 or a secure browser context');
  return s;
}

/**
 * SHA-256 of bytes through WebCrypto.
 *
 * @param bytes - The data.
 * @returns The 32-byte digest.
 */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}
