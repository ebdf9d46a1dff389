/**
 * Just enough MIME (RFC 2045-2047) for the local caisse to read what a PMS submits: the headers
 * of the message and its attachments decoded to exact bytes (base64 or 7bit/8bit/binary;
 * quoted-printable decoded too). Not a general mail parser: the simulator reads messages built
 * by nodemailer (ours or a vendor's). The reading itself is the transport's (`parseMimeParts`).
 */
import { parseMimeParts } from '../../../transport/mail/mime';

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

/**
 * Parses a message: headers and decoded attachments.
 *
 * @param raw - The message as received (DATA, dot-unstuffed).
 * @returns Headers and attachments, in order (none for what is not bytes).
 */
export function parseMimeMessage(raw: Uint8Array): MimeMessage {
  if (!(raw instanceof Uint8Array)) return { headers: new Map(), attachments: [] };
  const { headers, attachments } = parseMimeParts(raw);
  return { headers, attachments: attachments.map((a) => ({ filename: a.filename, bytes: a.bytes })) };
}
