/**
 * parseRecord: one fixed-width record (already decoded text) → typed record, derived from its layout.
 * Lenient about nothing silently: every defect is an issue located by record, column and field.
 *
 * Hint: the layout is compiled once into a plan (cached per layout); checks run on the record
 * text in place (charCode scans, one `===` against precomputed fill strings) so the only
 * allocations per record are the field values, the record object and the result.
 */
import type { PlainDate } from '../../core/date/index';
import { dateOf, digitsOf, readDate, scanAlpha, scanDigits, show } from './scan';
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, ok, resultOf } from '../../core/issues/index';
import { FIXED_WIDTH_CODES } from './codes';
import type { FastParser } from './fastPath';
import { compileFastPath } from './fastPath';
import type { FieldSpec, InferRecord, Layout } from './layout';

const issue = createIssueFactory(FIXED_WIDTH_CODES);

/** Where a record comes from, for issue locations, and the date context. */
export interface ParseContext {
  /** 1-based record number in the file. */
  readonly record?: number;
  /** 0-based byte offset of the record's first byte in the input. */
  readonly offset?: number;
  /** Path prefix of the issues (e.g. `['lots', 0, 'factures', 3]`). */
  readonly path?: IssuePath;
  /**
   * Century pivot of AAMMJJ dates: pass the file date (B2 000, NOEMIE 000). Required by a layout
   * with AAMMJJ fields: without it such a date is `FW_DATE` (never the machine's clock).
   */
  readonly referenceDate?: PlainDate;
}


const enum Kind {
  X,
  N,
  NNumber,
  Amount,
  Date6,
  Date8,
  Const,
  Filler,
  Skip,
}

interface Op {
  readonly kind: Kind;
  readonly f: FieldSpec;
  readonly name: string;
  readonly s: number;
  readonly e: number;
  readonly optional: boolean;
  /** Blank / zero / fill / literal string of the field's width. */
  readonly blank: string;
  readonly zeros: string;
  readonly fill: string;
  readonly enumValues: readonly string[] | undefined;
  /** Amounts: sign handling. */
  readonly leading: boolean;
  readonly signAt: number;
  readonly negative: string;
  readonly positive: string;
  readonly signField: FieldSpec | undefined;
  readonly pastCentury: boolean;
  /** X zones: lower case is an error (layout alphabet 'upper' and not anyCase). */
  readonly upper: boolean;
}

interface Plan {
  readonly fast: FastParser | undefined;
  readonly ops: readonly Op[];
  readonly length: number;
}

const PLANS = new WeakMap<Layout, Plan>();

function compile(layout: Layout): Plan {
  const ops = layout.fields.map((f): Op => {
    const s = f.start - 1;
    let signField: FieldSpec | undefined;
    if (f.type === 'amount' && typeof f.sign === 'object') {
      const target = f.sign.field;
      signField = layout.fields.find((g) => g.name === target);
    }
    const chars = signField?.type === 'sign' ? signField.chars : undefined;
    const kind =
      f.type === 'X' ? Kind.X
      : f.type === 'N' ? (f.as === 'number' ? Kind.NNumber : Kind.N)
      : f.type === 'amount' ? Kind.Amount
      : f.type === 'date6' ? Kind.Date6
      : f.type === 'date8' ? Kind.Date8
      : f.type === 'const' ? Kind.Const
      : f.type === 'filler' ? Kind.Filler
      : Kind.Skip;
    return {
      kind,
      f,
      name: f.name,
      s,
      e: s + f.length,
      optional: f.optional === true,
      blank: ' '.repeat(f.length),
      zeros: '0'.repeat(f.length),
      fill: f.type === 'const' ? f.value : f.type === 'filler' ? (f.fill ?? ' ').repeat(f.length) : '',
      enumValues: f.type === 'X' || f.type === 'N' ? f.enum : undefined,
      leading: f.type === 'amount' && f.sign === 'leading',
      signAt: signField !== undefined ? signField.start - 1 : -1,
      negative: chars?.negative ?? 'N',
      positive: chars?.positive ?? 'P',
      signField,
      pastCentury: f.type === 'date6' && f.century === 'past',
      upper: layout.alphabet === 'upper' && !(f.type === 'X' && f.anyCase === true),
    };
  });
  return { ops, length: layout.length, fast: useFastPath ? compileFastPath(layout, HELPERS) : undefined };
}

function raise(
  issues: Issue[],
  ctx: ParseContext,
  f: FieldSpec,
  code: keyof typeof FIXED_WIDTH_CODES,
  column: number,
  expected?: string,
  received?: string,
): void {
  const source: { record?: number; column: number; offset?: number } = { column };
  if (ctx.record !== undefined) source.record = ctx.record;
  if (ctx.offset !== undefined) source.offset = ctx.offset + column - 1;
  const details: { path: IssuePath; source: typeof source; expected?: string; received?: string; ref?: string } = {
    path: [...(ctx.path ?? []), f.name],
    source,
  };
  if (expected !== undefined) details.expected = expected;
  if (received !== undefined) details.received = received;
  if (f.ref !== undefined) details.ref = f.ref;
  issues.push(issue(code, details));
}


const HELPERS = { digits: digitsOf, alpha: scanAlpha, date: dateOf };
let useFastPath = true;

/**
 * Turns the generated fast path off or on (tests compare both; the interpreter alone is what
 * runs where code generation is forbidden).
 *
 * @param enabled - Whether layouts compiled from now on get a fast path.
 */
export function setFastPath(enabled: boolean): void {
  useFastPath = enabled;
}

/**
 * Parses one fixed-width record with its layout.
 *
 * @param layout - A layout from `defineLayout`.
 * @param text - The record text (one character per byte, latin1-decoded).
 * @param ctx - Record number, byte offset, path prefix and reference date for issues and dates.
 * @returns The typed record, or `FW_*` issues with path `[...ctx.path, fieldName]` and source `{record, column, offset}`.
 * @example
 * const r = parseRecord(LAYOUT_TYPE_1, text, { record: 2, offset: 128 });
 */
export function parseRecord<L extends Layout>(layout: L, text: string, ctx: ParseContext = {}): Result<InferRecord<L>> {
  let plan = PLANS.get(layout);
  if (plan === undefined) PLANS.set(layout, (plan = compile(layout)));
  if (plan.fast !== undefined) {
    const value = plan.fast(text, ctx.referenceDate);
    if (value !== undefined) return ok(value as InferRecord<L>);
  }
  // no closures in here: tsx/esbuild keepNames wraps each closure creation in a costly __name()
  const issues: Issue[] = [];
  if (text.length !== plan.length) {
    const source: { record?: number; column: number; offset?: number } = { column: Math.min(text.length, plan.length) + 1 };
    if (ctx.record !== undefined) source.record = ctx.record;
    if (ctx.offset !== undefined) source.offset = ctx.offset;
    issues.push(issue('FW_RECORD_LENGTH', { path: ctx.path ?? [], source, expected: String(plan.length), received: text.length }));
  }
  const out: Record<string, unknown> = {};
  const ops = plan.ops;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k] as Op;
    const { s, e, f } = op;
    if (e > text.length) continue;
    switch (op.kind) {
      case Kind.X: {
        if (op.optional && text.slice(s, e) === op.blank) break;
        const bad = scanAlpha(text, s, e, op.upper);
        if (bad >= 0) {
          const c = text.charCodeAt(bad);
          if (c >= 0x61 && c <= 0x7a) raise(issues, ctx, f, 'FW_LOWERCASE', f.start, undefined, text.slice(s, e).trimEnd());
          else raise(issues, ctx, f, 'FW_CHARSET', bad + 1, String(bad + 1), show(text.charAt(bad)));
          break;
        }
        const value = text.slice(s, e).trimEnd();
        if (op.enumValues !== undefined && !op.enumValues.includes(value)) raise(issues, ctx, f, 'FW_ENUM', f.start, op.enumValues.join(', '), value);
        else out[op.name] = value;
        break;
      }
      case Kind.N:
      case Kind.NNumber:
      case Kind.Amount: {
        const digitsFrom = op.leading ? s + 1 : s;
        const n = digitsOf(text, digitsFrom, e);
        if (n < 0) {
          if (op.optional && text.slice(s, e) === op.blank) raise(issues, ctx, f, 'FW_BLANK_NUMERIC', f.start);
          else raise(issues, ctx, f, 'FW_NOT_NUMERIC', scanDigits(text, digitsFrom, e) + 1, undefined, text.slice(s, e));
          break;
        }
        if (op.kind === Kind.N) {
          if (op.optional && text.slice(s, e) === op.zeros) break;
          const raw = text.slice(s, e);
          if (op.enumValues !== undefined && !op.enumValues.includes(raw)) raise(issues, ctx, f, 'FW_ENUM', f.start, op.enumValues.join(', '), raw);
          else out[op.name] = raw;
          break;
        }
        if (op.kind === Kind.NNumber) {
          if (!(op.optional && n === 0)) out[op.name] = n;
          break;
        }
        let negative = false;
        if (op.leading) {
          const c = text.charCodeAt(s);
          if (c !== 43 && c !== 45) {
            raise(issues, ctx, f, 'FW_SIGN', f.start, '+ ou -', show(text.slice(s, s + 1)));
            break;
          }
          negative = c === 45;
        } else if (op.signAt >= 0 && op.signAt < text.length) {
          const c = text[op.signAt] as string;
          if (c === op.negative) negative = true;
          else if (c !== op.positive && !(c === ' ' && n === 0)) {
            raise(issues, ctx, op.signField ?? f, 'FW_SIGN', op.signAt + 1, `${op.negative} ou ${op.positive}`, show(c));
            break;
          }
        }
        if (op.optional && n === 0) break;
        out[op.name] = { centimes: negative && n !== 0 ? -n : n };
        break;
      }
      case Kind.Date6:
      case Kind.Date8: {
        if (op.optional) {
          if (text.slice(s, e) === op.zeros) break;
          if (text.slice(s, e) === op.blank) {
            raise(issues, ctx, f, 'FW_BLANK_NUMERIC', f.start);
            break;
          }
        }
        const d = readDate(text, s, e, op.kind === Kind.Date8, op.pastCentury, ctx.referenceDate);
        if (d !== undefined) out[op.name] = d;
        else raise(issues, ctx, f, 'FW_DATE', f.start, op.kind === Kind.Date8 ? 'AAAAMMJJ' : ctx.referenceDate === undefined ? 'AAMMJJ et une date de référence (referenceDate)' : 'AAMMJJ', text.slice(s, e));
        break;
      }
      case Kind.Const:
        if (text.slice(s, e) === op.fill) out[op.name] = op.fill;
        else raise(issues, ctx, f, 'FW_CONST', f.start, op.fill, text.slice(s, e));
        break;
      case Kind.Filler:
        if (text.slice(s, e) !== op.fill) raise(issues, ctx, f, 'FW_FILLER_NOT_BLANK', f.start, undefined, text.slice(s, e));
        break;
      case Kind.Skip:
        break;
    }
  }
  return issues.length === 0 ? ok(out as InferRecord<L>) : resultOf(out as InferRecord<L>, issues);
}
