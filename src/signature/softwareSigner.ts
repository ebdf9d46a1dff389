/**
 * A software `Signer` on WebCrypto (`crypto.subtle`: importKey pkcs8, sign RSASSA-PKCS1-v1_5 /
 * SHA-256) — for tests, the demo, or a server-side key. Runs in Node ≥ 20 and in browsers.
 *
 * WebCrypto signs data, never a bare digest: the signer offers `signData` (what
 * `buildCmsSignedData` uses), and its `signDigest` refuses with `ASSERTION`. The bytes are those
 * the CPS card would give for the same key (RSASSA-PKCS1-v1_5 is deterministic).
 *
 * @see RFC 8017 §8.2 (RSASSA-PKCS1-v1_5); RFC 5208 / RFC 5958 (PKCS#8); RFC 7468 (PEM)
 */
import { field, guardBytes, guardObject, guardString, inputErr } from '../core/guard/guard';
import { createIssueFactory, err, ok, SesamError } from '../core/issues/index';
import type { Issue, Result } from '../core/issues/index';
import { SIGNATURE_CODES } from './codes';
import type { Signer } from './ports';
import { subtle } from '../core/webcrypto';
import type { WebCryptoKey } from '../core/webcrypto';

const issue = createIssueFactory(SIGNATURE_CODES);
const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** Options of `createSoftwareSigner`. */
export interface SoftwareSignerOptions {
  /**
   * RSA private key: a WebCrypto key (RSASSA-PKCS1-v1_5 / SHA-256, usage `sign`), PKCS#8 PEM text
   * (`-----BEGIN PRIVATE KEY-----`, what `openssl genpkey` / `openssl req -newkey` write) or PKCS#8 DER bytes.
   */
  readonly privateKey: WebCryptoKey | string | Uint8Array;
  /** The matching X.509 certificate: DER bytes or PEM text. */
  readonly certificate: Uint8Array | string;
  /** Signer id (default 'software'). */
  readonly id?: string;
}

/** Base64 of a PEM block (RFC 7468), or `undefined`. */
function pemBlock(pem: string, label: string): Uint8Array | undefined {
  const m = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*?)-----END ${label}-----`).exec(pem);
  if (m === null) return undefined;
  try {
    const bin = atob((m[1] ?? '').replace(/\s/g, ''));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Whether a value is a WebCrypto key (checked structurally: browsers and Node have their own classes). */
function isWebCryptoKey(v: unknown): v is WebCryptoKey {
  const o = guardObject(v, [], []);
  return o !== undefined && Object.prototype.toString.call(v) === '[object CryptoKey]';
}

/**
 * Creates a software signer (imports the key once with WebCrypto; non-extractable).
 *
 * @param o - Key, certificate, id.
 * @returns The `Signer`, or issues: `INPUT_*` for a malformed option, `SIGNATURE_KEY_INVALID` (not
 *   an RSA PKCS#8 key WebCrypto accepts), `SIGNATURE_CERTIFICATE_INVALID` (no PEM certificate).
 * @example
 * const signer = unwrap(await createSoftwareSigner({ privateKey: keyPem, certificate: certPem }));
 * const p7s = await buildCmsSignedData(bytes, signer, { signingTime: '2025-03-01T10:00:00Z' });
 */
export async function createSoftwareSigner(o: SoftwareSignerOptions): Promise<Result<Signer>> {
  const issues: Issue[] = [];
  const opts = guardObject(o, ['options'], issues);
  if (opts === undefined) return inputErr(issues);
  const rawKey = field(opts, 'privateKey');
  const rawCert = field(opts, 'certificate');
  const id = guardString(field(opts, 'id'), ['options', 'id'], issues, { required: false, min: 1, max: 128 }) ?? 'software';
  let key: WebCryptoKey | undefined;
  let pkcs8: Uint8Array | undefined;
  if (isWebCryptoKey(rawKey)) key = rawKey;
  else if (rawKey instanceof Uint8Array) pkcs8 = guardBytes(rawKey, ['options', 'privateKey'], issues, { max: 16_384 });
  else {
    const pem = guardString(rawKey, ['options', 'privateKey'], issues, { max: 16_384, expected: 'clé privée PKCS#8 (PEM), octets DER ou CryptoKey' });
    if (pem !== undefined) {
      pkcs8 = pemBlock(pem, 'PRIVATE KEY');
      if (pkcs8 === undefined) issues.push(issue('SIGNATURE_KEY_INVALID', { path: ['options', 'privateKey'], received: /BEGIN RSA PRIVATE KEY/.test(pem) ? 'PEM PKCS#1 (RSA PRIVATE KEY)' : 'texte sans bloc PRIVATE KEY' }));
    }
  }
  let der: Uint8Array | undefined;
  if (rawCert instanceof Uint8Array) der = guardBytes(rawCert, ['options', 'certificate'], issues, { max: 65_536 })?.slice();
  else {
    const pem = guardString(rawCert, ['options', 'certificate'], issues, { max: 65_536, expected: 'certificat X.509 (PEM ou octets DER)' });
    if (pem !== undefined) {
      der = pemBlock(pem, 'CERTIFICATE');
      if (der === undefined) issues.push(issue('SIGNATURE_CERTIFICATE_INVALID', { path: ['options', 'certificate'], received: 'texte sans bloc CERTIFICATE' }));
    }
  }
  if (issues.length > 0 || der === undefined) return inputErr(issues);
  if (key === undefined && pkcs8 !== undefined) {
    try {
      key = await subtle().importKey('pkcs8', pkcs8, RSA_SHA256, false, ['sign']);
    } catch {
      return err(issue('SIGNATURE_KEY_INVALID', { path: ['options', 'privateKey'], received: `${pkcs8.length} octets` }));
    }
  }
  if (key === undefined) return inputErr(issues);
  const signingKey = key;
  const certificate = der;
  return ok({
    id,
    algorithm: 'RSASSA-PKCS1-v1_5-SHA256',
    certificate: () => Promise.resolve(certificate.slice()),
    signDigest: () =>
      Promise.reject(new SesamError('ASSERTION', 'a WebCrypto key signs data, not a bare digest: use signData (buildCmsSignedData does)')),
    async signData(data) {
      const bytes = guardBytes(data, ['data'], [], { max: 64 * 1024 * 1024 });
      if (bytes === undefined) throw new SesamError('ASSERTION', 'signData expects a Uint8Array');
      try {
        return new Uint8Array(await subtle().sign(RSA_SHA256, signingKey, bytes));
      } catch (cause) {
        throw new SesamError('ASSERTION', 'WebCrypto refused to sign with this key (RSASSA-PKCS1-v1_5 / SHA-256 private key with usage "sign" expected)', { cause });
      }
    },
  });
}

/**
 * Converts a PEM certificate to DER.
 *
 * @param pem - PEM text (first `CERTIFICATE` block).
 * @returns DER bytes.
 * @throws SesamError `ASSERTION` when the text holds no PEM certificate.
 * @example const der = pemToDer(readFileSync('ca.pem', 'utf8'));
 */
export function pemToDer(pem: string): Uint8Array {
  const text = guardString(pem, ['pem'], [], { max: 1 << 20 });
  const der = text === undefined ? undefined : pemBlock(text, 'CERTIFICATE');
  if (der === undefined) throw new SesamError('ASSERTION', 'no PEM CERTIFICATE block');
  return der;
}

/**
 * Converts a DER certificate to PEM.
 *
 * @param der - DER bytes.
 * @returns PEM text.
 * @throws SesamError `ASSERTION` when `der` is not a `Uint8Array`.
 */
export function derToPem(der: Uint8Array): string {
  const bytes = guardBytes(der, ['der'], [], { max: 1 << 20 });
  if (bytes === undefined) throw new SesamError('ASSERTION', 'derToPem expects a Uint8Array');
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const b64 = btoa(bin).replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}
