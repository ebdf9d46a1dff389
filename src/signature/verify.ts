/**
 * Verification of a detached CMS SignedData (RFC 5652 §5.6), the inverse of
 * `buildCmsSignedData`: a PMS checks what its CPS card signed before a lot leaves (a card that
 * answers a wrong signature is caught here, not by a caisse rejection days later), and tests
 * check interoperability with openssl both ways.
 *
 * pkijs parses the ASN.1 and checks the RSA signature and the certificate chain through its own
 * engine, which runs on WebCrypto (`globalThis.crypto.subtle`, Node ≥ 20 and browsers): no
 * Node built-in crypto module. Bad bytes never throw: every defect is a `SIGNATURE_*` issue.
 */
import * as pkijs from 'pkijs';
import { field, guardArray, guardBytes, guardObject, guardString, inputErr } from '../core/guard/guard';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { SIGNATURE_CODES } from './codes';
import { OID } from './oids';
import { sha256 } from '../core/webcrypto';

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
  /** Subject of the signer's certificate, one `TYPE=value` per line in certificate order (`C=FR\nO=…\nCN=…`, as openssl prints it). */
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
const invalid = (received: string): Result<never> => err(issue('SIGNATURE_CMS_INVALID', { received }));
const der = (c: pkijs.Certificate): Uint8Array => new Uint8Array(c.toSchema().toBER());

/** Short names of the attribute types of a Name (RFC 4519, RFC 5280 §4.1.2.4). */
const NAME_TYPES: Readonly<Record<string, string>> = {
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.5': 'serialNumber',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'GN',
  '2.5.4.12': 'title',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

function nameText(name: pkijs.RelativeDistinguishedNames, separator: string): string {
  return name.typesAndValues
    .map((tv) => `${NAME_TYPES[tv.type] ?? tv.type}=${String((tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value ?? '')}`)
    .join(separator);
}

function parseCertificate(bytes: Uint8Array): pkijs.Certificate | undefined {
  try {
    return pkijs.Certificate.fromBER(bytes);
  } catch {
    return undefined;
  }
}

/** Whether `issuer` issued `child`: names match and its key verifies the certificate's signature (pkijs engine). */
async function issued(child: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  if (!child.issuer.isEqual(issuer.subject)) return false;
  try {
    return await child.verify(issuer);
  } catch {
    return false;
  }
}

/** Whether `leaf` is an anchor or chains to one through `pool` (at most 8 links). */
async function chainsTo(leaf: pkijs.Certificate, anchors: readonly pkijs.Certificate[], pool: readonly pkijs.Certificate[]): Promise<boolean> {
  let current = leaf;
  for (let depth = 0; depth < 8; depth++) {
    const raw = der(current);
    if (anchors.some((a) => bytesEqual(der(a), raw))) return true;
    for (const a of anchors) if (await issued(current, a)) return true;
    let next: pkijs.Certificate | undefined;
    for (const c of pool) {
      if (!bytesEqual(der(c), raw) && (await issued(current, c))) {
        next = c;
        break;
      }
    }
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
 * @returns A promise (WebCrypto is async) of the signer's identity, or issues: `INPUT_*` for a
 *   malformed argument, `SIGNATURE_CMS_INVALID` (not a SignedData),
 *   `SIGNATURE_CERTIFICATE_MISSING`, `SIGNATURE_ALGORITHM_UNSUPPORTED`, `SIGNATURE_DIGEST_MISMATCH`
 *   (the content changed), `SIGNATURE_INVALID` (the signature does not match), `SIGNATURE_UNTRUSTED`,
 *   `SIGNATURE_CERTIFICATE_EXPIRED`. Never throws on bad bytes.
 * @example
 * const r = await verifyCmsSignedData(p7s, lotBytes, { trustedCertificates: [cpsAuthorityDer] });
 * if (!r.ok) console.error(r.issues[0].code);
 * @see RFC 5652 §5.4, §5.6, §11.2
 */
export async function verifyCmsSignedData(p7s: Uint8Array, content: Uint8Array, options: CmsVerifyOptions = {}): Promise<Result<CmsVerification>> {
  const guardIssues: Issue[] = [];
  const sig = guardBytes(p7s, ['p7s'], guardIssues, { max: 1 << 24 });
  const data = guardBytes(content, ['content'], guardIssues, { max: 1 << 30 });
  const o = guardObject(options, ['options'], guardIssues);
  const trustedList = o === undefined ? undefined : guardArray(field(o, 'trustedCertificates'), ['options', 'trustedCertificates'], guardIssues, { required: false, max: 256 });
  const trusted = trustedList?.map((c, i) => guardBytes(c, ['options', 'trustedCertificates', i], guardIssues, { max: 65_536 }));
  const atOption = o === undefined ? undefined : guardString(field(o, 'at'), ['options', 'at'], guardIssues, { required: false, max: 64 });
  if (sig === undefined || data === undefined || guardIssues.length > 0) return inputErr(guardIssues);
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(sig);
    if (info.contentType !== OID.signedData) return invalid(`contentType ${info.contentType}`);
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    return invalid(`${sig.length} octets illisibles`);
  }
  const signerInfo = signed.signerInfos[0];
  if (signerInfo === undefined || signed.signerInfos.length !== 1) return invalid(`${signed.signerInfos.length} signataires`);
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid as unknown;
  const leaf = sid instanceof pkijs.IssuerAndSerialNumber ? certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) : undefined;
  if (leaf === undefined) return err(issue('SIGNATURE_CERTIFICATE_MISSING', { received: `${certs.length} certificat(s)` }));
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) return err(issue('SIGNATURE_ALGORITHM_UNSUPPORTED', { received: signerInfo.digestAlgorithm.algorithmId }));
  const sigAlg = signerInfo.signatureAlgorithm.algorithmId;
  if (sigAlg !== OID.sha256WithRSA && sigAlg !== OID.rsaEncryption) return err(issue('SIGNATURE_ALGORITHM_UNSUPPORTED', { received: sigAlg }));
  const attrs = signerInfo.signedAttrs;
  if (attrs === undefined) return invalid('signedAttrs absents');
  const digest = attribute(attrs.attributes, OID.messageDigest) as { valueBlock?: { valueHexView?: Uint8Array } } | undefined;
  const type = attribute(attrs.attributes, OID.contentType) as { valueBlock?: { toString?: () => string } } | undefined;
  if (digest?.valueBlock?.valueHexView === undefined || type === undefined) return invalid('messageDigest ou contentType absent');
  if (!bytesEqual(new Uint8Array(digest.valueBlock.valueHexView), await sha256(data))) return err(issue('SIGNATURE_DIGEST_MISMATCH', { received: `${data.length} octets` }));
  const tbs = new Uint8Array(attrs.encodedValue); // re-tagged SET OF by pkijs (RFC 5652 §5.4)
  let good = false;
  try {
    // pkijs' engine (WebCrypto): RSASSA-PKCS1-v1_5 with SHA-256 over the signed attributes.
    good = await pkijs
      .getCrypto(true)
      .verifyWithPublicKey(tbs, signerInfo.signature, leaf.subjectPublicKeyInfo, new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA }), 'SHA-256');
  } catch {
    good = false;
  }
  const subject = nameText(leaf.subject, '\n');
  if (!good) return err(issue('SIGNATURE_INVALID', { received: nameText(leaf.subject, ', ') }));
  const time = attribute(attrs.attributes, OID.signingTime) as { toDate?: () => Date } | undefined;
  let signingTime: string | undefined;
  try {
    signingTime = typeof time?.toDate === 'function' ? time.toDate().toISOString().replace('.000Z', 'Z') : undefined;
  } catch {
    signingTime = undefined;
  }
  const issues: Issue[] = [];
  const at = atOption ?? signingTime;
  if (at !== undefined) {
    const t = Date.parse(at);
    const from = leaf.notBefore.value.getTime();
    const to = leaf.notAfter.value.getTime();
    if (Number.isNaN(t) || t < from || t > to) {
      issues.push(issue('SIGNATURE_CERTIFICATE_EXPIRED', { expected: `${iso(leaf.notBefore.value)} → ${iso(leaf.notAfter.value)}`, received: at }));
    }
  }
  if (trusted !== undefined) {
    const anchors = trusted.map((b) => (b === undefined ? undefined : parseCertificate(b))).filter((c): c is pkijs.Certificate => c !== undefined);
    if (!(await chainsTo(leaf, anchors, certs))) issues.push(issue('SIGNATURE_UNTRUSTED', { received: nameText(leaf.issuer, ', ') }));
  }
  const [first, ...rest] = issues;
  if (first !== undefined) return err(first, ...rest);
  const serial = new Uint8Array(leaf.serialNumber.valueBlock.valueHexView);
  return ok({
    subject,
    serialNumber: hex(serial[0] === 0 && serial.length > 1 ? serial.subarray(1) : serial),
    certificate: der(leaf),
    ...(signingTime !== undefined ? { signingTime } : {}),
    trusted: trusted !== undefined,
  });
}

const iso = (d: Date): string => (Number.isNaN(d.getTime()) ? 'date invalide' : d.toISOString().replace('.000Z', 'Z'));
const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
