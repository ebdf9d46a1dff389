/**
 * signature: Signer / Securer ports and CMS SignedData (pkijs + asn1js: their only import site).
 */
export type { SecuredKind, Securer, SecuringRequest, SecuringResult, Signer } from './ports';
