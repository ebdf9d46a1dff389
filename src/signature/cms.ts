/**
 * CMS SignedData (RFC 5652), detached, built around an external signer (the CPS card): the
 * signed attributes are DER-encoded here, their SHA-256 is given to `Signer.signDigest`, and the
 * raw RSASSA-PKCS1-v1_5 signature is inserted (LAB §6 "Path A": no key object at all).
 * With verify.ts, the only import sites of pkijs and asn1js.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { createIssueFactory, SesamError } from '../core/issues/index';
import { SIGNATURE_CODES } from './codes';
import { OID } from './oids';
import type { Signer } from './ports';

const issue = createIssueFactory(SIGNATURE_CODES);

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
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
 * @throws SesamError `IO` when the signer's certificate is unreadable or its signature has a bad length.
 * @example
 * const p7s = await buildCmsSignedData(fseBytes, cps.signer, { signingTime: '2025-03-01T10:00:00Z' });
 * @see RFC 5652 §5; LAB §6
 */
export async function buildCmsSignedData(payload: Uint8Array, signer: Signer, options: CmsOptions = {}): Promise<Uint8Array> {
  const certDer = await signer.certificate();
  let cert: pkijs.Certificate;
  try {
    cert = pkijs.Certificate.fromBER(certDer);
  } catch (cause) {
    const i = issue('SIGNATURE_CERTIFICATE_INVALID', { received: `${certDer.length} octets` });
    throw new SesamError('IO', `${i.code}: ${i.message}`, { issues: [i], cause });
  }
  const attributes: pkijs.Attribute[] = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(payload) })] }),
  ];
  if (options.signingTime !== undefined) {
    const d = new Date(options.signingTime);
    const y = d.getUTCFullYear();
    if (Number.isNaN(d.getTime()) || y < 1950 || y > 2049) {
      const i = issue('SIGNATURE_DATE_INVALID', { received: options.signingTime });
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
  const signature = await signer.signDigest(sha256(tbs));
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
