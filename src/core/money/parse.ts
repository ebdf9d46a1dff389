/**
 * Money from text: trusted literals (`euros('19.50')`, throws on a typo) and caller data
 * (`parseMoney`, returns a Result), plus conversions to and from decimal.js.
 */
import type { Decimal } from 'decimal.js';
import { guardArray, guardEnum, guardObject, guardString, field, inputErr } from '../guard/guard';
import { createIssueFactory, defineIssueCodes } from '../issues/codeTable';
import type { Issue, IssuePath } from '../issues/issue';
import type { Result } from '../issues/result';
import { err, ok } from '../issues/result';
import { SesamError } from '../issues/sesamError';
import { assertMoney, assertRounding, kind } from './assertions';
import { centimesToDecimal, eurosToCentimes, isDecimalValue } from './decimal';
import { eurosTextToCentimes } from './rounding';
import type { Money } from './money';
import type { Rounding } from './rounding';
import { ROUNDINGS } from './rounding';

const EURO_CENT = 'Règlement (CE) n° 1103/97 du Conseil du 17 juin 1997, art. 5 (montants arrondis au centime d’euro)';

/** Issue codes of core/money. */
export const MONEY_CODES = defineIssueCodes({
  MONEY_FORMAT: {
    family: 'FORMAT',
    message: 'Montant illisible : attendu un décimal en euros (ex. 19.50), reçu « {received} »',
    fix: 'Saisir le montant en euros avec au plus deux décimales (point ou virgule).',
    ref: EURO_CENT,
  },
  MONEY_PRECISION: {
    family: 'FORMAT',
    message: 'Montant avec plus de deux décimales : « {received} »',
    fix: 'Arrondir au centime avant de transmettre, ou passer un mode d’arrondi (option rounding).',
    ref: EURO_CENT,
  },
  MONEY_RANGE: {
    family: 'RANGE',
    message: 'Montant hors limites : « {received} »',
    fix: 'Vérifier le montant saisi : au plus 13 chiffres avant la virgule.',
    ref: EURO_CENT,
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
  if (typeof text !== 'string') throw new SesamError('ASSERTION', `euros expects a euro literal (string), got ${kind(text)}`);
  const c = text.length > MAX_MONEY_TEXT ? undefined : exact(text.trim());
  // The literal is not echoed: it may be a caller value that reached euros() by mistake.
  if (c === undefined) throw new SesamError('ASSERTION', 'euros: not a euro literal with at most 13 integer digits and two decimals; read caller data with parseMoney');
  return { centimes: c === 0 ? 0 : c };
}

/** Longest amount text read (a decimal of 13 integer digits, many decimals and padding fits). */
const MAX_MONEY_TEXT = 256;

/** Options of {@link parseMoney}. */
export interface ParseMoneyOptions {
  /** Allows more than two decimals and names how to reduce them to the centime. */
  readonly rounding?: Rounding;
  /** Where the amount sits in the caller's input (prefixes every issue path). */
  readonly path?: IssuePath;
}

/**
 * Reads an amount from caller data: euros as text, dot or comma decimals.
 *
 * Every argument is checked at the boundary: a value that is not text (`19.5`, `null`) or a text
 * longer than 256 characters is an `INPUT_*` issue, never a throw; the caller's text reaches
 * issues only through `formatReceived` (cut, NIRs masked).
 *
 * @param text - Euros as text (`'19.50'`, `' 19,50 '`, `'-3'`).
 * @param options - `rounding` allows more than two decimals and names how to reduce them; `path` locates issues.
 * @returns The amount (never −0), or an `INPUT_*` / `MONEY_FORMAT` / `MONEY_PRECISION` / `MONEY_RANGE` issue.
 * @example
 * parseMoney('19,50') // { ok: true, value: { centimes: 1950 }, issues: [] }
 * parseMoney('2.1385', { rounding: 'halfUp' }) // { centimes: 214 }
 */
export function parseMoney(text: string, options: ParseMoneyOptions = {}): Result<Money> {
  const issues: Issue[] = [];
  const opts = guardObject(options, ['options'], issues, { required: false });
  const rawPath = opts === undefined ? undefined : guardArray(field(opts, 'path'), ['options', 'path'], issues, { required: false, max: 64 });
  const rounding = opts === undefined ? undefined : guardEnum(field(opts, 'rounding'), ROUNDINGS, ['options', 'rounding'], issues, { required: false });
  const path: IssuePath = rawPath !== undefined && rawPath.every((k) => typeof k === 'string' || typeof k === 'number') ? (rawPath as IssuePath) : [];
  const s = guardString(text, path, issues, { max: MAX_MONEY_TEXT, expected: 'montant en euros (texte, ex. 19.50)' });
  if (s === undefined || issues.length > 0) return inputErr(issues);
  const t = s.trim().replace(',', '.');
  const c = exact(t);
  if (c !== undefined) return ok({ centimes: c === 0 ? 0 : c });
  const m = /^-?(\d+)(?:\.(\d+))?$/.exec(t);
  if (m === null) return err(issue('MONEY_FORMAT', { path, received: s }));
  // Too many integer digits is a range problem whatever the decimals; more than two decimals
  // without a named rounding is a precision problem.
  if ((m[1] ?? '').replace(/^0+/, '').length > 13) return err(issue('MONEY_RANGE', { path, received: s }));
  if (rounding === undefined) return err(issue('MONEY_PRECISION', { path, received: s }));
  const cents = eurosTextToCentimes(t, rounding);
  if (cents === undefined || !Number.isSafeInteger(cents)) return err(issue('MONEY_RANGE', { path, received: s }));
  return ok({ centimes: cents === 0 ? 0 : cents });
}

/**
 * Converts a decimal.js value in euros to Money with a named rounding.
 *
 * @param value - Euros.
 * @param rounding - How to reduce to the centime.
 * @returns The amount (never −0).
 * @throws SesamError `ASSERTION` for a value that is not a Decimal, an unknown rounding mode, or
 *   an amount that is not finite or out of the safe range.
 */
export function fromDecimal(value: Decimal, rounding: Rounding): Money {
  if (!isDecimalValue(value)) throw new SesamError('ASSERTION', `fromDecimal expects a decimal.js Decimal, got ${kind(value)}`);
  assertRounding(rounding, 'fromDecimal');
  const c = eurosToCentimes(value, rounding);
  if (c === undefined || !Number.isSafeInteger(c)) throw new SesamError('ASSERTION', 'fromDecimal: not a finite amount in the safe range');
  return { centimes: c === 0 ? 0 : c };
}

/**
 * Converts an amount to a decimal.js value in euros.
 *
 * @param m - The amount.
 * @returns Euros as Decimal.
 * @throws SesamError `ASSERTION` for a non-Money.
 */
export function toDecimal(m: Money): Decimal {
  assertMoney(m, 'toDecimal');
  return centimesToDecimal(m.centimes + 0);
}
