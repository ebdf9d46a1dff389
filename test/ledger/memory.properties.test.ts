/**
 * Properties of the store over random operation sequences (memory store: the engine is shared
 * with SQLite, which the contract suite and the crash test cover).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createMemoryLedger } from '../../src/ledger/index';
import type { LedgerStore } from '../../src/ledger/index';
import { fromCentimes } from '../../src/core/money/index';
import { nthCare, PS1, PS2 } from './fixtures';
import { runs } from '../helpers/runs';

type Op =
  | { kind: 'record'; ps: 0 | 1; care: number }
  | { kind: 'lot'; ps: 0 | 1; take: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'send' }
  | { kind: 'reject'; pick: number }
  | { kind: 'recycle'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('record' as const), ps: fc.constantFrom(0 as const, 1 as const), care: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('lot' as const), ps: fc.constantFrom(0 as const, 1 as const), take: fc.integer({ min: 1, max: 4 }) }) },
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('send' as const) }),
  fc.record({ kind: fc.constant('reject' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('recycle' as const), pick: fc.nat() }),
);

async function run(ledger: LedgerStore, ops: readonly Op[]): Promise<void> {
  const pss = [PS1, PS2] as const;
  let returns = 0;
  for (const op of ops) {
    const all = await ledger.listInvoices();
    const pick = (n: number) => all[n % Math.max(1, all.length)];
    if (op.kind === 'record') await ledger.recordInvoice(nthCare(op.care, { ps: pss[op.ps] }));
    else if (op.kind === 'lot') {
      const ready = await ledger.listInvoices({ ps: pss[op.ps], state: 'a_emettre', limit: op.take });
      await ledger.createLot({ ps: pss[op.ps], destinataire: '01751', kind: 'fse', invoiceIds: ready.map((i) => i.id) });
    } else if (op.kind === 'cancel') {
      const inv = pick(op.pick);
      if (inv !== undefined) await ledger.cancelInvoice(inv.id, 'test');
    } else if (op.kind === 'send') {
      const lots = await ledger.listLots({ transmitted: false });
      if (lots.length > 0) await ledger.markTransmitted({ lotIds: lots.map((l) => l.id) });
    } else if (op.kind === 'reject') {
      const inv = pick(op.pick);
      if (inv !== undefined) await ledger.applyReturn({ sourceId: `R${returns++}`, events: [{ invoiceId: inv.id, part: 'amo', event: 'rejet' }] });
    } else {
      const inv = pick(op.pick);
      if (inv !== undefined) await ledger.recycleInvoice(inv.id);
    }
  }
}

describe('properties', () => {
  test.prop([fc.array(opArb, { maxLength: 60 })], { numRuns: runs(60) })(
    'numbers are contiguous 1..n per PS, each used once; active care keys unique; lots whole',
    async (ops) => {
      const ledger = createMemoryLedger();
      await run(ledger, ops);
      const all = await ledger.listInvoices();
      for (const ps of [PS1, PS2]) {
        const numbers = all.filter((i) => i.ps === ps).map((i) => i.numero);
        expect(numbers).toEqual(numbers.map((_, k) => k + 1));
        expect(await ledger.peekInvoiceNumber(ps)).toBe(numbers.length + 1);
      }
      const active = all.filter((i) => i.recycledInto === undefined && !['annulee', 'recyclee'].includes(i.parts.amo.state));
      expect(new Set(active.map((i) => i.careKey)).size).toBe(active.length);
      for (const lot of await ledger.listLots()) {
        expect(lot.invoiceIds.length).toBeGreaterThan(0);
        for (const id of lot.invoiceIds) expect((await ledger.getInvoice(id))?.parts.amo.lotId).toBe(lot.id);
      }
    },
  );

  test.prop([fc.array(fc.record({ pick: fc.nat(3), event: fc.constantFrom('arl_positif', 'arl_negatif', 'paiement', 'rejet', 'differe') as fc.Arbitrary<'paiement'> }), { maxLength: 12 })], { numRuns: runs(40) })(
    'applying the same returns twice = once',
    async (events) => {
      const ledger = createMemoryLedger({ clock: () => '2025-03-10T00:00:00.000Z' });
      const ids: string[] = [];
      for (let k = 0; k < 4; k++) {
        const r = await ledger.recordInvoice(nthCare(k));
        if (r.ok) ids.push(r.value.id);
      }
      const lot = await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: ids });
      if (lot.ok) await ledger.markTransmitted({ lotIds: [lot.value.id] });
      const returns = events.map((e, k) => ({
        sourceId: `RSP-${k}`,
        events: [{ invoiceId: ids[e.pick] ?? '1', part: 'amo' as const, event: e.event, ...(e.event === 'paiement' ? { amount: fromCentimes(2000) } : {}) }],
      }));
      for (const r of returns) await ledger.applyReturn(r);
      const once = await Promise.all(ids.map(async (id) => [await ledger.getInvoice(id), await ledger.getHistory(id)]));
      for (const r of returns) await ledger.applyReturn(r);
      const twice = await Promise.all(ids.map(async (id) => [await ledger.getInvoice(id), await ledger.getHistory(id)]));
      expect(twice).toEqual(once);
      expect(await ledger.summarize()).toEqual(await ledger.summarize());
    },
  );
});
