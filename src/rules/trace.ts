/**
 * step: appends one explanation step to the trace when it is on (internal).
 */
import type { Contexte } from './context';

/**
 * Appends a trace step (no-op when `trace: false`).
 *
 * @param ctx - The context (its `trace` is null when off).
 * @param rule - Stable rule id.
 * @param line - Line index, or undefined for invoice-level steps.
 * @param inputs - What the rule looked at.
 * @param result - What it decided.
 * @param amount - Centimes produced, if any.
 * @param source - Spec / legal reference.
 */
export function step(
  ctx: Contexte,
  rule: string,
  line: number | undefined,
  inputs: Readonly<Record<string, string>>,
  result: string,
  amount: number | undefined,
  source: string,
): void {
  const t = ctx.trace;
  if (t === null) return;
  // Hint: one object shape for every step (line / amount present or undefined-free), so V8 keeps a single hidden class.
  if (line === undefined) {
    t.push(amount === undefined ? { rule, inputs, result, source } : { rule, inputs, result, amount: { centimes: amount }, source });
  } else {
    t.push(amount === undefined ? { rule, line, inputs, result, source } : { rule, line, inputs, result, amount: { centimes: amount }, source });
  }
}

/** Amounts below this (655,36 €) keep their text once formatted: invoices repeat a few prices. */
const FMT_CACHE = 1 << 16;
const FMT_TEXT: (string | undefined)[] = [];
/** `'.00'` … `'.99'`: the centimes part without a number-to-string conversion. */
const CENTS: readonly string[] = Array.from({ length: 100 }, (_, r) => (r < 10 ? '.0' : '.') + String(r));

/**
 * Formats non-negative centimes as `'19.00'` (same text as core `formatDecimal`).
 * Hint: the trace formats several amounts per line; texts of amounts below 655,36 € are kept
 * (at most 65 536 short strings, filled on first use), so a repeated price costs an array read.
 *
 * @param c - Centimes (≥ 0; the engine's amounts never go below zero).
 * @returns The decimal text.
 */
export function fmt(c: number): string {
  if (c < FMT_CACHE) {
    const known = FMT_TEXT[c];
    if (known !== undefined) return known;
    return (FMT_TEXT[c] = format(c));
  }
  return format(c);
}

function format(c: number): string {
  const e = Math.floor(c / 100);
  return String(e) + (CENTS[c - e * 100] as string);
}

/** `'0'` … `'999'`: quantities (≤ `MAX_QUANTITE`) and line counts (≤ `MAX_LIGNES`) as trace text. */
const SMALL: readonly string[] = Array.from({ length: 1000 }, (_, n) => String(n));

/**
 * Formats a validated count (a quantité, a number of lines) for the trace: a table read.
 *
 * @param n - An integer from 0 to 999 (validation bounds quantities to 99 and lines to 999).
 * @returns Its decimal text.
 */
export function qte(n: number): string {
  return SMALL[n] as string;
}
