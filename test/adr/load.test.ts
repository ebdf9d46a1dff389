/**
 * Bounded load test: 2 000 CLC calls (scaled by SESAM_PROP_SCALE through runs()) at concurrency
 * 16 over real mutual TLS against the local services. Asserts outcomes only (every call
 * guaranteed, one server hit per call: no retry of a CLC), never a duration — latency figures are
 * printed by bench/adr.bench.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdrClient, createServiceTransport } from '../../src/adr/node/index';
import type { AmcResolue } from '../../src/adr/index';
import { ADHERENTS, createTestPki, hasOpenssl, startLocalServices } from '../../src/simulator/services/index';
import type { LocalServices, TestPki } from '../../src/simulator/services/index';
import { expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { CLE, d, DECOMPTE, demande } from './fixtures';

describe.skipIf(!hasOpenssl())('load: CLC at concurrency 16', () => {
  let pki: TestPki;
  let services: LocalServices;

  beforeAll(async () => {
    pki = createTestPki();
    services = await startLocalServices({ pki });
  }, 60_000);

  afterAll(async () => {
    await services?.close();
    pki?.dispose();
  });

  it('answers every call with a guarantee', async () => {
    const transport = expectOk(createServiceTransport({ tls: { ...pki.client, ca: pki.ca }, connections: 16, timeoutMs: 30_000 }));
    const adr = expectOk(createAdrClient({ transport, annuaireUrl: services.urls.annuaire }));
    const amc: AmcResolue = expectOk(await adr.rechercherAmc(CLE, { dateSoins: d('2025-03-10') }));
    const total = runs(2000);
    const before = services.calls['/amc/clc'] ?? 0;
    let next = 0;
    let garantis = 0;
    const failures: string[] = [];
    const worker = async (): Promise<void> => {
      while (next < total) {
        next += 1;
        const r = await adr.clc(amc, DECOMPTE, { ...demande(ADHERENTS.garanti), referenceIdb: 'IDB-LOAD' });
        if (r.ok && r.value.guarantee.statut === 'garanti') garantis += 1;
        else failures.push(r.issues.map((i) => i.code).join(','));
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await transport.close();
    expect(failures).toEqual([]);
    expect(garantis).toBe(total);
    expect((services.calls['/amc/clc'] ?? 0) - before).toBe(total);
  }, 300_000);
});
