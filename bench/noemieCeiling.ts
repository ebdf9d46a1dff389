/**
 * Ceilings for issue #6's speed goal (parse to typed entities ≥ 0.5 × a raw 128-byte record
 * scan): what the fastest hand-written code could reach on the SAME bytes, in the same run,
 * with no library code at all. They exist to show where the goal stands against the machine,
 * not to flatter the library.
 *
 * - "ideal objects, kept": per record one latin1 decode (exactly the baseline's work) plus two
 *   plain objects of 8 fields (3 integers read from digits, 2 string slices, a `{ centimes }`
 *   amount, a cached date string, a boolean), kept in an array as `parseNoemie` must keep its
 *   entities. No framing, no `@` check, no layout, no control totals, no issues.
 * - "ideal objects, dropped": the same objects handed to a consumer that drops them (the
 *   streaming case): no survivor copying by the young-generation GC.
 * - "byte views": no string and no field decoded at all — per entity its type is looked up,
 *   entities crossing a record are copied to a scratch buffer, every byte is checked (printable,
 *   digits where the real layout says N / date / amount) and a 3-field view is kept.
 */
import { ENTITY_LAYOUTS } from '../src/noemie/records/index';
import { measure } from './harness';
import type { Rate } from './harness';

interface Latin1Buffer extends Uint8Array {
  latin1Slice(start: number, end: number): string;
}

function digits(t: string, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

interface Ideal {
  entity: string;
  niveauRupture: number;
  numero: string;
  nom: string;
  code: number;
  montant: { centimes: number };
  date: string;
  flag: boolean;
}

function idealObjects(buf: Latin1Buffer, keep: boolean, dates: Map<number, string>): number {
  const out: Ideal[] = [];
  let dropped = 0;
  for (let base = 0; base + 128 <= buf.length; base += 128) {
    const t = buf.latin1Slice(base, base + 128);
    for (let k = 0; k < 2; k++) {
      const b = 1 + k * 60;
      const dk = digits(t, b + 16, b + 22);
      let date = dates.get(dk);
      if (date === undefined) {
        date = String(dk);
        dates.set(dk, date);
      }
      const o: Ideal = {
        entity: '100',
        niveauRupture: digits(t, b + 3, b + 5),
        numero: t.slice(b + 22, b + 31),
        nom: t.slice(b + 31, b + 56),
        code: digits(t, b, b + 3),
        montant: { centimes: digits(t, b + 5, b + 16) },
        date,
        flag: t.charCodeAt(b + 57) === 49,
      };
      if (keep) out.push(o);
      else dropped += o.code;
    }
  }
  return keep ? out.length : dropped;
}

interface View {
  readonly type: number;
  readonly bytes: Uint8Array;
  readonly at: number;
}

/** Per entity type: its length (with `@`) and per position 1 where a digit is required. */
function digitClasses(): (Uint8Array | undefined)[] {
  const table = new Array<Uint8Array | undefined>(1000).fill(undefined);
  for (const [type, layout] of Object.entries(ENTITY_LAYOUTS)) {
    const c = new Uint8Array(layout.length + 1);
    for (const f of layout.fields) {
      const digit = f.type === 'N' || f.type === 'date6' || f.type === 'date8' || f.type === 'amount' ? 1 : 0;
      for (let i = f.start - 1; i < f.start - 1 + f.length; i++) c[i] = digit;
    }
    table[Number(type)] = c;
  }
  return table;
}

function byteViews(buf: Uint8Array, classes: readonly (Uint8Array | undefined)[], spill: Uint8Array): number {
  const out: View[] = [];
  const total = (buf.length / 128 - 2) * 127; // the payloads between header and trailer
  const physical = (l: number): number => 128 + ((l / 127) | 0) * 128 + 1 + (l % 127);
  let bad = 0;
  for (let l = 0; l + 3 <= total; ) {
    const c0 = buf[physical(l)] as number;
    if (c0 === 0x20) break;
    const c = classes[(c0 - 48) * 100 + ((buf[physical(l + 1)] as number) - 48) * 10 + ((buf[physical(l + 2)] as number) - 48)];
    if (c === undefined) break;
    const len = c.length;
    let src = buf;
    let at = physical(l);
    const rest = 127 - (l % 127);
    if (len > rest) {
      for (let i = 0; i < rest; i++) spill[i] = buf[at + i] as number;
      for (let i = rest; i < len; i++) spill[i] = buf[at + i + 1] as number;
      src = spill;
      at = 0;
    }
    for (let i = 0; i < len; i++) {
      const ch = src[at + i] as number;
      if (ch < 0x20 || ch > 0x7e || (c[i] === 1 && (ch < 48 || ch > 57))) bad++;
    }
    out.push({ type: c0, bytes: src, at });
    l += len;
  }
  return out.length + bad;
}

/**
 * The "ideal objects, kept" pass on `bytes`, as a function (for an alternated ratio).
 *
 * @param bytes - A NOEMIE file of 128-byte records.
 * @returns One pass (the number of objects kept).
 */
export function idealKeptPass(bytes: Uint8Array): () => number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Latin1Buffer;
  const dates = new Map<number, string>();
  return () => idealObjects(buf, true, dates);
}

/**
 * Measures the ceilings on `bytes` (a NOEMIE file of 128-byte records, no line ends).
 *
 * @param bytes - The same bytes as the baseline.
 * @param opts - Options of `measure`.
 * @returns One rate per ceiling (passes per second).
 */
export function ceilings(bytes: Uint8Array, opts: { ms: number; rounds: number; batch: number }): Rate[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Latin1Buffer;
  const dates = new Map<number, string>();
  const classes = digitClasses();
  const spill = new Uint8Array(4096);
  return [
    measure('ideal objects, kept: 2 plain objects of 8 fields per record, 1 decode per record', () => idealObjects(buf, true, dates), opts),
    measure('ideal objects, dropped: the same, not kept (streaming consumer)', () => idealObjects(buf, false, dates), opts),
    measure('byte views: no strings, every byte checked, a 3-field view per entity kept', () => byteViews(buf, classes, spill), opts),
  ];
}
