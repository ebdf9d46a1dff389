/**
 * The INSi client against a local HTTPS server (node:https) that REQUIRES a client certificate
 * signed by its test CA. Certificates are made with openssl in a temp dir (ECDSA P-256). Real
 * TLS, real sockets; only the téléservice's answers are canned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInsiClient } from '../../src/insi/node/index';
import type { InsiClientConfig } from '../../src/insi/node/index';
import type { InsiContexte } from '../../src/insi/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { CR00, CR01, CR02, FAULT_IDAM } from './responses';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'insi-tls-'));
const pem: Record<string, string> = {};
let server: Server | undefined;
let url = '';
const received: string[] = [];

function ssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

function makeCa(name: string): void {
  ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`);
}

function makeLeaf(name: string, ca: string, ext: string): void {
  ssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  writeFileSync(join(dir, `${name}.ext`), ext);
  ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
}

const CONTEXTE: InsiContexte = { emetteur: '10B0152872', idam: 'TEST0001', version: '0.3.0', nomLogiciel: 'sesam-billing-test', instance: '3f0d2c1a-0000-4000-8000-000000000001' };
const traits = (nom: string) => ({ mode: 'traits' as const, nomNaissance: nom, prenoms: ['JEANNE'], sexe: 'F', dateNaissance: '1979-03-28' });
const FIXED = { clock: () => '2025-03-10T09:00:00+01:00', newMessageId: () => 'uuid:00000000-0000-4000-8000-000000000001' };

function client(overrides: Partial<InsiClientConfig> = {}) {
  return expectOk(createInsiClient({ url, tls: { cert: pem['client.crt']!, key: pem['client.key']!, ca: pem['ca.crt']! }, contexte: CONTEXTE, timeoutMs: 2000, ...FIXED, ...overrides }));
}

const run = describe.skipIf(!hasOpenssl);

run('createInsiClient over mutual TLS', () => {
  beforeAll(async () => {
    makeCa('ca');
    makeCa('rogue');
    makeLeaf('server', 'ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    makeLeaf('client', 'ca', 'extendedKeyUsage=clientAuth\n');
    makeLeaf('intruder', 'rogue', 'extendedKeyUsage=clientAuth\n');
    for (const f of ['ca.crt', 'server.crt', 'server.key', 'client.crt', 'client.key', 'intruder.crt', 'intruder.key']) pem[f] = readFileSync(join(dir, f), 'utf8');
    server = createServer({ key: pem['server.key'], cert: pem['server.crt'], ca: pem['ca.crt'], requestCert: true, rejectUnauthorized: true }, (req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push(`${String(req.headers['content-type'])}\n${body}`);
        const send = (status: number, xml: string): void => {
          res.writeHead(status, { 'Content-Type': 'application/soap+xml; charset=utf-8' });
          res.end(xml);
        };
        if (body.includes('>UN<')) send(200, CR00);
        else if (body.includes('>AUCUN<')) send(200, CR01);
        else if (body.includes('>PLUSIEURS<')) send(200, CR02);
        else if (body.includes('>FAUTE<')) send(500, FAULT_IDAM);
        else if (body.includes('>HTML<')) send(502, 'Bad gateway');
        // >LENT<: never answers
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server!.address() as AddressInfo).port}/lps`;
  }, 60_000);

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets CR 00 with the identity, and sends a SOAP 1.2 request with the action', async () => {
    const r = expectOk(await client().rechercher(traits('UN')));
    expect(r.codeCr).toBe('00');
    if (r.codeCr === '00') expect(r.identite.ins.matricule).toBe('279036322012369');
    const last = received[received.length - 1]!;
    expect(last).toContain('application/soap+xml; charset=utf-8; action="urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite"');
    expect(last).toContain('<ctxbam:Temps>2025-03-10T09:00:00+01:00</ctxbam:Temps>');
  });

  it('gets CR 01 and 02', async () => {
    expect(expectOk(await client().rechercher(traits('AUCUN'))).codeCr).toBe('01');
    expect(expectOk(await client().rechercher(traits('PLUSIEURS'))).codeCr).toBe('02');
  });

  it('turns a SOAP fault (HTTP 500) into INSI_SOAP_FAULT', async () => {
    expectIssue(await client().rechercher(traits('FAUTE')), 'INSI_SOAP_FAULT');
  });

  it('reports a non-SOAP HTTP answer', async () => {
    expectIssue(await client().rechercher(traits('HTML')), 'INSI_HTTP_STATUS');
  });

  it('times out', async () => {
    expectIssue(await client({ timeoutMs: 300 }).rechercher(traits('LENT')), 'INSI_TIMEOUT');
  });

  it('is refused without a client certificate the server trusts', async () => {
    expectIssue(await client({ tls: { cert: pem['intruder.crt']!, key: pem['intruder.key']!, ca: pem['ca.crt']! } }).rechercher(traits('UN')), 'INSI_TRANSPORT');
  });

  it('refuses a server its CA does not sign', async () => {
    expectIssue(await client({ tls: { cert: pem['client.crt']!, key: pem['client.key']!, ca: pem['intruder.crt']! } }).rechercher(traits('UN')), 'INSI_TRANSPORT');
  });

  it('does not send an invalid search', async () => {
    const before = received.length;
    expectIssue(await client().rechercher({ ...traits('UN'), prenoms: [] }), 'INPUT_RANGE', ['recherche', 'prenoms']);
    expect(received.length).toBe(before);
  });
});

describe('createInsiClient configuration and injected fetch', () => {
  it('guards its configuration', () => {
    expectIssue(createInsiClient({} as never), 'INPUT_MISSING', ['config', 'url']);
    expectIssue(createInsiClient({ url: 'https://x.invalid', contexte: CONTEXTE } as never), 'INPUT_MISSING', ['config', 'tls']);
    for (const junk of [null, 1, 'x', [], () => 1]) expect(createInsiClient(junk as never).ok).toBe(false);
  });

  it('uses an injected fetch (then no TLS material is needed)', async () => {
    const c = expectOk(createInsiClient({ url: 'https://insi.test/lps', contexte: CONTEXTE, ...FIXED, fetch: async () => ({ status: 200, text: async () => CR01 }) }));
    expect(expectOk(await c.rechercher(traits('X'))).codeCr).toBe('01');
    const failing = expectOk(createInsiClient({ url: 'https://insi.test/lps', contexte: CONTEXTE, fetch: async () => Promise.reject(new Error('ECONNREFUSED')) }));
    expectIssue(await failing.rechercher(traits('X')), 'INSI_TRANSPORT');
  });
});

describe('properties', () => {
  it('createInsiClient never throws on junk', async () => {
    const { fc } = await import('@fast-check/vitest');
    fc.assert(fc.property(fc.anything(), (a) => typeof createInsiClient(a as never).ok === 'boolean'));
  });
});
