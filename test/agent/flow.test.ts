/**
 * The day through the agent over real HTTP: readers, Vitale, CPS PIN, pricing, FSE build and
 * controls, numbering / securing / lots in the SQLite ledger of the data folder, the B2 file,
 * follow-up, sending through a real SMTP server (smtp-server on loopback) — every answer checked
 * against the OpenAPI document's schema; and the PIN and token never in the log lines.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_LOG_REDACT } from '../../src/agent/index';
import { createMailTransport, createMemoryOutboxStore, createOutbox } from '../../src/transport/index';
import { expectOk } from '../helpers/expectIssue';
import { FACTURE, INPUT } from '../fse/fixtures';
import { startTestSmtp } from '../transport/helpers/smtpServer';
import type { TestSmtp } from '../transport/helpers/smtpServer';
import type { TestAgent } from './helpers';
import { expectMatchesSchema, TEST_PIN, startAgent } from './helpers';

const codes = (json: unknown): string[] => ((json as { issues?: { code: string }[] }).issues ?? []).map((i) => i.code);

let t: TestAgent;
let doc: Record<string, unknown>;
/** Calls and checks the answer against the served schema. */
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string; headers: Record<string, unknown> }> {
  const r = await t.call(method, path, body === undefined ? {} : { body });
  if (r.json !== undefined) expectMatchesSchema(doc, method, path.split('?')[0] as string, r.status, r.json);
  return r as never;
}

beforeAll(async () => {
  t = await startAgent({ dashboard: () => '<!doctype html><html lang="fr"><title>Suivi</title><main>tableau</main></html>' });
  doc = t.agent.openApiDocument();
});
afterAll(async () => t.close());

describe('readers and cards', () => {
  it('lists the virtual readers with their cards', async () => {
    const r = await call('GET', '/v1/readers');
    expect(r.status).toBe(200);
    expect(r.json.readers.map((x: { family: string }) => x.family).sort()).toEqual(['cps', 'vitale']);
  });

  it('reads the Vitale card', async () => {
    const r = await call('POST', '/v1/cards/vitale/read');
    expect(r.status).toBe(200);
    expect(r.json.carte.beneficiaires).toHaveLength(2);
  });

  it('no lot before the CPS is opened (409 AGENT_CPS_NOT_OPEN)', async () => {
    const r = await call('POST', '/v1/lots', { items: [{ fse: { junk: true } }], dateCreation: '2025-03-10' });
    expect(r.status).toBe(409);
    expect(codes(r.json)).toEqual(['AGENT_CPS_NOT_OPEN']);
  });

  it('a wrong PIN is 422 PIN_WRONG (tries counted by the card), a malformed one PIN_FORMAT, neither echoed', async () => {
    const wrong = await call('POST', '/v1/cps/pin', { pin: '11112222' });
    expect(wrong.status).toBe(422);
    expect(codes(wrong.json)).toEqual(['PIN_WRONG']);
    expect(t.cards.cps.card.triesLeft()).toBe(2);
    const malformed = await call('POST', '/v1/cps/pin', { pin: '12a' });
    expect(malformed.status).toBe(422);
    expect(codes(malformed.json)).toEqual(['PIN_FORMAT']);
    expect(malformed.text).not.toContain('12a');
    expect(wrong.text).not.toContain('11112222');
    const long = await call('POST', '/v1/cps/pin', { pin: '9'.repeat(30) });
    expect(long.status).toBe(422);
    expect(long.text).not.toContain('9'.repeat(30));
  });

  it('the right PIN opens the CPS', async () => {
    const r = await call('POST', '/v1/cps/pin', { pin: TEST_PIN });
    expect(r.status).toBe(200);
    expect(r.json.cps.serialNumber).toMatch(/^\d+$/);
    expect(r.text).not.toContain(TEST_PIN);
    expect(t.cards.cps.card.triesLeft()).toBe(3);
  });
});

describe('pricing and FSE', () => {
  let fse: unknown;
  let dre: unknown;

  it('prices an invoice (computeFacture)', async () => {
    const r = await call('POST', '/v1/pricing', { facture: FACTURE });
    expect(r.status).toBe(200);
    expect(r.json.decompte.total.montantFacture).toEqual({ centimes: 3000 });
  });

  it('caller data with errors is 422 with the engine issues', async () => {
    const r = await call('POST', '/v1/pricing', { facture: { ...FACTURE, lignes: [{ code: 'NOPE', date: '2025-03-10', quantite: 1 }] } });
    expect(r.status).toBe(422);
    expect(r.json.issues.length).toBeGreaterThan(0);
  });

  it('builds the FSE and its DRE, and controls them', async () => {
    const built = await call('POST', '/v1/fse/build', { input: INPUT, dre: true });
    expect(built.status).toBe(200);
    fse = built.json.fse;
    dre = built.json.dre;
    expect(dre).toBeDefined();
    const checked = await call('POST', '/v1/fse/validate', { fse, dre, today: '2025-03-10' });
    expect(checked.status).toBe(200);
    const bad = await call('POST', '/v1/fse/validate', { fse: { ...(fse as object), totaux: null }, today: '2025-03-10' });
    expect(bad.status).toBe(422);
    expect(bad.json.issues[0].path[0]).toBe('fse');
  });

  it('numbers, secures with the CPS, lots and writes the files; a second time is a duplicate', async () => {
    const r = await call('POST', '/v1/lots', { items: [{ fse, dre }], dateCreation: '2025-03-10', marquage: 'T' });
    expect(r.status).toBe(200);
    expect(r.json.numbered).toHaveLength(1);
    expect(r.json.files.map((f: { kind: string }) => f.kind).sort()).toEqual(['dre', 'fse']);
    expect(r.json.files.every((f: { queued: boolean }) => !f.queued)).toBe(true);
    const file = await t.call('GET', `/v1/files/${r.json.files[0].fileId}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.byteLength(file.text, 'latin1') % 128).toBe(0);
    const again = await call('POST', '/v1/lots', { items: [{ fse, dre }], dateCreation: '2025-03-10', marquage: 'T' });
    expect(again.status).toBe(200);
    expect(again.json.rejected[0].issues.map((i: { code: string }) => i.code)).toContain('LEDGER_DUPLICATE');
  });

  it('an unknown file id is 422', async () => {
    const r = await call('GET', '/v1/files/ZZZZZZ');
    expect(r.status).toBe(422);
  });
});

describe('follow-up', () => {
  it('lists invoices by state, AMO and AMC apart', async () => {
    const amo = await call('GET', '/v1/invoices?state=en_lot');
    expect(amo.json.invoices).toHaveLength(1);
    const amc = await call('GET', '/v1/invoices?state=en_lot&part=amc');
    expect(amc.json.invoices).toHaveLength(1);
    const none = await call('GET', '/v1/invoices?state=payee');
    expect(none.json.invoices).toHaveLength(0);
    const bad = await call('GET', '/v1/invoices?state=nope');
    expect(bad.status).toBe(422);
    expect(codes(bad.json)).toEqual(['AGENT_REQUEST_INVALID']);
  });

  it('the watchdog flags the invoice never transmitted', async () => {
    const r = await call('GET', '/v1/followup/watchdog?today=2025-04-30');
    expect(r.status).toBe(200);
    expect(r.json.today).toBe('2025-04-30');
    expect(r.json.alerts.some((a: { kind: string }) => a.kind === 'non_transmise')).toBe(true);
  });

  it('tiers-payant follow-up and returns', async () => {
    expect((await call('GET', '/v1/followup/tiers-payant')).status).toBe(200);
    const r = await call('GET', '/v1/returns');
    expect(r.json).toEqual({ returns: [] });
  });

  it('sending without a configured outbox is 503 AGENT_NOT_CONFIGURED', async () => {
    const r = await call('POST', '/v1/send');
    expect(r.status).toBe(503);
    expect(codes(r.json)).toEqual(['AGENT_NOT_CONFIGURED']);
  });

  it('the dashboard hook serves its HTML', async () => {
    const r = await t.call('GET', '/dashboard');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.text).toContain('<main>');
  });

  it('pulling the CPS out closes it: the PIN must be presented again', async () => {
    t.board.remove(t.cards.cps.name);
    const r = await call('POST', '/v1/lots', { items: [{ fse: {} }], dateCreation: '2025-03-10' });
    expect(r.status).toBe(409);
    t.board.insert(t.cards.cps.name);
  });
});

describe('logs', () => {
  it('the PIN and the token never reach the log lines (which do record the requests)', () => {
    const text = t.logs.join('');
    expect(text).toContain('/v1/cps/pin');
    expect(text).not.toContain(TEST_PIN);
    expect(text).not.toContain('11112222');
    expect(text).not.toContain(t.token);
  });

  it('the redaction paths mask a PIN, a token and a body wherever a log record would carry them', () => {
    const lines: string[] = [];
    const log = pino({ redact: { paths: [...AGENT_LOG_REDACT], censor: '[masqué]' } }, { write: (l: string) => void lines.push(l) });
    log.info({ req: { headers: { authorization: `Bearer ${t.token}` }, body: { pin: TEST_PIN } } }, 'request');
    log.info({ pin: TEST_PIN, body: { pin: TEST_PIN }, cps: { pin: TEST_PIN }, a: { b: { pin: TEST_PIN } }, token: t.token }, 'state');
    const text = lines.join('');
    expect(text).not.toContain(TEST_PIN);
    expect(text).not.toContain(t.token);
    expect(text.match(/\[masqué\]/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it('a handler error is logged without the request body', async () => {
    const before = t.logs.length;
    const r = await call('POST', '/v1/cps/pin', { pin: TEST_PIN, extra: TEST_PIN });
    expect([200, 422]).toContain(r.status);
    expect(t.logs.slice(before).join('')).not.toContain(TEST_PIN);
  });
});

describe('sending through SMTP', () => {
  let smtp: TestSmtp;
  let s: TestAgent;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    const transport = expectOk(createMailTransport({ smtp: { host: '127.0.0.1', port: smtp.port, timeoutMs: 5000 }, imap: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' } }, from: 'cabinet@ps.test' }));
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport }));
    s = await startAgent({ send: { outbox, destinationOf: (f) => (f.kind === 'fse' ? `caisse-${f.destinataire}@cpam.test` : undefined) } });
  });
  afterAll(async () => {
    await s.close();
    await smtp.stop();
  });

  it('queues the FSE file, sends it, and the invoice turns transmise', async () => {
    const sdoc = s.agent.openApiDocument();
    expect((await s.call('POST', '/v1/cps/pin', { body: { pin: TEST_PIN } })).status).toBe(200);
    const built = (await s.call('POST', '/v1/fse/build', { body: { input: INPUT, dre: true } })).json as { fse: unknown; dre: unknown };
    const lots = await s.call('POST', '/v1/lots', { body: { items: [built], dateCreation: '2025-03-10', marquage: 'T' } });
    expect(lots.status).toBe(200);
    const files = (lots.json as { files: { kind: string; queued: boolean; fileId: string }[] }).files;
    expect(files.find((f) => f.kind === 'fse')?.queued).toBe(true);
    expect(files.find((f) => f.kind === 'dre')?.queued).toBe(false);
    const outbox = await s.call('GET', '/v1/outbox');
    expectMatchesSchema(sdoc, 'GET', '/v1/outbox', 200, outbox.json);
    expect((outbox.json as { entries: unknown[] }).entries).toHaveLength(1);
    const sent = await s.call('POST', '/v1/send');
    expectMatchesSchema(sdoc, 'POST', '/v1/send', 200, sent.json);
    expect((sent.json as { sent: { fileId: string }[] }).sent.map((x) => x.fileId)).toEqual([files.find((f) => f.kind === 'fse')?.fileId]);
    expect(smtp.received).toHaveLength(1);
    const invoices = await s.call('GET', '/v1/invoices?state=transmise');
    expect((invoices.json as { invoices: unknown[] }).invoices).toHaveLength(1);
  });
});
