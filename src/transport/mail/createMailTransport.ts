/**
 * The e-mail adapter of the `Transport` port: SMTP submission (nodemailer), IMAP retrieval
 * (imapflow). Public frame: ETS-DT-001 (GIE SESAM-Vitale) — billing flows by SMTP messagerie,
 * returns to the sender's mailbox. Modeled: subject, attachment name, headers (see envelope.ts).
 */
import type { Issue, Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import { field, guardBoolean, guardFunction, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import type { Rec } from '../../core/guard/index';
import type { TransportFile, Transport } from '../model';
import { buildEnvelope } from '../envelope';
import type { ImapOptions } from './imap';
import { createImapChannel } from './imap';
import type { SmtpOptions } from './smtp';
import { createSmtpChannel } from './smtp';

/** Options of `createMailTransport`. */
export interface MailTransportOptions {
  readonly smtp: SmtpOptions;
  readonly imap: ImapOptions;
  /** The PS's (or the cabinet's) sender address. */
  readonly from: string;
  /** Subject of a file's message (default: the file id). Modeled: no public text fixes it for the PS flow. */
  readonly subject?: (file: TransportFile) => string;
  /** Domain of Message-IDs (default: the domain of `from`). */
  readonly messageIdDomain?: string;
}

function checkServer(v: unknown, path: string, issues: Issue[], needsAuth: boolean): Rec | undefined {
  const o = guardObject(v, [path], issues);
  if (!o) return undefined;
  guardString(field(o, 'host'), [path, 'host'], issues, { min: 1 });
  guardInteger(field(o, 'port'), [path, 'port'], issues, { min: 1, max: 65535 });
  guardBoolean(field(o, 'secure'), [path, 'secure'], issues, { required: false });
  const auth = guardObject(field(o, 'auth'), [path, 'auth'], issues, { required: needsAuth });
  if (auth) {
    guardString(field(auth, 'user'), [path, 'auth', 'user'], issues);
    guardString(field(auth, 'pass'), [path, 'auth', 'pass'], issues);
  }
  return o;
}

/**
 * Creates the e-mail transport.
 *
 * @param options - SMTP and IMAP servers, sender address, subject rule.
 * @returns The transport (`INPUT_*` issues when the options are malformed).
 * @example
 * const t = createMailTransport({ smtp: { host: 'smtp.example', port: 587, requireTLS: true, auth },
 *   imap: { host: 'imap.example', port: 993, secure: true, auth }, from: 'cabinet@example.fr' });
 */
export function createMailTransport(options: MailTransportOptions): Result<Transport> {
  const issues: Issue[] = [];
  const o = guardObject(options, [], issues);
  if (o) {
    checkServer(field(o, 'smtp'), 'smtp', issues, false);
    checkServer(field(o, 'imap'), 'imap', issues, true);
    guardString(field(o, 'from'), ['from'], issues, { min: 3 });
    guardFunction(field(o, 'subject'), ['subject'], issues, { required: false });
    guardString(field(o, 'messageIdDomain'), ['messageIdDomain'], issues, { required: false });
  }
  if (issues.length > 0) return inputErr(issues);
  const smtp = createSmtpChannel(options.smtp);
  const imap = createImapChannel(options.imap);
  const envOpts = {
    from: options.from,
    ...(options.subject ? { subject: options.subject } : {}),
    ...(options.messageIdDomain ? { messageIdDomain: options.messageIdDomain } : {}),
  };
  return ok({
    async send(file) {
      const env = buildEnvelope(file, envOpts);
      return env.ok ? smtp.submit(file.fileId, env.value) : env;
    },
    fetchReturns: () => imap.fetch(),
    markStored: (refs) => imap.markStored(refs),
    close: async () => smtp.close(),
  });
}
