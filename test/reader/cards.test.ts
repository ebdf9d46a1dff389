import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { unwrap } from '../../src/core/issues/index';
import {
  createCardQueue,
  createDemoCards,
  createVirtualCps,
  createVirtualCpsKey,
  createVirtualReader,
  createVirtualVitale,
  DEMO_BENEFICIAIRES,
  openCps,
  readerErrorCode,
  readCarteVitale,
} from '../../src/reader/index';
import type { ApduTraceEntry, CardAccess, CardTransport, VirtualCpsKey } from '../../src/reader/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';

const sharedKey: VirtualCpsKey = await createVirtualCpsKey();
const key = () => sharedKey;
const pinBytes = (s: string) => new TextEncoder().encode(s);

/** Counts raw transmits through a CardAccess (what reaches the card). */
function counting(access: CardAccess): { access: CardAccess; count: () => number } {
  let n = 0;
  return {
    access: {
      reader: access.reader,
      exclusive: (fn, o) => access.exclusive((t: CardTransport) => fn({ ...t, reader: t.reader, atr: t.atr, transmit: (c) => (n++, t.transmit(c)) }), o),
    },
    count: () => n,
  };
}

const demoVitale = () => createVirtualReader(createVirtualVitale({ beneficiaires: DEMO_BENEFICIAIRES }));

describe('Vitale 2', () => {
  it('reads the beneficiaries through T=0 (61xx / 6Cxx) with validated NIRs', async () => {
    const demo = await createDemoCards({ key: key() });
    const trace: ApduTraceEntry[] = [];
    const carte = expectOk(await readCarteVitale(demo.vitale.access, { trace: (e) => trace.push(e) }));
    expect(carte.debutValidite).toBe('2024-01-01');
    expect(carte.beneficiaires.map((b) => [b.nom, b.prenom, b.nir, b.dateNaissance])).toEqual(
      DEMO_BENEFICIAIRES.map((b) => [b.nom, b.prenom, b.nir, `${b.dateNaissance.slice(0, 4)}-${b.dateNaissance.slice(4, 6)}-${b.dateNaissance.slice(6)}`]),
    );
    expect(trace.some((e) => e.sw.startsWith('6C'))).toBe(true);
    expect(trace.some((e) => e.sw.startsWith('61'))).toBe(true);
  });
  it('reports a bad NIR key and a lunar birth date as issues, not throws', async () => {
    const card = createVirtualVitale({ beneficiaires: [{ nom: 'X', prenom: 'Y', dateNaissance: '19800100', nir: '180019999900199' }] });
    const r = await readCarteVitale(createVirtualReader(card).access);
    expectIssue(r, 'CARD_NIR_INVALID', ['beneficiaires', 0, 'nir']);
    expectIssue(r, 'CARD_DATE_INVALID', ['beneficiaires', 0, 'dateNaissance']);
  });
  it('refuses a CPS in the Vitale slot with a typed issue (one error channel)', async () => {
    const cps = createVirtualReader(await createVirtualCps({ pin: '1234', key: key() }));
    expectIssue(await readCarteVitale(cps.access), 'CARD_WRONG_KIND');
    expectIssue(await openCps(demoVitale().access), 'CARD_WRONG_KIND');
  });
});

describe('CPS', () => {
  it('opens, reads counters, verifies the PIN and signs in exactly 2 APDUs', async () => {
    const demo = await createDemoCards({ key: key() });
    const c = counting(demo.cps.access);
    const cps = expectOk(await openCps(c.access));
    expect(cps.kind).toBe('cps4');
    expect(cps.serialNumber.startsWith('8025000001')).toBe(true);
    expect(expectOk(await cps.readPinCounters())).toEqual({ max: 3, left: 3 });
    expectOk(await cps.verifyPin(pinBytes(demo.pin)));
    const situations = expectOk(await cps.readSituations());
    expect(situations[0]?.numeroFacturation).toBe('990781056');
    const digest = createHash('sha256').update('facture 1').digest();
    const before = c.count();
    const sig = await cps.signer.signDigest(new Uint8Array(digest));
    expect(c.count() - before).toBe(2);
    expect(sig.length).toBe(256);
    // WebCrypto checks the card's RSASSA-PKCS1-v1_5 signature over the same data.
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key().publicKey, sig, new TextEncoder().encode('facture 1'))).toBe(true);
  });
  it('signing before the PIN is verified returns the same kind of Result as a wrong PIN', async () => {
    const cps = expectOk(await openCps((await createDemoCards({ key: key() })).cps.access));
    const unsigned = await cps.sign(new Uint8Array(32));
    const wrong = await cps.verifyPin(pinBytes('0000'));
    expectIssue(unsigned, 'PIN_NOT_VERIFIED', ['pin']);
    expectIssue(wrong, 'PIN_WRONG', ['pin']);
    expect([unsigned.ok, wrong.ok]).toEqual([false, false]);
    // The Signer port (bytes or throw) carries the very same issue.
    await expect(cps.signer.signDigest(new Uint8Array(32))).rejects.toSatisfy((e) => readerErrorCode(e) === 'PIN_NOT_VERIFIED');
    expectIssue(await cps.sign(new Uint8Array(31)), 'INPUT_RANGE', ['digest']);
  });
  it('rejects a CPS whose EF.SN.ICC is not from the ANS', async () => {
    const r = createVirtualReader(await createVirtualCps({ pin: '1234', key: key(), serial: '11223344550000001234' }));
    expectIssue(await openCps(r.access), 'CARD_CPS_ISSUER', ['serialNumber']);
  });
});

describe('PIN safety', () => {
  it('never retries, refuses the last try unless insisted, then reports a block', async () => {
    const demo = await createDemoCards({ key: key() });
    const cps = expectOk(await openCps(demo.cps.access));
    expectIssue(await cps.verifyPin(pinBytes('0000')), 'PIN_WRONG');
    expect(demo.cps.card.triesLeft()).toBe(2);
    const wrong = await cps.verifyPin(pinBytes('1111'));
    expect(expectIssue(wrong, 'PIN_WRONG').received).toBe('1');
    expect(demo.cps.card.triesLeft()).toBe(1);
    // One try left: the library refuses without sending VERIFY.
    expectIssue(await cps.verifyPin(pinBytes(demo.pin)), 'PIN_LAST_TRY');
    expect(demo.cps.card.triesLeft()).toBe(1);
    expectIssue(await cps.verifyPin(pinBytes('2222'), { insist: true }), 'PIN_BLOCKED');
    expect(demo.cps.card.triesLeft()).toBe(0);
    expectIssue(await cps.verifyPin(pinBytes(demo.pin), { insist: true }), 'PIN_BLOCKED');
  });
  it('a right PIN with one try left passes only with insist and resets the counter', async () => {
    const demo = await createDemoCards({ key: key() });
    const cps = expectOk(await openCps(demo.cps.access));
    await cps.verifyPin(pinBytes('0000'));
    await cps.verifyPin(pinBytes('0000'));
    expect(expectOk(await cps.verifyPin(pinBytes(demo.pin), { insist: true }))).toEqual({ max: 3, left: 3 });
  });
  it('wipes the PIN buffer and keeps the PIN out of traces, issues and errors', async () => {
    const demo = await createDemoCards({ key: key(), pin: '4827' });
    const trace: ApduTraceEntry[] = [];
    const cps = expectOk(await openCps(demo.cps.access, { trace: (e) => trace.push(e) }));
    const seen: unknown[] = [];
    for (const attempt of ['4821', '4827']) {
      const pin = pinBytes(attempt);
      seen.push(await cps.verifyPin(pin));
      expect([...pin].every((b) => b === 0)).toBe(true);
    }
    demo.cps.remove();
    const pin = pinBytes('4827');
    await cps.verifyPin(pin).catch((e: unknown) => seen.push(e, { message: (e as Error).message, stack: (e as Error).stack }));
    expect([...pin].every((b) => b === 0)).toBe(true);
    const dump = JSON.stringify([trace, seen], (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
    expect(trace.some((e) => e.command.includes('<secret>'))).toBe(true);
    for (const needle of ['4827', '4821', Buffer.from('4827').toString('hex'), Buffer.from('4827').toString('hex').toUpperCase()]) {
      expect(dump.includes(needle)).toBe(false);
    }
    expect(seen.length).toBe(4);
  });
  it('session methods check their options before the card (typed INPUT issues, PIN still wiped)', async () => {
    const demo = await createDemoCards({ key: key() });
    const cps = expectOk(await openCps(demo.cps.access));
    expectIssue(await cps.readPinCounters({ timeoutMs: -1 }), 'INPUT_RANGE', ['options', 'timeoutMs']);
    const pin = pinBytes(demo.pin);
    expectIssue(await cps.verifyPin(pin, null as never), 'INPUT_TYPE', ['options']);
    expect([...pin].every((b) => b === 0)).toBe(true);
    expectIssue(await cps.sign(new Uint8Array(32), { signal: {} as never }), 'INPUT_TYPE', ['options', 'signal']);
    expect(demo.cps.card.triesLeft()).toBe(3);
  });
  it('rejects a malformed PIN without touching the card', async () => {
    const demo = await createDemoCards({ key: key() });
    const cps = expectOk(await openCps(demo.cps.access));
    expectIssue(await cps.verifyPin(pinBytes('12a4')), 'PIN_FORMAT');
    expect(demo.cps.card.triesLeft()).toBe(3);
  });
});

describe('arbitration and removal', () => {
  it('never interleaves two callers and serves them in FIFO order', async () => {
    const demo = await createDemoCards({ key: key() });
    const order: string[] = [];
    const job = (name: string) =>
      demo.vitale.access.exclusive(async (t) => {
        order.push(`${name}:start`);
        await t.transmit(Uint8Array.of(0, 0xa4, 0, 0, 2, 0x3f, 0));
        await new Promise((r) => setTimeout(r, 5));
        await t.transmit(Uint8Array.of(0, 0xa4, 0, 0, 2, 0x3f, 0));
        order.push(`${name}:end`);
      });
    await Promise.all([job('a'), job('b'), job('c')]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });
  it('times out a waiter with CARD_BUSY and keeps the queue usable', async () => {
    const q = createCardQueue('R', 20);
    const lease = await q.acquire();
    await expect(q.acquire()).rejects.toSatisfy((e) => readerErrorCode(e) === 'CARD_BUSY');
    lease.release();
    (await q.acquire()).release();
    expect(q.state()).toEqual({ held: false, waiting: 0 });
  });
  it('a removal mid-transaction is a typed CARD_REMOVED error; re-insertion resets the PIN state', async () => {
    const demo = await createDemoCards({ key: key() });
    const cps = expectOk(await openCps(demo.cps.access));
    expectOk(await cps.verifyPin(pinBytes(demo.pin)));
    const p = demo.cps.access.exclusive(async (t) => {
      await t.transmit(Uint8Array.of(0, 0x22, 0x81, 0xb6, 4, 0x91, 2, 2, 0x84));
      demo.cps.remove();
      return t.transmit(Uint8Array.of(0, 0x2a, 0x9e, 0x9a, 1, 0, 0));
    });
    await expect(p).rejects.toSatisfy((e) => readerErrorCode(e) === 'CARD_REMOVED');
    await expect(cps.signer.signDigest(new Uint8Array(32))).rejects.toSatisfy((e) => readerErrorCode(e) === 'CARD_ABSENT');
    demo.cps.insert();
    await expect(cps.signer.signDigest(new Uint8Array(32))).rejects.toSatisfy((e) => readerErrorCode(e) === 'PIN_NOT_VERIFIED');
  });
});

describe('properties', () => {
  test.prop([fc.uint8Array({ minLength: 1, maxLength: 300 })], { numRuns: runs(200) })('virtual cards answer any bytes with a status word, never throw', async (bytes) => {
    const demo = await createDemoCards({ key: key() });
    for (const card of [demo.vitale.card, demo.cps.card]) {
      const r = await card.process(bytes);
      expect(r.length).toBeGreaterThanOrEqual(2);
    }
  });
  test.prop([fc.array(fc.stringMatching(/^[0-9]{4}$/), { minLength: 1, maxLength: 6 })], { numRuns: runs(20) })(
    'the card never loses more tries than PINs presented, and never below 0',
    async (pins) => {
      const demo = await createDemoCards({ key: key(), pin: '9999' });
      const cps = unwrap(await openCps(demo.cps.access));
      let presented = 0;
      for (const p of pins) {
        const before = demo.cps.card.triesLeft();
        const r = await cps.verifyPin(pinBytes(p), { insist: true });
        if (demo.cps.card.triesLeft() !== before || r.ok) presented++;
        expect(demo.cps.card.triesLeft()).toBeGreaterThanOrEqual(0);
      }
      expect(3 - demo.cps.card.triesLeft()).toBeLessThanOrEqual(presented);
    },
  );
});
