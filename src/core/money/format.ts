/**
 * Money to text: the canonical decimal string (`'19.00'`, inverse of `euros`) and the French
 * display form (`'19,00 €'`, `'1 234,50 €'`).
 */
import { assertMoney } from './assertions';
import type { Money } from './money';

/**
 * Formats an amount as a canonical decimal string with two decimals and a dot.
 *
 * @param m - The amount.
 * @returns E.g. `'19.00'`, `'-0.50'` (zero is `'0.00'`, never `'-0.00'`).
 * @throws SesamError `ASSERTION` for a non-Money (so `NaN`, floats and `1e21` never print).
 */
export function formatDecimal(m: Money): string {
  assertMoney(m, 'formatDecimal');
  const neg = m.centimes < 0;
  const abs = String(Math.abs(m.centimes)).padStart(3, '0');
  return `${neg ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** Use plain spaces instead of the typographic no-break spaces (for fixed-width terminals). */
  readonly ascii?: boolean;
  /** Leave the euro sign out. */
  readonly symbol?: boolean;
}

/**
 * Formats an amount the French way: comma decimals, grouped thousands, euro sign after.
 * Uses U+202F between thousands and U+00A0 before €, as `Intl.NumberFormat('fr-FR')` does.
 *
 * @param m - The amount.
 * @param options - `ascii` for plain spaces, `symbol: false` to omit €.
 * @returns E.g. `'19,00 €'`; always matches `/^-?\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/` (plain spaces with `ascii`).
 * @throws SesamError `ASSERTION` for a non-Money (so `N,aN €` or `1e+,21 €` never print).
 * @example
 * formatMoney(euros('1234.5')) // '1 234,50 €' (U+202F, U+00A0)
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  assertMoney(m, 'formatMoney');
  // Options are read only when they are an object: junk options mean the defaults.
  const o: FormatMoneyOptions = typeof options === 'object' && options !== null ? options : {};
  const group = o.ascii === true ? ' ' : '\u202f';
  const space = o.ascii === true ? ' ' : '\u00a0';
  const [int = '0', dec = '00'] = formatDecimal(m).split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const text = `${neg ? '-' : ''}${grouped},${dec}`;
  return o.symbol === false ? text : `${text}${space}€`;
}
