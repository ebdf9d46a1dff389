/**
 * The BUILT `sesam` bin (dist/cli/bin.js), run in child processes as a user runs it: exit codes
 * (docs/cli.md), one-line errors, the data folder rules of `sesam demo --data`, and `npm pack` +
 * install into a temp app.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR_MARKER } from '../../src/cli/dataDir';
import { BUILT_BIN, ensureBuilt, ROOT } from '../helpers/built';

const tmp = mkdtempSync(join(tmpdir(), 'sesam-bin-'));

function sesam(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  const r = spawnSync(process.execPath, [BUILT_BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

beforeAll(async () => {
  await ensureBuilt();
}, 700_000);
afterAll(() => {
  // Only the folder this test created (mkdtemp).
  rmSync(tmp, { recursive: true, force: true });
});

describe('sesam (built bin): usage, version, help', () => {
  it('--version prints the package version; --help per command; unknown option is one line, 64', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(sesam(['--version'])).toMatchObject({ code: 0, out: `${pkg.version}\n` });
    const help = sesam(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/demo/);
    expect(help.out).toMatch(/price/);
    expect(sesam(['demo', '--help']).out).toMatch(/--data <dir>/);
    expect(sesam(['price', '--help']).out).toMatch(/examples\/facture-g\.json/);
    const bad = sesam(['demo', '--nope']);
    expect(bad.code).toBe(64);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).not.toMatch(/ at /); // no stack trace
    expect(sesam(['nope']).code).toBe(64);
    expect(sesam([]).code).toBe(64);
    expect(sesam(['price']).code).toBe(64);
  });
});

describe('sesam price (built bin): inputs', () => {
  it('prices the README example, also with a UTF-8 BOM', () => {
    const r = sesam(['price', join(ROOT, 'examples', 'facture-g.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/AMO net 19,00 €/);
    const bom = join(tmp, 'bom.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(ROOT, 'examples', 'facture-g.json'))]));
    expect(sesam(['price', bom])).toMatchObject({ code: 0 });
  });

  it('invalid JSON: 65, one line naming line and column, never the content', () => {
    const f = join(tmp, 'bad.json');
    writeFileSync(f, '{\n  "nir": "195109912611193",\n  "a": }\n');
    const r = sesam(['price', f]);
    expect(r.code).toBe(65);
    expect(r.err).toMatch(/line 3, column 8/);
    expect(r.err).not.toMatch(/1951099/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('a FIFO, a folder or a missing file: 66 at once (no wait); a too large file: 65', () => {
    const fifo = join(tmp, 'in.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = sesam(['price', fifo]);
    expect(r).toMatchObject({ code: 66, signal: null });
    expect(r.err).toMatch(/not a regular file \(FIFO\)/);
    expect(sesam(['price', tmp]).code).toBe(66);
    expect(sesam(['price', join(tmp, 'missing.json')]).code).toBe(66);
    const big = join(tmp, 'big.json');
    writeFileSync(big, `[${'0,'.repeat(600_000)}0]`);
    const b = sesam(['price', big]);
    expect(b.code).toBe(65);
    expect(b.err).toMatch(/limit/);
  });
});

describe('sesam demo --data (built bin): deletes only what it created', () => {
  it("refuses a user's non-empty folder (73) and leaves every file in place", () => {
    const dir = join(tmp, 'user-folder');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'thesis.txt'), 'precious');
    writeFileSync(join(dir, 'sub', 'photo.jpg'), 'precious too');
    const r = sesam(['demo', '--data', dir]);
    expect(r.code).toBe(73);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(dir, 'thesis.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'sub', 'photo.jpg'), 'utf8')).toBe('precious too');
    expect(existsSync(join(dir, DATA_DIR_MARKER))).toBe(false);
  });

  it('refuses a file path (73) and a symlink (73): the file is unchanged, no folder replaces it', () => {
    const file = join(tmp, 'hosts-like');
    writeFileSync(file, '127.0.0.1 localhost\n');
    expect(sesam(['demo', '--data', file]).code).toBe(73);
    expect(statSync(file).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('127.0.0.1 localhost\n');
    const target = join(tmp, 'elsewhere');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'x');
    const link = join(tmp, 'link');
    symlinkSync(target, link);
    expect(sesam(['demo', '--data', link]).code).toBe(73);
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });

  it('runs twice on its own folder; a file a user adds there survives the second run', () => {
    const dir = join(tmp, 'demo-data');
    const first = sesam(['demo', '--days', '1', '--data', dir]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, DATA_DIR_MARKER), 'utf8')).toMatch(/^sesam-billing data folder v1\n/);
    const b2 = readdirSync(join(dir, 'fichiers')).filter((f) => f.endsWith('.b2'));
    expect(b2.length).toBeGreaterThanOrEqual(5);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'fichiers', 'mine.b2'), 'mine too');
    const second = sesam(['demo', '--days', '1', '--data', dir]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/13 FSE contrôlées/); // a fresh ledger: no duplicate from run 1
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'fichiers', 'mine.b2'), 'utf8')).toBe('mine too');
  });

  it('--pcsc without pcscd: 69, one line', () => {
    // A socket path nobody listens on: libpcsclite reads PCSCLITE_CSOCK_NAME (pcsc-lite
    // winscard_msg.c), so this holds even when a pcscd runs for the e2e tests.
    const r = sesam(['demo', '--pcsc', '--data', join(tmp, 'pcsc-data')], { PCSCLITE_CSOCK_NAME: join(tmp, 'no-pcscd.sock') });
    expect(r.code).toBe(69);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/pcscd/);
  });
});

describe('npm pack + install into a temp app', () => {
  it('`npx sesam --version` works from the installed tarball', () => {
    const app = join(tmp, 'app');
    mkdirSync(app);
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp, '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 }).trim().split('\n').pop() ?? '';
    const tgz = join(tmp, packed);
    expect(existsSync(tgz)).toBe(true);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'temp-app', version: '1.0.0', private: true, type: 'module' }));
    // Offline-friendly: the package's own dependencies are resolved from the npm cache
    // (--prefer-offline), optional native ones and their install scripts skipped.
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=optional', '--ignore-scripts', tgz], { cwd: app, encoding: 'utf8', timeout: 300_000 });
    const v = execFileSync('npx', ['--no-install', 'sesam', '--version'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(v.trim()).toBe(pkg.version);
    expect(existsSync(join(app, 'node_modules', 'sesam-billing', 'examples', 'facture-g.json'))).toBe(true);
  }, 600_000);
});
