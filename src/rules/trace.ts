/**
 * step: appends one explanation step to the trace when it is on (internal).
 */
import type { Money } from '../core/money/index';
import { formatDecimal, ZERO } from '../core/money/index';
import type { Contexte } from './context';

/**
 * Appends a trace step (no-op when `trace: false`).
 *
 * @param ctx - The context (its `trace` is null when off).
 * @param rule - Stable rule id.
 * @param line - Line index, or undefined for invoice-level steps.
 * @param inputs - What the rule looked at.
 * @param result - What it decided.
 * @param amount - The amount produced, if any (Hint: the same object as in the line or total, not a copy).
 * @param source - Spec / legal reference.
 */
export function step(
  ctx: Contexte,
  rule: string,
  line: number | undefined,
  inputs: Readonly<Record<string, string>>,
  result: string,
  amount: Money | undefined,
  source: string,
): void {
  const t = ctx.trace;
  if (t === null) return;
  // exactOptionalPropertyTypes: `line` / `amount` are absent, never undefined, hence four literals.
  if (line === undefined) {
    t.push(amount === undefined ? { rule, inputs, result, source } : { rule, inputs, result, amount, source });
  } else {
    t.push(amount === undefined ? { rule, line, inputs, result, source } : { rule, line, inputs, result, amount, source });
  }
}

/**
 * An amount of centimes as Money; zero is the shared frozen `ZERO` (Hint: most lines carry a zero
 * franchise, PF or dépassement).
 *
 * @param c - Centimes (a safe integer).
 * @returns The Money.
 */
export function money(c: number): Money {
  return c === 0 ? ZERO : { centimes: c };
}

/** Amounts below this (655,36 €) keep their text once formatted: invoices repeat a few prices. */
const FMT_CACHE = 1 << 16;
/** Hint: a dense array filled with `''` up front (a sparse one falls back to a slow dictionary). */
let fmtText: string[] | null = null;
/**
 * Formats centimes as `'19.00'` (core `formatDecimal`).
 * Hint: the trace formats several amounts per line; texts of amounts from 0 to 655,35 € are kept
 * (a 65 536-slot table, 512 KB, created on the first call and filled on use), so a repeated price
 * costs an array read.
 *
 * @param c - Centimes.
 * @returns The decimal text.
 */
export function fmt(c: number): string {
  if (!(c >= 0 && c < FMT_CACHE)) return formatDecimal({ centimes: c });
  const texts = fmtText ?? (fmtText = new Array<string>(FMT_CACHE).fill(''));
  const known = texts[c] as string;
  return known !== '' ? known : (texts[c] = formatDecimal({ centimes: c }));
}

/** `'0'` … `'999'`: quantities (≤ `MAX_QUANTITE`) and line counts (≤ `MAX_LIGNES`) as trace text. */
const SMALL: readonly string[] = /* @__PURE__ */ Array.from({ length: 1000 }, (_, n) => String(n));

/**
 * Formats a validated count (a quantité, a number of lines) for the trace: a table read.
 *
 * @param n - An integer from 0 to 999 (validation bounds quantities to 99 and lines to 999).
 * @returns Its decimal text.
 */
export function qte(n: number): string {
  return SMALL[n] as string;
}
