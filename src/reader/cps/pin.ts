/**
 * PIN policy for the CPS: counters read before VERIFY; never retried; one try left → refused
 * unless the caller insists; blocked → `PIN_BLOCKED`; the PIN buffer is wiped after use and
 * never reaches a message, an issue or a trace.
 *
 * @see ISO 7816-4 (VERIFY, 63Cx, 6983); SPECS §5.2 (GET DATA 00 CB 3F FF → 9A/9B)
 */
import { err, ok } from '../../core/issues/index';
import type { Result } from '../../core/issues/index';
import { formatSw, SW_OK } from '../apdu';
import type { ApduChannel } from '../channel';
import { cardError, readerIssue } from '../errors';
import { parseBerTlv, findTlv } from '../tlv';
import { getPinCounters, verify } from './commands';
import type { CpsProfile } from './commands';

/** PIN try counters. */
export interface PinCounters {
  /** Tries allowed (tag 9A). */
  readonly max: number;
  /** Tries left (tag 9B); 0 = blocked. */
  readonly left: number;
}

/**
 * Reads the PIN counters (GET DATA). Presents nothing to the card.
 *
 * @param channel - Channel to the CPS.
 * @param pinRef - PIN reference.
 * @returns The counters.
 */
export async function readPinCounters(channel: ApduChannel, pinRef: number): Promise<PinCounters> {
  const data = await channel.expect(getPinCounters(pinRef), 'GET DATA (compteurs PIN)');
  const tlvs = parseBerTlv(data);
  const max = tlvs.ok ? findTlv(tlvs.value, '9A')?.value[0] : undefined;
  const left = tlvs.ok ? findTlv(tlvs.value, '9B')?.value[0] : undefined;
  if (left === undefined) throw cardError('APDU_MALFORMED', { received: 'compteurs PIN (9B absent)' });
  return { max: max ?? left, left };
}

/** Options of `verifyPin`. */
export interface VerifyPinOptions {
  /** Present the PIN even when only one try is left (default false: refused with `PIN_LAST_TRY`). */
  readonly insist?: boolean;
}

/**
 * Presents the PIN once. `pin` holds ASCII digits; it is WIPED (filled with zeros) before this
 * function returns, whatever the outcome: keep no other copy.
 *
 * @param channel - Channel to the CPS (held exclusively by the caller).
 * @param pin - ASCII digits (4 to `pinBlockLength`), wiped after use.
 * @param profile - PIN reference and padding.
 * @param options - `insist` to use the last try.
 * @returns Counters after success; `PIN_FORMAT`, `PIN_LAST_TRY`, `PIN_WRONG` (tries left in
 *   `received`), `PIN_BLOCKED` as issues. Card I/O failures throw.
 */
export async function verifyPin(channel: ApduChannel, pin: Uint8Array, profile: CpsProfile, options: VerifyPinOptions = {}): Promise<Result<PinCounters>> {
  const block = new Uint8Array(profile.pinBlockLength);
  try {
    let digits = pin.length >= 4 && pin.length <= profile.pinBlockLength;
    for (const b of pin) digits &&= b >= 0x30 && b <= 0x39;
    if (!digits) return err(readerIssue('PIN_FORMAT', { expected: `4 à ${profile.pinBlockLength} chiffres`, path: ['pin'] }));
    const before = await readPinCounters(channel, profile.pinRef);
    if (before.left === 0) return err(readerIssue('PIN_BLOCKED', { path: ['pin'] }));
    if (before.left === 1 && options.insist !== true) return err(readerIssue('PIN_LAST_TRY', { received: '1', path: ['pin'] }));
    block.fill(profile.pinPadByte);
    block.set(pin);
    const r = await channel.send(verify(profile.pinRef, block));
    if (r.sw === SW_OK) return ok({ max: before.max, left: before.max });
    if (r.sw === 0x6983 || r.sw === 0x63c0) return err(readerIssue('PIN_BLOCKED', { path: ['pin'] }));
    if (r.sw >> 4 === 0x63c) return err(readerIssue('PIN_WRONG', { received: r.sw & 0x0f, path: ['pin'] }));
    throw cardError('APDU_STATUS', { expected: 'VERIFY', received: formatSw(r.sw) });
  } finally {
    block.fill(0);
    pin.fill(0);
  }
}
