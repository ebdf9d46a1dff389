/**
 * HTTPS client of the INSi téléservice: SOAP 1.2 over TLS with a client certificate (mutual
 * TLS), node:https. The endpoint, the certificates (CPS card or ANS server certificate
 * « personne morale », INSI-AUTO / INSI-MANU) and their enrolment are the caller's: this client
 * takes PEM (or DER) material and an URL. Every failure is a typed issue (never a rejection):
 * network/TLS `INSI_TRANSPORT`, `INSI_TIMEOUT`, `INSI_HTTP_STATUS`, SOAP fault, business codes.
 */
import { request } from 'node:https';
import { randomUUID } from 'node:crypto';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardFunction, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import { INSI_CODES } from '../codes';
import type { InsiContexte, InsiRecherche, InsiResult } from '../model';
import { buildInsiRequest, INSI_ACTIONS } from '../request';
import { parseInsiResponse } from '../response';
import { INSI_MAX_RESPONSE_CHARS } from '../xml';

const issue = createIssueFactory(INSI_CODES);

/** A WHATWG-fetch-like function (undici `fetch` with a dispatcher carrying the client certificate, a test double…). */
export type InsiFetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ readonly status: number; text(): Promise<string> }>;

/** PEM text or DER bytes. */
export type PemOrDer = string | Uint8Array;

/** Configuration of {@link createInsiClient}. */
export interface InsiClientConfig {
  /** Endpoint, e.g. the CNAM URL of the environment the caller is enrolled in. */
  readonly url: string;
  /** Client certificate and key (mutual TLS) and the CA(s) trusted for the server. */
  readonly tls?: { readonly cert: PemOrDer; readonly key: PemOrDer; readonly ca?: PemOrDer | readonly PemOrDer[]; readonly passphrase?: string };
  /** The ContexteLPS / ContexteBAM identity. */
  readonly contexte: InsiContexte;
  /** Transport replacing node:https (then `tls` is the transport's business). */
  readonly fetch?: InsiFetch;
  /** Per-call timeout in milliseconds (default 15 000). */
  readonly timeoutMs?: number;
  /** Injected clock (default `() => new Date().toISOString()`). */
  readonly clock?: () => string;
  /** Message id factory (default `uuid:` + crypto.randomUUID()). */
  readonly newMessageId?: () => string;
}

/** An INSi client. */
export interface InsiClient {
  /**
   * Runs one search. Reads are idempotent, but the client does not retry: the caller decides.
   *
   * @param recherche - Traits or carte Vitale search.
   * @param options - `at`, `messageId` (default: the clock, a new UUID).
   * @returns The parsed answer or typed issues; I/O and TLS failures never reject (a throwing injected clock does).
   */
  rechercher(recherche: InsiRecherche, options?: { readonly at?: string; readonly messageId?: string }): Promise<Result<InsiResult>>;
}

interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

function httpsPost(url: URL, headers: Record<string, string>, body: string, tls: NonNullable<InsiClientConfig['tls']>, timeoutMs: number): Promise<Result<HttpAnswer>> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Result<HttpAnswer>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const ca = tls.ca === undefined ? undefined : Array.isArray(tls.ca) ? (tls.ca as PemOrDer[]).map((c) => (typeof c === 'string' ? c : Buffer.from(c))) : [typeof tls.ca === 'string' ? tls.ca : Buffer.from(tls.ca as Uint8Array)];
    const req = request(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      cert: typeof tls.cert === 'string' ? tls.cert : Buffer.from(tls.cert),
      key: typeof tls.key === 'string' ? tls.key : Buffer.from(tls.key),
      ...(ca === undefined ? {} : { ca }),
      ...(tls.passphrase === undefined ? {} : { passphrase: tls.passphrase }),
      rejectUnauthorized: true,
      agent: false,
    });
    const timer = setTimeout(() => {
      finish(err(issue('INSI_TIMEOUT', { expected: `${timeoutMs} ms` })));
      req.destroy();
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish(err(issue('INSI_TRANSPORT', { received: `${e.code ?? 'ERREUR'} ${e.message}` }))));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > INSI_MAX_RESPONSE_CHARS * 4) {
          finish(err(issue('INSI_XML_TOO_LARGE', { expected: `${INSI_MAX_RESPONSE_CHARS * 4} octets`, received: `plus de ${size} octets` })));
          req.destroy();
        } else chunks.push(c);
      });
      res.on('error', (e: NodeJS.ErrnoException) => finish(err(issue('INSI_TRANSPORT', { received: `${e.code ?? 'ERREUR'} ${e.message}` }))));
      res.on('end', () => finish(ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })));
    });
    req.end(body);
  });
}

async function fetchPost(f: InsiFetch, url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Result<HttpAnswer>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await f(url, { method: 'POST', headers, body, signal: controller.signal });
    return ok({ status: res.status, body: await res.text() });
  } catch (e) {
    if (controller.signal.aborted) return err(issue('INSI_TIMEOUT', { expected: `${timeoutMs} ms` }));
    return err(issue('INSI_TRANSPORT', { received: e instanceof Error ? e.message : 'erreur du transport' }));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Creates an INSi client over HTTPS with a client certificate.
 *
 * @param config - `url`, `tls: { cert, key, ca? }` (or `fetch`), `contexte`, `timeoutMs?`, `clock?`, `newMessageId?`.
 * @returns The client, or `INPUT_*` issues on a malformed configuration.
 * @example
 * const c = createInsiClient({ url, tls: { cert, key, ca }, contexte });
 * if (c.ok) { const r = await c.value.rechercher({ mode: 'traits', nomNaissance: 'DUPONT', prenoms: ['JEANNE'], sexe: 'F', dateNaissance: '1980-02-01' }); }
 * @see CNAM WSDL DESIR_ICIR_EXP_1.5.0 (binding SOAP 1.2, document/literal)
 */
export function createInsiClient(config: InsiClientConfig): Result<InsiClient> {
  const issues: Issue[] = [];
  const c = guardObject(config, ['config'], issues);
  const urlText = c && guardString(field(c, 'url'), ['config', 'url'], issues, { pattern: /^https?:\/\//, max: 2048, expected: 'URL https://…' });
  const f = c && (guardFunction(field(c, 'fetch'), ['config', 'fetch'], issues, { required: false }) as InsiFetch | undefined);
  const tls = c && guardObject(field(c, 'tls'), ['config', 'tls'], issues, { required: f === undefined });
  const contexte = c && guardObject(field(c, 'contexte'), ['config', 'contexte'], issues);
  const timeoutMs = c && (guardInteger(field(c, 'timeoutMs'), ['config', 'timeoutMs'], issues, { required: false, min: 1, max: 600_000 }) ?? 15_000);
  const clock = (c && (guardFunction(field(c, 'clock'), ['config', 'clock'], issues, { required: false }) as (() => string) | undefined)) ?? (() => new Date().toISOString());
  const newId = (c && (guardFunction(field(c, 'newMessageId'), ['config', 'newMessageId'], issues, { required: false }) as (() => string) | undefined)) ?? (() => `uuid:${randomUUID()}`);
  if (tls) {
    for (const k of ['cert', 'key']) {
      const v = field(tls, k);
      if (typeof v !== 'string' && !(v instanceof Uint8Array)) guardString(v, ['config', 'tls', k], issues, { expected: 'PEM (texte) ou DER (octets)' });
    }
  }
  let url: URL | undefined;
  if (urlText !== undefined) {
    try {
      url = new URL(urlText);
    } catch {
      guardString(0, ['config', 'url'], issues, { expected: 'URL https://…' });
    }
  }
  if (issues.length > 0 || !url || !contexte || timeoutMs === undefined) return inputErr(issues);
  const target = url;
  const timeout = timeoutMs;
  return ok({
    async rechercher(recherche, options) {
      const o = options !== null && typeof options === 'object' ? (options as Readonly<Record<string, unknown>>) : {};
      const at = field(o, 'at') ?? clock();
      const messageId = field(o, 'messageId') ?? newId();
      const xml = buildInsiRequest(recherche, contexte as unknown as InsiContexte, { at, messageId } as never);
      if (!xml.ok) return xml;
      const action = field(recherche as unknown as Readonly<Record<string, unknown>>, 'mode') === 'carte' ? INSI_ACTIONS.carte : INSI_ACTIONS.traits;
      const headers = { 'Content-Type': `application/soap+xml; charset=utf-8; action="${action}"`, Accept: 'application/soap+xml, text/xml' };
      const answer = f ? await fetchPost(f, target.href, headers, xml.value, timeout) : await httpsPost(target, headers, xml.value, tls as unknown as NonNullable<InsiClientConfig['tls']>, timeout);
      if (!answer.ok) return answer;
      const { status, body } = answer.value;
      // SOAP 1.2 over HTTP: a fault comes with 500 (or 400); read the body whenever it is XML.
      if (status !== 200 && !/^\s*</.test(body)) return err(issue('INSI_HTTP_STATUS', { received: `HTTP ${status}` }));
      return parseInsiResponse(body);
    },
  });
}
