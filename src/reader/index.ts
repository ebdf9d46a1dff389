/**
 * reader: pure APDU layer (ISO 7816-4, T=0, TLV), Vitale 2 and CPS3/CPS4 commands, PIN policy,
 * reader arbitration, the `CardTransport` / `CardAccess` seams and in-process virtual cards.
 * The PC/SC adapter is at `sesam-billing/reader/pcsc` (the only code loading a native binding).
 */
export { READER_CODES } from './codes';
export type { ReaderCode } from './codes';
export { cardError, readerErrorCode } from './errors';
export { bytesEqual, concatBytes, formatHex, hexBytes } from './hex';
export type { CommandApdu, ResponseApdu } from './apdu';
export { formatCommandForTrace, formatSw, isSecretCommand, parseCommandApdu, parseResponseApdu, serializeCommandApdu, serializeResponseApdu, SECRET_INS, SW_OK } from './apdu';
export type { Tlv } from './tlv';
export { findTlv, parseBerTlv, parseSimpleTlv, serializeBerTlv, serializeSimpleTlv } from './tlv';
export type { CardAccess, CardTransport, ExclusiveOptions } from './transport';
export type { ApduChannel, ApduChannelOptions, ApduCounters, ApduTraceEntry } from './channel';
export { createApduChannel } from './channel';
export type { AtrPattern, CardFamily, CardIdentity, CardKind } from './atr';
export { ATR_PATTERNS, familyOf, identifyCard } from './atr';
export type { AcquireOptions, CardQueue, Lease } from './arbiter';
export { createCardQueue } from './arbiter';
export type { BeneficiaireCarte, CarteVitale } from './vitale/beneficiaires';
export { parseCarteVitale } from './vitale/beneficiaires';
export { isValidNir } from './vitale/nir';
export type { ReadCarteVitaleOptions } from './vitale/readCarteVitale';
export { MF_VITALE_AID, readBinarySfi, readCarteVitale, SELECT_MF, selectAid, VITALE_AID } from './vitale/readCarteVitale';
export type { CpsProfile } from './cps/commands';
export {
  ANS_ISSUER,
  CPS_PKCS15_AID,
  CPS_PKCS15_AID_CONTACTLESS,
  DEFAULT_CPS_PROFILE,
  getDataPinCounters,
  mseSetSign,
  psoComputeSignature,
  readBinary,
  selectFid,
  selectPath,
  SHA256_DIGEST_INFO_PREFIX,
  verify,
} from './cps/commands';
export type { PinCounters, VerifyPinOptions } from './cps/pin';
export { parsePinCounters, readPinCounters, verifyPin } from './cps/pin';
export type { SituationPs } from './cps/situation';
export { parseSituationPs, SITUATION_PATHS } from './cps/situation';
export { parseCpsSerial, readCpsCertificate, readCpsSerial, readDerFile, readSituations } from './cps/readCps';
export type { CardSigner, CpsSession, OpenCpsOptions } from './cps/openCps';
export { openCps } from './cps/openCps';
export * from './virtual/index';
