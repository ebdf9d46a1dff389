/**
 * Service transport of the rights and AMC services: HTTPS through undici 7 with mutual TLS (a
 * client certificate), a per-call timeout, retries with exponential backoff for idempotent reads
 * only (never a CLC, an annulation or a PEC submission), a response size cap, and a typed issue
 * for every failure: network (`ADR_NETWORK`), TLS (`ADR_TLS`), timeout (`ADR_TIMEOUT`), HTTP
 * status (`ADR_HTTP_STATUS`), SOAP fault (`ADR_SOAP_FAULT`), unreadable body
 * (`ADR_RESPONSE_INVALID` / `ADR_RESPONSE_TOO_LARGE`). Business codes are read by the parsers.
 * Bodies are JSON (the modeled contracts) or SOAP 1.2 (read with the hardened XML wrapper).
 */
import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { field, guardFunction, guardInteger, guardObject, guardString, inputErr, inputIssue, kindOf } from '../../core/guard/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { parseSoapEnvelope } from '../soap';
import type { PemOrDer } from '../../insi/node/index';
import { ADR_CODES } from '../codes';

const issue = createIssueFactory(ADR_CODES);


/** Configuration of {@link createServiceTransport}. */
export interface ServiceTransportConfig {
  /** Client certificate and key (mutual TLS), CA(s) trusted for the servers. */
  readonly tls?: { readonly cert: PemOrDer; readonly key: PemOrDer; readonly ca?: PemOrDer | readonly PemOrDer[]; readonly passphrase?: string };
  /** An undici dispatcher replacing the built-in agent (then `tls` is its business). */
  readonly dispatcher?: Dispatcher;
  /** Per-call timeout in ms (default 10 000). */
  readonly timeoutMs?: number;
  /** Retries of an idempotent read after a network error, a timeout or HTTP 502/503/504 (default 2). */
  readonly retries?: number;
  /** First backoff delay in ms, doubled at each retry (default 200). */
  readonly backoffMs?: number;
  /** Sleep function (default setTimeout), injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Connections per origin (default 16). */
  readonly connections?: number;
  /** Largest answer accepted, in bytes (default 1 MiB). */
  readonly maxResponseBytes?: number;
}

/** One call. */
export interface ServiceCall {
  /** Service name for issues (`ADRi`, `IDB`, `CLC`…). */
  readonly service: string;
  readonly url: string;
  /** A JSON body (POST), or a SOAP 1.2 envelope with its action. */
  readonly json?: unknown;
  readonly soap?: { readonly xml: string; readonly action: string };
  /** A read that may be repeated: retried with backoff. */
  readonly idempotent: boolean;
}

/** The answer of a call: a JSON value or the SOAP envelope text. */
export interface ServiceAnswer {
  readonly status: number;
  readonly body: unknown;
  /** Attempts made (1 without retry). */
  readonly attempts: number;
}

/** The transport. */
export interface ServiceTransport {
  /**
   * Sends one call; never rejects on I/O or bad answers.
   *
   * @param call - Service, URL, body, idempotence.
   * @returns The answer, or a typed issue.
   */
  call(call: ServiceCall): Promise<Result<ServiceAnswer>>;
  /** Closes the connections of the built-in agent. */
  close(): Promise<void>;
}

const TLS_RE = /SSL|TLS|CERT|certificate|self[- ]signed|handshake|alert/i;

function describe(e: unknown): { code: string; message: string; tls: boolean } {
  const parts: string[] = [];
  let tls = false;
  let code = 'ERREUR';
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur instanceof Error; depth++) {
    const c = (cur as NodeJS.ErrnoException).code;
    if (typeof c === 'string') {
      if (code === 'ERREUR' || code.startsWith('UND_ERR')) code = c;
      if (TLS_RE.test(c)) tls = true;
    }
    if (TLS_RE.test(cur.message)) tls = true;
    parts.push(cur.message);
    cur = (cur as { cause?: unknown }).cause;
  }
  return { code, message: parts.join(' ← ').slice(0, 200), tls };
}

async function readBody(body: Dispatcher.ResponseData['body'], max: number): Promise<Result<string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    size += (c as Buffer).length;
    if (size > max) {
      body.destroy();
      return err(issue('ADR_RESPONSE_TOO_LARGE', { received: `plus de ${max} octets` }));
    }
    chunks.push(c as Buffer);
  }
  return ok(Buffer.concat(chunks).toString('utf8'));
}

interface Wire {
  readonly service: string;
  readonly url: string;
  readonly body: string;
  readonly action?: string;
  readonly idempotent: boolean;
}

function toBuf(v: PemOrDer): string | Buffer {
  return typeof v === 'string' ? v : Buffer.from(v);
}

/**
 * Creates the service transport.
 *
 * @param config - `tls` (or `dispatcher`), `timeoutMs`, `retries`, `backoffMs`, `sleep`, `connections`, `maxResponseBytes`.
 * @returns The transport, or `INPUT_*` issues.
 * @example
 * const t = createServiceTransport({ tls: { cert, key, ca }, timeoutMs: 5000 });
 * if (t.ok) { const r = await t.value.call({ service: 'IDB', url, json: body, idempotent: true }); }
 */
export function createServiceTransport(config: ServiceTransportConfig): Result<ServiceTransport> {
  const issues: Issue[] = [];
  const c = guardObject(config, ['config'], issues);
  const dispatcher = c && (guardObject(field(c, 'dispatcher'), ['config', 'dispatcher'], issues, { required: false }) as Dispatcher | undefined);
  const tls = c && guardObject(field(c, 'tls'), ['config', 'tls'], issues, { required: false });
  if (tls) {
    for (const k of ['cert', 'key']) {
      const v = field(tls, k);
      if (typeof v !== 'string' && !(v instanceof Uint8Array)) guardString(v, ['config', 'tls', k], issues, { expected: 'PEM (texte) ou DER (octets)' });
    }
  }
  const int = (k: string, min: number, max: number, dflt: number) => (c && guardInteger(field(c, k), ['config', k], issues, { required: false, min, max })) ?? dflt;
  const timeoutMs = int('timeoutMs', 1, 600_000, 10_000);
  const retries = int('retries', 0, 10, 2);
  const backoffMs = int('backoffMs', 0, 60_000, 200);
  const connections = int('connections', 1, 1024, 16);
  const maxBytes = int('maxResponseBytes', 1024, 64 * 1024 * 1024, 1024 * 1024);
  const sleep = (c && (guardFunction(field(c, 'sleep'), ['config', 'sleep'], issues, { required: false }) as ((ms: number) => Promise<void>) | undefined)) ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  if (issues.length > 0 || !c) return inputErr(issues);
  let agent: Agent | undefined;
  try {
    agent = dispatcher
      ? undefined
      : new Agent({
          connections,
          connect: tls
            ? {
                cert: toBuf(field(tls, 'cert') as PemOrDer),
                key: toBuf(field(tls, 'key') as PemOrDer),
                ...(field(tls, 'ca') === undefined ? {} : { ca: (Array.isArray(field(tls, 'ca')) ? (field(tls, 'ca') as PemOrDer[]) : [field(tls, 'ca') as PemOrDer]).map(toBuf) }),
                ...(typeof field(tls, 'passphrase') === 'string' ? { passphrase: field(tls, 'passphrase') as string } : {}),
                rejectUnauthorized: true,
              }
            : { rejectUnauthorized: true },
        });
  } catch (e) {
    return err(issue('ADR_TLS', { path: ['config', 'tls'], expected: 'configuration', received: describe(e).message }));
  }
  const d: Dispatcher = dispatcher ?? (agent as Agent);

  async function once(call: Wire): Promise<{ result: Result<ServiceAnswer>; retryable: boolean }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const headers: Record<string, string> = call.action !== undefined
      ? { 'content-type': `application/soap+xml; charset=utf-8; action="${call.action}"`, accept: 'application/soap+xml' }
      : { 'content-type': 'application/json', accept: 'application/json' };
    try {
      const res = await request(call.url, { dispatcher: d, method: 'POST', headers, body: call.body, signal: controller.signal });
      const length = Number(res.headers['content-length']);
      // A declared length within the cap is read in one go (undici's own reader); otherwise stream with the cap.
      const raw = Number.isSafeInteger(length) && length <= maxBytes ? ok(await res.body.text()) : await readBody(res.body, maxBytes);
      if (!raw.ok) return { result: raw, retryable: false };
      const textBody = raw.value;
      const ct = String(res.headers['content-type'] ?? '');
      if (/xml/i.test(ct) || /^\s*</.test(textBody)) {
        const envelope = parseSoapEnvelope(textBody, { service: call.service, maxChars: maxBytes });
        if (!envelope.ok) return { result: envelope, retryable: false };
        if (res.statusCode >= 300) return { result: err(issue('ADR_HTTP_STATUS', { expected: call.service, received: `HTTP ${res.statusCode}` })), retryable: res.statusCode >= 502 && res.statusCode <= 504 };
        return { result: ok({ status: res.statusCode, body: textBody, attempts: 1 }), retryable: false };
      }
      if (res.statusCode >= 300) return { result: err(issue('ADR_HTTP_STATUS', { expected: call.service, received: `HTTP ${res.statusCode}` })), retryable: res.statusCode >= 502 && res.statusCode <= 504 };
      try {
        return { result: ok({ status: res.statusCode, body: JSON.parse(textBody) as unknown, attempts: 1 }), retryable: false };
      } catch {
        return { result: err(issue('ADR_RESPONSE_INVALID', { expected: call.service, received: 'JSON mal formé' })), retryable: false };
      }
    } catch (e) {
      if (controller.signal.aborted) return { result: err(issue('ADR_TIMEOUT', { expected: call.service, received: `${timeoutMs} ms` })), retryable: true };
      const x = describe(e);
      if (x.tls) return { result: err(issue('ADR_TLS', { expected: call.service, received: `${x.code} ${x.message}` })), retryable: false };
      return { result: err(issue('ADR_NETWORK', { expected: call.service, received: `${x.code} ${x.message}` })), retryable: true };
    } finally {
      clearTimeout(timer);
    }
  }

  return ok({
    async call(call) {
      const issuesCall: Issue[] = [];
      const o = guardObject(call, ['call'], issuesCall);
      const url = o && guardString(field(o, 'url'), ['call', 'url'], issuesCall, { pattern: /^https?:\/\/[\x21-\x7e]+$/, max: 2048, expected: 'URL https://…' });
      const soap = o && guardObject(field(o, 'soap'), ['call', 'soap'], issuesCall, { required: false });
      if (soap) {
        guardString(field(soap, 'xml'), ['call', 'soap', 'xml'], issuesCall, { max: 4 * 1024 * 1024 });
        guardString(field(soap, 'action'), ['call', 'soap', 'action'], issuesCall, { pattern: /^[\x21-\x7e]+$/, max: 256, expected: 'action SOAP' });
      }
      let json = '';
      if (o && !soap) {
        try {
          json = JSON.stringify(field(o, 'json') ?? {}) ?? '{}';
        } catch {
          issuesCall.push(inputIssue('INPUT_TYPE', { path: ['call', 'json'], expected: 'valeur JSON', received: kindOf(field(o, 'json')) }));
        }
      }
      if (issuesCall.length > 0 || !o || !url) return inputErr(issuesCall);
      const safe: Wire = { service: typeof field(o, 'service') === 'string' ? (field(o, 'service') as string).slice(0, 32) : 'service', url, body: soap ? (field(soap, 'xml') as string) : json, ...(soap ? { action: field(soap, 'action') as string } : {}), idempotent: field(o, 'idempotent') === true };
      const max = safe.idempotent ? retries : 0;
      for (let attempt = 0; ; attempt++) {
        const { result, retryable } = await once(safe);
        if (result.ok) return ok({ ...result.value, attempts: attempt + 1 });
        if (!retryable || attempt >= max) return result;
        await sleep(backoffMs * 2 ** attempt);
      }
    },
    async close() {
      await agent?.close();
    },
  });
}
