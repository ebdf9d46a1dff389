/**
 * Reader guards: the shared guard style (`src/core/guard`) extended to the reader's ports and
 * ports — an `ApduChannel`, a `CardAccess` (the `CpsProfile` guard sits next to the profile, in
 * cps/commands.ts) — so every exported reader
 * function checks what a caller hands it before any APDU is sent.
 */
import { field, guardFunction, guardObject, guardString } from '../core/guard/guard';
import type { Issue, IssuePath } from '../core/issues/index';
import type { ApduChannel } from './channel';
import type { CardAccess } from './transport';

/**
 * An `ApduChannel` (an object with `send`, `expect` and `transport`).
 *
 * @param v - Caller value.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector.
 * @returns The channel, or `undefined` after an `INPUT_*` issue.
 */
export function guardChannel(v: unknown, path: IssuePath, issues: Issue[]): ApduChannel | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardFunction(field(o, 'send'), [...path, 'send'], issues);
  guardFunction(field(o, 'expect'), [...path, 'expect'], issues);
  guardObject(field(o, 'transport'), [...path, 'transport'], issues);
  return issues.length === before ? (o as unknown as ApduChannel) : undefined;
}

/**
 * A `CardAccess` (an object with an `exclusive` function and a reader name).
 *
 * @param v - Caller value.
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns The access, or `undefined` after an `INPUT_*` issue.
 */
export function guardCardAccess(v: unknown, path: IssuePath, issues: Issue[]): CardAccess | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardFunction(field(o, 'exclusive'), [...path, 'exclusive'], issues);
  guardString(field(o, 'reader'), [...path, 'reader'], issues, { max: 256 });
  return issues.length === before ? (o as unknown as CardAccess) : undefined;
}
