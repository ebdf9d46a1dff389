/**
 * Fast path of parseRecord: a per-layout function generated once from the layout (straight-line
 * checks, constants inlined, the record built as one object literal, so V8 sees one shape).
 * It only handles flawless records: on the first anomaly it returns `undefined` and parseRecord
 * falls back to the interpreter, which collects every located issue. The generated code holds
 * no data from the input; field names are validated camelCase identifiers.
 *
 * Hint: generated with `new Function`; where that is forbidden (strict CSP) compilation fails
 * and only the interpreter runs (same results, slower). A property test checks both agree.
 */
import type { PlainDate } from '../../core/date/index';
import type { FieldSpec, Layout } from './layout';

/** A compiled fast parser: the typed record, or undefined to defer to the interpreter. */
export type FastParser = (text: string, reference: PlainDate | undefined) => Record<string, unknown> | undefined;

/** Helpers the generated code calls (kept tiny so V8 inlines them). */
export interface FastHelpers {
  /** Value of the digits text[s, e) (≤ 15 digits exact), or -1 when a character is not a digit. */
  readonly digits: (text: string, s: number, e: number) => number;
  /** Index of the first character outside printable ASCII (or lower case when upper), or -1. */
  readonly alpha: (text: string, s: number, e: number, upper: boolean) => number;
  /** 'YYYY-MM-DD' of a valid date zone, or undefined. */
  readonly date: (text: string, s: number, eight: boolean, past: boolean, reference: PlainDate | undefined) => string | undefined;
}

function code(f: FieldSpec, k: number, upperLayout: boolean, fields: readonly FieldSpec[]): string[] {
  const s = f.start - 1;
  const e = s + f.length;
  const opt = f.optional === true;
  const v = `v${k}`;
  switch (f.type) {
    case 'X': {
      const upper = upperLayout && f.anyCase !== true;
      const lines = [`if (H.alpha(t, ${s}, ${e}, ${upper}) >= 0) return undefined;`, `const ${v} = t.slice(${s}, ${e}).trimEnd();`];
      if (f.enum !== undefined) lines.push(`if (${opt ? `${v} !== '' && ` : ''}!K[${k}].includes(${v})) return undefined;`);
      return lines;
    }
    case 'N':
      if (f.as === 'number') return [`const ${v} = H.digits(t, ${s}, ${e});`, `if (${v} < 0) return undefined;`];
      return [
        `if (H.digits(t, ${s}, ${e}) < 0) return undefined;`,
        `const ${v} = t.slice(${s}, ${e});`,
        ...(f.enum !== undefined ? [`if (${opt ? `${v} !== Z[${k}] && ` : ''}!K[${k}].includes(${v})) return undefined;`] : []),
      ];
    case 'amount': {
      if (f.sign === 'leading') {
        return [
          `const c${k} = t.charCodeAt(${s});`,
          `if (c${k} !== 43 && c${k} !== 45) return undefined;`,
          `const n${k} = H.digits(t, ${s + 1}, ${e});`,
          `if (n${k} < 0) return undefined;`,
          `const ${v} = c${k} === 45 && n${k} !== 0 ? -n${k} : n${k};`,
        ];
      }
      const lines = [`const n${k} = H.digits(t, ${s}, ${e});`, `if (n${k} < 0) return undefined;`];
      if (typeof f.sign === 'object') {
        const target = f.sign.field;
        const sf = fields.find((g) => g.name === target);
        const chars = sf?.type === 'sign' ? (sf.chars ?? { negative: 'N', positive: 'P' }) : { negative: 'N', positive: 'P' };
        const at = (sf?.start ?? 1) - 1;
        lines.push(
          `const c${k} = t.charAt(${at});`,
          `if (c${k} !== ${JSON.stringify(chars.negative)} && c${k} !== ${JSON.stringify(chars.positive)} && !(c${k} === ' ' && n${k} === 0)) return undefined;`,
          `const ${v} = c${k} === ${JSON.stringify(chars.negative)} && n${k} !== 0 ? -n${k} : n${k};`,
        );
      } else lines.push(`const ${v} = n${k};`);
      return lines;
    }
    case 'date6':
    case 'date8': {
      const lines: string[] = [];
      if (opt) lines.push(`const z${k} = t.slice(${s}, ${e}) === Z[${k}];`);
      lines.push(
        `const ${v} = ${opt ? `z${k} ? undefined : ` : ''}H.date(t, ${s}, ${f.type === 'date8'}, ${f.type === 'date6' && f.century === 'past'}, r);`,
        `if (${opt ? `!z${k} && ` : ''}${v} === undefined) return undefined;`,
      );
      return lines;
    }
    case 'const':
    case 'filler':
      return [`if (t.slice(${s}, ${e}) !== K[${k}]) return undefined;`];
    case 'sign':
      return [];
  }
}

function valueExpr(f: FieldSpec, k: number): string | undefined {
  switch (f.type) {
    case 'X':
    case 'N':
    case 'date6':
    case 'date8':
      return `v${k}`;
    case 'amount':
      return `{ centimes: v${k} }`;
    case 'const':
      return `K[${k}]`;
    default:
      return undefined;
  }
}

/** Condition under which an optional field is absent. */
function absent(f: FieldSpec, k: number): string {
  switch (f.type) {
    case 'X':
      return `v${k} === ''`;
    case 'N':
      return f.as === 'number' ? `v${k} === 0` : `v${k} === Z[${k}]`;
    case 'amount':
      return `v${k} === 0`;
    default:
      return `v${k} === undefined`;
  }
}

/**
 * Generates the fast parser of a layout.
 *
 * @param layout - A layout from defineLayout.
 * @param helpers - Digit, alphabet and date helpers.
 * @returns The fast parser, or undefined when code generation is unavailable.
 */
export function compileFastPath(layout: Layout, helpers: FastHelpers): FastParser | undefined {
  const fields = layout.fields;
  const K = fields.map((f) => (f.type === 'const' ? f.value : f.type === 'filler' ? (f.fill ?? ' ').repeat(f.length) : 'enum' in f ? f.enum : undefined));
  const Z = fields.map((f) => '0'.repeat(f.length));
  const body: string[] = [`if (t.length !== ${layout.length}) return undefined;`];
  const required: string[] = [];
  const optional: string[] = [];
  fields.forEach((f, k) => {
    body.push(...code(f, k, layout.alphabet === 'upper', fields));
    const expr = valueExpr(f, k);
    if (expr === undefined) return;
    if (f.optional === true) optional.push(`if (!(${absent(f, k)})) o[${JSON.stringify(f.name)}] = ${expr};`);
    else required.push(`${JSON.stringify(f.name)}: ${expr}`);
  });
  body.push(`const o = { ${required.join(', ')} };`, ...optional, 'return o;');
  try {
    const factory = new Function('H', 'K', 'Z', `'use strict'; return function fastParse(t, r) {\n${body.join('\n')}\n};`) as (
      h: FastHelpers,
      k: unknown[],
      z: string[],
    ) => FastParser;
    return factory(helpers, K, Z);
  } catch {
    return undefined;
  }
}
