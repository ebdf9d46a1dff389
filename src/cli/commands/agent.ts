/**
 * `sesam agent`: runs the local agent (sesam-billing/agent) until SIGINT or SIGTERM — the HTTP
 * API a web PMS calls on this machine. Loopback only unless `--allow-non-loopback`; the token
 * is created once in the data folder (mode 0600) and its path printed, never the token itself
 * unless `--show-token`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { AgentReaders } from '../../agent/index';
import { AGENT_TOKEN_FILE, createAgent, createVirtualReaderBoard, isLoopbackHost } from '../../agent/index';
import { createDemoCards } from '../../reader/index';
import { openDataDir } from '../dataDir';
import type { CliIo } from '../io';
import { EXIT } from '../outcome';

/** Options of `sesam agent`. */
export interface AgentCommandOptions {
  readonly data?: string;
  readonly host?: string;
  readonly port?: string;
  readonly allowOrigin?: readonly string[];
  readonly allowNonLoopback?: boolean;
  readonly bodyLimit?: string;
  readonly readers?: string;
  readonly showToken?: boolean;
  readonly json?: boolean;
  readonly logLevel?: string;
}

/** The agent's default data folder: `$XDG_DATA_HOME/sesam-billing` (default `~/.local/share/sesam-billing`). */
export function defaultAgentData(): string {
  const xdg = process.env['XDG_DATA_HOME'];
  return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'share'), 'sesam-billing');
}

async function readersOf(kind: string, io: CliIo): Promise<AgentReaders | undefined> {
  if (kind === 'none') return undefined;
  if (kind === 'virtual') {
    const demo = await createDemoCards();
    return createVirtualReaderBoard([demo.vitale, demo.cps]);
  }
  try {
    const { createPcscClient } = await import('../../reader/pcsc/index');
    return await createPcscClient();
  } catch (e) {
    io.err(`sesam agent: readers unavailable (${e instanceof Error ? e.message.replace(/^\[sesam-billing\] /, '') : 'pcsc'}); the reader routes answer 503\n`);
    return undefined;
  }
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/**
 * Runs `sesam agent` until a signal.
 *
 * @param options - Command-line options.
 * @param io - Output.
 * @param signals - Resolves when the agent must stop (default: SIGINT or SIGTERM).
 * @returns The exit code: 0 after a clean stop; 64 bad option; 73 data folder refused; 69 port in use.
 */
export async function runAgent(options: AgentCommandOptions, io: CliIo, signals?: Promise<void>): Promise<number> {
  const host = options.host ?? '127.0.0.1';
  const port = Number(options.port ?? '8787');
  const bodyLimit = options.bodyLimit === undefined ? undefined : Number(options.bodyLimit);
  const readersKind = options.readers ?? 'pcsc';
  const level = (options.logLevel ?? 'info') as (typeof LEVELS)[number];
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(io, `--port must be 0 … 65535`);
  if (bodyLimit !== undefined && (!Number.isInteger(bodyLimit) || bodyLimit < 1024)) return usage(io, '--body-limit must be an integer ≥ 1024 (bytes)');
  if (!['pcsc', 'virtual', 'none'].includes(readersKind)) return usage(io, '--readers must be pcsc, virtual or none');
  if (!LEVELS.includes(level)) return usage(io, `--log-level must be one of ${LEVELS.join(', ')}`);
  if (!isLoopbackHost(host) && options.allowNonLoopback !== true) return usage(io, `refusing to listen on ${host}: not a loopback address (add --allow-non-loopback if the network must reach the agent)`);

  const opened = await openDataDir(options.data ?? defaultAgentData());
  if (!opened.ok) {
    io.err(`sesam agent: ${opened.message}\n`);
    return opened.exit;
  }
  const data = opened.value;
  for (const f of [AGENT_TOKEN_FILE, 'ledger.sqlite', 'ledger.sqlite-wal', 'ledger.sqlite-shm', 'ledger.sqlite-journal']) {
    const claimed = await data.claimFile(f);
    if (!claimed.ok) {
      io.err(`sesam agent: ${claimed.message}\n`);
      return claimed.exit;
    }
  }
  const readers = await readersOf(readersKind, io);
  let agent;
  try {
    agent = await createAgent({
      dataDir: data.path,
      host,
      port,
      ...(options.allowNonLoopback === true ? { allowNonLoopback: true } : {}),
      allowedOrigins: options.allowOrigin ?? [],
      ...(bodyLimit === undefined ? {} : { bodyLimit }),
      ...(readers === undefined ? {} : { readers }),
      log: { stream: { write: (line: string) => io.err(line) }, level },
    });
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ASSERTION') return usage(io, e.message.replace(/^\[sesam-billing\] /, ''));
    throw e;
  }
  try {
    const url = await agent.listen();
    const tokenFile = join(data.path, AGENT_TOKEN_FILE);
    if (options.json === true) io.out(`${JSON.stringify({ url, tokenFile, openapi: `${url}/openapi.json`, ...(options.showToken === true ? { token: agent.token } : {}) })}\n`);
    else {
      io.out(`sesam agent: listening on ${url} (OpenAPI: ${url}/openapi.json)\n`);
      io.out(`sesam agent: token in ${tokenFile} (send it as "Authorization: Bearer <token>")${options.showToken === true ? `: ${agent.token}` : ''}\n`);
      io.out(`sesam agent: allowed origins: ${(options.allowOrigin ?? []).join(', ') || '(none: no web page may call the agent)'}\n`);
    }
  } catch (e) {
    await agent.close();
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.err(`sesam agent: cannot listen on ${host}:${port}: ${code}\n`);
      return EXIT.UNAVAILABLE;
    }
    throw e;
  }
  await (signals ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }));
  await agent.close();
  if (readers !== undefined && 'close' in readers && typeof readers.close === 'function') await (readers.close as () => Promise<void>)();
  io.err('sesam agent: stopped\n');
  return EXIT.OK;
}

function usage(io: CliIo, message: string): number {
  io.err(`sesam agent: ${message}\n`);
  return EXIT.USAGE;
}

/**
 * Adds `sesam agent` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The sub-command.
 */
export function addAgentCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  return program
    .command('agent')
    .summary('run the local agent: the HTTP API a web PMS calls on this machine (readers, pricing, FSE, lots, sending, follow-up)')
    .description('Run the local agent until Ctrl-C (SIGINT) or SIGTERM: an HTTP API on the loopback for web PMS, with a per-install Bearer token and an Origin allow-list. OpenAPI document at /openapi.json. Guide: docs/guides/agent.md.')
    .option('--data <dir>', 'data folder: the token (agent-token, mode 0600) and the SQLite ledger', defaultAgentData())
    .option('--host <address>', 'address to listen on (loopback only unless --allow-non-loopback)', '127.0.0.1')
    .option('--port <n>', 'port (0: any free port)', '8787')
    .option('--allow-origin <origin...>', 'browser origin allowed to call the agent, exactly as the browser sends it (https://pms.example.org); repeatable')
    .option('--allow-non-loopback', 'allow a non-loopback --host (the network then reaches the agent)')
    .option('--body-limit <bytes>', 'largest request body (default 1048576)')
    .option('--readers <kind>', 'pcsc (pcscd), virtual (in-process demo cards) or none', 'pcsc')
    .option('--log-level <level>', 'fatal, error, warn, info, debug or trace (log lines on stderr; PIN and token never logged)', 'info')
    .option('--show-token', 'also print the token (avoid on shared screens and logs)')
    .option('--json', 'print { url, tokenFile, openapi } as one JSON line')
    .addHelpText('after', '\nExit codes: 0 stopped by a signal; 64 bad option (a non-loopback --host without --allow-non-loopback included); 69 port in use; 73 data folder refused; 74 I/O error.')
    .action(async (options: AgentCommandOptions) => {
      done(await runAgent(options, io));
    });
}
