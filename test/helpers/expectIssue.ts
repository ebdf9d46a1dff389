import { expect } from 'vitest';
import type { Issue, Result } from '../../src/core/issues/index';

/**
 * Asserts that a result carries an issue with a code (and, when given, a path prefix).
 * Matches codes and paths, never message text.
 */
export function expectIssue(result: Result<unknown> | readonly Issue[], code: string, path?: readonly (string | number)[]): Issue {
  const issues = Array.isArray(result) ? (result as readonly Issue[]) : (result as Result<unknown>).issues;
  const found = issues.find(
    (i) => i.code === code && (path === undefined || path.every((p, k) => i.path[k] === p)),
  );
  expect(found, `expected issue ${code}${path ? ` at ${path.join('.')}` : ''}; got ${issues.map((i) => `${i.code}@${i.path.join('.')}`).join(', ') || 'none'}`).toBeDefined();
  return found as Issue;
}

/** Asserts that a result is ok and returns its value. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) {
    expect.fail(`expected ok, got ${result.issues.map((i) => `${i.code}@${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.value;
}
