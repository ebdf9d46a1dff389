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

/**
 * Formats non-negative centimes as `'19.00'` (same text as core `formatDecimal`).
 * Hint: integer-to-string of two small numbers; the trace formats several amounts per line.
 *
 * @param c - Centimes (≥ 0; the engine's amounts never go below zero).
 * @returns The decimal text.
 */
export function fmt(c: number): string {
  const e = Math.floor(c / 100);
  const r = c - e * 100;
  return e + (r < 10 ? '.0' : '.') + r;
}
