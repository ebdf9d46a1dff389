import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainDate } from '../../../src/core/date/index';
import { add, euros, sum, ZERO } from '../../../src/core/money/index';
import { unwrap } from '../../../src/core/index';
import type { LedgerStore } from '../../../src/ledger/index';
import { computeBankMovements, parseCfonb120 } from '../../../src/returns/bank/index';
import { parseNoemie } from '../../../src/noemie/parseNoemie';
import { reconcile } from '../../../src/returns/reconcile/index';
import { buildSimulatedReturns } from '../../../src/simulator/returns';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { LEDGERS, PS1, seedTransmitted } from './setup';

const DATE = plainDate('2025-03-14');

for (const { name, open } of LEDGERS) {
  describe(`reconcile (${name} ledger)`, () => {
    let ledger: LedgerStore;
    let close: () => Promise<void>;
    beforeEach(async () => ({ ledger, close } = await open()));
    afterEach(async () => close());

    async function simulateAndRead(n = 5) {
      const seeded = await seedTransmitted(ledger, n);
      const sim = unwrap(await buildSimulatedReturns(ledger, { ps: PS1, date: DATE }));
      const noemie = expectOk(parseNoemie(sim.noemieBytes));
      const bank = computeBankMovements(expectOk(parseCfonb120(sim.cfonbText)));
      return { seeded, sim, returns: { arls: sim.arls, noemie: [noemie], bank } };
    }

    it('applies the ARL, payments, the reject, the partial payment and reports the retenue', async () => {
      const { seeded, sim, returns } = await simulateAndRead();
      const r = unwrap(await reconcile(returns, ledger, { ps: PS1, at: '2025-03-14T10:00:00.000Z' }));
      expect(r.sources.map((s) => [s.kind, s.alreadyProcessed])).toEqual([['arl', false], ['noemie', false]]);
      expect(r.invoices).toHaveLength(5);
      expect(r.rejected.map((i) => i.numero)).toEqual([sim.scenario.rejected]);
      expect(r.partiallyPaid.map((i) => i.numero)).toEqual([sim.scenario.partial]);
      expect(r.matched.map((i) => i.numero)).toEqual(sim.scenario.paid);
      const rej = r.rejected[0]!;
      expect(rej.rejects[0]!.definition?.code).toBe('MOD1');
      expect(rej.rejects[0]!.definition?.correction).toBeTruthy();
      expect(rej.recycle).toBe(true);
      expect(r.retenues).toHaveLength(1);
      expect(r.retenues[0]!.montant).toEqual(euros('-5.00'));
      const first = await ledger.getInvoice(seeded.invoices[0]!.id);
      expect(first?.parts.amo.state).toBe('rejetee');
      const second = await ledger.getInvoice(seeded.invoices[1]!.id);
      expect(second?.parts.amo.state).toBe('partiellement_payee');
      const third = await ledger.getInvoice(seeded.invoices[2]!.id);
      expect(third?.parts.amo.state).toBe('payee');
      expect(third?.parts.amc?.state).toBe('payee');
      expect(third?.parts.amo.virementRefs).toHaveLength(1);
      expect(r.payments?.matches).toHaveLength(1);
      expect(r.payments?.matches[0]!.confidence).toBe('high');
      expect(r.payments?.matches[0]!.movement.montant).toEqual(sim.virement);
      expect(r.payments?.unmatchedCredits).toEqual([]);
      expect(r.differences.filter((d) => d.code !== 'RECONCILE_TRANSITION_REFUSED')).toEqual([]);
    });

    it('is idempotent: the second read changes nothing and reports the same invoices', async () => {
      const { returns } = await simulateAndRead();
      const once = unwrap(await reconcile(returns, ledger, { ps: PS1 }));
      const snapshot = await ledger.listInvoices({ ps: PS1 });
      const twice = unwrap(await reconcile(returns, ledger, { ps: PS1 }));
      expect(await ledger.listInvoices({ ps: PS1 })).toEqual(snapshot);
      expect(twice.sources.every((s) => s.alreadyProcessed && s.eventsApplied === 0)).toBe(true);
      expect(twice.invoices.map((i) => [i.numeroFacture, i.status])).toEqual(once.invoices.map((i) => [i.numeroFacture, i.status]));
      expect(twice.followUp).toEqual(once.followUp);
    });

    it('reports unknown invoices and amount differences, never drops them', async () => {
      const { returns } = await simulateAndRead(3);
      const file = returns.noemie[0]!;
      const entities = file.entities.map((e) => {
        if (e.entity === '102' && e.numeroFacture === '000000003') return { ...e, numeroFacture: '000000999' };
        if (e.entity === '198' && e.etat === 'P' && e.montantDemande.centimes === 2100) return { ...e, montantDemande: euros('99.00') };
        return e;
      });
      const r = await reconcile({ ...returns, noemie: [{ ...file, entities }] }, ledger, { ps: PS1 });
      expect(r.ok).toBe(true);
      const report = unwrap(r);
      expect(report.invoices).toHaveLength(3);
      expect(report.unknown.map((i) => i.numeroFacture)).toEqual(['000000999']);
      expectIssue(report.differences, 'RECONCILE_UNKNOWN_INVOICE');
      expectIssue(report.differences, 'RECONCILE_AMOUNT_DIFFERENCE');
    });

    it('keeps unknown reject codes with the caisse label', async () => {
      const { returns } = await simulateAndRead(2);
      const file = returns.noemie[0]!;
      const entities = file.entities.map((e) => (e.entity === '294' ? { ...e, codeRejet: 'X999' } : e));
      const report = unwrap(await reconcile({ ...returns, noemie: [{ ...file, entities }] }, ledger, { ps: PS1 }));
      const rej = report.rejected[0]!;
      expect(rej.rejects[0]).toMatchObject({ code: 'X999', libelleCaisse: 'NIR DU BENEFICIAIRE INCONNU (SIMULATION)' });
      expect(rej.rejects[0]!.definition).toBeUndefined();
      expectIssue(report.differences, 'RECONCILE_UNKNOWN_REJECT_CODE');
    });

    it('keeps the follow-up conserved: expected = paid + rejected + awaiting + ecart', async () => {
      const { returns } = await simulateAndRead(6);
      const { followUp } = unwrap(await reconcile(returns, ledger, { ps: PS1 }));
      for (const p of [followUp.amo, followUp.amc]) {
        expect(sum([p.paid, p.rejected, p.awaiting, p.ecart])).toEqual(p.expected);
      }
      expect(followUp.amo.rejected.centimes).toBeGreaterThan(0);
      expect(add(followUp.amo.paid, ZERO).centimes).toBeGreaterThan(0);
    });
  });
}
