/**
 * POP3 retrieval against a real dovecot with POP3 enabled (Debian dovecot-pop3d; started by the
 * test helper with a generated config, loopback ports, stopped by PID): exact bytes, UIDL as
 * ref, a return fetched twice applied once, nothing deleted (DELE) before it is stored, server
 * down, a connection cut in the middle of a RETR (a loopback proxy that drops the connection).
 */
import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { ok, err, createIssueFactory } from '../../src/core/issues/index';
import { TRANSPORT_CODES, createMailTransport, createMemoryOutboxStore, createOutbox, computeContentHash } from '../../src/transport/index';
import type { FetchedReturn, Transport } from '../../src/transport/index';
import { parseMail } from '../../src/transport/mail/mime';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { hasDovecotPop3, startDovecot } from './helpers/dovecot';
import type { TestDovecot } from './helpers/dovecot';
import { composeReturn, countMessages, deliver } from './helpers/returns';
import { fakeB2 } from './helpers/files';

const issue = createIssueFactory(TRANSPORT_CODES);

function pop3Transport(port: number, extra: Record<string, unknown> = {}): Transport {
  return expectOk(
    createMailTransport({
      smtp: { host: '127.0.0.1', port: 1 },
      pop3: { host: '127.0.0.1', port, auth: { user: 'ps', pass: 'secret' }, timeoutMs: 5000, ...extra },
      from: 'ps@cabinet.test',
    }),
  );
}

/** A loopback proxy to `target` that cuts every connection after `cutAfter` octets from the server. */
async function cuttingProxy(target: number, cutAfter: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    let seen = 0;
    upstream.on('data', (d: Buffer) => {
      seen += d.length;
      if (seen > cutAfter) {
        client.write(d.subarray(0, d.length - (seen - cutAfter)));
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(d);
    });
    client.on('data', (d) => upstream.write(d));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe.skipIf(!hasDovecotPop3())(`POP3 retrieval with dovecot${hasDovecotPop3() ? '' : ' (skipped: dovecot-pop3d missing; apt-get install dovecot-pop3d)'}`, () => {
  let dovecot: TestDovecot;
  let transport: Transport;
  const arl1 = fakeB2('ARL101', 2);
  const arl2 = fakeB2('ARL102', 2);
  const noemie = fakeB2('NOE101', 40);

  beforeAll(async () => {
    dovecot = await startDovecot({ pop3: true });
    transport = pop3Transport(dovecot.pop3Port!);
  }, 30_000);
  afterAll(async () => {
    await transport?.close();
    await dovecot?.stop();
  });

  it('fetches the attachments in their exact bytes under their UIDL; fetching twice gives it twice; DELE only once stored', async () => {
    await deliver(dovecot, [{ messageId: '<arl-101@cpam.test>', inReplyTo: '<sesam.F1@cabinet.test>', subject: 'ARL é', attachments: [{ filename: 'ARL101', bytes: arl1 }] }]);
    const got = expectOk(await transport.fetchReturns());
    expect(got).toHaveLength(1);
    const r = got[0]!;
    expect(r.messageId).toBe('<arl-101@cpam.test>');
    expect(r.inReplyTo).toBe('<sesam.F1@cabinet.test>');
    expect(r.from).toBe('arl@cpam.test');
    expect(r.subject).toBe('ARL é');
    expect(r.ref).toMatch(/^\S+$/);
    expect(r.attachments.map((a) => a.filename)).toEqual(['ARL101']);
    expect(Buffer.from(r.attachments[0]!.bytes).equals(Buffer.from(arl1))).toBe(true);
    expect(r.contentHash).toBe(computeContentHash([arl1]));
    // Fetching only reads: the same message under the same UIDL, still on the server.
    const again = expectOk(await transport.fetchReturns());
    expect(again.map((x) => x.ref)).toEqual([r.ref]);
    expect(await countMessages(dovecot)).toBe(1);
    expect(expectOk(await transport.markStored([r.ref]))).toBe(1);
    expect(expectOk(await transport.fetchReturns())).toHaveLength(0);
    expect(await countMessages(dovecot)).toBe(0);
  });

  it('receive: fetch twice → applied once; a refused return is not deleted; a duplicate ARL under another Message-ID is recognised', async () => {
    const store = createMemoryOutboxStore();
    const outbox = expectOk(createOutbox({ store, transport }));
    const applied: FetchedReturn[] = [];
    const apply = (ret: FetchedReturn) => {
      applied.push(ret);
      return ok(ret.contentHash);
    };
    await deliver(dovecot, [
      { messageId: '<arl-102@cpam.test>', attachments: [{ filename: 'ARL102', bytes: arl2 }] },
      { messageId: '<noemie-101@cpam.test>', subject: 'NOEMIE', attachments: [{ filename: 'NOE101', bytes: noemie }] },
    ]);
    // The ledger refuses: nothing is deleted.
    const refused = expectOk(await outbox.receive(() => err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: 'ledger busy' }))));
    expect(refused.refused).toHaveLength(2);
    expect(await countMessages(dovecot)).toBe(2);
    const first = expectOk(await outbox.receive(apply));
    expect(first.applied.map((x) => x.messageId)).toEqual(['<arl-102@cpam.test>', '<noemie-101@cpam.test>']);
    expect(await countMessages(dovecot)).toBe(0);
    const second = expectOk(await outbox.receive(apply));
    expect(second.applied).toEqual([]);
    await deliver(dovecot, [{ messageId: '<arl-102-bis@cpam.test>', attachments: [{ filename: 'ARL102', bytes: arl2 }] }]);
    const third = expectOk(await outbox.receive(apply));
    expect(third.duplicates.map((x) => x.messageId)).toEqual(['<arl-102-bis@cpam.test>']);
    expect(applied).toHaveLength(2);
  });

  it('a crash between the store and the DELE: the return comes back and is a duplicate, never re-applied', async () => {
    const store = createMemoryOutboxStore();
    await deliver(dovecot, [{ messageId: '<arl-103@cpam.test>', attachments: [{ filename: 'ARL103', bytes: fakeB2('ARL103') }] }]);
    const noDele: Transport = { ...transport, markStored: async () => err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: 'crash' })) };
    const a = expectOk(await expectOk(createOutbox({ store, transport: noDele })).receive((x) => ok(x)));
    expect(a.applied).toHaveLength(1);
    expect(await countMessages(dovecot)).toBe(1);
    const b = expectOk(await expectOk(createOutbox({ store, transport })).receive((x) => ok(x)));
    expect(b.applied).toEqual([]);
    expect(b.duplicates.map((x) => x.messageId)).toEqual(['<arl-103@cpam.test>']);
    expect(await countMessages(dovecot)).toBe(0);
  });

  it('leaveOnServer: stored returns are never deleted and not fetched again by this transport', async () => {
    const keep = pop3Transport(dovecot.pop3Port!, { leaveOnServer: true });
    await deliver(dovecot, [{ messageId: '<arl-104@cpam.test>', attachments: [{ filename: 'ARL104', bytes: fakeB2('ARL104') }] }]);
    const got = expectOk(await keep.fetchReturns());
    expect(got).toHaveLength(1);
    expect(expectOk(await keep.markStored(got.map((x) => x.ref)))).toBe(1);
    expect(expectOk(await keep.fetchReturns())).toHaveLength(0);
    expect(await countMessages(dovecot)).toBe(1);
    expect(expectOk(await transport.markStored(got.map((x) => x.ref)))).toBe(1);
    expect(await countMessages(dovecot)).toBe(0);
  });

  it('a message over maxMessageBytes is left on the server with a warning', async () => {
    const small = pop3Transport(dovecot.pop3Port!, { maxMessageBytes: 2000 });
    await deliver(dovecot, [{ messageId: '<noemie-big@cpam.test>', attachments: [{ filename: 'NOE', bytes: fakeB2('NOEBIG', 60) }] }]);
    const got = await small.fetchReturns();
    expect(expectOk(got)).toEqual([]);
    expectIssue(got.issues, 'TRANSPORT_RETURN_TOO_LARGE');
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport: small }));
    expectIssue(expectOk(await outbox.receive(() => ok(1))).issues, 'TRANSPORT_RETURN_TOO_LARGE');
    expect(await countMessages(dovecot)).toBe(1);
    expect(expectOk(await transport.markStored(expectOk(await transport.fetchReturns()).map((x) => x.ref)))).toBe(1);
  });

  it('connection cut in the middle of a RETR: unreachable, nothing applied, nothing deleted; the next fetch gets it whole', async () => {
    await deliver(dovecot, [{ messageId: '<noemie-102@cpam.test>', attachments: [{ filename: 'NOE102', bytes: noemie }] }]);
    // Greeting + CAPA + USER + PASS + UIDL + LIST answers take well under 600 octets; the message is ~8 KiB.
    const proxy = await cuttingProxy(dovecot.pop3Port!, 1500);
    try {
      const cut = pop3Transport(proxy.port);
      const store = createMemoryOutboxStore();
      const applied: FetchedReturn[] = [];
      const r = await expectOk(createOutbox({ store, transport: cut })).receive((x) => {
        applied.push(x);
        return ok(x);
      });
      expectIssue(r, 'TRANSPORT_MAILBOX_UNREACHABLE');
      expect(applied).toEqual([]);
      expect(await countMessages(dovecot)).toBe(1);
      const whole = expectOk(await expectOk(createOutbox({ store, transport })).receive((x) => ok(x)));
      expect(whole.applied).toHaveLength(1);
      expect(Buffer.from(whole.applied[0]!.attachments[0]!.bytes).equals(Buffer.from(noemie))).toBe(true);
      expect(await countMessages(dovecot)).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('server down, wrong password, a server that is not POP3: unreachable with one line', async () => {
    const down = pop3Transport(1);
    expectIssue(await down.fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    const wrong = expectOk(createMailTransport({ smtp: { host: '127.0.0.1', port: 1 }, pop3: { host: '127.0.0.1', port: dovecot.pop3Port!, auth: { user: 'ps', pass: 'wrong' }, timeoutMs: 5000 }, from: 'a@b.test' }));
    const w = await wrong.fetchReturns();
    expectIssue(w, 'TRANSPORT_MAILBOX_UNREACHABLE');
    expect(JSON.stringify(w)).not.toContain('wrong');
    const imapAsPop3 = pop3Transport(dovecot.port);
    expectIssue(await imapAsPop3.fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    const tls = pop3Transport(dovecot.pop3Port!, { requireTLS: true });
    expectIssue(await tls.fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
  }, 30_000);
});

describe('createMailTransport options', () => {
  it('takes imap or pop3, not both; neither is a sending-only transport', async () => {
    const server = { host: '127.0.0.1', port: 110, auth: { user: 'u', pass: 'p' } };
    expectIssue(await expectOk(createMailTransport({ smtp: { host: 'h', port: 25 }, from: 'a@b.test' })).fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    expectIssue(createMailTransport({ smtp: { host: 'h', port: 25 }, imap: server, pop3: server, from: 'a@b.test' }), 'INPUT_RANGE');
    expectIssue(createMailTransport({ smtp: { host: 'h', port: 25 }, pop3: { ...server, batch: 0 }, from: 'a@b.test' }), 'INPUT_RANGE');
    expectOk(createMailTransport({ smtp: { host: 'h', port: 25 }, pop3: server, from: 'a@b.test' }));
  });
});

describe('properties', () => {
  prop.prop([fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 4 })], { numRuns: runs(30) })(
    'parseMail gives back the exact bytes of every attachment nodemailer composed',
    async (parts) => {
      const raw = await composeReturn({ messageId: '<p@cpam.test>', attachments: parts.map((bytes, i) => ({ filename: `F${i}`, bytes })) });
      const mail = parseMail(new Uint8Array(raw));
      expect(mail.messageId).toBe('<p@cpam.test>');
      expect(mail.attachments.map((a) => Buffer.from(a.bytes).toString('hex'))).toEqual(parts.map((p) => Buffer.from(p).toString('hex')));
    },
  );
});
