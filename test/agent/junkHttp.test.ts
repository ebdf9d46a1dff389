/**
 * Junk over HTTP: any JSON body to any POST route of the agent (CPS opened, so the ledger flow
 * runs) is answered 200, 409 or 422 with a body matching the route's schema — never a 500.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { runs } from '../helpers/runs';
import type { TestAgent } from './helpers';
import { expectMatchesSchema, startAgent, TEST_PIN } from './helpers';

let t: TestAgent;
let doc: Record<string, unknown>;
beforeAll(async () => {
  t = await startAgent({ rateLimit: { max: 100_000, timeWindowMs: 60_000 } });
  doc = t.agent.openApiDocument();
  expect((await t.call('POST', '/v1/cps/pin', { body: { pin: TEST_PIN } })).status).toBe(200);
});
afterAll(async () => t.close());

const ROUTES = ['/v1/pricing', '/v1/fse/build', '/v1/fse/validate', '/v1/lots'];
const json = fc.jsonValue({ maxDepth: 4 });
const shaped = fc.oneof(
  json,
  fc.record({ facture: json, trace: fc.boolean() }),
  fc.record({ input: json, dre: fc.boolean() }),
  fc.record({ fse: json, dre: json, today: fc.oneof(fc.constant('2025-03-10'), fc.string()) }),
  fc.record({ items: fc.array(fc.record({ fse: json, dre: json }), { minLength: 1, maxLength: 3 }), dateCreation: fc.constant('2025-03-10'), marquage: fc.constantFrom('R', 'T', 'D') }),
);

describe('properties', () => {
  test.prop([fc.constantFrom(...ROUTES), shaped], { numRuns: runs(120) })('a junk body is 200, 409 or 422 with a documented body, never 500', async (route, body) => {
    const r = await t.call('POST', route, { body });
    expect([200, 409, 422], `${route} ${r.text.slice(0, 300)}`).toContain(r.status);
    expectMatchesSchema(doc, 'POST', route, r.status, r.json);
  });
});
