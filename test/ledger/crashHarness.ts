/**
 * What crash.test.ts (SQLite) and pgCrash.test.ts (PostgreSQL) share: the child (crashChild.ts)
 * bundled once, a seeded LCG, starting a child and killing it at a random point, and reading the
 * acknowledged lines back.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One child run: its process, what it acknowledged so far, its stderr and its exit. */
export interface Run {
  readonly child: ChildProcess;
  readonly lines: () => string[];
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

/** The harness of one test file (`store` names the child's store, `seed` the parent's LCG). */
export interface CrashHarness {
  readonly random: (n: number) => number;
  /** Bundles the child once with esbuild (~0.1 s a start instead of ~0.5 s under tsx). */
  readonly prepare: () => Promise<void>;
  readonly cleanup: () => void;
  /** Starts a child on `target` (SQLite path, or `url#practice`), with its own run seed. */
  readonly start: (target: string, extra?: readonly string[]) => Run;
  /** Runs the child once, kills it at a random point, returns the acknowledged lines. */
  readonly runAndKill: (target: string, afterReadyMs: number) => Promise<string[]>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `inv <ps> <numero>` and `lot <id>` lines: work the child says was committed. */
export const acknowledgedOf = (lines: readonly string[]): string[] => lines.filter((l) => l.startsWith('inv ') || l.startsWith('lot '));

export function createCrashHarness(store: 'sqlite' | 'postgres', seed: number): CrashHarness {
  let state = seed;
  // Hint: Math.imul keeps the LCG exact (a float product past 2^53 rounds: the old sequence repeated
  // child seeds, so two runs billed the same cares and the second was rightly refused as a duplicate).
  const random = (n: number): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return state % n;
  };
  // The bundle sits in node_modules/.cache so better-sqlite3 and pg resolve from it.
  const cacheDir = `${ROOT}node_modules/.cache/sesam-crash-${store}-${process.pid}`;
  let childArgs = ['--import', 'tsx', CHILD];
  // Every child run gets a seed of its own: its range of cares is disjoint from every other run's.
  let childRuns = 0;
  const start = (target: string, extra: readonly string[] = []): Run => {
    const child = spawn(process.execPath, [...childArgs, store, target, String(++childRuns), ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, lines: () => out.split('\n').filter((l) => l.length > 0), stderr: () => err, exited };
  };
  return {
    random,
    start,
    async prepare() {
      try {
        const { build } = await import('esbuild');
        mkdirSync(cacheDir, { recursive: true });
        const outfile = `${cacheDir}/crashChild.mjs`;
        await build({ entryPoints: [CHILD], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3', 'pg'], logLevel: 'silent' });
        childArgs = [outfile];
      } catch {
        // esbuild not reachable: run the child through tsx (slower, same test).
      }
    },
    cleanup: () => rmSync(cacheDir, { recursive: true, force: true }),
    async runAndKill(target, afterReadyMs) {
      const run = start(target);
      if (random(10) === 0) {
        await sleep(random(300)); // sometimes during start-up (module load, open, migration)
      } else {
        for (let waited = 0; !run.lines().includes('ready') && run.child.exitCode === null && waited < 20_000; waited += 5) await sleep(5);
        await sleep(random(afterReadyMs));
      }
      run.child.kill('SIGKILL');
      const code = await run.exited;
      if (code !== null) throw new Error(`child exited by itself (${code}): ${run.stderr()}`);
      return run.lines();
    },
  };
}
