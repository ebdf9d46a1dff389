/**
 * A real agent listening on a loopback port (port 0), with in-process virtual cards on a virtual
 * reader board, its token and SQLite ledger in a temp data folder, and its log lines captured;
 * requests go through undici over real HTTP. Responses are checked against the schemas of the
 * OpenAPI document the agent serves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { request } from 'undici';
import { expect } from 'vitest';
import type { Agent, AgentOptions, VirtualReaderBoard } from '../../src/agent/index';
import { createAgent, createVirtualReaderBoard } from '../../src/agent/index';
import type { DemoCards } from '../../src/reader/index';
import { createDemoCards } from '../../src/reader/index';

/** The PIN of the test CPS: a value that cannot appear by chance in a log line. */
export const TEST_PIN = '86429753';

export interface TestAgent {
  readonly agent: Agent;
  readonly url: string;
  readonly token: string;
  readonly dir: string;
  readonly board: VirtualReaderBoard;
  readonly cards: DemoCards;
  readonly logs: string[];
  call(method: string, path: string, options?: { body?: unknown; raw?: string | Buffer; headers?: Record<string, string>; auth?: boolean }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string; json: unknown }>;
  close(): Promise<void>;
}

let cardsOnce: Promise<DemoCards> | undefined;

/**
 * Starts an agent.
 *
 * @param options - Extra agent options.
 * @returns The running agent and helpers.
 */
export async function startAgent(options: Partial<AgentOptions> = {}): Promise<TestAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'sesam-agent-'));
  // One RSA key generation per file; fresh readers per agent (card state is per reader).
  cardsOnce ??= createDemoCards({ pin: TEST_PIN });
  const shared = await cardsOnce;
  const cards = await createDemoCards({ pin: TEST_PIN, key: shared.cps.card.key });
  const board = createVirtualReaderBoard([cards.vitale, cards.cps]);
  const logs: string[] = [];
  const agent = await createAgent({ dataDir: join(dir, 'data'), port: 0, readers: board, log: { stream: { write: (l) => void logs.push(l) }, level: 'trace' }, clock: () => '2025-03-10T18:00:00+01:00', ...options });
  const url = await agent.listen();
  return {
    agent,
    url,
    token: agent.token,
    dir,
    board,
    cards,
    logs,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.auth === false ? {} : { authorization: `Bearer ${agent.token}` }), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers };
      const res = await request(`${url}${path}`, { method: method as 'GET', headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : o.raw !== undefined ? { body: o.raw } : {}) });
      const text = await res.body.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.statusCode, headers: res.headers, text, json };
    },
    async close() {
      await agent.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ajv = new Ajv2020({ strict: false, allErrors: true });

/**
 * Checks a JSON answer against the response schema the OpenAPI document gives for it.
 *
 * @param doc - The served document.
 * @param method - HTTP method.
 * @param path - The concrete path (without query).
 * @param status - The status received.
 * @param body - The parsed body.
 */
export function expectMatchesSchema(doc: Record<string, unknown>, method: string, path: string, status: number, body: unknown): void {
  const paths = doc['paths'] as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  const template = Object.keys(paths).find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  expect(template, `no path for ${path}`).toBeDefined();
  const op = paths[template as string]?.[method.toLowerCase()];
  expect(op, `no ${method} ${path}`).toBeDefined();
  const response = op?.responses[String(status)];
  expect(response, `${method} ${path}: status ${status} not documented`).toBeDefined();
  const schema = response?.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} ${status}: no JSON schema`).toBeDefined();
  const validate = ajv.compile(schema as object);
  expect(validate(body), `${method} ${path} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
}
