/**
 * rules bench: computeFacture on a 10-line invoice (trace on, and off) against an integer-centime
 * baseline measured in the same run (plain numbers: price × quantity, base × rate rounded half up,
 * PF, sums — the same arithmetic without objects, validation or trace). Goal: ≥ 1/50 of baseline
 * with the trace on (issue #3 §4). The call measured is the plain public `computeFacture(input)`,
 * which validates its `unknown` input every time.
 */
import type { PlainDate } from '../src/core/date/index';
import type { FactureInput, LigneActe } from '../src/rules/index';
import { computeFacture } from '../src/rules/index';
import type { Rate } from './harness';
import { measure, report } from './harness';

const N = 64;
const GP = { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole' } as const;
const IDE = { profession: 'infirmier', specialite: '24', secteur: '1', zone: 'metropole' } as const;
const PRICES: Record<string, number> = { G: 3000, APC: 6000, VG: 3000, AMI: 315, AIS: 265, IFD: 275, IK: 35 };

interface Plain {
  readonly price: Int32Array;
  readonly qty: Int32Array;
  readonly coefTenths: Int32Array;
  readonly rateBp: number;
  readonly pfCents: number;
}

function invoice(k: number): { input: FactureInput; plain: Plain } {
  const nurse = k % 2 === 1;
  const codes = nurse ? ['AMI', 'AIS', 'AMI', 'IFD', 'IK'] : ['G', 'APC', 'VG', 'G', 'G'];
  const lignes: LigneActe[] = [];
  const price = new Int32Array(10), qty = new Int32Array(10), coef = new Int32Array(10);
  for (let i = 0; i < 10; i++) {
    const code = codes[(i + k) % codes.length] as string;
    const q = 1 + ((i * 7 + k) % 3);
    const tenths = nurse && code !== 'IK' && code !== 'IFD' ? 10 + 5 * ((i + k) % 4) : 10;
    const day = `2025-03-${String(1 + ((i + k) % 9)).padStart(2, '0')}` as PlainDate;
    lignes.push(tenths === 10 ? { code, date: day, quantite: q } : { code, date: day, quantite: q, coefficient: { units: tenths, scale: 1 } });
    price[i] = PRICES[code] as number; qty[i] = q; coef[i] = tenths;
  }
  const input: FactureInput = {
    dateFacturation: '2025-03-10' as PlainDate,
    ps: nurse ? IDE : GP,
    beneficiaire: { dateNaissance: '1970-01-01' as PlainDate },
    natureAssurance: '10',
    parcours: 'T',
    lignes,
    amc: { formule: 'ticketModerateur' },
  };
  return { input, plain: { price, qty, coefTenths: coef, rateBp: nurse ? 6000 : 7000, pfCents: nurse ? 100 : 200 } };
}

/** Integer-centime baseline: same arithmetic as the engine's happy path, no objects. */
function baseline(p: Plain): number {
  let billed = 0, amo = 0, pf = 0, amc = 0;
  for (let i = 0; i < 10; i++) {
    const unit = Math.floor(((p.price[i] as number) * (p.coefTenths[i] as number) + 5) / 10);
    const base = unit * (p.qty[i] as number);
    const a = Math.floor((base * p.rateBp + 5000) / 10000);
    const f = Math.min(p.pfCents * (p.qty[i] as number), a);
    billed += base; amo += a - f; pf += f; amc += base - a;
  }
  return billed + amo + pf + amc;
}

/** Median of a list of numbers. */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export default async function (): Promise<void> {
  const cases = Array.from({ length: N }, (_, k) => invoice(k));
  for (const c of cases) if (!computeFacture(c.input).ok) throw new Error('bench invoice does not price');
  let k = 0;
  const next = (): (typeof cases)[number] => cases[k++ & (N - 1)] as (typeof cases)[number];
  const runs: readonly (readonly [string, () => unknown])[] = [
    ['baseline: integer centimes, 10 lines (no objects)', () => baseline(next().plain)],
    ['computeFacture, 10 lines, trace on', () => computeFacture(next().input)],
    ['computeFacture, 10 lines, trace off', () => computeFacture(next().input, { trace: false })],
  ];
  // The machine is shared: short rounds, interleaved (baseline, on, off, baseline, …), so a load
  // change hits all three alike; each figure is the median of its rounds.
  const ROUNDS = 15;
  const perRound: number[][] = runs.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    runs.forEach(([name, fn], j) => (perRound[j] as number[]).push(measure(name, fn, { ms: 120, rounds: 1, batch: 50 }).perSecond));
  }
  const rates: Rate[] = runs.map(([name], j) => ({ name, perSecond: median(perRound[j] as number[]) }));
  report(rates, 'invoices/s');
  // Same-round ratios (baseline ÷ engine, round by round), median: the steadiest figure under load.
  const base = perRound[0] as number[];
  for (let j = 1; j < runs.length; j++) {
    const ratios = (perRound[j] as number[]).map((x, r) => (base[r] as number) / x);
    console.log(`  ${`${(runs[j] as readonly [string, unknown])[0]} (median of ${ROUNDS} same-round ratios)`.padEnd(72)} 1/${median(ratios).toFixed(1)}`);
  }
}
