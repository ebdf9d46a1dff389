/**
 * "Bad input never throws" for the agent's exported functions: junk gives a value or a
 * SesamError (programmer input), never a TypeError. `createAgent` is fed junk that never holds a
 * `dataDir` (junk paths would create folders); `loadAgentToken` only non-strings.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, createAgent, createVirtualReaderBoard, isLoopbackHost, loadAgentToken } from '../../src/agent/index';
import { junkArb, junkValues, outcomeOf } from '../helpers/junk';
import { runs } from '../helpers/runs';

const PURE: Record<string, (...args: unknown[]) => unknown> = {
  buildOpenApiDocument: buildOpenApiDocument as never,
  createVirtualReaderBoard: createVirtualReaderBoard as never,
  isLoopbackHost: isLoopbackHost as never,
};

describe('agent: exported functions never crash on junk', () => {
  it('fixed junk as 1, 2 and 3 arguments', async () => {
    const crashes: string[] = [];
    for (const [name, fn] of Object.entries(PURE)) {
      for (const j of junkValues()) {
        for (const args of [[j], [j, j], [j, j, j]]) {
          const o = await outcomeOf(fn, args);
          if (o.kind === 'crash' || o.kind === 'hang') crashes.push(`${name}: ${o.kind} ${String((o as { error?: Error }).error?.message ?? '')}`);
        }
      }
    }
    expect([...new Set(crashes)]).toEqual([]);
  });

  it('createAgent and loadAgentToken: junk is a SesamError, nothing listens, nothing is written', async () => {
    for (const j of junkValues()) {
      const o = await outcomeOf(createAgent as never, [j]);
      expect(o.kind, typeof j).toBe('sesam');
      if (typeof j !== 'string') expect((await outcomeOf(loadAgentToken as never, [j])).kind).toBe('sesam');
    }
  });

  it('the board refuses junk readers and unknown names with a SesamError', () => {
    const board = createVirtualReaderBoard();
    for (const j of junkValues()) {
      for (const f of [() => board.plug(j as never), () => board.insert(j as never), () => board.remove(j as never), () => board.unplug(j as never)]) {
        expect(f).toThrow(expect.objectContaining({ name: 'SesamError' }));
      }
    }
  });
});

describe('properties', () => {
  test.prop([junkArb, junkArb], { numRuns: runs(300) })('buildOpenApiDocument and isLoopbackHost never crash', async (a, b) => {
    for (const fn of [buildOpenApiDocument, isLoopbackHost] as ((...x: unknown[]) => unknown)[]) {
      const o = await outcomeOf(fn, [a, b]);
      expect(['value', 'sesam']).toContain(o.kind);
    }
  });

  test.prop([fc.array(fc.record({ method: fc.constantFrom('GET', 'POST', 'DELETE'), url: fc.stringMatching(/^\/[a-z0-9/:{}_-]{0,30}$/), schema: fc.object() }), { maxLength: 10 })], { numRuns: runs(200) })(
    'any well-typed route list gives a document with one path per distinct url',
    (routes) => {
      const doc = buildOpenApiDocument(routes as never, { title: 't', version: '1' }) as { paths: Record<string, unknown> };
      const urls = new Set(routes.map((r) => r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')));
      expect(new Set(Object.keys(doc.paths))).toEqual(urls);
    },
  );
});
