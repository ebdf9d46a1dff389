/**
 * Cards bench: APDUs per signature, and our stack's latency (arbitration + APDU channel +
 * PC/SC adapter) divided by a raw pcsclite transmit of the same APDUs in the same run
 * (virtual CPS through a real pcscd + vpcd when available; goal ≤ 1.1). Falls back to the
 * in-process virtual CPS, printing why.
 */
import { createHash } from 'node:crypto';
import { createDemoCards, mseSetSign, openCps, psoComputeSignature, serializeCommandApdu, DEFAULT_CPS_PROFILE, unwrapCps } from './cardsSupport';
import type { CardAccess } from '../src/reader/index';
import { createPcscClient } from '../src/reader/pcsc/index';
import { pcscLabUnavailable, startPcscLab } from '../test/e2e/support/pcscLab';

const digest = new Uint8Array(createHash('sha256').update('bench').digest());

async function timeIt(fn: () => Promise<unknown>, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e3 / n; // µs per op
}

/**
 * Ours vs raw, interleaved in small batches so drift and noise from other processes hit both
 * alike; returns the median of per-batch µs/op for [ours, raw].
 */
async function compare(ours: () => Promise<unknown>, raw: () => Promise<unknown>, n: number, batch = 10): Promise<[number, number]> {
  await timeIt(ours, 50);
  await timeIt(raw, 50);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < Math.ceil(n / batch); r++) {
    if (r % 2 === 0) {
      a.push(await timeIt(ours, batch));
      b.push(await timeIt(raw, batch));
    } else {
      b.push(await timeIt(raw, batch));
      a.push(await timeIt(ours, batch));
    }
  }
  const med = (x: number[]) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)] ?? 0;
  return [med(a), med(b)];
}

function counted(access: CardAccess): { access: CardAccess; n: () => number } {
  let n = 0;
  return { access: { reader: access.reader, exclusive: (fn, o) => access.exclusive((t) => fn({ reader: t.reader, atr: t.atr, transmit: (c) => (n++, t.transmit(c)) }), o) }, n: () => n };
}

export default async function (): Promise<void> {
  // In-process: APDUs per signature.
  const demo = await createDemoCards();
  const c = counted(demo.cps.access);
  const cps = unwrapCps(await openCps(c.access));
  await cps.verifyPin(new TextEncoder().encode(demo.pin));
  const before = c.n();
  for (let i = 0; i < 10; i++) await cps.signer.signDigest(digest);
  console.log(`  APDUs per signature (card opened, PIN verified): ${(c.n() - before) / 10} (MSE SET + PSO CDS)`);

  const reason = await pcscLabUnavailable();
  if (reason !== undefined) {
    console.log(`  PC/SC ratio skipped: ${reason}`);
    const mse = serializeCommandApdu(mseSetSign('cps4', DEFAULT_CPS_PROFILE));
    const [ours, raw] = await compare(() => cps.signer.signDigest(digest), async () => {
      await demo.cps.card.process(mse);
      await demo.cps.card.process(serializeCommandApdu(psoComputeSignature(digest)));
    }, 1000);
    console.log(`  in-process signature: ours ${ours.toFixed(0)} µs, raw card.process ${raw.toFixed(0)} µs, ratio ${(ours / raw).toFixed(3)}`);
    return;
  }
  const lab = await startPcscLab();
  for (const n of lab.notes) console.log(`  note: ${n}`);
  const READER = 'Virtual PCD 00 01';
  const card = await lab.startCard('cps', 35964);
  const client = await createPcscClient({ shareMode: 'shared' });
  const binding = ((await import('pcsclite' as string)) as { default: () => import('../src/reader/pcsc/index').PcscContextBinding }).default;
  const rawCtx = binding();
  rawCtx.on('error', () => undefined);
  const rawReaderP = new Promise<import('../src/reader/pcsc/index').PcscReaderBinding>((resolve) =>
    rawCtx.on('reader', (r) => {
      r.on('error', () => undefined);
      if (r.name === READER) resolve(r);
    }),
  );
  try {
    await client.waitForCard('cps', 15_000);
    const rawReader = await rawReaderP;
    const protocol = await new Promise<number>((resolve, reject) =>
      rawReader.connect({ share_mode: rawReader.SCARD_SHARE_SHARED, protocol: rawReader.SCARD_PROTOCOL_T0 | rawReader.SCARD_PROTOCOL_T1 }, (e, p) => (e ? reject(e) : resolve(p))),
    );
    const rawTx = (bytes: Uint8Array) => new Promise<Buffer>((resolve, reject) => rawReader.transmit(Buffer.from(bytes), 4098, protocol, (e, d) => (e ? reject(e) : resolve(d))));
    const access = client.card(READER);
    const pcps = unwrapCps(await openCps(access));
    await pcps.verifyPin(new TextEncoder().encode('1234'));
    const mse = serializeCommandApdu(mseSetSign('cps4', DEFAULT_CPS_PROFILE));
    const pso = serializeCommandApdu(psoComputeSignature(digest));
    const [s1, r1] = await compare(() => pcps.signer.signDigest(digest), async () => {
      await rawTx(mse);
      await rawTx(pso);
    }, 1000);
    console.log(`  signature via pcscd: ours ${s1.toFixed(0)} µs, raw pcsclite MSE+PSO ${r1.toFixed(0)} µs → ratio ${(s1 / r1).toFixed(3)} (goal ≤ 1.1)`);
    const [s2, r2] = await compare(() => access.exclusive((t) => t.transmit(mse)), () => rawTx(mse), 4000);
    console.log(`  one APDU (MSE SET) via pcscd: ours ${s2.toFixed(0)} µs, raw pcsclite ${r2.toFixed(0)} µs → ratio ${(s2 / r2).toFixed(3)} (goal ≤ 1.1)`);
    await new Promise<void>((resolve) => rawReader.disconnect(rawReader.SCARD_LEAVE_CARD, () => resolve()));
    rawReader.close();
  } finally {
    rawCtx.close();
    await client.close();
    await card.stop();
    await lab.stop();
  }
}
