/**
 * A fast path for well-formed entities, compiled from the same layouts as `parseRecord`.
 *
 * Hint: the generic `parseRecord` allocates a `Result` and location data per field, which is
 * right for defects but costs ~1 µs per entity. This decoder reads an entity straight from the
 * logical stream (no per-entity slice), with integer parsing on char codes and a cache of
 * AAMMJJ dates (a decoder generated per layout, see {@link generateDecoder}), and gives up
 * (`undefined`) at the first doubt; the caller then runs
 * `parseRecord` on the same text, which produces the located `FW_*` issues. So the fast path
 * never decides anything the engine would not: a test checks that both agree whenever the fast
 * path accepts.
 */
import type { CenturyRule, PlainDate } from '../../core/date/index';
import { parseAammjj } from '../../core/date/index';
import type { FieldSpec, Layout } from '../../internal/fixed-width/layout';

/** Decodes one entity from `text` at `at`, or returns `undefined` to defer to `parseRecord`. */
export type FastDecoder = (text: string, at: number) => Record<string, unknown> | undefined;

const DATE_CACHE_MAX = 20_000;

/** Per-file date cache (the century depends on the file date). */
export interface DateContext {
  readonly reference: PlainDate;
  readonly near: Map<string, PlainDate>;
  readonly past: Map<string, PlainDate>;
}

/**
 * Creates the date context of a file.
 *
 * @param reference - The file date (century reference).
 * @returns An empty cache bound to that reference.
 */
export function createDateContext(reference: PlainDate): DateContext {
  return { reference, near: new Map(), past: new Map() };
}

function readDate(ctx: DateContext, raw: string, century: CenturyRule): PlainDate | undefined {
  const cache = century === 'past' ? ctx.past : ctx.near;
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const r = parseAammjj(raw, { reference: ctx.reference, century });
  if (!r.ok) return undefined;
  if (cache.size >= DATE_CACHE_MAX) cache.clear();
  cache.set(raw, r.value);
  return r.value;
}

function allChar(text: string, s: number, e: number, code: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) !== code) return false;
  return true;
}

function allDigits(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Integer value of digits, or -1 when a non-digit is found. */
function digitsValue(text: string, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function trimEndAt(text: string, s: number, e: number): string {
  let end = e;
  while (end > s && text.charCodeAt(end - 1) === 32) end--;
  return end === s ? '' : text.slice(s, end);
}

type Op = (text: string, base: number, out: Record<string, unknown>, dates: DateContext) => boolean;

function compileField(f: FieldSpec, fields: readonly FieldSpec[]): Op | undefined {
  const s = f.start - 1;
  const e = s + f.length;
  const name = f.name;
  const optional = f.optional === true;
  switch (f.type) {
    case 'const':
      return (t, b, out) => {
        if (t.slice(b + s, b + e) !== f.value) return false;
        out[name] = f.value;
        return true;
      };
    case 'filler':
      return f.fill === '0' ? (t, b) => allChar(t, b + s, b + e, 48) : (t, b) => allChar(t, b + s, b + e, 32);
    case 'sign':
      return undefined;
    case 'X': {
      const allowed = f.enum;
      return (t, b, out) => {
        const v = trimEndAt(t, b + s, b + e);
        if (v === '' && optional) return true;
        if (allowed !== undefined && !allowed.includes(v)) return false;
        out[name] = v;
        return true;
      };
    }
    case 'N':
      if (f.as === 'number') {
        return (t, b, out) => {
          const v = digitsValue(t, b + s, b + e);
          if (v < 0) return false;
          if (!(optional && v === 0)) out[name] = v;
          return true;
        };
      }
      if (f.enum !== undefined) return undefined; // not used by NOEMIE layouts: defer to parseRecord
      return (t, b, out) => {
        if (!allDigits(t, b + s, b + e)) return false;
        if (optional && allChar(t, b + s, b + e, 48)) return true;
        out[name] = t.slice(b + s, b + e);
        return true;
      };
    case 'amount': {
      if (f.sign === 'leading') return undefined;
      const signSpec = typeof f.sign === 'object' ? fields.find((g) => g.name === (f.sign as { field: string }).field) : undefined;
      const signAt = signSpec === undefined ? -1 : signSpec.start - 1;
      const chars = signSpec?.type === 'sign' ? (signSpec.chars ?? { negative: 'N', positive: 'P' }) : { negative: 'N', positive: 'P' };
      const neg = chars.negative.charCodeAt(0);
      const pos = chars.positive.charCodeAt(0);
      return (t, b, out) => {
        const v = digitsValue(t, b + s, b + e);
        if (v < 0) return false;
        let negative = false;
        if (signAt >= 0) {
          const c = t.charCodeAt(b + signAt);
          if (c === neg) negative = true;
          else if (c !== pos && !(c === 32 && v === 0)) return false;
        }
        if (optional && v === 0) return true;
        out[name] = { centimes: negative && v !== 0 ? -v : v };
        return true;
      };
    }
    case 'date6': {
      const century: CenturyRule = f.century ?? 'near';
      return (t, b, out, dates) => {
        if (optional && allChar(t, b + s, b + e, 48)) return true;
        const d = readDate(dates, t.slice(b + s, b + e), century);
        if (d === undefined) return false;
        out[name] = d;
        return true;
      };
    }
    case 'date8':
      return undefined;
  }
}

/**
 * Compiles a layout into a fast decoder, or returns `undefined` when the layout uses a field
 * kind this fast path does not cover (the caller then always uses `parseRecord`).
 *
 * @param layout - A layout from `defineLayout`.
 * @param dates - Returns the date context of the file being read.
 * @returns The decoder.
 */
export function compileFastDecoder(layout: Layout, dates: () => DateContext): FastDecoder | undefined {
  for (const f of layout.fields) {
    if ((f.type === 'N' && f.enum !== undefined) || (f.type === 'amount' && f.sign === 'leading') || f.type === 'date8') return undefined;
  }
  return generateDecoder(layout, dates) ?? interpretDecoder(layout, dates);
}

function interpretDecoder(layout: Layout, dates: () => DateContext): FastDecoder | undefined {
  const ops: Op[] = [];
  for (const f of layout.fields) {
    if ((f.type === 'N' && f.enum !== undefined) || (f.type === 'amount' && f.sign === 'leading') || f.type === 'date8') return undefined;
    const op = compileField(f, layout.fields);
    if (op !== undefined) ops.push(op);
  }
  const n = ops.length;
  return (text, at) => {
    const out: Record<string, unknown> = {};
    const ctx = dates();
    for (let k = 0; k < n; k++) if (!(ops[k] as Op)(text, at, out, ctx)) return undefined;
    return out;
  };
}

const NAME = /^[a-z][A-Za-z0-9]*$/;
const HELPERS = { allChar, allDigits, digitsValue, trimEndAt, readDate };

/**
 * Generates a decoder specialised to one layout: literal property names and positions, one
 * object literal per entity (a stable shape: ~10× the interpreted loop, whose keyed stores are
 * megamorphic). The generated source is built from the static layout table only (field names
 * checked against /^[a-z][A-Za-z0-9]*$/, integer positions) — never from input bytes. Returns
 * `undefined` where code generation is not allowed (e.g. a CSP without 'unsafe-eval').
 */
function generateDecoder(layout: Layout, dates: () => DateContext): FastDecoder | undefined {
  const lines: string[] = [];
  const props: string[] = [];
  const optionals: string[] = [];
  const enums: (readonly string[])[] = [];
  let k = 0;
  for (const f of layout.fields) {
    if (!NAME.test(f.name)) return undefined;
    const s = f.start - 1;
    const e = s + f.length;
    const v = `v${k++}`;
    const at = `b + ${s}, b + ${e}`;
    const opt = f.optional === true;
    switch (f.type) {
      case 'const':
        lines.push(`if (t.slice(${at}) !== ${JSON.stringify(f.value)}) return undefined;`);
        props.push(`${f.name}: ${JSON.stringify(f.value)}`);
        continue;
      case 'filler':
        lines.push(`if (!H.allChar(t, ${at}, ${f.fill === '0' ? 48 : 32})) return undefined;`);
        continue;
      case 'sign':
        continue;
      case 'X':
        lines.push(`var ${v} = H.trimEndAt(t, ${at});`);
        if (f.enum !== undefined) {
          enums.push(f.enum);
          lines.push(`if (!E[${enums.length - 1}].includes(${v})) return undefined;`);
        }
        if (opt) lines.push(`if (${v} === '') ${v} = undefined;`);
        break;
      case 'N':
        if (f.as === 'number') {
          lines.push(`var ${v} = H.digitsValue(t, ${at}); if (${v} < 0) return undefined;`);
          if (opt) lines.push(`if (${v} === 0) ${v} = undefined;`);
        } else {
          lines.push(`if (!H.allDigits(t, ${at})) return undefined;`);
          lines.push(opt ? `var ${v} = H.allChar(t, ${at}, 48) ? undefined : t.slice(${at});` : `var ${v} = t.slice(${at});`);
        }
        break;
      case 'amount': {
        lines.push(`var n${v} = H.digitsValue(t, ${at}); if (n${v} < 0) return undefined;`);
        const signSpec = typeof f.sign === 'object' ? layout.fields.find((g) => g.name === (f.sign as { field: string }).field) : undefined;
        if (signSpec !== undefined && signSpec.type === 'sign') {
          const chars = signSpec.chars ?? { negative: 'N', positive: 'P' };
          lines.push(`var c${v} = t.charCodeAt(b + ${signSpec.start - 1}); var g${v} = false;`);
          lines.push(`if (c${v} === ${chars.negative.charCodeAt(0)}) g${v} = true; else if (c${v} !== ${chars.positive.charCodeAt(0)} && !(c${v} === 32 && n${v} === 0)) return undefined;`);
          lines.push(`var ${v} = { centimes: g${v} && n${v} !== 0 ? -n${v} : n${v} };`);
        } else lines.push(`var ${v} = { centimes: n${v} };`);
        if (opt) lines.push(`if (n${v} === 0) ${v} = undefined;`);
        break;
      }
      case 'date6':
        lines.push(`var ${v};`);
        lines.push(`if (${opt ? `H.allChar(t, ${at}, 48)` : 'false'}) ${v} = undefined; else { ${v} = H.readDate(D(), t.slice(${at}), ${JSON.stringify(f.century ?? 'near')}); if (${v} === undefined) return undefined; }`);
        break;
      case 'date8':
        return undefined;
    }
    if (opt) optionals.push(`if (${v} !== undefined) o.${f.name} = ${v};`);
    else props.push(`${f.name}: ${v}`);
  }
  const body = `return function (t, b) {\n${lines.join('\n')}\nvar o = { ${props.join(', ')} };\n${optionals.join('\n')}\nreturn o;\n};`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the function's doc
    return new Function('H', 'E', 'D', body)(HELPERS, enums, dates) as FastDecoder;
  } catch {
    return undefined;
  }
}
