/**
 * "Junk inside a valid input": every path of a plain data tree, and a copy of the tree with the
 * value at one path replaced (or removed, with `undefined`). That is where TypeErrors hide: a
 * function that guards its top-level argument but trusts `input.beneficiaire.droitsAmo[0]`.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Issue, Result } from '../../../src/core/issues/index';
import { junkArb } from '../../helpers/junk';

/** A path into a data tree. */
export type Path = readonly (string | number)[];

/**
 * Every path of a tree of plain objects and arrays (the root excluded), depth first.
 *
 * @param value - A plain data tree (no cycles).
 * @param max - Longest array walked (longer ones contribute their first `max` items).
 */
export function pathsOf(value: unknown, max = 3): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Path): void => {
    if (Array.isArray(v)) {
      v.slice(0, max).forEach((item, k) => { out.push([...path, k]); walk(item, [...path, k]); });
    } else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, item] of Object.entries(v)) { out.push([...path, k]); walk(item, [...path, k]); }
    }
  };
  walk(value, []);
  return out;
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  }
  return v;
}

/**
 * A copy of `root` with `junk` at `path` (the rest shared by value, the input is not mutated).
 *
 * @returns The new tree.
 */
export function setAt<T>(root: T, path: Path, junk: unknown): T {
  const copy = clone(root) as T;
  let node = copy as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (junk === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = junk;
  return copy;
}

/** fast-check: a path of `root` and a junk value to put there. */
export function junkAt(root: unknown): fc.Arbitrary<{ path: Path; junk: unknown }> {
  return fc.record({ path: fc.constantFrom(...pathsOf(root)), junk: junkArb });
}

/** Coarse kind: values of different kinds can never both be valid at one place. */
export function coarseKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'integer' : 'non-integer';
  return typeof v;
}

/** Whether one path is a prefix of the other. */
export function related(a: Path, b: Path): boolean {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The value at `path` of a tree (`undefined` when a step is missing). */
export function valueAt(root: unknown, path: Path): unknown {
  let v = root as Record<string | number, unknown> | undefined;
  for (const k of path) v = v?.[k] as Record<string | number, unknown> | undefined;
  return v;
}

/**
 * A checker of "a Result whose issues carry known codes, paths and a fix; an Err has an error".
 *
 * @param codes - The codes the function may raise.
 * @returns The checker (returns the Result).
 */
export function resultChecker(codes: ReadonlySet<string>): (r: unknown) => Result<unknown> {
  return (r) => {
    const res = r as Result<unknown>;
    expect(typeof res.ok).toBe('boolean');
    for (const i of res.issues) {
      expect(codes.has(i.code), i.code).toBe(true);
      expect(Array.isArray(i.path)).toBe(true);
      expect(i.fix, i.code).toMatch(/\S/);
    }
    if (!res.ok) expect(res.issues.some((i) => i.severity === 'error')).toBe(true);
    return res;
  };
}

/** A value of another kind than the valid one must be reported at or above its path. */
export function expectLocated(r: Result<unknown>, path: Path, before: unknown, junk: unknown): void {
  if (junk === undefined || coarseKind(junk) === coarseKind(before)) return;
  expect(r.ok, `junk ${String(coarseKind(junk))} at ${path.join('.')}`).toBe(false);
  const paths = r.issues.map((i: Issue) => i.path);
  expect(paths.some((p) => related(p, path)), `issues at ${paths.map((p) => p.join('.')).join(', ')}; junk at ${path.join('.')}`).toBe(true);
}
