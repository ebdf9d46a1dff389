/**
 * Transport: files/s of our SMTP path vs a raw nodemailer send of the same bytes, to the same
 * in-process smtp-server on loopback, measured in alternated rounds in the same run.
 *  - baseline: `nodemailer.sendMail` with the B2 bytes as attachment (one connection per message,
 *    as our adapter does);
 *  - `Transport.send` (envelope + Message-ID + send);
 *  - outbox: `enqueue` + `drain` through the memory store (the queue's bookkeeping on top).
 */
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { Rate } from './harness';
import { report } from './harness';
import { createMailTransport, createMemoryOutboxStore, createOutbox } from '../src/transport/index';
import { unwrap } from '../src/core/index';

async function rate(fn: () => Promise<unknown>, ms: number): Promise<number> {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < end) {
    await fn();
    n += 1;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export default async function (): Promise<void> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _s, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => done());
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  const bytes = new TextEncoder().encode(Array.from({ length: 200 }, (_, i) => `${String(i).padStart(3, '0')}`.padEnd(128, ' ')).join('\r\n'));
  const raw = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false });
  const rawPool = nodemailer.createTransport({ pool: true, maxConnections: 1, host: '127.0.0.1', port, secure: false });
  const pooled = unwrap(createMailTransport({ smtp: { host: '127.0.0.1', port, pool: true }, imap: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' } }, from: 'ps@cabinet.test' }));
  const transport = unwrap(createMailTransport({ smtp: { host: '127.0.0.1', port }, imap: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' } }, from: 'ps@cabinet.test' }));
  const outbox = unwrap(createOutbox({ store: createMemoryOutboxStore(), transport }));
  let k = 0;
  const baseline = () =>
    raw.sendMail({ from: 'ps@cabinet.test', to: 'caisse@cpam.test', subject: 'x', text: 'x', attachments: [{ filename: 'f.b2', content: Buffer.from(bytes), contentType: 'application/octet-stream' }] });
  const mail = { from: 'ps@cabinet.test', to: 'caisse@cpam.test', subject: 'x', text: 'x', attachments: [{ filename: 'f.b2', content: Buffer.from(bytes), contentType: 'application/octet-stream' }] };
  const basePool = () => rawPool.sendMail(mail);
  const sendPool = () => pooled.send({ fileId: `P${k++}`, destination: 'caisse@cpam.test', bytes });
  const send = () => transport.send({ fileId: `B${k++}`, destination: 'caisse@cpam.test', bytes });
  const queued = async () => {
    unwrap(await outbox.enqueue({ fileId: `Q${k++}`, destination: 'caisse@cpam.test', bytes }));
    await outbox.drain();
  };
  for (let i = 0; i < 20; i++) await Promise.all([baseline(), send()]); // warm-up
  const r: Record<string, number[]> = { base: [], send: [], queue: [], basePool: [], sendPool: [] };
  for (let round = 0; round < 5; round++) {
    r['basePool']!.push(await rate(basePool, 300));
    r['sendPool']!.push(await rate(sendPool, 300));
    r['base']!.push(await rate(baseline, 300));
    r['send']!.push(await rate(send, 300));
    r['queue']!.push(await rate(queued, 300));
  }
  const rates: Rate[] = [
    { name: 'raw nodemailer sendMail, 25.8 kB B2 (baseline)', perSecond: median(r['base']!) },
    { name: 'Transport.send (createMailTransport)', perSecond: median(r['send']!) },
    { name: 'outbox enqueue + drain (memory store)', perSecond: median(r['queue']!) },
  ];
  report(rates, 'files/s');
  console.log('  pooled connection (smtp.pool: true):');
  report(
    [
      { name: 'raw nodemailer sendMail, pooled (baseline)', perSecond: median(r['basePool']!) },
      { name: 'Transport.send, smtp.pool: true', perSecond: median(r['sendPool']!) },
    ],
    'files/s',
  );
  rawPool.close();
  await pooled.close();
  raw.close();
  await transport.close();
  await new Promise<void>((res) => server.close(() => res()));
}
