/**
 * A fast path for well-formed entities, compiled from the same layouts as `parseRecord`.
 *
 * The generic `parseRecord` allocates a `Result` and location data per field, which is right
 * for defects but costs ~1 µs per entity. This decoder reads an entity straight from the
 * logical stream (no per-entity slice): integers from char codes, AAMMJJ dates through a
 * per-file cache keyed by their six digits as an integer (no string built for a known date),
 * and gives up (`undefined`) at the first doubt; the caller then runs `parseRecord` on the same
 * text, which produces the located `FW_*` issues. So the fast path never decides anything the
 * engine would not: a test checks that both agree whenever the fast path accepts.
 *
 * No runtime code generation (`new Function` is flagged by CSP and security scanners): the
 * NOEMIE entity decoders are generated at development time into decoders.generated.ts (plain
 * TypeScript, literal positions and property names: one hidden class per layout), and a
 * test checks that file against the layouts. Any other layout runs through a table-driven
 * interpreter (same decisions, about 2× slower: keyed stores).
 */
import type { Layout, FieldSpec } from '../../internal/fixed-width/layout';
import { ENTITY_LAYOUTS } from '../records/index';
import { PRECOMPILED_DECODERS } from './decoders.generated';
import type { PrecompiledDecoder } from './decoders.generated';
import type { DateContext } from './fastHelpers';
import { allChar, allDigits, digitsValue, readDate, trimEndAt } from './fastHelpers';

export type { DateContext } from './fastHelpers';
export { createDateContext } from './fastHelpers';

/** Decodes one entity from `text` at `at`, or returns `undefined` to defer to `parseRecord`. */
export type FastDecoder = (text: string, at: number) => Record<string, unknown> | undefined;

/** The precompiled decoder of each NOEMIE entity layout (by identity). */
const PRECOMPILED = new Map<Layout, PrecompiledDecoder>();
for (const [type, layout] of Object.entries(ENTITY_LAYOUTS)) {
  const decoder = PRECOMPILED_DECODERS[type];
  if (decoder !== undefined) PRECOMPILED.set(layout, decoder);
}

const enum Step {
  Const,
  Blank,
  Zero,
  Alpha,
  AlphaEnum,
  Digits,
  Integer,
  Amount,
  SignedAmount,
  Date,
}

/** One compiled field: kind, zone [s, e), name, optional, and kind-specific data. */
interface Op {
  readonly step: Step;
  readonly s: number;
  readonly e: number;
  readonly name: string;
  readonly optional: boolean;
  /** Const: the literal; Alpha enum: allowed values. */
  readonly values: readonly string[];
  /** Signed amount: sign position and its negative / positive char codes; Date: 1 = past. */
  readonly at: number;
  readonly neg: number;
  readonly pos: number;
}

function op(step: Step, f: FieldSpec, extra: Partial<Pick<Op, 'values' | 'at' | 'neg' | 'pos'>> = {}): Op {
  const s = f.start - 1;
  return { step, s, e: s + f.length, name: f.name, optional: f.optional === true, values: extra.values ?? [], at: extra.at ?? 0, neg: extra.neg ?? 0, pos: extra.pos ?? 0 };
}

/** Compiles one field, or returns `null` for a kind this fast path does not cover. */
function compileField(f: FieldSpec, fields: readonly FieldSpec[]): Op | undefined | null {
  switch (f.type) {
    case 'const':
      return op(Step.Const, f, { values: [f.value] });
    case 'filler':
      return op(f.fill === '0' ? Step.Zero : Step.Blank, f);
    case 'sign':
      return undefined; // read with its amount
    case 'X':
      return f.enum === undefined ? op(Step.Alpha, f) : op(Step.AlphaEnum, f, { values: f.enum });
    case 'N':
      if (f.as === 'number') return op(Step.Integer, f);
      return f.enum === undefined ? op(Step.Digits, f) : null;
    case 'amount': {
      if (f.sign === 'leading') return null;
      const sign = typeof f.sign === 'object' ? f.sign.field : undefined;
      const spec = sign === undefined ? undefined : fields.find((g) => g.name === sign);
      if (spec?.type !== 'sign') return op(Step.Amount, f);
      const chars = spec.chars ?? { negative: 'N', positive: 'P' };
      return op(Step.SignedAmount, f, { at: spec.start - 1, neg: chars.negative.charCodeAt(0), pos: chars.positive.charCodeAt(0) });
    }
    case 'date6':
      return op(Step.Date, f, { at: f.century === 'past' ? 1 : 0 });
    case 'date8':
      return null;
  }
}

/**
 * Compiles a layout into a fast decoder: the precompiled one of decoders.generated.ts for a
 * NOEMIE entity layout, else a table-driven interpreter; or returns `undefined` when the layout
 * uses a field kind this fast path does not cover (the caller then always uses `parseRecord`).
 *
 * @param layout - A layout from `defineLayout`.
 * @param dates - Returns the date context of the file being read.
 * @returns The decoder.
 */
export function compileFastDecoder(layout: Layout, dates: () => DateContext): FastDecoder | undefined {
  const pre = PRECOMPILED.get(layout);
  if (pre !== undefined) return (t, b) => pre(t, b, dates());
  return interpret(layout, dates);
}

/** The interpreter for layouts without a precompiled decoder (same decisions, ~2× slower). */
function interpret(layout: Layout, dates: () => DateContext): FastDecoder | undefined {
  const ops: Op[] = [];
  // The template: required fields in layout order, so that every entity of this layout has
  // one hidden class (optional fields, when present, are added after, in layout order).
  const template: Record<string, unknown> = {};
  for (const f of layout.fields) {
    const o = compileField(f, layout.fields);
    if (o === null) return undefined;
    if (o === undefined) continue;
    ops.push(o);
    if (o.step !== Step.Blank && o.step !== Step.Zero && !o.optional) template[o.name] = o.step === Step.Const ? o.values[0] : null;
  }
  const n = ops.length;
  return (t, b) => {
    const out: Record<string, unknown> = { ...template };
    for (let k = 0; k < n; k++) {
      const o = ops[k] as Op;
      const s = b + o.s;
      const e = b + o.e;
      let v: unknown;
      switch (o.step) {
        case Step.Const:
          if (t.slice(s, e) !== o.values[0]) return undefined;
          continue;
        case Step.Blank:
          if (!allChar(t, s, e, 32)) return undefined;
          continue;
        case Step.Zero:
          if (!allChar(t, s, e, 48)) return undefined;
          continue;
        case Step.Alpha:
        case Step.AlphaEnum: {
          const x = trimEndAt(t, s, e);
          if (o.step === Step.AlphaEnum && !o.values.includes(x)) return undefined;
          if (x === '' && o.optional) continue;
          v = x;
          break;
        }
        case Step.Digits:
          if (!allDigits(t, s, e)) return undefined;
          if (o.optional && allChar(t, s, e, 48)) continue;
          v = t.slice(s, e);
          break;
        case Step.Integer: {
          const x = digitsValue(t, s, e);
          if (x < 0) return undefined;
          if (o.optional && x === 0) continue;
          v = x;
          break;
        }
        case Step.Amount: {
          const x = digitsValue(t, s, e);
          if (x < 0) return undefined;
          if (o.optional && x === 0) continue;
          v = { centimes: x };
          break;
        }
        case Step.SignedAmount: {
          const x = digitsValue(t, s, e);
          if (x < 0) return undefined;
          const c = t.charCodeAt(b + o.at);
          if (c !== o.neg && c !== o.pos && !(c === 32 && x === 0)) return undefined;
          if (o.optional && x === 0) continue;
          v = { centimes: c === o.neg && x !== 0 ? -x : x };
          break;
        }
        case Step.Date: {
          if (o.optional && allChar(t, s, e, 48)) continue;
          const d = readDate(dates(), t, s, o.at === 1);
          if (d === undefined) return undefined;
          v = d;
          break;
        }
      }
      out[o.name] = v;
    }
    return out;
  };
}
