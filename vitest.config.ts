import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files that use a resource of the machine that only one file may hold at a time: the
 * system pcscd socket (/run/pcscd) started and stopped by the PC/SC lab, and the CLI day test
 * that asks whether a pcscd runs. They run one at a time, after the others.
 */
const SERIAL = ['test/e2e/pcsc.test.ts', 'test/cli/day.test.ts'];

/**
 * Files run at once (SESAM_TEST_WORKERS, default: the cores + 1, at least 3). Most files
 * wait on child processes, servers (PostgreSQL, dovecot, SMTP, HTTPS, Chromium) and disks, so
 * more files than cores keep both cores busy; vitest's own default (cores − 1) runs one file at
 * a time on a 2-core CI machine.
 */
const requested = Number(process.env['SESAM_TEST_WORKERS']);
const workers = Number.isInteger(requested) && requested > 0 ? requested : Math.max(3, availableParallelism() + 1);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['src/core/**', 'src/rules/**'],
      exclude: ['**/index.ts'],
    },
    projects: [
      {
        extends: true,
        test: { name: 'parallel', include: ['test/**/*.test.ts'], exclude: SERIAL, maxWorkers: workers, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'serial', include: SERIAL, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
