/**
 * parseRecord: one fixed-width record (already decoded text) → typed record, derived from its layout.
 * Lenient about nothing silently: every defect is an issue located by record, column and field.
 */
import type { PlainDate } from '../../core/date/index';
import { parseAaaammjj, parseAammjj, plainDateOf } from '../../core/date/index';
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import { FIXED_WIDTH_CODES } from './codes';
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
  /** Reference date for the century of AAMMJJ dates (default: today, UTC). Pass the file date. */
  readonly reference?: PlainDate;
}

const NOT_PRINTABLE = /[^\x20-\x7e]/;
const LOWER = /[a-z]/;

let todayCache: { at: number; date: PlainDate } | undefined;
function today(): PlainDate {
  const now = Date.now();
  if (todayCache === undefined || now - todayCache.at > 60_000) {
    const d = new Date(now);
    todayCache = { at: now, date: plainDateOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
  }
  return todayCache.date;
}

function isAll(text: string, ch: string): boolean {
  for (let i = 0; i < text.length; i++) if (text[i] !== ch) return false;
  return true;
}

function firstNonDigit(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return i;
  }
  return -1;
}

function show(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0x20 && c <= 0x7e ? ch : `\\x${c.toString(16).padStart(2, '0')}`;
}

/** Makes the located issue of one field (column is 1-based in the record). */
type Raise = (f: FieldSpec, code: keyof typeof FIXED_WIDTH_CODES, column: number, expected?: string, received?: string) => void;

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
  const issues: Issue[] = [];
  const prefix = ctx.path ?? [];
  const raise: Raise = (f, code, column, expected, received) => {
    const source: { record?: number; column: number; offset?: number } = { column };
    if (ctx.record !== undefined) source.record = ctx.record;
    if (ctx.offset !== undefined) source.offset = ctx.offset + column - 1;
    const details: { path: IssuePath; source: typeof source; expected?: string; received?: string; ref?: string } = { path: [...prefix, f.name], source };
    if (expected !== undefined) details.expected = expected;
    if (received !== undefined) details.received = received;
    if (f.ref !== undefined) details.ref = f.ref;
    issues.push(issue(code, details));
  };
  if (text.length !== layout.length) {
    const source: { record?: number; column: number; offset?: number } = { column: Math.min(text.length, layout.length) + 1 };
    if (ctx.record !== undefined) source.record = ctx.record;
    if (ctx.offset !== undefined) source.offset = ctx.offset;
    issues.push(issue('FW_RECORD_LENGTH', { path: prefix, source, expected: String(layout.length), received: String(text.length) }));
  }
  const checkChars = NOT_PRINTABLE.test(text);
  const checkLower = layout.alphabet === 'upper' && LOWER.test(text);
  const out: Record<string, unknown> = {};
  const fields = layout.fields;
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k] as FieldSpec;
    const s = f.start - 1;
    const e = s + f.length;
    if (e > text.length) continue;
    const raw = text.slice(s, e);
    switch (f.type) {
      case 'X': {
        if (checkChars) {
          const bad = NOT_PRINTABLE.exec(raw);
          if (bad !== null) {
            raise(f, 'FW_CHARSET', f.start + bad.index, String(f.start + bad.index), show(bad[0]));
            break;
          }
        }
        if (checkLower && LOWER.test(raw)) {
          raise(f, 'FW_LOWERCASE', f.start, undefined, raw.trimEnd());
          break;
        }
        const value = raw.trimEnd();
        if (value === '' && f.optional === true) break;
        if (f.enum !== undefined && !f.enum.includes(value)) {
          raise(f, 'FW_ENUM', f.start, f.enum.join(', '), value);
          break;
        }
        out[f.name] = value;
        break;
      }
      case 'N': {
        const bad = firstNonDigit(raw);
        if (bad >= 0) {
          if (f.optional === true && isAll(raw, ' ')) raise(f, 'FW_BLANK_NUMERIC', f.start);
          else raise(f, 'FW_NOT_NUMERIC', f.start + bad, undefined, raw);
          break;
        }
        if (f.optional === true && isAll(raw, '0')) break;
        if (f.as === 'number') out[f.name] = Number(raw);
        else if (f.enum !== undefined && !f.enum.includes(raw)) raise(f, 'FW_ENUM', f.start, f.enum.join(', '), raw);
        else out[f.name] = raw;
        break;
      }
      case 'amount': {
        let digits = raw;
        let negative = false;
        if (f.sign === 'leading') {
          const c = raw[0];
          if (c !== '+' && c !== '-') {
            raise(f, 'FW_SIGN', f.start, '+ ou -', raw.slice(0, 1));
            break;
          }
          negative = c === '-';
          digits = raw.slice(1);
        }
        const bad = firstNonDigit(digits);
        if (bad >= 0) {
          if (f.optional === true && isAll(raw, ' ')) raise(f, 'FW_BLANK_NUMERIC', f.start);
          else raise(f, 'FW_NOT_NUMERIC', f.start + bad + raw.length - digits.length, undefined, raw);
          break;
        }
        const centimes = Number(digits);
        if (typeof f.sign === 'object') {
          const signField = fields.find((g) => g.name === (f.sign as { field: string }).field);
          if (signField !== undefined && signField.type === 'sign' && signField.start <= text.length) {
            const c = text[signField.start - 1] ?? '';
            const chars = signField.chars ?? { negative: 'N', positive: 'P' };
            if (c === chars.negative) negative = true;
            else if (c !== chars.positive && !(c === ' ' && centimes === 0)) {
              raise(signField, 'FW_SIGN', signField.start, `${chars.negative} ou ${chars.positive}`, show(c));
              break;
            }
          }
        }
        if (f.optional === true && centimes === 0) break;
        const money: Money = { centimes: negative && centimes !== 0 ? -centimes : centimes };
        out[f.name] = money;
        break;
      }
      case 'date6':
      case 'date8': {
        if (f.optional === true) {
          if (isAll(raw, '0')) break;
          if (isAll(raw, ' ')) {
            raise(f, 'FW_BLANK_NUMERIC', f.start);
            break;
          }
        }
        const r =
          f.type === 'date6' ? parseAammjj(raw, { reference: ctx.reference ?? today(), century: f.century ?? 'near' }) : parseAaaammjj(raw);
        if (r.ok) out[f.name] = r.value;
        else raise(f, 'FW_DATE', f.start, f.type === 'date6' ? 'AAMMJJ' : 'AAAAMMJJ', raw);
        break;
      }
      case 'const':
        if (raw !== f.value) raise(f, 'FW_CONST', f.start, f.value, raw);
        else out[f.name] = f.value;
        break;
      case 'filler':
        if (!isAll(raw, f.fill ?? ' ')) raise(f, 'FW_FILLER_NOT_BLANK', f.start, undefined, raw);
        break;
      case 'sign':
        break;
    }
  }
  return resultOf(out as InferRecord<L>, issues);
}
