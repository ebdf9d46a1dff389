/**
 * CPS3 / CPS4 command APDUs and the card profile (references that real cards publish in their
 * PKCS#15 structure).
 *
 * @see SPECS §5.2 (ANS dops-cryptolib card-cps3.c / card-cps4.c)
 */
import type { CommandApdu } from '../apdu';
import { concatBytes, hexBytes } from '../hex';

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
  return { cla: 0, ins: 0xa4, p1: 0x09, p2: 0x0c, data: hexBytes(path) };
}

/**
 * SELECT an EF by FID under the current DF, no response data (`00 A4 02 0C`).
 *
 * @param fid - FID as hex ('C000').
 * @returns The command.
 */
export function selectFid(fid: string): CommandApdu {
  return { cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: hexBytes(fid) };
}

/**
 * READ BINARY of the current EF (`00 B0 offset Le`).
 *
 * @param offset - Offset (0..32767).
 * @param le - Length.
 * @returns The command.
 */
export function readBinary(offset: number, le: number): CommandApdu {
  return { cla: 0, ins: 0xb0, p1: (offset >> 8) & 0x7f, p2: offset & 0xff, le };
}

/**
 * GET DATA of the PIN counters: `00 CB 3F FF` data `4D 08 70 06 BF 81 <ref> 02 A0 80`.
 *
 * @param pinRef - PIN reference.
 * @returns The command.
 */
export function getPinCounters(pinRef: number): CommandApdu {
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
  return { cla: 0, ins: 0x2a, p1: 0x9e, p2: 0x9a, data: concatBytes(SHA256_DIGEST_INFO_PREFIX, digest), le: 256 };
}
