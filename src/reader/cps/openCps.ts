/**
 * Opening a CPS: recognise it by ATR, read EF.SN.ICC and the certificate once, then offer PIN
 * counters, VERIFY (PIN policy) and signing whose cost is exactly 2 APDUs (MSE SET + PSO
 * COMPUTE DIGITAL SIGNATURE) inside one exclusive use of the card.
 *
 * One error channel per operation: every answer of the card — wrong card, wrong PIN, PIN not
 * verified before signing, unexpected status — is a `Result` issue; only I/O failures (card
 * removed, reader busy, timeout) throw. `signer` is the `Signer` port of
 * `sesam-billing/signature`, whose contract is "bytes or throw": it throws a `SesamError`
 * carrying the very issue `sign` returns.
 *
 * @see ANS — CPS3/CPS4 spécifications (dops-cryptolib: PKCS#15 application, MSE SET, PSO CDS);
 *   ISO/IEC 7816-8 (PERFORM SECURITY OPERATION)
 */
import { field, guardBytes, guardFunction, guardObject, INPUT_CODES, inputErr } from '../../core/guard/guard';
import { createIssueFactory, err, ok, SesamError } from '../../core/issues/index';
import type { Issue, Result } from '../../core/issues/index';
import { formatSw, SW_OK } from '../apdu';
import { identifyCard } from '../atr';
import type { CardKind } from '../atr';
import { createApduChannel } from '../channel';
import type { ApduChannel, ApduTraceEntry } from '../channel';
import { readerIssue } from '../errors';
import { guardCardAccess, guardExclusiveOptions } from '../guards';
import { formatHex } from '../hex';
import type { CardAccess, CardTransport, ExclusiveOptions } from '../transport';
import { selectAid } from '../vitale/readCarteVitale';
import { CPS_PKCS15_AID, guardCpsProfile, mseSetSign, psoComputeSignature } from './commands';
import type { CpsProfile } from './commands';
import { readPinCounters, verifyPin } from './pin';
import type { PinCounters, VerifyPinOptions } from './pin';
import { readCpsCertificate, readCpsSerial, readSituations } from './readCps';
import type { SituationPs } from './situation';

/** Structurally a `Signer` of `sesam-billing/signature` (reader does not import signature). */
export interface CardSigner {
  readonly id: string;
  readonly algorithm: 'RSASSA-PKCS1-v1_5-SHA256';
  certificate(): Promise<Uint8Array>;
  /** Signs a SHA-256 digest; throws a `SesamError` carrying the issue `CpsSession.sign` would return. */
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
  /** Reads the PIN counters (presents nothing). See `readPinCounters`. */
  readPinCounters(options?: ExclusiveOptions): Promise<Result<PinCounters>>;
  /** Presents the PIN once under the PIN policy; wipes `pin`. See `verifyPin`. */
  verifyPin(pin: Uint8Array, options?: VerifyPinOptions & ExclusiveOptions): Promise<Result<PinCounters>>;
  /** Reads the modeled situation files. */
  readSituations(options?: ExclusiveOptions): Promise<Result<readonly SituationPs[]>>;
  /**
   * Signs a 32-byte SHA-256 digest with the card (MSE SET + PSO CDS, 2 APDUs): the raw
   * RSASSA-PKCS1-v1_5 signature, or `PIN_NOT_VERIFIED` (like `PIN_WRONG` from `verifyPin`),
   * `APDU_STATUS`, `INPUT_*` issues. I/O failures throw.
   */
  sign(digest: Uint8Array, options?: ExclusiveOptions): Promise<Result<Uint8Array>>;
  /** The same signing behind the `Signer` port (bytes or a thrown `SesamError` carrying the issue). */
  readonly signer: CardSigner;
}

/** Options of `openCps`. */
export interface OpenCpsOptions extends ExclusiveOptions {
  /** Card references (modeled defaults, see `CpsProfile`). */
  readonly profile?: Partial<CpsProfile>;
  /** Receives every APDU exchange (PIN data redacted). */
  readonly trace?: (entry: ApduTraceEntry) => void;
}

/** Fails with the issues of a failed result (the issue-carrying error of the `Signer` port). */
function orThrow<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const [first] = r.issues;
  throw new SesamError(first.code.startsWith('INPUT_') ? 'ASSERTION' : 'CARD', `${first.code}: ${first.message}`, { issues: r.issues });
}

/**
 * Opens the CPS in a reader: checks the ATR, selects the PKCS#15 application, reads the serial
 * number and the certificate.
 *
 * @param access - The reader's card access (PC/SC or virtual).
 * @param options - Profile, trace, wait limit.
 * @returns The session; issues `CARD_CPS_ISSUER` (EF.SN.ICC not ANS's), `CARD_WRONG_KIND` (a
 *   Vitale), `CARD_UNSUPPORTED` (contactless CPS3: no signature without contact), `CARD_UNKNOWN`,
 *   `APDU_STATUS` / `APDU_MALFORMED`. Throws only for I/O (`CARD_ABSENT`, `CARD_REMOVED`, …).
 * @example
 * const cps = unwrap(await openCps(pcsc.card(reader.name)));
 * const r = await cps.verifyPin(pinBytes);
 */
export async function openCps(access: CardAccess, options: OpenCpsOptions = {}): Promise<Result<CpsSession>> {
  const issues: Issue[] = [];
  const a = guardCardAccess(access, ['access'], issues);
  const o = guardObject(options, ['options'], issues);
  const profile = o === undefined ? undefined : guardCpsProfile(field(o, 'profile'), ['options', 'profile'], issues);
  const trace = o === undefined ? undefined : guardFunction(field(o, 'trace'), ['options', 'trace'], issues, { required: false });
  const wait = o === undefined ? undefined : guardExclusiveOptions(o, ['options'], issues);
  if (a === undefined || profile === undefined || wait === undefined || issues.length > 0) return inputErr(issues);
  const channelOf = (t: CardTransport): ApduChannel => createApduChannel(t, trace === undefined ? {} : { trace: trace as (e: ApduTraceEntry) => void });
  const opened = await a.exclusive(async (t): Promise<Result<{ kind: CardKind; label: string; serial: string; certificate: Uint8Array }>> => {
    const id = identifyCard(t.atr);
    if (id.family === 'vitale') return err(readerIssue('CARD_WRONG_KIND', { expected: 'CPS', received: id.label }));
    if (id.kind === 'cps3-contactless') return err(readerIssue('CARD_UNSUPPORTED', { received: id.label }));
    if (id.family !== 'cps') return err(readerIssue('CARD_UNKNOWN', { received: formatHex(t.atr) }));
    const ch = channelOf(t);
    const serial = await readCpsSerial(ch);
    if (!serial.ok) return serial;
    const sel = await ch.send(selectAid(CPS_PKCS15_AID, 0x0c));
    if (sel.sw !== SW_OK) return err(readerIssue('APDU_STATUS', { expected: 'SELECT PKCS#15', received: formatSw(sel.sw) }));
    const certificate = await readCpsCertificate(ch, profile);
    if (!certificate.ok) return certificate;
    return ok({ kind: id.kind, label: id.label, serial: serial.value, certificate: certificate.value });
  }, wait);
  if (!opened.ok) return opened;
  const { kind, label, serial, certificate } = opened.value;
  const generation = kind === 'cps4' ? 'cps4' : 'cps3';

  const sign = async (digest: Uint8Array, options?: ExclusiveOptions): Promise<Result<Uint8Array>> => {
    const di: Issue[] = [];
    const d = guardDigest(digest, di);
    const eo = guardExclusiveOptions(options, ['options'], di);
    if (d === undefined || eo === undefined) return inputErr(di);
    return a.exclusive(async (t) => {
      const ch = channelOf(t);
      const mse = await ch.send(mseSetSign(generation, profile));
      if (mse.sw !== SW_OK) return err(readerIssue('APDU_STATUS', { expected: 'MSE SET (signature)', received: formatSw(mse.sw) }));
      const r = await ch.send(psoComputeSignature(d));
      if (r.sw === SW_OK) return ok(r.data);
      // 6982 "security status not satisfied": the PIN was not presented (or the card was reset).
      if (r.sw === 0x6982) return err(readerIssue('PIN_NOT_VERIFIED', { path: ['pin'] }));
      return err(readerIssue('APDU_STATUS', { expected: 'PSO COMPUTE DIGITAL SIGNATURE', received: formatSw(r.sw) }));
    }, eo);
  };

  const signer: CardSigner = {
    id: `cps-card:${serial}`,
    algorithm: 'RSASSA-PKCS1-v1_5-SHA256',
    certificate: () => Promise.resolve(certificate.slice()),
    signDigest: async (digest) => orThrow(await sign(digest)),
  };
  return ok({
    reader: a.reader,
    kind,
    label,
    serialNumber: serial,
    certificate,
    readPinCounters: (options) =>
      withWait(options, (eo) => a.exclusive((t) => readPinCounters(channelOf(t), profile.pinRef), eo)),
    verifyPin: (pin, options) =>
      // verifyPin reads (and checks) only `insist` from the same options.
      withWait(options, (eo) => a.exclusive((t) => verifyPin(channelOf(t), pin, profile, options), eo)).finally(() => wipe(pin)),
    readSituations: (options) =>
      withWait(options, (eo) =>
        a.exclusive(async (t) => {
          const ch = channelOf(t);
          const r = await readSituations(ch);
          await ch.send(selectAid(CPS_PKCS15_AID, 0x0c)); // back to the signing application
          return r;
        }, eo),
      ),
    sign,
    signer,
  });
}

const inputIssue = createIssueFactory(INPUT_CODES);

/** A 32-byte SHA-256 digest (shared guard style). */
function guardDigest(v: unknown, issues: Issue[]): Uint8Array | undefined {
  const d = guardBytes(v, ['digest'], issues, { max: 64 });
  if (d !== undefined && d.length !== 32) {
    issues.push(inputIssue('INPUT_RANGE', { path: ['digest'], expected: '32 octets (empreinte SHA-256)', received: `${d.length} octets` }));
    return undefined;
  }
  return d;
}

/** Runs `f` with checked `ExclusiveOptions`, or returns the `INPUT_*` issues. */
async function withWait<T>(options: unknown, f: (eo: ExclusiveOptions) => Promise<Result<T>>): Promise<Result<T>> {
  const issues: Issue[] = [];
  const eo = guardExclusiveOptions(options, ['options'], issues);
  return eo === undefined ? inputErr(issues) : f(eo);
}

/** Wipes a caller's PIN buffer when it is one (junk is left alone). */
function wipe(pin: unknown): void {
  if (pin instanceof Uint8Array) pin.fill(0);
}
