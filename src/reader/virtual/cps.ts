/**
 * Virtual CPS (CPS4 ATR by default, answers like a T=1 card): EF.SN.ICC, PKCS#15 application
 * with the signature certificate, a software RSA-2048 key, PIN counters (GET DATA 00 CB 3F FF),
 * VERIFY with a counter that blocks after `maxTries` wrong presentations (default 3), MSE SET +
 * PSO COMPUTE DIGITAL SIGNATURE over a DigestInfo, and (modeled) situation files.
 * Every value is fictitious. TEST / DEMO USE ONLY.
 */
import { field, guardArray, guardBytes, guardEnum, guardInteger, guardObject, guardString } from '../../core/guard/guard';
import { SesamError } from '../../core/issues/index';
import type { Issue, IssuePath } from '../../core/issues/index';
import type { CommandApdu } from '../apdu';
import { arg } from '../assert';
import { CPS_PKCS15_AID, guardCpsProfile } from '../cps/commands';
import type { CpsProfile } from '../cps/commands';
import type { SituationPs } from '../cps/situation';
import { bytesEqual, concatBytes, hexBytes } from '../hex';
import { serializeBerTlv, serializeSimpleTlv } from '../tlv';
import { buildTestCertificate, signDigestInfo } from './certificate';
import { subtle } from '../../core/webcrypto';
import type { WebCryptoKey } from '../../core/webcrypto';
import { createFileCard } from './engine';
import type { VirtualCard, VirtualResponse } from './engine';

/** A (modeled) situation written on the virtual CPS: what `readSituations` reads back, minus its index. */
export type VirtualSituation = Omit<SituationPs, 'index'>;

/** A software key (WebCrypto, RSASSA-PKCS1-v1_5 / SHA-256, extractable: the card simulates RSASP1) and its certificate. */
export interface VirtualCpsKey {
  readonly privateKey: WebCryptoKey;
  readonly publicKey: WebCryptoKey;
  readonly certificate: Uint8Array;
}

/** Options of `createVirtualCps`. */
export interface VirtualCpsOptions {
  /** PIN (ASCII digits). */
  readonly pin: string;
  readonly generation?: 'cps3' | 'cps4';
  /** 10 bytes after the 2-byte header of EF.SN.ICC, hex; must start with 8025000001 for an ANS card. */
  readonly serial?: string;
  /** The card key; default: the shared fictitious key of the process (see `createVirtualCpsKey` for a distinct one). */
  readonly key?: VirtualCpsKey;
  readonly maxTries?: number;
  readonly situations?: readonly VirtualSituation[];
  readonly profile?: Partial<CpsProfile>;
  readonly atr?: Uint8Array;
}

/** A virtual CPS with test hooks. */
export interface VirtualCps extends VirtualCard {
  readonly key: VirtualCpsKey;
  /** Tries left (test inspection). */
  triesLeft(): number;
}

/** CPS4 ATR (ISO/IEC 7816-4 ; ANS, cartes CPS3/CPS4 (bibliothèque CPS publiée par l’ANS)). */
export const VIRTUAL_CPS4_ATR = hexBytes('3B 9B 18 80 01 00 12 25 00 64 80 04 01 00 00 90 44');
/** CPS3 contact ATR (ISO/IEC 7816-4 ; ANS, cartes CPS3/CPS4 (bibliothèque CPS publiée par l’ANS)). */
export const VIRTUAL_CPS3_ATR = hexBytes('3B AC 00 40 2A 00 12 25 00 64 80 00 03 10 00 90 00');

/**
 * Generates a software RSA-2048 key (`crypto.subtle.generateKey`) and a fictitious self-signed
 * certificate. Async since WebCrypto is.
 *
 * @param commonName - Certificate CN: starts with `TEST` (the certificate says it is fictitious),
 *   then capitals, digits, spaces, `-`, `.` or `'` (at most 64 characters).
 * @returns The key pair and certificate.
 * @throws SesamError `ASSERTION` for a bad common name.
 * @example const key = await createVirtualCpsKey('TEST CPS4 VIRTUELLE');
 */
export async function createVirtualCpsKey(commonName = 'TEST CPS VIRTUELLE'): Promise<VirtualCpsKey> {
  const cn = arg(commonName, 'commonName', (v, p, i) => guardString(v, p, i, { max: 64, pattern: /^TEST[ A-Z0-9.'-]*$/, expected: 'nom commençant par TEST (majuscules, chiffres, espaces)' }));
  const pair = (await subtle().generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as { privateKey: WebCryptoKey; publicKey: WebCryptoKey };
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, certificate: await buildTestCertificate(pair.privateKey, pair.publicKey, cn) };
}

let sharedDefaultKey: Promise<VirtualCpsKey> | undefined;

/**
 * The one fictitious key of virtual CPSs created without `key` (generated once per process:
 * RSA-2048 generation costs 0.1–2 s). Pass `key` to get a card with its own key.
 */
function defaultKey(): Promise<VirtualCpsKey> {
  sharedDefaultKey ??= createVirtualCpsKey();
  sharedDefaultKey.catch(() => (sharedDefaultKey = undefined));
  return sharedDefaultKey;
}

const SITUATION_KEYS = ['typeIdentification', 'identifiantNational', 'nom', 'prenom', 'numeroFacturation', 'codeConventionnel', 'codeSpecialite', 'secteurActivite'] as const;

/** Guard (shared style) of `VirtualCpsOptions` (the key is checked as an object with a certificate). */
function guardVirtualCpsOptions(v: unknown, path: IssuePath, issues: Issue[]): VirtualCpsOptions | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardString(field(o, 'pin'), [...path, 'pin'], issues, { pattern: /^[0-9]{4,8}$/, expected: '4 à 8 chiffres' });
  guardEnum(field(o, 'generation'), ['cps3', 'cps4'], [...path, 'generation'], issues, { required: false });
  guardString(field(o, 'serial'), [...path, 'serial'], issues, { required: false, pattern: /^[0-9A-Fa-f]{20}$/, expected: '20 chiffres hexadécimaux' });
  const key = guardObject(field(o, 'key'), [...path, 'key'], issues, { required: false });
  if (key !== undefined) {
    guardObject(field(key, 'privateKey'), [...path, 'key', 'privateKey'], issues);
    guardBytes(field(key, 'certificate'), [...path, 'key', 'certificate'], issues, { max: 32_767 });
  }
  guardInteger(field(o, 'maxTries'), [...path, 'maxTries'], issues, { min: 1, max: 15, required: false });
  const situations = guardArray(field(o, 'situations'), [...path, 'situations'], issues, { required: false, max: 16 });
  situations?.forEach((s, i) => {
    const so = guardObject(s, [...path, 'situations', i], issues);
    if (so !== undefined) for (const k of SITUATION_KEYS) guardString(field(so, k), [...path, 'situations', i, k], issues, { max: 255 });
  });
  guardCpsProfile(field(o, 'profile'), [...path, 'profile'], issues);
  guardBytes(field(o, 'atr'), [...path, 'atr'], issues, { required: false, max: 33 });
  return issues.length === before ? (o as unknown as VirtualCpsOptions) : undefined;
}

const ascii = (s: string) => new TextEncoder().encode(s);

/**
 * Creates a virtual CPS. Async: without `key`, the card uses the process's shared fictitious
 * key (generated once with WebCrypto).
 *
 * @param options - PIN, generation, key, situations…
 * @returns The card.
 * @throws SesamError `ASSERTION` for malformed options.
 * @example const card = await createVirtualCps({ pin: '1234', key: await createVirtualCpsKey() });
 */
export async function createVirtualCps(options: VirtualCpsOptions): Promise<VirtualCps> {
  const o = arg(options, 'options', guardVirtualCpsOptions);
  const profile: CpsProfile = arg(o.profile, 'profile', (v, p, i) => guardCpsProfile(v, p, i));
  const generation = o.generation ?? 'cps4';
  const key = o.key ?? (await defaultKey());
  const maxTries = o.maxTries ?? 3;
  if (o.pin.length > profile.pinBlockLength) throw new SesamError('ASSERTION', `pin: at most ${profile.pinBlockLength} digits for this profile`);
  const pinBlock = new Uint8Array(profile.pinBlockLength).fill(profile.pinPadByte);
  pinBlock.set(ascii(o.pin));
  let left = maxTries;
  let verified = false;
  let mse = false;
  const situations = (o.situations ?? []).map((s, i) => ({
    fid: `D12${i.toString(16).toUpperCase()}`,
    data: concatBytes(
      ...SITUATION_KEYS.map((k, t) =>
        serializeSimpleTlv((0x80 + t).toString(16).toUpperCase(), ascii(s[k])),
      ),
    ),
  }));

  const handle = async (c: CommandApdu): Promise<VirtualResponse | undefined> => {
    switch (c.ins) {
      case 0xcb: {
        const ref = c.data?.[6] ?? 0;
        if (c.p1 !== 0x3f || c.p2 !== 0xff || ref !== profile.pinRef) return { sw: 0x6a88 };
        const counters = serializeBerTlv('A0', hexBytes('9A 01'), Uint8Array.of(maxTries), hexBytes('9B 01'), Uint8Array.of(left));
        return { data: serializeBerTlv('70', serializeBerTlv(`BF81${ref.toString(16).padStart(2, '0').toUpperCase()}`, counters)), sw: 0x9000 };
      }
      case 0x20: {
        if (c.p2 !== profile.pinRef) return { sw: 0x6a88 };
        if (left === 0) return { sw: 0x6983 };
        if (c.data === undefined) return { sw: verified ? 0x9000 : 0x63c0 | left };
        if (bytesEqual(c.data, pinBlock)) {
          left = maxTries;
          verified = true;
          return { sw: 0x9000 };
        }
        left--;
        verified = false;
        return { sw: 0x63c0 | left };
      }
      case 0x22: {
        const ok = generation === 'cps4' ? c.p1 === 0x81 && c.p2 === 0xb6 : c.p1 === 0x41 && c.p2 === 0xb6;
        mse = ok;
        return { sw: ok ? 0x9000 : 0x6a86 };
      }
      case 0x2a: {
        if (c.p1 !== 0x9e || c.p2 !== 0x9a) return { sw: 0x6a86 };
        if (!verified) return { sw: 0x6982 };
        if (!mse) return { sw: 0x6985 };
        if (c.data === undefined || c.data.length > 2048 / 8 - 11) return { sw: 0x6700 };
        return { data: await signDigestInfo(key.privateKey, c.data), sw: 0x9000 };
      }
      default:
        return undefined;
    }
  };

  const card = createFileCard({
    atr: o.atr ?? (generation === 'cps4' ? VIRTUAL_CPS4_ATR : VIRTUAL_CPS3_ATR),
    label: `${generation.toUpperCase()} (virtuelle)`,
    t0: false,
    mf: {
      fid: '3F00',
      efs: [{ fid: 'D003', data: concatBytes(hexBytes('5A 0A'), hexBytes(o.serial ?? '80250000010000001234')) }],
      dfs: [
        { fid: '0001', efs: situations, dfs: [] },
        { aid: CPS_PKCS15_AID, efs: [{ fid: profile.certificateFid, data: key.certificate }], dfs: [] },
      ],
    },
    handle,
    onReset: () => {
      verified = false;
      mse = false;
    },
  });
  return { ...card, key, triesLeft: () => left };
}
