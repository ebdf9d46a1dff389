import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createPcscClient, loadPcscBinding } from '../../src/reader/pcsc/index';
import type { PcscBinding, PcscEvent, PcscReaderBinding } from '../../src/reader/pcsc/index';
import { createApduChannel, DEFAULT_CPS_PROFILE, readerErrorCode, readPinCounters, verifyPin } from '../../src/reader/index';

/**
 * A scripted pcsclite stand-in: only for the binding-level rules that a real pcscd cannot be
 * made to produce on demand (first status with state 0, missing module). The real stack is
 * covered by test/e2e/pcsc.test.ts.
 */
function fakeBinding(): { binding: PcscBinding; reader: EventEmitter & PcscReaderBinding; ctx: EventEmitter } {
  const ctx = new EventEmitter() as EventEmitter & { close(): void };
  ctx.close = () => undefined;
  const reader = Object.assign(new EventEmitter(), {
    name: 'Fake 00',
    SCARD_SHARE_SHARED: 2,
    SCARD_SHARE_EXCLUSIVE: 1,
    SCARD_PROTOCOL_T0: 1,
    SCARD_PROTOCOL_T1: 2,
    SCARD_STATE_PRESENT: 0x20,
    SCARD_STATE_MUTE: 0x200,
    SCARD_LEAVE_CARD: 0,
    SCARD_RESET_CARD: 1,
    connect: (_o: unknown, cb: (e: unknown, p: number) => void) => cb(undefined, 2),
    disconnect: (_d: number, cb: (e: unknown) => void) => cb(undefined),
    transmit: (_d: Buffer, _l: number, _p: number, cb: (e: unknown, r: Buffer) => void) => cb(undefined, Buffer.from([0x90, 0x00])),
    close: () => undefined,
  }) as unknown as EventEmitter & PcscReaderBinding;
  return { binding: () => ctx as never, reader, ctx };
}

describe('PC/SC adapter', () => {
  it('says what to install when pcsclite is missing (NOT_INSTALLED)', async () => {
    await expect(loadPcscBinding('pcsclite-not-installed-here')).rejects.toMatchObject({ code: 'NOT_INSTALLED', message: expect.stringContaining('npm install pcsclite') });
    await expect(createPcscClient({ loadBinding: () => loadPcscBinding('pcsclite-not-installed-here') })).rejects.toMatchObject({ code: 'NOT_INSTALLED' });
  });
  it('reports a missing pcscd as TRANSPORT', async () => {
    const binding: PcscBinding = () => {
      throw new Error('SCardEstablishContext error: Service not available.(0x8010001d)');
    };
    await expect(createPcscClient({ loadBinding: async () => binding })).rejects.toMatchObject({ code: 'TRANSPORT' });
  });
  it('treats a first status with state 0 as "no card yet", then tracks insertion and removal', async () => {
    const f = fakeBinding();
    const client = await createPcscClient({ loadBinding: async () => f.binding });
    const events: PcscEvent[] = [];
    client.onEvent((e) => events.push(e));
    f.ctx.emit('reader', f.reader);
    f.reader.emit('status', { state: 0 });
    expect(events.map((e) => e.type)).toEqual(['reader-added']);
    expect(client.listReaders()[0]).toMatchObject({ present: false, kind: 'none' });
    f.reader.emit('status', { state: 0x22, atr: Buffer.from('3B751300004709EA9000', 'hex') });
    expect(client.findReader('vitale')).toMatchObject({ name: 'Fake 00', kind: 'vitale2', atr: '3B751300004709EA9000' });
    const r = await client.card('Fake 00').exclusive((t) => t.transmit(Uint8Array.of(0, 0xa4, 0, 0)));
    expect([...r]).toEqual([0x90, 0x00]);
    f.reader.emit('status', { state: 0x12 });
    expect(events.map((e) => e.type)).toEqual(['reader-added', 'card-inserted', 'card-removed']);
    await expect(client.card('Fake 00').exclusive(async () => 1)).rejects.toSatisfy((e) => readerErrorCode(e) === 'CARD_ABSENT');
    await expect(client.card('nope').exclusive(async () => 1)).rejects.toSatisfy((e) => readerErrorCode(e) === 'CARD_READER_NOT_FOUND');
    await client.close();
  });
});

describe('transmit timeout', () => {
  it('a card that never answers: CARD_TIMEOUT, the connection is reset, the next use reconnects', async () => {
    const f = fakeBinding();
    let answer = false;
    const calls: string[] = [];
    Object.assign(f.reader, {
      connect: (_o: unknown, cb: (e: unknown, p: number) => void) => (calls.push('connect'), cb(undefined, 2)),
      disconnect: (d: number, cb: (e: unknown) => void) => (calls.push(`disconnect ${d}`), cb(undefined)),
      // The stand-in's SCardTransmit never calls back until `answer` is set (pcscd cannot be
      // made to hang on demand without hanging the e2e suite's reader too).
      transmit: (_d: Buffer, _l: number, _p: number, cb: (e: unknown, r: Buffer) => void) => (answer ? cb(undefined, Buffer.from([0x90, 0x00])) : undefined),
    });
    const client = await createPcscClient({ loadBinding: async () => f.binding, transmitTimeoutMs: 30 });
    f.ctx.emit('reader', f.reader);
    f.reader.emit('status', { state: 0x22, atr: Buffer.from('3B751300004709EA9000', 'hex') });
    const card = client.card('Fake 00');
    let second: unknown;
    await expect(
      card.exclusive(async (t) => {
        try {
          return await t.transmit(Uint8Array.of(0, 0xb0, 0, 0));
        } finally {
          second = await t.transmit(Uint8Array.of(0, 0xb0, 0, 0)).catch((e: unknown) => readerErrorCode(e));
        }
      }),
    ).rejects.toSatisfy((e) => readerErrorCode(e) === 'CARD_TIMEOUT');
    expect(second).toBe('CARD_REMOVED');
    expect(calls).toEqual(['connect', 'disconnect 1']);
    answer = true;
    const r = await card.exclusive((t) => t.transmit(Uint8Array.of(0, 0xb0, 0, 0)));
    expect([...r]).toEqual([0x90, 0x00]);
    expect(calls).toEqual(['connect', 'disconnect 1', 'connect']);
    await client.close();
  });
});

describe('no replay of a secret after a timeout', () => {
  it('VERIFY that times out is sent once; the reconnect of the next use replays nothing', async () => {
    const f = fakeBinding();
    const sent: number[] = [];
    let connects = 0;
    Object.assign(f.reader, {
      connect: (_o: unknown, cb: (e: unknown, p: number) => void) => (connects++, cb(undefined, 2)),
      // Stand-in (named): GET DATA answers the counters, VERIFY never answers (a hung card).
      transmit: (d: Buffer, _l: number, _p: number, cb: (e: unknown, r: Buffer) => void) => {
        sent.push(d[1] ?? -1);
        if (d[1] === 0xcb) cb(undefined, Buffer.from('700CBF8101' + '08A0069A01039B01039000', 'hex'));
        else if (d[1] !== 0x20) cb(undefined, Buffer.from([0x90, 0x00]));
      },
    });
    const client = await createPcscClient({ loadBinding: async () => f.binding, transmitTimeoutMs: 30 });
    f.ctx.emit('reader', f.reader);
    f.reader.emit('status', { state: 0x22, atr: Buffer.from('3B9B188001001225006480040100009044', 'hex') });
    const card = client.card('Fake 00');
    const pin = new TextEncoder().encode('73915284');
    await expect(card.exclusive((t) => verifyPin(createApduChannel(t), pin, DEFAULT_CPS_PROFILE))).rejects.toSatisfy((e) => readerErrorCode(e) === 'CARD_TIMEOUT');
    expect(sent).toEqual([0xcb, 0x20]);
    expect([...pin].every((b) => b === 0)).toBe(true);
    // The next use reconnects and sends only what it is asked (here: the counters).
    const r = await card.exclusive((t) => readPinCounters(createApduChannel(t), 1));
    expect(r.ok).toBe(true);
    expect(sent).toEqual([0xcb, 0x20, 0xcb]);
    expect(connects).toBe(2);
    await client.close();
  });
});

describe('properties', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 })])('any status sequence alternates inserted/removed events', async (states) => {
    const f = fakeBinding();
    const client = await createPcscClient({ loadBinding: async () => f.binding });
    const events: string[] = [];
    client.onEvent((e) => (e.type === 'card-inserted' || e.type === 'card-removed' ? events.push(e.type) : undefined));
    f.ctx.emit('reader', f.reader);
    for (const s of states) f.reader.emit('status', { state: s, atr: Buffer.from('3B9B188001001225006480040100009044', 'hex') });
    events.forEach((e, i) => expect(e).toBe(i % 2 === 0 ? 'card-inserted' : 'card-removed'));
    await client.close();
  });
});
