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
    const transportOnly = () => transport.value.call({ service: 'CLC', url, json: body.value, idempotent: false });
    await timed(baseline);
    await timed(ours);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const rows: Record<string, { p50: number[]; p99: number[] }> = { raw: { p50: [], p99: [] }, transport: { p50: [], p99: [] }, client: { p50: [], p99: [] } };
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, fn] of [['raw', baseline], ['transport', transportOnly], ['client', ours]] as const) {
        const lat = await timed(fn);
        rows[name]!.p50.push(pct(lat, 50));
        rows[name]!.p99.push(pct(lat, 99));
      }
    }
    const ratio = (name: string, q: 'p50' | 'p99') => rows[name]![q].map((x, i) => x / (rows['raw']![q][i] ?? 1));
    console.log(`  load ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPU(s); ${CALLS} CLC calls × ${ROUNDS} rounds at concurrency ${CONCURRENCY}, mutual TLS on loopback (server in the same process)`);
    const line = (label: string, name: string) => {
      const r = rows[name]!;
      const rr = name === 'raw' ? '' : `   ours/raw p50 ${med(ratio(name, 'p50')).toFixed(2)}× (rounds ${ratio(name, 'p50').map((x) => x.toFixed(2)).join(' ')}), p99 ${med(ratio(name, 'p99')).toFixed(2)}×`;
      console.log(`  ${label.padEnd(44)} p50 ${med(r.p50).toFixed(2)} ms  p99 ${med(r.p99).toFixed(2)} ms${rr}`);
    };
    line('raw undici request (baseline)', 'raw');
    line('createServiceTransport.call (pre-built body)', 'transport');
    line('createAdrClient.clc (build + call + parse)', 'client');
    console.log('  goal: ours/raw ≤ 1.2× (medians of per-round ratios)');
    await raw.close();
    await transport.value.close();
  } finally {
    await services.close();
    pki.dispose();
  }
}
