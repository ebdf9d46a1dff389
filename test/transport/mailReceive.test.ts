/**
 * IMAP retrieval against a real dovecot (started by test/transport/helpers/dovecot.ts) and the
 * idempotent `receive` of the outbox: duplicate ARL, fetch twice → applied once, nothing deleted
 * from the mailbox, mailbox unreachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { ok, err, createIssueFactory } from '../../src/core/issues/index';
import { TRANSPORT_CODES, createMailTransport, createMemoryOutboxStore, createOutbox, computeContentHash } from '../../src/transport/index';
import type { FetchedReturn, Transport } from '../../src/transport/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { findDovecot, startDovecot } from './helpers/dovecot';
import type { TestDovecot } from './helpers/dovecot';
import { countMessages, deliver } from './helpers/returns';
import { fakeB2 } from './helpers/files';

const dovecotBin = findDovecot();
const issue = createIssueFactory(TRANSPORT_CODES);

describe.skipIf(dovecotBin === undefined)(`IMAP retrieval with dovecot${dovecotBin ? '' : ' (skipped: /usr/sbin/dovecot missing; apt-get install dovecot-imapd)'}`, () => {
  let dovecot: TestDovecot;
  let transport: Transport;
  const arl1 = fakeB2('ARL001', 2);
  const arl2 = fakeB2('ARL002', 2);
  const noemie = fakeB2('NOE001', 5);

  beforeAll(async () => {
    dovecot = await startDovecot();
    transport = expectOk(
      createMailTransport({
        smtp: { host: '127.0.0.1', port: 1 },
        imap: { host: '127.0.0.1', port: dovecot.port, auth: { user: dovecot.user, pass: dovecot.pass }, timeoutMs: 5000 },
        from: 'ps@cabinet.test',
      }),
    );
  }, 30_000);
  afterAll(async () => {
    await transport?.close();
    await dovecot?.stop();
  });

  it('fetches the attachments in their exact bytes, and nothing is deleted', async () => {
    await deliver(dovecot, [{ messageId: '<arl-1@cpam.test>', inReplyTo: '<sesam.F1@cabinet.test>', attachments: [{ filename: 'ARL001', bytes: arl1 }] }]);
    const got = expectOk(await transport.fetchReturns());
    expect(got).toHaveLength(1);
    const r = got[0]!;
    expect(r.messageId).toBe('<arl-1@cpam.test>');
    expect(r.inReplyTo).toBe('<sesam.F1@cabinet.test>');
    expect(r.from).toBe('arl@cpam.test');
    expect(r.attachments.map((a) => a.filename)).toEqual(['ARL001']);
    expect(Buffer.from(r.attachments[0]!.bytes).equals(Buffer.from(arl1))).toBe(true);
    expect(r.contentHash).toBe(computeContentHash([arl1]));
    // Fetching again (nothing marked yet) gives it again: fetching only reads.
    expect(expectOk(await transport.fetchReturns())).toHaveLength(1);
    expect(expectOk(await transport.markStored([r.ref]))).toBe(1);
    expect(expectOk(await transport.fetchReturns())).toHaveLength(0);
    expect(await countMessages(dovecot)).toBe(1);
  });

  it('receive: fetch twice → applied once; a duplicate ARL under another Message-ID is recognised', async () => {
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport }));
    const applied: FetchedReturn[] = [];
    const apply = (r: FetchedReturn) => {
      applied.push(r);
      return ok(r.contentHash);
    };
    await deliver(dovecot, [
      { messageId: '<arl-2@cpam.test>', attachments: [{ filename: 'ARL002', bytes: arl2 }] },
      { messageId: '<noemie-1@cpam.test>', subject: 'NOEMIE', attachments: [{ filename: 'NOE001', bytes: noemie }] },
    ]);
    const first = expectOk(await outbox.receive(apply));
    expect(first.applied.map((r) => r.messageId)).toEqual(['<arl-2@cpam.test>', '<noemie-1@cpam.test>']);
    const second = expectOk(await outbox.receive(apply));
    expect(second.applied).toEqual([]);
    // The caisse sends the same ARL again, under a new Message-ID.
    await deliver(dovecot, [{ messageId: '<arl-2-bis@cpam.test>', attachments: [{ filename: 'ARL002', bytes: arl2 }] }]);
    const third = expectOk(await outbox.receive(apply));
    expect(third.applied).toEqual([]);
    expect(third.duplicates.map((r) => r.messageId)).toEqual(['<arl-2-bis@cpam.test>']);
    expect(applied).toHaveLength(2);
    expect(await countMessages(dovecot)).toBe(4);
  });

  it('a return the caller could not store stays unmarked and comes back; a crash before the flag does not re-apply', async () => {
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport }));
    await deliver(dovecot, [{ messageId: '<arl-3@cpam.test>', attachments: [{ filename: 'ARL003', bytes: fakeB2('ARL003') }] }]);
    const refused = expectOk(await outbox.receive(() => err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: 'ledger busy' }))));
    // Earlier returns are flagged stored in the mailbox: only ARL003 is fetched, and refused.
    expect(refused.refused.map((r) => r.ret.messageId)).toEqual(['<arl-3@cpam.test>']);
    // Mailbox flag lost (crash between store and flag): the store key still makes it a duplicate.
    const store = createMemoryOutboxStore();
    const noFlag: Transport = { ...transport, markStored: async () => err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: 'crash' })) };
    const o2 = expectOk(createOutbox({ store, transport: noFlag }));
    const a = expectOk(await o2.receive((r) => ok(r)));
    expect(a.applied.map((r) => r.messageId)).toEqual(['<arl-3@cpam.test>']);
    expectIssue(a.issues, 'TRANSPORT_MAILBOX_UNREACHABLE');
    const b = expectOk(await expectOk(createOutbox({ store, transport })).receive((r) => ok(r)));
    expect(b.applied).toEqual([]);
    expect(b.duplicates.map((r) => r.messageId)).toEqual(['<arl-3@cpam.test>']);
  });

  it('mailbox unreachable: wrong port, wrong password', async () => {
    const port = expectOk(createMailTransport({ smtp: { host: '127.0.0.1', port: 1 }, imap: { host: '127.0.0.1', port: 1, auth: { user: 'ps', pass: 'secret' }, timeoutMs: 2000 }, from: 'a@b.test' }));
    expectIssue(await port.fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    const pass = expectOk(createMailTransport({ smtp: { host: '127.0.0.1', port: 1 }, imap: { host: '127.0.0.1', port: dovecot.port, auth: { user: 'ps', pass: 'wrong' }, timeoutMs: 5000 }, from: 'a@b.test' }));
    expectIssue(await pass.fetchReturns(), 'TRANSPORT_MAILBOX_UNREACHABLE');
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport: port }));
    expectIssue(await outbox.receive(() => ok(1)), 'TRANSPORT_MAILBOX_UNREACHABLE');
  }, 30_000);
});

describe('properties', () => {
  prop.prop([fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 5 }), fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 5 })])(
    'computeContentHash tells apart different attachment lists (no concatenation collisions)',
    (a, b) => {
      const same = a.length === b.length && a.every((x, i) => Buffer.from(x).equals(Buffer.from(b[i]!)));
      expect(computeContentHash(a) === computeContentHash(b)).toBe(same);
    },
  );
});
