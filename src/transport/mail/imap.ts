/**
 * IMAP retrieval with imapflow: reads the messages not yet flagged stored, decodes their
 * attachments to exact bytes, and flags (never deletes) what the caller stored.
 */
import { ImapFlow } from 'imapflow';
import type { MessageStructureObject } from 'imapflow';
import type { Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { TRANSPORT_CODES } from '../codes';
import { computeContentHash } from '../messageId';
import type { FetchedReturn, ReturnAttachment } from '../model';

const issue = createIssueFactory(TRANSPORT_CODES);

/** IMAP server settings. */
export interface ImapOptions {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 993). Default `false` (STARTTLS when offered). */
  readonly secure?: boolean;
  readonly auth: { readonly user: string; readonly pass: string };
  /** Mailbox of the returns (default `INBOX`). */
  readonly mailbox?: string;
  /** Keyword set on stored returns (default `$SesamStored`). */
  readonly storedKeyword?: string;
  /** Mailbox to move stored returns into (default: none, they stay flagged in place). */
  readonly moveStoredTo?: string;
  /** Accept a self-signed server certificate (tests only; default `false`). */
  readonly allowSelfSigned?: boolean;
  /** Connection and greeting timeouts, ms (default 30 000). */
  readonly timeoutMs?: number;
  /** Largest number of returns read per call (default 500). */
  readonly batch?: number;
}

function attachmentsOf(node: MessageStructureObject | undefined, out: MessageStructureObject[]): MessageStructureObject[] {
  if (node === undefined) return out;
  if (node.childNodes && node.childNodes.length > 0) {
    for (const c of node.childNodes) attachmentsOf(c, out);
    return out;
  }
  const named = node.dispositionParameters?.['filename'] ?? node.parameters?.['name'];
  if (node.disposition === 'attachment' || (named !== undefined && !node.type.startsWith('text/'))) out.push(node);
  return out;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c, 'latin1') : (c as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The retrieval channel. */
export interface ImapChannel {
  fetch(): Promise<Result<readonly FetchedReturn[]>>;
  markStored(refs: readonly string[]): Promise<Result<number>>;
}

/**
 * Creates the retrieval channel (one connection per call: a PMS polls a few times a day).
 *
 * @param options - Server, credentials, mailbox, keyword.
 * @returns The channel.
 */
export function createImapChannel(options: ImapOptions): ImapChannel {
  const mailbox = options.mailbox ?? 'INBOX';
  const keyword = options.storedKeyword ?? '$SesamStored';
  const timeout = options.timeoutMs ?? 30_000;
  async function session<T>(work: (client: ImapFlow) => Promise<T>): Promise<Result<T>> {
    const client = new ImapFlow({
      host: options.host,
      port: options.port,
      secure: options.secure ?? false,
      auth: { user: options.auth.user, pass: options.auth.pass },
      tls: { rejectUnauthorized: !(options.allowSelfSigned ?? false) },
      logger: false,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
    });
    client.on('error', () => undefined); // reported through the failed call below
    try {
      await client.connect();
    } catch (e) {
      client.close();
      return err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: (e as Error)?.message ?? String(e) }));
    }
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        return ok(await work(client));
      } finally {
        lock.release();
      }
    } catch (e) {
      return err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: (e as Error)?.message ?? String(e) }));
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
  return {
    fetch: () =>
      session(async (client) => {
        const uids = (await client.search({ unKeyword: keyword }, { uid: true })) || [];
        const out: FetchedReturn[] = [];
        for (const uid of uids.slice(0, options.batch ?? 500)) {
          const msg = await client.fetchOne(String(uid), { uid: true, envelope: true, bodyStructure: true }, { uid: true });
          if (!msg) continue;
          const attachments: ReturnAttachment[] = [];
          for (const part of attachmentsOf(msg.bodyStructure, [])) {
            const dl = await client.download(String(uid), part.part ?? '1', { uid: true });
            if (!dl.content) continue;
            const name = part.dispositionParameters?.['filename'] ?? part.parameters?.['name'] ?? `part-${part.part ?? '1'}`;
            attachments.push({ filename: name, contentType: part.type, bytes: await readAll(dl.content) });
          }
          const env = msg.envelope;
          const from = env?.from?.[0]?.address ?? '';
          out.push({
            ref: String(uid),
            messageId: env?.messageId ?? '',
            contentHash: computeContentHash(attachments.map((a) => a.bytes)),
            from,
            subject: env?.subject ?? '',
            inReplyTo: env?.inReplyTo ?? '',
            attachments,
          });
        }
        return out as readonly FetchedReturn[];
      }),
    markStored: (refs) =>
      session(async (client) => {
        if (refs.length === 0) return 0;
        const range = refs.join(',');
        await client.messageFlagsAdd(range, ['\\Seen', keyword], { uid: true });
        if (options.moveStoredTo !== undefined) await client.messageMove(range, options.moveStoredTo, { uid: true });
        return refs.length;
      }),
  };
}
