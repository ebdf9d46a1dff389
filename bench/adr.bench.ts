/**
 * adr: latency of our CLC client (request build from a Decompte, undici with mutual TLS, JSON
 * parse, guarantee parse) against a raw undici request (same agent settings, same pre-built body)
 * to the same local HTTPS service, at concurrency 16, in the same run. Rounds alternate the two
 * so a noisy neighbour slows both alike. Goal: our p50 / p99 ≤ 1.2× the raw request's.
 */
import { cpus, loadavg } from 'node:os';
import { Agent, request } from 'undici';
import { buildClcRequest } from '../src/adr/index';
import { createAdrClient, createServiceTransport } from '../src/adr/node/index';
import { ADHERENTS, createTestPki, startLocalServices } from '../src/simulator/services/index';
import { computeFacture } from '../src/rules/index';
import { DEMO_DAY } from '../src/rules/examples/demoDay';
import { computeNirKey } from '../src/core/ids/index';
import type { PlainDate } from '../src/core/date/index';

const CONCURRENCY = 16;
const CALLS = Number(process.env['ADR_BENCH_CALLS'] ?? '2000');
const ROUNDS = 5;

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  const lat: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < CALLS) {
      next += 1;
      const t0 = process.hrtime.bigint();
      await fn();
      lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return lat.sort((a, b) => a - b);
}

export default async function (): Promise<void> {
  const pki = createTestPki();
  const services = await startLocalServices({ pki });
  try {
    const priced = computeFacture(DEMO_DAY[0]!.input);
    if (!priced.ok) throw new Error('demo invoice');
    const nirBody = '1800575123012';
    const cle = { numeroAmc: '99999990', typeConvention: 'TP', critereSecondaireRoutage: 'A1', numeroAdherent: ADHERENTS.garanti };
    const demande = { cle, beneficiaire: { nir: nirBody + computeNirKey(nirBody), dateNaissance: '1980-05-01' as PlainDate }, numeroFacturation: '990781056', dateSoins: '2025-03-10' as PlainDate, referenceIdb: 'IDB-BENCH' };
    const transport = createServiceTransport({ tls: { ...pki.client, ca: pki.ca }, connections: CONCURRENCY, timeoutMs: 30_000 });
    if (!transport.ok) throw new Error('transport');
    const client = createAdrClient({ transport: transport.value, annuaireUrl: services.urls.annuaire });
    if (!client.ok) throw new Error('client');
    const amc = await client.value.rechercherAmc(cle, { dateSoins: '2025-03-10' as PlainDate });
    if (!amc.ok) throw new Error('annuaire');
    const url = `${services.baseUrl}/amc/clc`;
    const raw = new Agent({ connections: CONCURRENCY, connect: { cert: pki.client.cert, key: pki.client.key, ca: [pki.ca], rejectUnauthorized: true } });
    const body = buildClcRequest(priced.value, demande);
    if (!body.ok) throw new Error('body');
    const text = JSON.stringify(body.value);
    const baseline = async () => {
      const res = await request(url, { dispatcher: raw, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: text });
      return res.body.json();
    };
    const ours = () => client.value.clc(amc.value, priced.value, demande);
    await timed(baseline);
    await timed(ours);
    const r50: number[] = [];
    const r99: number[] = [];
    let b50 = 0;
    let b99 = 0;
    let o50 = 0;
    let o99 = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const b = await timed(baseline);
      const o = await timed(ours);
      r50.push(pct(o, 50) / pct(b, 50));
      r99.push(pct(o, 99) / pct(b, 99));
      b50 += pct(b, 50) / ROUNDS;
      b99 += pct(b, 99) / ROUNDS;
      o50 += pct(o, 50) / ROUNDS;
      o99 += pct(o, 99) / ROUNDS;
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(`  load ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPU(s); ${CALLS} CLC calls × ${ROUNDS} rounds at concurrency ${CONCURRENCY}, mutual TLS on loopback`);
    console.log(`  raw undici request   p50 ${b50.toFixed(2)} ms  p99 ${b99.toFixed(2)} ms (mean of rounds)`);
    console.log(`  createAdrClient.clc  p50 ${o50.toFixed(2)} ms  p99 ${o99.toFixed(2)} ms (mean of rounds)`);
    console.log(`  ours / raw: p50 ${med(r50).toFixed(2)}× (rounds ${r50.map((x) => x.toFixed(2)).join(' ')}), p99 ${med(r99).toFixed(2)}× (rounds ${r99.map((x) => x.toFixed(2)).join(' ')}) — goal ≤ 1.2×`);
    await raw.close();
    await transport.value.close();
  } finally {
    await services.close();
    pki.dispose();
  }
}
