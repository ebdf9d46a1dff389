/**
 * CPS3 / CPS4 command APDUs and the card profile (references that real cards publish in their
 * PKCS#15 structure).
 *
 * Builders are programmer-facing primitives: a wrong argument throws `SesamError` `ASSERTION`.
 *
 * @see ANS — CPS3/CPS4 spécifications (dops-cryptolib: card-cps3.c / card-cps4.c); ISO/IEC 7816-4:2013 §11
 */
import { field, guardEnum, guardInteger, guardObject, guardString } from '../../core/guard/guard';
import type { GuardOptions } from '../../core/guard/guard';
import type { Issue, IssuePath } from '../../core/issues/index';
import type { CommandApdu } from '../apdu';
import { arg, byteArg, bytesArg, hexArg, intArg } from '../assert';
import { concatBytes, hexBytes } from '../hex';
import { SesamError } from '../../core/issues/index';

/** PKCS#15 application of CPS3 / CPS4 (contact). */
export const CPS_PKCS15_AID = hexBytes('E8 28 BD 08 0F 80 25 00 00 01 FF 00 10');
/** PKCS#15 application of CPS3 contactless. */
export const CPS_PKCS15_AID_CONTACTLESS = hexBytes('E8 28 BD 08 0F 80 25 00 00 01 FF 00 20');
/** ANS issuer bytes in EF.SN.ICC (bytes 3-7). */
export const ANS_ISSUER = hexBytes('80 25 00 00 01');

/**
 * References of a CPS that the driver reads from PKCS#15 on real cards. MODELED: the defaults
 * are those of the virtual CPS shipped here (no public source gives the values of real cards);
 * pass the values from the card's PKCS#15 objects (or the ANS Cryptolib documentation).
 */
export interface CpsProfile {
  /** PIN reference for VERIFY P2 and GET DATA (default 0x01). */
  readonly pinRef: number;
  /** PIN block length; the PIN is padded to it (default 8). */
  readonly pinBlockLength: number;
  /** Padding byte (default 0xFF). */
  readonly pinPadByte: number;
  /** Signature key reference in MSE SET (default 0x84). */
  readonly signKeyRef: number;
  /** Algorithm reference in MSE SET for RSA PKCS#1 v1.5 over a DigestInfo (default 0x02). */
  readonly signAlgorithmRef: number;
  /** FID of the signature certificate EF inside the PKCS#15 application (default 'C000'). */
  readonly certificateFid: string;
  /** READ BINARY chunk size (card-cps3.c: max_recv_size 0xE7). */
  readonly readChunk: number;
}

/** Default (modeled) profile; see `CpsProfile`. */
export const DEFAULT_CPS_PROFILE: CpsProfile = {
  pinRef: 0x01,
  pinBlockLength: 8,
  pinPadByte: 0xff,
  signKeyRef: 0x84,
  signAlgorithmRef: 0x02,
  certificateFid: 'C000',
  readChunk: 0xe7,
};

/**
 * SELECT by path from the MF, no response data (`00 A4 09 0C`).
 *
 * @param path - FIDs after 3F00, as hex ('D003').
 * @returns The command.
 */
export function selectPath(path: string): CommandApdu {
  return { cla: 0, ins: 0xa4, p1: 0x09, p2: 0x0c, data: fids(path, 'path') };
}

/**
 * SELECT an EF by FID under the current DF, no response data (`00 A4 02 0C`).
 *
 * @param fid - FID as hex ('C000').
 * @returns The command.
 */
export function selectFid(fid: string): CommandApdu {
  const data = hexBytes(hexArg(fid, 'fid'));
  if (data.length !== 2) throw new SesamError('ASSERTION', `fid: 2 bytes expected, got ${data.length}`);
  return { cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data };
}

/** FIDs as hex: whole 2-byte FIDs, 1 to 127 of them. */
function fids(text: unknown, name: string): Uint8Array {
  const data = hexBytes(hexArg(text, name));
  if (data.length === 0 || data.length % 2 !== 0 || data.length > 254) throw new SesamError('ASSERTION', `${name}: whole 2-byte FIDs expected, got ${data.length} bytes`);
  return data;
}

/**
 * READ BINARY of the current EF (`00 B0 offset Le`).
 *
 * @param offset - Offset (0..32767).
 * @param le - Length.
 * @returns The command.
 */
export function readBinary(offset: number, le: number): CommandApdu {
  intArg(offset, 'offset', 0, 0x7fff);
  intArg(le, 'le', 1, 256);
  return { cla: 0, ins: 0xb0, p1: (offset >> 8) & 0x7f, p2: offset & 0xff, le };
}

/**
 * GET DATA of the PIN counters: `00 CB 3F FF` data `4D 08 70 06 BF 81 <ref> 02 A0 80` (named after
 * the ISO command, like the other builders; `readPinCounters` sends it).
 *
 * @param pinRef - PIN reference (0..255).
 * @returns The command.
 */
export function getDataPinCounters(pinRef: number): CommandApdu {
  byteArg(pinRef, 'pinRef');
  return { cla: 0, ins: 0xcb, p1: 0x3f, p2: 0xff, data: Uint8Array.of(0x4d, 0x08, 0x70, 0x06, 0xbf, 0x81, pinRef & 0xff, 0x02, 0xa0, 0x80), le: 256 };
}

/**
 * VERIFY (`00 20 00 <ref>`). The command is marked sensitive: never traced, wiped after sending.
 *
 * @param pinRef - PIN reference.
 * @param block - The padded PIN block (the caller wipes it).
 * @returns The command.
 */
export function verify(pinRef: number, block: Uint8Array): CommandApdu {
  byteArg(pinRef, 'pinRef');
  bytesArg(block, 'block', 255);
  return { cla: 0, ins: 0x20, p1: 0, p2: pinRef & 0xff, data: block, sensitive: true };
}

/**
 * MSE SET for signing. CPS3: `00 22 41 B6` data `80 01 <alg> 84 01 <key>`;
 * CPS4: `00 22 81 B6` data `91 02 <alg> <key|0x80>`.
 *
 * @param generation - 'cps3' or 'cps4'.
 * @param profile - Algorithm and key references.
 * @returns The command.
 */
export function mseSetSign(generation: 'cps3' | 'cps4', profile: CpsProfile): CommandApdu {
  arg(generation, 'generation', (v, p, i) => guardEnum(v, ['cps3', 'cps4'], p, i));
  profile = arg(profile, 'profile', (v, p, i) => guardCpsProfile(v, p, i, { required: true }));
  if (generation === 'cps4') {
    return { cla: 0, ins: 0x22, p1: 0x81, p2: 0xb6, data: Uint8Array.of(0x91, 0x02, profile.signAlgorithmRef, profile.signKeyRef | 0x80) };
  }
  return { cla: 0, ins: 0x22, p1: 0x41, p2: 0xb6, data: Uint8Array.of(0x80, 0x01, profile.signAlgorithmRef, 0x84, 0x01, profile.signKeyRef) };
}

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2 note 1). */
export const SHA256_DIGEST_INFO_PREFIX = hexBytes('30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20');

/**
 * PSO COMPUTE DIGITAL SIGNATURE over a SHA-256 DigestInfo (`00 2A 9E 9A`, Le 256).
 *
 * @param digest - 32-byte SHA-256 digest.
 * @returns The command.
 */
export function psoComputeSignature(digest: Uint8Array): CommandApdu {
  if (bytesArg(digest, 'digest', 64).length !== 32) throw new SesamError('ASSERTION', `digest: 32 bytes (SHA-256) expected, got ${digest.length}`);
  return { cla: 0, ins: 0x2a, p1: 0x9e, p2: 0x9a, data: concatBytes(SHA256_DIGEST_INFO_PREFIX, digest), le: 256 };
}

const byte = { min: 0, max: 255, required: false } as const;

/**
 * A (partial) `CpsProfile` completed with `DEFAULT_CPS_PROFILE`.
 *
 * @param v - Caller value (absent = the defaults).
 * @param path - Where it sits.
 * @param issues - Collector.
 * @param options - `required: false` is the default here.
 * @returns The full profile, or `undefined` after an `INPUT_*` issue.
 */
export function guardCpsProfile(v: unknown, path: IssuePath, issues: Issue[], options: GuardOptions = { required: false }): CpsProfile | undefined {
  if (v === undefined && options.required === false) return DEFAULT_CPS_PROFILE;
  const o = guardObject(v, path, issues, options);
  if (o === undefined) return undefined;
  const before = issues.length;
  const pick = <K extends keyof CpsProfile>(k: K, x: CpsProfile[K] | undefined): Partial<CpsProfile> => (x === undefined ? {} : { [k]: x });
  const profile: CpsProfile = {
    ...DEFAULT_CPS_PROFILE,
    ...pick('pinRef', guardInteger(field(o, 'pinRef'), [...path, 'pinRef'], issues, byte)),
    ...pick('pinBlockLength', guardInteger(field(o, 'pinBlockLength'), [...path, 'pinBlockLength'], issues, { min: 4, max: 64, required: false })),
    ...pick('pinPadByte', guardInteger(field(o, 'pinPadByte'), [...path, 'pinPadByte'], issues, byte)),
    ...pick('signKeyRef', guardInteger(field(o, 'signKeyRef'), [...path, 'signKeyRef'], issues, byte)),
    ...pick('signAlgorithmRef', guardInteger(field(o, 'signAlgorithmRef'), [...path, 'signAlgorithmRef'], issues, byte)),
    ...pick('certificateFid', guardString(field(o, 'certificateFid'), [...path, 'certificateFid'], issues, { required: false, pattern: /^[0-9A-Fa-f]{4}$/, expected: 'FID de 4 chiffres hexadécimaux' })),
    ...pick('readChunk', guardInteger(field(o, 'readChunk'), [...path, 'readChunk'], issues, { min: 1, max: 65535, required: false })),
  };
  return issues.length === before ? profile : undefined;
}
