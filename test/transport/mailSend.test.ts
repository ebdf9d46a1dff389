/**
 * SMTP submission against a real SMTP server (smtp-server, in-process, loopback, random port).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { createMailTransport, computeMessageId } from '../../src/transport/index';
import type { Transport } from '../../src/transport/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { attachmentsOf, startTestSmtp } from './helpers/smtpServer';
import type { TestSmtp } from './helpers/smtpServer';
import { fileOf } from './helpers/files';
import { runs } from '../helpers/runs';

let smtp: TestSmtp;
let transport: Transport;

beforeAll(async () => {
  smtp = await startTestSmtp();
  transport = expectOk(
    createMailTransport({
      smtp: { host: '127.0.0.1', port: smtp.port, timeoutMs: 5000 },
      imap: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' } },
      from: 'cabinet@ps.test',
    }),
  );
});
afterAll(async () => {
  await transport.close();
  await smtp.stop();
});

describe('createMailTransport: send', () => {
  it('sends the file as a base64 attachment with its exact bytes and a Message-ID derived from its id', async () => {
    const file = fileOf('F00001');
    const receipt = expectOk(await transport.send(file));
    expect(receipt.messageId).toBe(computeMessageId('F00001', 'ps.test'));
    const got = smtp.received.at(-1)!;
    expect(got.messageId).toBe(receipt.messageId);
    expect(got.to).toEqual(['caisse@cpam.test']);
    expect(got.raw).toMatch(/^X-Sesam-File-Id: F00001/im);
    const [att] = attachmentsOf(got.raw);
    expect(att?.encoding.toLowerCase()).toBe('base64');
    expect(att?.filename).toBe('F00001.b2');
    expect(Buffer.from(att!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
  });

  it('a 4xx reply is a transient failure, a 5xx a permanent refusal', async () => {
    smtp.fault = '451';
    expectIssue(await transport.send(fileOf('F00002')), 'TRANSPORT_SEND_FAILED');
    smtp.fault = '550';
    expectIssue(await transport.send(fileOf('F00003')), 'TRANSPORT_SEND_REJECTED');
    smtp.fault = 'none';
  });

  it('a server that is down is a transient failure', async () => {
    const t = expectOk(createMailTransport({ smtp: { host: '127.0.0.1', port: 1, timeoutMs: 2000 }, imap: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' } }, from: 'a@b.test' }));
    expectIssue(await t.send(fileOf('F00004')), 'TRANSPORT_SEND_FAILED');
    await t.close();
  });

  it('a pooled channel sends several files over one connection, each with its Message-ID', async () => {
    const t = expectOk(createMailTransport({ smtp: { host: '127.0.0.1', port: smtp.port, pool: true }, imap: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' } }, from: 'a@pool.test' }));
    const ids = ['PL0001', 'PL0002', 'PL0003'];
    const receipts = await Promise.all(ids.map((id) => t.send(fileOf(id))));
    expect(receipts.map((r) => expectOk(r).messageId)).toEqual(ids.map((id) => computeMessageId(id, 'pool.test')));
    await t.close();
  });

  it('malformed options are INPUT issues, never a throw', () => {
    expectIssue(createMailTransport(null as never), 'INPUT_TYPE');
    expectIssue(createMailTransport({ smtp: { host: 'x', port: 0 }, imap: {}, from: 'a@b' } as never), 'INPUT_RANGE', ['smtp', 'port']);
  });
});

describe('properties', () => {
  prop.prop([fc.uint8Array({ minLength: 0, maxLength: 3000 })], { numRuns: runs(15) })('any bytes arrive unchanged', async (bytes) => {
    const r = expectOk(await transport.send({ fileId: 'P1', destination: 'caisse@cpam.test', bytes }));
    const got = smtp.received.find((m) => m.messageId === r.messageId && m === smtp.received.at(-1))!;
    expect(Buffer.from(attachmentsOf(got.raw)[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  prop.prop([fc.string(), fc.string()])('computeMessageId is stable and a valid msg-id shape', (id, domain) => {
    const m = computeMessageId(id, domain);
    expect(m).toBe(computeMessageId(id, domain));
    expect(m).toMatch(/^<sesam\.[A-Za-z0-9._=-]*@[A-Za-z0-9.-]+>$/);
  });
});
