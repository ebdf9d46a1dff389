/**
 * Agent: invoices priced per second through the local agent over HTTP (undici, keep-alive, one
 * request at a time and 8 in flight) vs the same `computeFacture` called in process, measured in
 * alternated rounds in the same run; `/health` over HTTP shows what the HTTP round trip and the
 * guards (rate limit, Host, Origin, token) cost alone.
 */
import { Pool } from 'undici';
import type { Rate } from './harness';
import { report } from './harness';
import { createAgent } from '../src/agent/index';
import { createMemoryLedger } from '../src/ledger/index';
import { computeFacture } from '../src/rules/index';

const FACTURE = {
  dateFacturation: '2025-03-10',
  ps: { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole' },
  beneficiaire: { dateNaissance: '1980-05-04' },
  parcours: 'T',
  lignes: [{ code: 'G', date: '2025-03-10', quantite: 1 }],
};

async function rate(fn: () => Promise<unknown>, ms: number, inFlight = 1): Promise<number> {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  const worker = async (): Promise<void> => {
    while (process.hrtime.bigint() < end) {
      await fn();
      n += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export default async function (): Promise<void> {
  const agent = await createAgent({ token: 'b'.repeat(43), ledger: createMemoryLedger(), port: 0, rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  const url = await agent.listen();
  const pool = new Pool(url, { connections: 8 });
  const headers = { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' };
  const body = JSON.stringify({ facture: FACTURE });
  const price = async (): Promise<unknown> => {
    const r = await pool.request({ path: '/v1/pricing', method: 'POST', headers, body });
    return r.body.json();
  };
  const health = async (): Promise<unknown> => {
    const r = await pool.request({ path: '/health', method: 'GET' });
    return r.body.text();
  };
  const direct = async (): Promise<unknown> => computeFacture(JSON.parse(body).facture, { trace: false });
  const runsOf: Record<string, number[]> = { direct: [], http1: [], http8: [], health: [] };
  for (let round = 0; round < 5; round++) {
    runsOf['direct']?.push(await rate(direct, 300));
    runsOf['http1']?.push(await rate(price, 300));
    runsOf['http8']?.push(await rate(price, 300, 8));
    runsOf['health']?.push(await rate(health, 300));
  }
  const rates: Rate[] = [
    { name: 'baseline: computeFacture in process (JSON.parse of the body included)', perSecond: median(runsOf['direct'] ?? []) },
    { name: 'POST /v1/pricing over HTTP, 1 in flight', perSecond: median(runsOf['http1'] ?? []) },
    { name: 'POST /v1/pricing over HTTP, 8 in flight', perSecond: median(runsOf['http8'] ?? []) },
    { name: 'GET /health over HTTP, 1 in flight (HTTP + guards alone)', perSecond: median(runsOf['health'] ?? []) },
  ];
  report(rates, 'req/s');
  await pool.close();
  await agent.close();
}
