/**
 * The outbox over a real SMTP server (smtp-server in-process): SMTP down then back, connection
 * cut mid-transfer, permanent refusal, circuit breaker, restart with the SQLite store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import {
  computeBackoffMs,
  createMailTransport,
  createMemoryOutboxStore,
  createOutbox,
  createSqliteOutboxStore,
  DEFAULT_BACKOFF,
  nextCircuitState,
} from '../../src/transport/index';
import type { OutboxStore, Transport } from '../../src/transport/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { manualClock } from './helpers/clock';
import { fileOf } from './helpers/files';
import { attachmentsOf, startTestSmtp } from './helpers/smtpServer';
import type { TestSmtp } from './helpers/smtpServer';

let smtp: TestSmtp;
let transport: Transport;
const dir = mkdtempSync(join(tmpdir(), 'outbox-'));

beforeAll(async () => {
  smtp = await startTestSmtp();
  transport = expectOk(
    createMailTransport({
      smtp: { host: '127.0.0.1', port: smtp.port, timeoutMs: 3000 },
      imap: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' } },
      from: 'cabinet@ps.test',
    }),
  );
});
afterAll(async () => {
  await transport.close();
  await smtp.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  smtp.fault = 'none';
});

const byId = (ids: readonly string[]) => ids.map((id) => smtp.received.filter((m) => m.raw.includes(`X-Sesam-File-ID: ${id}`)).length);

function outboxWith(store: OutboxStore, t = manualClock(), extra: { threshold?: number } = {}) {
  return expectOk(createOutbox({ store, transport, clock: t.clock, sleep: t.sleep, random: () => 0.5, breaker: { threshold: extra.threshold ?? 3, cooldownMs: 60_000 } }));
}

describe('createOutbox', () => {
  it('SMTP down then back: the queue drains, nothing lost, nothing doubled', async () => {
    const t = manualClock();
    const outbox = outboxWith(createMemoryOutboxStore(), t);
    const ids = ['D00001', 'D00002', 'D00003', 'D00004'];
    for (const id of ids) expectOk(await outbox.enqueue(fileOf(id)));
    await smtp.stop();
    const down = await outbox.drain();
    expect(down.sent).toEqual([]);
    expect(down.retrying).toHaveLength(3); // the 3rd failure opens the circuit
    expect(down.deferred).toEqual(['D00004']);
    expectIssue(down.issues, 'TRANSPORT_SEND_FAILED');
    expectIssue(down.issues, 'TRANSPORT_CIRCUIT_OPEN', ['destination']);
    expect(outbox.circuit('caisse@cpam.test').openUntil).toBeGreaterThan(t.now());
    // Still down after the cooldown: one half-open trial fails, the circuit re-opens.
    t.advance(61_000);
    const trial = await outbox.drain();
    expect(trial.retrying).toHaveLength(1);
    expect(trial.deferred).toHaveLength(3);
    await smtp.restart();
    const done = await outbox.drainUntilIdle();
    expect(done.nextDueAt).toBeUndefined();
    expect(await outbox.list('pending')).toEqual([]);
    expect((await outbox.list('sent')).map((e) => e.fileId).sort()).toEqual(ids);
    expect(byId(ids)).toEqual([1, 1, 1, 1]);
    // A second enqueue of a sent file is the same entry, never a second message.
    expect(expectOk(await outbox.enqueue(fileOf('D00001'))).status).toBe('sent');
    await outbox.drain();
    expect(byId(ids)).toEqual([1, 1, 1, 1]);
  });

  it('connection cut mid-transfer: retried under the same Message-ID, delivered once', async () => {
    const outbox = outboxWith(createMemoryOutboxStore());
    expectOk(await outbox.enqueue(fileOf('C00001')));
    smtp.fault = 'cut';
    const cut = await outbox.drain();
    expect(cut.retrying).toEqual(['C00001']);
    smtp.fault = 'none';
    const after = await outbox.drainUntilIdle();
    expect(after.nextDueAt).toBeUndefined();
    expect(byId(['C00001'])).toEqual([1]);
    const entry = (await outbox.list('sent'))[0]!;
    expect(entry.attempts).toBe(2);
    const msg = smtp.received.find((m) => m.messageId === entry.messageId)!;
    expect(Buffer.from(attachmentsOf(msg.raw)[0]!.bytes).equals(Buffer.from(fileOf('C00001').bytes))).toBe(true);
  });

  it('acknowledgement lost after the server stored the file: the resend carries the same Message-ID', async () => {
    const outbox = outboxWith(createMemoryOutboxStore());
    expectOk(await outbox.enqueue(fileOf('L00001')));
    smtp.fault = 'lose-ack';
    expect((await outbox.drain()).retrying).toEqual(['L00001']);
    smtp.fault = 'none';
    await outbox.drainUntilIdle();
    const copies = smtp.received.filter((m) => m.raw.includes('X-Sesam-File-ID: L00001'));
    expect(copies).toHaveLength(2); // SMTP cannot prevent this: the receiver dedupes…
    expect(new Set(copies.map((m) => m.messageId)).size).toBe(1); // …by the one Message-ID
    expect((await outbox.list('sent')).map((e) => e.fileId)).toEqual(['L00001']);
  });

  it('overlapping drains in one process send each file once', async () => {
    const outbox = outboxWith(createMemoryOutboxStore());
    const ids = ['O00001', 'O00002', 'O00003'];
    for (const id of ids) expectOk(await outbox.enqueue(fileOf(id)));
    const [a, b] = await Promise.all([outbox.drain(), outbox.drain()]);
    expect(a.sent.map((r) => r.fileId)).toEqual(ids);
    expect(b).toBe(a);
    expect(byId(ids)).toEqual([1, 1, 1]);
  });

  it('a permanent refusal fails the entry at once; requeue sends it', async () => {
    const outbox = outboxWith(createMemoryOutboxStore());
    expectOk(await outbox.enqueue(fileOf('R00001')));
    smtp.fault = '550';
    const r = await outbox.drain();
    expect(r.failed).toEqual(['R00001']);
    expectIssue(r.issues, 'TRANSPORT_SEND_REJECTED');
    expect(outbox.circuit('caisse@cpam.test').failures).toBe(0);
    smtp.fault = 'none';
    expect((await outbox.drain()).sent).toEqual([]);
    expect(expectOk(await outbox.requeue('R00001')).status).toBe('pending');
    expect((await outbox.drain()).sent.map((s) => s.fileId)).toEqual(['R00001']);
  });

  it('gives up after maxAttempts', async () => {
    const t = manualClock();
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport, clock: t.clock, sleep: t.sleep, maxAttempts: 2, breaker: { threshold: 99 } }));
    expectOk(await outbox.enqueue(fileOf('G00001')));
    smtp.fault = '451';
    const r = await outbox.drainUntilIdle();
    expectIssue(r.issues, 'TRANSPORT_GAVE_UP', ['fileId']);
    expect((await outbox.list('failed')).map((e) => e.fileId)).toEqual(['G00001']);
  });

  it('the same id with other bytes is a conflict', async () => {
    const outbox = outboxWith(createMemoryOutboxStore());
    expectOk(await outbox.enqueue(fileOf('X00001')));
    expectIssue(await outbox.enqueue({ ...fileOf('X00001'), bytes: new Uint8Array([1]) }), 'TRANSPORT_FILE_CONFLICT', ['fileId']);
    expectIssue(await outbox.enqueue({ fileId: '', destination: 1 } as never), 'INPUT_MISSING', ['bytes']);
    expectIssue(createOutbox(undefined as never), 'INPUT_MISSING');
    expectIssue(createOutbox(42 as never), 'INPUT_TYPE');
  });

  it('SQLite store: queued files survive a restart and are sent once', async () => {
    const path = join(dir, 'outbox.sqlite');
    const t = manualClock();
    const s1 = await createSqliteOutboxStore({ path });
    const o1 = outboxWith(s1, t);
    expectOk(await o1.enqueue(fileOf('S00001')));
    expectOk(await o1.enqueue(fileOf('S00002')));
    await smtp.stop();
    await o1.drain();
    await s1.close(); // the PMS is closed while offline
    await smtp.restart();
    const s2 = await createSqliteOutboxStore({ path });
    const o2 = outboxWith(s2, t);
    const pending = await o2.list('pending');
    expect(pending.map((e) => [e.fileId, e.attempts])).toEqual([['S00001', 1], ['S00002', 1]]);
    expect(Buffer.from(pending[0]!.bytes).equals(Buffer.from(fileOf('S00001').bytes))).toBe(true);
    await o2.drainUntilIdle();
    expect(byId(['S00001', 'S00002'])).toEqual([1, 1]);
    await s2.recordReturn({ messageId: '<arl@cpam.test>', contentHash: 'ab'.repeat(32), at: t.clock() });
    await s2.close();
    // Keys of stored returns survive a restart too.
    const s3 = await createSqliteOutboxStore({ path });
    expect(await s3.hasReturn('<arl@cpam.test>', '00')).toBe(true);
    expect(await s3.hasReturn('<other@cpam.test>', 'ab'.repeat(32))).toBe(true);
    expect(await s3.hasReturn('<other@cpam.test>', '00')).toBe(false);
    expect((await s3.list('sent')).map((e) => e.fileId)).toEqual(['S00001', 'S00002']);
    await s3.close();
  });
});

describe('properties', () => {
  prop.prop([fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true })])('backoff stays within [capped/2, capped] and never shrinks on average', (n, r) => {
    const d = computeBackoffMs(n, DEFAULT_BACKOFF, r);
    const capped = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** Math.min(n - 1, 64));
    expect(d).toBeGreaterThanOrEqual(Math.floor(capped / 2));
    expect(d).toBeLessThanOrEqual(capped);
  });

  prop.prop([fc.array(fc.boolean(), { maxLength: 30 })])('the circuit opens exactly after `threshold` failures in a row', (outcomes) => {
    let s = { failures: 0, openUntil: 0 };
    let run = 0;
    for (const success of outcomes) {
      s = nextCircuitState(s, success, 1000, { threshold: 3, cooldownMs: 10 });
      run = success ? 0 : run + 1;
      expect(s.openUntil > 0).toBe(run >= 3);
    }
  });
});
