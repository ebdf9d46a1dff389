/**
 * What the routes share: the ledger, the readers, the opened CPS, sending, the dashboard hook,
 * the clock. One per agent.
 */
import type { FastifyReply } from 'fastify';
import type { Issue, Result } from '../core/issues/index';
import type { LedgerStore } from '../ledger/index';
import type { CpsSession } from '../reader/index';
import type { Securer } from '../signature/index';
import { sendIssues } from './http';
import type { AgentSendOptions } from './options';
import type { AgentReaders } from './readers';

/** The agent's state, as the routes see it. */
export interface AgentContext {
  readonly ledger: LedgerStore;
  readonly readers?: AgentReaders;
  readonly send?: AgentSendOptions;
  readonly dashboard?: () => Promise<string> | string;
  readonly clock: () => string;
  /** The securer given in the options, or the one of the CPS opened with its PIN. */
  securer(): Securer | undefined;
  /** The CPS opened with its PIN (kept while its card stays in its reader). */
  cps(): CpsSession | undefined;
  openedCps(session: CpsSession | undefined): void;
  /** Open SSE streams, ended when the agent closes. */
  readonly streams: Set<{ end(): void }>;
}

/**
 * Answers a library Result: 200 with `body(value, warnings)`, or 422 with its issues.
 *
 * @param reply - The reply.
 * @param result - The Result.
 * @param body - The success body.
 * @returns The reply.
 */
export function answer<T>(reply: FastifyReply, result: Result<T>, body: (value: T, warnings: readonly Issue[]) => unknown): FastifyReply {
  if (!result.ok) return sendIssues(reply, 422, result.issues);
  return reply.send(body(result.value, result.issues));
}

/** Bytes as base64 (for JSON answers). */
export const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
