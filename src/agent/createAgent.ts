/**
 * The local agent: a small HTTP API (fastify) a web PMS calls on this machine to reach the card
 * readers and the billing engine. Loopback only by default; every call but /openapi.json and
 * /health carries the install's Bearer token; a browser page must come from an allowed Origin;
 * bodies are size-limited and requests rate-limited; the CPS PIN is never logged nor echoed.
 */
import { join } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { PlainDate } from '../core/date/index';
import { SesamError } from '../core/issues/index';
import { loadDashboardModel, renderDashboardHtml } from '../dashboard/index';
import type { LedgerStore } from '../ledger/index';
import { createSqliteLedger } from '../ledger/sqlite/index';
import type { CpsSession } from '../reader/index';
import type { Securer } from '../signature/index';
import { createCmsSecurer } from '../signature/index';
import type { AgentContext } from './context';
import { addErrorHandling, addGuards, loopbackHosts } from './http';
import type { CollectedRoute, RouteSchema } from './openapi';
import { buildOpenApiDocument } from './openapi';
import type { AgentOptions } from './options';
import { checkAgentOptions } from './options';
import { registerBillingRoutes } from './routes/billing';
import { registerFollowUpRoutes } from './routes/followUp';
import { registerReaderRoutes } from './routes/readers';
import { loadAgentToken } from './token';

/** A running (or ready) agent. */
export interface Agent {
  /** Starts listening; resolves with the base URL (`http://127.0.0.1:8787`). */
  listen(): Promise<string>;
  /** Ends the event streams, stops listening, closes the ledger the agent opened. */
  close(): Promise<void>;
  /** The base URL once listening (empty before). */
  readonly url: string;
  /** The install's token (give it to the PMS; never log it). */
  readonly token: string;
  /** The OpenAPI 3.1 document served at /openapi.json. */
  openApiDocument(): Record<string, unknown>;
}

/** Paths of the log records where the PIN or the token could appear: replaced by `[masqué]`. */
export const AGENT_LOG_REDACT: readonly string[] = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'body', 'pin', '*.pin', '*.*.pin', 'token', '*.token', 'authorization', '*.authorization'];

const DEFAULT_PORT = 8787;
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Creates the agent (nothing listens before `listen()`).
 *
 * @param options - See {@link AgentOptions}: data folder, address, origins, readers, ledger, sending, dashboard hook.
 * @returns The agent.
 * @throws SesamError `ASSERTION` for malformed options (a non-loopback `host` without
 *   `allowNonLoopback` included), `IO` when the token cannot be created or read,
 *   `NOT_INSTALLED` without better-sqlite3 when no ledger is given.
 * @example
 * const agent = await createAgent({ dataDir: '/home/me/.sesam', allowedOrigins: ['https://pms.example.org'] });
 * const url = await agent.listen(); // http://127.0.0.1:8787 ; the PMS sends `Authorization: Bearer ${agent.token}`
 */
export async function createAgent(options: AgentOptions = {}): Promise<Agent> {
  const o = checkAgentOptions(options);
  const host = o.host ?? '127.0.0.1';
  const bodyLimit = o.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const clock = o.clock ?? ((): string => new Date().toISOString());
  const token = o.token ?? (await loadAgentToken(o.dataDir as string)).token;
  const ownLedger = o.ledger === undefined;
  const ledger: LedgerStore = o.ledger ?? (await createSqliteLedger({ path: join(o.dataDir as string, 'ledger.sqlite'), clock }));

  let cps: { session: CpsSession; securer: Securer } | undefined;
  const streams = new Set<{ end(): void }>();
  const ctx: AgentContext = {
    ledger,
    ...(o.readers === undefined ? {} : { readers: o.readers }),
    ...(o.send === undefined ? {} : { send: o.send }),
    dashboard: o.dashboard ?? (async () => defaultDashboard(ledger, clock, token)),
    clock,
    securer: () => o.securer ?? cps?.securer,
    cps: () => cps?.session,
    openedCps(session) {
      cps = session === undefined ? undefined : { session, securer: createCmsSecurer(session.signer, { clock }) };
    },
    streams,
  };
  // A CPS pulled out of its reader is closed: its PIN must be presented again.
  const unwatch = o.readers?.onEvent((e) => {
    if ((e.type === 'card-removed' || e.type === 'reader-removed') && cps?.session.reader === e.reader) cps = undefined;
  });

  try {
    return await assemble(o, { host, bodyLimit, token, ctx, unwatch, close: ownLedger ? () => ledger.close() : async () => undefined });
  } catch (e) {
    unwatch?.();
    if (ownLedger) await ledger.close();
    throw e;
  }
}

/**
 * The dashboard the agent serves when no hook is given: the tiers-payant follow-up of its ledger
 * at the clock's day, with the recycle action posting to `/v1/invoices/{id}/recycle` with the
 * install's token (the page is served only to a caller that presented that token).
 */
async function defaultDashboard(ledger: LedgerStore, clock: () => string, token: string): Promise<string> {
  const model = await loadDashboardModel(ledger, { today: clock().slice(0, 10) as PlainDate });
  if (!model.ok) throw new SesamError('STORE', `dashboard: ${model.issues[0]?.message ?? 'ledger data refused'}`);
  const html = renderDashboardHtml(model.value, { lang: 'fr', actions: { recycleUrl: '/v1/invoices/{id}/recycle', token } });
  if (!html.ok) throw new SesamError('ASSERTION', `dashboard: ${html.issues[0]?.message ?? 'render refused'}`);
  return html.value;
}

/** What {@link assemble} needs from `createAgent`. */
interface Assembly {
  readonly host: string;
  readonly bodyLimit: number;
  readonly token: string;
  readonly ctx: AgentContext;
  readonly unwatch: (() => void) | undefined;
  /** Closes what the agent opened (its own ledger). */
  readonly close: () => Promise<void>;
}

/** Builds the fastify app, its guards and routes, and the agent object. */
async function assemble(o: AgentOptions, a: Assembly): Promise<Agent> {
  const { host, bodyLimit, token, ctx } = a;
  const streams = ctx.streams;
  const app: FastifyInstance = Fastify({
    bodyLimit,
    logger: o.log === undefined ? false : { level: o.log.level ?? 'info', stream: o.log.stream, redact: { paths: [...AGENT_LOG_REDACT], censor: '[masqué]' } },
    return503OnClosing: true,
    forceCloseConnections: true,
  });
  // Answers are serialised as they are: the schemas document and test them, they do not filter.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  const routes: CollectedRoute[] = [];
  app.addHook('onRoute', (r) => {
    if (r.schema === undefined) return;
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) routes.push({ method, url: r.url, schema: r.schema as RouteSchema });
  });
  // The limiter's store, called from the guard hook so it counts every request (refused ones and
  // preflights included) before the token is even looked at.
  await app.register(rateLimit, { global: false, max: o.rateLimit?.max ?? 600, timeWindow: o.rateLimit?.timeWindowMs ?? 60_000 });
  const limit = app.createRateLimit();
  const allowedHosts = loopbackHosts(host);
  // The agent's own origin joins the list once it listens: the dashboard it serves posts its recycle actions.
  const allowedOrigins = new Set(o.allowedOrigins ?? []);
  addGuards(app, { token, allowedOrigins, limit, ...(allowedHosts === undefined ? {} : { allowedHosts }) });
  addErrorHandling(app, bodyLimit);

  // Built on each call (cheap): a copy taken before every route was registered would stay partial.
  const openApiDocument = (): Record<string, unknown> => buildOpenApiDocument(routes, { title: 'sesam-billing — agent local', version: '1' });
  app.get('/openapi.json', { config: { public: true } }, async (_request, reply) => reply.type('application/json; charset=utf-8').send(openApiDocument()));
  app.get(
    '/health',
    { config: { public: true }, schema: { operationId: 'health', tags: ['agent'], summary: 'L’agent répond (sans jeton)', security: [], response: { 200: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } } } } },
    async () => ({ status: 'ok' }),
  );
  registerReaderRoutes(app, ctx);
  registerBillingRoutes(app, ctx);
  registerFollowUpRoutes(app, ctx);
  app.addHook('preClose', async () => {
    for (const s of [...streams]) s.end();
  });

  let url = '';
  return {
    async listen() {
      await app.listen({ host, port: o.port ?? DEFAULT_PORT });
      const address = app.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : (o.port ?? DEFAULT_PORT);
      url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      allowedOrigins.add(url);
      if (host === '127.0.0.1' || host === 'localhost') allowedOrigins.add(`http://${host === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`);
      return url;
    },
    async close() {
      a.unwatch?.();
      await app.close();
      await a.close();
    },
    get url() {
      return url;
    },
    token,
    openApiDocument,
  };
}
