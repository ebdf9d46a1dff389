/**
 * Opening a CPS: recognise it by ATR, read EF.SN.ICC and the certificate once, then offer PIN
 * counters, VERIFY (PIN policy) and a `Signer` whose signature costs exactly 2 APDUs
 * (MSE SET + PSO COMPUTE DIGITAL SIGNATURE) inside one exclusive use of the card.
 *
 * @see SPECS §5.2
 */
import { SesamError, ok } from '../../core/issues/index';
import type { Result } from '../../core/issues/index';
import { formatSw, SW_OK } from '../apdu';
import { identifyCard } from '../atr';
import type { CardKind } from '../atr';
import { createApduChannel } from '../channel';
import type { ApduChannel, ApduTraceEntry } from '../channel';
import { cardError } from '../errors';
import { formatHex } from '../hex';
import type { CardAccess, ExclusiveOptions } from '../transport';
import { CPS_PKCS15_AID, DEFAULT_CPS_PROFILE, mseSetSign, psoComputeSignature } from './commands';
import type { CpsProfile } from './commands';
import { readPinCounters, verifyPin } from './pin';
import type { PinCounters, VerifyPinOptions } from './pin';
import { readCpsCertificate, readCpsSerial, readSituations } from './readCps';
import type { SituationPs } from './situation';
import { selectAid } from '../vitale/readVitale';

/** Structurally a `Signer` of `sesam-billing/signature` (reader does not import signature). */
export interface CardSigner {
  readonly id: string;
  readonly algorithm: 'RSASSA-PKCS1-v1_5-SHA256';
  certificate(): Promise<Uint8Array>;
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
}

/** An opened CPS. */
export interface CpsSession {
  readonly reader: string;
  readonly kind: CardKind;
  readonly label: string;
  /** EF.SN.ICC serial ('8025000001…'). */
  readonly serialNumber: string;
  /** Signature certificate, DER. */
  readonly certificate: Uint8Array;
  /** Reads the PIN counters (presents nothing). */
  pinCounters(options?: ExclusiveOptions): Promise<PinCounters>;
  /** Presents the PIN once under the PIN policy; wipes `pin`. See `verifyPin`. */
  verifyPin(pin: Uint8Array, options?: VerifyPinOptions & ExclusiveOptions): Promise<Result<PinCounters>>;
  /** Reads the modeled situation files. */
  readSituations(options?: ExclusiveOptions): Promise<Result<readonly SituationPs[]>>;
  /** Signs SHA-256 digests with the card: MSE SET + PSO CDS (2 APDUs). */
  readonly signer: CardSigner;
}

/** Options of `openCps`. */
export interface OpenCpsOptions extends ExclusiveOptions {
  /** Card references (modeled defaults, see `CpsProfile`). */
  readonly profile?: Partial<CpsProfile>;
  /** Receives every APDU exchange (PIN data redacted). */
  readonly trace?: (entry: ApduTraceEntry) => void;
}

/**
 * Opens the CPS in a reader: checks the ATR, selects the PKCS#15 application, reads the serial
 * number and the certificate.
 *
 * @param access - The reader's card access (PC/SC or virtual).
 * @param options - Profile, trace, wait limit.
 * @returns The session; `CARD_CPS_ISSUER` when EF.SN.ICC is not ANS's. Throws `CARD_WRONG_KIND`
 *   for a Vitale, `CARD_UNSUPPORTED` for a contactless CPS3 (no signature without contact).
 */
export async function openCps(access: CardAccess, options: OpenCpsOptions = {}): Promise<Result<CpsSession>> {
  const profile: CpsProfile = { ...DEFAULT_CPS_PROFILE, ...options.profile };
  const channelOf = (t: Parameters<Parameters<CardAccess['exclusive']>[0]>[0]): ApduChannel =>
    createApduChannel(t, options.trace === undefined ? {} : { trace: options.trace });
  const opened = await access.exclusive(async (t) => {
    const id = identifyCard(t.atr);
    if (id.family === 'vitale') throw cardError('CARD_WRONG_KIND', { expected: 'CPS', received: id.label });
    if (id.kind === 'cps3-contactless') throw cardError('CARD_UNSUPPORTED', { received: id.label });
    if (id.family !== 'cps') throw cardError('CARD_UNKNOWN', { received: formatHex(t.atr) });
    const ch = channelOf(t);
    const serial = await readCpsSerial(ch);
    if (!serial.ok) return { id, serial };
    await ch.expect(selectAid(CPS_PKCS15_AID, 0x0c), 'SELECT PKCS#15');
    return { id, serial, certificate: await readCpsCertificate(ch, profile) };
  }, options);
  if (!opened.serial.ok) return opened.serial;
  const { id } = opened;
  const certificate = opened.certificate ?? new Uint8Array(0);
  const generation = id.kind === 'cps4' ? 'cps4' : 'cps3';
  const signer: CardSigner = {
    id: `cps-card:${opened.serial.value}`,
    algorithm: 'RSASSA-PKCS1-v1_5-SHA256',
    certificate: () => Promise.resolve(certificate.slice()),
    signDigest: (digest) => {
      if (digest.length !== 32) return Promise.reject(new SesamError('ASSERTION', `signDigest expects a 32-byte SHA-256 digest, got ${digest.length}`));
      return access.exclusive(async (t) => {
        const ch = channelOf(t);
        await ch.expect(mseSetSign(generation, profile), 'MSE SET (signature)');
        const r = await ch.send(psoComputeSignature(digest));
        if (r.sw === SW_OK) return r.data;
        if (r.sw === 0x6982) throw cardError('PIN_NOT_VERIFIED');
        throw cardError('APDU_STATUS', { expected: 'PSO COMPUTE DIGITAL SIGNATURE', received: formatSw(r.sw) });
      });
    },
  };
  return ok({
    reader: access.reader,
    kind: id.kind,
    label: id.label,
    serialNumber: opened.serial.value,
    certificate,
    pinCounters: (o) => access.exclusive((t) => readPinCounters(channelOf(t), profile.pinRef), o),
    verifyPin: (pin, o = {}) => access.exclusive((t) => verifyPin(channelOf(t), pin, profile, o), o).finally(() => pin.fill(0)),
    readSituations: (o) =>
      access.exclusive(async (t) => {
        const ch = channelOf(t);
        const r = await readSituations(ch);
        await ch.expect(selectAid(CPS_PKCS15_AID, 0x0c), 'SELECT PKCS#15'); // back to the signing application
        return r;
      }, o),
    signer,
  });
}
