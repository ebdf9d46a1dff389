/**
 * CCAM bench (issue #11 §1): (1) loading the full shipped CCAM cold (`indexCcam` over the compact
 * text: one scan, acts compiled on first use) against a plain scan of the same text in the same
 * process — goal ≤ 50 ms; (2) a 10-line CCAM invoice priced with the full CCAM loaded against the
 * integer-centime baseline of the same lines — goal within 1/60.
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
}
