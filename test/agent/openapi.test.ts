/**
 * The OpenAPI 3.1 document served at /openapi.json: valid per @readme/openapi-parser, one
 * operation per route with its schemas, the token required everywhere but /health.
 */
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../src/agent/index';
import type { TestAgent } from './helpers';
import { startAgent } from './helpers';

let t: TestAgent;
let doc: Record<string, any>;

beforeAll(async () => {
  t = await startAgent();
  const r = await t.call('GET', '/openapi.json', { auth: false });
  expect(r.status).toBe(200);
  doc = r.json as Record<string, any>;
});
afterAll(async () => t.close());

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc['openapi']).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify((result as { errors?: unknown }).errors)).toBe(true);
  });

  it('documents every route of the agent, each with an operationId and its error answers', () => {
    const ops = Object.entries(doc['paths'] as Record<string, Record<string, any>>).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op })));
    expect(ops.map((o) => o.key).sort()).toEqual(
      [
        'GET /health',
        'GET /v1/readers',
        'GET /v1/readers/events',
        'POST /v1/cards/vitale/read',
        'POST /v1/cps/pin',
        'DELETE /v1/cps',
        'POST /v1/pricing',
        'POST /v1/fse/build',
        'POST /v1/fse/validate',
        'POST /v1/lots',
        'GET /v1/files/{fileId}',
        'POST /v1/send',
        'GET /v1/outbox',
        'GET /v1/returns',
        'GET /v1/invoices',
        'POST /v1/invoices/{id}/recycle',
        'GET /v1/followup/watchdog',
        'GET /v1/followup/tiers-payant',
        'GET /dashboard',
      ].sort(),
    );
    for (const { key, op } of ops) {
      expect(op.operationId, key).toMatch(/^[a-zA-Z]+$/);
      if (key === 'GET /health') {
        expect(op.security).toEqual([]);
        continue;
      }
      expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(['401', '403', '422', '429']));
      if (op.requestBody !== undefined) expect(Object.keys(op.responses), key).toContain('413');
    }
    expect(doc['components'].securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc['security']).toEqual([{ bearerAuth: [] }]);
  });

  it('the SSE, HTML and binary routes declare their media types', () => {
    expect(Object.keys(doc['paths']['/v1/readers/events'].get.responses['200'].content)).toEqual(['text/event-stream']);
    expect(Object.keys(doc['paths']['/dashboard'].get.responses['200'].content)).toEqual(['text/html']);
    expect(Object.keys(doc['paths']['/v1/files/{fileId}'].get.responses['200'].content)).toEqual(['application/octet-stream']);
    expect(doc['paths']['/v1/files/{fileId}'].get.parameters[0]).toMatchObject({ name: 'fileId', in: 'path', required: true });
  });

  it('is the same document the agent object returns', () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(t.agent.openApiDocument())));
  });

  it('buildOpenApiDocument of no route is still valid', async () => {
    const empty = buildOpenApiDocument([], { title: 't', version: '0' });
    expect((await validate(empty as never)).valid).toBe(true);
  });
});
