/**
 * Writes the source of src/noemie/parse/decoders.generated.ts: one plain TypeScript decoder per
 * NOEMIE entity layout (literal positions and property names, one object literal per entity),
 * generated at development time from src/noemie/records so that the library needs no runtime
 * code generation (`new Function` is flagged by CSP and security scanners).
 * Regenerate: `npx tsx test/noemie/decoderSource.ts --write`; decoders.test.ts checks it is current.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Layout } from '../../src/internal/fixed-width/layout';
import { ENTITY_LAYOUTS } from '../../src/noemie/records/index';

const NAME = /^[a-z][A-Za-z0-9]*$/;

/** Condition "text[b + s, …) differs from the literal", on char codes. */
function differs(s: number, literal: string): string {
  return [...literal].map((c, i) => `t.charCodeAt(b + ${s + i}) !== ${c.charCodeAt(0)}`).join(' || ');
}

function decoderOf(type: string, layout: Layout): string {
  const lines: string[] = [];
  const props: string[] = [];
  /** Optional fields, in layout order: whether present (an expression) and the value when present. */
  const optionals: { name: string; present: string; value: string }[] = [];
  for (const f of layout.fields) {
    if (!NAME.test(f.name)) throw new Error(`field name ${f.name}`);
    const s = f.start - 1;
    const e = s + f.length;
    const at = `t, b + ${s}, b + ${e}`;
    const v = f.name;
    const opt = f.optional === true;
    switch (f.type) {
      case 'const':
        lines.push(`if (${differs(s, f.value)}) return undefined;`);
        props.push(`${f.name}: ${JSON.stringify(f.value)}`);
        continue;
      case 'filler':
        lines.push(`if (!allChar(${at}, ${f.fill === '0' ? 48 : 32})) return undefined;`);
        continue;
      case 'sign':
        continue;
      case 'X':
        lines.push(`const ${v} = trimEndAt(${at});`);
        if (f.enum !== undefined) lines.push(`if (${f.enum.map((x) => `${v} !== ${JSON.stringify(x)}`).join(' && ')}) return undefined;`);
        if (opt) optionals.push({ name: v, present: `${v} !== ''`, value: v });
        break;
      case 'N':
        if (f.enum !== undefined) throw new Error('N enum: not covered by the fast path');
        if (f.as === 'number') {
          lines.push(`const ${v} = digitsValue(${at});`, `if (${v} < 0) return undefined;`);
          if (opt) optionals.push({ name: v, present: `${v} !== 0`, value: v });
        } else if (f.length === 2) {
          // Two digits (niveau de rupture, clés, codes): a shared string, no allocation.
          lines.push(`const ${v} = twoDigits(t, b + ${s});`, `if (${v} === undefined) return undefined;`);
          if (opt) optionals.push({ name: v, present: `${v} !== '00'`, value: v });
        } else {
          lines.push(`if (!allDigits(${at})) return undefined;`);
          if (opt) optionals.push({ name: v, present: `!allChar(${at}, 48)`, value: `t.slice(b + ${s}, b + ${e})` });
          else lines.push(`const ${v} = t.slice(b + ${s}, b + ${e});`);
        }
        break;
      case 'amount': {
        if (f.sign === 'leading') throw new Error('leading sign: not covered by the fast path');
        lines.push(`const ${v} = digitsValue(${at});`, `if (${v} < 0) return undefined;`);
        const sign = typeof f.sign === 'object' ? f.sign.field : undefined;
        const spec = layout.fields.find((g) => g.name === sign);
        let value = `{ centimes: ${v} }`;
        if (spec?.type === 'sign') {
          const chars = spec.chars ?? { negative: 'N', positive: 'P' };
          const [neg, pos] = [chars.negative.charCodeAt(0), chars.positive.charCodeAt(0)];
          const c = `${v}Sign`;
          lines.push(`const ${c} = t.charCodeAt(b + ${spec.start - 1});`);
          lines.push(`if (${c} !== ${neg} && ${c} !== ${pos} && !(${c} === 32 && ${v} === 0)) return undefined;`);
          value = `{ centimes: ${c} === ${neg} && ${v} !== 0 ? -${v} : ${v} }`;
        }
        if (opt) optionals.push({ name: v, present: `${v} !== 0`, value });
        else props.push(`${f.name}: ${value}`);
        continue;
      }
      case 'date6': {
        const read = `readDate(d, t, b + ${s}, ${f.century === 'past'})`;
        if (opt) {
          lines.push(`const ${v} = readOptionalDate(d, t, b + ${s}, ${f.century === 'past'});`, `if (${v} === undefined) return undefined;`);
          optionals.push({ name: v, present: `${v} !== null`, value: v });
        } else lines.push(`const ${v} = ${read};`, `if (${v} === undefined) return undefined;`);
        break;
      }
      case 'date8':
        throw new Error('date8: not covered by the fast path');
    }
    if (!opt) props.push(f.name);
  }
  const body = [...lines, ...literals(props, optionals)];
  return [`/** ${layout.name}. */`, `function decode${type}(t: string, b: number, d: DateContext): Record<string, unknown> | undefined {`, ...body.map((l) => `  ${l}`), '}'].join('\n');
}

/**
 * The object literal of an entity (required fields in layout order), then its optional fields
 * present, in layout order. Hint: one literal per combination of optional fields present (a
 * switch on a bit mask, no property added after the literal) was measured (bench/README.md):
 * the same instruction count per parse and 2 % less retained heap, for 40 % more generated code.
 */
function literals(props: readonly string[], optionals: readonly { name: string; present: string; value: string }[]): string[] {
  const out = [`const o: Record<string, unknown> = { ${props.join(', ')} };`];
  for (const o of optionals) out.push(`if (${o.present}) o.${o.name} = ${o.value};`);
  return [...out, 'return o;'];
}

/**
 * The source of decoders.generated.ts.
 *
 * @returns TypeScript source.
 */
export function decodersSource(): string {
  const entries = Object.entries(ENTITY_LAYOUTS);
  return [
    '// GENERATED by test/noemie/decoderSource.ts from src/noemie/records — do not edit.',
    '// Regenerate: npx tsx test/noemie/decoderSource.ts --write (test/noemie/decoders.test.ts checks it is current).',
    '/**',
    ' * Precompiled fast decoders of the NOEMIE PS entities: literal positions and property names, one',
    ' * object literal per entity (one hidden class per layout). Each returns `undefined` at the first',
    ' * doubt; the caller then runs `parseRecord`, which locates the defect (see fastDecode.ts).',
    ' */',
    "import type { DateContext } from './fastHelpers';",
    "import { allChar, allDigits, digitsValue, readDate, readOptionalDate, trimEndAt, twoDigits } from './fastHelpers';",
    '',
    '/** A precompiled decoder: the entity at `b` in `t`, or `undefined`. */',
    'export type PrecompiledDecoder = (t: string, b: number, d: DateContext) => Record<string, unknown> | undefined;',
    '',
    ...entries.map(([type, layout]) => `${decoderOf(type, layout)}\n`),
    '/** The decoder of each entity type. */',
    'export const PRECOMPILED_DECODERS: Readonly<Record<string, PrecompiledDecoder>> = {',
    ...entries.map(([type]) => `  '${type}': decode${type},`),
    '};',
    '',
  ].join('\n');
}

if (process.argv.includes('--write')) {
  writeFileSync(fileURLToPath(new URL('../../src/noemie/parse/decoders.generated.ts', import.meta.url)), decodersSource());
}
