/**
 * Sending (one drain pass of the transport outbox), returns (processed ARL / NOEMIE returns),
 * follow-up (invoices by state, the watchdog, the tiers-payant follow-up) and the dashboard hook.
 */
import type { FastifyInstance } from 'fastify';
import type { PlainDate } from '../../core/date/index';
import type { InvoiceFilter, PartName, PartState } from '../../ledger/index';
import { PART_STATES } from '../../ledger/index';
import { computeTiersPayantFollowUp, computeWatchdogReport } from '../../returns/index';
import type { AgentContext } from '../context';
import { agentIssue, sendIssues } from '../http';
import { errorResponses, ISSUE_SCHEMA, ISSUES_RESPONSE_SCHEMA, object, PAGING_QUERY } from '../schemas';

const NOT_CONFIGURED = { description: 'Service non configuré (AGENT_NOT_CONFIGURED)', ...ISSUES_RESPONSE_SCHEMA };
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/**
 * Registers the sending, returns and follow-up routes.
 *
 * @param app - The fastify instance.
 * @param ctx - The agent's state.
 */
export function registerFollowUpRoutes(app: FastifyInstance, ctx: AgentContext): void {
  app.post(
    '/v1/send',
    {
      schema: {
        operationId: 'drainOutbox',
        tags: ['envoi'],
        summary: 'Envoyer les fichiers en attente (un passage de la file d’envoi) ; les lots envoyés passent « transmise »',
        response: {
          200: {
            type: 'object',
            required: ['sent', 'retrying', 'failed', 'deferred', 'issues'],
            properties: {
              sent: { type: 'array', items: { type: 'object', required: ['fileId', 'messageId', 'destination'], properties: { fileId: { type: 'string' }, messageId: { type: 'string' }, destination: { type: 'string' }, response: { type: 'string' } } } },
              retrying: { type: 'array', items: { type: 'string' } },
              failed: { type: 'array', items: { type: 'string' } },
              deferred: { type: 'array', items: { type: 'string' } },
              issues: { type: 'array', items: ISSUE_SCHEMA },
              nextDueAt: { type: 'integer' },
            },
          },
          503: NOT_CONFIGURED,
          ...errorResponses(false),
        },
      },
    },
    async (_request, reply) => {
      if (ctx.send === undefined) return sendIssues(reply, 503, [agentIssue('AGENT_NOT_CONFIGURED', { expected: 'envoi (messagerie et file d’envoi)' })]);
      const report = await ctx.send.outbox.drain();
      const issues = [...report.issues];
      for (const s of report.sent) {
        // A file the ledger did not write (queued by another tool) has no lot: nothing to mark.
        if ((await ctx.ledger.getWrittenFile(s.fileId)) === undefined) continue;
        const marked = await ctx.ledger.markTransmitted({ fileId: s.fileId });
        if (!marked.ok) issues.push(...marked.issues);
      }
      return reply.send({ ...report, issues });
    },
  );

  app.get(
    '/v1/outbox',
    {
      schema: {
        operationId: 'listOutbox',
        tags: ['envoi'],
        summary: 'La file d’envoi (sans le contenu des fichiers)',
        querystring: { type: 'object', properties: { status: { enum: ['pending', 'sent', 'failed'] } } },
        response: { 200: { type: 'object', required: ['entries'], properties: { entries: { type: 'array', items: { type: 'object', required: ['fileId', 'destination', 'status', 'attempts', 'sha256'], properties: { fileId: { type: 'string' }, destination: { type: 'string' }, status: { type: 'string' }, attempts: { type: 'integer' }, sha256: { type: 'string' }, size: { type: 'integer' }, enqueuedAt: { type: 'string' }, sentAt: { type: 'string' }, lastError: { type: 'string' } } } } } }, 503: NOT_CONFIGURED, ...errorResponses(false) },
      },
    },
    async (request, reply) => {
      if (ctx.send === undefined) return sendIssues(reply, 503, [agentIssue('AGENT_NOT_CONFIGURED', { expected: 'envoi (messagerie et file d’envoi)' })]);
      const { status } = request.query as { status?: 'pending' | 'sent' | 'failed' };
      const entries = await ctx.send.outbox.list(status);
      return reply.send({ entries: entries.map(({ bytes, ...e }) => ({ ...e, size: bytes.length })) });
    },
  );

  app.get(
    '/v1/returns',
    {
      schema: {
        operationId: 'listReturns',
        tags: ['retours'],
        summary: 'Retours traités (ARL, NOEMIE), dans l’ordre d’enregistrement',
        querystring: { type: 'object', properties: { prefix: { type: 'string', maxLength: 40, description: 'début de l’identifiant (« arl: », « noemie: »)' }, ...PAGING_QUERY } },
        response: { 200: { type: 'object', required: ['returns'], properties: { returns: { type: 'array', items: { type: 'object', required: ['sourceId', 'at', 'historyEntries', 'audits'], properties: { sourceId: { type: 'string' }, at: { type: 'string' }, historyEntries: { type: 'integer' }, audits: { type: 'integer' } } } } } }, ...errorResponses(false) },
      },
    },
    async (request, reply) => {
      const q = request.query as { prefix?: string; limit: number; offset: number };
      const returns = await ctx.ledger.listProcessedReturns({ ...(q.prefix === undefined ? {} : { sourceIdPrefix: q.prefix }), limit: q.limit, offset: q.offset });
      return reply.send({ returns });
    },
  );

  app.get(
    '/v1/invoices',
    {
      schema: {
        operationId: 'listInvoices',
        tags: ['suivi'],
        summary: 'Factures du ledger par état (AMO ou AMC)',
        querystring: { type: 'object', properties: { state: { enum: [...PART_STATES] }, part: { enum: ['amo', 'amc'], default: 'amo' }, ps: { type: 'string', pattern: '^[0-9]{8,9}$' }, ...PAGING_QUERY } },
        response: { 200: { type: 'object', required: ['invoices'], properties: { invoices: { type: 'array', items: object('LedgerInvoice (sesam-billing/ledger)') } } }, ...errorResponses(false) },
      },
    },
    async (request, reply) => {
      const q = request.query as { state?: PartState; part: PartName; ps?: string; limit: number; offset: number };
      const filter: InvoiceFilter = { part: q.part, limit: q.limit, offset: q.offset, ...(q.state === undefined ? {} : { state: q.state }), ...(q.ps === undefined ? {} : { ps: q.ps }) };
      return reply.send({ invoices: await ctx.ledger.listInvoices(filter) });
    },
  );

  app.post(
    '/v1/invoices/:id/recycle',
    {
      schema: {
        operationId: 'recycleInvoice',
        tags: ['suivi'],
        summary: 'Recycler une facture rejetée : une nouvelle facture (nouveau numéro) reprend le soin, l’ancienne passe « recyclée »',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } },
        response: { 200: { type: 'object', required: ['id', 'numero'], properties: { id: { type: 'string' }, numero: { type: 'integer' } } }, ...errorResponses(false) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const r = await ctx.ledger.recycleInvoice(id, undefined, { at: ctx.clock() });
      if (!r.ok) return sendIssues(reply, 422, r.issues);
      return reply.send({ id: r.value.id, numero: r.value.numero });
    },
  );

  app.get(
    '/v1/followup/watchdog',
    {
      schema: {
        operationId: 'watchdog',
        tags: ['suivi'],
        summary: 'Veille des retours : factures sans ARL, sans paiement, rejetées, proches de la forclusion',
        querystring: { type: 'object', properties: { today: { ...DATE, description: 'jour du rapport (défaut : aujourd’hui selon l’horloge de l’agent)' } } },
        response: { 200: object('WatchdogReport (sesam-billing/returns)'), ...errorResponses(false) },
      },
    },
    async (request, reply) => {
      const { today } = request.query as { today?: string };
      const day = (today ?? ctx.clock().slice(0, 10)) as PlainDate;
      const invoices = await ctx.ledger.listInvoices();
      // The report's deprecated `asOf` twin of `today` is left out of the API.
      const { asOf: _asOf, ...report } = computeWatchdogReport(invoices, { today: day });
      return reply.send(report);
    },
  );

  app.get(
    '/v1/followup/tiers-payant',
    {
      schema: {
        operationId: 'tiersPayantFollowUp',
        tags: ['suivi'],
        summary: 'Suivi du tiers payant : attendu, payé, rejeté, en attente — AMO et AMC à part',
        response: { 200: object('TiersPayantFollowUp (sesam-billing/returns)'), ...errorResponses(false) },
      },
    },
    async (_request, reply) => reply.send(computeTiersPayantFollowUp(await ctx.ledger.listInvoices())),
  );

  app.get(
    '/dashboard',
    {
      schema: {
        operationId: 'dashboard',
        tags: ['suivi'],
        summary: 'Tableau de bord du tiers payant (page HTML)',
        response: { 200: { description: 'Page HTML', content: { 'text/html': { schema: { type: 'string' } } } }, 503: NOT_CONFIGURED, ...errorResponses(false) },
      },
    },
    async (_request, reply) => {
      // The page: `options.dashboard`, else the ledger's tiers-payant follow-up (sesam-billing/dashboard).
      if (ctx.dashboard === undefined) return sendIssues(reply, 503, [agentIssue('AGENT_NOT_CONFIGURED', { expected: 'tableau de bord' })]);
      const html = await ctx.dashboard();
      // Its one inline script posts the recycle action to this agent, nowhere else.
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        .send(html);
    },
  );
}
