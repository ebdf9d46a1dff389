/**
 * The agent's guards over real HTTP (undici → the listening agent): token, Origin, Host, body
 * size, JSON, rate limit — every refusal fails closed with `{ issues }` — and the token file.
 */
import { chmodSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_TOKEN_FILE, createAgent, loadAgentToken } from '../../src/agent/index';
import { bearerOf, tokenMatches } from '../../src/agent/token';
import { createMemoryLedger } from '../../src/ledger/index';
import { runs } from '../helpers/runs';
import type { TestAgent } from './helpers';
import { expectMatchesSchema, startAgent } from './helpers';

const PMS = 'https://pms.example.test';
let t: TestAgent;
let doc: Record<string, unknown>;

beforeAll(async () => {
  t = await startAgent({ allowedOrigins: [PMS, 'http://localhost:3000'] });
  doc = (await t.call('GET', '/openapi.json', { auth: false })).json as Record<string, unknown>;
});
afterAll(async () => t.close());

const codes = (json: unknown): string[] => ((json as { issues?: { code: string }[] }).issues ?? []).map((i) => i.code);

describe('token (Bearer)', () => {
  it('a missing token is 401 AGENT_UNAUTHORIZED with WWW-Authenticate', async () => {
    const r = await t.call('GET', '/v1/readers', { auth: false });
    expect(r.status).toBe(401);
    expect(codes(r.json)).toEqual(['AGENT_UNAUTHORIZED']);
    expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    expectMatchesSchema(doc, 'GET', '/v1/readers', 401, r.json);
  });

  it('a wrong token, another scheme or the token in the query are 401', async () => {
    for (const authorization of [`Bearer ${t.token.slice(0, -1)}x`, `Basic ${t.token}`, `Bearer ${t.token} extra`, 'Bearer']) {
      const r = await t.call('GET', '/v1/readers', { auth: false, headers: { authorization } });
      expect(r.status, authorization.slice(0, 12)).toBe(401);
    }
    expect((await t.call('GET', `/v1/readers?access_token=${t.token}`, { auth: false })).status).toBe(401);
  });

  it('the right token passes; /health and /openapi.json need none', async () => {
    expect((await t.call('GET', '/v1/readers')).status).toBe(200);
    expect((await t.call('GET', '/health', { auth: false })).json).toEqual({ status: 'ok' });
    expect((await t.call('GET', '/openapi.json', { auth: false })).status).toBe(200);
  });

  it('an unknown route is 401 without the token, 404 AGENT_NOT_FOUND with it', async () => {
    expect((await t.call('GET', '/v1/nothing', { auth: false })).status).toBe(401);
    const r = await t.call('GET', '/v1/nothing');
    expect(r.status).toBe(404);
    expect(codes(r.json)).toEqual(['AGENT_NOT_FOUND']);
  });
});

describe('Origin allow-list and CORS', () => {
  it('a hostile Origin is 403 even with the token, and gets no CORS header', async () => {
    for (const origin of ['https://evil.example', 'null', 'https://pms.example.test.evil.example', 'http://pms.example.test', `${PMS}:443`]) {
      const r = await t.call('GET', '/v1/readers', { headers: { origin } });
      expect(r.status, origin).toBe(403);
      expect(codes(r.json)).toEqual(['AGENT_ORIGIN_FORBIDDEN']);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('a hostile Origin cannot present a PIN nor price (POST refused before the body is read)', async () => {
    const r = await t.call('POST', '/v1/cps/pin', { body: { pin: '0000' }, headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(403);
    expect(t.cards.cps.card.triesLeft()).toBe(3);
  });

  it('an allowed Origin gets its own origin back (never *), Vary: Origin', async () => {
    const r = await t.call('GET', '/v1/readers', { headers: { origin: PMS } });
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe(PMS);
    expect(String(r.headers['vary'])).toMatch(/Origin/);
  });

  it('an allowed Origin still needs the token', async () => {
    const r = await t.call('GET', '/v1/readers', { auth: false, headers: { origin: PMS } });
    expect(r.status).toBe(401);
  });

  it('preflight: 204 for an allowed origin (no token needed), 403 for another', async () => {
    const ok = await t.call('OPTIONS', '/v1/pricing', { auth: false, headers: { origin: PMS, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(PMS);
    expect(String(ok.headers['access-control-allow-headers'])).toMatch(/authorization/);
    expect(ok.headers['access-control-allow-private-network']).toBeUndefined();
    const pna = await t.call('OPTIONS', '/v1/pricing', { auth: false, headers: { origin: PMS, 'access-control-request-method': 'POST', 'access-control-request-private-network': 'true' } });
    expect(pna.headers['access-control-allow-private-network']).toBe('true');
    const bad = await t.call('OPTIONS', '/v1/pricing', { auth: false, headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-private-network': 'true' } });
    expect(bad.headers['access-control-allow-private-network']).toBeUndefined();
    expect(bad.status).toBe(403);
    expect(bad.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a request without Origin (a non-browser client) passes with the token and gets no CORS header', async () => {
    const r = await t.call('GET', '/v1/readers');
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('Host (DNS rebinding)', () => {
  it('a Host that is not a loopback name is 403 AGENT_HOST_FORBIDDEN', async () => {
    const r = await t.call('GET', '/v1/readers', { headers: { host: 'attacker.example:8787' } });
    expect(r.status).toBe(403);
    expect(codes(r.json)).toEqual(['AGENT_HOST_FORBIDDEN']);
    expect((await t.call('GET', '/v1/readers', { headers: { host: `localhost:${new URL(t.url).port}` } })).status).toBe(200);
  });
});

describe('body', () => {
  it('an oversized body is 413 AGENT_BODY_TOO_LARGE (with the token); 401 without it', async () => {
    const big = { facture: { junk: 'x'.repeat(1024 * 1024 + 10) } };
    const r = await t.call('POST', '/v1/pricing', { body: big });
    expect(r.status).toBe(413);
    expect(codes(r.json)).toEqual(['AGENT_BODY_TOO_LARGE']);
    expectMatchesSchema(doc, 'POST', '/v1/pricing', 413, r.json);
    expect((await t.call('POST', '/v1/pricing', { body: big, auth: false })).status).toBe(401);
  });

  it('invalid JSON is 422 AGENT_JSON_INVALID; another content type is 415', async () => {
    const r = await t.call('POST', '/v1/pricing', { raw: '{"facture": ', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(422);
    expect(codes(r.json)).toEqual(['AGENT_JSON_INVALID']);
    const form = await t.call('POST', '/v1/pricing', { raw: 'facture=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
  });

  it('a body of the wrong shape is 422 AGENT_REQUEST_INVALID with its path', async () => {
    const r = await t.call('POST', '/v1/pricing', { body: { nothing: 1 } });
    expect(r.status).toBe(422);
    expect(codes(r.json)).toEqual(['AGENT_REQUEST_INVALID']);
    expectMatchesSchema(doc, 'POST', '/v1/pricing', 422, r.json);
  });
});

describe('rate limit', () => {
  it('past the limit: 429 AGENT_RATE_LIMITED with Retry-After, even without a token', async () => {
    const small = await startAgent({ rateLimit: { max: 5, timeWindowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await small.call('GET', '/v1/readers', { auth: i % 2 === 0 })).status);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      const r = await small.call('GET', '/v1/readers');
      expect(r.status).toBe(429);
      expect(codes(r.json)).toEqual(['AGENT_RATE_LIMITED']);
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expectMatchesSchema(small.agent.openApiDocument(), 'GET', '/v1/readers', 429, r.json);
    } finally {
      await small.close();
    }
  });
});

describe('binding and token file', () => {
  it('a non-loopback address is refused unless allowNonLoopback', async () => {
    await expect(createAgent({ host: '0.0.0.0', token: 'a'.repeat(40), ledger: createMemoryLedger() })).rejects.toMatchObject({ code: 'ASSERTION' });
    await expect(createAgent({ host: '192.0.2.1', token: 'a'.repeat(40), ledger: createMemoryLedger() })).rejects.toMatchObject({ code: 'ASSERTION' });
    const remote = await createAgent({ host: '0.0.0.0', allowNonLoopback: true, port: 0, token: 'a'.repeat(40), ledger: createMemoryLedger() });
    await remote.close();
  });

  it('malformed options are ASSERTION, never a listening agent', async () => {
    for (const bad of [{ allowedOrigins: ['*'] }, { allowedOrigins: ['https://pms.test/path'] }, { token: 'short', ledger: createMemoryLedger() }, { port: 70000, dataDir: '/tmp/x' }, {}]) {
      await expect(createAgent(bad as never)).rejects.toMatchObject({ code: 'ASSERTION' });
    }
  });

  it('the token is created once with mode 0600 and read back', async () => {
    const file = join(t.dir, 'data', AGENT_TOKEN_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await loadAgentToken(join(t.dir, 'data'));
    expect(again.token).toBe(t.token);
  });

  it('a token file readable by others, a symlink or junk is refused, never rewritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesam-token-'));
    try {
      const file = join(dir, AGENT_TOKEN_FILE);
      writeFileSync(file, `${'b'.repeat(43)}\n`);
      chmodSync(file, 0o644);
      await expect(loadAgentToken(dir)).rejects.toMatchObject({ code: 'IO' });
      chmodSync(file, 0o600);
      expect((await loadAgentToken(dir)).token).toBe('b'.repeat(43));
      const other = mkdtempSync(join(tmpdir(), 'sesam-token-'));
      symlinkSync(file, join(other, AGENT_TOKEN_FILE));
      await expect(loadAgentToken(other)).rejects.toMatchObject({ code: 'IO' });
      rmSync(other, { recursive: true, force: true });
      writeFileSync(file, 'not a token');
      await expect(loadAgentToken(dir)).rejects.toMatchObject({ code: 'IO' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('properties', () => {
  test.prop([fc.string({ maxLength: 200 })], { numRuns: runs(200) })('tokenMatches accepts only the token itself', (s) => {
    const token = 'T'.repeat(43);
    expect(tokenMatches(s, token)).toBe(s === token);
    expect(tokenMatches(token, token)).toBe(true);
  });

  test.prop([fc.anything()], { numRuns: runs(200) })('bearerOf and tokenMatches never throw on junk', (v) => {
    expect(() => bearerOf(v)).not.toThrow();
    expect(tokenMatches(v, 'T'.repeat(43))).toBe(false);
  });

  test.prop([fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !/[\r\n\0]/.test(s) && s !== PMS && s !== 'http://localhost:3000')], { numRuns: runs(20) })(
    'any Origin not listed is refused with 403',
    async (origin) => {
      const r = await t.call('GET', '/v1/readers', { headers: { origin } }).catch(() => ({ status: 403 }));
      expect(r.status).toBe(403);
    },
  );
});
