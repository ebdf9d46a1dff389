/** Builds return messages (as a caisse would send them) and drops them into the mailbox by IMAP APPEND. */
import MailComposer from 'nodemailer/lib/mail-composer';
import { ImapFlow } from 'imapflow';
import type { TestDovecot } from './dovecot';

export interface ReturnMessage {
  readonly messageId: string;
  readonly subject?: string;
  readonly inReplyTo?: string;
  readonly attachments: readonly { readonly filename: string; readonly bytes: Uint8Array }[];
}

export async function composeReturn(m: ReturnMessage): Promise<Buffer> {
  const mail = new MailComposer({
    from: 'arl@cpam.test',
    to: 'ps@cabinet.test',
    subject: m.subject ?? 'ARL',
    messageId: m.messageId,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    text: 'Retour en pièce jointe.',
    attachments: m.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.bytes), contentType: 'application/octet-stream' })),
  });
  return mail.compile().build();
}

export async function deliver(dovecot: TestDovecot, messages: readonly ReturnMessage[]): Promise<void> {
  const c = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
  await c.connect();
  for (const m of messages) await c.append('INBOX', await composeReturn(m));
  await c.logout();
}

export async function countMessages(dovecot: TestDovecot): Promise<number> {
  const c = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
  await c.connect();
  const s = await c.status('INBOX', { messages: true });
  await c.logout();
  return s === false ? 0 : (s.messages ?? 0);
}
