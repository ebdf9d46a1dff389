/**
 * Progress bars in a real terminal: the BUILT bin runs under tmux (Debian `tmux`, a detached
 * 120×30 session) on a big batch, and the pane is read with capture-pane. Without a terminal
 * (a pipe), with --json or --quiet, stderr gets no bar. Skipped, with the reason, without tmux.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_BIN, ensureBuilt, ROOT } from '../helpers/built';

const tmp = mkdtempSync(join(tmpdir(), 'sesam-progress-'));
const batch = join(tmp, 'batch.json');
const N = 3000;
const session = `sesam-progress-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

beforeAll(async () => {
  await ensureBuilt();
  const input = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'fse-input.json'), 'utf8')) as unknown;
  writeFileSync(batch, JSON.stringify(Array.from({ length: N }, () => input)));
}, 700_000);
afterAll(() => {
  // Only the session this test started (by its unique name), and the mkdtemp folder.
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
  rmSync(tmp, { recursive: true, force: true });
});

const capture = (): string => execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });

describe('progress display', () => {
  it.skipIf(!hasTmux)('under tmux (a terminal): a bar is drawn on stderr while the batch runs, then the summary', async () => {
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BUILT_BIN)} fse build ${JSON.stringify(batch)}; echo "exit=$?"; sleep 600`;
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '30', 'sh', '-c', cmd]);
    let pane = '';
    let sawBar = false;
    // Polls the pane (no timing asserted: the loop only waits for the end, up to the test timeout).
    for (let i = 0; i < 1200 && !/exit=\d+/.test(pane); i++) {
      await sleep(250);
      pane = capture();
      if (/FSE construites \[[█░]+\] +\d+% \| \d+\/3000/.test(pane)) sawBar = true;
    }
    expect(pane).toMatch(/exit=0/);
    expect(sawBar, pane).toBe(true);
    expect(pane).toMatch(/FSE construites \[█+\] 100% \| 3000\/3000/);
    expect(pane).toMatch(/3000 FSE construite\(s\) sur 3000/);
  }, 400_000);

  it('not a terminal, --json or --quiet: no bar on stderr', () => {
    for (const extra of [[], ['--quiet'], ['--json']]) {
      const r = spawnSync(process.execPath, [BUILT_BIN, 'fse', 'build', batch, ...extra], { encoding: 'utf8', timeout: 300_000, maxBuffer: 512 * 1024 * 1024 });
      expect(r.status).toBe(0);
      expect(r.stderr).not.toMatch(/FSE construites|\u001b\[/);
    }
  }, 400_000);
});
