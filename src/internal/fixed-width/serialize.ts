/**
 * serializeRecord: typed record → fixed-width text, derived from the layout. Never truncates:
 * a value too long, a bad character or a wrong type is an issue.
 */
import { formatAaaammjj, formatAammjj, isPlainDate } from '../../core/date/index';
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import { isMoney } from '../../core/money/index';
import { FIXED_WIDTH_CODES } from './codes';
import type { FieldSpec, InferRecordInput, Layout, SignField } from './layout';
import { transliterate } from './transliterate';

const issue = createIssueFactory(FIXED_WIDTH_CODES);

/** Options of {@link serializeRecord}. */
export interface SerializeOptions {
  /** Upper-case and unaccent alphanumeric values (warning `FW_TRANSLITERATED` when it changes one). */
  readonly transliterate?: boolean;
  /** Path prefix of the issues. */
  readonly path?: IssuePath;
}

const NOT_PRINTABLE = /[^\x20-\x7e]/;
const LOWER = /[a-z]/;
const DIGITS = /^\d+$/;

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** The received value as text for an issue: primitives as themselves, anything else by kind (never throws). */
function shown(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : describe(v);
}

/**
 * Writes one record with its layout.
 *
 * @param layout - A layout from `defineLayout`.
 * @param value - The typed record (literal fields may be omitted).
 * @param options - Transliteration of alphanumeric values and the issue path prefix.
 * @returns The record text (exactly `layout.length` characters), or `FW_*` issues with path `[...path, fieldName]`.
 * @example
 * serializeRecord(LAYOUT_TYPE_6, { numeroPs: '123456789', nombreFactures: 3, ... })
 */
export function serializeRecord<L extends Layout>(layout: L, value: InferRecordInput<L>, options: SerializeOptions = {}): Result<string> {
  const issues: Issue[] = [];
  const prefix = options.path ?? [];
  const input = value as Readonly<Record<string, unknown>>;
  const fields = layout.fields;
  const parts: string[] = new Array<string>(fields.length);
  const signs = new Map<string, boolean>();
  const raise = (f: FieldSpec, code: keyof typeof FIXED_WIDTH_CODES, expected?: string, received?: string, column = f.start): void => {
    const d: { path: IssuePath; source: { column: number }; expected?: string; received?: string; ref?: string } = {
      path: [...prefix, f.name],
      source: { column },
    };
    if (expected !== undefined) d.expected = expected;
    if (received !== undefined) d.received = received;
    if (f.ref !== undefined) d.ref = f.ref;
    issues.push(issue(code, d));
  };
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k] as FieldSpec;
    const L = f.length;
    const v = f.type === 'filler' || f.type === 'sign' ? undefined : input[f.name];
    const blank = ' '.repeat(L);
    const zeros = '0'.repeat(L);
    parts[k] = f.type === 'X' || (f.type === 'filler' && f.fill !== '0') ? blank : zeros;
    if (f.type === 'filler' || f.type === 'sign') continue;
    if (f.type === 'const') {
      if (v !== undefined && v !== f.value) raise(f, 'FW_CONST', f.value, shown(v));
      parts[k] = f.value;
      continue;
    }
    if (v === undefined || v === null) {
      if (f.optional !== true) raise(f, 'FW_MISSING');
      continue;
    }
    switch (f.type) {
      case 'X': {
        if (typeof v !== 'string') {
          raise(f, 'FW_TYPE', 'string', describe(v));
          break;
        }
        let text = v;
        if (options.transliterate === true && f.anyCase !== true) {
          const t = transliterate(v, [...prefix, f.name]);
          if (!t.ok) {
            issues.push(...t.issues);
            break;
          }
          issues.push(...t.issues);
          text = t.value;
        }
        const bad = NOT_PRINTABLE.exec(text);
        if (bad !== null) raise(f, 'FW_CHARSET', String(f.start + bad.index), bad[0], f.start + bad.index);
        else if (layout.alphabet === 'upper' && f.anyCase !== true && LOWER.test(text)) raise(f, 'FW_LOWERCASE', undefined, text);
        else if (text.length > L) raise(f, 'FW_OVERFLOW', String(L), String(text.length));
        else if (f.enum !== undefined && !f.enum.includes(text.trimEnd())) raise(f, 'FW_ENUM', f.enum.join(', '), text);
        else parts[k] = text.padEnd(L, ' ');
        break;
      }
      case 'N': {
        let text: string;
        if (f.as === 'number') {
          if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
            raise(f, typeof v === 'number' ? 'FW_RANGE' : 'FW_TYPE', typeof v === 'number' ? 'entier ≥ 0' : 'number', shown(v));
            break;
          }
          text = String(v);
        } else {
          if (typeof v !== 'string') {
            raise(f, 'FW_TYPE', 'string', describe(v));
            break;
          }
          if (!DIGITS.test(v)) {
            raise(f, 'FW_NOT_NUMERIC', undefined, v);
            break;
          }
          text = v;
        }
        if (text.length > L) raise(f, 'FW_OVERFLOW', String(L), String(text.length));
        else {
          const padded = text.padStart(L, '0');
          if (f.enum !== undefined && !f.enum.includes(padded)) raise(f, 'FW_ENUM', f.enum.join(', '), padded);
          else parts[k] = padded;
        }
        break;
      }
      case 'date6':
      case 'date8':
        if (!isPlainDate(v)) raise(f, 'FW_TYPE', 'PlainDate', shown(v));
        else parts[k] = f.type === 'date6' ? formatAammjj(v) : formatAaaammjj(v);
        break;
      case 'amount': {
        if (!isMoney(v)) {
          raise(f, 'FW_TYPE', 'Money', describe(v));
          break;
        }
        const c = v.centimes;
        if (c < 0 && (f.sign === undefined || f.sign === 'unsigned')) {
          raise(f, 'FW_NEGATIVE_AMOUNT', undefined, String(c));
          break;
        }
        const width = f.sign === 'leading' ? L - 1 : L;
        const digits = String(Math.abs(c));
        if (digits.length > width) {
          raise(f, 'FW_OVERFLOW', String(width), String(digits.length));
          break;
        }
        const body = digits.padStart(width, '0');
        parts[k] = f.sign === 'leading' ? (c < 0 ? '-' : '+') + body : body;
        if (typeof f.sign === 'object') signs.set(f.sign.field, c < 0);
        break;
      }
    }
  }
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k] as FieldSpec;
    if (f.type !== 'sign') continue;
    const chars = (f as SignField).chars ?? { negative: 'N', positive: 'P' };
    parts[k] = signs.get(f.name) === true ? chars.negative : chars.positive;
  }
  return resultOf(parts.join(''), issues);
}
