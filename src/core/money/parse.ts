/**
 * Money from text: trusted literals (`euros('19.50')`, throws on a typo) and caller data
 * (`parseMoney`, returns a Result), plus conversions to and from decimal.js.
 */
import type { Decimal } from 'decimal.js';
import { createIssueFactory, defineIssueCodes } from '../issues/codeTable';
import type { Result } from '../issues/result';
import { err, ok } from '../issues/result';
import { assert } from '../issues/sesamError';
import type { IssuePath } from '../issues/issue';
import { centimesToDecimal, eurosToCentimes } from './decimal';
import type { Money } from './money';
import type { Rounding } from './rounding';

/** Issue codes of core/money. */
export const MONEY_CODES = defineIssueCodes({
  MONEY_FORMAT: {
    family: 'FORMAT',
    message: 'Montant illisible : attendu un décimal en euros (ex. 19.50), reçu « {received} »',
    fix: 'Saisir le montant en euros avec au plus deux décimales (point ou virgule).',
  },
  MONEY_PRECISION: {
    family: 'FORMAT',
    message: 'Montant avec plus de deux décimales : « {received} »',
    fix: 'Arrondir au centime avant de transmettre, ou passer un mode d’arrondi.',
  },
  MONEY_RANGE: {
    family: 'RANGE',
    message: 'Montant hors limites : « {received} »',
    fix: 'Vérifier le montant saisi.',
  },
});

const issue = createIssueFactory(MONEY_CODES);
const EUROS_RE = /^(-?)(\d{1,13})(?:[.,](\d{1,2}))?$/;

function exact(text: string): number | undefined {
  const m = EUROS_RE.exec(text);
  if (m === null) return undefined;
  const cents = Number((m[2] ?? '') + (m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cents : cents;
}

/**
 * Builds an amount from a euro literal in code or tables (`'19.50'`, `'19,50'`, `'30'`).
 *
 * @param text - Euros with at most two decimals.
 * @returns The amount.
 * @throws SesamError `ASSERTION` on a malformed literal (a programmer error).
 * @example
 * euros('30.00') // { centimes: 3000 }
 */
export function euros(text: string): Money {
  const c = exact(text.trim());
  assert(c !== undefined, `euros('${text}') is not a euro literal with at most two decimals`);
  return { centimes: c === 0 ? 0 : c };
}

/**
 * Reads an amount from caller data.
 *
 * @param text - Euros as text.
 * @param options - `rounding` allows more than two decimals and names how to reduce them; `path` locates issues.
 * @returns The amount or a `MONEY_*` issue.
 */
export function parseMoney(text: string, options: { rounding?: Rounding; path?: IssuePath } = {}): Result<Money> {
  const path = options.path ?? [];
  const t = text.trim().replace(',', '.');
  const c = exact(t);
  if (c !== undefined) return ok({ centimes: c === 0 ? 0 : c });
  if (!/^-?\d+(\.\d+)?$/.test(t)) return err(issue('MONEY_FORMAT', { path, received: text }));
  if (options.rounding === undefined) return err(issue('MONEY_PRECISION', { path, received: text }));
  const cents = eurosToCentimes(t, options.rounding);
  if (cents === undefined || !Number.isSafeInteger(cents)) return err(issue('MONEY_RANGE', { path, received: text }));
  return ok({ centimes: cents === 0 ? 0 : cents });
}

/**
 * Converts a decimal.js value in euros to Money with a named rounding.
 *
 * @param value - Euros.
 * @param rounding - How to reduce to the centime.
 * @returns The amount.
 * @throws SesamError `ASSERTION` when out of the safe range.
 */
export function fromDecimal(value: Decimal, rounding: Rounding): Money {
  const c = eurosToCentimes(value, rounding);
  assert(c !== undefined && Number.isSafeInteger(c), 'fromDecimal: not a finite amount in range');
  return { centimes: c === 0 ? 0 : c };
}

/**
 * Converts an amount to a decimal.js value in euros.
 *
 * @param m - The amount.
 * @returns Euros as Decimal.
 */
export function toDecimal(m: Money): Decimal {
  return centimesToDecimal(m.centimes);
}
