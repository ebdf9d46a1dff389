/**
 * Local caisse: lots/s through our transport vs a raw nodemailer send of the same bytes, to the
 * same local caisse (smtp-server on loopback, which parses every B2 lot with parseB2File and
 * answers it), in alternated rounds of the same run.
 *  - baseline: nodemailer `sendMail` (pooled connection), the B2 lot as a base64 attachment;
 *  - ours: outbox `enqueue` + `drain` (memory store) through `createMailTransport` (pooled
 *    SMTP): envelope, Message-ID, queue bookkeeping on top of the same send.
 * The caisse's answers are scheduled on a manual scheduler that is never advanced: the figure is
 * the sending path, not the mailbox.
 */
import nodemailer from 'nodemailer';
import { unwrap } from '../src/core/issues/index';
import { createManualScheduler, createMemoryMailbox, startLocalCaisse } from '../src/simulator/caisse/index';
import { createMailTransport, createMemoryOutboxStore, createOutbox } from '../src/transport/index';
import { buildDay } from '../test/simulator/caisse/helpers';
import type { Rate } from './harness';
import { report } from './harness';

const LOTS_PER_ROUND = 100;

async function lotsPerSecond(send: (k: number) => Promise<unknown>, start: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < LOTS_PER_ROUND; i++) await send(start + i);
  return LOTS_PER_ROUND / (Number(process.hrtime.bigint() - t0) / 1e9);
}

export default async function (): Promise<void> {
  const { files } = await buildDay({ files: 50, perFile: 5 });
  const caisse = unwrap(await startLocalCaisse({ mailbox: createMemoryMailbox(), scheduler: unwrap(createManualScheduler('2025-03-11T08:00:00Z')) }));
  const port = caisse.port;
  const raw = nodemailer.createTransport({ pool: true, maxConnections: 1, host: '127.0.0.1', port, secure: false });
  const transport = unwrap(createMailTransport({ smtp: { host: '127.0.0.1', port, pool: true }, imap: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' } }, from: 'ps@cabinet.test' }));
  const outbox = unwrap(createOutbox({ store: createMemoryOutboxStore(), transport }));
  const lot = (k: number) => files[k % files.length]!;
  const baseline = (k: number) =>
    raw.sendMail({
      from: 'ps@cabinet.test', to: 'cpam751@caisse.test', subject: `R${k}`, messageId: `<raw.${k}@cabinet.test>`, text: 'x',
      attachments: [{ filename: 'lot.b2', content: Buffer.from(lot(k).bytes), contentType: 'application/octet-stream', contentTransferEncoding: 'base64' }],
    });
  const ours = async (k: number) => {
    unwrap(await outbox.enqueue({ fileId: `Q${k}`, destination: 'cpam751@caisse.test', bytes: lot(k).bytes }));
    const r = await outbox.drain();
    if (r.sent.length !== 1) throw new Error(`lot Q${k} not sent: ${r.issues.map((i) => i.code).join(', ')}`);
  };
  let k = 0;
  for (let i = 0; i < 30; i++) {
    await baseline(k++);
    await ours(k++);
  }
  const base: number[] = [];
  const mine: number[] = [];
  for (let round = 0; round < 5; round++) {
    base.push(await lotsPerSecond(baseline, (k += LOTS_PER_ROUND)));
    mine.push(await lotsPerSecond(ours, (k += LOTS_PER_ROUND)));
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const bytes = Math.round(files.reduce((s, f) => s + f.bytes.length, 0) / files.length);
  const rates: Rate[] = [
    { name: `raw nodemailer sendMail, pooled, ${bytes} B lot (baseline)`, perSecond: med(base) },
    { name: 'outbox enqueue + drain → createMailTransport (pooled)', perSecond: med(mine) },
  ];
  report(rates, 'lots/s');
  console.log(`  caisse: ${caisse.stats().files} lots parsed and answered, ${caisse.stats().duplicates} duplicates`);
  raw.close();
  await transport.close();
  await caisse.close();
}
