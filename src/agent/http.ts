/**
 * The agent's HTTP guards and error answers: every refusal is a JSON body `{ issues: Issue[] }`
 * with the library's Issue objects — 401 (token), 403 (Origin, Host), 413 (size), 415/422
 * (caller data), 429 (rate), 503 (a card, a reader or the mailbox unavailable), 500 (a bug).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Issue } from '../core/issues/index';
import { createIssueFactory, isSesamError } from '../core/issues/index';
import { AGENT_CODES } from './codes';
import { isLoopbackHost } from './options';
import { bearerOf, tokenMatches } from './token';

/** Raises an agent issue. */
export const agentIssue = createIssueFactory(AGENT_CODES);

/**
 * Sends an error answer.
 *
 * @param reply - The reply.
 * @param status - HTTP status.
 * @param issues - At least one issue.
 * @returns The reply.
 */
export function sendIssues(reply: FastifyReply, status: number, issues: readonly Issue[]): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ issues });
}

/** What the guard hook needs. */
export interface GuardSettings {
  readonly token: string;
  readonly allowedOrigins: ReadonlySet<string>;
  /** Host names accepted in the Host header; `undefined` accepts any (non-loopback binding). */
  readonly allowedHosts?: ReadonlySet<string>;
  /** Counts one request (the rate limiter), before anything else. */
  readonly limit?: (request: FastifyRequest) => Promise<{ readonly isAllowed: boolean; readonly isExceeded?: boolean; readonly ttlInSeconds?: number; readonly max?: number; readonly remaining?: number }>;
}

const CORS_ALLOW_HEADERS = 'authorization, content-type, last-event-id';
const CORS_EXPOSE_HEADERS = 'retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset';

/** The host name of a Host header (`[::1]:8787` → `::1`, `localhost:8787` → `localhost`). */
export function hostNameOf(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(header) ?? /^([^:]+)(?::\d+)?$/.exec(header);
  return m?.[1]?.toLowerCase();
}

/**
 * Adds the guard hook: Host (DNS rebinding), Origin allow-list with CORS for allowed origins
 * only, preflight answers, then the Bearer token (except on routes with `config.public`). Runs
 * after the rate limiter (`settings.limit`, counting every request), before the body is read: a refused request never has its body parsed.
 *
 * @param app - The fastify instance.
 * @param settings - Token, origins, hosts.
 */
export function addGuards(app: FastifyInstance, settings: GuardSettings): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Rate first: a client guessing tokens, or a page hammering the agent, is slowed down too.
    const rate = await settings.limit?.(request);
    if (rate !== undefined) {
      reply.header('x-ratelimit-limit', String(rate.max ?? 0)).header('x-ratelimit-remaining', String(rate.remaining ?? 0));
      if (rate.isExceeded === true) {
        const wait = Math.max(1, rate.ttlInSeconds ?? 1);
        reply.header('retry-after', String(wait));
        return sendIssues(reply, 429, [agentIssue('AGENT_RATE_LIMITED', { expected: `${wait} s` })]);
      }
    }
    const host = hostNameOf(request.headers.host);
    if (settings.allowedHosts !== undefined && (host === undefined || !settings.allowedHosts.has(host))) {
      return sendIssues(reply, 403, [agentIssue('AGENT_HOST_FORBIDDEN', { received: host ?? '(absent)', path: ['headers', 'host'] })]);
    }
    const origin = request.headers.origin;
    if (origin !== undefined) {
      // No wildcard, no 'null' (sandboxed frames, file:), no prefix match: the exact origin only.
      if (!settings.allowedOrigins.has(origin)) {
        return sendIssues(reply, 403, [agentIssue('AGENT_ORIGIN_FORBIDDEN', { received: origin, path: ['headers', 'origin'] })]);
      }
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin').header('access-control-expose-headers', CORS_EXPOSE_HEADERS);
      if (request.method === 'OPTIONS') {
        // A public site calling the loopback: Chrome's Private Network Access preflight asks
        // for this opt-in (WICG Private Network Access, « CORS-preflight for private network »).
        if (request.headers['access-control-request-private-network'] === 'true') reply.header('access-control-allow-private-network', 'true');
        return reply
          .code(204)
          .header('access-control-allow-methods', 'GET, POST, DELETE')
          .header('access-control-allow-headers', CORS_ALLOW_HEADERS)
          .header('access-control-max-age', '600')
          .send();
      }
    }
    const config = request.routeOptions.config as { public?: boolean } | undefined;
    if (config?.public === true) return undefined;
    if (!tokenMatches(bearerOf(request.headers.authorization), settings.token)) {
      reply.header('www-authenticate', 'Bearer realm="sesam-agent"');
      return sendIssues(reply, 401, [agentIssue('AGENT_UNAUTHORIZED', { path: ['headers', 'authorization'] })]);
    }
    return undefined;
  });
}

/** The Host names of a loopback binding. */
export function loopbackHosts(host: string): ReadonlySet<string> | undefined {
  return isLoopbackHost(host) ? new Set(['127.0.0.1', 'localhost', '::1', host.toLowerCase()]) : undefined;
}

/**
 * Turns every error into `{ issues }` (nothing of the request body is echoed or logged).
 *
 * @param app - The fastify instance.
 * @param bodyLimit - The body limit (for the 413 message).
 */
export function addErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError & { issues?: readonly Issue[] }, request, reply) => {
    if (error.validation !== undefined) {
      const issues = error.validation.map((v) => {
        const path = [error.validationContext ?? 'body', ...v.instancePath.split('/').filter((x) => x !== '')];
        return agentIssue('AGENT_REQUEST_INVALID', { path, received: `${path.join('.')} ${v.message ?? 'invalide'}` });
      });
      return sendIssues(reply, 422, issues);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendIssues(reply, 413, [agentIssue('AGENT_BODY_TOO_LARGE', { expected: bodyLimit, path: ['body'] })]);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendIssues(reply, 415, [agentIssue('AGENT_REQUEST_INVALID', { received: 'Content-Type non pris en charge (application/json attendu)', path: ['headers', 'content-type'] })]);
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendIssues(reply, 422, [agentIssue('AGENT_JSON_INVALID', { path: ['body'] })]);
      default:
    }
    if (error instanceof SyntaxError || error.statusCode === 400) return sendIssues(reply, 422, [agentIssue('AGENT_JSON_INVALID', { path: ['body'] })]);
    if (isSesamError(error) && error.code === 'ASSERTION' && error.issues.length > 0) return sendIssues(reply, 422, error.issues);
    if (isSesamError(error) && ['CARD', 'TRANSPORT', 'NOT_INSTALLED'].includes(error.code)) {
      request.log.warn({ code: error.code }, error.message);
      return sendIssues(reply, 503, [agentIssue('AGENT_UNAVAILABLE', { received: error.code })]);
    }
    request.log.error({ code: error.code }, error.message);
    return sendIssues(reply, 500, [agentIssue('AGENT_INTERNAL')]);
  });
  app.setNotFoundHandler((request, reply) => sendIssues(reply, 404, [agentIssue('AGENT_NOT_FOUND', { received: `${request.method} ${request.url.split('?')[0] ?? ''}` })]));
}
