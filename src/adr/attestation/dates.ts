/**
 * Dates of the période de validité as printed or typed on an attestation (internal to the text reader).
 */
import type { PlainDate } from '../../core/date/index';
import { isValidYmd, parseAammjj, plainDateOf } from '../../core/date/index';

/** Dates: AAAA-MM-JJ, JJ/MM/AAAA (or `.` `-`, spaces around), JJ/MM/AA, and 8 digits (group 7). */
export const DATE_RE = /(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?!\d)|(?<!\d)(\d{8})(?!\d)/g;

/** A date found in text: its text, and the date when it is one. */
export interface DateHit {
  readonly text: string;
  readonly date?: PlainDate;
}

/**
 * The dates of a period text.
 *
 * @param value - Normalised text.
 * @param referenceDate - Pivot of two-digit years (absent: such a date is reported without a date).
 * @param compact - Also read 8 digits (AAAAMMJJ when it starts with 19/20 and is valid, else JJMMAAAA).
 * @returns The dates in order.
 */
export function readDates(value: string, referenceDate: PlainDate | undefined, compact: boolean): DateHit[] {
  const out: DateHit[] = [];
  for (const m of value.matchAll(DATE_RE)) {
    const [t, y1, m1, d1, d2, m2, y2, c] = m;
    if (c !== undefined && !compact) continue;
    let y: number, mo: number, d: number;
    if (y1 !== undefined) [y, mo, d] = [Number(y1), Number(m1), Number(d1)];
    else if (c !== undefined) {
      const asIso = [Number(c.slice(0, 4)), Number(c.slice(4, 6)), Number(c.slice(6, 8))] as const;
      const iso = /^(19|20)/.test(c) && isValidYmd(...asIso);
      [y, mo, d] = iso ? asIso : [Number(c.slice(4, 8)), Number(c.slice(2, 4)), Number(c.slice(0, 2))];
    } else if ((y2 ?? '').length === 2) {
      if (referenceDate === undefined) {
        out.push({ text: t });
        continue;
      }
      const r = parseAammjj(`${y2 ?? ''}${(m2 ?? '').padStart(2, '0')}${(d2 ?? '').padStart(2, '0')}`, { referenceDate, century: 'near' });
      out.push(r.ok ? { text: t, date: r.value } : { text: t });
      continue;
    } else [y, mo, d] = [Number(y2), Number(m2), Number(d2)];
    out.push(y >= 1900 && y <= 2099 && isValidYmd(y, mo, d) ? { text: t, date: plainDateOf(y, mo, d) } : { text: t });
  }
  return out;
}
