/**
 * A real IMAP server for the tests and the demo: Debian's dovecot (dovecot-imapd) started with a
 * generated configuration in a temp dir (`dovecot -c conf -F`), listening on 127.0.0.1 on a free
 * port, no TLS, static password (any user name logs in with it, one maildir per user in the temp
 * dir); stopped by PID, and only the temp dir it created is removed. `findDovecot()` returns
 * undefined when the binary is missing, so a suite skips with a reason and the demo falls back to
 * an in-process mailbox.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The dovecot binary (`DOVECOT_BIN` overrides the Debian path; read again by each `findDovecot`). */
export const DOVECOT_BIN = process.env['DOVECOT_BIN'] ?? '/usr/sbin/dovecot';
const dovecotBin = (): string => process.env['DOVECOT_BIN'] ?? '/usr/sbin/dovecot';

/**
 * Finds the dovecot binary.
 *
 * @returns Its path, or `undefined` when it is missing or not executable.
 */
export function findDovecot(): string | undefined {
  try {
    accessSync(dovecotBin(), constants.X_OK);
    return dovecotBin();
  } catch {
    return undefined;
  }
}

/**
 * A free TCP port on 127.0.0.1.
 *
 * @returns The port number.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, ms: number, proc: ChildProcess, log: () => string): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`dovecot exited (${proc.exitCode}): ${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('data', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > end) throw new Error(`dovecot did not listen on ${port}: ${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A running dovecot. */
export interface TestDovecot {
  readonly port: number;
  /** The POP3 port, when started with `{ pop3: true }` (Debian dovecot-pop3d). */
  readonly pop3Port?: number;
  readonly user: string;
  readonly pass: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Whether Debian's dovecot-pop3d is installed (the POP3 service binary beside dovecot's). */
export function hasDovecotPop3(): boolean {
  try {
    accessSync(process.env['DOVECOT_POP3'] ?? '/usr/lib/dovecot/pop3', constants.X_OK);
    return findDovecot() !== undefined;
  } catch {
    return false;
  }
}

/**
 * Starts dovecot on a free loopback port.
 *
 * @param options - `pop3`: also listen for POP3 on a second free port (needs dovecot-pop3d).
 * @returns The running server (port, POP3 port, user `ps`, password, PID, `stop`).
 * @throws Error when dovecot exits or does not listen within 15 s.
 */
export async function startDovecot(options: { readonly pop3?: boolean } = {}): Promise<TestDovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'dovecot-'));
  chmodSync(dir, 0o755);
  for (const d of ['run', 'state', 'mail']) mkdirSync(join(dir, d), { mode: 0o777 });
  chmodSync(join(dir, 'mail'), 0o777);
  const port = await freePort();
  const pop3Port = options.pop3 === true ? await freePort() : 0;
  const me = userInfo();
  const root = me.uid === 0;
  // As root, dovecot refuses to run mail processes as uid 0: use its own unprivileged users.
  const internal = root ? 'dovecot' : me.username;
  const login = root ? 'dovenull' : me.username;
  const mailUid = root ? 'dovecot' : String(me.uid);
  const mailGid = root ? 'dovecot' : String(me.gid);
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap${pop3Port > 0 ? ' pop3' : ''}
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
# A throwaway mailbox in a temp dir: no fsync (the load test appends thousands of returns).
mail_fsync = never
default_internal_user = ${internal}
default_internal_group = ${root ? 'dovecot' : String(me.gid)}
default_login_user = ${login}
first_valid_uid = 0
first_valid_gid = 0
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = ${pop3Port}
  }
  inet_listener pop3s {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
service stats {
  inet_listener http {
    port = 0
  }
}
`,
  );
  const proc = spawn(dovecotBin(), ['-c', conf, '-F'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const log = (): string => {
    let file = '';
    try {
      file = readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      /* no log yet */
    }
    return `${output}\n${file}`.slice(-2000);
  };
  await waitForPort(port, 15_000, proc, log);
  if (pop3Port > 0) await waitForPort(pop3Port, 15_000, proc, log);
  return {
    port,
    ...(pop3Port > 0 ? { pop3Port } : {}),
    user: 'ps',
    pass: 'secret',
    pid: proc.pid!,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise<void>((r) => proc.once('exit', () => r()));
        process.kill(proc.pid!, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (proc.exitCode === null) process.kill(proc.pid!, 'SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
