/**
 * Money to text: the canonical decimal string (`'19.00'`, inverse of `euros`) and the French
 * display form (`'19,00 €'`, `'1 234,50 €'`).
 */
import type { Money } from './money';

/**
 * Formats an amount as a canonical decimal string with two decimals and a dot.
 *
 * @param m - The amount.
 * @returns E.g. `'19.00'`, `'-0.50'`.
 */
export function formatDecimal(m: Money): string {
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
 * @returns E.g. `'19,00 €'`.
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  const group = options.ascii === true ? ' ' : '\u202f';
  const space = options.ascii === true ? ' ' : '\u00a0';
  const [int = '0', dec = '00'] = formatDecimal(m).split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const text = `${neg ? '-' : ''}${grouped},${dec}`;
  return options.symbol === false ? text : `${text}${space}€`;
}
