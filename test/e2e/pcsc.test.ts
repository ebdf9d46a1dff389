/**
 * End-to-end through a REAL pcscd + vsmartcard vpcd (LAB §3): virtual Vitale on "Virtual PCD 00 00"
 * (TCP 35963) and virtual CPS on "Virtual PCD 00 01" (TCP 35964), each in its own process.
 * Skipped with a printed reason when pcscd / vpcd / pcsclite are missing — never silently passed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCps, readerErrorCode, readCarteVitale, DEMO_BENEFICIAIRES } from '../../src/reader/index';
import type { CardAccess } from '../../src/reader/index';
import { createPcscClient } from '../../src/reader/pcsc/index';
import type { PcscClient, PcscEvent } from '../../src/reader/pcsc/index';
import { createCmsSecurer, derToPem } from '../../src/signature/index';
import { expectOk } from '../helpers/expectIssue';
import { pcscLabUnavailable, startPcscLab } from './support/pcscLab';
import type { CardProcess, PcscLab } from './support/pcscLab';

const reason = await pcscLabUnavailable();
if (reason !== undefined) console.warn(`[e2e/pcsc] SKIPPED: ${reason}`);

const VITALE_READER = 'Virtual PCD 00 00';
const CPS_READER = 'Virtual PCD 00 01';

describe.skipIf(reason !== undefined)('PC/SC end to end (pcscd + vpcd)', () => {
  let lab: PcscLab;
  let client: PcscClient;
  let vitale: CardProcess;
  let cps: CardProcess;
  const events: PcscEvent[] = [];

  beforeAll(async () => {
    lab = await startPcscLab();
    for (const n of lab.notes) console.warn(`[e2e/pcsc] ${n}`);
    client = await createPcscClient({ acquireTimeoutMs: 10_000 });
    client.onEvent((e) => events.push(e));
    [vitale, cps] = await Promise.all([lab.startCard('vitale', 35963), lab.startCard('cps', 35964)]);
    await client.waitFor((rs) => (rs.some((r) => r.family === 'vitale') && rs.some((r) => r.family === 'cps') ? rs[0] : undefined), 15_000);
  });

  afterAll(async () => {
    await client?.close();
    await lab?.stop();
    for (const pid of [lab?.pcscdPid, vitale?.pid, cps?.pid]) {
      if (pid === undefined) continue;
      expect(() => process.kill(pid, 0)).toThrow(); // nothing left behind
    }
  });

  it('lists readers with card kind and ATR, and tells which holds the Vitale and which the CPS', () => {
    const rs = client.listReaders();
    expect(rs.map((r) => r.name)).toEqual(expect.arrayContaining([VITALE_READER, CPS_READER]));
    expect(client.findReader('vitale')).toMatchObject({ name: VITALE_READER, kind: 'vitale2', atr: '3B751300004709EA9000' });
    expect(client.findReader('cps')).toMatchObject({ name: CPS_READER, kind: 'cps4', atr: '3B9B188001001225006480040100009044' });
    expect(events.filter((e) => e.type === 'card-inserted').length).toBeGreaterThanOrEqual(2);
  });

  it('reads the Vitale beneficiaries through pcscd (T=0: 61xx / 6Cxx handled)', async () => {
    const carte = expectOk(await readCarteVitale(client.card(VITALE_READER)));
    expect(carte.beneficiaires.map((b) => b.nir)).toEqual(DEMO_BENEFICIAIRES.map((b) => b.nir));
  });

  it('opens the CPS, verifies the PIN, signs an FSE in exactly 2 APDUs; openssl verifies the CMS', async () => {
    let transmits = 0;
    const base = client.card(CPS_READER);
    const counted: CardAccess = { reader: base.reader, exclusive: (fn, o) => base.exclusive((t) => fn({ reader: t.reader, atr: t.atr, transmit: (c) => (transmits++, t.transmit(c)) }), o) };
    const session = expectOk(await openCps(counted));
    expect(expectOk(await session.readPinCounters())).toEqual({ max: 3, left: 3 });
    expectOk(await session.verifyPin(new TextEncoder().encode('1234')));
    const payload = new TextEncoder().encode('FSE fictive 0001');
    const before = transmits;
    const r = await createCmsSecurer(session.signer).secure({ payload, kind: 'fse', reference: 'F-1', at: '2025-03-01T10:00:00Z' });
    expect(transmits - before).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'sesam-e2e-'));
    try {
      writeFileSync(join(dir, 's.p7s'), r.signature);
      writeFileSync(join(dir, 'd.bin'), payload);
      writeFileSync(join(dir, 'c.pem'), derToPem(session.certificate));
      execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', join(dir, 's.p7s'), '-content', join(dir, 'd.bin'), '-binary', '-CAfile', join(dir, 'c.pem'), '-purpose', 'any', '-out', '/dev/null'], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two callers never interleave APDUs on one card (fair FIFO)', async () => {
    const order: string[] = [];
    const job = (n: string) =>
      client.card(CPS_READER).exclusive(async (t) => {
        order.push(`${n}<`);
        await t.transmit(Uint8Array.of(0x00, 0xa4, 0x09, 0x0c, 0x02, 0xd0, 0x03));
        await t.transmit(Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x0c));
        order.push(`${n}>`);
      });
    await Promise.all([job('a'), job('b'), job('c')]);
    expect(order).toEqual(['a<', 'a>', 'b<', 'b>', 'c<', 'c>']);
  });

  it('a card pulled mid-transaction gives a card-removed event and a typed CARD_REMOVED error; re-insertion is seen', async () => {
    const removed = new Promise<PcscEvent>((resolve) => {
      const off = client.onEvent((e) => {
        if (e.type === 'card-removed' && e.reader === VITALE_READER) {
          off();
          resolve(e);
        }
      });
    });
    const p = client.card(VITALE_READER).exclusive(async (t) => {
      await t.transmit(Uint8Array.of(0x00, 0xa4, 0x00, 0x00, 0x02, 0x3f, 0x00));
      await vitale.stop('SIGKILL');
      await removed;
      return t.transmit(Uint8Array.of(0x00, 0xb0, 0x82, 0x00, 0x00));
    });
    await expect(p).rejects.toSatisfy((e) => readerErrorCode(e) === 'CARD_REMOVED');
    expect(await removed).toMatchObject({ duringTransaction: true });
    expect(client.findReader('vitale')).toBeUndefined();
    vitale = await lab.startCard('vitale', 35963);
    await client.waitForCard('vitale', 15_000);
    expect(expectOk(await readCarteVitale(client.card(VITALE_READER))).beneficiaires).toHaveLength(2);
  });
});
