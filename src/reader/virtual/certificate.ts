/**
 * Fictitious self-signed X.509 v3 certificates for virtual cards (DER written by hand with the
 * BER-TLV writer, so the reader module needs neither pkijs nor openssl). TEST USE ONLY.
 */
import { createHash, privateEncrypt, constants } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { concatBytes, hexBytes } from '../hex';
import { serializeBerTlv as tlv } from '../tlv';
import { SHA256_DIGEST_INFO_PREFIX } from '../cps/commands';

const SHA256_RSA = tlv('30', hexBytes('06 09 2A 86 48 86 F7 0D 01 01 0B'), hexBytes('05 00'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const name = (cn: string) =>
  tlv(
    '30',
    tlv('31', tlv('30', hexBytes('06 03 55 04 06'), tlv('13', utf8('FR')))),
    tlv('31', tlv('30', hexBytes('06 03 55 04 0A'), tlv('0C', utf8('TEST - carte virtuelle sesam-billing')))),
    tlv('31', tlv('30', hexBytes('06 03 55 04 03'), tlv('0C', utf8(cn)))),
  );

/**
 * Signs a SHA-256 digest with RSASSA-PKCS1-v1_5 (DigestInfo + type-1 padding), as a card does.
 *
 * @param key - RSA private key.
 * @param digestInfo - DER DigestInfo.
 * @returns The signature.
 */
export function signDigestInfo(key: KeyObject, digestInfo: Uint8Array): Uint8Array {
  return new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo));
}

/**
 * Builds a fictitious self-signed certificate (CA:TRUE, digitalSignature + keyCertSign),
 * valid 2025-01-01 → 2049-12-31 (fixed: no clock is read).
 *
 * @param privateKey - RSA private key.
 * @param publicKey - The matching public key.
 * @param commonName - Subject and issuer CN.
 * @param serial - Positive serial number bytes (default 01 + 7 bytes of the key digest).
 * @returns DER certificate.
 */
export function buildTestCertificate(privateKey: KeyObject, publicKey: KeyObject, commonName: string, serial?: Uint8Array): Uint8Array {
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const sn = serial ?? concatBytes(Uint8Array.of(0x01), createHash('sha256').update(spki).digest().subarray(0, 7));
  const extensions = tlv(
    'A3',
    tlv(
      '30',
      tlv('30', hexBytes('06 03 55 1D 13 01 01 FF'), tlv('04', tlv('30', hexBytes('01 01 FF')))),
      tlv('30', hexBytes('06 03 55 1D 0F 01 01 FF'), tlv('04', hexBytes('03 02 01 86'))),
    ),
  );
  const tbs = tlv(
    '30',
    hexBytes('A0 03 02 01 02'),
    tlv('02', sn),
    SHA256_RSA,
    name(commonName),
    tlv('30', tlv('17', utf8('250101000000Z')), tlv('17', utf8('491231235959Z'))),
    name(commonName),
    spki,
    extensions,
  );
  const digest = createHash('sha256').update(tbs).digest();
  const signature = signDigestInfo(privateKey, concatBytes(SHA256_DIGEST_INFO_PREFIX, digest));
  return tlv('30', tbs, SHA256_RSA, tlv('03', Uint8Array.of(0), signature));
}
