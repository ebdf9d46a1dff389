/**
 * The e-mail envelope of a file (what goes to nodemailer).
 *
 * Public (ETS-DT-001, GIE SESAM-Vitale, information libre): billing flows travel by SMTP
 * messagerie, one file per message, to the address of the receiving organisation; returns come
 * back to the sender's mailbox. Modeled here (not fixed by a public text for the PS flow, see
 * docs/guides/teletransmission.md): the subject (`subject` option, default the file id), the
 * attachment name (`<fileId>.b2`), `application/octet-stream` with base64 transfer encoding
 * (so the B2 bytes arrive unchanged, whatever their line lengths), the `X-Sesam-File-Id` header,
 * and the Message-ID derived from the file id.
 */
import type { Issue, Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import { field, guardBytes, guardFunction, guardObject, guardString, inputErr } from '../core/guard/index';
import type { TransportFile } from './model';
import { computeMessageId } from './messageId';

/** How the envelope is built. */
export interface EnvelopeOptions {
  /** Sender address (the PS's mailbox). */
  readonly from: string;
  /** Subject of a file's message (default: the file id). */
  readonly subject?: (file: TransportFile) => string;
  /** Domain of Message-IDs (default: the domain of `from`). */
  readonly messageIdDomain?: string;
}

/** A message ready for submission. */
export interface Envelope {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly messageId: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  readonly attachment: { readonly filename: string; readonly contentType: string; readonly encoding: 'base64'; readonly bytes: Uint8Array };
}

/**
 * Builds the envelope of a file.
 *
 * @param file - The file (id, destination, bytes).
 * @param options - Sender, subject rule, Message-ID domain.
 * @returns The envelope (the bytes are not copied nor changed), or `INPUT_*` issues.
 */
export function buildEnvelope(file: TransportFile, options: EnvelopeOptions): Result<Envelope> {
  const issues: Issue[] = [];
  const f = guardObject(file, ['file'], issues);
  if (f) {
    guardString(field(f, 'fileId'), ['file', 'fileId'], issues, { min: 1, max: 200 });
    guardString(field(f, 'destination'), ['file', 'destination'], issues, { min: 3, max: 320 });
    guardBytes(field(f, 'bytes'), ['file', 'bytes'], issues, { max: 64 * 1024 * 1024 });
    guardString(field(f, 'filename'), ['file', 'filename'], issues, { required: false, max: 200 });
  }
  const o = guardObject(options, ['options'], issues);
  if (o) {
    guardString(field(o, 'from'), ['options', 'from'], issues, { min: 3 });
    guardFunction(field(o, 'subject'), ['options', 'subject'], issues, { required: false });
    guardString(field(o, 'messageIdDomain'), ['options', 'messageIdDomain'], issues, { required: false });
  }
  if (issues.length > 0) return inputErr(issues);
  const domain = options.messageIdDomain ?? options.from.split('@')[1] ?? 'localhost';
  return ok({
    from: options.from,
    to: file.destination,
    subject: options.subject ? options.subject(file) : file.fileId,
    messageId: computeMessageId(file.fileId, domain),
    headers: { 'X-Sesam-File-Id': file.fileId },
    text: `Fichier ${file.fileId} (${file.bytes.length} octets) en pièce jointe.`,
    attachment: { filename: file.filename ?? `${file.fileId}.b2`, contentType: 'application/octet-stream', encoding: 'base64', bytes: file.bytes },
  });
}
