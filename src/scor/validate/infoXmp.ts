/**
 * ISO 19005-1 §6.7.3: each entry of the document information dictionary has its XMP equivalent,
 * with the same value (Title ↔ dc:title, Producer ↔ pdf:Producer, CreationDate ↔ xmp:CreateDate,
 * ModDate ↔ xmp:ModifyDate, Creator ↔ xmp:CreatorTool, Author ↔ dc:creator, Subject ↔
 * dc:description, Keywords ↔ pdf:Keywords). Dates are compared as instants.
 */
import type { PDFContext } from 'pdf-lib';
import { PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { Issue } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import { SCOR_CODES } from '../codes';

const issue = createIssueFactory(SCOR_CODES);

const TEXT_KEYS: readonly (readonly [string, string])[] = [
  ['Title', 'dc:title'],
  ['Producer', 'pdf:Producer'],
  ['Creator', 'xmp:CreatorTool'],
  ['Author', 'dc:creator'],
  ['Subject', 'dc:description'],
  ['Keywords', 'pdf:Keywords'],
];
const DATE_KEYS: readonly (readonly [string, string])[] = [
  ['CreationDate', 'xmp:CreateDate'],
  ['ModDate', 'xmp:ModifyDate'],
];

function unescapeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of an XMP property: element (simple, or first rdf:li of an Alt/Seq/Bag) or attribute. */
function xmpValue(xmp: string, prop: string): string | undefined {
  const esc = prop.replace(':', '\\:');
  const el = new RegExp(`<${esc}(?:\\s[^>]*)?>([\\s\\S]*?)</${esc}>`).exec(xmp);
  if (el !== null) {
    const inner = el[1] ?? '';
    const li = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(inner);
    return unescapeXml(li !== null ? li[1] ?? '' : inner);
  }
  const attr = new RegExp(`\\s${esc}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xmp);
  return attr === null ? undefined : unescapeXml(attr[1] ?? attr[2] ?? '');
}

/** Seconds since the epoch of a PDF date `D:YYYYMMDDHHmmSS±HH'mm'` (parts after the year optional). */
export function pdfDateSeconds(text: string): number | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?$/.exec(text.trim());
  if (m === null) return undefined;
  const n = (s: string | undefined, d: number): number => (s === undefined ? d : Number(s));
  const utc = Date.UTC(n(m[1], 0), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0)) / 1000;
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  return utc - sign * (n(m[8], 0) * 3600 + n(m[9], 0) * 60);
}

/** Seconds since the epoch of an XMP (ISO 8601) date; fractions dropped. */
export function xmpDateSeconds(text: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))?)?)?)?$/.exec(text.trim());
  if (m === null) return undefined;
  const n = (s: string | undefined, d: number): number => (s === undefined ? d : Number(s));
  const utc = Date.UTC(n(m[1], 0), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0)) / 1000;
  const sign = m[8] === '-' ? -1 : m[8] === '+' ? 1 : 0;
  return utc - sign * (n(m[9], 0) * 3600 + n(m[10], 0) * 60);
}

/**
 * Compares the Info dictionary with the XMP packet.
 *
 * @param ctx - The document context.
 * @param xmp - The XMP packet text.
 * @param issues - Collector (`SCOR_PDFA_INFO_MISMATCH` at `['Info', key]`).
 */
export function checkInfoMatchesXmp(ctx: PDFContext, xmp: string, issues: Issue[]): void {
  const raw = ctx.trailerInfo.Info;
  const info = raw instanceof PDFRef ? ctx.lookup(raw) : raw;
  if (!(info instanceof PDFDict)) return;
  const text = (key: string): string | undefined => {
    const v = info.get(PDFName.of(key));
    const o = v instanceof PDFRef ? ctx.lookup(v) : v;
    return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;
  };
  for (const [key, prop] of TEXT_KEYS) {
    const a = text(key);
    if (a === undefined) continue;
    const b = xmpValue(xmp, prop);
    if (b !== a) issues.push(issue('SCOR_PDFA_INFO_MISMATCH', { path: ['Info', key], received: `${key} « ${a} », ${prop} ${b === undefined ? 'absent' : `« ${b} »`}` }));
  }
  for (const [key, prop] of DATE_KEYS) {
    const a = text(key);
    if (a === undefined) continue;
    const b = xmpValue(xmp, prop);
    const sa = pdfDateSeconds(a);
    if (b === undefined || sa === undefined || sa !== xmpDateSeconds(b)) issues.push(issue('SCOR_PDFA_INFO_MISMATCH', { path: ['Info', key], received: `${key} ${a}, ${prop} ${b ?? 'absent'}` }));
  }
}
