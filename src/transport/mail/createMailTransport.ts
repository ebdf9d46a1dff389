/**
 * The e-mail adapter of the `Transport` port: SMTP submission (nodemailer), IMAP retrieval
 * (imapflow) or POP3 retrieval (our small client, pop3.ts). Public frame: ETS-DT-001 (GIE SESAM-Vitale) — billing flows by SMTP messagerie,
 * returns to the sender's mailbox. Modeled: subject, attachment name, headers (see envelope.ts).
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { TRANSPORT_CODES } from '../codes';
import { field, guardBoolean, guardFunction, guardInteger, guardObject, guardString, inputErr, inputIssue } from '../../core/guard/index';
import type { Rec } from '../../core/guard/index';
import type { TransportFile, Transport } from '../model';
import { buildEnvelope } from '../envelope';
import type { ImapOptions } from './imap';
import { createImapChannel } from './imap';
import type { Pop3Options } from './pop3';
import { createPop3Channel } from './pop3';
import type { SmtpOptions } from './smtp';
import { createSmtpChannel } from './smtp';

const issue = createIssueFactory(TRANSPORT_CODES);

/** Options of `createMailTransport`. */
export interface MailTransportOptions {
  readonly smtp: SmtpOptions;
  /** Retrieval by IMAP (give `imap` or `pop3`, not both; neither: a sending-only transport whose `fetchReturns` answers `TRANSPORT_MAILBOX_UNREACHABLE`). */
  readonly imap?: ImapOptions;
  /** Retrieval by POP3 (give `imap` or `pop3`, not both). */
  readonly pop3?: Pop3Options;
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
 * @param options - SMTP server, IMAP or POP3 server, sender address, subject rule.
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
    const imap = field(o, 'imap');
    const pop3 = field(o, 'pop3');
    if (imap !== undefined && pop3 !== undefined) issues.push(inputIssue('INPUT_RANGE', { path: ['pop3'], expected: 'imap ou pop3 (un seul des deux)', received: 'imap et pop3' }));
    if (imap !== undefined) checkServer(imap, 'imap', issues, true);
    if (pop3 !== undefined) {
      const p = checkServer(pop3, 'pop3', issues, true);
      if (p) {
        for (const k of ['batch', 'maxMessageBytes', 'maxLineBytes', 'timeoutMs']) guardInteger(field(p, k), ['pop3', k], issues, { min: 1, max: 2 ** 31, required: false });
        for (const k of ['requireTLS', 'allowSelfSigned', 'leaveOnServer']) guardBoolean(field(p, k), ['pop3', k], issues, { required: false });
      }
    }
    guardString(field(o, 'from'), ['from'], issues, { min: 3 });
    guardFunction(field(o, 'subject'), ['subject'], issues, { required: false });
    guardString(field(o, 'messageIdDomain'), ['messageIdDomain'], issues, { required: false });
  }
  if (issues.length > 0) return inputErr(issues);
  const smtp = createSmtpChannel(options.smtp);
  const retrieval =
    options.pop3 !== undefined
      ? createPop3Channel(options.pop3)
      : options.imap !== undefined
        ? createImapChannel(options.imap)
        : { fetch: async () => err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: 'aucun serveur IMAP ou POP3 configuré' })), markStored: async () => err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: 'aucun serveur IMAP ou POP3 configuré' })) };
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
    fetchReturns: () => retrieval.fetch(),
    markStored: (refs) => retrieval.markStored(refs),
    close: async () => smtp.close(),
  });
}
