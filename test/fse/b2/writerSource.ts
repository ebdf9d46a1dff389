/**
 * Writes the source of src/fse/b2/writers.generated.ts: one plain TypeScript byte writer per B2
 * record layout (literal offsets, widths and property names), generated at development time
 * from src/fse/b2/records so that the library needs no runtime code generation (`new Function`
 * is flagged by CSP and security scanners).
 * Regenerate: `npx tsx test/fse/b2/writerSource.ts --write`; writers.test.ts checks it is current.
 *
 * A writer updates a record image in place: its state remembers the values the image bytes come
 * from, and a field whose value is the same (`===`; amounts by centimes) is neither checked nor
 * encoded again (a batch of invoices shares most zones: n° PS, dates, codes). The invoice prefix
 * (columns 2-35: n° PS, NIR, clé, n° facture) of the records after the type 2 is copied from the
 * type 2 by the caller when their values are the same (`pd`), so it is checked once per invoice.
 * On the type 2 itself the NIR, clé and n° facture are written without the change check: they
 * change with every invoice, and comparing two NIR strings costs as much as copying one.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FieldSpec, Layout } from '../../../src/internal/fixed-width/layout';
import { facturePrefix } from '../../../src/fse/b2/records/common';
import { B2_LAYOUTS } from '../../../src/fse/b2/records/index';

const NAME = /^[a-z][A-Za-z0-9]*$/;
/** Layouts that start with the invoice prefix (the records of an invoice). */
const INVOICE_TYPES = ['2', '2S', '2M', '4', '4M', '4F', '5'];
/** Fields 2… of `facturePrefix` (columns 2-35). */
const PREFIX: readonly FieldSpec[] = facturePrefix('2').slice(1);

/** Bytes of a zone before any value: blanks, zeros, the literal. */
function padOf(f: FieldSpec): string {
  if (f.type === 'const') return f.value;
  if (f.type === 'X' || (f.type === 'filler' && f.fill !== '0')) return ' '.repeat(f.length);
  if (f.type === 'sign') throw new Error('sign zones are not in B2 layouts');
  return '0'.repeat(f.length);
}

const lit = (s: string): string => JSON.stringify(s);
const indent = (lines: readonly string[]): string[] => lines.map((l) => `  ${l}`);

/**
 * Unrolled digits of the integer `x` (0 ≤ x < 10^w, checked before) at `b[at, at + w)`: two
 * digits per division from the '00'…'99' table; above 9 digits the writeDigits helper.
 */
function digits(start: number, w: number): string[] {
  if (w > 9) return [`writeDigits(b, p + ${start}, ${w}, x);`];
  const lines = ['let m = x;', 'let q = 0;', 'let r = 0;'];
  let k = start + w - 1;
  for (; k > start; k -= 2) lines.push(`q = (m / 100) | 0; r = (m - q * 100) << 1; b[p + ${k}] = PAIRS[r + 1]!; b[p + ${k - 1}] = PAIRS[r]!; m = q;`);
  if (k === start) lines.push(`b[p + ${start}] = 48 + m;`);
  return ['{', ...indent(lines), '}'];
}

/** Code generation context of one layout. */
interface Gen {
  readonly id: string;
  readonly upper: boolean;
  /** Module-level enum lists. */
  readonly enums: string[];
}

/**
 * The code of one field: reads `v.<name>`, compares it with `s.<name>` unless `all`, and on a
 * change checks and writes it at `b[p + column - 1]` (g = false when it cannot be written).
 */
function fieldCode(f: FieldSpec, c: Gen, all: string): string[] {
  if (!NAME.test(f.name) || f.name === 'r' || f.name === 'pq') throw new Error(`field name ${f.name}`);
  const at = `p + ${f.start - 1}`;
  const w = f.length;
  const opt = f.optional === true;
  const q = `s.${f.name}`;
  const read = `v.${f.name}`;
  const changed = (test: string, body: readonly string[]): string[] => [`if (${all} || ${test}) {`, ...indent(body), '}'];
  // blanks or zeros stored one by one (w ≤ 15): a TypedArray fill call costs about half a raw record write
  const fill = (byte: number): string => Array.from({ length: w }, (_, i) => `b[${at} + ${i}] = ${byte};`).join(' ');
  const block = (lines: readonly string[]): string[] => ['{', ...indent(lines), '}'];
  // after a full reset (all) the zone already holds its pad
  const absent = (pad: string): string[] => [`if (${q} !== undefined) {`, `  if (!${all}) ${pad}`, `  ${q} = undefined;`, '}'];
  switch (f.type) {
    case 'filler':
      return [];
    case 'const':
      return [`if (${read} !== undefined && ${read} !== ${lit(f.value)}) g = false;`];
    case 'sign':
      throw new Error('sign zones are not in B2 layouts');
    case 'X':
    case 'N': {
      if (f.type === 'N' && f.as === 'number') {
        // an absent optional number and 0 are both zeros
        const put = digits(f.start - 1, w);
        const ok = `typeof x === 'number' && x >= 0 && x <= ${10 ** w - 1} && Number.isInteger(x)`;
        return block([`const x = ${read}${opt ? ' ?? 0' : ''};`, ...changed(`x !== ${q}`, [`if (${ok}) {`, ...indent(put), `  ${q} = x;`, '} else g = false;'])]);
      }
      const upper = f.type === 'X' && c.upper && f.anyCase !== true;
      const check = f.type === 'X' ? `x.length <= ${w} && copyX(x, b, ${at}, ${w}, ${upper})` : `copyN(x, b, ${at}, ${w})`;
      const pad = f.type === 'X' ? 32 : 48;
      let member = '';
      if (f.enum !== undefined) {
        const list = `E${c.id}_${f.name}`;
        c.enums.push(`const ${list}: readonly string[] = ${JSON.stringify(f.enum)};`);
        // the listed values compared first (no trimEnd / padStart / includes call on the common path)
        const fast = f.enum.map((e) => `x === ${lit(e)}`).join(' || ');
        member = f.type === 'X' ? ` && (${fast} || ${list}.includes(x.trimEnd()))` : ` && (${fast} || ${list}.includes(x.length === ${w} ? x : x.padStart(${w}, '0')))`;
      }
      const write = [`if (typeof x === 'string' && ${check}${member}) ${q} = x;`, 'else g = false;'];
      if (!opt) return block([`const x = ${read};`, ...changed(`x !== ${q}`, write)]);
      // an absent optional zone is blanks or zeros; checked against undefined, no string compare
      return block([
        `const x = ${read};`,
        'if (x === undefined || x === null) {',
        ...indent(absent(fill(pad))),
        `} else if (${all} || x !== ${q}) {`,
        ...indent(write),
        '}',
      ]);
    }
    case 'date6':
    case 'date8': {
      const put = `writeDate(x, ${f.type === 'date8'}, b, ${at})`;
      const write = [`if (${put}) ${q} = x;`, 'else g = false;'];
      if (!opt) return block([`const x = ${read};`, ...changed(`x !== ${q}`, write)]);
      return block([
        `const x = ${read};`,
        'if (x === undefined || x === null) {',
        ...indent(absent(fill(48))),
        `} else if (${all} || x !== ${q}) {`,
        ...indent(write),
        '}',
      ]);
    }
    case 'amount': {
      if (f.sign !== undefined && f.sign !== 'unsigned') throw new Error('signed amounts are not in B2 layouts');
      const put = digits(f.start - 1, w);
      // compared by centimes (a Money object may be a new one with the same value); absent optional = 0 = zeros
      // the centimes read inline: a shared helper would share one property cache for every amount of every layout
      return block([
        `const a = ${read};`,
        `const x = a === undefined || a === null ? ${opt ? 0 : -1} : typeof a === 'object' ? (a as { centimes?: unknown }).centimes : -1;`,
        ...changed(`x !== ${q}`, [`if (typeof x === 'number' && x >= 0 && x <= ${10 ** w - 1} && Number.isInteger(x)) {`, ...indent(put), `  ${q} = x;`, '} else g = false;']),
      ]);
    }
  }
}

const same = (a: FieldSpec, b: FieldSpec): boolean => JSON.stringify({ ...a, label: '' }) === JSON.stringify({ ...b, label: '' });

/** Whether the layout starts with the invoice prefix. */
function hasPrefix(layout: Layout): boolean {
  return PREFIX.every((f, i) => layout.fields[i + 1] !== undefined && same(layout.fields[i + 1]!, f));
}

/** The initial value of a field's state (never read before the first full write). */
function initial(f: FieldSpec): string {
  return (f.type === 'N' && f.as === 'number') || f.type === 'amount' ? '0' : "''";
}

function writerSource(type: string, layout: Layout, c: Gen): { types: string[]; code: string[] } {
  const id = c.id;
  const prefixed = hasPrefix(layout);
  if (prefixed !== INVOICE_TYPES.includes(type)) throw new Error(`${layout.name}: the invoice prefix is expected exactly on the invoice records`);
  const valued = layout.fields.filter((f) => f.type !== 'filler');
  const prefixFields = prefixed ? layout.fields.slice(1, 1 + PREFIX.length) : [];
  const own = layout.fields.filter((f) => !prefixFields.includes(f));
  const text = layout.fields.map(padOf).join('');
  if (text.length !== layout.length) throw new Error(`${layout.name}: fields do not cover the record`);
  const state = valued.filter((f) => f.type !== 'const');
  const body: string[] = [];
  const [first, ...rest] = own;
  body.push(...fieldCode(first!, c, 'all'));
  if (prefixed) {
    // the caller copied the prefix from the type 2 (pd): the prefix values of the state are stale;
    // only the n° PS is compared, the other prefix fields change with every invoice
    body.push('if (pd) s.pq = false;', 'else {', '  const allP = all || !s.pq;', ...indent(prefixFields.flatMap((f) => fieldCode(f, c, f.name === 'numeroPs' ? 'allP' : 'true'))), '  s.pq = true;', '}');
  }
  for (const f of rest) body.push(...fieldCode(f, c, 'all'));
  const types = [
    `/** What a ${layout.name} image holds: its bytes are those of these values when \`r\`${prefixed ? ' (the prefix ones when `pq`)' : ''}. */`,
    `export interface S${id} extends B2WriterState {`,
    '  pq: boolean;',
    ...state.map((f) => `  ${f.name}: unknown;`),
    '}',
    '',
  ];
  const code = [
    `/** Initial image of a ${layout.name} record (pads and literals). */`,
    `const I${id} = image(${lit(text)});`,
    '',
    `/** A fresh ${layout.name} state (full write next). */`,
    `function create${id}(): S${id} {`,
    `  const s: S${id} = { r: false, pq: false, ${state.map((f) => `${f.name}: ${initial(f)}`).join(', ')} };`,
    '  return s;',
    '}',
    '',
    `/** Updates the ${layout.name} image at \`b[p]\` from \`v\` (see {@link B2RecordWriter}), or returns false (bytes unspecified). */`,
    // the state is a parameter, not a local alias: V8 11 shares the load feedback of \`v.x\` and of
    // \`s.x\` when \`s\` is the first local (its index equals v's), mixing the state's hidden class into every field read
    `function write${id}(v: Input, s: S${id}, b: Uint8Array, p: number, pd: boolean): boolean {`,
    '  const all = !s.r;',
    '  s.r = false;',
    '  let g = true;',
    `  if (all) b.set(I${id}, p);`,
    ...indent(body),
    '  if (!g) return false;',
    '  s.r = true;',
    '  return true;',
    '}',
    '',
  ];
  return { types, code };
}

/** `copyPrefix`: the prefix bytes [start, end) of record 0 to the record at p (whole 32-bit words in the middle). */
function copyPrefixSource(start: number, end: number): string[] {
  const w0 = Math.ceil(start / 4);
  const w1 = Math.floor(end / 4);
  const bytes = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `  b[p + ${from + i}] = b[${from + i}]!;`);
  return [
    `/** Copies the invoice prefix (columns ${start + 1}-${end}) of the record at 0 to the record at \`p\` (a multiple of 4; \`w\` views \`b\`). */`,
    'function copyPrefix(b: Uint8Array, w: Int32Array, p: number): void {',
    ...bytes(start, w0 * 4),
    '  const q = p >> 2;',
    ...Array.from({ length: w1 - w0 }, (_, i) => `  w[q + ${w0 + i}] = w[${w0 + i}]!;`),
    ...bytes(w1 * 4, end),
    '}',
  ];
}

/**
 * The source of writers.generated.ts.
 *
 * @returns TypeScript source.
 */
export function writersSource(): string {
  const entries = Object.entries(B2_LAYOUTS);
  const enums: string[] = [];
  const parts = entries.map(([type, layout]) => writerSource(type, layout, { id: type, upper: layout.alphabet === 'upper', enums }));
  const end = PREFIX[PREFIX.length - 1]!.start + PREFIX[PREFIX.length - 1]!.length - 1;
  const code = parts.flatMap((w) => w.code).join('\n');
  const helpers = ['copyN', 'copyX', 'image', 'PAIRS', 'writeDate', 'writeDigits'].filter((h) => code.includes(`${h}(`) || code.includes(`${h}[`));
  const names = ['copyPrefix', ...entries.flatMap(([type]) => [`create${type}`, `write${type}`]), 'B2_WRITERS'];
  return [
    '// GENERATED by test/fse/b2/writerSource.ts from src/fse/b2/records — do not edit.',
    '// Regenerate: npx tsx test/fse/b2/writerSource.ts --write (test/fse/b2/writers.test.ts checks it is current).',
    '/**',
    ' * Precompiled byte writers of the B2 records (literal offsets, widths and property names; no',
    ' * runtime code generation). A writer updates a record image in place and returns `false` at the',
    ' * first value it cannot write as is; the caller then runs `serializeRecord`, which locates the',
    ' * defect (see recordImages.ts). A field whose value did not change since the image was last',
    ' * written is skipped (see the note of test/fse/b2/writerSource.ts).',
    ' * The writers are made by a factory, with the byte helpers in the same closure: V8 11 runs them',
    ' * about a third slower as top-level declarations of an ES module (docs/adr/0002-hot-code-in-closures.md).',
    ' */',
    "import { writeHelpers } from '../../internal/fixed-width/writeHelpers';",
    "import type { B2RecordType } from './records/index';",
    '',
    '/** A record as the writers read it (field values by name). */',
    'type Input = Readonly<Record<string, unknown>>;',
    '',
    '/** What a record image holds (`r`: its bytes are those of the values the state remembers). */',
    'export interface B2WriterState {',
    '  r: boolean;',
    '}',
    '',
    '/** The precompiled writer of one record type. */',
    'export interface B2RecordWriter {',
    '  /** A fresh state (its image must be written in full: `r` false). */',
    '  create(): B2WriterState;',
    '  /**',
    '   * Updates the image `b[p, p + 128)` from the record `v`; `pd`: the caller copies the invoice',
    '   * prefix (columns 2-35) from the type 2 of the same invoice, whose values are the same.',
    '   */',
    '  write(v: Input, s: B2WriterState, b: Uint8Array, p: number, pd: boolean): boolean;',
    '}',
    '',
    ...parts.flatMap((w) => w.types),
    '/**',
    ' * A fresh set of the B2 writers, `copyPrefix` and `B2_WRITERS` (call it once, in the factory of',
    ' * the code that calls them, so that caller and writers share a closure).',
    ' */',
    'export function createB2Writers() {',
    ...indent([
      `const { ${helpers.join(', ')} } = writeHelpers();`,
      '',
      ...copyPrefixSource(PREFIX[0]!.start - 1, end),
      '',
      ...enums,
      '',
      ...code.split('\n'),
      '/** The writer of each B2 record type. */',
      'const B2_WRITERS: Readonly<Record<B2RecordType, B2RecordWriter>> = {',
      ...entries.map(([type]) => `  '${type}': { create: create${type}, write: write${type} },`),
      '};',
      '',
      `return { ${names.join(', ')} };`,
    ]).map((l) => (l.trim() === '' ? '' : l)),
    '}',
    '',
    '/** The writers of `createB2Writers`. */',
    'export type B2Writers = ReturnType<typeof createB2Writers>;',
    '',
    '/** The writer of each B2 record type (an instance of its own, for tests and tools). */',
    'export const B2_WRITERS: B2Writers[\'B2_WRITERS\'] = createB2Writers().B2_WRITERS;',
    '',
  ].join('\n');
}

if (process.argv.includes('--write')) {
  writeFileSync(fileURLToPath(new URL('../../../src/fse/b2/writers.generated.ts', import.meta.url)), writersSource());
}
