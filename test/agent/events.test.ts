/**
 * Reader and card events over Server-Sent Events, read with undici from the listening agent
 * while virtual readers and cards come and go on the board.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCards } from '../../src/reader/index';
import type { TestAgent } from './helpers';
import { startAgent, TEST_PIN } from './helpers';

interface SseEvent {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: any;
}

/** Opens the stream and returns a reader of parsed events. */
async function openStream(t: TestAgent, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; next(count: number): Promise<SseEvent[]>; close(): void }> {
  const controller = new AbortController();
  const res = await request(`${t.url}/v1/readers/events`, { headers: { authorization: `Bearer ${t.token}`, ...headers }, signal: controller.signal });
  const events: SseEvent[] = [];
  let buffer = '';
  let wake: (() => void) | undefined;
  void (async () => {
    try {
      for await (const chunk of res.body) {
        buffer += chunk.toString();
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.startsWith(':')) continue;
          const fields = Object.fromEntries(block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
          events.push({ id: fields['id'], event: fields['event'] ?? 'message', data: JSON.parse(fields['data'] ?? 'null') });
          wake?.();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.statusCode,
    headers: res.headers,
    async next(count) {
      while (events.length < count) await new Promise<void>((resolve) => (wake = resolve));
      return events.splice(0, count);
    },
    close: () => controller.abort(),
  };
}

let t: TestAgent;
beforeAll(async () => {
  t = await startAgent({ allowedOrigins: ['https://pms.example.test'] });
});
afterAll(async () => t.close());

describe('GET /v1/readers/events', () => {
  it('starts with the readers, then streams card and reader events as they happen', async () => {
    const s = await openStream(t);
    expect(s.status).toBe(200);
    expect(String(s.headers['content-type'])).toMatch(/^text\/event-stream/);
    const [first] = await s.next(1);
    expect(first?.event).toBe('readers');
    expect(first?.data.readers).toHaveLength(2);

    t.board.remove(t.cards.vitale.name);
    t.board.insert(t.cards.vitale.name);
    const extra = await createDemoCards({ pin: TEST_PIN, key: t.cards.cps.card.key });
    const other = { ...extra.vitale, name: 'Lecteur 2 (virtuel)' };
    t.board.plug(other as never);
    t.board.unplug('Lecteur 2 (virtuel)');
    const got = await s.next(6);
    expect(got.map((e) => `${e.event} ${e.data.reader}`)).toEqual([
      `card-removed ${t.cards.vitale.name}`,
      `card-inserted ${t.cards.vitale.name}`,
      'reader-added Lecteur 2 (virtuel)',
      'card-inserted Lecteur 2 (virtuel)',
      'card-removed Lecteur 2 (virtuel)',
      'reader-removed Lecteur 2 (virtuel)',
    ]);
    expect(got[1]?.data).toMatchObject({ type: 'card-inserted', family: 'vitale', kind: 'vitale2' });
    expect(got.map((e) => Number(e.id))).toEqual([2, 3, 4, 5, 6, 7]);
    s.close();
  });

  it('two clients each receive every event; a closed client is unsubscribed', async () => {
    const a = await openStream(t);
    const b = await openStream(t);
    await a.next(1);
    await b.next(1);
    a.close();
    await new Promise((r) => setTimeout(r, 50));
    t.board.remove(t.cards.cps.name);
    const [e] = await b.next(1);
    expect(e?.event).toBe('card-removed');
    t.board.insert(t.cards.cps.name);
    expect((await b.next(1))[0]?.event).toBe('card-inserted');
    b.close();
  });

  it('an allowed browser origin gets the CORS header on the stream; without the token it is 401', async () => {
    const s = await openStream(t, { origin: 'https://pms.example.test' });
    expect(s.headers['access-control-allow-origin']).toBe('https://pms.example.test');
    s.close();
    const r = await request(`${t.url}/v1/readers/events`);
    expect(r.statusCode).toBe(401);
    await r.body.text();
    const hostile = await request(`${t.url}/v1/readers/events`, { headers: { authorization: `Bearer ${t.token}`, origin: 'https://evil.example' } });
    expect(hostile.statusCode).toBe(403);
    await hostile.body.text();
  });

  it('closing the agent ends the open streams', async () => {
    const own = await startAgent();
    const s = await openStream(own);
    await s.next(1);
    await own.close();
    s.close();
  });
});
