import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { validatePdfA } from '../../src/scor/index';
import { expectOk } from '../helpers/expectIssue';
import { PREFLIGHT, preflight } from '../helpers/preflight';
import { jpegFixture, makePng, withJfifDensity } from '../scor/images';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function scans(): { dir: string; jpg: string; png: string; rgba: string; low: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sesam-scor-cli-'));
  made.push(dir);
  const jpg = join(dir, 'ordonnance.jpg');
  const png = join(dir, 'page2.png');
  const rgba = join(dir, 'rgba.png');
  const low = join(dir, 'low.png');
  writeFileSync(jpg, withJfifDensity(jpegFixture('rgb-baseline'), 150));
  writeFileSync(png, makePng({ width: 300, height: 420, colourType: 0, bitDepth: 8, dpi: 150 }));
  writeFileSync(rgba, makePng({ width: 300, height: 420, colourType: 6, bitDepth: 8, dpi: 150 }));
  writeFileSync(low, makePng({ width: 300, height: 420, colourType: 2, bitDepth: 8, dpi: 72 }));
  return { dir, jpg, png, rgba, low };
}

describe('sesam scor pdfa', () => {
  it('writes one PDF/A-1b from scans, deterministic with --at', async () => {
    const s = scans();
    const out = join(s.dir, 'pj.pdf');
    const c = capture();
    expect(await runCli(['scor', 'pdfa', s.jpg, s.png, '--out', out, '--at', '2026-03-10T18:00:00+01:00', '--title', 'Ordonnance'], c.io)).toBe(0);
    expect(c.out()).toMatch(/PDF\/A-1b, 2 page\(s\)/);
    const pdf = new Uint8Array(readFileSync(out));
    expect(expectOk(await validatePdfA(pdf)).pageCount).toBe(2);
    if (PREFLIGHT.available) expect(preflight({ cli: pdf })['cli']?.errors).toBe('');
    const again = join(s.dir, 'again.pdf');
    expect(await runCli(['scor', 'pdfa', s.jpg, s.png, '-o', again, '--at', '2026-03-10T18:00:00+01:00', '--title', 'Ordonnance'], capture().io)).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  }, 60_000);

  it('exit 65 with the issues, naming the input, when a scan fails the checks', async () => {
    const s = scans();
    const out = join(s.dir, 'pj.pdf');
    const c = capture();
    expect(await runCli(['scor', 'pdfa', s.jpg, s.rgba, s.low, '--out', out], c.io)).toBe(65);
    expect(c.err()).toContain(`SCOR_IMAGE_TRANSPARENT in ${s.rgba}`);
    expect(c.err()).toContain(`SCOR_RESOLUTION_LOW in ${s.low}`);
    expect(existsSync(out)).toBe(false);
    expect(await runCli(['scor', 'pdfa', s.low, '--out', out, '--min-dpi', '72'], capture().io)).toBe(0);
  });

  it('keeps an existing OUT unless --force; 66 for a missing input; 64 for bad options', async () => {
    const s = scans();
    const out = join(s.dir, 'pj.pdf');
    writeFileSync(out, 'keep me');
    const c = capture();
    expect(await runCli(['scor', 'pdfa', s.jpg, '--out', out], c.io)).toBe(73);
    expect(c.err()).toMatch(/exists: not overwritten \(use --force\)/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(await runCli(['scor', 'pdfa', s.jpg, '--out', out, '--force'], capture().io)).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await runCli(['scor', 'pdfa', join(s.dir, 'nope.jpg'), '--out', join(s.dir, 'x.pdf')], capture().io)).toBe(66);
    expect(await runCli(['scor', 'pdfa', s.jpg], capture().io)).toBe(64);
    expect(await runCli(['scor', 'pdfa', s.jpg, '--out', join(s.dir, 'y.pdf'), '--min-dpi', 'many'], capture().io)).toBe(64);
    expect(await runCli(['scor', 'pdfa', s.jpg, '--out', join(s.dir, 'y.pdf'), '--at', 'yesterday'], capture().io)).toBe(64);
  });
});
