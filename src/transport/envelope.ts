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
 * @returns The envelope; the bytes are not copied nor changed.
 */
export function buildEnvelope(file: TransportFile, options: EnvelopeOptions): Envelope {
  const domain = options.messageIdDomain ?? options.from.split('@')[1] ?? 'localhost';
  return {
    from: options.from,
    to: file.destination,
    subject: options.subject ? options.subject(file) : file.fileId,
    messageId: computeMessageId(file.fileId, domain),
    headers: { 'X-Sesam-File-Id': file.fileId },
    text: `Fichier ${file.fileId} (${file.bytes.length} octets) en pièce jointe.`,
    attachment: { filename: file.filename ?? `${file.fileId}.b2`, contentType: 'application/octet-stream', encoding: 'base64', bytes: file.bytes },
  };
}
