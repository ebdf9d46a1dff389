/**
 * SNDS bench (issue #11 §2): cold load of each lazy SNDS table (the first lookup parses the
 * generated compact text; later ones are hash lookups), against a plain line scan of the same
 * text in the same process; and building the NABM tariff table + loading it into a référentiel.
 */
import type { PlainDate } from '../src/core/date/index';
import { computeFacture, DEFAULT_REFERENTIEL, loadReferentiel } from '../src/rules/index';
import type { FactureInput } from '../src/rules/index';
import { DEFAULT_TABLES } from '../src/rules/tables/index';
import { NABM_COMPACT } from '../src/rules/snds/generated/nabm.generated';
import { CAISSES_COMPACT } from '../src/rules/snds/generated/caisses.generated';
import { REGIMES_COMPACT } from '../src/rules/snds/generated/regimes.generated';
import { NATURES_PRESTATION_COMPACT } from '../src/rules/snds/generated/naturesPrestation.generated';
import { NOMENCLATURES_COMPACT } from '../src/rules/snds/generated/nomenclatures.generated';
import { findCaisse, findNabmActe, findRegime, findSpecialite, letterOfNaturePrestation, nabmTarifTable, withNabm } from '../src/rules/snds/index';

function scan(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export default function (): void {
  const cases: [string, string, () => unknown, () => unknown][] = [
    ['NABM (IR_BIO_R)', NABM_COMPACT, () => findNabmActe('1104', '2025-03-10' as PlainDate), () => findNabmActe('0215')],
    ['caisses (IR_CAI_V)', CAISSES_COMPACT, () => findCaisse('01751'), () => findCaisse('01C131')],
    ['régimes (IR_RGM_V)', REGIMES_COMPACT, () => findRegime('04', '676'), () => findRegime('01', '1')],
    ['natures de prestation (IR_NAT_V)', NATURES_PRESTATION_COMPACT, () => letterOfNaturePrestation('1110'), () => letterOfNaturePrestation('1903')],
    ['spécialités … (IR_SPE/ASU/EXO/CNV)', NOMENCLATURES_COMPACT, () => findSpecialite('01'), () => findSpecialite('38')],
  ];
  for (const [name, text, first, again] of cases) {
    const scanMs = time(() => scan(text));
    const coldMs = time(first);
    const n = 10_000;
    const warmMs = time(() => { for (let i = 0; i < n; i++) again(); });
    console.log(`  ${name}: cold load + first lookup ${coldMs.toFixed(2)} ms (${(text.length / 1e3).toFixed(1)} kB, plain line scan ${scanMs.toFixed(2)} ms = ×${(coldMs / Math.max(scanMs, 1e-3)).toFixed(0)}); warm lookup ${((warmMs / n) * 1e3).toFixed(2)} µs`);
  }
  let table: ReturnType<typeof nabmTarifTable> | undefined;
  const buildMs = time(() => { table = nabmTarifTable(); });
  if (table === undefined || !table.ok) throw new Error('nabmTarifTable');
  const rows = table.value.rows.length;
  const value = table.value;
  const loadMs = time(() => loadReferentiel([...DEFAULT_TABLES, value]));
  const defaultMs = time(() => loadReferentiel(DEFAULT_TABLES));
  const warmLoadMs = time(() => loadReferentiel([...DEFAULT_TABLES, value]));
  const warmDefaultMs = time(() => loadReferentiel(DEFAULT_TABLES));
  console.log(`  nabmTarifTable(): ${buildMs.toFixed(1)} ms (${rows} rows); loadReferentiel(DEFAULT_TABLES + NABM): first ${loadMs.toFixed(1)} ms, again ${warmLoadMs.toFixed(1)} ms = ×${(warmLoadMs / Math.max(warmDefaultMs, 1e-3)).toFixed(1)} of DEFAULT_TABLES alone (${warmDefaultMs.toFixed(1)} ms)`);
  const date = '2025-03-10' as PlainDate;
  const input = {
    dateFacturation: date, ps: { profession: 'medecin', specialite: '38', secteur: '1', zone: 'metropole' },
    beneficiaire: { dateNaissance: '1970-01-01' as PlainDate }, natureAssurance: '10', parcours: 'T',
    lignes: ['1104', '0215', '1208', '0552', '1610'].map((code) => ({ code, date, quantite: 1 })),
  } as FactureInput;
  let lazyRef: ReturnType<typeof withNabm> | undefined;
  const lazyMs = time(() => { lazyRef = withNabm(DEFAULT_REFERENTIEL); });
  if (lazyRef === undefined || !lazyRef.ok) throw new Error('withNabm');
  const ref = lazyRef.value;
  const firstMs = time(() => computeFacture(input, { referentiel: ref }));
  const again = time(() => { for (let i = 0; i < 1000; i++) computeFacture(input, { referentiel: ref }); }) / 1000;
  console.log(`  withNabm(DEFAULT_REFERENTIEL): ${lazyMs.toFixed(1)} ms; first 5-act biology invoice ${firstMs.toFixed(1)} ms (compiles its 5 codes), then ${(again * 1e3).toFixed(0)} µs per invoice`);
}
