import type { Result } from './result';
import { SesamError } from './sesamError';

/**
 * Returns the value of a result or throws its issues: the single throwing bridge.
 *
 * @param result - A result.
 * @returns The value.
 * @throws SesamError with code `UNWRAP` carrying the issues.
 * @example
 * const nir = unwrap(validateNir('2 95 10 99 126 111 93'));
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const first = result.issues[0];
  throw new SesamError('UNWRAP', `${first.code}: ${first.message}`, { issues: result.issues });
}
