/**
 * The OCT HTTP adapter of the `Transport` port: lots sent to an organisme concentrateur
 * technique over HTTPS with a client certificate (undici), returns fetched and acknowledged.
 * The contract is MODELED (contract.ts): OCT interfaces are not public.
 *
 * Failures are typed, never thrown: network, TLS, timeouts, 408/429/5xx are
 * `TRANSPORT_SEND_FAILED` (the outbox retries them), other 4xx and 409 (another content under the
 * same file id) `TRANSPORT_SEND_REJECTED`; a returns endpoint that cannot be read is
 * `TRANSPORT_MAILBOX_UNREACHABLE`; an answer that does not follow the contract `TRANSPORT_OCT_RESPONSE`.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'undici';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import { TRANSPORT_CODES } from '../codes';
import { computeMessageId } from '../messageId';
import type { Transport, TransportFile } from '../model';
import { parseOctAck, parseOctReceipt, parseOctReturns } from './contract';

const issue = createIssueFactory(TRANSPORT_CODES);

/** PEM text or DER bytes. */
export type OctPem = string | Uint8Array;

/** Options of {@link createOctTransport}. */
export interface OctTransportOptions {
  /** Base URL of the OCT service, `https://…` (paths `files/…`, `returns` are under it). */
  readonly baseUrl: string;
  /** Client certificate and key issued for the PS or the editor (mutual TLS), CA(s) trusted for the server. */
  readonly tls: { readonly cert: OctPem; readonly key: OctPem; readonly ca?: OctPem | readonly OctPem[]; readonly passphrase?: string };
  /** Bearer token, when the OCT asks for one on top of the certificate. */
  readonly token?: string;
  /** Per-request timeout, ms (default 30 000). */
  readonly timeoutMs?: number;
  /** Largest response read, bytes (default 64 MiB). */
  readonly maxResponseBytes?: number;
  /** Domain of the Message-IDs of receipts and `inReplyTo` (default the base URL's host). */
  readonly messageIdDomain?: string;
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

/** An HTTP exchange: the answer, or why none came (network, TLS, timeout, size). */
type Call = { readonly ok: true; readonly value: Answer } | { readonly ok: false; readonly reason: string };

const pemOrDer = (v: OctPem): string | Buffer => (typeof v === 'string' ? v : Buffer.from(v));

function checkOptions(options: unknown, issues: Issue[]): URL | undefined {
  const o = guardObject(options, [], issues);
  if (!o) return undefined;
  const base = guardString(field(o, 'baseUrl'), ['baseUrl'], issues, { pattern: /^https:\/\/[^\s]+$/, max: 2048, expected: 'URL https://…' });
  const tls = guardObject(field(o, 'tls'), ['tls'], issues);
  if (tls) {
    for (const k of ['cert', 'key']) {
      const v = field(tls, k);
      if (typeof v !== 'string' && !(v instanceof Uint8Array)) guardString(v, ['tls', k], issues, { expected: 'PEM (texte) ou DER (octets)' });
    }
    const ca = field(tls, 'ca');
    const cas = Array.isArray(ca) ? (ca as unknown[]) : ca === undefined ? [] : [ca];
    cas.forEach((c, i) => {
      if (typeof c !== 'string' && !(c instanceof Uint8Array)) guardString(c, ['tls', 'ca', ...(Array.isArray(ca) ? [i] : [])], issues, { expected: 'PEM (texte) ou DER (octets)' });
    });
    guardString(field(tls, 'passphrase'), ['tls', 'passphrase'], issues, { required: false });
  }
  guardString(field(o, 'token'), ['token'], issues, { required: false, max: 8192, pattern: /^[\x21-\x7e]+$/, expected: 'jeton sans espace' });
  guardInteger(field(o, 'timeoutMs'), ['timeoutMs'], issues, { required: false, min: 1, max: 600_000 });
  guardInteger(field(o, 'maxResponseBytes'), ['maxResponseBytes'], issues, { required: false, min: 1024, max: 1024 * 1024 * 1024 });
  guardString(field(o, 'messageIdDomain'), ['messageIdDomain'], issues, { required: false, max: 253 });
  if (base === undefined) return undefined;
  try {
    return new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    guardString(0, ['baseUrl'], issues, { expected: 'URL https://…' });
    return undefined;
  }
}

/**
 * Creates the OCT HTTP transport.
 *
 * @param options - Base URL, client certificate (`tls: { cert, key, ca? }`), optional token and limits.
 * @returns The transport, or `INPUT_*` issues for malformed options.
 * @example
 * const t = createOctTransport({ baseUrl: 'https://oct.example/api/v1', tls: { cert, key, ca } });
 * if (t.ok) await t.value.send({ fileId: '000123-991234567', destination: 'oct', bytes });
 * @see RFC 9110 §9.2.2 (idempotent PUT) ; RFC 9530 (Content-Digest) ; modeled contract: contract.ts
 */
export function createOctTransport(options: OctTransportOptions): Result<Transport> {
  const issues: Issue[] = [];
  const base = checkOptions(options, issues);
  if (issues.length > 0 || base === undefined) return inputErr(issues);
  const { tls } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  const domain = options.messageIdDomain ?? base.hostname;
  const ca = tls.ca === undefined ? undefined : Array.isArray(tls.ca) ? (tls.ca as OctPem[]).map(pemOrDer) : [pemOrDer(tls.ca as OctPem)];
  const agent = new Agent({
    connect: { cert: pemOrDer(tls.cert), key: pemOrDer(tls.key), ...(ca ? { ca } : {}), ...(tls.passphrase !== undefined ? { passphrase: tls.passphrase } : {}), rejectUnauthorized: true, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const auth: Record<string, string> = options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };

  async function call(method: 'GET' | 'PUT' | 'POST', path: string, headers: Record<string, string>, body?: Uint8Array | string): Promise<Call> {
    try {
      const res = await request(new URL(path, base), { method, headers: { ...auth, ...headers }, ...(body !== undefined ? { body } : {}), dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of res.body as AsyncIterable<Buffer>) {
        size += c.length;
        if (size > maxBytes) {
          res.body.destroy();
          return { ok: false, reason: `réponse de plus de ${maxBytes} octets` };
        }
        chunks.push(c);
      }
      return { ok: true, value: { status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') } };
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      return { ok: false, reason: `${typeof code === 'string' ? `${code} ` : ''}${e instanceof Error ? e.message : 'erreur réseau'}` };
    }
  }

  const transient = (status: number): boolean => status === 408 || status === 425 || status === 429 || status >= 500;

  return ok({
    async send(file: TransportFile) {
      const bytes = file.bytes;
      const digest = createHash('sha256').update(bytes).digest('base64');
      const headers = {
        'content-type': 'application/octet-stream',
        'content-digest': `sha-256=:${digest}:`,
        'x-sesam-destination': encodeURIComponent(file.destination),
        'x-sesam-filename': encodeURIComponent(file.filename ?? `${file.fileId}.b2`),
      };
      const a = await call('PUT', `files/${encodeURIComponent(file.fileId)}`, headers, bytes);
      if (!a.ok) return err(issue('TRANSPORT_SEND_FAILED', { path: ['fileId'], received: a.reason }));
      const { status, text } = a.value;
      if (status === 200 || status === 201) {
        const receipt = parseOctReceipt(text);
        if (!receipt.ok) return receipt;
        return ok({ fileId: file.fileId, messageId: computeMessageId(file.fileId, domain), destination: file.destination, response: `${status} ${receipt.value}`.trim() });
      }
      const detail = `HTTP ${status} ${text.slice(0, 200)}`.trim();
      return err(issue(transient(status) ? 'TRANSPORT_SEND_FAILED' : 'TRANSPORT_SEND_REJECTED', { path: ['fileId'], received: detail }));
    },
    async fetchReturns() {
      const a = await call('GET', 'returns', { accept: 'application/json' });
      if (!a.ok) return err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: a.reason }));
      if (a.value.status !== 200) return err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: `HTTP ${a.value.status}` }));
      return parseOctReturns(a.value.text, domain);
    },
    async markStored(refs: readonly string[]) {
      if (refs.length === 0) return ok(0);
      const a = await call('POST', 'returns/ack', { 'content-type': 'application/json' }, JSON.stringify({ ids: refs }));
      if (!a.ok) return err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: a.reason }));
      if (a.value.status !== 200) return err(issue('TRANSPORT_MAILBOX_UNREACHABLE', { received: `HTTP ${a.value.status}` }));
      return parseOctAck(a.value.text, refs.length);
    },
    close: () => agent.close(),
  });
}
