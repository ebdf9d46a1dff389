/**
 * Bundle sizes of the BUILT package as a consumer's bundler sees them: esbuild bundles a one-line
 * consumer module that imports from `sesam-billing` (resolved through package.json "exports" to
 * dist/, like an installed package), minified, for a given platform. Shared by
 * bench/bundle.bench.ts (`npm run bench` prints the sizes) and test/package/bundle.test.ts (the
 * limits of issue #10 §4).
 */
import { build } from 'esbuild';
import type { Platform } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json and dist/ are). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One consumer module whose bundle is measured. */
export interface BundleCase {
  readonly name: string;
  /** The consumer's source (an ES module importing `sesam-billing`). */
  readonly source: string;
}

/** What a bundle holds. */
export interface BundleMeasure {
  /** Minified bytes. */
  readonly bytes: number;
  /** The input files esbuild read (paths relative to the package root): what the bundle can reach. */
  readonly inputs: readonly string[];
  /** The input files with code in the bundle (what tree-shaking kept). */
  readonly kept: readonly string[];
  /** Bytes each kept input contributes to the minified output. */
  readonly keptBytes: Readonly<Record<string, number>>;
}

/**
 * A consumer that uses the named root exports (a bare import would let the bundler drop them).
 *
 * @param names - Export names of `sesam-billing`.
 * @param from - The specifier (default the root).
 * @returns The consumer source.
 */
export function consumerOf(names: readonly string[], from = 'sesam-billing'): string {
  return `import { ${names.join(', ')} } from '${from}';\nglobalThis.keep = [${names.join(', ')}];\n`;
}

/** The cases `npm run bench` prints (issue #10 §4: computeFacture ≤ 100 kB, validateNir small). */
export const BUNDLE_CASES: readonly BundleCase[] = [
  { name: "import { validateNir }", source: consumerOf(['validateNir']) },
  { name: "import { formatMoney, parseMoney }", source: consumerOf(['formatMoney', 'parseMoney']) },
  { name: "import { computeFacture }", source: consumerOf(['computeFacture']) },
  { name: "import { buildFse, validateFse }", source: consumerOf(['buildFse', 'validateFse']) },
  { name: "import { parseNoemie, reconcile }", source: consumerOf(['parseNoemie', 'reconcile']) },
  { name: "export * from 'sesam-billing' (whole root)", source: "export * from 'sesam-billing';\n" },
];

/**
 * Bundles a consumer module against the built package and measures it.
 *
 * @param source - The consumer's ES module source.
 * @param platform - esbuild platform: `'neutral'` has no Node builtins and no browser shims.
 * @returns Its minified size and inputs.
 * @throws Error when esbuild cannot bundle it (e.g. a `node:` import on the neutral platform).
 */
export async function measureBundle(source: string, platform: Platform = 'neutral'): Promise<BundleMeasure> {
  const r = await build({
    stdin: { contents: source, resolveDir: PACKAGE_ROOT, sourcefile: 'consumer.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform,
    // the neutral platform has no default main fields; decimal.js is found through "module"/"main"
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  // metafile.inputs lists every file esbuild parsed; the output's inputs with bytes are what it kept
  const keptEntries = Object.values(r.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0));
  const kept = keptEntries.map(([path]) => path);
  const keptBytes = Object.fromEntries(keptEntries.map(([path, i]) => [path, i.bytesInOutput]));
  return { bytes: r.outputFiles[0]?.contents.length ?? 0, inputs: [...Object.keys(r.metafile.inputs)], kept, keptBytes };
}

/**
 * A size in kB for humans.
 *
 * @param bytes - Bytes.
 * @returns E.g. `'81.6 kB'`.
 */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
