/**
 * Bounded load test on loopback: N lots (1 000 at full scale, scaled by SESAM_PROP_SCALE) sent
 * through the outbox to the local caisse by SMTP, every ARL and NOEMIE return delivered into
 * dovecot and fetched over IMAP, reconciled: all acknowledged, all reconciled, none lost, none
 * doubled. No timing is asserted (speed is in bench/caisse.bench.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../../src/returns/reconcile/index';
import type { TestDovecot } from '../../../src/simulator/caisse/index';
import { createImapAppendMailbox, createManualScheduler, findDovecot, startDovecot, startLocalCaisse } from '../../../src/simulator/caisse/index';
import { createMailTransport, createMemoryOutboxStore, createOutbox } from '../../../src/transport/index';
import { expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { buildDay, collector, dayAt } from './helpers';

const dovecotBin = findDovecot();
const LOTS = runs(1000);

describe.skipIf(dovecotBin === undefined)(`load: ${LOTS} lots through the local caisse${dovecotBin ? '' : ' (skipped: dovecot missing)'}`, () => {
  let dovecot: TestDovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  }, 30_000);
  afterAll(async () => {
    await dovecot?.stop();
  });

  it(`${LOTS} lots: all acknowledged, all reconciled, none lost`, async () => {
    const { ledger, files, deductions } = await buildDay({ files: LOTS });
    expect(files).toHaveLength(LOTS);
    const scheduler = expectOk(createManualScheduler(dayAt(1)));
    const mailbox = expectOk(createImapAppendMailbox({ host: '127.0.0.1', port: dovecot.port, login: () => ({ user: 'load', pass: dovecot.pass }) }));
    const caisse = expectOk(await startLocalCaisse({ mailbox, scheduler, script: { seed: 12, deductions }, noemieDelayMs: 86_400_000 }));
    const transport = expectOk(
      createMailTransport({
        smtp: { host: '127.0.0.1', port: caisse.port, pool: true, timeoutMs: 10_000 },
        imap: { host: '127.0.0.1', port: dovecot.port, auth: { user: 'load', pass: dovecot.pass }, timeoutMs: 10_000, batch: 2000 },
        from: 'load@cabinet.test',
      }),
    );
    const outbox = expectOk(createOutbox({ store: createMemoryOutboxStore(), transport, clock: scheduler.clock, batch: LOTS, random: () => 0.5 }));
    try {
      for (const f of files) expectOk(await outbox.enqueue(f));
      const sent = await outbox.drainUntilIdle();
      expect(sent.nextDueAt).toBeUndefined();
      expect(await outbox.list('sent')).toHaveLength(LOTS);
      await scheduler.advance(86_400_000);
      await caisse.settled();
      expect(caisse.stats()).toMatchObject({ files: LOTS, duplicates: 0, arlsDelivered: LOTS, noemieDelivered: LOTS, deliveryErrors: 0 });
      const c = collector();
      for (let pass = 0; pass < 5; pass++) {
        const got = expectOk(await outbox.receive(c.apply));
        if (got.applied.length === 0) break;
      }
      expect(c.collected.arls).toHaveLength(LOTS);
      expect(c.collected.noemie).toHaveLength(LOTS);
      expect(new Set(c.collected.arls.map((a) => a.identificationFichier)).size).toBe(LOTS);
      const report = expectOk(await reconcile({ arls: c.collected.arls, noemie: c.collected.noemie }, ledger, { ps: files[0]!.ps }));
      expect(report.invoices).toHaveLength(LOTS);
      expect(report.invoices.every((i) => i.status === 'payee')).toBe(true);
      const states = (await ledger.listInvoices({ ps: files[0]!.ps })).map((i) => i.parts.amo.state);
      expect(states).toHaveLength(LOTS);
      expect(states.every((s) => s === 'payee')).toBe(true);
    } finally {
      await transport.close();
      await caisse.close();
      await mailbox.close();
    }
  }, 600_000);
});
