/**
 * POP3 retrieval (RFC 1939, with UIDL; STLS from RFC 2595): a small client over node:net /
 * node:tls with strict limits (status line 512 octets as RFC 1939 §3 allows, message lines
 * `maxLineBytes`, messages `maxMessageBytes`, messages per call `batch`), so a hostile or broken
 * server cannot make it buffer without bound.
 *
 * Guarantees (the same as the IMAP channel): fetching only reads (no DELE in a fetch session,
 * and POP3 applies a DELE only at QUIT, RFC 1939 §6); a message is recognised by its UIDL (the
 * `ref` handed to `markStored`); `markStored` deletes (DELE + QUIT) only what the caller stored,
 * or, with `leaveOnServer`, deletes nothing and remembers the UIDLs for this transport's life (a
 * return fetched again later is then recognised by the outbox's keys, Message-ID and content hash).
 */
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { TRANSPORT_CODES } from '../codes';
import { computeContentHash } from '../messageId';
import type { FetchedReturn } from '../model';
import { parseMail } from './mime';

const issue = createIssueFactory(TRANSPORT_CODES);

/** POP3 server settings. */
export interface Pop3Options {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 995). Default `false`: plain connection upgraded by STLS when offered. */
  readonly secure?: boolean;
  /** Refuse to log in without TLS (implicit, or STLS) (default `false`; set `true` in production). */
  readonly requireTLS?: boolean;
  readonly auth: { readonly user: string; readonly pass: string };
  /** Accept a self-signed server certificate (tests only; default `false`). */
  readonly allowSelfSigned?: boolean;
  /** Connection and inactivity timeout, ms (default 30 000). */
  readonly timeoutMs?: number;
  /** Largest number of returns read per call (default 500). */
  readonly batch?: number;
  /** Largest message read, octets (default 32 MiB); a larger one is left on the server with a warning. */
  readonly maxMessageBytes?: number;
  /** Longest line of a message, octets (default 64 KiB; RFC 5322 allows 998 + CRLF). */
  readonly maxLineBytes?: number;
  /** Never DELE: stored returns stay on the server (default `false`: deleted once stored). */
  readonly leaveOnServer?: boolean;
}

/** Longest status line (RFC 1939 §3: 512 octets with the CRLF). */
const MAX_STATUS = 512;

class Pop3Error extends Error {}

interface Pending {
  readonly multi: boolean;
  readonly resolve: (v: { status: string; body: Buffer[] }) => void;
  readonly reject: (e: Error) => void;
  status?: string;
  body: Buffer[];
  size: number;
  limit: number;
}

/** One POP3 connection: sends a command, reads its answer (one line, or a dot-terminated block). */
interface Pop3Conn {
  command(line: string, multi: boolean, limit?: number): Promise<{ status: string; body: Buffer[] }>;
  upgrade(): Promise<void>;
  end(): void;
}

function openConn(options: Pop3Options): Promise<{ conn: Pop3Conn; greeting: string }> {
  const timeout = options.timeoutMs ?? 30_000;
  const maxLine = options.maxLineBytes ?? 64 * 1024;
  const tlsOptions = { rejectUnauthorized: !(options.allowSelfSigned ?? false), servername: options.host };
  return new Promise((resolveOpen, rejectOpen) => {
    let socket: Socket = options.secure === true ? tlsConnect({ host: options.host, port: options.port, ...tlsOptions }) : netConnect({ host: options.host, port: options.port });
    let buf: Buffer = Buffer.alloc(0);
    let pending: Pending | undefined;
    let failed: Error | undefined;
    const fail = (e: Error): void => {
      if (failed !== undefined) return;
      failed = e;
      socket.destroy();
      const p = pending;
      pending = undefined;
      p?.reject(e);
    };
    const onLine = (line: Buffer): void => {
      const p = pending;
      if (p === undefined) return fail(new Pop3Error('unexpected data from the server'));
      if (p.status === undefined) {
        if (line.length > MAX_STATUS) return fail(new Pop3Error('status line longer than 512 octets'));
        const text = line.toString('latin1');
        if (text.startsWith('+OK')) {
          if (!p.multi) {
            pending = undefined;
            return p.resolve({ status: text, body: [] });
          }
          p.status = text;
          return;
        }
        pending = undefined;
        // The server's text, never the command (PASS carries the password).
        return p.reject(new Pop3Error(text.startsWith('-ERR') ? text.slice(0, 200) : `unexpected answer: ${text.slice(0, 60)}`));
      }
      if (line.length === 1 && line[0] === 0x2e) {
        pending = undefined;
        return p.resolve({ status: p.status, body: p.body });
      }
      const data = line[0] === 0x2e ? line.subarray(1) : line; // dot-unstuffing (RFC 1939 §3)
      p.size += data.length + 2;
      if (p.size > p.limit) return fail(new Pop3Error(`answer larger than ${p.limit} octets`));
      p.body.push(data);
    };
    const onData = (chunk: Buffer): void => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      let from = 0;
      for (;;) {
        const nl = buf.indexOf(0x0a, from);
        if (nl < 0) break;
        const end = nl > from && buf[nl - 1] === 0x0d ? nl - 1 : nl;
        if (end - from > maxLine) return fail(new Pop3Error(`line longer than ${maxLine} octets`));
        onLine(buf.subarray(from, end));
        if (failed !== undefined) return;
        from = nl + 1;
      }
      buf = from === 0 ? buf : Buffer.from(buf.subarray(from));
      if (buf.length > maxLine) fail(new Pop3Error(`line longer than ${maxLine} octets`));
    };
    const attach = (s: Socket): void => {
      s.setTimeout(timeout, () => fail(new Pop3Error(`no answer within ${timeout} ms`)));
      s.on('data', onData);
      s.on('error', (e) => fail(e));
      s.on('close', () => fail(new Pop3Error('connection closed by the server')));
    };
    attach(socket);
    const command: Pop3Conn['command'] = (line, multi, limit) =>
      new Promise((resolve, reject) => {
        if (failed !== undefined) return reject(failed);
        pending = { multi, resolve, reject, body: [], size: 0, limit: limit ?? 1024 * 1024 };
        if (line !== '') socket.write(`${line}\r\n`);
      });
    const conn: Pop3Conn = {
      command,
      upgrade: () =>
        new Promise((resolve, reject) => {
          const plain = socket;
          plain.removeAllListeners('data');
          plain.removeAllListeners('close');
          plain.removeAllListeners('error');
          plain.removeAllListeners('timeout');
          plain.setTimeout(0);
          const secured = tlsConnect({ socket: plain, ...tlsOptions }, () => resolve());
          secured.once('error', reject);
          socket = secured;
          attach(secured);
        }),
      end: () => {
        failed ??= new Pop3Error('closed');
        socket.end();
        socket.destroy();
      },
    };
    // The greeting is the answer to no command.
    command('', false).then(
      (g) => resolveOpen({ conn, greeting: g.status }),
      (e: unknown) => rejectOpen(e instanceof Error ? e : new Error(String(e))),
    );
  });
}

function listOf(body: readonly Buffer[]): { n: number; value: string }[] {
  const out: { n: number; value: string }[] = [];
  for (const l of body) {
    const m = /^(\d+) +(\S+)/.exec(l.toString('latin1'));
    if (m !== null) out.push({ n: Number(m[1]), value: m[2] ?? '' });
  }
  return out;
}

/** The retrieval channel over POP3 (the same shape as the IMAP one). */
export interface Pop3Channel {
  fetch(): Promise<Result<readonly FetchedReturn[]>>;
  markStored(refs: readonly string[]): Promise<Result<number>>;
}

/**
 * Creates the POP3 retrieval channel (one connection per call).
 *
 * @param options - Server, credentials, limits.
 * @returns The channel.
 */
export function createPop3Channel(options: Pop3Options): Pop3Channel {
  const maxMessage = options.maxMessageBytes ?? 32 * 1024 * 1024;
  const remembered = new Set<string>();
  async function session<T>(work: (conn: Pop3Conn) => Promise<T>, warnings: readonly Issue[] = []): Promise<Result<T>> {
    let conn: Pop3Conn;
    try {
      conn = (await openConn(options)).conn;
    } catch (e) {
      return err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: (e as Error)?.message ?? String(e) }));
    }
    try {
      if (options.secure !== true) {
        const capa = await conn.command('CAPA', true).catch(() => ({ status: '', body: [] as Buffer[] }));
        const stls = capa.body.some((l) => l.toString('latin1').trim().toUpperCase() === 'STLS');
        if (stls) {
          await conn.command('STLS', false);
          await conn.upgrade();
        } else if (options.requireTLS === true) throw new Pop3Error('the server offers no STLS and requireTLS is set');
      }
      await conn.command(`USER ${options.auth.user}`, false);
      await conn.command(`PASS ${options.auth.pass}`, false);
      const value = await work(conn);
      // QUIT enters the UPDATE state: only then are DELEs applied (RFC 1939 §6).
      await conn.command('QUIT', false);
      return ok(value, [...warnings]);
    } catch (e) {
      return err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: (e as Error)?.message ?? String(e) }));
    } finally {
      conn.end();
    }
  }
  return {
    fetch: () => {
      const warnings: Issue[] = [];
      return session(async (conn) => {
        const uidl = listOf((await conn.command('UIDL', true)).body);
        const sizes = new Map(listOf((await conn.command('LIST', true)).body).map((x) => [x.n, Number(x.value)] as const));
        const out: FetchedReturn[] = [];
        for (const { n, value: uid } of uidl) {
          if (out.length >= (options.batch ?? 500)) break;
          if (remembered.has(uid)) continue;
          const size = sizes.get(n) ?? 0;
          if (size > maxMessage) {
            warnings.push(issue('TRANSPORT_RETURN_TOO_LARGE', { path: ['ref'], received: `${size}`, expected: `${maxMessage}` }));
            continue;
          }
          // The LIST size counts CRLFs as the server stores them: allow a margin for LF-only stores.
          const got = await conn.command(`RETR ${n}`, true, Math.max(maxMessage, size * 2 + 1024));
          const mail = parseMail(new Uint8Array(Buffer.concat(got.body.flatMap((l) => [l, CRLF]))));
          out.push({ ref: uid, ...mail, contentHash: computeContentHash(mail.attachments.map((a) => a.bytes)) });
        }
        return out as readonly FetchedReturn[];
      }, warnings);
    },
    markStored: async (refs) => {
      if (refs.length === 0) return ok(0);
      if (options.leaveOnServer === true) {
        for (const r of refs) remembered.add(r);
        return ok(refs.length);
      }
      return session(async (conn) => {
        const wanted = new Set(refs);
        let deleted = 0;
        for (const { n, value: uid } of listOf((await conn.command('UIDL', true)).body)) {
          if (!wanted.has(uid)) continue;
          await conn.command(`DELE ${n}`, false);
          deleted++;
        }
        return deleted;
      });
    },
  };
}

const CRLF = Buffer.from('\r\n');
