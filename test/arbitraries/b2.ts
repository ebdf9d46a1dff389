/**
 * fast-check arbitraries of B2 invoices as records (B2Facture), derived from the record layouts:
 * the records of an invoice usually share the invoice prefix of their type 2 (n° PS, NIR, clé,
 * n° facture), sometimes not; invoices of up to 20 lines (more records than the serializer's
 * slots), and optionally one corrupted field (junk or a near-miss value) somewhere.
 */
import { fc } from '@fast-check/vitest';
import type { B2Facture, B2Ligne } from '../../src/fse/b2/file';
import type { Layout } from '../../src/internal/fixed-width/index';
import { B2_2, B2_2M, B2_2S, B2_4, B2_4F, B2_4M, B2_5 } from '../../src/fse/b2/records/index';
import { arbRecordOf } from './fixedWidth';

type Rec = Record<string, unknown>;

/** `arb` in `yes` cases out of `yes + no`, else null. */
const sometimes = <T>(arb: fc.Arbitrary<T>, yes: number, no: number): fc.Arbitrary<T | null> => fc.oneof({ weight: yes, arbitrary: arb }, { weight: no, arbitrary: fc.constant(null) });

const PREFIX = ['numeroPs', 'nirAssure', 'cleNir', 'numeroFacture'] as const;

/**
 * A few invoice prefixes that recur from invoice to invoice and from record to record (so that a
 * writer's memory of the last values is exercised), or the record's own random values.
 */
export const B2_PREFIX_POOL: readonly Rec[] = [
  { numeroPs: '990781056', nirAssure: '1800175056001', cleNir: '43', numeroFacture: 1 },
  { numeroPs: '990781056', nirAssure: '2850775123912', cleNir: '07', numeroFacture: 2 },
  { numeroPs: '760312081', nirAssure: '1800175056001', cleNir: '43', numeroFacture: 1 },
  { numeroPs: '990781056', nirAssure: '1800175056001', cleNir: '44', numeroFacture: 1 },
  { numeroPs: '990781056', nirAssure: '1800175056001', cleNir: '43', numeroFacture: 3 },
];
const prefixArb: fc.Arbitrary<Rec | null> = sometimes(fc.constantFrom(...B2_PREFIX_POOL), 3, 1);

/** A record of a layout; `own`: it keeps its own invoice prefix instead of the type 2's (1 in 5). */
const recordOf = (layout: Layout): fc.Arbitrary<{ r: Rec; own: boolean }> =>
  fc.record({ r: arbRecordOf(layout), own: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), prefix: prefixArb }).map(({ r, own, prefix }) => ({ r: prefix === null ? r : { ...r, ...prefix }, own }));

const ligneArb = fc.record({ prestation: recordOf(B2_4), ccam: sometimes(recordOf(B2_4M), 1, 2), lpp: sometimes(recordOf(B2_4F), 1, 2) });

/** Values that a B2 writer must refuse or handle like serializeRecord (junk and near misses). */
export const arbB2Junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.constantFrom('', ' ', 'abc', 'É', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJ', '2025-02-30', '2025-13-01', '99', '0', '-1', 'x'),
  fc.constantFrom(-1, 0, 1, 1.5, 1e9, 1e15, Number.NaN, -0, 2 ** 31),
  fc.integer().map((centimes) => ({ centimes })),
  fc.constantFrom({ centimes: 1.5 }, { centimes: -0 }, { centimes: 1e12 }, { centimes: '1' }, null, undefined),
);

/** Where to corrupt (1 invoice in 4): record index (modulo the invoice's record count), field index, the junk. */
const corruptionArb = sometimes(fc.tuple(fc.nat(), fc.nat(), arbB2Junk), 1, 3);

function withPrefix(head: Rec, x: { r: Rec; own: boolean }): Rec {
  if (x.own) return x.r;
  const out: Rec = { ...x.r };
  for (const k of PREFIX) out[k] = head[k];
  return out;
}

/**
 * Random B2 invoices (records as the serializer takes them), sometimes with one corrupted field.
 */
export const arbB2Facture: fc.Arbitrary<B2Facture> = fc
  .record({
    entete: fc.tuple(arbRecordOf(B2_2), prefixArb).map(([r, prefix]) => (prefix === null ? r : { ...r, ...prefix })),
    individu: sometimes(recordOf(B2_2S), 1, 3),
    amc: sometimes(recordOf(B2_2M), 1, 1),
    lignes: fc.array(ligneArb, { maxLength: 20, size: 'max' }),
    total: recordOf(B2_5),
    corrupt: corruptionArb,
  })
  .map(({ entete, individu, amc, lignes, total, corrupt }) => {
    const records: Rec[] = [];
    const keep = (r: Rec): Rec => (records.push(r), r);
    const f = {
      entete: keep({ ...entete }),
      ...(individu !== null ? { individu: keep(withPrefix(entete, individu)) } : {}),
      ...(amc !== null ? { amc: keep(withPrefix(entete, amc)) } : {}),
      lignes: lignes.map((l) => ({
        prestation: keep(withPrefix(entete, l.prestation)),
        ...(l.ccam !== null ? { ccam: keep(withPrefix(entete, l.ccam)) } : {}),
        ...(l.lpp !== null ? { lpp: keep(withPrefix(entete, l.lpp)) } : {}),
      })),
      total: keep(withPrefix(entete, total)),
    };
    if (corrupt !== null) {
      const [at, field, junk] = corrupt;
      const r = records[at % records.length]!;
      const names = Object.keys(r);
      r[names[field % names.length]!] = junk;
    }
    return f as unknown as B2Facture;
  });

/** The records of an invoice in file order, with their layout and issue path (from the invoice). */
export function recordsOf(f: B2Facture): { layout: Layout; value: unknown; path: (string | number)[] }[] {
  const out: { layout: Layout; value: unknown; path: (string | number)[] }[] = [{ layout: B2_2, value: f.entete, path: ['entete'] }];
  if (f.individu !== undefined) out.push({ layout: B2_2S, value: f.individu, path: ['individu'] });
  if (f.amc !== undefined) out.push({ layout: B2_2M, value: f.amc, path: ['amc'] });
  f.lignes.forEach((l: B2Ligne, k) => {
    out.push({ layout: B2_4, value: l.prestation, path: ['lignes', k, 'prestation'] });
    if (l.ccam !== undefined) out.push({ layout: B2_4M, value: l.ccam, path: ['lignes', k, 'ccam'] });
    if (l.lpp !== undefined) out.push({ layout: B2_4F, value: l.lpp, path: ['lignes', k, 'lpp'] });
  });
  out.push({ layout: B2_5, value: f.total, path: ['total'] });
  return out;
}
