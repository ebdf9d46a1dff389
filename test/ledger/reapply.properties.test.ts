/**
 * Laws of `computeEventsToReapply` (what an audited re-application applies): nothing is lost or
 * doubled — pending + skipped = the events, and once the pending events are in the history a
 * second re-application has nothing left to apply (idempotent effect).
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { fromCentimes } from '../../src/core/money/index';
import type { HistoryEntry, PartEventInput } from '../../src/ledger/index';
import { computeEventsToReapply } from '../../src/ledger/index';
import { isSesamError } from '../../src/core/index';
import { runs } from '../helpers/runs';

const eventArb: fc.Arbitrary<PartEventInput> = fc.record({
  invoiceId: fc.constantFrom('1', '2', '3'),
  part: fc.constantFrom('amo' as const, 'amc' as const),
  event: fc.constantFrom('paiement' as const, 'paiement_partiel' as const, 'rejet' as const),
  amount: fc.option(fc.integer({ min: 0, max: 5000 }).map(fromCentimes), { nil: undefined }),
}).map(({ amount, ...e }) => (amount === undefined ? e : { ...e, amount }));

const asHistory = (e: PartEventInput): HistoryEntry => ({ invoiceId: e.invoiceId, part: e.part, event: e.event, from: 'transmise', to: 'payee', at: '2025-03-14T10:00:00.000Z', source: 'noemie:X', ...(e.amount ? { amount: e.amount } : {}) });

describe('properties', () => {
  test.prop([fc.array(eventArb, { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 })], { numRuns: runs(500) })('pending + skipped = events; re-applying again applies nothing', (events, done) => {
    const history = events.filter((_, k) => done[k] === true).map(asHistory);
    const first = computeEventsToReapply(history, events);
    expect(first.pending.length + first.skipped).toBe(events.length);
    expect(first.skipped).toBe(history.length);
    const again = computeEventsToReapply([...history, ...first.pending.map(asHistory)], events);
    expect(again).toEqual({ pending: [], skipped: events.length });
  });
  test.prop([fc.anything(), fc.anything()], { numRuns: runs(300) })('junk: a SesamError or a result, never a TypeError', (h, e) => {
    try {
      computeEventsToReapply(h as never, e as never);
    } catch (error) {
      expect(isSesamError(error)).toBe(true);
    }
  });
});
