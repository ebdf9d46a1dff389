/**
 * Tiers-payant follow-up over ledger invoices, AMO and AMC apart, with the conservation law
 * expected = paid + rejected + awaiting + ecart (each part in exactly one bucket).
 */
import type { Money } from '../../core/money/index';
import { fromCentimes } from '../../core/money/index';
import type { LedgerInvoice, PartState } from '../../ledger/model';
import type { FollowUpPart, TiersPayantFollowUp } from './report';
import { assertShape, guardLedgerInvoices } from '../guards';

const EXCLUDED: readonly PartState[] = ['recyclee', 'annulee'];

interface Raw { count: number; expected: number; paid: number; rejected: number; awaiting: number; ecart: number }

/**
 * Computes the follow-up (expected / paid / rejected / awaiting), AMO and AMC apart.
 * Recycled and voided parts are left out (their re-issue carries the amount).
 *
 * @param invoices - Ledger invoices.
 * @returns The totals per part.
 * @throws SesamError `ASSERTION` when `invoices` are not ledger invoices.
 */
export function computeTiersPayantFollowUp(invoices: readonly LedgerInvoice[]): TiersPayantFollowUp {
  assertShape('computeTiersPayantFollowUp', (issues) => guardLedgerInvoices(invoices, ['invoices'], issues));
  const raw = { amo: zero(), amc: zero() };
  for (const inv of invoices) {
    for (const part of ['amo', 'amc'] as const) {
      const p = inv.parts[part];
      if (p === undefined || EXCLUDED.includes(p.state)) continue;
      const r = raw[part];
      const rest = p.expected.centimes - p.paid.centimes;
      r.count++;
      r.expected += p.expected.centimes;
      r.paid += p.paid.centimes;
      if (p.state === 'rejetee') r.rejected += rest;
      else if (p.state === 'payee') r.ecart += rest;
      else r.awaiting += rest;
    }
  }
  return { amo: done(raw.amo), amc: done(raw.amc) };
}

function zero(): Raw {
  return { count: 0, expected: 0, paid: 0, rejected: 0, awaiting: 0, ecart: 0 };
}

function done(r: Raw): FollowUpPart {
  const m = (c: number): Money => fromCentimes(c);
  return { count: r.count, expected: m(r.expected), paid: m(r.paid), rejected: m(r.rejected), awaiting: m(r.awaiting), ecart: m(r.ecart) };
}
