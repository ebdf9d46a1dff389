/**
 * PIN policy for the CPS: counters read before VERIFY; never retried nor re-sent (not even when
 * the card answers 6Cxx: `APDU_SECRET_NOT_RESENT`); one try left → refused unless the caller
 * insists; blocked → `PIN_BLOCKED`; the PIN buffer is wiped after use and never reaches a
 * message, an issue or a trace.
 *
 * One error channel: every answer of the card (wrong PIN, blocked, unexpected status, bad
 * counters) comes back as a `Result` issue; only I/O failures (card removed, timeout) throw.
 *
 * @see ISO/IEC 7816-4:2013 §11.5.6 (VERIFY), §5.6 (63Cx, 6983); ANS — CPS3/CPS4 spécifications
 *   (dops-cryptolib: GET DATA 00 CB 3F FF → 9A/9B)
 */
import { field, guardBoolean, guardBytes, guardInteger, guardObject, inputErr } from '../../core/guard/guard';
import { err, isSesamError, ok } from '../../core/issues/index';
import type { Issue, Result } from '../../core/issues/index';
import { formatSw, SW_OK } from '../apdu';
import type { ApduChannel } from '../channel';
import { readerErrorCode, readerIssue } from '../errors';
import { guardChannel } from '../guards';
import { findTlv, parseBerTlv } from '../tlv';
import { getDataPinCounters, guardCpsProfile, verify } from './commands';
import type { CpsProfile } from './commands';

/** PIN try counters. */
export interface PinCounters {
  /** Tries allowed (tag 9A). */
  readonly max: number;
  /** Tries left (tag 9B); 0 = blocked. */
  readonly left: number;
}

/**
 * Parses the answer of GET DATA (PIN counters): BER-TLV holding 9A (max) and 9B (left).
 *
 * @param bytes - Response data.
 * @returns The counters, or `APDU_MALFORMED` (bad TLV, 9B absent).
 * @example parsePinCounters(hexBytes('70 0C BF 81 01 08 A0 06 9A 01 03 9B 01 02')) // ok { max: 3, left: 2 }
 */
export function parsePinCounters(bytes: Uint8Array): Result<PinCounters> {
  const issues: Issue[] = [];
  const data = guardBytes(bytes, ['bytes'], issues, { max: 65_536 });
  if (data === undefined) return inputErr(issues);
  const tlvs = parseBerTlv(data);
  if (!tlvs.ok) return tlvs;
  const max = findTlv(tlvs.value, '9A')?.value[0];
  const left = findTlv(tlvs.value, '9B')?.value[0];
  if (left === undefined) return err(readerIssue('APDU_MALFORMED', { received: 'compteurs PIN (9B absent)', path: ['left'] }));
  return ok({ max: max ?? left, left });
}

/**
 * Reads the PIN counters (GET DATA). Presents nothing to the card.
 *
 * @param channel - Channel to the CPS.
 * @param pinRef - PIN reference (0..255).
 * @returns The counters; `APDU_STATUS` / `APDU_MALFORMED` issues for an unexpected answer.
 *   Card I/O failures throw (`CARD_REMOVED`, `CARD_TIMEOUT`).
 */
export async function readPinCounters(channel: ApduChannel, pinRef: number): Promise<Result<PinCounters>> {
  const issues: Issue[] = [];
  const ch = guardChannel(channel, ['channel'], issues);
  const ref = guardInteger(pinRef, ['pinRef'], issues, { min: 0, max: 255 });
  if (ch === undefined || ref === undefined) return inputErr(issues);
  const r = await ch.send(getDataPinCounters(ref));
  if (r.sw !== SW_OK) return err(readerIssue('APDU_STATUS', { expected: 'GET DATA (compteurs PIN)', received: formatSw(r.sw) }));
  return parsePinCounters(r.data);
}

/** Options of `verifyPin`. */
export interface VerifyPinOptions {
  /** Present the PIN even when only one try is left (default false: refused with `PIN_LAST_TRY`). */
  readonly insist?: boolean;
}

/**
 * Presents the PIN once. `pin` holds ASCII digits; it is WIPED (filled with zeros) before this
 * function returns, whatever the outcome: keep no other copy. VERIFY is transmitted at most once.
 *
 * @param channel - Channel to the CPS (held exclusively by the caller).
 * @param pin - ASCII digits (4 to `pinBlockLength`), wiped after use.
 * @param profile - PIN reference and padding (default `DEFAULT_CPS_PROFILE`; partial accepted).
 * @param options - `insist` to use the last try.
 * @returns Counters after success; `PIN_FORMAT`, `PIN_LAST_TRY`, `PIN_WRONG` (tries left in
 *   `received`), `PIN_BLOCKED`, `APDU_SECRET_NOT_RESENT`, `APDU_STATUS` as issues. Card I/O
 *   failures throw.
 * @example
 * const r = await verifyPin(channel, new TextEncoder().encode(typed), DEFAULT_CPS_PROFILE);
 * if (!r.ok && r.issues[0].code === 'PIN_WRONG') show(`${r.issues[0].received} essai(s) restant(s)`);
 */
export async function verifyPin(channel: ApduChannel, pin: Uint8Array, profile?: Partial<CpsProfile>, options?: VerifyPinOptions): Promise<Result<PinCounters>> {
  const issues: Issue[] = [];
  const ch = guardChannel(channel, ['channel'], issues);
  const pinBytes = guardBytes(pin, ['pin'], issues, { max: 256 });
  const prof = guardCpsProfile(profile, ['profile'], issues);
  const opts = guardObject(options, ['options'], issues, { required: false });
  const insist = opts === undefined ? undefined : guardBoolean(field(opts, 'insist'), ['options', 'insist'], issues, { required: false });
  if (ch === undefined || pinBytes === undefined || prof === undefined || issues.length > 0) {
    pinBytes?.fill(0);
    return inputErr(issues);
  }
  const block = new Uint8Array(prof.pinBlockLength);
  try {
    let digits = pinBytes.length >= 4 && pinBytes.length <= prof.pinBlockLength;
    for (const b of pinBytes) digits &&= b >= 0x30 && b <= 0x39;
    if (!digits) return err(readerIssue('PIN_FORMAT', { expected: `4 à ${prof.pinBlockLength} chiffres`, path: ['pin'] }));
    const before = await readPinCounters(ch, prof.pinRef);
    if (!before.ok) return before;
    if (before.value.left === 0) return err(readerIssue('PIN_BLOCKED', { path: ['pin'] }));
    if (before.value.left === 1 && insist !== true) return err(readerIssue('PIN_LAST_TRY', { received: '1', path: ['pin'] }));
    block.fill(prof.pinPadByte);
    block.set(pinBytes);
    let sw: number;
    try {
      sw = (await ch.send(verify(prof.pinRef, block))).sw;
    } catch (e) {
      // The channel refused to re-send the PIN: a card answer, so an issue like a wrong PIN.
      if (readerErrorCode(e) === 'APDU_SECRET_NOT_RESENT' && isSesamError(e) && e.issues[0] !== undefined) return err({ ...e.issues[0], path: ['pin'] });
      throw e;
    }
    if (sw === SW_OK) return ok({ max: before.value.max, left: before.value.max });
    if (sw === 0x6983 || sw === 0x63c0) return err(readerIssue('PIN_BLOCKED', { path: ['pin'] }));
    if (sw >> 4 === 0x63c) return err(readerIssue('PIN_WRONG', { received: sw & 0x0f, path: ['pin'] }));
    return err(readerIssue('APDU_STATUS', { expected: 'VERIFY', received: formatSw(sw), path: ['pin'] }));
  } finally {
    block.fill(0);
    pinBytes.fill(0);
  }
}
