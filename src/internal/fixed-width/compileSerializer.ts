/**
 * compileSerializer: a layout compiled once into a byte writer for hot output paths. Offsets,
 * widths and pad/literal bytes are precomputed; each record is written straight into the
 * caller's Uint8Array chunk (integers and amounts as digits without any string, dates copied
 * character by character), no per-record allocation, and no runtime code generation (a table
 * of steps: `new Function` is flagged by CSP and security scanners). Hot layouts get writers
 * generated ahead of time as plain TypeScript (the B2 records: src/fse/b2/writers.generated.ts).
 *
 * Hint: the fast path checks what `serializeRecord` checks (type, missing, charset, upper case,
 * width, enum, sign) but reports only "cannot write": the caller then asks `serializeRecord` for
 * the located issues (`writeRecord` does it). It never transliterates: transliterate once when
 * the values are built (`transliterate`, with its `FW_TRANSLITERATED` warning).
 */
import type { Issue, IssuePath } from '../../core/issues/index';
import type { FieldSpec, InferRecordInput, Layout } from './layout';
import { serializeRecord } from './serialize';
import { copyN, copyX, writeDate, writeDigits } from './writeHelpers';

const enum Op {
  Fill,
  X,
  N,
  NNumber,
  Amount,
  Date6,
  Date8,
  Const,
}

interface Step {
  readonly op: Op;
  readonly name: string;
  readonly s: number;
  readonly w: number;
  readonly optional: boolean;
  /** Pad / literal bytes of the zone (blanks, zeros, fill or literal). */
  readonly pad: Uint8Array;
  readonly literal: string;
  /** X: lower case rejected. */
  readonly upper: boolean;
  readonly enumValues: readonly string[] | undefined;
  /** Amount: `'leading'` sign in the zone, or the 0-based column of a separate sign field. */
  readonly leading: boolean;
  readonly signAt: number;
  readonly negative: number;
  readonly positive: number;
}

/** A layout compiled for fast output (see {@link compileSerializer}). */
export interface CompiledSerializer<L extends Layout = Layout> {
  readonly layout: L;
  /** Record length in bytes. */
  readonly length: number;
  /**
   * Writes one record into `out[at, at + length)`.
   *
   * @returns `true`, or `false` when a value cannot be written as is (the bytes are then
   *   unspecified: call `serializeRecord` for the located issues, as {@link writeRecord} does).
   */
  write(value: InferRecordInput<L>, out: Uint8Array, at: number): boolean;
}

function padOf(f: FieldSpec): Uint8Array {
  const text =
    f.type === 'const' ? f.value
    : f.type === 'X' || (f.type === 'filler' && f.fill !== '0') ? ' '.repeat(f.length)
    : f.type === 'sign' ? (f.chars?.positive ?? 'P') // an absent amount is written positive
    : '0'.repeat(f.length);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function stepOf(layout: Layout, f: FieldSpec): Step {
  const signField = f.type === 'amount' && typeof f.sign === 'object' ? layout.fields.find((g) => g.type === 'sign' && g.name === (f.sign as { field: string }).field) : undefined;
  const chars = signField?.type === 'sign' ? (signField.chars ?? { negative: 'N', positive: 'P' }) : { negative: 'N', positive: 'P' };
  const op =
    f.type === 'X' ? Op.X
    : f.type === 'N' ? (f.as === 'number' ? Op.NNumber : Op.N)
    : f.type === 'amount' ? Op.Amount
    : f.type === 'date6' ? Op.Date6
    : f.type === 'date8' ? Op.Date8
    : f.type === 'const' ? Op.Const
    : Op.Fill;
  return {
    op,
    name: f.name,
    s: f.start - 1,
    w: f.length,
    optional: f.optional === true,
    pad: padOf(f),
    literal: f.type === 'const' ? f.value : '',
    upper: layout.alphabet === 'upper' && !(f.type === 'X' && f.anyCase === true),
    enumValues: f.type === 'X' || f.type === 'N' ? f.enum : undefined,
    leading: f.type === 'amount' && f.sign === 'leading',
    signAt: signField !== undefined ? signField.start - 1 : -1,
    negative: chars.negative.charCodeAt(0),
    positive: chars.positive.charCodeAt(0),
  };
}

/** Copies a zone's pad bytes (a JS loop: `TypedArray#set` costs a native call per zone). */
function copy(pad: Uint8Array, out: Uint8Array, p: number): void {
  for (let i = 0; i < pad.length; i++) out[p + i] = pad[i]!;
}

function writeX(st: Step, v: string, out: Uint8Array, p: number): boolean {
  return v.length <= st.w && copyX(v, out, p, st.w, st.upper) && (st.enumValues === undefined || st.enumValues.includes(v.trimEnd()));
}

function writeN(st: Step, v: string, out: Uint8Array, p: number): boolean {
  return copyN(v, out, p, st.w) && (st.enumValues === undefined || st.enumValues.includes(v.length === st.w ? v : v.padStart(st.w, '0')));
}

function writeAmount(st: Step, v: unknown, out: Uint8Array, p: number, base: number): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const c = (v as { centimes?: unknown }).centimes;
  if (typeof c !== 'number' || !Number.isSafeInteger(c)) return false;
  if (st.leading) {
    out[p] = c < 0 ? 45 : 43;
    return writeDigits(out, p + 1, st.w - 1, Math.abs(c));
  }
  if (st.signAt >= 0) {
    out[base + st.signAt] = c < 0 ? st.negative : st.positive;
    return writeDigits(out, p, st.w, Math.abs(c));
  }
  return c >= 0 && writeDigits(out, p, st.w, c);
}

/**
 * Compiles a layout into a byte writer (cached per layout).
 *
 * @param layout - A layout from `defineLayout`.
 * @returns The compiled serializer; its output equals `serializeRecord`'s for every value the
 *   latter writes without issue (no transliteration).
 * @example
 * const w = compileSerializer(LAYOUT);
 * if (!w.write(record, chunk, at)) issues.push(...serializeRecord(LAYOUT, record).issues);
 */
export function compileSerializer<L extends Layout>(layout: L): CompiledSerializer<L> {
  const cached = CACHE.get(layout);
  if (cached !== undefined) return cached as CompiledSerializer<L>;
  // sign fields first: their amount overwrites the positive default afterwards
  const steps = [...layout.fields.filter((f) => f.type === 'sign'), ...layout.fields.filter((f) => f.type !== 'sign')].map((f) => stepOf(layout, f));
  const compiled: CompiledSerializer<L> = Object.freeze({ layout, length: layout.length, write: interpret(steps) });
  CACHE.set(layout, compiled);
  return compiled;
}

type Write = (value: unknown, out: Uint8Array, at: number) => boolean;

/** The step interpreter (used where code generation is not allowed). */
function interpret(steps: readonly Step[]): Write {
  return (value: unknown, out: Uint8Array, at: number): boolean => {
    const input = value as unknown as Readonly<Record<string, unknown>>;
    let good = true;
    for (let k = 0; k < steps.length; k++) {
      const st = steps[k] as Step;
      const p = at + st.s;
      if (st.op === Op.Fill) {
        copy(st.pad, out, p);
        continue;
      }
      const v = input[st.name];
      if (st.op === Op.Const) {
        if (v !== undefined && v !== st.literal) good = false;
        copy(st.pad, out, p);
        continue;
      }
      if (v === undefined || v === null) {
        if (!st.optional) good = false;
        copy(st.pad, out, p);
        continue;
      }
      let done: boolean;
      switch (st.op) {
        case Op.X:
          done = typeof v === 'string' && writeX(st, v, out, p);
          break;
        case Op.N:
          done = typeof v === 'string' && writeN(st, v, out, p);
          break;
        case Op.NNumber:
          done = typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && writeDigits(out, p, st.w, v);
          break;
        case Op.Amount:
          done = writeAmount(st, v, out, p, at);
          break;
        default:
          done = writeDate(v, st.op === Op.Date8, out, p);
      }
      if (!done) good = false;
    }
    return good;
  };
}

const CACHE = new WeakMap<Layout, CompiledSerializer>();

/**
 * Writes one record with a compiled serializer, falling back to `serializeRecord` for the
 * located issues (or its exact text when the fast path was stricter).
 *
 * @param w - The compiled serializer.
 * @param value - The typed record.
 * @param out - The chunk.
 * @param at - Byte offset of the record in the chunk.
 * @param path - Issue path prefix (only built on the slow path).
 * @returns The issues of the record (empty when written as is); on error the zone is blank.
 */
export function writeRecord<L extends Layout>(w: CompiledSerializer<L>, value: InferRecordInput<L>, out: Uint8Array, at: number, path: () => IssuePath): readonly Issue[] {
  if (w.write(value, out, at)) return NO_ISSUES;
  const r = serializeRecord(w.layout, value, { path: path() });
  const text = r.ok ? r.value : ' '.repeat(w.length);
  for (let i = 0; i < w.length; i++) out[at + i] = text.charCodeAt(i) & 0xff;
  return r.issues;
}

const NO_ISSUES: readonly Issue[] = /* @__PURE__ */ Object.freeze([]);
