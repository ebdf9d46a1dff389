/**
 * Attestation de tiers payant harmonisée (AMC): the 5 normalised fields from text (OCR, typing)
 * or from the DataMatrix of a picture, checked at the day of the day, ready for DRE routing and
 * the Annuaire AMC. The DataMatrix payload layout is not public: {@link MODELED_ATTESTATION_CODEC}
 * is a model behind the {@link AttestationPayloadCodec} port.
 *
 * @packageDocumentation
 */
export { ATTESTATION_CODES, ATTESTATION_REF } from './codes';
export type { AttestationCode } from './codes';
export { ATTESTATION_CODE_FIELDS, ATTESTATION_FIELD_LABELS, ATTESTATION_PATTERNS } from './model';
export type { AttestationCodeField, AttestationPayloadCodec, AttestationRouting, AttestationTiersPayant, AttestationTiersPayant02, PeriodeValidite, ValiditeAttestation } from './model';
export { attestationRoutingOf, validateAttestation } from './validate';
export type { AttestationCheckOptions } from './validate';
export { ATTESTATION_MAX_TEXT, parseAttestationText } from './text';
export type { ParseAttestationTextOptions } from './text';
export { ATTESTATION_MAX_PAYLOAD, MODELED_ATTESTATION_CODEC } from './modeledCodec';
export { parseAttestationPayload, serializeAttestationPayload } from './codec';
export type { AttestationPayloadOptions } from './codec';
export { ATTESTATION_MAX_IMAGE_BYTES, imageKind, readAttestationImage } from './image';
export type { DataMatrixDecoder, DecodedSymbol, ReadAttestationImageOptions } from './image';
export { createZxingDecoder } from './zxing';
export type { ZxingDecoderConfig } from './zxing';
