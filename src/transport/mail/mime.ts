/**
 * Just enough MIME (RFC 2045-2047, RFC 5322) to read a return retrieved by POP3: the headers the
 * transport reports (Message-ID, From, Subject, In-Reply-To) and the attachments decoded to their
 * exact bytes (base64, quoted-printable, 7bit/8bit/binary). IMAP retrieval does not need it
 * (imapflow asks the server for the structure); POP3 gives the raw message.
 */
import type { ReturnAttachment } from '../model';

/** A parsed message. */
export interface ParsedMail {
  readonly messageId: string;
  readonly from: string;
  readonly subject: string;
  readonly inReplyTo: string;
  readonly attachments: readonly ReturnAttachment[];
}

/** Nesting depth of multiparts read (a hostile message cannot recurse deeper). */
const MAX_DEPTH = 8;
/** Parts read per message. */
const MAX_PARTS = 200;

function splitHead(raw: Buffer): { head: string; body: Buffer } {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const at = crlf >= 0 && (lf < 0 || crlf <= lf) ? crlf : lf;
  if (at < 0) return { head: raw.toString('latin1'), body: Buffer.alloc(0) };
  return { head: raw.subarray(0, at).toString('latin1'), body: raw.subarray(at + (at === crlf ? 4 : 2)) };
}

function headersOf(head: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(i + 1).trim());
  }
  return out;
}

function param(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\*?=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(value);
  return m === null ? undefined : (m[1] ?? m[2]);
}

function charsetDecode(bytes: Buffer, charset: string): string {
  const c = charset.toLowerCase();
  if (c === 'utf-8' || c === 'utf8') return bytes.toString('utf8');
  return bytes.toString('latin1');
}

/** RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?iso-8859-1?Q?…?=`); other text is kept as read (header bytes are latin1 here). */
export function decodeHeaderText(value: string): string {
  const joined = value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1');
  const decoded = joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, cs: string, enc: string, text: string) => {
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return charsetDecode(bytes, cs.split('*')[0] ?? cs);
  });
  // A raw 8-bit header (RFC 6532) arrives as latin1 code units: read it again as UTF-8 when it is.
  if (/[\u0080-\u00ff]/.test(decoded)) {
    const again = Buffer.from(decoded, 'latin1').toString('utf8');
    if (!again.includes('\uFFFD')) return again;
  }
  return decoded;
}

function decodeBody(body: Buffer, encoding: string): Uint8Array {
  const e = encoding.trim().toLowerCase();
  if (e === 'base64') return new Uint8Array(Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  if (e === 'quoted-printable') {
    const text = body.toString('latin1').replace(/=\r?\n/g, '');
    return new Uint8Array(Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'));
  }
  return new Uint8Array(body);
}

function walk(raw: Buffer, out: ReturnAttachment[], depth: number, budget: { parts: number }): Map<string, string> {
  const { head, body } = splitHead(raw);
  const headers = headersOf(head);
  if (--budget.parts < 0) return headers;
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = param(type, 'boundary');
  if (/^multipart\//i.test(type) && boundary !== undefined && depth < MAX_DEPTH) {
    const marker = Buffer.from(`--${boundary}`, 'latin1');
    let pos = body.indexOf(marker);
    while (pos >= 0 && budget.parts > 0) {
      const start = body.indexOf('\n', pos) + 1;
      if (start <= 0 || body.subarray(pos + marker.length, pos + marker.length + 2).toString('latin1') === '--') break;
      const next = body.indexOf(marker, start);
      if (next < 0) break;
      // The CR LF before the next boundary belongs to the boundary (RFC 2046 §5.1.1).
      const end = body[next - 2] === 0x0d ? next - 2 : next - 1;
      walk(body.subarray(start, Math.max(start, end)), out, depth + 1, budget);
      pos = next;
    }
    return headers;
  }
  const disposition = headers.get('content-disposition') ?? '';
  const named = param(disposition, 'filename') ?? param(type, 'name');
  if (/^attachment/i.test(disposition) || (named !== undefined && !/^text\//i.test(type))) {
    out.push({
      filename: named === undefined ? `part-${out.length + 1}` : decodeHeaderText(named),
      contentType: (type.split(';')[0] ?? type).trim().toLowerCase(),
      bytes: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit'),
    });
  }
  return headers;
}

/** The address of a From header (`Name <a@b>` → `a@b`). */
function addressOf(value: string): string {
  const m = /<([^>]*)>/.exec(value);
  return (m?.[1] ?? value).trim();
}

/** The first msg-id of a header (`<…>`), or the trimmed value. */
function msgIdOf(value: string): string {
  const m = /<[^>]*>/.exec(value);
  return m === null ? value.trim() : m[0];
}

/**
 * Parses a message as retrieved (RETR, dot-unstuffed).
 *
 * @param raw - The message bytes.
 * @returns Its headers of interest and its attachments in order.
 */
export function parseMail(raw: Uint8Array): ParsedMail {
  const { headers, attachments } = parseMimeParts(raw);
  return {
    messageId: msgIdOf(headers.get('message-id') ?? ''),
    from: addressOf(headers.get('from') ?? ''),
    subject: decodeHeaderText(headers.get('subject') ?? ''),
    inReplyTo: msgIdOf(headers.get('in-reply-to') ?? ''),
    attachments,
  };
}

/**
 * The headers (lower-case names, first occurrence, unfolded) and the attachments of a raw
 * message, within the nesting and part limits; shared with the local caisse's reader.
 *
 * @param raw - The message bytes.
 * @returns Headers and attachments in order.
 */
export function parseMimeParts(raw: Uint8Array): { readonly headers: ReadonlyMap<string, string>; readonly attachments: readonly ReturnAttachment[] } {
  const attachments: ReturnAttachment[] = [];
  const headers = walk(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), attachments, 0, { parts: MAX_PARTS });
  return { headers, attachments };
}
