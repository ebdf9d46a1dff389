/**
 * Readers and cards: the list, the event stream (Server-Sent Events), reading the Vitale card,
 * presenting the CPS PIN (never logged, never echoed, wiped after use).
 *
 * @see WHATWG HTML Living Standard §9.2 (Server-sent events, text/event-stream)
 */
import type { FastifyInstance } from 'fastify';
import { openCps, readCarteVitale } from '../../reader/index';
import type { AgentContext } from '../context';
import { answer } from '../context';
import { agentIssue, sendIssues } from '../http';
import type { AgentReaderEvent, AgentReaderInfo, AgentReaders } from '../readers';
import { errorResponses, ISSUES_RESPONSE_SCHEMA, object } from '../schemas';

const READER_SCHEMA = {
  type: 'object',
  required: ['name', 'present', 'kind', 'family', 'label'],
  properties: {
    name: { type: 'string' },
    present: { type: 'boolean' },
    atr: { type: 'string', pattern: '^[0-9A-F]*$' },
    kind: { enum: ['vitale2', 'vitale1', 'cps3', 'cps3-contactless', 'cps4', 'unknown', 'none'] },
    family: { enum: ['vitale', 'cps', 'unknown', 'none'] },
    label: { type: 'string' },
  },
};

const NOT_CONFIGURED = { description: 'Lecteurs non configurés (AGENT_NOT_CONFIGURED)', ...ISSUES_RESPONSE_SCHEMA };
const NO_CARD = { description: 'Aucune carte de ce type (AGENT_READER_NOT_FOUND)', ...ISSUES_RESPONSE_SCHEMA };

/** The fields of a reader the API shows (a PC/SC client adds arbitration state). */
const readerOf = (r: AgentReaderInfo): AgentReaderInfo => ({ name: r.name, present: r.present, ...(r.atr === undefined ? {} : { atr: r.atr }), kind: r.kind, family: r.family, label: r.label });

function findCard(readers: AgentReaders, family: 'vitale' | 'cps'): string | undefined {
  return readers.listReaders().find((r) => r.present && r.family === family)?.name;
}

/**
 * Registers the reader routes.
 *
 * @param app - The fastify instance.
 * @param ctx - The agent's state.
 */
export function registerReaderRoutes(app: FastifyInstance, ctx: AgentContext): void {
  const readers = ctx.readers;
  app.get(
    '/v1/readers',
    { schema: { operationId: 'listReaders', tags: ['lecteurs'], summary: 'Lecteurs et cartes présentes', response: { 200: { type: 'object', required: ['readers'], properties: { readers: { type: 'array', items: READER_SCHEMA } } }, 503: NOT_CONFIGURED, ...errorResponses(false) } } },
    async (_request, reply) => {
      if (readers === undefined) return sendIssues(reply, 503, [agentIssue('AGENT_NOT_CONFIGURED', { expected: 'lecteurs' })]);
      return reply.send({ readers: readers.listReaders().map(readerOf) });
    },
  );

  app.get(
    '/v1/readers/events',
    {
      schema: {
        operationId: 'readerEvents',
        tags: ['lecteurs'],
        summary: 'Flux d’événements lecteurs et cartes (text/event-stream)',
        description:
          'Événements SSE : « readers » (liste initiale), puis « reader-added », « reader-removed », « card-inserted », « card-removed » ; data = JSON. Un commentaire « : ping » toutes les 15 s. Lire avec fetch() (l’en-tête Authorization est requis ; EventSource ne sait pas l’envoyer).',
        response: { 200: { description: 'Flux SSE', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 503: NOT_CONFIGURED, ...errorResponses(false) },
      },
    },
    async (request, reply) => {
      if (readers === undefined) return sendIssues(reply, 503, [agentIssue('AGENT_NOT_CONFIGURED', { expected: 'lecteurs' })]);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      let id = 0;
      const write = (event: string, data: unknown): void => {
        id += 1;
        raw.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      write('readers', { readers: readers.listReaders().map(readerOf) });
      const unsubscribe = readers.onEvent((e: AgentReaderEvent) => {
        if (e.type !== 'error') write(e.type, e);
      });
      const ping = setInterval(() => raw.write(': ping\n\n'), 15_000);
      ping.unref();
      const stream = {
        end(): void {
          clearInterval(ping);
          unsubscribe();
          ctx.streams.delete(stream);
          if (!raw.writableEnded) raw.end();
        },
      };
      ctx.streams.add(stream);
      request.raw.on('close', () => stream.end());
      return reply;
    },
  );

  app.post(
    '/v1/cards/vitale/read',
    { schema: { operationId: 'readVitale', tags: ['lecteurs'], summary: 'Lire la carte Vitale présente (bénéficiaires)', response: { 200: { type: 'object', required: ['reader', 'carte'], properties: { reader: { type: 'string' }, carte: object('CarteVitale (sesam-billing/reader)') } }, 409: NO_CARD, 503: NOT_CONFIGURED, ...errorResponses(false) } } },
    async (_request, reply) => {
      if (readers === undefined) return sendIssues(reply, 503, [agentIssue('AGENT_NOT_CONFIGURED', { expected: 'lecteurs' })]);
      const name = findCard(readers, 'vitale');
      if (name === undefined) return sendIssues(reply, 409, [agentIssue('AGENT_READER_NOT_FOUND', { expected: 'Vitale' })]);
      return answer(reply, await readCarteVitale(readers.card(name)), (carte) => ({ reader: name, carte }));
    },
  );

  app.post(
    '/v1/cps/pin',
    {
      schema: {
        operationId: 'presentCpsPin',
        tags: ['lecteurs'],
        summary: 'Ouvrir la CPS : présenter son code porteur (une fois ; jamais journalisé ni renvoyé)',
        body: { type: 'object', required: ['pin'], additionalProperties: false, properties: { pin: { type: 'string', minLength: 1, maxLength: 16 } } },
        response: {
          200: { type: 'object', required: ['cps', 'counters'], properties: { cps: { type: 'object', required: ['reader', 'label', 'serialNumber'], properties: { reader: { type: 'string' }, kind: { type: 'string' }, label: { type: 'string' }, serialNumber: { type: 'string' } } }, counters: { type: 'object', properties: { max: { type: 'integer' }, left: { type: 'integer' } } } } },
          409: NO_CARD,
          503: NOT_CONFIGURED,
          ...errorResponses(true),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { pin: string };
      // The PIN leaves the request at once: bytes the card layer wipes after VERIFY.
      const pin = new TextEncoder().encode(body.pin);
      (body as { pin?: string }).pin = '';
      try {
        if (readers === undefined) return sendIssues(reply, 503, [agentIssue('AGENT_NOT_CONFIGURED', { expected: 'lecteurs' })]);
        const name = findCard(readers, 'cps');
        if (name === undefined) return sendIssues(reply, 409, [agentIssue('AGENT_READER_NOT_FOUND', { expected: 'CPS' })]);
        const opened = await openCps(readers.card(name));
        if (!opened.ok) return sendIssues(reply, 422, opened.issues);
        const session = opened.value;
        const verified = await session.verifyPin(pin);
        if (!verified.ok) return sendIssues(reply, 422, verified.issues);
        ctx.openedCps(session);
        return reply.send({ cps: { reader: session.reader, kind: session.kind, label: session.label, serialNumber: session.serialNumber }, counters: { max: verified.value.max, left: verified.value.left } });
      } finally {
        pin.fill(0);
      }
    },
  );

  app.delete(
    '/v1/cps',
    { schema: { operationId: 'closeCps', tags: ['lecteurs'], summary: 'Oublier la CPS ouverte (le code devra être présenté de nouveau)', response: { 204: { description: 'Fait', type: 'null' }, ...errorResponses(false) } } },
    async (_request, reply) => {
      ctx.openedCps(undefined);
      return reply.code(204).send();
    },
  );
}
