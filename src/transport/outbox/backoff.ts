/**
 * Retry delays and the per-destination circuit breaker of the outbox. Programmer-facing
 * primitives: arguments of the wrong shape throw SesamError `ASSERTION`.
 */
import { assert } from '../../core/issues/index';

const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const hasNums = (o: unknown, keys: readonly string[]): boolean =>
  typeof o === 'object' && o !== null && keys.every((k) => isNum((o as Record<string, unknown>)[k]));

/** Exponential backoff with jitter. */
export interface BackoffPolicy {
  /** First delay, ms (default 30 000). */
  readonly baseMs: number;
  /** Largest delay, ms (default 3 600 000). */
  readonly maxMs: number;
  /** Growth per attempt (default 2). */
  readonly factor: number;
}

/** Default backoff: 30 s, 1 min, 2 min… capped at 1 h. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 3_600_000, factor: 2 };

/**
 * Delay before the next attempt: `min(max, base × factor^(attempts−1))`, half of it fixed and
 * half drawn at random ("equal jitter"), so queued files of many PMS do not retry in step.
 *
 * @param attempts - Attempts made so far (≥ 1).
 * @param policy - The backoff.
 * @param random - A number in [0, 1).
 * @returns The delay, ms (an integer between half the capped delay and the capped delay).
 */
export function computeBackoffMs(attempts: number, policy: BackoffPolicy, random: number): number {
  assert(isNum(attempts) && isNum(random) && hasNums(policy, ['baseMs', 'maxMs', 'factor']), 'computeBackoffMs: (attempts: number, policy: BackoffPolicy, random: number)');
  const n = Math.max(1, Math.floor(attempts));
  const capped = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.min(n - 1, 64));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.floor(capped / 2 + (capped / 2) * r);
}

/** Circuit breaker settings (per destination). */
export interface BreakerPolicy {
  /** Consecutive transient failures that open the circuit (default 5). */
  readonly threshold: number;
  /** How long an open circuit stays open before one trial send, ms (default 300 000). */
  readonly cooldownMs: number;
}

/** Default breaker: opens after 5 failures in a row, tries again after 5 min. */
export const DEFAULT_BREAKER: BreakerPolicy = { threshold: 5, cooldownMs: 300_000 };

/** State of one destination's circuit. */
export interface CircuitState {
  readonly failures: number;
  /** Open until this instant (epoch ms); 0 when closed. */
  readonly openUntil: number;
}

/** A closed circuit. */
export const CLOSED: CircuitState = { failures: 0, openUntil: 0 };

/**
 * Whether a send to the destination may be tried now (closed, or open with its cooldown over:
 * one trial, "half-open").
 *
 * @param s - The state.
 * @param nowMs - Now.
 * @returns `true` when a send may be tried.
 */
export function isCircuitPassable(s: CircuitState, nowMs: number): boolean {
  assert(hasNums(s, ['failures', 'openUntil']) && isNum(nowMs), 'isCircuitPassable: (state: CircuitState, nowMs: number)');
  return s.openUntil === 0 || nowMs >= s.openUntil;
}

/**
 * Next state after a send.
 *
 * @param s - The state.
 * @param success - Whether the send succeeded (or the server answered at all).
 * @param nowMs - Now.
 * @param policy - The breaker.
 * @returns The new state (a failure during a half-open trial re-opens for a full cooldown).
 */
export function nextCircuitState(s: CircuitState, success: boolean, nowMs: number, policy: BreakerPolicy): CircuitState {
  assert(hasNums(s, ['failures', 'openUntil']) && typeof success === 'boolean' && isNum(nowMs) && hasNums(policy, ['threshold', 'cooldownMs']), 'nextCircuitState: (state, success: boolean, nowMs: number, policy: BreakerPolicy)');
  if (success) return CLOSED;
  const failures = s.failures + 1;
  return { failures, openUntil: failures >= policy.threshold ? nowMs + policy.cooldownMs : 0 };
}
