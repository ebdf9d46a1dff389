/**
 * compileSerializer: a layout compiled once into a byte writer for hot output paths (B2 files of
 * a million invoices). Offsets, widths and pad/literal bytes are precomputed; each record is
 * written straight into the caller's Uint8Array chunk (integers and amounts as digits without
 * any string, dates copied character by character), no per-record allocation.
 *
 * Hint: the fast path checks what `serializeRecord` checks (type, missing, charset, upper case,
 * width, enum, sign) but reports only "cannot write": the caller then asks `serializeRecord` for
 * the located issues (`writeRecord` does it). It never transliterates: transliterate once when
 * the values are built (`transliterate`, with its `FW_TRANSLITERATED` warning).
 */
import { isValidYmd } from '../../core/date/index';
import type { Issue, IssuePath } from '../../core/issues/index';
import type { FieldSpec, InferRecordInput, Layout } from './layout';
import { serializeRecord } from './serialize';

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

/** '00'…'99' as byte pairs: two digits per division (amounts and numbers are 2-15 digits). */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i & 1 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)));

/** Writes the non-negative safe integer `n` right-aligned, zero-padded in out[p, p+w); false when it overflows. */
function writeDigits(out: Uint8Array, p: number, w: number, n: number): boolean {
  const i = p + w - 1;
  if (n <= 0x7fffffff) return writeSmall(out, p, i, n);
  // above 2^31 split off the low 9 digits once, then stay in int32 arithmetic (no float division per digit)
  if (w <= 9) return false;
  const high = Math.floor(n / 1e9);
  writeSmall(out, i - 8, i, n - high * 1e9);
  return writeSmall(out, p, i - 9, high);
}

/** int32 digits in out[p, i]; false when n does not fit. */
function writeSmall(out: Uint8Array, p: number, i: number, n: number): boolean {
  if (i < p) return n === 0;
  let k = i;
  let m = n;
  while (m >= 10 && k > p) {
    const q = (m / 100) | 0;
    const r = (m - q * 100) << 1;
    out[k] = PAIRS[r + 1]!;
    out[k - 1] = PAIRS[r]!;
    k -= 2;
    m = q;
  }
  if (k < p) return m === 0;
  if (m >= 10) return false; // k === p and two digits left
  out[k--] = 48 + m;
  while (k >= p) out[k--] = 48;
  return true;
}

function writeX(st: Step, v: string, out: Uint8Array, p: number): boolean {
  const n = v.length;
  if (n > st.w) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (st.upper && c >= 0x61 && c <= 0x7a)) return false;
    out[p + i] = c;
  }
  for (let i = n; i < st.w; i++) out[p + i] = 0x20;
  return st.enumValues === undefined || st.enumValues.includes(v.trimEnd());
}

/** A non-enum X zone: printable ASCII (upper case when `upper`), blank-padded; the caller checked the length. */
function copyX(v: string, out: Uint8Array, p: number, w: number, upper: boolean): boolean {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (upper && c >= 0x61 && c <= 0x7a)) return false;
    out[p + i] = c;
  }
  for (let i = n; i < w; i++) out[p + i] = 0x20;
  return true;
}

function writeN(st: Step, v: string, out: Uint8Array, p: number): boolean {
  const n = v.length;
  if (n === 0 || n > st.w) return false;
  const lead = st.w - n;
  for (let i = 0; i < lead; i++) out[p + i] = 48;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    out[p + lead + i] = c;
  }
  return st.enumValues === undefined || st.enumValues.includes(n === st.w ? v : v.padStart(st.w, '0'));
}

/** Last date found valid (invoices of a batch share their dates): skips the calendar check. */
let lastDate = '';

/** 'YYYY-MM-DD' (a real date) → AAMMJJ or AAAAMMJJ bytes. */
function writeDate(v: unknown, eight: boolean, out: Uint8Array, p: number): boolean {
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  if (v === lastDate) {
    let q = p;
    for (let i = eight ? 0 : 2; i < 10; i++) if (i !== 4 && i !== 7) out[q++] = v.charCodeAt(i);
    return true;
  }
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    y = y * 10 + d;
  }
  const m1 = v.charCodeAt(5) - 48;
  const m2 = v.charCodeAt(6) - 48;
  const d1 = v.charCodeAt(8) - 48;
  const d2 = v.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  if (!isValidYmd(y, m1 * 10 + m2, d1 * 10 + d2)) return false;
  lastDate = v;
  let q = p;
  for (let i = eight ? 0 : 2; i < 4; i++) out[q++] = v.charCodeAt(i);
  out[q++] = m1 + 48;
  out[q++] = m2 + 48;
  out[q++] = d1 + 48;
  out[q] = d2 + 48;
  return true;
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
 * @param options - `generate: false` forces the step interpreter (tests; not cached).
 * @returns The compiled serializer; its output equals `serializeRecord`'s for every value the
 *   latter writes without issue (no transliteration).
 * @example
 * const w = compileSerializer(LAYOUT);
 * if (!w.write(record, chunk, at)) issues.push(...serializeRecord(LAYOUT, record).issues);
 */
export function compileSerializer<L extends Layout>(layout: L, options: { readonly generate?: boolean } = {}): CompiledSerializer<L> {
  const generated = options.generate !== false;
  const cached = generated ? CACHE.get(layout) : undefined;
  if (cached !== undefined) return cached as CompiledSerializer<L>;
  // sign fields first: their amount overwrites the positive default afterwards
  const steps = [...layout.fields.filter((f) => f.type === 'sign'), ...layout.fields.filter((f) => f.type !== 'sign')].map((f) => stepOf(layout, f));
  const length = layout.length;
  const write = (generated ? generate(steps, length) : undefined) ?? interpret(steps);
  const compiled: CompiledSerializer<L> = Object.freeze({ layout, length, write });
  if (generated) CACHE.set(layout, compiled);
  return compiled;
}

type Write = (value: unknown, out: Uint8Array, at: number) => boolean;

/** Digits of a checked non-negative safe integer: int32 values skip the 2^31 split. */
const digits = (n: string, p: number, w: number): string => `(${n} <= 2147483647 ? H.writeSmall(L, ${p}, ${p + w - 1}, ${n}) : H.writeDigits(L, ${p}, ${w}, ${n}))`;

/**
 * Straight-line code of one step, writing into the layout's last record `L` only when the value
 * differs from the previous record's (`q<k>`): a batch of invoices shares most zones (n° PS,
 * dates, codes, fillers), so each record costs its changed fields plus one 128-byte copy.
 * Amounts are compared by centimes (`ABSENT` for no value, NaN for junk: never equal).
 */
function codeOf(st: Step, k: number): string {
  const p = st.s;
  const x = `x${k}`;
  const get = `const ${x} = v.${st.name};`;
  if (st.op === Op.Fill) return '';
  if (st.op === Op.Const) return `${get} if (${x} !== undefined && ${x} !== ${JSON.stringify(st.literal)}) g = false;`;
  const pad = `for (let i = 0; i < ${st.w}; i++) L[${p} + i] = P${k}[i];${st.signAt >= 0 ? ` L[${st.signAt}] = ${st.positive};` : ''}`;
  // amounts without a sign zone (the usual B2 case) and plain X zones are written inline
  const plainAmount = st.op === Op.Amount && !st.leading && st.signAt < 0;
  const write =
    st.op === Op.X && st.enumValues === undefined ? `typeof ${x} === 'string' && ${x}.length <= ${st.w} && H.copyX(${x}, L, ${p}, ${st.w}, ${st.upper})`
    : st.op === Op.X ? `typeof ${x} === 'string' && H.writeX(S[${k}], ${x}, L, ${p})`
    : st.op === Op.N ? `typeof ${x} === 'string' && H.writeN(S[${k}], ${x}, L, ${p})`
    : st.op === Op.NNumber ? `typeof ${x} === 'number' && Number.isSafeInteger(${x}) && ${x} >= 0 && ${digits(x, p, st.w)}`
    : plainAmount ? `c${k} >= 0 && Number.isSafeInteger(c${k}) && ${digits(`c${k}`, p, st.w)}`
    : st.op === Op.Amount ? `H.writeAmount(S[${k}], ${x}, L, ${p}, 0)`
    : `H.writeDate(${x}, ${st.op === Op.Date8}, L, ${p})`;
  const key =
    st.op === Op.Amount
      ? `const c${k} = ${x} === undefined || ${x} === null ? ABSENT : typeof ${x} === 'object' && typeof ${x}.centimes === 'number' ? ${x}.centimes : NaN;`
      : `const c${k} = ${x};`;
  const absent = `if (${x} === undefined || ${x} === null) { ${st.optional ? '' : 'g = false; '}${pad} }`;
  if (memoKey(st) === undefined) return `${get} ${key} if (c${k} !== q${k}) { q${k} = c${k}; ${absent} else if (!(${write})) g = false; }`;
  // shared memo (see MEMO): the bytes of the last value written in a zone of the same kind, any layout
  const copyIn = `const b = M${k}.b; for (let i = 0; i < ${st.w}; i++) L[${p} + i] = b[i];`;
  const keep = `M${k}.v = ${x}; const b = M${k}.b; for (let i = 0; i < ${st.w}; i++) b[i] = L[${p} + i];`;
  return `${get} ${key} if (c${k} !== q${k}) { q${k} = c${k}; ${absent} else if (${x} === M${k}.v) { ${copyIn} } else if (${write}) { ${keep} } else g = false; }`;
}

/** A zone's last written value and its bytes, shared by the layouts (see {@link MEMO}). */
interface Memo {
  v: unknown;
  readonly b: Uint8Array;
}

/**
 * Memo per kind of zone (op, name, width, case rule: the same checks, so the same bytes): the
 * invoice prefix (n° PS, NIR, clé, n° facture) is repeated on every record of an invoice (types
 * 2, 2M, 4…, 5), so the other layouts copy its bytes instead of checking and encoding it again.
 * Enum zones are not memoized (their check depends on the layout's list).
 */
const MEMO = new Map<string, Memo>();

function memoKey(st: Step): string | undefined {
  if (st.enumValues !== undefined || (st.op !== Op.X && st.op !== Op.N && st.op !== Op.NNumber)) return undefined;
  return `${st.op}:${st.name}:${st.w}:${st.upper}`;
}

function memoOf(key: string, w: number): Memo {
  let m = MEMO.get(key);
  if (m === undefined) MEMO.set(key, (m = { v: MEMO, b: new Uint8Array(w) })); // v: a value no field has
  return m;
}

/**
 * Generates the writer of a layout with `new Function` (field names are validated camelCase
 * identifiers; no input data reaches the code). Where code generation is forbidden (strict
 * CSP) it returns undefined and the step interpreter runs (same bytes, slower).
 */
function generate(steps: readonly Step[], length: number): Write | undefined {
  const body = steps.map((st, k) => codeOf(st, k)).filter((c) => c !== '');
  const state = steps.map((st, k) => `const P${k} = S[${k}].pad; let q${k} = RESET;${memoKey(st) !== undefined ? ` const M${k} = H.memos[${k}];` : ''}`).join('\n');
  const memos = steps.map((st) => {
    const key = memoKey(st);
    return key === undefined ? undefined : memoOf(key, st.w);
  });
  const reset = steps.map((_, k) => `q${k} = RESET;`).join(' ');
  const src = [
    "'use strict';",
    // ABSENT an object, not a number: a float key would be boxed (a heap number) at every store
    'const RESET = {}; const ABSENT = {};',
    `const L = new Uint8Array(${length});`,
    // the last record starts as every zone's pad (blanks, zeros, literals, positive signs)
    ...steps.map((st, k) => `L.set(S[${k}].pad, ${st.s});`),
    state,
    'return function write(v, o, at) {',
    'let g = true;',
    ...body,
    `if (!g) { ${reset} return false; }`,
    // one native copy: a JS byte loop over 128 bytes costs ~6× more
    'o.set(L, at);',
    'return true;',
    '};',
  ].join('\n');
  try {
    const factory = new Function('H', 'S', src) as (h: unknown, s: readonly Step[]) => Write;
    return factory({ writeX, copyX, writeN, writeDigits, writeSmall, writeAmount, writeDate, memos }, steps);
  } catch {
    return undefined;
  }
}

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

const NO_ISSUES: readonly Issue[] = Object.freeze([]);
