/**
 * Starts a real pcscd with the vsmartcard vpcd reader and the TCP_NODELAY preload of LAB §3
 * (compiled at run time into a temp dir), plus virtual card processes; stops everything by PID.
 * Shared by test/e2e/pcsc.test.ts and bench/cards.bench.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SOCKET = '/run/pcscd/pcscd.comm';
const VPCD_DRIVERS = ['/usr/lib/pcsc/drivers/serial/libifdvpcd.so', '/usr/lib64/pcsc/drivers/serial/libifdvpcd.so'];

const NODELAY_C = `#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
static void nodelay(int fd) { int one = 1; if (fd >= 0) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); }
int accept(int s, struct sockaddr *a, socklen_t *l) {
  static int (*real)(int, struct sockaddr *, socklen_t *); if (!real) real = dlsym(RTLD_NEXT, "accept");
  int fd = real(s, a, l); nodelay(fd); return fd; }
int accept4(int s, struct sockaddr *a, socklen_t *l, int f) {
  static int (*real)(int, struct sockaddr *, socklen_t *, int); if (!real) real = dlsym(RTLD_NEXT, "accept4");
  int fd = real(s, a, l, f); nodelay(fd); return fd; }
int connect(int s, const struct sockaddr *a, socklen_t l) {
  static int (*real)(int, const struct sockaddr *, socklen_t); if (!real) real = dlsym(RTLD_NEXT, "connect");
  int r = real(s, a, l); if (a && (a->sa_family == AF_INET || a->sa_family == AF_INET6)) nodelay(s); return r; }
`;

const which = (cmd: string): string | undefined => {
  for (const d of (process.env['PATH'] ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const p = join(d, cmd);
    if (existsSync(p)) return p;
  }
  return undefined;
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Why the real PC/SC lab cannot run here, or undefined when it can. */
export async function pcscLabUnavailable(): Promise<string | undefined> {
  if (process.platform !== 'linux') return `PC/SC e2e needs Linux (pcscd + vsmartcard-vpcd); platform is ${process.platform}`;
  if (which('pcscd') === undefined) return 'pcscd is not installed (apt-get install pcscd vsmartcard-vpcd libpcsclite-dev)';
  if (!VPCD_DRIVERS.some((p) => existsSync(p))) return 'vsmartcard-vpcd is not installed (apt-get install vsmartcard-vpcd)';
  try {
    await import('pcsclite' as string);
  } catch (e) {
    return `the optional npm package pcsclite is not usable: ${(e as Error).message}`;
  }
  if (runningPcscd() === undefined) {
    if (which('cc') === undefined) return 'no C compiler (cc) to build the TCP_NODELAY preload shim';
    try {
      mkdirSync('/run/pcscd', { recursive: true });
      accessSync('/run/pcscd', constants.W_OK);
    } catch {
      return '/run/pcscd is not writable: run as root or start pcscd yourself';
    }
  }
  return undefined;
}

function runningPcscd(): number | undefined {
  try {
    const pid = Number(readFileSync('/run/pcscd/pcscd.pid', 'utf8').trim());
    return pid > 0 && alive(pid) && existsSync(SOCKET) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A running lab. */
export interface PcscLab {
  /** PID of the pcscd we started (undefined when an already running pcscd is reused). */
  readonly pcscdPid: number | undefined;
  /** Notes (e.g. reused daemon without the shim). */
  readonly notes: readonly string[];
  /** Starts a virtual card process on a vpcd port; resolves once it is connected. */
  startCard(kind: 'vitale' | 'cps', port: number, pin?: string): Promise<CardProcess>;
  /** Stops the cards and the pcscd we started (by PID). */
  stop(): Promise<void>;
}

/** A virtual card process. */
export interface CardProcess {
  readonly pid: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const waitExit = (child: ChildProcess, ms: number): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => {
      if (child.pid !== undefined && alive(child.pid)) child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });

const poll = async (cond: () => boolean, ms: number, what: string, log: () => string): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timeout waiting for ${what}\n${log()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/**
 * Starts pcscd (unless one runs already) with the TCP_NODELAY shim.
 *
 * @returns The lab.
 */
export async function startPcscLab(): Promise<PcscLab> {
  const notes: string[] = [];
  const children = new Set<ChildProcess>();
  const work = mkdtempSync(join(tmpdir(), 'sesam-pcsc-'));
  let pcscd: ChildProcess | undefined;
  let log = '';
  if (runningPcscd() !== undefined) {
    notes.push(`reusing the running pcscd (pid ${runningPcscd()}); without the TCP_NODELAY preload an APDU may cost ~43 ms`);
  } else {
    writeFileSync(join(work, 'nodelay.c'), NODELAY_C);
    execFileSync(which('cc') ?? 'cc', ['-shared', '-fPIC', '-O2', '-o', join(work, 'nodelay.so'), join(work, 'nodelay.c'), '-ldl']);
    // --auto-exit: a daemon left behind by a crashed run quits by itself after 60 s without clients.
    pcscd = spawn(which('pcscd') ?? 'pcscd', ['--foreground', '--auto-exit'], {
      env: { ...process.env, LD_PRELOAD: join(work, 'nodelay.so') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pcscd.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    pcscd.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    children.add(pcscd);
    const p = pcscd;
    await poll(() => existsSync(SOCKET) || p.exitCode !== null, 10_000, 'pcscd socket', () => log);
    if (p.exitCode !== null) throw new Error(`pcscd exited (${p.exitCode}):\n${log}`);
  }
  return {
    pcscdPid: pcscd?.pid,
    notes,
    async startCard(kind, port, pin = '1234') {
      const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'cardProcess.ts'), kind, String(port), pin], {
        stdio: ['pipe', 'pipe', 'pipe'],
        cwd: join(here, '../../..'),
      });
      children.add(child);
      let out = '';
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      await poll(() => out.includes('READY') || child.exitCode !== null, 20_000, `${kind} card process`, () => out);
      if (child.exitCode !== null) throw new Error(`card process exited: ${out}`);
      return {
        pid: child.pid ?? -1,
        async stop(signal = 'SIGTERM') {
          child.kill(signal);
          await waitExit(child, 3000);
          children.delete(child);
        },
      };
    },
    async stop() {
      const cards = [...children].filter((c) => c !== pcscd);
      for (const c of cards) c.kill('SIGTERM');
      await Promise.all(cards.map((c) => waitExit(c, 3000)));
      if (pcscd !== undefined) {
        pcscd.kill('SIGTERM');
        await waitExit(pcscd, 5000);
      }
      children.clear();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
