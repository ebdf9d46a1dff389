/**
 * Just enough MIME (RFC 2045-2047) for the local caisse to read what a PMS submits: the headers
 * of the message and its attachments decoded to exact bytes (base64 or 7bit/8bit/binary;
 * quoted-printable decoded too). Not a general mail parser: the simulator reads messages built
 * by nodemailer (ours or a vendor's).
 */

/** One decoded attachment. */
export interface MimeAttachment {
  readonly filename: string;
  readonly bytes: Uint8Array;
}

/** A parsed message. */
export interface MimeMessage {
  /** Header values by lower-case name (first occurrence, unfolded). */
  readonly headers: ReadonlyMap<string, string>;
  readonly attachments: readonly MimeAttachment[];
}

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

function decode(body: Buffer, encoding: string): Uint8Array {
  const e = encoding.toLowerCase();
  if (e === 'base64') return new Uint8Array(Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  if (e === 'quoted-printable') {
    const text = body.toString('latin1').replace(/=\r?\n/g, '');
    return new Uint8Array(Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'));
  }
  return new Uint8Array(body);
}

function walk(raw: Buffer, out: MimeAttachment[], depth: number): Map<string, string> {
  const { head, body } = splitHead(raw);
  const headers = headersOf(head);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = param(type, 'boundary');
  if (/^multipart\//i.test(type) && boundary !== undefined && depth < 8) {
    const marker = Buffer.from(`--${boundary}`, 'latin1');
    let pos = body.indexOf(marker);
    while (pos >= 0) {
      const start = body.indexOf('\n', pos) + 1;
      if (start <= 0 || body.subarray(pos + marker.length, pos + marker.length + 2).toString('latin1') === '--') break;
      const next = body.indexOf(marker, start);
      if (next < 0) break;
      // The CR LF before the next boundary belongs to the boundary (RFC 2046 §5.1.1).
      const end = body[next - 2] === 0x0d ? next - 2 : next - 1;
      walk(body.subarray(start, Math.max(start, end)), out, depth + 1);
      pos = next;
    }
    return headers;
  }
  const disposition = headers.get('content-disposition') ?? '';
  const filename = param(disposition, 'filename') ?? param(type, 'name');
  if (/^attachment/i.test(disposition) || (filename !== undefined && !/^text\//i.test(type))) {
    out.push({ filename: filename ?? `part-${out.length + 1}`, bytes: decode(body, headers.get('content-transfer-encoding') ?? '7bit') });
  }
  return headers;
}

/**
 * Parses a message: headers and decoded attachments.
 *
 * @param raw - The message as received (DATA, dot-unstuffed).
 * @returns Headers and attachments, in order (none for what is not bytes).
 */
export function parseMimeMessage(raw: Uint8Array): MimeMessage {
  const attachments: MimeAttachment[] = [];
  if (!(raw instanceof Uint8Array)) return { headers: new Map(), attachments };
  const headers = walk(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), attachments, 0);
  return { headers, attachments };
}
