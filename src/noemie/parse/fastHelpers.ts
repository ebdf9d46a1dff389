/**
 * Character-level helpers of the NOEMIE fast path (used by the precompiled entity decoders of
 * `decoders.generated.ts` and by the interpreter of `fastDecode.ts`): digits and blanks read on
 * char codes, AAMMJJ dates through a per-file cache keyed by their six digits as an integer.
 */
import type { PlainDate } from '../../core/date/index';
import { parseAammjj } from '../../core/date/index';

const DATE_CACHE_MAX = 20_000;

/** Per-file date cache (the century depends on the file date), keyed by AAMMJJ as an integer. */
export interface DateContext {
  readonly reference: PlainDate;
  readonly near: Map<number, PlainDate>;
  readonly past: Map<number, PlainDate>;
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

/**
 * Reads the AAMMJJ date at text[i, i + 6) (century rule `past` or `near`, against the file date).
 *
 * @returns The date, or `undefined` when it is not six digits or not a date.
 */
export function readDate(ctx: DateContext, text: string, i: number, past: boolean): PlainDate | undefined {
  const key = digitsValue(text, i, i + 6);
  return key < 0 ? undefined : dateOfKey(ctx, key, text, i, past);
}

/**
 * Reads an optional AAMMJJ date at text[i, i + 6): `null` when it is `000000` (absent), the
 * date, or `undefined` when it is not six digits or not a date (one pass over the digits).
 */
export function readOptionalDate(ctx: DateContext, text: string, i: number, past: boolean): PlainDate | null | undefined {
  const key = digitsValue(text, i, i + 6);
  if (key === 0) return null;
  return key < 0 ? undefined : dateOfKey(ctx, key, text, i, past);
}

function dateOfKey(ctx: DateContext, key: number, text: string, i: number, past: boolean): PlainDate | undefined {
  const cache = past ? ctx.past : ctx.near;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const r = parseAammjj(text.slice(i, i + 6), { referenceDate: ctx.reference, century: past ? 'past' : 'near' });
  if (!r.ok) return undefined;
  if (cache.size >= DATE_CACHE_MAX) cache.clear();
  cache.set(key, r.value);
  return r.value;
}

/** Whether text[s, e) is only the character `code`. */
export function allChar(text: string, s: number, e: number, code: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) !== code) return false;
  return true;
}

/** Whether text[s, e) is only ASCII digits. */
export function allDigits(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Integer value of the digits text[s, e), or -1 when a non-digit is found. */
export function digitsValue(text: string, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** text[s, e) without its trailing blanks. */
export function trimEndAt(text: string, s: number, e: number): string {
  let end = e;
  while (end > s && text.charCodeAt(end - 1) === 32) end--;
  return end === s ? '' : text.slice(s, end);
}

/** '00' … '99', shared (a two-digit zone read through this table allocates nothing). */
const TWO_DIGITS: readonly string[] = /* @__PURE__ */ Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** The two digits at text[i, i + 2) as a shared string, or `undefined` when not two digits. */
export function twoDigits(text: string, i: number): string | undefined {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return undefined;
  return TWO_DIGITS[a * 10 + b];
}
