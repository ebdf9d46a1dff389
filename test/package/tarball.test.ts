/**
 * What `npm publish` would ship (issue #10 §4): Apache-2.0 licence text and NOTICE in the tarball,
 * no source map carrying the sources, the CLI built once (one ESM bin, no CJS copy), every
 * package.json target present, and ≤ 1.5 MB packed. Read from `npm pack --dry-run --json` on the
 * built package.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureDist, PACKAGE_ROOT } from './dist';

interface PackFile {
  readonly path: string;
  readonly size: number;
}
interface Pack {
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly PackFile[];
}

/** Packed size limit (issue #10 §4). */
const MAX_PACKED = 1_500_000;

let pack: Pack;
let paths: Set<string>;
const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  license: string;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
  main: string;
  module: string;
  types: string;
};

/** Every file path a package.json field or export condition points to. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

beforeAll(async () => {
  await ensureDist();
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  pack = (JSON.parse(out) as Pack[])[0]!;
  paths = new Set(pack.files.map((f) => f.path));
  console.log(`npm pack: ${(pack.size / 1e6).toFixed(2)} MB packed, ${(pack.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${pack.files.length} files`);
}, BUILD_TIMEOUT_MS);

describe('npm tarball', () => {
  it('is ≤ 1.5 MB packed', () => {
    expect(pack.size).toBeLessThanOrEqual(MAX_PACKED);
  });

  it('carries the Apache-2.0 licence and the NOTICE with the data attributions', () => {
    expect(pkg.license).toBe('Apache-2.0');
    expect([...paths].filter((p) => ['LICENSE', 'NOTICE', 'README.md', 'package.json'].includes(p)).sort()).toEqual(['LICENSE', 'NOTICE', 'README.md', 'package.json']);
    const license = readFileSync(join(PACKAGE_ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain('END OF TERMS AND CONDITIONS');
    const notice = readFileSync(join(PACKAGE_ROOT, 'NOTICE'), 'utf8');
    expect(notice).toContain('Source : CNAM / Health Data Hub, nomenclatures du SNDS');
    expect(notice).toContain('Licence Ouverte 2.0');
  });

  it('ships no source map carrying the sources, and no sources', () => {
    const maps = [...paths].filter((p) => p.endsWith('.map'));
    const withSources = maps.filter((p) => readFileSync(join(PACKAGE_ROOT, p), 'utf8').includes('"sourcesContent"'));
    expect(withSources).toEqual([]);
    expect([...paths].filter((p) => !/^(dist\/|examples\/[^/]+\.json$|README\.md$|CHANGELOG\.md$|LICENSE$|NOTICE$|package\.json$)/.test(p))).toEqual([]);
    expect([...paths].filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith('.d.cts'))).toEqual([]);
  });

  it('builds the CLI once: one ESM bin with its shebang, no CJS copy', () => {
    const bin = pkg.bin['sesam']!.replace(/^\.\//, '');
    expect(paths.has(bin)).toBe(true);
    expect(readFileSync(join(PACKAGE_ROOT, bin), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect([...paths].filter((p) => p.startsWith('dist/cli/') && !p.endsWith('.js'))).toEqual([]);
  });

  it('holds every file package.json points to (main, module, types, bin, each export condition)', () => {
    const all = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin), ...targets(pkg.exports)].map((p) => p.replace(/^\.\//, ''));
    expect(all.filter((p) => !paths.has(p))).toEqual([]);
  });
});
