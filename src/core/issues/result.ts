/**
 * Result: the return type of every function that reads caller data.
 *
 * `ok: true` carries the value and possibly warnings; `ok: false` carries at least one issue.
 */
import type { Issue } from './issue';
import { SesamError } from './sesamError';

/** A successful result; `issues` holds warnings only. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
  readonly issues: readonly Issue[];
}

/** A failed result, with at least one issue (at least one of them an error). */
export interface Err {
  readonly ok: false;
  readonly issues: readonly [Issue, ...Issue[]];
}

/** Either a value (with warnings) or the issues that prevent it. */
export type Result<T> = Ok<T> | Err;

const NO_ISSUES: readonly Issue[] = /* @__PURE__ */ Object.freeze([]);

/**
 * Builds a successful result.
 *
 * @param value - The value.
 * @param warnings - Warnings to carry along (default none).
 * @returns An `Ok` result.
 */
export function ok<T>(value: T, warnings: readonly Issue[] = NO_ISSUES): Ok<T> {
  return { ok: true, value, issues: warnings };
}

/**
 * Builds a failed result.
 *
 * @param first - The first issue.
 * @param rest - More issues.
 * @returns An `Err` result.
 */
export function err(first: Issue, ...rest: Issue[]): Err {
  return { ok: false, issues: [first, ...rest] };
}

/**
 * Builds a result from collected issues: `Err` when any is an error, else `Ok` with the warnings.
 *
 * @param value - The value, used only when no issue is an error.
 * @param issues - The collected issues.
 * @returns A result.
 * @throws SesamError `ASSERTION` when `issues` is not an array of issue objects.
 */
export function resultOf<T>(value: T, issues: readonly Issue[]): Result<T> {
  return hasErrors(issues) ? { ok: false, issues: issues as readonly [Issue, ...Issue[]] } : ok(value, issues);
}

/**
 * Tells whether any issue in a list is an error.
 *
 * @param issues - The issues.
 * @returns `true` when at least one has severity `error`.
 * @throws SesamError `ASSERTION` when `issues` is not an array of issue objects.
 */
export function hasErrors(issues: readonly Issue[]): boolean {
  // Programmer-facing: a list that is not an array of issues is a bug in the caller, said loudly.
  if (!Array.isArray(issues)) throw new SesamError('ASSERTION', `issues must be an array of Issue, got ${issues === null ? 'null' : typeof issues}`);
  let errors = false;
  for (const issue of issues as readonly unknown[]) {
    if (typeof issue !== 'object' || issue === null) throw new SesamError('ASSERTION', 'issues must hold Issue objects');
    if ((issue as { severity?: unknown }).severity === 'error') errors = true;
  }
  return errors;
}
