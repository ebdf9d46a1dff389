/**
 * signature: Signer / Securer ports and CMS SignedData built and verified (pkijs + asn1js: their only import site).
 */
export type { SecuredKind, Securer, SecuringRequest, SecuringResult, Signer } from './ports';
export { SIGNATURE_CODES } from './codes';
export type { CmsOptions } from './cms';
export { buildCmsSignedData } from './cms';
export { createCmsSecurer } from './securer';
export type { CmsSecurerOptions } from './securer';
export type { CmsVerification, CmsVerifyOptions } from './verify';
export { verifyCmsSignedData } from './verify';
export type { SoftwareSignerOptions } from './softwareSigner';
export { createSoftwareSigner, derToPem, pemToDer } from './softwareSigner';
