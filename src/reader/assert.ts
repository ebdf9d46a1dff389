/**
 * Argument checks of the reader's programmer-facing primitives (APDU builders, byte helpers,
 * virtual-card factories): the shared guards (`src/core/guard`) applied to one argument, and a
 * `SesamError` with code `ASSERTION` (carrying the `INPUT_*` issue) when it does not fit — never a
 * TypeError or a RangeError from deep inside.
 */
import { guardBytes, guardInteger, guardString } from '../core/guard/guard';
import { SesamError } from '../core/issues/index';
import type { Issue, IssuePath } from '../core/issues/index';

/** A guard of the shared style. */
export type Guard<T> = (v: unknown, path: IssuePath, issues: Issue[]) => T | undefined;

/**
 * Checks one argument with a guard; throws `ASSERTION` when it fails.
 *
 * @param v - The argument.
 * @param name - Its name (the issue path).
 * @param guard - A shared-style guard.
 * @returns The typed value.
 * @throws SesamError `ASSERTION` carrying the guard's `INPUT_*` issue.
 */
export function arg<T>(v: unknown, name: string, guard: Guard<T>): T {
  const issues: Issue[] = [];
  const x = guard(v, [name], issues);
  if (x === undefined || issues.length > 0) throw new SesamError('ASSERTION', `${name}: ${issues[0]?.message ?? 'argument invalide'}`, { issues });
  return x;
}

/** An integer argument in `[min, max]`. */
export const intArg = (v: unknown, name: string, min: number, max: number): number => arg(v, name, (x, p, i) => guardInteger(x, p, i, { min, max }));
/** A byte (0..255). */
export const byteArg = (v: unknown, name: string): number => intArg(v, name, 0, 255);
/** A byte array (`Uint8Array`). */
export const bytesArg = (v: unknown, name: string, max = 16 * 1024 * 1024): Uint8Array => arg(v, name, (x, p, i) => guardBytes(x, p, i, { max }));
/** A hex text (pairs of hex digits; spaces and colons allowed). */
export const hexArg = (v: unknown, name: string): string =>
  arg(v, name, (x, p, i) => guardString(x, p, i, { max: 1 << 20, pattern: /^(?:[\s:]*[0-9A-Fa-f][\s:]*[0-9A-Fa-f])*[\s:]*$/, expected: 'texte hexadécimal (paires de chiffres)' }));
