/**
 * Declarative fixed-width layouts: one table per record type, from which parse and serialize
 * are derived (STYLE.md §7 "Fixed-width"; unlike moov-io/ach, offsets are written once).
 */
import type { Money } from '../../core/money/index';
import type { CenturyRule, PlainDate } from '../../core/date/index';
import { assert } from '../../core/issues/index';

interface FieldBase {
  /** Field name (French ASCII camelCase as the spec names it). */
  readonly name: string;
  /** 1-based first column. */
  readonly start: number;
  /** Width in characters. */
  readonly length: number;
  /** Spec reference (document, section, position). */
  readonly ref?: string;
  /** `true`: all zeros (N, dates, amounts) / all blanks (X) ↔ `undefined`. */
  readonly optional?: boolean;
  /** Short description (French). */
  readonly label?: string;
}

/** Numeric zone, right-aligned, zero-padded. Value: the digit string (default) or a number. */
export interface NumericField extends FieldBase {
  readonly type: 'N';
  /** `'number'` gives a safe integer (width ≤ 15); default `'string'` keeps the digits. */
  readonly as?: 'string' | 'number';
  /** Allowed values (digit strings of full width), when `as` is `'string'`. */
  readonly enum?: readonly string[];
}

/** Alphanumeric zone, left-aligned, blank-padded. Value: the text without trailing blanks. */
export interface AlphaField extends FieldBase {
  readonly type: 'X';
  /** Allowed values (compared after removing trailing blanks). */
  readonly enum?: readonly string[];
  /** Exempts this zone from the layout's `'upper'` alphabet (certification zones, free messages). */
  readonly anyCase?: boolean;
}

/** Date AAMMJJ (6) or AAAAMMJJ (8). Value: PlainDate. */
export interface DateField extends FieldBase {
  readonly type: 'date6' | 'date8';
  /** Century rule of AAMMJJ: `'past'` for birth dates, `'near'` (default) for events. */
  readonly century?: CenturyRule;
}

/** Amount in centimes, right-aligned, zero-padded. Value: Money. */
export interface AmountField extends FieldBase {
  readonly type: 'amount';
  /**
   * `'unsigned'` (default, B2); `'leading'`: first character `+`/`-` inside the zone;
   * `{ field }`: the name of a separate `sign` field of the layout (NOEMIE N/P).
   */
  readonly sign?: 'unsigned' | 'leading' | { readonly field: string };
}

/** One-character sign (N negative, P positive) of an amount field; not in the typed record. */
export interface SignField extends FieldBase {
  readonly type: 'sign';
  /** Characters for negative and positive (default `N` / `P`). */
  readonly chars?: { readonly negative: string; readonly positive: string };
}

/** Literal zone (record type, sub-type letter). Value: the literal. */
export interface ConstField extends FieldBase {
  readonly type: 'const';
  readonly value: string;
}

/** Reserved / unused zone (blank or zero filled on output, ignored on input). Not in the typed record. */
export interface FillerField extends FieldBase {
  readonly type: 'filler';
  /** Fill character (default blank). */
  readonly fill?: ' ' | '0';
}

/** Any field of a layout. */
export type FieldSpec = NumericField | AlphaField | DateField | AmountField | SignField | ConstField | FillerField;

/** Input of {@link defineLayout}. */
export interface LayoutSpec<F extends readonly FieldSpec[] = readonly FieldSpec[]> {
  /** Record name (e.g. `'B2 type 1'`). */
  readonly name: string;
  /** Record length in characters (128 for B2/NOEMIE). */
  readonly length: number;
  /** `'upper'` (B2): lower-case letters in X zones are an error (or transliterated on output). Default `'ascii'`. */
  readonly alphabet?: 'ascii' | 'upper';
  /** Fields in column order, covering 1…length without overlap. */
  readonly fields: F;
  /** Spec reference of the record. */
  readonly ref?: string;
}

/** A validated layout (returned by {@link defineLayout}). */
export interface Layout<F extends readonly FieldSpec[] = readonly FieldSpec[]> extends LayoutSpec<F> {
  readonly alphabet: 'ascii' | 'upper';
  /** Marker that the layout went through {@link defineLayout}. */
  readonly defined: true;
}

type ValueOf<F> = F extends { type: 'N'; as: 'number' }
  ? number
  : F extends { type: 'N' | 'X'; enum: readonly (infer E)[] }
    ? E
    : F extends { type: 'N' | 'X' }
      ? string
      : F extends { type: 'date6' | 'date8' }
        ? PlainDate
        : F extends { type: 'amount' }
          ? Money
          : F extends { type: 'const'; value: infer V }
            ? V
            : never;

type Valued<F> = F extends { type: 'filler' | 'sign' } ? never : F;
type Fields<L> = L extends Layout<infer F> ? Valued<F[number]> : never;
type Req<F> = F extends { optional: true } ? never : F;
type Opt<F> = F extends { optional: true } ? F : never;
type Flat<T> = { [K in keyof T]: T[K] };

/** The typed record a layout parses to (fillers and sign fields omitted, optional fields may be absent). */
export type InferRecord<L> = Flat<
  { readonly [F in Req<Fields<L>> as F['name']]: ValueOf<F> } & { readonly [F in Opt<Fields<L>> as F['name']]?: ValueOf<F> }
>;

type ConstF<F> = F extends { type: 'const' } ? F : never;
type NonConst<F> = F extends { type: 'const' } ? never : F;

/** What serializeRecord accepts: like {@link InferRecord}, with literals optional and `undefined` allowed for optional fields. */
export type InferRecordInput<L> = Flat<
  { readonly [F in Req<NonConst<Fields<L>>> as F['name']]: ValueOf<F> } & {
    readonly [F in Opt<NonConst<Fields<L>>> as F['name']]?: ValueOf<F> | undefined;
  } & { readonly [F in ConstF<Fields<L>> as F['name']]?: ValueOf<F> | undefined }
>;

const NAME_RE = /^[a-z][A-Za-z0-9]*$/;

function checkField(layout: LayoutSpec, f: FieldSpec, names: Set<string>): void {
  const at = `layout '${layout.name}' field '${f.name}'`;
  assert(NAME_RE.test(f.name), `${at}: name must be ASCII camelCase`);
  assert(!names.has(f.name), `${at}: duplicate name`);
  names.add(f.name);
  assert(Number.isInteger(f.start) && f.start >= 1, `${at}: start must be an integer ≥ 1`);
  assert(Number.isInteger(f.length) && f.length >= 1, `${at}: length must be an integer ≥ 1`);
  assert(f.start + f.length - 1 <= layout.length, `${at}: ends at ${f.start + f.length - 1}, beyond record length ${layout.length}`);
  switch (f.type) {
    case 'N':
      if (f.as === 'number') assert(f.length <= 15 && f.enum === undefined, `${at}: numeric as number needs width ≤ 15 and no enum`);
      for (const v of f.enum ?? []) assert(v.length === f.length && /^\d+$/.test(v), `${at}: enum value '${v}' must be ${f.length} digits`);
      break;
    case 'X':
      for (const v of f.enum ?? []) assert(v.length <= f.length && /^[\x20-\x7e]*$/.test(v), `${at}: enum value '${v}' too long or not ASCII`);
      break;
    case 'date6':
    case 'date8':
      assert(f.length === (f.type === 'date6' ? 6 : 8), `${at}: ${f.type} must have length ${f.type === 'date6' ? 6 : 8}`);
      break;
    case 'amount':
      assert(f.length <= 15, `${at}: amount width must be ≤ 15 (safe integer centimes)`);
      if (f.sign === 'leading') assert(f.length >= 2, `${at}: a leading sign needs width ≥ 2`);
      break;
    case 'sign':
      assert(f.length === 1, `${at}: a sign field has length 1`);
      break;
    case 'const':
      assert(f.value.length === f.length && /^[\x20-\x7e]*$/.test(f.value), `${at}: literal must be ${f.length} ASCII characters`);
      assert(f.optional !== true, `${at}: a literal cannot be optional`);
      break;
    case 'filler':
      break;
  }
}

/**
 * Defines and validates a record layout. Fields must be in column order and cover 1…length
 * exactly (gaps are declared as `filler`); overlaps, gaps and out-of-record fields are
 * programmer errors.
 *
 * @param spec - The layout: name, length and fields.
 * @returns The same layout, frozen and typed (use `InferRecord<typeof layout>`).
 * @throws SesamError `ASSERTION` when the layout is inconsistent (lists every gap/overlap).
 * @example
 * const header = defineLayout({ name: 'demo', length: 8, fields: [
 *   { name: 'type', start: 1, length: 3, type: 'const', value: '000' },
 *   { name: 'nombre', start: 4, length: 5, type: 'N', as: 'number' },
 * ] });
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineLayout<const F extends readonly FieldSpec[]>(spec: LayoutSpec<F>): Layout<F> {
  assert(Number.isInteger(spec.length) && spec.length >= 1, `layout '${spec.name}': length must be ≥ 1`);
  const names = new Set<string>();
  const problems: string[] = [];
  let next = 1;
  for (const f of spec.fields) {
    checkField(spec, f, names);
    if (f.start > next) problems.push(`gap at columns ${next}-${f.start - 1} before '${f.name}'`);
    if (f.start < next) problems.push(`'${f.name}' (${f.start}-${f.start + f.length - 1}) overlaps column ${next - 1}`);
    next = Math.max(next, f.start + f.length);
  }
  if (next <= spec.length) problems.push(`gap at columns ${next}-${spec.length} at end of record`);
  for (const f of spec.fields) {
    if (f.type === 'amount' && typeof f.sign === 'object') {
      const target = f.sign.field;
      assert(spec.fields.some((g) => g.name === target && g.type === 'sign'), `layout '${spec.name}' field '${f.name}': sign field '${target}' not found`);
    }
  }
  assert(problems.length === 0, `layout '${spec.name}': ${problems.join('; ')}`);
  return Object.freeze({ ...spec, alphabet: spec.alphabet ?? 'ascii', fields: Object.freeze(spec.fields.map((f) => Object.freeze({ ...f }))) as unknown as F, defined: true as const });
}
