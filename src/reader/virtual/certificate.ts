/**
 * Fictitious self-signed X.509 v3 certificates for virtual cards (DER written by hand with the
 * BER-TLV writer, so the reader module needs neither pkijs nor openssl; keys and signatures
 * through WebCrypto). TEST USE ONLY.
 *
 * @see RFC 5280 §4.1 (Certificate, TBSCertificate); RFC 8017 §8.2 (RSASSA-PKCS1-v1_5)
 */
import { guardObject, guardString } from '../../core/guard/guard';
import { SesamError } from '../../core/issues/index';
import { arg, bytesArg } from '../assert';
import { concatBytes, hexBytes } from '../hex';
import { serializeBerTlv as tlv } from '../tlv';
import { rsaSignDigestInfo } from './rsa';
import { sha256, subtle } from '../../core/webcrypto';
import type { WebCryptoKey } from '../../core/webcrypto';

const SHA256_RSA = tlv('30', hexBytes('06 09 2A 86 48 86 F7 0D 01 01 0B'), hexBytes('05 00'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const name = (cn: string) =>
  tlv(
    '30',
    tlv('31', tlv('30', hexBytes('06 03 55 04 06'), tlv('13', utf8('FR')))),
    tlv('31', tlv('30', hexBytes('06 03 55 04 0A'), tlv('0C', utf8('TEST - carte virtuelle sesam-billing')))),
    tlv('31', tlv('30', hexBytes('06 03 55 04 03'), tlv('0C', utf8(cn)))),
  );

/** A WebCrypto key argument (checked as an object; WebCrypto itself checks its kind). */
const keyArg = (v: unknown, n: string): WebCryptoKey => arg(v, n, (x, p, i) => guardObject(x, p, i)) as unknown as WebCryptoKey;

/** Runs a WebCrypto step; a key of the wrong kind becomes an `ASSERTION` (a programmer error). */
async function webcrypto<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (cause) {
    throw new SesamError('ASSERTION', `${what}: WebCrypto refused the key (an RSA key pair made by createVirtualCpsKey is expected)`, { cause });
  }
}

/**
 * Signs a DigestInfo with RSASSA-PKCS1-v1_5 (type-1 padding + RSA private operation), as a card
 * does for PSO COMPUTE DIGITAL SIGNATURE.
 *
 * @param key - Extractable RSA private key (from `createVirtualCpsKey`).
 * @param digestInfo - DER DigestInfo.
 * @returns The signature.
 * @throws SesamError `ASSERTION` for a key that is not an extractable RSA private key or a DigestInfo too long.
 */
export async function signDigestInfo(key: WebCryptoKey, digestInfo: Uint8Array): Promise<Uint8Array> {
  const k = keyArg(key, 'key');
  const d = bytesArg(digestInfo, 'digestInfo', 512);
  return webcrypto('signDigestInfo', () => rsaSignDigestInfo(k, d));
}

/**
 * Builds a fictitious self-signed certificate (CA:TRUE, digitalSignature + keyCertSign),
 * valid 2025-01-01 → 2049-12-31 (fixed: no clock is read).
 *
 * @param privateKey - RSA private key (RSASSA-PKCS1-v1_5 / SHA-256).
 * @param publicKey - The matching public key (exportable).
 * @param commonName - Subject and issuer CN.
 * @param serial - Positive serial number bytes (default 01 + 7 bytes of the key digest).
 * @returns DER certificate.
 * @throws SesamError `ASSERTION` for keys WebCrypto refuses or a bad name / serial.
 */
export async function buildTestCertificate(privateKey: WebCryptoKey, publicKey: WebCryptoKey, commonName: string, serial?: Uint8Array): Promise<Uint8Array> {
  const priv = keyArg(privateKey, 'privateKey');
  const pub = keyArg(publicKey, 'publicKey');
  const cn = arg(commonName, 'commonName', (v, p, i) => guardString(v, p, i, { min: 1, max: 64 }));
  const sn0 = serial === undefined ? undefined : bytesArg(serial, 'serial', 20);
  const spki = new Uint8Array(await webcrypto('exportKey spki', () => subtle().exportKey('spki', pub)));
  const sn = sn0 ?? concatBytes(Uint8Array.of(0x01), (await sha256(spki)).subarray(0, 7));
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
    name(cn),
    tlv('30', tlv('17', utf8('250101000000Z')), tlv('17', utf8('491231235959Z'))),
    name(cn),
    spki,
    extensions,
  );
  const signature = new Uint8Array(await webcrypto('sign', () => subtle().sign('RSASSA-PKCS1-v1_5', priv, tbs)));
  return tlv('30', tbs, SHA256_RSA, tlv('03', Uint8Array.of(0), signature));
}
