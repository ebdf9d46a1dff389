/**
 * Where the local caisse delivers its returns: the PS's mailbox.
 *
 * - `createImapAppendMailbox`: IMAP APPEND (RFC 9051 §6.3.12) into a real IMAP server (dovecot in
 *   the tests and the demo), logged in as the recipient through `login(address)` — the way a
 *   delivery account fills a mailbox. One connection per recipient, kept open, appends in order.
 * - `createMemoryMailbox`: an in-process mailbox (the demo's fallback when dovecot is missing),
 *   whose `transportFor` reads it with the `Transport` port's `fetchReturns` / `markStored`.
 */
import { ImapFlow } from 'imapflow';
import { field, guardBoolean, guardFunction, guardInteger, guardObject, guardString, inputErr } from '../../../core/guard/index';
import type { Issue, Result } from '../../../core/issues/index';
import { ok } from '../../../core/issues/index';
import { computeContentHash } from '../../../transport/messageId';
import type { FetchedReturn, Transport } from '../../../transport/model';
import { parseMimeMessage } from './mime';

/** The delivery port. */
export interface CaisseMailbox {
  /** Delivers one raw message to `to` (rejects when the mailbox cannot be reached). */
  deliver(to: string, raw: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link createImapAppendMailbox}. */
export interface ImapAppendOptions {
  readonly host: string;
  readonly port: number;
  readonly secure?: boolean;
  /** Credentials of a recipient's mailbox (e.g. the delivery account's master login). */
  readonly login: (address: string) => { readonly user: string; readonly pass: string };
  /** Folder (default `INBOX`). */
  readonly folder?: string;
  readonly allowSelfSigned?: boolean;
}

/**
 * Creates an IMAP APPEND delivery.
 *
 * @param options - Server, credentials per recipient, folder.
 * @returns The mailbox port, or `INPUT_*` issues.
 */
export function createImapAppendMailbox(options: ImapAppendOptions): Result<CaisseMailbox> {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues);
  if (o) {
    guardString(field(o, 'host'), ['options', 'host'], issues, { min: 1 });
    guardInteger(field(o, 'port'), ['options', 'port'], issues, { min: 1, max: 65535 });
    guardBoolean(field(o, 'secure'), ['options', 'secure'], issues, { required: false });
    guardFunction(field(o, 'login'), ['options', 'login'], issues);
    guardString(field(o, 'folder'), ['options', 'folder'], issues, { required: false, min: 1 });
    guardBoolean(field(o, 'allowSelfSigned'), ['options', 'allowSelfSigned'], issues, { required: false });
  }
  if (issues.length > 0) return inputErr(issues);
  const clients = new Map<string, { client: Promise<ImapFlow>; chain: Promise<unknown> }>();
  const folder = options.folder ?? 'INBOX';
  const open = async (address: string): Promise<ImapFlow> => {
    const auth = options.login(address);
    const c = new ImapFlow({ host: options.host, port: options.port, secure: options.secure ?? false, auth: { user: auth.user, pass: auth.pass }, logger: false, tls: { rejectUnauthorized: !(options.allowSelfSigned ?? false) } });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  return ok({
    async deliver(to, raw) {
      const key = to.toLowerCase();
      let slot = clients.get(key);
      if (slot === undefined || !(await slot.client.then((c) => c.usable, () => false))) {
        slot = { client: open(key), chain: Promise.resolve() };
        clients.set(key, slot);
      }
      const s = slot;
      const run = s.chain.then(async () => {
        await (await s.client).append(folder, raw);
      });
      s.chain = run.catch(() => undefined);
      await run;
    },
    async close() {
      for (const s of clients.values()) await s.client.then((c) => c.logout().catch(() => c.close()), () => undefined);
      clients.clear();
    },
  });
}

/** The in-process mailbox. */
export interface MemoryMailbox extends CaisseMailbox {
  /** Messages delivered to `address`. */
  count(address: string): number;
  /** A transport that submits with `send` (SMTP) and reads this mailbox for `address`. */
  transportFor(address: string, send: Transport['send'], close?: () => Promise<void>): Transport;
}

/**
 * Creates an in-process mailbox (one process; no IMAP).
 *
 * @returns The mailbox.
 */
export function createMemoryMailbox(): MemoryMailbox {
  const boxes = new Map<string, { uid: number; raw: Buffer; stored: boolean }[]>();
  const box = (a: string): { uid: number; raw: Buffer; stored: boolean }[] => {
    const k = a.toLowerCase();
    let b = boxes.get(k);
    if (b === undefined) boxes.set(k, (b = []));
    return b;
  };
  return {
    async deliver(to, raw) {
      const b = box(to);
      b.push({ uid: b.length + 1, raw: Buffer.from(raw), stored: false });
    },
    async close() {},
    count: (address) => box(address).length,
    transportFor(address, send, close) {
      return {
        send,
        async fetchReturns(): Promise<Result<readonly FetchedReturn[]>> {
          return ok(
            box(address)
              .filter((m) => !m.stored)
              .map((m) => {
                const msg = parseMimeMessage(m.raw);
                const h = (k: string): string => msg.headers.get(k) ?? '';
                return {
                  ref: String(m.uid),
                  messageId: h('message-id'),
                  contentHash: computeContentHash(msg.attachments.map((a) => a.bytes)),
                  from: /<([^>]+)>/.exec(h('from'))?.[1] ?? h('from'),
                  subject: h('subject'),
                  inReplyTo: h('in-reply-to'),
                  attachments: msg.attachments.map((a) => ({ filename: a.filename, contentType: 'application/octet-stream', bytes: a.bytes })),
                };
              }),
          );
        },
        async markStored(refs) {
          const b = box(address);
          for (const r of refs) {
            const m = b[Number(r) - 1];
            if (m) m.stored = true;
          }
          return ok(refs.length);
        },
        close: close ?? (async () => {}),
      };
    },
  };
}
