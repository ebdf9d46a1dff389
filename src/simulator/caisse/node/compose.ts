/**
 * The return messages the local caisse sends into the PS's mailbox: one message per return (an
 * ARL or a NOEMIE file) as a base64 attachment, In-Reply-To the Message-ID of the file it
 * answers. Modeled (the caisses' mail envelope is not public): subject, attachment names,
 * Message-IDs.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

/** A return to send. */
export interface ReturnMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly messageId: string;
  readonly inReplyTo?: string;
  readonly date: string;
  readonly filename: string;
  readonly bytes: Uint8Array;
}

/**
 * Builds the raw message (RFC 5322) of a return.
 *
 * @param m - The return.
 * @returns The message bytes.
 */
export async function composeReturnMail(m: ReturnMail): Promise<Buffer> {
  const mail = new MailComposer({
    from: m.from,
    to: m.to,
    subject: m.subject,
    messageId: m.messageId,
    date: new Date(m.date),
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo, references: m.inReplyTo } : {}),
    text: `${m.subject} en pièce jointe (caisse locale simulée, données fictives).`,
    attachments: [{ filename: m.filename, content: Buffer.from(m.bytes), contentType: 'application/octet-stream', contentTransferEncoding: 'base64' }],
  });
  return mail.compile().build();
}
