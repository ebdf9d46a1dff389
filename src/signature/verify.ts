/**
 * Verification of a detached CMS SignedData (RFC 5652 §5.6), the inverse of
 * `buildCmsSignedData`: a PMS checks what its CPS card signed before a lot leaves (a card that
 * answers a wrong signature is caught here, not by a caisse rejection days later), and tests
 * check interoperability with openssl both ways.
 *
 * pkijs parses the ASN.1; node:crypto checks the RSA signature and the certificate chain, so
 * the result does not depend on a WebCrypto engine. Bad bytes never throw: every defect is a
 * `SIGNATURE_*` issue.
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { SIGNATURE_CODES } from './codes';
import { OID } from './oids';

const issue = createIssueFactory(SIGNATURE_CODES);

/** Options of {@link verifyCmsSignedData}. */
export interface CmsVerifyOptions {
  /**
   * DER certificates trusted as anchors (the CPS authority's, or the test certificate). The
   * signer's certificate must be one of them or chain to one through certificates of the CMS.
   * Omitted: the signature is checked against the embedded certificate only (integrity, not
   * identity) — say so to the user.
   */
  readonly trustedCertificates?: readonly Uint8Array[];
  /** Instant (ISO 8601) at which the certificate must be valid; default: the signingTime attribute when present. */
  readonly at?: string;
}

/** What a valid signature tells. */
export interface CmsVerification {
  /** Subject of the signer's certificate, as node:crypto prints it (`C=FR\nO=…\nCN=…`). */
  readonly subject: string;
  /** Serial number of the signer's certificate (upper-case hex). */
  readonly serialNumber: string;
  /** The signer's certificate, DER. */
  readonly certificate: Uint8Array;
  /** The signingTime attribute, ISO 8601, when present. */
  readonly signingTime?: string;
  /** Whether the certificate was checked against `trustedCertificates`. */
  readonly trusted: boolean;
}

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
const invalid = (received: string): Result<never> => err(issue('SIGNATURE_CMS_INVALID', { received }));

function x509(der: Uint8Array): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

/** Whether `leaf` is an anchor or chains to one through `pool` (at most 8 links). */
function chainsTo(leaf: X509Certificate, anchors: readonly X509Certificate[], pool: readonly X509Certificate[]): boolean {
  let current = leaf;
  for (let depth = 0; depth < 8; depth++) {
    if (anchors.some((a) => a.raw.equals(current.raw))) return true;
    const anchor = anchors.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor !== undefined) return true;
    const next = pool.find((c) => !c.raw.equals(current.raw) && current.checkIssued(c) && current.verify(c.publicKey));
    if (next === undefined) return false;
    current = next;
  }
  return false;
}

function attribute(attrs: readonly pkijs.Attribute[], type: string): unknown {
  return attrs.find((a) => a.type === type)?.values[0];
}

/**
 * Verifies a detached CMS SignedData over `content`.
 *
 * @param p7s - The ContentInfo, DER (what `buildCmsSignedData` or `openssl cms -sign -binary -outform DER` gives).
 * @param content - The exact bytes that were signed.
 * @param options - Trust anchors and the instant of validity.
 * @returns The signer's identity, or issues: `SIGNATURE_CMS_INVALID` (not a SignedData),
 *   `SIGNATURE_CERTIFICATE_MISSING`, `SIGNATURE_ALGORITHM_UNSUPPORTED`, `SIGNATURE_DIGEST_MISMATCH`
 *   (the content changed), `SIGNATURE_INVALID` (the signature does not match), `SIGNATURE_UNTRUSTED`,
 *   `SIGNATURE_CERTIFICATE_EXPIRED`. Never throws on bad bytes.
 * @example
 * const r = verifyCmsSignedData(p7s, lotBytes, { trustedCertificates: [cpsAuthorityDer] });
 * if (!r.ok) console.error(r.issues[0].code);
 * @see RFC 5652 §5.4, §5.6, §11.2
 */
export function verifyCmsSignedData(p7s: Uint8Array, content: Uint8Array, options: CmsVerifyOptions = {}): Result<CmsVerification> {
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(p7s);
    if (info.contentType !== OID.signedData) return invalid(`contentType ${info.contentType}`);
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    return invalid(`${p7s.length} octets illisibles`);
  }
  const signerInfo = signed.signerInfos[0];
  if (signerInfo === undefined || signed.signerInfos.length !== 1) return invalid(`${signed.signerInfos.length} signataires`);
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid as unknown;
  const cert = sid instanceof pkijs.IssuerAndSerialNumber ? certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) : undefined;
  const leaf = cert === undefined ? undefined : x509(new Uint8Array(cert.toSchema().toBER()));
  if (leaf === undefined) return err(issue('SIGNATURE_CERTIFICATE_MISSING', { received: `${certs.length} certificat(s)` }));
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) return err(issue('SIGNATURE_ALGORITHM_UNSUPPORTED', { received: signerInfo.digestAlgorithm.algorithmId }));
  const sigAlg = signerInfo.signatureAlgorithm.algorithmId;
  if (sigAlg !== OID.sha256WithRSA && sigAlg !== OID.rsaEncryption) return err(issue('SIGNATURE_ALGORITHM_UNSUPPORTED', { received: sigAlg }));
  const attrs = signerInfo.signedAttrs;
  if (attrs === undefined) return invalid('signedAttrs absents');
  const digest = attribute(attrs.attributes, OID.messageDigest) as { valueBlock?: { valueHexView?: Uint8Array } } | undefined;
  const type = attribute(attrs.attributes, OID.contentType) as { valueBlock?: { toString?: () => string } } | undefined;
  if (digest?.valueBlock?.valueHexView === undefined || type === undefined) return invalid('messageDigest ou contentType absent');
  if (!bytesEqual(new Uint8Array(digest.valueBlock.valueHexView), sha256(content))) return err(issue('SIGNATURE_DIGEST_MISMATCH', { received: `${content.length} octets` }));
  const tbs = new Uint8Array(attrs.encodedValue); // re-tagged SET OF by pkijs (RFC 5652 §5.4)
  let good = false;
  try {
    good = verifySignature('sha256', tbs, leaf.publicKey, signerInfo.signature.valueBlock.valueHexView);
  } catch {
    good = false;
  }
  if (!good) return err(issue('SIGNATURE_INVALID', { received: leaf.subject.replace(/\n/g, ', ') }));
  const time = attribute(attrs.attributes, OID.signingTime) as { toDate?: () => Date } | undefined;
  const signingTime = typeof time?.toDate === 'function' ? time.toDate().toISOString().replace('.000Z', 'Z') : undefined;
  const issues: Issue[] = [];
  const at = options.at ?? signingTime;
  if (at !== undefined) {
    const t = Date.parse(at);
    if (Number.isNaN(t) || t < Date.parse(leaf.validFrom) || t > Date.parse(leaf.validTo)) {
      issues.push(issue('SIGNATURE_CERTIFICATE_EXPIRED', { expected: `${leaf.validFrom} → ${leaf.validTo}`, received: at }));
    }
  }
  const anchors = (options.trustedCertificates ?? []).map(x509).filter((c): c is X509Certificate => c !== undefined);
  if (options.trustedCertificates !== undefined) {
    const pool = certs.map((c) => x509(new Uint8Array(c.toSchema().toBER()))).filter((c): c is X509Certificate => c !== undefined);
    if (!chainsTo(leaf, anchors, pool)) issues.push(issue('SIGNATURE_UNTRUSTED', { received: leaf.issuer.replace(/\n/g, ', ') }));
  }
  const [first, ...rest] = issues;
  if (first !== undefined) return err(first, ...rest);
  return ok({
    subject: leaf.subject,
    serialNumber: leaf.serialNumber.toUpperCase(),
    certificate: new Uint8Array(leaf.raw),
    ...(signingTime !== undefined ? { signingTime } : {}),
    trusted: options.trustedCertificates !== undefined,
  });
}
