/**
 * Pricing and FSE: `computeFacture`, `buildFse` / `buildDre`, `validateFse` / `validateDre`,
 * then the ledger flow in its one order — number and lot, secure (the CPS opened with its PIN,
 * or the configured securer), write the B2 files, queue them for sending when configured.
 */
import type { FastifyInstance } from 'fastify';
import type { PlainDate } from '../../core/date/index';
import type { Issue } from '../../core/issues/index';
import type { B2Emitter, Dre, Fse, FseInput, LedgerItem } from '../../fse/index';
import { buildDre, buildFse, numberAndLot, rebuildFile, secureNumbered, serializeLottedFile, validateDre, validateFse } from '../../fse/index';
import { computeFacture } from '../../rules/index';
import type { AgentContext } from '../context';
import { answer } from '../context';
import { agentIssue, sendIssues } from '../http';
import { errorResponses, ISSUE_SCHEMA, ISSUES_RESPONSE_SCHEMA, object, WARNINGS_SCHEMA } from '../schemas';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const CPS_CLOSED = { description: 'CPS non ouverte (AGENT_CPS_NOT_OPEN)', ...ISSUES_RESPONSE_SCHEMA };

const LOT_FILE_SCHEMA = {
  type: 'object',
  required: ['fileId', 'kind', 'ps', 'destinataire', 'lots', 'bytes', 'queued'],
  properties: {
    fileId: { type: 'string' },
    kind: { enum: ['fse', 'dre'] },
    ps: { type: 'string' },
    destinataire: { type: 'string' },
    lots: { type: 'array', items: { type: 'object', required: ['numero', 'invoices'], properties: { numero: { type: 'integer' }, invoices: { type: 'integer' } } } },
    bytes: { type: 'integer' },
    queued: { type: 'boolean', description: 'mis en file d’envoi (envoi configuré et destinataire connu)' },
  },
};

/**
 * Registers the pricing and FSE routes.
 *
 * @param app - The fastify instance.
 * @param ctx - The agent's state.
 */
export function registerBillingRoutes(app: FastifyInstance, ctx: AgentContext): void {
  app.post(
    '/v1/pricing',
    {
      schema: {
        operationId: 'priceInvoice',
        tags: ['tarification'],
        summary: 'Tarifer une facture (computeFacture) : décompte AMO / AMC / patient',
        description: 'Corps : { facture: FactureInput } ; montants en { "centimes": 2650 }.',
        body: { type: 'object', required: ['facture'], properties: { facture: object('FactureInput (sesam-billing/rules)'), trace: { type: 'boolean', default: false } } },
        response: { 200: { type: 'object', required: ['decompte', 'warnings'], properties: { decompte: object('Decompte (sesam-billing/rules)'), warnings: WARNINGS_SCHEMA } }, ...errorResponses(true) },
      },
    },
    async (request, reply) => {
      const body = request.body as { facture: unknown; trace?: boolean };
      return answer(reply, computeFacture(body.facture, { trace: body.trace === true }), (decompte, warnings) => ({ decompte, warnings }));
    },
  );

  app.post(
    '/v1/fse/build',
    {
      schema: {
        operationId: 'buildFse',
        tags: ['fse'],
        summary: 'Construire une FSE (et sa DRE si demandé) depuis FseInput',
        body: { type: 'object', required: ['input'], properties: { input: object('FseInput (sesam-billing/fse)'), dre: { type: 'boolean', default: false } } },
        response: { 200: { type: 'object', required: ['fse', 'warnings'], properties: { fse: object('Fse'), dre: object('Dre'), warnings: WARNINGS_SCHEMA } }, ...errorResponses(true) },
      },
    },
    async (request, reply) => {
      const body = request.body as { input: FseInput; dre?: boolean };
      const built = buildFse(body.input);
      if (!built.ok || body.dre !== true) return answer(reply, built, (fse, warnings) => ({ fse, warnings }));
      return answer(reply, buildDre(built.value), (dre, warnings) => ({ fse: built.value, dre, warnings: [...built.issues, ...warnings] }));
    },
  );

  app.post(
    '/v1/fse/validate',
    {
      schema: {
        operationId: 'validateFse',
        tags: ['fse'],
        summary: 'Contrôler une FSE (et sa DRE) avec le catalogue de contrôles',
        body: { type: 'object', required: ['fse'], properties: { fse: object('Fse'), dre: object('Dre'), today: { ...DATE, description: 'jour du contrôle (défaut : aujourd’hui selon l’horloge de l’agent)' } } },
        response: { 200: { type: 'object', required: ['valid', 'warnings'], properties: { valid: { const: true }, warnings: WARNINGS_SCHEMA } }, ...errorResponses(true) },
      },
    },
    async (request, reply) => {
      const body = request.body as { fse: Fse; dre?: Dre; today?: string };
      const today = (body.today ?? ctx.clock().slice(0, 10)) as PlainDate;
      const fse = validateFse(body.fse, { today });
      const dre = body.dre === undefined ? undefined : validateDre(body.dre, { today });
      const issues: Issue[] = [...fse.issues, ...(dre?.issues ?? [])].map((i, k) => (k >= fse.issues.length ? { ...i, path: ['dre', ...i.path] } : { ...i, path: ['fse', ...i.path] }));
      if (!fse.ok || dre?.ok === false) return sendIssues(reply, 422, issues);
      return reply.send({ valid: true, warnings: issues });
    },
  );

  app.post(
    '/v1/lots',
    {
      schema: {
        operationId: 'numberSecureAndLot',
        tags: ['fse'],
        summary: 'Numéroter (contrôle de doublon), sécuriser avec la CPS, grouper en lots et écrire les fichiers B2',
        description: 'L’ordre est celui du ledger : numéroter → sécuriser → sérialiser. Les fichiers écrits sont mis en file d’envoi quand l’envoi est configuré.',
        body: {
          type: 'object',
          required: ['items', 'dateCreation'],
          properties: {
            items: { type: 'array', minItems: 1, maxItems: 5000, items: { type: 'object', required: ['fse'], properties: { fse: object('Fse'), dre: object('Dre') } } },
            dateCreation: DATE,
            marquage: { enum: ['R', 'T', 'D'], default: 'R', description: 'R réelles, T tests, D démonstration (enregistrement 6 de la norme B2)' },
            maxPerLot: { type: 'integer', minimum: 1, maximum: 999 },
            numeroAgrement: { type: 'string', maxLength: 12 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['numbered', 'rejected', 'files'],
            properties: {
              numbered: { type: 'array', items: { type: 'object', required: ['index', 'invoiceId', 'ps', 'numero'], properties: { index: { type: 'integer' }, invoiceId: { type: 'string' }, ps: { type: 'string' }, numero: { type: 'integer' } } } },
              rejected: { type: 'array', items: { type: 'object', required: ['index', 'issues'], properties: { index: { type: 'integer' }, issues: { type: 'array', items: ISSUE_SCHEMA } } } },
              files: { type: 'array', items: LOT_FILE_SCHEMA },
            },
          },
          409: CPS_CLOSED,
          ...errorResponses(true),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { items: LedgerItem[]; dateCreation: PlainDate; marquage?: 'R' | 'T' | 'D'; maxPerLot?: number; numeroAgrement?: string };
      const securer = ctx.securer();
      if (securer === undefined) return sendIssues(reply, 409, [agentIssue('AGENT_CPS_NOT_OPEN')]);
      const lotted = await numberAndLot(ctx.ledger, body.items, body.maxPerLot === undefined ? {} : { maxPerLot: body.maxPerLot });
      if (!lotted.ok) return sendIssues(reply, 422, lotted.issues);
      const emitter: B2Emitter = { dateCreation: body.dateCreation, marquage: body.marquage ?? 'R', ...(body.numeroAgrement === undefined ? {} : { numeroAgrement: body.numeroAgrement }) };
      const secured = await secureNumbered(ctx.ledger, lotted.value.files, securer, emitter);
      if (!secured.ok) return sendIssues(reply, 422, secured.issues);
      const files = [];
      for (const file of lotted.value.files) {
        const bytes = await serializeLottedFile(ctx.ledger, file, emitter);
        if (!bytes.ok) return sendIssues(reply, 422, bytes.issues);
        const destination = ctx.send?.destinationOf({ fileId: file.fileId, kind: file.kind, ps: file.ps, destinataire: file.destinataire });
        let queued = false;
        if (ctx.send !== undefined && destination !== undefined) {
          const q = await ctx.send.outbox.enqueue({ fileId: file.fileId, destination, bytes: bytes.value, filename: `${file.kind.toUpperCase()}_${file.ps}_${file.destinataire}_${file.fileId}.b2` });
          if (!q.ok) return sendIssues(reply, 422, q.issues);
          queued = true;
        }
        files.push({ fileId: file.fileId, kind: file.kind, ps: file.ps, destinataire: file.destinataire, lots: file.lots.map((l) => ({ numero: l.lot.numero, invoices: l.documents.length })), bytes: bytes.value.length, queued });
      }
      // numberAndLot numbers the items it accepts in input order: the k-th numbered is the k-th not rejected.
      const refused = new Set(lotted.value.rejected.map((r) => r.index));
      const accepted = body.items.map((_, i) => i).filter((i) => !refused.has(i));
      const numbered = lotted.value.numbered.map((n, k) => ({ index: accepted[k] ?? k, invoiceId: String(n.invoice.id), ps: n.invoice.ps, numero: n.invoice.numero }));
      return reply.send({ numbered, rejected: lotted.value.rejected, files });
    },
  );

  app.get(
    '/v1/files/:fileId',
    {
      schema: {
        operationId: 'getFile',
        tags: ['fse'],
        summary: 'Le fichier B2 écrit, reconstruit octet pour octet depuis le ledger',
        params: { type: 'object', required: ['fileId'], properties: { fileId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' } } },
        response: { 200: { description: 'Fichier B2 (enregistrements de 128 octets)', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses(false) },
      },
    },
    async (request, reply) => {
      const { fileId } = request.params as { fileId: string };
      const bytes = await rebuildFile(ctx.ledger, fileId);
      if (!bytes.ok) return sendIssues(reply, 422, bytes.issues);
      return reply.type('application/octet-stream').header('content-disposition', `attachment; filename="${fileId}.b2"`).send(Buffer.from(bytes.value));
    },
  );
}
