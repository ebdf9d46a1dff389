/**
 * Byte writers shared by the compiled record serializers (the interpreter of
 * `compileSerializer` and writers generated ahead of time from a layout, e.g. the B2 writers):
 * each writes one zone straight into a byte chunk and returns `false` when the value cannot be
 * written as is, checking exactly what `serializeRecord` checks for that zone (it never
 * transliterates). Small functions with no allocation, so V8 inlines them.
 *
 * They are made by a factory: a hot writer calls them from the same function scope
 * (`writeHelpers()` inside its own factory). V8 11 (Node 20) runs the B2 writers about a third
 * slower when writer and helpers are top-level declarations of an ES module (the dist ESM
 * bundle, tsx) than when they share a closure (docs/adr/0002-hot-code-in-closures.md).
 */
import { isValidYmd } from '../../core/date/index';

/** A fresh set of the byte writers (their own last-date cache). */
export function writeHelpers() {
  /** '00'…'99' as byte pairs: two digits per division (amounts and numbers are 2-15 digits). */
  const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i & 1 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)));

  /**
   * Writes the int32 `n` ≥ 0 as digits right-aligned in out[p, i], zero-padded.
   *
   * @param out - The chunk.
   * @param p - First byte of the zone.
   * @param i - Last byte of the zone (inclusive).
   * @param n - A non-negative int32.
   * @returns `false` when `n` has more digits than the zone (the bytes are then unspecified).
   */
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

  /**
   * Writes the non-negative safe integer `n` right-aligned, zero-padded in out[p, p + w).
   *
   * @param out - The chunk.
   * @param p - First byte of the zone.
   * @param w - Zone width.
   * @param n - A non-negative safe integer.
   * @returns `false` when it overflows the zone.
   */
  function writeDigits(out: Uint8Array, p: number, w: number, n: number): boolean {
    const i = p + w - 1;
    if (n <= 0x7fffffff) return writeSmall(out, p, i, n);
    // above 2^31 split off the low 9 digits once, then stay in int32 arithmetic (no float division per digit)
    if (w <= 9) return false;
    const high = Math.floor(n / 1e9);
    writeSmall(out, i - 8, i, n - high * 1e9);
    return writeSmall(out, p, i - 9, high);
  }

  /**
   * Writes a non-enum X zone: printable ASCII (no lower case when `upper`), blank-padded.
   *
   * @param v - The value; the caller checked `v.length <= w`.
   * @param out - The chunk.
   * @param p - First byte of the zone.
   * @param w - Zone width.
   * @param upper - Whether lower-case letters are refused (B2 alphabet).
   * @returns `false` on a character `serializeRecord` refuses.
   */
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

  /**
   * Writes a string N zone: 1 to `w` digits, right-aligned, zero-padded.
   *
   * @param v - The digits.
   * @param out - The chunk.
   * @param p - First byte of the zone.
   * @param w - Zone width.
   * @returns `false` when `v` is empty, too long or holds a non-digit.
   */
  function copyN(v: string, out: Uint8Array, p: number, w: number): boolean {
    const n = v.length;
    if (n === 0 || n > w) return false;
    const lead = w - n;
    for (let i = 0; i < lead; i++) out[p + i] = 48;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      out[p + lead + i] = c;
    }
    return true;
  }

  /** Last date found valid (invoices of a batch share their dates): skips the calendar check. */
  let lastDate = '';

  /**
   * Writes a `'YYYY-MM-DD'` date (a real calendar date) as AAMMJJ or AAAAMMJJ.
   *
   * @param v - The value (anything: only a valid PlainDate is written).
   * @param eight - `true` for AAAAMMJJ.
   * @param out - The chunk.
   * @param p - First byte of the zone.
   * @returns `false` when `v` is not a valid PlainDate.
   */
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

  /**
   * An initial record image from its text (pads and literals).
   *
   * @param text - Printable ASCII text.
   * @returns Its bytes.
   */
  function image(text: string): Uint8Array {
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  }

  return { PAIRS, writeSmall, writeDigits, copyX, copyN, writeDate, image };
}

/** The byte writers, shared by the table interpreter of `compileSerializer`. */
export const { writeDigits, copyX, copyN, writeDate } = writeHelpers();
