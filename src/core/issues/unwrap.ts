import type { Issue } from './issue';
import type { Result } from './result';
import { SesamError } from './sesamError';

/**
 * Returns the value of a result or throws its issues: the single throwing bridge.
 *
 * @param result - A result.
 * @returns The value.
 * @throws SesamError with code `UNWRAP` carrying the issues; `ASSERTION` when given something that is not a Result.
 * @example
 * const nir = unwrap(validateNir('2 95 10 99 126 111 93'));
 */
export function unwrap<T>(result: Result<T>): T {
  // Junk (not a Result) is a programmer error: an ASSERTION, never a TypeError.
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    throw new SesamError('ASSERTION', `unwrap expects a Result, got ${result === null ? 'null' : typeof result}`);
  }
  if (result.ok) return result.value;
  const issues: unknown = result.issues;
  if (!Array.isArray(issues) || issues.length === 0) throw new SesamError('ASSERTION', 'unwrap: a failed Result must carry issues');
  const first: unknown = issues[0];
  const code = typeof first === 'object' && first !== null && typeof (first as Issue).code === 'string' ? (first as Issue).code : '?';
  const message = typeof first === 'object' && first !== null && typeof (first as Issue).message === 'string' ? (first as Issue).message : '';
  throw new SesamError('UNWRAP', `${code}: ${message}`, { issues: issues as readonly Issue[] });
}
