/**
 * A software `Signer` (node:crypto): for tests, the demo, or a server-side key. Signs a SHA-256
 * digest exactly as the CPS card does (DigestInfo + PKCS#1 v1.5 type-1 padding).
 */
import { constants, createPrivateKey, privateEncrypt } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SesamError } from '../core/issues/index';
import type { Signer } from './ports';

const SHA256_DIGEST_INFO_PREFIX = Uint8Array.from([0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]);

/** Options of `createSoftwareSigner`. */
export interface SoftwareSignerOptions {
  /** RSA private key: a KeyObject or PEM text. */
  readonly privateKey: KeyObject | string;
  /** The matching X.509 certificate: DER bytes or PEM text. */
  readonly certificate: Uint8Array | string;
  /** Signer id (default 'software'). */
  readonly id?: string;
}

/**
 * Creates a software signer.
 *
 * @param o - Key, certificate, id.
 * @returns A `Signer`.
 * @example
 * const signer = createSoftwareSigner({ privateKey: keyPem, certificate: certPem });
 */
export function createSoftwareSigner(o: SoftwareSignerOptions): Signer {
  const key = typeof o.privateKey === 'string' ? createPrivateKey(o.privateKey) : o.privateKey;
  const der = typeof o.certificate === 'string' ? pemToDer(o.certificate) : o.certificate.slice();
  return {
    id: o.id ?? 'software',
    algorithm: 'RSASSA-PKCS1-v1_5-SHA256',
    certificate: () => Promise.resolve(der.slice()),
    signDigest(digest) {
      if (digest.length !== 32) return Promise.reject(new SesamError('ASSERTION', `signDigest expects a 32-byte SHA-256 digest, got ${digest.length}`));
      const info = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + 32);
      info.set(SHA256_DIGEST_INFO_PREFIX);
      info.set(digest, SHA256_DIGEST_INFO_PREFIX.length);
      return Promise.resolve(new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, info)));
    },
  };
}

/**
 * Converts a PEM certificate to DER.
 *
 * @param pem - PEM text (first `CERTIFICATE` block).
 * @returns DER bytes.
 */
export function pemToDer(pem: string): Uint8Array {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (m === null) throw new SesamError('ASSERTION', 'no PEM CERTIFICATE block');
  return new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s/g, ''), 'base64'));
}

/**
 * Converts a DER certificate to PEM.
 *
 * @param der - DER bytes.
 * @returns PEM text.
 */
export function derToPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}
