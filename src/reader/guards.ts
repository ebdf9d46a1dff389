/**
 * Reader guards: the shared guard style (`src/core/guard`) extended to the reader's ports and
 * ports — an `ApduChannel`, a `CardAccess` (the `CpsProfile` guard sits next to the profile, in
 * cps/commands.ts) — so every exported reader
 * function checks what a caller hands it before any APDU is sent.
 */
import { field, guardFunction, guardInteger, guardObject, guardString, INPUT_CODES, kindOf } from '../core/guard/guard';
import { createIssueFactory } from '../core/issues/index';
import type { Issue, IssuePath } from '../core/issues/index';
import type { ApduChannel } from './channel';
import type { CardAccess, ExclusiveOptions } from './transport';

const inputIssue = createIssueFactory(INPUT_CODES);

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

/**
 * `ExclusiveOptions` (optional `timeoutMs`, optional `AbortSignal`), rebuilt from the caller's
 * object so that only checked values reach the arbiter.
 *
 * @param v - Caller value (absent = no options).
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns The options (possibly empty), or `undefined` after an `INPUT_*` issue.
 */
export function guardExclusiveOptions(v: unknown, path: IssuePath, issues: Issue[]): ExclusiveOptions | undefined {
  if (v === undefined) return {};
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  const timeoutMs = guardInteger(field(o, 'timeoutMs'), [...path, 'timeoutMs'], issues, { min: 0, max: 2_147_483_647, required: false });
  const signal = field(o, 'signal');
  if (signal !== undefined && !(signal instanceof AbortSignal)) issues.push(inputIssue('INPUT_TYPE', { path: [...path, 'signal'], expected: 'AbortSignal', received: kindOf(signal) }));
  if (issues.length > before) return undefined;
  return { ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(signal instanceof AbortSignal ? { signal } : {}) };
}
