/**
 * The OCT HTTP adapter against a local HTTPS OCT (test/transport/oct/octServer.ts) that
 * REQUIRES a client certificate of its openssl-made CA. Real TLS and sockets; only the OCT's
 * behaviour is a test double (OCT interfaces are not public: the contract is modeled).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { computeMessageId, createMemoryOutboxStore, createOctTransport, createOutbox, parseOctReturns } from '../../../src/transport/index';
import type { OctTransportOptions, Transport } from '../../../src/transport/index';
import { ok } from '../../../src/core/issues/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { manualClock } from '../helpers/clock';
import { fakeB2, fileOf } from '../helpers/files';
import { HAS_OPENSSL, makePki } from './certs';
import type { Pki } from './certs';
import { startOctServer } from './octServer';
import type { OctServer } from './octServer';

let pki: Pki;
let oct: OctServer;
const opened: Transport[] = [];

function transport(over: Partial<OctTransportOptions> = {}): Transport {
  const t = expectOk(createOctTransport({ baseUrl: oct.url, tls: { cert: pki['client.crt'], key: pki['client.key'], ca: pki['ca.crt'] }, timeoutMs: 3000, ...over }));
  opened.push(t);
  return t;
}

const run = describe.skipIf(!HAS_OPENSSL);

run('createOctTransport over mutual TLS', () => {
  beforeAll(async () => {
    pki = makePki();
    oct = await startOctServer(pki);
  });
  afterEach(() => {
    oct.failNext = 0;
    oct.cutNext = 0;
    oct.returnsBody = undefined;
    oct.token = undefined;
  });
  afterAll(async () => {
    for (const t of opened) await t.close();
    await oct?.close();
  });

  it('sends the exact bytes; a file sent twice is stored once (idempotent by file id)', async () => {
    const t = transport();
    const file = fileOf('O00001', 'oct');
    const first = expectOk(await t.send(file));
    expect(first).toEqual({ fileId: 'O00001', messageId: computeMessageId('O00001', 'localhost'), destination: 'oct', response: '201 R-O00001' });
    const again = expectOk(await t.send(file));
    expect(again.response).toBe('200 R-O00001');
    expect(oct.files.get('O00001')?.bytes.equals(Buffer.from(file.bytes))).toBe(true);
    expect(oct.files.get('O00001')?.filename).toBe('O00001.b2');
    expect(oct.files.size).toBe(1);
  });

  it('another content under a sent id is refused (409), an unknown path too (404)', async () => {
    const t = transport();
    expectOk(await t.send(fileOf('O00002', 'oct')));
    expectIssue(await t.send({ ...fileOf('O00002', 'oct'), bytes: new Uint8Array([1, 2, 3]) }), 'TRANSPORT_SEND_REJECTED', ['fileId']);
    const wrong = transport({ baseUrl: `${oct.url}/nowhere` });
    expectIssue(await wrong.send(fileOf('O00003', 'oct')), 'TRANSPORT_SEND_REJECTED', ['fileId']);
  });

  it('a client without the OCT certificate cannot send nor fetch (TLS refuses it)', async () => {
    const intruder = transport({ tls: { cert: pki['intruder.crt'], key: pki['intruder.key'], ca: pki['ca.crt'] } });
    expectIssue(await intruder.send(fileOf('X00001', 'oct')), 'TRANSPORT_SEND_FAILED', ['fileId']);
    expectIssue(await intruder.fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    // And the client refuses a server its CA did not sign.
    const distrust = transport({ tls: { cert: pki['client.crt'], key: pki['client.key'], ca: pki['intruder.crt'] } });
    expectIssue(await distrust.send(fileOf('X00002', 'oct')), 'TRANSPORT_SEND_FAILED');
    expect(oct.puts).not.toContain('X00001');
  });

  it('a bearer token goes with each request when set', async () => {
    oct.token = 'secret-token';
    expectIssue(await transport().send(fileOf('T00001', 'oct')), 'TRANSPORT_SEND_REJECTED');
    expectOk(await transport({ token: 'secret-token' }).send(fileOf('T00001', 'oct')));
  });

  it('OCT down then back, and an answer cut after the file was stored: the outbox drains, nothing lost, nothing doubled', async () => {
    const t = manualClock();
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport: transport(), clock: t.clock, sleep: t.sleep, random: () => 0.5, breaker: { threshold: 5, cooldownMs: 60_000 } }));
    const ids = ['Q00001', 'Q00002', 'Q00003'];
    for (const id of ids) expectOk(await outbox.enqueue(fileOf(id, 'oct')));
    oct.failNext = 3;
    const down = await outbox.drain();
    expect(down.retrying).toHaveLength(3);
    expectIssue(down.issues, 'TRANSPORT_SEND_FAILED');
    oct.cutNext = 1; // Q00001 is stored by the OCT, its answer lost: the retry gets 200, not a second copy
    const done = await outbox.drainUntilIdle();
    expect(done.nextDueAt).toBeUndefined();
    expect((await outbox.list('sent')).map((e) => e.fileId).sort()).toEqual(ids);
    for (const id of ids) expect(oct.files.get(id)?.bytes.equals(Buffer.from(fileOf(id, 'oct').bytes))).toBe(true);
    // The cut PUT (stored, answer lost) and its retry (answered 200 « already received »).
    expect(oct.puts.filter((p) => p === 'Q00001')).toHaveLength(2);
  });

  it('fetches the returns with their exact bytes, acknowledges them, a duplicate return is applied once', async () => {
    const arl = fakeB2('ARL001');
    oct.returns.push(
      { id: 'r1', messageId: '<arl1@oct.test>', from: 'oct@oct.test', subject: 'ARL', inReplyTo: 'Q00001', attachments: [{ filename: 'ARL001.arl', contentType: 'application/octet-stream', bytes: arl }] },
      { id: 'r2', messageId: '<arl1-bis@oct.test>', from: 'oct@oct.test', subject: 'ARL', attachments: [{ filename: 'ARL001.arl', bytes: arl }] },
    );
    const t = transport();
    const fetched = expectOk(await t.fetchReturns());
    expect(fetched.map((r) => r.ref)).toEqual(['r1', 'r2']);
    expect(Buffer.from(fetched[0]!.attachments[0]!.bytes).equals(Buffer.from(arl))).toBe(true);
    expect(fetched[0]!.inReplyTo).toBe(computeMessageId('Q00001', 'localhost'));
    expect(fetched[0]!.contentHash).toBe(fetched[1]!.contentHash);
    const applied: string[] = [];
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport: t }));
    const report = expectOk(await outbox.receive((r) => (applied.push(r.ref), ok(undefined))));
    expect(applied).toEqual(['r1']);
    expect(report.duplicates.map((r) => r.ref)).toEqual(['r2']);
    expect([...oct.acked].sort()).toEqual(['r1', 'r2']);
    expect(expectOk(await t.fetchReturns())).toEqual([]);
    expect(expectOk(await t.markStored([]))).toBe(0);
  });

  it('an unreachable or malformed returns endpoint is a typed issue, nothing acknowledged', async () => {
    oct.failNext = 1;
    expectIssue(await transport().fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    oct.returnsBody = '{"returns": [{"id": "r9", "attachments": [{"filename": "a", "data": "@@@"}]}]}';
    expectIssue(await transport().fetchReturns(), 'TRANSPORT_OCT_RESPONSE', ['returns', 'returns', 0, 'attachments', 0, 'data']);
    oct.returnsBody = 'not json';
    expectIssue(await transport().fetchReturns(), 'TRANSPORT_OCT_RESPONSE', ['returns']);
    oct.returnsBody = undefined;
    oct.cutNext = 1;
    expectIssue(await transport().fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    expect(oct.acked.size).toBe(2);
    const closed = expectOk(createOctTransport({ baseUrl: 'https://127.0.0.1:1/x', tls: { cert: pki['client.crt'], key: pki['client.key'] }, timeoutMs: 2000 }));
    expectIssue(await closed.fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    expectIssue(await closed.markStored(['r1']), 'TRANSPORT_MAILBOX_UNREACHABLE');
    await closed.close();
  });

  describe('properties', () => {
    it('any bytes round-trip exactly, and a resend never makes a second copy', async () => {
      const t = transport();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.integer({ min: 1, max: 3 }), async (bytes, times) => {
          const fileId = `P${String(n++).padStart(6, '0')}`;
          for (let i = 0; i < times; i++) expectOk(await t.send({ fileId, destination: 'oct', bytes }));
          expect(oct.files.get(fileId)?.bytes.equals(Buffer.from(bytes))).toBe(true);
        }),
        { numRuns: runs(25) },
      );
    });
  });
});

describe('createOctTransport options and contract parsing', () => {
  it('junk options are INPUT issues, never a throw', () => {
    expectIssue(createOctTransport(undefined as never), 'INPUT_MISSING');
    expectIssue(createOctTransport(42 as never), 'INPUT_TYPE');
    expectIssue(createOctTransport({ baseUrl: 'http://oct.example', tls: { cert: 'c', key: 'k' } }), 'INPUT_TYPE', ['baseUrl']);
    expectIssue(createOctTransport({ baseUrl: 'https://oct.example', tls: { cert: 1, key: 'k' } } as never), 'INPUT_TYPE', ['tls', 'cert']);
    expectIssue(createOctTransport({ baseUrl: 'https://oct.example', tls: { cert: 'c', key: 'k' }, token: 'a b' }), 'INPUT_TYPE', ['token']);
  });

  it('properties: parseOctReturns never throws on junk', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => JSON.stringify({ returns: [v] }) ?? '')), (text) => {
        const r = parseOctReturns(text, 'localhost');
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: runs(300) },
    );
  });
});
