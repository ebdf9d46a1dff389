/**
 * fast-check arbitraries derived from a fixed-width layout: random typed records (for
 * parse(serialize(r)) = r) and random VALID record strings (for serialize(parse(s)) = s).
 */
import { fc } from '@fast-check/vitest';
import type { PlainDate } from '../../src/core/date/index';
import { formatAaaammjj, formatAammjj, fromEpochDays, toEpochDays } from '../../src/core/date/index';
import type { FieldSpec, Layout } from '../../src/internal/fixed-width/index';

/** Reference date used with the generated AAMMJJ dates. */
export const FW_REFERENCE = '2025-06-15' as PlainDate;

const REF_DAYS = toEpochDays(FW_REFERENCE);
const YEAR_DAYS = 365;
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -\'./';

function dateArb(f: FieldSpec): fc.Arbitrary<PlainDate> {
  if (f.type === 'date6') {
    const past = f.century === 'past';
    const min = REF_DAYS - (past ? 99 : 49) * YEAR_DAYS;
    const max = past ? REF_DAYS : REF_DAYS + 49 * YEAR_DAYS;
    return fc.integer({ min, max }).map(fromEpochDays);
  }
  return fc.integer({ min: toEpochDays('1900-01-01' as PlainDate), max: toEpochDays('2099-12-31' as PlainDate) }).map(fromEpochDays);
}

const digitString = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const maxFor = (width: number): number => Math.min(Number.MAX_SAFE_INTEGER, 10 ** width - 1);

function valueArb(f: FieldSpec): fc.Arbitrary<unknown> | undefined {
  const opt = f.optional === true;
  switch (f.type) {
    case 'const':
      return fc.constant(f.value);
    case 'filler':
    case 'sign':
      return undefined;
    case 'X': {
      if (f.enum !== undefined) return fc.constantFrom(...f.enum.filter((v) => v.trimEnd() !== '' || !opt).map((v) => v.trimEnd()));
      const text = fc.string({ unit: fc.constantFrom(...ALPHA), maxLength: f.length }).map((s) => s.trimEnd());
      return opt ? text.filter((s) => s !== '') : text;
    }
    case 'N': {
      if (f.as === 'number') return fc.integer({ min: opt ? 1 : 0, max: maxFor(f.length) });
      if (f.enum !== undefined) return fc.constantFrom(...f.enum.filter((v) => !opt || /[1-9]/.test(v)));
      const d = digitString(f.length);
      return opt ? d.filter((s) => /[1-9]/.test(s)) : d;
    }
    case 'date6':
    case 'date8':
      return dateArb(f);
    case 'amount': {
      const width = f.sign === 'leading' ? f.length - 1 : f.length;
      const signed = f.sign !== undefined && f.sign !== 'unsigned';
      const max = maxFor(width);
      const c = fc.integer({ min: signed ? -max : opt ? 1 : 0, max }).filter((n) => !opt || n !== 0);
      return c.map((centimes) => ({ centimes: centimes === 0 ? 0 : centimes }));
    }
  }
}

/**
 * Random typed records of a layout (optional fields sometimes absent).
 *
 * @param layout - The layout.
 * @returns Records `r` such that `parseRecord(serializeRecord(r))` gives back `r`.
 */
export function arbRecordOf(layout: Layout): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const f of layout.fields) {
    const a = valueArb(f);
    if (a === undefined) continue;
    model[f.name] = a;
    if (f.optional !== true) required.push(f.name);
  }
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

function textArb(f: FieldSpec): fc.Arbitrary<string> {
  switch (f.type) {
    case 'const':
      return fc.constant(f.value);
    case 'filler':
      return fc.constant((f.fill ?? ' ').repeat(f.length));
    case 'sign':
      return fc.constantFrom(f.chars?.negative ?? 'N', f.chars?.positive ?? 'P');
    case 'X':
      if (f.enum !== undefined) return fc.constantFrom(...f.enum.map((v) => v.padEnd(f.length, ' ')));
      return fc.string({ unit: fc.constantFrom(...ALPHA), minLength: f.length, maxLength: f.length });
    case 'N':
      return f.enum !== undefined ? fc.constantFrom(...f.enum) : digitString(f.length);
    case 'date6':
      return dateArb(f).map(formatAammjj);
    case 'date8':
      return dateArb(f).map(formatAaaammjj);
    case 'amount':
      return f.sign === 'leading'
        ? fc.tuple(fc.constantFrom('+', '-'), digitString(f.length - 1)).map(([s, d]) => (/[1-9]/.test(d) ? s + d : `+${d}`))
        : digitString(f.length);
  }
}

/**
 * Random valid (canonical) record strings of a layout: each field holds a well-formed value.
 * A zero amount carries the positive sign (the canonical form serialize writes).
 *
 * @param layout - The layout.
 * @returns Strings `s` with `serializeRecord(parseRecord(s))` = `s`.
 */
export function arbRecordTextOf(layout: Layout): fc.Arbitrary<string> {
  return fc.tuple(...layout.fields.map(textArb)).map((parts) => {
    const out = [...parts];
    layout.fields.forEach((f, k) => {
      if (f.type !== 'amount' || typeof f.sign !== 'object') return;
      const target = f.sign.field;
      const j = layout.fields.findIndex((g) => g.name === target);
      const sf = layout.fields[j];
      if (sf?.type === 'sign' && !/[1-9]/.test(out[k] ?? '')) out[j] = sf.chars?.positive ?? 'P';
    });
    return out.join('');
  });
}

/** Strings that look like records of a layout but are random at every position (fuzz). */
export function arbNoisyTextOf(layout: Layout): fc.Arbitrary<string> {
  const unit = fc.oneof(fc.constantFrom(...'0123456789 AZaz+-NP'), fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)));
  return fc.oneof(
    fc.string({ unit, minLength: layout.length, maxLength: layout.length }),
    fc.string({ unit, maxLength: layout.length + 4 }),
    fc.string({ unit: 'binary', maxLength: layout.length + 4 }),
  );
}
