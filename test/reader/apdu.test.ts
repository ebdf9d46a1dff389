import { computeNirKey } from '../../src/core/ids/index';
import { arbNir } from '../arbitraries/ids';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createApduChannel,
  formatHex,
  hexBytes,
  identifyCard,
  parseBerTlv,
  parseCommandApdu,
  parseResponseApdu,
  parseSimpleTlv,
  serializeBerTlv,
  serializeCommandApdu,
  serializeSimpleTlv,
  findTlv,
  isValidNir,
} from '../../src/reader/index';
import type { CardTransport, CommandApdu } from '../../src/reader/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';

describe('APDU serialization', () => {
  it('encodes the four short cases', () => {
    expect(formatHex(serializeCommandApdu({ cla: 0, ins: 0xa4, p1: 0, p2: 0, data: hexBytes('3F00') }))).toBe('00A40000023F00');
    expect(formatHex(serializeCommandApdu({ cla: 0, ins: 0xb0, p1: 0x82, p2: 0, le: 256 }))).toBe('00B0820000');
    expect(formatHex(serializeCommandApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0 }))).toBe('00840000');
    expect(formatHex(serializeCommandApdu({ cla: 0, ins: 0x2a, p1: 0x9e, p2: 0x9a, data: hexBytes('0102'), le: 256 }))).toBe('002A9E9A02010200');
  });
  it('switches to extended form for long data', () => {
    const bytes = serializeCommandApdu({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: new Uint8Array(300), le: 512 });
    expect(formatHex(bytes.subarray(0, 7))).toBe('00D60000' + '00012C');
    expect(bytes.length).toBe(4 + 3 + 300 + 2);
  });
  it('parses responses and rejects short ones', () => {
    expect(expectOk(parseResponseApdu(hexBytes('01029000')))).toEqual({ data: hexBytes('0102'), sw: 0x9000 });
    expectIssue(parseResponseApdu(hexBytes('90')), 'APDU_MALFORMED');
  });
});

describe('TLV', () => {
  it('parses BER-TLV with multi-byte tags (PIN counters answer)', () => {
    const tlvs = expectOk(parseBerTlv(hexBytes('70 0C BF 81 01 08 A0 06 9A 01 03 9B 01 02')));
    expect(findTlv(tlvs, '9B')?.value[0]).toBe(2);
    expect(findTlv(tlvs, 'BF8101')).toBeDefined();
  });
  it('reports truncated values with the offset', () => {
    expectIssue(parseBerTlv(hexBytes('80 05 01 02')), 'APDU_MALFORMED');
  });
  it('parses simple Vitale TLVs and stops at zero padding', () => {
    const tlvs = expectOk(parseSimpleTlv(hexBytes('65 05 80 03 41 42 43 00 00 00')));
    expect(tlvs).toHaveLength(1);
    expect(tlvs[0]?.children?.[0]?.tag).toBe('80');
  });
});

describe('ATR recognition', () => {
  it.each([
    ['3B AC 00 40 2A 00 12 25 00 64 80 00 03 10 00 90 00', 'cps3'],
    ['3B AC 11 22 33 00 12 25 00 64 80 82 02 12 00 90 00', 'cps3'],
    ['3B 9B 18 80 01 00 12 25 00 64 80 04 01 00 00 90 44', 'cps4'],
    ['3B 75 13 00 00 47 09 EA 90 00', 'vitale2'],
    ['3B 75 13 00 00 44 09 EA 90 00', 'vitale2'],
    ['3F 65 25 00 2C 09 69 90 00', 'vitale1'],
    ['3B 80 80 01 01', 'unknown'],
  ])('%s → %s', (atr, kind) => {
    expect(identifyCard(hexBytes(atr)).kind).toBe(kind);
  });
});

describe('T=0 channel', () => {
  it('follows 6Cxx with the right Le and 61xx with GET RESPONSE', async () => {
    const sent: string[] = [];
    const t: CardTransport = {
      reader: 'stub',
      atr: hexBytes('3B 75 13 00 00 47 09 EA 90 00'),
      transmit: async (c) => {
        const h = formatHex(c);
        sent.push(h);
        if (h === '00B0820000') return hexBytes('6C03');
        if (h === '00B0820003') return hexBytes('0102039000');
        if (h.startsWith('00A4')) return hexBytes('6104');
        if (h === '00C0000004') return hexBytes('6F0283029000');
        return hexBytes('6D00');
      },
    };
    const ch = createApduChannel(t);
    expect(formatHex((await ch.send({ cla: 0, ins: 0xb0, p1: 0x82, p2: 0, le: 256 })).data)).toBe('010203');
    expect(formatHex((await ch.send({ cla: 0, ins: 0xa4, p1: 0, p2: 0, data: hexBytes('3F00') })).data)).toBe('6F028302');
    expect(ch.counters()).toEqual({ commands: 2, transmits: 4 });
    await expect(ch.expect({ cla: 0, ins: 0xff, p1: 0, p2: 0 }, 'X')).rejects.toMatchObject({ code: 'CARD' });
  });
});

describe('properties', () => {
  const command = fc.record({
    cla: fc.integer({ min: 0, max: 0xfe }),
    ins: fc.integer({ min: 0, max: 255 }),
    p1: fc.integer({ min: 0, max: 255 }),
    p2: fc.integer({ min: 0, max: 255 }),
    data: fc.option(fc.uint8Array({ minLength: 1, maxLength: 400 }), { nil: undefined }),
    le: fc.option(fc.integer({ min: 1, max: 65536 }), { nil: undefined }),
  });
  test.prop([command])('parseCommandApdu ∘ serializeCommandApdu = id', (c) => {
    const clean: CommandApdu = { cla: c.cla, ins: c.ins, p1: c.p1, p2: c.p2, ...(c.data ? { data: c.data } : {}), ...(c.le ? { le: c.le } : {}) };
    expect(expectOk(parseCommandApdu(serializeCommandApdu(clean)))).toEqual(clean);
  });
  test.prop([fc.array(fc.tuple(fc.integer({ min: 0x80, max: 0x9e }), fc.uint8Array({ maxLength: 300 })))])('BER-TLV round trip', (items) => {
    const bytes = new Uint8Array(items.flatMap(([t, v]) => [...serializeBerTlv(t.toString(16).toUpperCase(), v)]));
    const parsed = expectOk(parseBerTlv(bytes));
    expect(parsed.map((x) => [x.tag, formatHex(x.value)])).toEqual(items.map(([t, v]) => [t.toString(16).toUpperCase(), formatHex(v)]));
  });
  test.prop([fc.array(fc.tuple(fc.integer({ min: 0x80, max: 0x9e }), fc.uint8Array({ maxLength: 255 })))])('simple TLV round trip', (items) => {
    const bytes = new Uint8Array(items.flatMap(([t, v]) => [...serializeSimpleTlv(t.toString(16).toUpperCase(), v)]));
    expect(expectOk(parseSimpleTlv(bytes, [])).length).toBe(items.length);
  });
  test.prop([fc.uint8Array({ maxLength: 64 })])('TLV parsers never throw on random bytes', (b) => {
    expect(() => parseBerTlv(b)).not.toThrow();
    expect(() => parseSimpleTlv(b)).not.toThrow();
    expect(() => parseCommandApdu(b)).not.toThrow();
  });
  test.prop([arbNir()])('a NIR with a computed key validates; a changed key does not', (nir) => {
    const body = nir.slice(0, 13);
    expect(isValidNir(body + computeNirKey(body))).toBe(true);
    const other = String((Number(nir.slice(13)) % 97) + 1).padStart(2, '0');
    expect(isValidNir(body + other)).toBe(false);
  });
  it('known NIR vectors', () => {
    for (const n of ['295109912611193', '253072B07300470', '253072A07300443', '177025626004544']) expect(isValidNir(n)).toBe(true);
    expect(isValidNir('295109912611199')).toBe(false);
  });
});
