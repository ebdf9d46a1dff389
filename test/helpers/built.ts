/**
 * The built package for tests that must run what users run (the `sesam` bin, the docs' code
 * blocks): builds with tsup when dist/ is missing or older than src/ (newest mtime), under a
 * lock folder so two test files never build at once. Set SESAM_SKIP_BUILD=1 to use dist/ as is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository root (this file is test/helpers/built.ts). */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The built bin. */
export const BUILT_BIN = join(ROOT, 'dist', 'cli', 'bin.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = (): boolean =>
  !existsSync(BUILT_BIN) || !existsSync(join(ROOT, 'dist', 'index.d.ts')) || statSync(BUILT_BIN).mtimeMs < Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'package.json')).mtimeMs);

/**
 * Makes sure dist/ is current.
 *
 * @returns When dist/ can be used.
 */
export async function ensureBuilt(): Promise<void> {
  if (process.env['SESAM_SKIP_BUILD'] === '1') return;
  // The lock is taken before looking at dist/: while another test file builds, dist/ can look
  // current (bin.js already written) while its .d.ts files are still being emitted.
  const lock = join(ROOT, 'dist.build-lock');
  // A lock older than the longest build (a crashed run) is not waited for.
  for (let waited = 0; waited < 600; waited++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await sleep(1000);
    }
  }
  try {
    if (stale()) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--silent'], { cwd: ROOT, stdio: 'ignore', timeout: 600_000 });
  } finally {
    if (existsSync(lock)) rmdirSync(lock);
  }
}
