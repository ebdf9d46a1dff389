/**
 * CMS SignedData (RFC 5652), detached, built around an external signer (the CPS card): the
 * signed attributes are DER-encoded here, their SHA-256 is given to `Signer.signDigest`, and the
 * raw RSASSA-PKCS1-v1_5 signature is inserted (LAB §6 "Path A": no key object at all).
 * With verify.ts, the only import sites of pkijs and asn1js.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { field, guardBytes, guardFunction, guardObject, guardString } from '../core/guard/guard';
import type { Issue, IssuePath } from '../core/issues/index';
import { createIssueFactory, SesamError } from '../core/issues/index';
import { SIGNATURE_CODES } from './codes';
import { OID } from './oids';
import type { Signer } from './ports';
import { sha256 } from '../core/webcrypto';

const issue = createIssueFactory(SIGNATURE_CODES);

/**
 * Guard (shared style) of a `Signer`: `certificate` and `signDigest` functions, optional `signData`.
 *
 * @param v - Caller value.
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns The signer, or `undefined` after an `INPUT_*` issue.
 */
export function guardSigner(v: unknown, path: IssuePath, issues: Issue[]): Signer | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardString(field(o, 'id'), [...path, 'id'], issues, { max: 256 });
  guardFunction(field(o, 'certificate'), [...path, 'certificate'], issues);
  guardFunction(field(o, 'signDigest'), [...path, 'signDigest'], issues);
  guardFunction(field(o, 'signData'), [...path, 'signData'], issues, { required: false });
  return issues.length === before ? (o as unknown as Signer) : undefined;
}

/** Throws `ASSERTION` with the guard's issue (programmer error: wrong argument to a builder). */
function check<T>(v: unknown, name: string, guard: (v: unknown, path: IssuePath, issues: Issue[]) => T | undefined): T {
  const issues: Issue[] = [];
  const x = guard(v, [name], issues);
  if (x === undefined || issues.length > 0) throw new SesamError('ASSERTION', `${name}: ${issues[0]?.message ?? 'argument invalide'}`, { issues });
  return x;
}
const alg = (id: string) => new pkijs.AlgorithmIdentifier({ algorithmId: id, algorithmParams: new asn1js.Null() });
const compare = (a: Uint8Array, b: Uint8Array) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
};

/** Options of `buildCmsSignedData`. */
export interface CmsOptions {
  /** Signing time, ISO 8601 (the caller's clock; UTCTime range 1950–2049). Omitted → no signingTime attribute. */
  readonly signingTime?: string;
}

/**
 * Builds a detached CMS SignedData over `payload`, signed by `signer` (sha256WithRSAEncryption,
 * signed attributes contentType / signingTime / messageDigest in DER order, certificate included).
 *
 * @param payload - The exact bytes secured.
 * @param signer - The card or software key.
 * @param options - Signing time.
 * @returns The ContentInfo, DER (a `.p7s`).
 * @throws SesamError `IO` when the signer's certificate is unreadable or its signature has a bad
 *   length; `ASSERTION` for a malformed argument or signing time.
 * @example
 * const p7s = await buildCmsSignedData(fseBytes, cps.signer, { signingTime: '2025-03-01T10:00:00Z' });
 * @see RFC 5652 §5; LAB §6
 */
export async function buildCmsSignedData(payload: Uint8Array, signer: Signer, options: CmsOptions = {}): Promise<Uint8Array> {
  check(payload, 'payload', (v, p, i) => guardBytes(v, p, i, { max: 1 << 30 }));
  check(signer, 'signer', guardSigner);
  const o = check(options, 'options', (v, p, i) => guardObject(v, p, i));
  const signingTime = check(field(o, 'signingTime'), 'options.signingTime', (v, p, i) => guardString(v, p, i, { required: false, min: 1, max: 64 }) ?? '');
  const certDer = await signer.certificate();
  let cert: pkijs.Certificate;
  try {
    if (!(certDer instanceof Uint8Array)) throw new TypeError('certificate() must give bytes');
    cert = pkijs.Certificate.fromBER(certDer);
  } catch (cause) {
    const i = issue('SIGNATURE_CERTIFICATE_INVALID', { received: certDer instanceof Uint8Array ? `${certDer.length} octets` : certDer });
    throw new SesamError('IO', `${i.code}: ${i.message}`, { issues: [i], cause });
  }
  const attributes: pkijs.Attribute[] = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: await sha256(payload) })] }),
  ];
  if (signingTime !== '') {
    const d = new Date(signingTime);
    const y = d.getUTCFullYear();
    if (Number.isNaN(d.getTime()) || y < 1950 || y > 2049) {
      const i = issue('SIGNATURE_DATE_INVALID', { received: signingTime });
      throw new SesamError('ASSERTION', `${i.code}: ${i.message}`, { issues: [i] });
    }
    attributes.push(new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: d })] }));
  }
  // pkijs does not sort SET OF: order the attributes by their DER encoding (X.690 §11.6).
  const sorted = attributes
    .map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER()) }))
    .sort((x, y) => compare(x.der, y.der))
    .map((x) => x.a);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: alg(OID.sha256),
    signatureAlgorithm: alg(OID.sha256WithRSA),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [alg(OID.sha256)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert],
    signerInfos: [signerInfo],
  });
  const tbs = new Uint8Array((signerInfo.signedAttrs as pkijs.SignedAndUnsignedAttributes).toSchema().toBER());
  tbs[0] = 0x31; // signed over the SET OF encoding, not the [0] IMPLICIT tag (RFC 5652 §5.4)
  // A WebCrypto key signs data (it hashes inside); a card signs the digest. Same bytes either way.
  const signature = signer.signData !== undefined ? await signer.signData(tbs) : await signer.signDigest(await sha256(tbs));
  const modulusBytes = modulusLength(cert);
  if (modulusBytes !== undefined && signature.length !== modulusBytes) {
    const i = issue('SIGNATURE_LENGTH', { expected: String(modulusBytes), received: signature.length });
    throw new SesamError('IO', `${i.code}: ${i.message}`, { issues: [i] });
  }
  signerInfo.signature = new asn1js.OctetString({ valueHex: signature });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

function modulusLength(cert: pkijs.Certificate): number | undefined {
  try {
    const rsa = pkijs.RSAPublicKey.fromBER(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
    const m = rsa.modulus.valueBlock.valueHexView;
    return m[0] === 0 ? m.length - 1 : m.length;
  } catch {
    return undefined;
  }
}
