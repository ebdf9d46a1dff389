/**
 * The card's side of RSASSA-PKCS1-v1_5 for the virtual CPS: the card receives a DigestInfo (PSO
 * COMPUTE DIGITAL SIGNATURE) and applies EMSA-PKCS1-v1_5 type-1 padding then the RSA private
 * operation (RFC 8017 §8.2.1, §9.2). WebCrypto has no "sign a prepared DigestInfo" primitive, so
 * the virtual card computes RSASP1 with BigInt (CRT) from the key's JWK export. The bytes are the
 * same as any PKCS#1 v1.5 signer's (the scheme is deterministic; openssl checks them in tests).
 *
 * TEST / DEMO USE ONLY: BigInt arithmetic is not constant-time; a real card (or WebCrypto's
 * `sign`, which the software signer of `sesam-billing/signature` uses) must hold real keys.
 */
import { guardString } from '../../core/guard/guard';
import { SesamError } from '../../core/issues/index';
import { subtle } from '../../core/webcrypto';
import type { WebCryptoKey } from '../../core/webcrypto';

interface RsaPrivate {
  readonly n: bigint;
  readonly k: number;
  readonly p: bigint;
  readonly q: bigint;
  readonly dp: bigint;
  readonly dq: bigint;
  readonly qi: bigint;
}

const cache = new WeakMap<WebCryptoKey, Promise<RsaPrivate>>();

function b64uToBigInt(v: unknown): bigint {
  const s = guardString(v, [], [], { min: 1, max: 8192 });
  if (s === undefined) throw new SesamError('ASSERTION', 'RSA JWK without CRT parameters');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  let hex = '';
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
  return BigInt(`0x${hex}`);
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return r;
}

async function rsaPrivate(key: WebCryptoKey): Promise<RsaPrivate> {
  const jwk = (await subtle().exportKey('jwk', key)) as Record<string, unknown>;
  const n = b64uToBigInt(jwk['n']);
  return { n, k: Math.ceil(n.toString(16).length / 2), p: b64uToBigInt(jwk['p']), q: b64uToBigInt(jwk['q']), dp: b64uToBigInt(jwk['dp']), dq: b64uToBigInt(jwk['dq']), qi: b64uToBigInt(jwk['qi']) };
}

/**
 * RSASSA-PKCS1-v1_5 signature of a DER DigestInfo with an extractable RSA private key.
 *
 * @param key - Extractable RSA private key (WebCrypto).
 * @param digestInfo - The DER DigestInfo (at most k − 11 bytes).
 * @returns The k-byte signature.
 */
export async function rsaSignDigestInfo(key: WebCryptoKey, digestInfo: Uint8Array): Promise<Uint8Array> {
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = rsaPrivate(key);
    cache.set(key, pending);
  }
  const { n, k, p, q, dp, dq, qi } = await pending;
  if (digestInfo.length > k - 11) throw new SesamError('ASSERTION', `DigestInfo too long for a ${k * 8}-bit key`);
  // EM = 00 01 FF…FF 00 T (RFC 8017 §9.2 step 5)
  const em = new Uint8Array(k).fill(0xff);
  em[0] = 0;
  em[1] = 1;
  em[k - digestInfo.length - 1] = 0;
  em.set(digestInfo, k - digestInfo.length);
  let m = 0n;
  for (const b of em) m = (m << 8n) | BigInt(b);
  // RSASP1 with the CRT (RFC 8017 §5.1.2, 2.b)
  const s1 = modPow(m, dp, p);
  const s2 = modPow(m, dq, q);
  const h = (((s1 - s2) % p) + p) % p * qi % p;
  let s = (s2 + q * h) % n;
  const out = new Uint8Array(k);
  for (let i = k - 1; i >= 0; i--) {
    out[i] = Number(s & 0xffn);
    s >>= 8n;
  }
  return out;
}
