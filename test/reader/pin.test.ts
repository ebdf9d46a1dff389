/**
 * Item #10.1 — a PIN is presented at most once per call: the channel never re-sends a command
 * carrying secret data (6Cxx, 61xx, failed transmit), and the PIN never appears in a trace, an
 * issue or an error. Real virtual cards (createFileCard) where a card behaviour is needed; a
 * scripted CardTransport only for "any status sequence", which no card can be made to produce.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  createApduChannel,
  createFileCard,
  createVirtualReader,
  DEFAULT_CPS_PROFILE,
  formatCommandForTrace,
  hexBytes,
  isSecretCommand,
  readerErrorCode,
  SECRET_INS,
  serializeBerTlv,
  verify,
  verifyPin,
  VIRTUAL_CPS4_ATR,
} from '../../src/reader/index';
import type { ApduTraceEntry, CardTransport } from '../../src/reader/index';
import { expectIssue } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';

/** A distinctive (fictitious) PIN: searched for in every string produced. */
const PIN = '73915284';
const NEEDLES = [PIN, Buffer.from(PIN).toString('hex'), Buffer.from(PIN).toString('hex').toUpperCase(), [...Buffer.from(PIN)].join(',')];
const pinBytes = () => new TextEncoder().encode(PIN);
const counters = (left: number) => serializeBerTlv('70', serializeBerTlv('BF8101', serializeBerTlv('A0', hexBytes('9A 01 03'), hexBytes('9B 01'), Uint8Array.of(left))));

function dump(...values: unknown[]): string {
  return JSON.stringify(values, (_k, v: unknown) => {
    if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
    if (v instanceof Error) return { name: v.name, message: v.message, stack: v.stack, issues: (v as { issues?: unknown }).issues, cause: String(v.cause) };
    return v;
  });
}

describe('secret commands', () => {
  it('are marked in one place (ISO/IEC 7816-4 §11.5) and traced as <secret>', () => {
    expect(SECRET_INS).toEqual([0x20, 0x21, 0x24, 0x25, 0x26, 0x28, 0x2c, 0x2d]);
    for (const ins of SECRET_INS) expect(isSecretCommand({ cla: 0, ins, p1: 0, p2: 1, data: pinBytes() })).toBe(true);
    expect(isSecretCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 12 })).toBe(false);
    expect(isSecretCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, data: Uint8Array.of(1), sensitive: true })).toBe(true);
    expect(formatCommandForTrace({ cla: 0, ins: 0x24, p1: 0, p2: 1, data: pinBytes() })).toBe('00240001 [8] <secret>');
  });

  it('a virtual card answering 6Cxx to VERIFY sees exactly one VERIFY', async () => {
    let verifies = 0;
    const card = createFileCard({
      atr: VIRTUAL_CPS4_ATR,
      label: 'CPS 6Cxx (virtuelle)',
      t0: false,
      mf: { fid: '3F00', efs: [], dfs: [] },
      handle: (c) => (c.ins === 0xcb ? { data: counters(3), sw: 0x9000 } : c.ins === 0x20 ? (verifies++, { sw: 0x6c08 }) : undefined),
    });
    const reader = createVirtualReader(card, 'Lecteur 6Cxx');
    const trace: ApduTraceEntry[] = [];
    const pin = pinBytes();
    const r = await reader.access.exclusive((t) => verifyPin(createApduChannel(t, { trace: (e) => trace.push(e) }), pin, DEFAULT_CPS_PROFILE));
    expect(verifies).toBe(1);
    expectIssue(r, 'APDU_SECRET_NOT_RESENT', ['pin']);
    expect([...pin].every((b) => b === 0)).toBe(true);
    for (const n of NEEDLES) expect(dump(trace, r).includes(n)).toBe(false);
  });

  it('the channel itself refuses to re-send any secret command answered 6Cxx', async () => {
    const sent: number[] = [];
    const t: CardTransport = { reader: 'script', atr: VIRTUAL_CPS4_ATR, transmit: async (c) => (sent.push(c[1] ?? -1), Uint8Array.of(0x6c, 0x10)) };
    const ch = createApduChannel(t);
    for (const ins of SECRET_INS) {
      await expect(ch.send({ cla: 0, ins, p1: 0, p2: 1, data: pinBytes() })).rejects.toSatisfy((e) => readerErrorCode(e) === 'APDU_SECRET_NOT_RESENT');
    }
    expect(sent).toEqual([...SECRET_INS]);
    // A non-secret command is still re-sent with the right Le (T=0, ISO/IEC 7816-4 §5.6).
    sent.length = 0;
    await ch.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 });
    expect(sent).toEqual([0xb0, 0xb0]);
  });

  it('a transmit that fails is never retried', async () => {
    let n = 0;
    const t: CardTransport = { reader: 'script', atr: VIRTUAL_CPS4_ATR, transmit: () => (n++, Promise.reject(new Error('SCardTransmit: timeout'))) };
    await expect(createApduChannel(t).send(verify(1, new Uint8Array(8).fill(0x31)))).rejects.toThrow('timeout');
    expect(n).toBe(1);
  });
});

/** One scripted answer of the card. */
const arbAnswer = fc.record({
  sw: fc.oneof(
    fc.constantFrom(0x9000, 0x6983, 0x6982, 0x63c0, 0x63c1, 0x63c2, 0x6a88, 0x6700),
    fc.integer({ min: 0, max: 0xff }).map((x) => 0x6100 | x),
    fc.integer({ min: 0, max: 0xff }).map((x) => 0x6c00 | x),
    fc.integer({ min: 0, max: 0xffff }),
  ),
  data: fc.uint8Array({ maxLength: 12 }),
});

describe('properties', () => {
  test.prop(
    [fc.array(arbAnswer, { maxLength: 12 }), fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), fc.boolean(), fc.boolean()],
    { numRuns: runs(400) },
  )('for any card behaviour, verifyPin transmits VERIFY at most once and the PIN appears nowhere', async (script, left, insist, failTransmit) => {
    let verifies = 0;
    let k = 0;
    const t: CardTransport = {
      reader: 'Lecteur scripté',
      atr: VIRTUAL_CPS4_ATR,
      async transmit(c) {
        if (c[1] === 0x20) verifies++;
        // Counters are answered well when `left` is set, so VERIFY is reached often.
        if (c[1] === 0xcb && left !== undefined) return Uint8Array.of(...counters(left), 0x90, 0x00);
        const a = script[k++];
        if (a === undefined) {
          if (failTransmit) throw new Error('SCardTransmit: card did not answer');
          return Uint8Array.of(0x90, 0x00);
        }
        return Uint8Array.of(...a.data, a.sw >> 8, a.sw & 0xff);
      },
    };
    const trace: ApduTraceEntry[] = [];
    const pin = pinBytes();
    let outcome: unknown;
    try {
      outcome = await verifyPin(createApduChannel(t, { trace: (e) => trace.push(e) }), pin, DEFAULT_CPS_PROFILE, { insist });
    } catch (e) {
      outcome = e;
    }
    expect(verifies).toBeLessThanOrEqual(1);
    expect([...pin].every((b) => b === 0)).toBe(true);
    const text = dump(trace, outcome);
    for (const n of NEEDLES) expect(text.includes(n)).toBe(false);
  });
});
