/**
 * Payments matching: NOEMIE virements (071 reference: date, libellé, organisme payeur) against
 * bank statement credits (CFONB 120 or CSV), by amount, date window and libellé tokens — never
 * by one field alone (CFONB, Relevé de compte sur support informatique (120 caractères), 2004). Unmatched credits and unmatched virements are listed.
 */
import type { PlainDate } from '../../core/date/index';
import { daysBetween } from '../../core/date/index';
import type { Money } from '../../core/money/index';
import { equals } from '../../core/money/index';
import type { BankMovement } from '../bank/types';
import type { Issue, IssuePath } from '../../core/issues/index';
import { field, guardArray, guardInteger, guardMoney, guardObject, guardPlainDate, guardString } from '../../core/guard/index';
import { assertShape, guardBankMovements, guardFlag, MAX_ITEMS } from '../guards';

/** A virement to find on the bank statement. */
export interface VirementToMatch {
  /** Stable key (e.g. `formatVirementKey`). */
  readonly key: string;
  /** Date comptable / d'émission of the virement. */
  readonly date: PlainDate;
  /** Net amount expected on the account. */
  readonly montant: Money;
  /** Libellé lines and organisme payeur, whose tokens are looked for in the bank libellé. */
  readonly libelles: readonly string[];
}

/** Options of {@link computePaymentMatches}. */
export interface PaymentMatchOptions {
  /** Days the credit may be booked before the virement date (default 1). */
  readonly daysBefore?: number;
  /** Days the credit may be booked after the virement date (default 10: a bank booking delay, not a legal figure). */
  readonly daysAfter?: number;
  /** Require at least one shared libellé token (default `false`: amount + date match with confidence `low`). */
  readonly requireLibelleToken?: boolean;
}

/** A virement found on the statement. */
export interface PaymentMatch {
  readonly virement: VirementToMatch;
  readonly movement: BankMovement;
  /** `high`: amount, date and at least one libellé token agree; `low`: amount and date only. */
  readonly confidence: 'high' | 'low';
  /** Booking date − virement date, in days. */
  readonly dayGap: number;
  /** Normalised tokens found on both sides. */
  readonly sharedTokens: readonly string[];
}

/** Result of {@link computePaymentMatches}. */
export interface PaymentMatchReport {
  readonly matches: readonly PaymentMatch[];
  readonly unmatchedVirements: readonly VirementToMatch[];
  /** Credits (amount > 0) left unmatched. Debits are never listed. */
  readonly unmatchedCredits: readonly BankMovement[];
}

const STOP = new Set(['VIR', 'VIREMENT', 'SEPA', 'RECU', 'DE', 'DU', 'LA', 'LE', 'LES', 'DES', 'ET', 'PAR', 'POUR', 'REF', 'EUR', 'CREDIT']);

/**
 * Normalises a libellé into comparable tokens: upper case, accents removed, split on
 * non-alphanumerics, tokens of 3+ characters that are not banking stop words (VIR, SEPA…).
 *
 * @param text - A libellé.
 * @returns The distinct tokens.
 * @throws SesamError `ASSERTION` when `text` is not a string (of at most 1 000 000 characters).
 */
export function computeLibelleTokens(text: string): readonly string[] {
  const checked = assertShape('computeLibelleTokens', (issues) => guardString(text, ['text'], issues, { max: 1_000_000 }));
  return tokensOf(checked);
}

function tokensOf(text: string): readonly string[] {
  const t = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  return [...new Set(t.split(/[^A-Z0-9]+/).filter((w) => w.length >= 3 && !STOP.has(w)))];
}

interface Candidate {
  readonly v: number;
  readonly m: number;
  readonly gap: number;
  readonly shared: readonly string[];
}

/**
 * Matches virements to bank credits. Each credit serves at most one virement; candidates are
 * ranked by shared tokens (more first), then by |date gap| (smaller first), then file order.
 *
 * @param virements - Virements of the NOEMIE returns.
 * @param movements - Bank movements (debits are ignored).
 * @param options - Date window and token requirement.
 * @returns Matches, unmatched virements, unmatched credits.
 * @throws SesamError `ASSERTION` when an argument has the wrong shape.
 * @example
 * computePaymentMatches([{ key, date, montant, libelles: ['CPAM PARIS 751'] }], computeBankMovements(cfonb))
 */
export function computePaymentMatches(virements: readonly VirementToMatch[], movements: readonly BankMovement[], options: PaymentMatchOptions = {}): PaymentMatchReport {
  assertShape('computePaymentMatches', (issues) => {
    guardVirements(virements, ['virements'], issues);
    guardBankMovements(movements, ['movements'], issues);
    const o = guardObject(options, ['options'], issues, { required: false });
    if (o) {
      guardInteger(field(o, 'daysBefore'), ['options', 'daysBefore'], issues, { required: false, min: 0, max: 3660 });
      guardInteger(field(o, 'daysAfter'), ['options', 'daysAfter'], issues, { required: false, min: 0, max: 3660 });
      guardFlag(field(o, 'requireLibelleToken'), ['options', 'requireLibelleToken'], issues);
    }
    return true;
  });
  const before = options.daysBefore ?? 1;
  const after = options.daysAfter ?? 10;
  const mTokens = movements.map((m) => new Set(tokensOf(`${m.libelle} ${m.reference ?? ''}`)));
  const candidates: Candidate[] = [];
  virements.forEach((v, vi) => {
    const vTokens = tokensOf(v.libelles.join(' '));
    movements.forEach((m, mi) => {
      if (m.montant.centimes <= 0 || !equals(m.montant, v.montant)) return;
      const gap = daysBetween(v.date, m.date);
      if (gap < -before || gap > after) return;
      const shared = vTokens.filter((t) => mTokens[mi]?.has(t));
      if (options.requireLibelleToken && shared.length === 0) return;
      candidates.push({ v: vi, m: mi, gap, shared });
    });
  });
  candidates.sort((a, b) => b.shared.length - a.shared.length || Math.abs(a.gap) - Math.abs(b.gap) || a.v - b.v || a.m - b.m);
  const usedV = new Set<number>();
  const usedM = new Set<number>();
  const matches: PaymentMatch[] = [];
  for (const c of candidates) {
    if (usedV.has(c.v) || usedM.has(c.m)) continue;
    usedV.add(c.v);
    usedM.add(c.m);
    const virement = virements[c.v];
    const movement = movements[c.m];
    if (virement && movement) matches.push({ virement, movement, confidence: c.shared.length > 0 ? 'high' : 'low', dayGap: c.gap, sharedTokens: c.shared });
  }
  matches.sort((a, b) => virements.indexOf(a.virement) - virements.indexOf(b.virement));
  return {
    matches,
    unmatchedVirements: virements.filter((_, i) => !usedV.has(i)),
    unmatchedCredits: movements.filter((m, i) => m.montant.centimes > 0 && !usedM.has(i)),
  };
}

function guardVirements(v: unknown, path: IssuePath, issues: Issue[]): void {
  const list = guardArray(v, path, issues, { max: MAX_ITEMS });
  for (const [i, x] of (list ?? []).entries()) {
    const o = guardObject(x, [...path, i], issues);
    if (!o) continue;
    guardString(field(o, 'key'), [...path, i, 'key'], issues);
    guardPlainDate(field(o, 'date'), [...path, i, 'date'], issues);
    guardMoney(field(o, 'montant'), [...path, i, 'montant'], issues);
    const ls = guardArray(field(o, 'libelles'), [...path, i, 'libelles'], issues, { max: 100 });
    for (const [k, l] of (ls ?? []).entries()) guardString(l, [...path, i, 'libelles', k], issues);
    if (issues.length >= 100) return;
  }
}
