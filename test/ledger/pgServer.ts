/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temp dir, `pg_ctl start` on a free
 * loopback port with the unix socket in that dir, stopped by the postmaster's PID. Run as root,
 * the server runs as the `postgres` user (initdb refuses root). Binaries: Debian's
 * /usr/lib/postgresql/<major>/bin, or PG_BIN, or the PATH.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running cluster. */
export interface PgServer {
  readonly connectionString: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

/** The folder of initdb / pg_ctl, or undefined when PostgreSQL is not installed. */
export function findPgBin(): string | undefined {
  const candidates = [process.env['PG_BIN']];
  try {
    for (const v of readdirSync('/usr/lib/postgresql').sort().reverse()) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  } catch {
    // not Debian's layout
  }
  for (const c of candidates) if (c !== undefined && existsSync(join(c, 'initdb')) && existsSync(join(c, 'pg_ctl'))) return c;
  return undefined;
}

/** Why the PostgreSQL tests are skipped, or undefined when they can run. */
export function pgSkipReason(): string | undefined {
  if (findPgBin() === undefined) return 'PostgreSQL binaries (initdb, pg_ctl) not found: install Debian postgresql or set PG_BIN';
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root without a postgres user to run the server';
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a fresh cluster (about a second); `stop()` kills it by PID and removes its files.
 *
 * @param options - `durable: true` keeps fsync on (benchmarks); tests run without it (the
 *   crash tests kill clients, not the machine).
 */
export async function startPgServer(options: { readonly durable?: boolean } = {}): Promise<PgServer> {
  const bin = findPgBin();
  if (bin === undefined) throw new Error('PostgreSQL binaries not found');
  const dir = mkdtempSync(join(tmpdir(), 'sesam-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const fast = options.durable === true ? '' : ' -c fsync=off -c full_page_writes=off';
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${fast}`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    pid,
    async stop() {
      try {
        process.kill(pid, 'SIGINT'); // fast shutdown
      } catch {
        // already gone
      }
      for (let k = 0; k < 200; k++) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
