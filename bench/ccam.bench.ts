/**
 * CCAM bench (issue #11 §1): (1) loading the full shipped CCAM cold (`indexCcam` over the compact
 * text: one scan, acts compiled on first use) against a plain scan of the same text in the same
 * process — goal ≤ 50 ms; (2) a 10-line CCAM invoice priced with the full CCAM loaded against the
 * integer-centime baseline of the same lines — goal within 1/60.
 *
 * The invoice ratio is printed twice: in wall-clock time (the shared harness, alternated rounds)
 * and in CPU time of this process (`process.cpuUsage`, alternated batches): on a loaded machine
 * the wall-clock rounds spread over an order of magnitude (a neighbour takes the core in the
 * middle of a round), the CPU-time ratio much less. With `trace: false`, and for 10 NGAP lines
 * through the same engine, for comparison.
 */
import type { PlainDate } from '../src/core/date/index';
import type { FactureInput, LigneActe } from '../src/rules/index';
import { computeFacture, DEFAULT_REFERENTIEL } from '../src/rules/index';
import { CCAM_COMPACT, indexCcam, withCcam } from '../src/rules/ccam/index';
import { interleavedRatio } from './harness';

const CODES = ['DEQP003', 'AHQB024', 'AALA002', 'YYYY010', 'QZFA036', 'LHQK001', 'NZQK001', 'ZBQK002', 'JKFA015', 'HBQK002'];

export default function (): void {
  // (1) cold load: first index in this process (the module text is already in memory).
  const t0 = performance.now();
  const index = indexCcam(CCAM_COMPACT);
  const coldMs = performance.now() - t0;
  if (!index.ok) throw new Error('index');
  const t1 = performance.now();
  let lines = 0;
  for (let i = CCAM_COMPACT.indexOf('\n'); i >= 0; i = CCAM_COMPACT.indexOf('\n', i + 1)) lines++;
  const scanMs = performance.now() - t1;
  console.log(`  cold load of the full CCAM (${index.value.size} acts, ${(CCAM_COMPACT.length / 1e6).toFixed(1)} MB): ${coldMs.toFixed(1)} ms (goal ≤ 50 ms); plain line scan of the same text: ${scanMs.toFixed(1)} ms (${lines} lines)`);

  const ref = withCcam(DEFAULT_REFERENTIEL, index.value);
  const date = '2026-03-02' as PlainDate;
  const lignes: LigneActe[] = CODES.map((code) => ({ code, date, quantite: 1 }));
  const input: FactureInput = {
    dateFacturation: date,
    ps: { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole' },
    beneficiaire: { dateNaissance: '1970-01-01' as PlainDate },
    natureAssurance: '10',
    parcours: 'T',
    lignes,
  };
  const priced = computeFacture(input, { referentiel: ref });
  if (!priced.ok) throw new Error(`bench invoice does not price: ${priced.issues.map((i) => `${i.code} ${i.received ?? ''}`).join(', ')}`);
  const prices = Int32Array.from(priced.value.lignes.map((l) => l.prixUnitaire.centimes));
  const baseline = (): number => {
    let billed = 0, amo = 0;
    for (let i = 0; i < 10; i++) {
      const base = prices[i] as number;
      billed += base;
      amo += Math.floor((base * 7000 + 5000) / 10000);
    }
    return billed + amo;
  };
  const r = interleavedRatio(baseline, () => computeFacture(input, { referentiel: ref }), { rounds: 11 });
  console.log(`  10-line CCAM invoice, full CCAM loaded: 1/${(1 / r.median).toFixed(1)} of the integer baseline (rounds 1/${(1 / r.high).toFixed(1)}–1/${(1 / r.low).toFixed(1)}; goal within 1/60)`);
  const ngap: FactureInput = { ...input, lignes: CODES.map(() => ({ code: 'G', date, quantite: 1 })) };
  const cases: readonly [string, () => unknown][] = [
    ['10-line CCAM invoice (trace on, the default)', () => computeFacture(input, { referentiel: ref })],
    ['10-line CCAM invoice, trace: false', () => computeFacture(input, { referentiel: ref, trace: false })],
    ['10-line NGAP invoice (G), trace on', () => computeFacture(ngap, { referentiel: ref })],
  ];
  for (const [name, fn] of cases) {
    const c = cpuRatio(baseline, fn);
    console.log(`  ${name}, CPU time: 1/${(1 / c.median).toFixed(1)} of the integer baseline (rounds 1/${(1 / c.high).toFixed(1)}–1/${(1 / c.low).toFixed(1)})`);
  }
}

let sink = 0;

/** CPU time (user + system, µs) per call of `fn`, over `n` calls. */
function cpuPerCall(fn: () => unknown, n: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) sink ^= fn() === undefined ? 0 : 1;
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

/**
 * Rate of `fn` over `baseline` in CPU time, alternated (baseline, fn, baseline) over 11 rounds of
 * ~100 ms each; the same loop calls both (no inlining advantage for either).
 */
function cpuRatio(baseline: () => unknown, fn: () => unknown): { median: number; low: number; high: number } {
  const nFn = Math.max(1, Math.round(100_000 / Math.max(cpuPerCall(fn, 2000), 0.01)));
  const nBase = Math.max(1, Math.round(100_000 / Math.max(cpuPerCall(baseline, 200_000), 0.001)));
  const ratios: number[] = [];
  for (let r = 0; r < 11; r++) {
    const a = cpuPerCall(baseline, nBase);
    const b = cpuPerCall(fn, nFn);
    const c = cpuPerCall(baseline, nBase);
    ratios.push((a + c) / 2 / b);
  }
  ratios.sort((x, y) => x - y);
  if (sink === 42) console.log('');
  return { median: ratios[5] as number, low: ratios[0] as number, high: ratios[10] as number };
}
