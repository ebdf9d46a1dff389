/**
 * The package checks run on the BUILT package (dist/), as a consumer gets it. CI builds before it
 * tests (`npm run check`); locally, `ensureDist()` runs tsup when dist/ is missing or older than
 * a source, once for all the test files of test/package (a lock directory serialises builds
 * started by parallel workers).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../bench/bundleSize';

export { PACKAGE_ROOT };

/** Time a build may take here (2 shared cores: tsup with declarations takes minutes). */
export const BUILD_TIMEOUT_MS = 15 * 60_000;

const LOCK = join(PACKAGE_ROOT, '.tsup-build.lock');

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

function isFresh(): boolean {
  const built = join(PACKAGE_ROOT, 'dist', 'index.d.ts');
  if (!existsSync(built)) return false;
  const inputs = ['src', 'package.json', 'tsup.config.ts'].map((p) => newestMtime(join(PACKAGE_ROOT, p)));
  return statSync(built).mtimeMs >= Math.max(...inputs);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes sure dist/ holds a build of the current sources.
 *
 * @returns When dist/ is current.
 */
export async function ensureDist(): Promise<void> {
  // scripts/ci-node.sh: the secondary Node versions test the main version's build as is.
  if (process.env['SESAM_SKIP_BUILD'] === '1') return;
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      // another worker is building: wait for it
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK} (remove it if no build is running)`);
      await sleep(1000);
      continue;
    }
    try {
      if (!isFresh()) execFileSync(process.execPath, [join(PACKAGE_ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--silent'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
      return;
    } finally {
      rmdirSync(LOCK);
    }
  }
}
