/**
 * The local caisse with the real components: smtp-server caisse (in-process, loopback),
 * dovecot mailbox (started per run, by PID), our createMailTransport (nodemailer + imapflow),
 * the outbox, a memory ledger and reconcile. A day's lots sent, ARL and NOEMIE fetched over IMAP,
 * reconciled; faults: SMTP down then back, a connection cut mid-transfer, an acknowledgement
 * lost, a duplicate ARL, a lost return reported by the watchdog, a file refused (negative ARL).
 * Time never passes for real: the caisse and the outbox share a manual scheduler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerStore } from '../../../src/ledger/index';
import { computeWatchdogReport, reconcile } from '../../../src/returns/reconcile/index';
import type { CaisseScript, LocalCaisse, ManualScheduler, TestDovecot } from '../../../src/simulator/caisse/index';
import { createImapAppendMailbox, createManualScheduler, findDovecot, startDovecot, startLocalCaisse } from '../../../src/simulator/caisse/index';
import type { CaisseMailbox } from '../../../src/simulator/caisse/index';
import type { Outbox, Transport } from '../../../src/transport/index';
import { createMailTransport, createMemoryOutboxStore, createOutbox } from '../../../src/transport/index';
import { expectOk } from '../../helpers/expectIssue';
import type { DayFile } from './helpers';
import { buildDay, collector, dateAfter, dayAt } from './helpers';

const dovecotBin = findDovecot();
const DAY_MS = 86_400_000;

interface Rig {
  caisse: LocalCaisse;
  scheduler: ManualScheduler;
  transport: Transport;
  outbox: Outbox;
  mailbox: CaisseMailbox;
  close(): Promise<void>;
}

describe.skipIf(dovecotBin === undefined)(`local caisse over SMTP + dovecot IMAP${dovecotBin ? '' : ' (skipped: /usr/sbin/dovecot missing; apt-get install dovecot-imapd)'}`, () => {
  let dovecot: TestDovecot;
  let user = 0;

  beforeAll(async () => {
    dovecot = await startDovecot();
  }, 30_000);
  afterAll(async () => {
    await dovecot?.stop();
  });

  /** A caisse, a mailbox user of its own (so tests do not see each other's returns), an outbox. */
  async function rig(script: CaisseScript): Promise<Rig> {
    const me = `ps${++user}`;
    const scheduler = expectOk(createManualScheduler(dayAt(1)));
    const mailbox = expectOk(createImapAppendMailbox({ host: '127.0.0.1', port: dovecot.port, login: (address) => ({ user: address.split('@')[0] ?? 'ps', pass: dovecot.pass }) }));
    const caisse = expectOk(await startLocalCaisse({ mailbox, scheduler, script, arlDelayMs: 0, noemieDelayMs: 2 * DAY_MS }));
    const transport = expectOk(
      createMailTransport({
        smtp: { host: '127.0.0.1', port: caisse.port, timeoutMs: 5000 },
        imap: { host: '127.0.0.1', port: dovecot.port, auth: { user: me, pass: dovecot.pass }, timeoutMs: 5000 },
        from: `${me}@cabinet.test`,
      }),
    );
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport, clock: scheduler.clock, random: () => 0.5, breaker: { threshold: 10 }, sleep: async (ms) => void (await scheduler.advance(ms)) }));
    return {
      caisse, scheduler, transport, outbox, mailbox,
      async close() {
        await transport.close();
        await caisse.close();
        await mailbox.close();
      },
    };
  }

  async function enqueueAll(outbox: Outbox, files: readonly DayFile[]): Promise<void> {
    for (const f of files) expectOk(await outbox.enqueue({ fileId: f.fileId, destination: f.destination, bytes: f.bytes, ...(f.filename ? { filename: f.filename } : {}) }));
  }

  async function reconcileAll(ledger: LedgerStore, files: readonly DayFile[], c: ReturnType<typeof collector>['collected']) {
    const reports = [];
    for (const ps of new Set(files.map((f) => f.ps))) reports.push(expectOk(await reconcile({ arls: c.arls, noemie: c.noemie }, ledger, { ps })));
    return reports;
  }

  it('a day: lots sent by SMTP, ARL then NOEMIE fetched over IMAP, reconciled (paid, partial, rejected, retenue)', async () => {
    const { ledger, files, deductions } = await buildDay({ files: 3, perFile: 3, dre: true });
    expect(files.map((f) => f.kind)).toEqual(['fse', 'dre', 'fse', 'dre', 'fse', 'dre']);
    const ps = files[0]!.ps;
    const r = await rig({ seed: 7, deductions, invoices: { [`${ps}/1`]: 'rejetee', [`${ps}/2`]: 'partielle' }, files: { [files[2]!.fileId]: 'retenue' } });
    try {
      await enqueueAll(r.outbox, files);
      const drained = await r.outbox.drain();
      expect(drained.sent.map((s) => s.fileId)).toEqual(files.map((f) => f.fileId));
      expect(await r.scheduler.advance(0)).toBe(files.length); // the ARLs
      await r.caisse.settled();
      const first = collector();
      const got = expectOk(await r.outbox.receive(first.apply));
      expect(got.applied).toHaveLength(files.length);
      expect(first.collected.arls.every((a) => a.statut === 'positif')).toBe(true);
      expect(new Set(first.collected.arls.map((a) => a.identificationFichier))).toEqual(new Set(files.map((f) => f.fileId)));
      const afterArl = await reconcileAll(ledger, files, first.collected);
      expect(afterArl.flatMap((x) => x.arls).length).toBe(files.length);
      for (const inv of await ledger.listInvoices({ ps })) expect(inv.parts.amo.state).toBe('arl_positive');

      await r.scheduler.advance(2 * DAY_MS); // the NOEMIE returns
      await r.caisse.settled();
      const second = collector();
      expect(expectOk(await r.outbox.receive(second.apply)).applied).toHaveLength(files.length);
      expect(second.collected.noemie).toHaveLength(files.length);
      const [report] = await reconcileAll(ledger, files, second.collected);
      const byNumero = new Map(report!.invoices.filter((i) => i.parts.some((p) => p.part === 'amo')).map((i) => [Number(i.numeroFacture), i.status]));
      expect(byNumero.get(1)).toBe('rejetee');
      expect(byNumero.get(2)).toBe('partiellement_payee');
      expect([...byNumero.entries()].filter(([n]) => n > 2).every(([, s]) => s === 'payee')).toBe(true);
      expect(report!.retenues).toHaveLength(1);
      expect(report!.invoices.flatMap((i) => i.differences).map((d) => d.code)).toEqual([]);
      const invoices = await ledger.listInvoices({ ps });
      expect(invoices).toHaveLength(9);
      expect(invoices.find((i) => i.numero === 3)?.parts.amo.state).toBe('payee');
      expect(invoices.find((i) => i.numero === 3)?.parts.amc?.state).toBe('payee');
      // Everything the caisse answered was fetched, nothing is left, nothing was deleted.
      expect(expectOk(await r.transport.fetchReturns())).toHaveLength(0);
      expect(r.caisse.stats()).toMatchObject({ files: files.length, duplicates: 0, arlsDelivered: files.length, noemieDelivered: files.length, deliveryErrors: 0 });
    } finally {
      await r.close();
    }
  }, 60_000);

  it('SMTP down then back: the queue drains, nothing lost, nothing doubled', async () => {
    const { files } = await buildDay({ files: 4 });
    const r = await rig({ seed: 1 });
    try {
      await r.caisse.pause();
      await enqueueAll(r.outbox, files);
      const down = await r.outbox.drain();
      expect(down.sent).toHaveLength(0);
      expect(down.retrying).toHaveLength(files.length);
      expect(down.issues.map((i) => i.code)).toContain('TRANSPORT_SEND_FAILED');
      await r.caisse.resume();
      const up = await r.outbox.drainUntilIdle();
      expect(up.nextDueAt).toBeUndefined();
      expect(await r.outbox.list('sent')).toHaveLength(files.length);
      expect(r.caisse.answers().map((a) => a.fileId).sort()).toEqual(files.map((f) => f.fileId).sort());
      expect(r.caisse.stats().duplicates).toBe(0);
    } finally {
      await r.close();
    }
  }, 60_000);

  it('a connection cut mid-transfer, then an acknowledgement lost: each file answered once', async () => {
    const { files } = await buildDay({ files: 3 });
    const r = await rig({ seed: 2 });
    try {
      await enqueueAll(r.outbox, files);
      r.caisse.fault('cut');
      const cut = await r.outbox.drain();
      expect(cut.sent).toHaveLength(0);
      expect(r.caisse.stats().messages).toBe(0);
      r.caisse.fault('lose-ack');
      r.scheduler.advance(3_600_000);
      const lost = await r.outbox.drain();
      expect(lost.sent).toHaveLength(0);
      expect(r.caisse.answers()).toHaveLength(files.length); // stored, but the 250 never came back
      r.caisse.fault('none');
      await r.outbox.drainUntilIdle();
      expect(await r.outbox.list('sent')).toHaveLength(files.length);
      expect(r.caisse.stats()).toMatchObject({ files: files.length, duplicates: files.length });
      await r.scheduler.advance(0);
      await r.caisse.settled();
      const c = collector();
      expect(expectOk(await r.outbox.receive(c.apply)).applied).toHaveLength(files.length);
    } finally {
      await r.close();
    }
  }, 60_000);

  it('a duplicate ARL is applied once; a lost return is reported by the watchdog', async () => {
    const { ledger, files, deductions } = await buildDay({ files: 2, perFile: 2 });
    const [dup, lost] = files;
    const r = await rig({ seed: 3, deductions, files: { [dup!.fileId]: 'arl-double', [lost!.fileId]: 'retour-perdu' } });
    try {
      await enqueueAll(r.outbox, files);
      await r.outbox.drain();
      await r.scheduler.advance(0);
      await r.caisse.settled();
      const c = collector();
      const got = expectOk(await r.outbox.receive(c.apply));
      expect(got.applied).toHaveLength(2);
      expect(got.duplicates).toHaveLength(1); // the second copy of the ARL: same bytes, another Message-ID
      await r.scheduler.advance(20 * DAY_MS);
      await r.caisse.settled();
      expect(expectOk(await r.outbox.receive(c.apply)).applied).toHaveLength(1); // one NOEMIE: the other is lost
      await reconcileAll(ledger, files, c.collected);
      const ps = dup!.ps;
      const watchdog = computeWatchdogReport(await ledger.listInvoices({ ps }), { today: dateAfter(21) });
      const sansRsp = watchdog.alerts.filter((a) => a.kind === 'sans_rsp');
      expect(sansRsp.map((a) => a.numero).sort()).toEqual([3, 4]);
      const states = (await ledger.listInvoices({ ps })).map((i) => [i.numero, i.parts.amo.state]);
      expect(states).toEqual([[1, 'payee'], [2, 'payee'], [3, 'arl_positive'], [4, 'arl_positive']]);
    } finally {
      await r.close();
    }
  }, 60_000);

  it('a file the B2 parser refuses, and a file the script refuses: negative ARL, no NOEMIE', async () => {
    const { ledger, files } = await buildDay({ files: 1, perFile: 2 });
    const r = await rig({ seed: 4, files: { [files[0]!.fileId]: 'arl-negatif' } });
    try {
      await enqueueAll(r.outbox, files);
      const junk = new Uint8Array(Buffer.from('000TP99078105'.padEnd(130, 'x'), 'latin1'));
      expectOk(await r.outbox.enqueue({ fileId: 'JUNK01', destination: 'cpam751@caisse.simulee.test', bytes: junk }));
      await r.outbox.drain();
      await r.scheduler.advance(3 * DAY_MS);
      await r.caisse.settled();
      const c = collector();
      expect(expectOk(await r.outbox.receive(c.apply)).applied).toHaveLength(2);
      expect(c.collected.noemie).toHaveLength(0);
      expect(c.collected.arls.map((a) => a.statut)).toEqual(['negatif', 'negatif']);
      expect(c.collected.arls[1]!.motif?.libelle).toMatch(/^FICHIER NON CONFORME /);
      await reconcile({ arls: c.collected.arls.slice(0, 1) }, ledger, { ps: files[0]!.ps });
      expect((await ledger.listInvoices({ ps: files[0]!.ps })).map((i) => i.parts.amo.state)).toEqual(['arl_negative', 'arl_negative']);
    } finally {
      await r.close();
    }
  }, 60_000);
});
