/**
 * `sesam agent`: in-process (runAgent with a stop promise) and as a real child process stopped
 * by SIGTERM (the sources run with tsx: the built bin is covered by the CLI's own tests).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { runAgent } from '../../src/cli/commands/agent';
import { runCli } from '../../src/cli/main';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'sesam-agent-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function capture(): { out: string[]; err: string[]; io: { out(s: string): void; err(s: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s) => void out.push(s), err: (s) => void err.push(s) } };
}

describe('sesam agent (in process)', () => {
  it('listens, prints its URL and token file (not the token), serves, stops on the signal', async () => {
    const data = join(tmp(), 'agent');
    const c = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const run = runAgent({ data, port: '0', readers: 'virtual', json: true, logLevel: 'info' }, c.io, stopped);
    while (c.out.length === 0) await new Promise((r) => setTimeout(r, 20));
    const line = JSON.parse(c.out[0] as string) as { url: string; tokenFile: string; token?: string };
    expect(line.token).toBeUndefined();
    expect(statSync(line.tokenFile).mode & 0o777).toBe(0o600);
    const token = readFileSync(line.tokenFile, 'utf8').trim();
    const r = await request(`${line.url}/v1/readers`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode).toBe(200);
    expect(((await r.body.json()) as { readers: unknown[] }).readers).toHaveLength(2);
    stop();
    expect(await run).toBe(0);
    expect(c.err.join('')).not.toContain(token);
  });

  it('refuses a non-loopback host without --allow-non-loopback (64), bad options (64)', async () => {
    for (const argv of [
      ['agent', '--host', '0.0.0.0', '--data', join(tmp(), 'a')],
      ['agent', '--port', '99999', '--data', join(tmp(), 'b')],
      ['agent', '--readers', 'usb', '--data', join(tmp(), 'c')],
      ['agent', '--allow-origin', '*', '--port', '0', '--readers', 'none', '--data', join(tmp(), 'd')],
    ]) {
      const c = capture();
      expect(await runCli(argv, c.io), argv.join(' ')).toBe(64);
      expect(c.err.join('')).toMatch(/^sesam agent: /);
    }
  });

  it('refuses a data folder it did not create (73), touching nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'mine.txt'), 'user file');
    const c = capture();
    expect(await runAgent({ data: dir, port: '0', readers: 'none' }, c.io, Promise.resolve())).toBe(73);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('user file');
  });
});

describe('sesam agent (child process)', () => {
  it('runs until SIGTERM and exits 0', async () => {
    const data = join(tmp(), 'agent');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.ts'), 'agent', '--data', data, '--port', '0', '--readers', 'virtual', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 600 && !stdout.includes('\n'); i++) await new Promise((r) => setTimeout(r, 50));
    const { url } = JSON.parse(stdout.split('\n')[0] as string) as { url: string };
    const health = await request(`${url}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.text();
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 60_000);
});
