/**
 * Options of `createAgent`, checked at the boundary (programmer input: a wrong option throws
 * `SesamError('ASSERTION')` with the `INPUT_*` issues before anything listens).
 */
import type { Issue } from '../core/issues/index';
import { SesamError } from '../core/issues/index';
import { field, guardArray, guardBoolean, guardFunction, guardInteger, guardObject, guardString, inputIssue } from '../core/guard/index';
import type { LedgerStore } from '../ledger/index';
import type { Securer } from '../signature/index';
import type { Outbox } from '../transport/index';
import type { AgentReaders } from './readers';

/** Where the agent writes its log lines (pino JSON lines; the PIN and the token are redacted). */
export interface AgentLogOptions {
  readonly stream: { write(line: string): void };
  /** pino level (default `info`). */
  readonly level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

/** Sending through the transport outbox (`sesam-billing/transport`). */
export interface AgentSendOptions {
  readonly outbox: Outbox;
  /** The recipient address of a written file (the caisse's or the OCT's), or `undefined` to keep it unsent. */
  destinationOf(file: { readonly fileId: string; readonly kind: 'fse' | 'dre'; readonly ps: string; readonly destinataire: string }): string | undefined;
}

/** Options of {@link createAgent}. */
export interface AgentOptions {
  /** Data folder: the token file and, by default, the SQLite ledger (`ledger.sqlite`). */
  readonly dataDir?: string;
  /** Address to bind (default `127.0.0.1`). A non-loopback address needs `allowNonLoopback`. */
  readonly host?: string;
  /** Port (default 8787; 0 picks a free port, see `url` after `listen`). */
  readonly port?: number;
  /** Allows binding a non-loopback address (the network then reaches the agent: think twice). */
  readonly allowNonLoopback?: boolean;
  /** Exact browser origins allowed to call the agent (`https://pms.example.org`); default none. */
  readonly allowedOrigins?: readonly string[];
  /** The token (default: read from, or created in, `dataDir`). At least 32 characters. */
  readonly token?: string;
  /** Largest request body, bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Requests allowed per window (default 600 per 60 000 ms). */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  /** Readers and card events (a PC/SC client or a virtual board). */
  readonly readers?: AgentReaders;
  /** The ledger (default: SQLite in `dataDir`, closed with the agent). */
  readonly ledger?: LedgerStore;
  /** A securer to use instead of the CPS opened with its PIN (software signer, tests). */
  readonly securer?: Securer;
  /** Sending (drain of the outbox), when configured. */
  readonly send?: AgentSendOptions;
  /**
   * HOOK for the tiers-payant dashboard (`renderDashboardHtml`, written separately): returns the
   * HTML page served at GET /dashboard. Without it the route answers 503 AGENT_NOT_CONFIGURED.
   */
  readonly dashboard?: () => Promise<string> | string;
  /** Log lines (default: no log). */
  readonly log?: AgentLogOptions;
  /** Injected clock, ISO 8601 instant (default the system clock): the ledger's and the securer's. */
  readonly clock?: () => string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** True for an address that only this machine reaches. */
export const isLoopbackHost = (host: string): boolean => typeof host === 'string' && (LOOPBACK.has(host) || /^127(\.\d{1,3}){3}$/.test(host));

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Checks the options.
 *
 * @param options - Untrusted options.
 * @returns The options, typed.
 * @throws SesamError `ASSERTION` with the issues.
 */
export function checkAgentOptions(options: unknown): AgentOptions {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues, { required: false }) ?? {};
  const p = (k: string): string[] => ['options', k];
  const dataDir = guardString(field(o, 'dataDir'), p('dataDir'), issues, { required: false, min: 1, max: 4096, pattern: /^[^\u0000-\u001f]+$/ });
  const host = guardString(field(o, 'host'), p('host'), issues, { required: false, min: 1, max: 253, pattern: /^[A-Za-z0-9.:-]+$/ });
  guardInteger(field(o, 'port'), p('port'), issues, { required: false, min: 0, max: 65535 });
  const remote = guardBoolean(field(o, 'allowNonLoopback'), p('allowNonLoopback'), issues, { required: false });
  const origins = guardArray(field(o, 'allowedOrigins'), p('allowedOrigins'), issues, { required: false, max: 100 });
  origins?.forEach((x, i) => guardString(x, [...p('allowedOrigins'), i], issues, { max: 300, pattern: ORIGIN, expected: 'origine http(s)://hôte[:port], sans chemin' }));
  const token = guardString(field(o, 'token'), p('token'), issues, { required: false, min: 32, max: 128, pattern: /^[A-Za-z0-9_-]+$/ });
  guardInteger(field(o, 'bodyLimit'), p('bodyLimit'), issues, { required: false, min: 1024, max: 256 * 1024 * 1024 });
  const rate = guardObject(field(o, 'rateLimit'), p('rateLimit'), issues, { required: false });
  if (rate !== undefined) {
    guardInteger(field(rate, 'max'), [...p('rateLimit'), 'max'], issues, { min: 1, max: 1_000_000 });
    guardInteger(field(rate, 'timeWindowMs'), [...p('rateLimit'), 'timeWindowMs'], issues, { min: 1, max: 86_400_000 });
  }
  for (const k of ['readers', 'ledger', 'securer', 'send', 'log']) guardObject(field(o, k), p(k), issues, { required: false });
  for (const k of ['dashboard', 'clock']) guardFunction(field(o, k), p(k), issues, { required: false });
  if (host !== undefined && !isLoopbackHost(host) && remote !== true) {
    issues.push(inputIssue('INPUT_RANGE', { path: p('host'), expected: 'adresse de bouclage (127.0.0.1, ::1, localhost) ou allowNonLoopback: true', received: host }));
  }
  if (dataDir === undefined && (token === undefined || field(o, 'ledger') === undefined)) {
    issues.push(inputIssue('INPUT_MISSING', { path: p('dataDir'), expected: 'dossier de données (jeton et ledger), sauf si token et ledger sont fournis' }));
  }
  if (issues.length > 0) throw new SesamError('ASSERTION', `invalid agent options: ${issues.map((i) => `${i.path.join('.')} ${i.code}`).join(', ')}`, { issues });
  return o as AgentOptions;
}
