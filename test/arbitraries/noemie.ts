/**
 * fast-check arbitraries of NOEMIE PS files, derived from the entity layouts (so every field of
 * every entity is exercised): texts are printable ASCII without `@` and without trailing
 * blanks, optional zones are absent or non-zero, dates fall in the century window of the file
 * date (events ±40 years, births up to 99 years before).
 */
import { fc } from '@fast-check/vitest';
import type { PlainDate } from '../../src/core/date/index';
import { addDays, fromEpochDays, toEpochDays } from '../../src/core/date/index';
import type { FieldSpec, Layout } from '../../src/internal/fixed-width/layout';
import { buildNoemieFile } from '../../src/noemie/buildNoemieFile';
import { ENTITY_LAYOUTS, LAYOUT_000 } from '../../src/noemie/records/index';
import type { NoemieEnTete, NoemieEntity, NoemieEntityType, NoemieFile } from '../../src/noemie/types';

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => c !== '@');
const DIGITS = '0123456789'.split('');

/** Printable text (no `@`, no trailing blank) of at most `n` characters. */
export const noemieText = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...PRINTABLE), maxLength: n }).map((s) => s.trimEnd());

const digits = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });

const FIXED: Partial<Record<string, string>> = { '020': '01', '040': '02', '070': '02', '071': '02', '081': '02', '990': '99' };

function dateAround(file: PlainDate, min: number, max: number): fc.Arbitrary<PlainDate> {
  return fc.integer({ min, max }).map((d) => addDays(file, d));
}

function fieldArb(f: FieldSpec, file: PlainDate, fields: readonly FieldSpec[]): fc.Arbitrary<unknown> | undefined {
  const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => (f.optional === true ? fc.option(a, { nil: undefined }) : a);
  switch (f.type) {
    case 'const':
      return fc.constant(f.value);
    case 'filler':
    case 'sign':
      return undefined;
    case 'X':
      return f.enum !== undefined ? fc.constantFrom(...f.enum) : noemieText(f.length);
    case 'N':
      if (f.as === 'number') return opt(fc.integer({ min: f.optional === true ? 1 : 0, max: 10 ** f.length - 1 }));
      return opt(f.optional === true ? digits(f.length).filter((s) => /[1-9]/.test(s)) : digits(f.length));
    case 'amount': {
      const max = 10 ** f.length - 1;
      const signed = typeof f.sign === 'object' && fields.some((g) => g.type === 'sign');
      return opt(fc.integer({ min: signed ? -max : f.optional === true ? 1 : 0, max }).filter((c) => f.optional !== true || c !== 0).map((c) => ({ centimes: c === 0 ? 0 : c })));
    }
    case 'date6':
      return opt(f.century === 'past' ? dateAround(file, -36_000, 0) : dateAround(file, -14_600, 14_600));
    case 'date8':
      return undefined;
  }
}

function recordArb(layout: Layout, file: PlainDate, overrides: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of layout.fields) {
    const a = overrides[f.name] ?? fieldArb(f, file, layout.fields);
    if (a !== undefined) shape[f.name] = a;
  }
  return fc.record(shape).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

/** A header dated 2002–2048 (the default century window reads its AAMMJJ as 20AA). */
export const noemieHeaderArb: fc.Arbitrary<NoemieEnTete> = fc
  .integer({ min: toEpochDays('2002-01-01' as PlainDate), max: toEpochDays('2048-12-31' as PlainDate) })
  .chain((d) => recordArb(LAYOUT_000, fromEpochDays(d), { dateCreation: fc.constant(fromEpochDays(d)), longueurEnregistrement: fc.constant(128) }))
  .map((r) => r as unknown as NoemieEnTete);

/** One entity of a type, any field values (niveau fixed where SPECS §1.2b fixes it). */
export function noemieEntityArb(type: NoemieEntityType, file: PlainDate, niveau?: string): fc.Arbitrary<NoemieEntity> {
  const fixed = niveau ?? FIXED[type];
  const overrides = fixed === undefined ? {} : { niveauRupture: fc.constant(fixed) };
  return recordArb(ENTITY_LAYOUTS[type], file, overrides).map((r) => r as unknown as NoemieEntity);
}

const TYPES = Object.keys(ENTITY_LAYOUTS) as NoemieEntityType[];

/** Any sequence of entities of any type (controls not consistent: parse with `controlTotals: 'off'`). */
export const noemieLooseFileArb: fc.Arbitrary<NoemieFile> = noemieHeaderArb.chain((header) =>
  fc
    .array(fc.constantFrom(...TYPES).chain((t) => noemieEntityArb(t, header.dateCreation)), { maxLength: 30 })
    .map((entities) => buildNoemieFile({ header, entities }))
    .map((r) => (r.ok ? r.value : (undefined as never))),
);

const DETAIL: NoemieEntityType[] = ['103', '110', '120', '150', '160', '198', '199', '210', '290', '294', '295'];

/** A well-formed return: 040 / 071 / 081, lots of invoices with details and 990s, retenues, forfaits; controls consistent. */
export const noemieFileArb: fc.Arbitrary<NoemieFile> = noemieHeaderArb.chain((header) => {
  const d = header.dateCreation;
  const e = (t: NoemieEntityType, niveau?: string): fc.Arbitrary<NoemieEntity> => noemieEntityArb(t, d, niveau);
  // A 990 names the group it closes (identification du niveau de rupture: niveau or type, then
  // the group's key), as the public reading has it; blank or unnamed ones are in the grouping
  // properties of test/noemie/grouping.test.ts.
  const close = (ids: readonly string[]) =>
    fc.tuple(fc.boolean(), fc.constantFrom(...ids)).chain(([b, id]) => (b ? e('990').map((x) => [{ ...x, identificationNiveau: id } as NoemieEntity]) : fc.constant([] as NoemieEntity[])));
  const key = (x: NoemieEntity, k: string): string => String((x as unknown as Record<string, unknown>)[k] ?? '');
  const facture = fc
    .tuple(fc.constantFrom<NoemieEntityType>('100', '102').chain((t) => e(t, '04')), fc.array(fc.constantFrom(...DETAIL).chain((t) => e(t, '05')), { minLength: 1, maxLength: 6 }))
    .chain(([f, details]) => close(['04', `${f.entity}${key(f, 'numeroFacture')}`]).map((c) => [f, ...details, ...c]));
  const lot = fc
    .tuple(e('080', '03'), fc.array(facture, { minLength: 1, maxLength: 4 }))
    .chain(([l, fs]) => close(['03', `080${key(l, 'numeroLot')}`]).map((c) => [l, ...fs.flat(), ...c]));
  const retenues = fc.array(e('250', '03'), { maxLength: 2 });
  const forfaits = fc.array(fc.tuple(e('261', '03'), fc.array(e('262', '04'), { maxLength: 2 })).map(([a, b]) => [a, ...b]), { maxLength: 2 });
  const block = fc
    .tuple(e('040'), fc.option(fc.oneof(e('070'), e('071')), { nil: undefined }), e('081'), fc.array(lot, { maxLength: 3 }), retenues, forfaits)
    .map(([dest, date, type, lots, ret, forf]) => [dest, ...(date ? [date] : []), type, ...lots.flat(), ...ret, ...forf.flat()]);
  return fc
    .tuple(fc.option(e('020'), { nil: undefined }), fc.array(block, { minLength: 1, maxLength: 3 }))
    .map(([mandataire, blocks]) => [...(mandataire ? [mandataire] : []), ...blocks.flat()])
    .map((entities) => buildNoemieFile({ header, entities }))
    .map((r) => (r.ok ? r.value : (undefined as never)));
});
