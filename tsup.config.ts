import { existsSync, rmSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/**
 * The build keeps one output file per source module ("preserve modules"), ESM and CJS, so that
 * `"sideEffects": false` in package.json does what it says: a consumer's bundler drops every
 * module the caller does not reach (`import { validateNir } from 'sesam-billing'` does not carry
 * the tariff tables nor the B2 writers). One bundled file per entry defeats this: inside a single
 * module a bundler can only drop top-level statements it can prove pure, and tables built by
 * calls, spreads or template literals are not.
 *
 * The CLI is built once, as ESM only, over the same module files (one `SesamError` class, one
 * copy of the code in the tarball). No source maps: they would ship the sources in the tarball.
 */

/** Public entry points with declarations (one per subpath export of package.json). */
const DTS_ENTRIES: Record<string, string> = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'rules/index': 'src/rules/index.ts',
  'rules/ccam/index': 'src/rules/ccam/index.ts',
  'rules/snds/index': 'src/rules/snds/index.ts',
  'scor/index': 'src/scor/index.ts',
  'transport/index': 'src/transport/index.ts',
  'insi/index': 'src/insi/index.ts',
  'insi/node/index': 'src/insi/node/index.ts',
  'fse/index': 'src/fse/index.ts',
  'noemie/index': 'src/noemie/index.ts',
  'returns/index': 'src/returns/index.ts',
  'reader/index': 'src/reader/index.ts',
  'reader/pcsc/index': 'src/reader/pcsc/index.ts',
  'signature/index': 'src/signature/index.ts',
  'ledger/index': 'src/ledger/index.ts',
  'ledger/sqlite/index': 'src/ledger/sqlite/index.ts',
  'ledger/postgres/index': 'src/ledger/postgres/index.ts',
  'dre/index': 'src/dre/index.ts',
  'agent/index': 'src/agent/index.ts',
  'simulator/caisse/index': 'src/simulator/caisse/index.ts',
  'adr/index': 'src/adr/index.ts',
  'adr/node/index': 'src/adr/node/index.ts',
  'dashboard/index': 'src/dashboard/index.ts',
  'simulator/index': 'src/simulator/index.ts',
};

/** Entries whose source exists (a module another engineer has not created yet is skipped). */
function existing(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
}

/**
 * Generated modules (data tables, the CCAM, the embedded font, the generated B2 writers and
 * NOEMIE decoders) built once, as ESM only: the CJS modules `require()` the ESM file (Node ≥ 20.19
 * loads ES modules with `require`, and `engines` says so). The CCAM table is ~1.9 MB of text: two
 * copies of the generated modules would not fit the 1.5 MB tarball budget.
 */
const ESM_ONLY_DATA = /\.generated\.ts$/;

/** Marker of the plugin's own resolution calls (so it does not recurse). */
const OWN = Symbol('preserve-modules');

/**
 * Keeps every relative import as an import of the sibling output file (`./money` →
 * `./money.js` in ESM, `./money.cjs` in CJS) instead of inlining it.
 */
const preserveModules: Plugin = {
  name: 'preserve-modules',
  setup(build) {
    const ext = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData === OWN) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: OWN });
      if (resolved.errors.length > 0 || !resolved.path.endsWith('.ts')) return undefined;
      const target = relative(dirname(args.importer), resolved.path).split(sep).join('/').replace(/\.ts$/, ESM_ONLY_DATA.test(resolved.path) ? '.js' : ext);
      return { path: target.startsWith('.') ? target : `./${target}`, external: true };
    });
  },
};

const common: Options = {
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  splitting: false,
  treeshake: false,
  clean: false,
  external: ['pcsclite', 'better-sqlite3', 'pg'],
  esbuildPlugins: [preserveModules],
  esbuildOptions(options) {
    options.outbase = 'src';
  },
};

// One clean before both builds (tsup runs the configs concurrently; per-config `clean` would race).
rmSync('dist', { recursive: true, force: true });

export default defineConfig([
  {
    ...common,
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm'],
    dts: { entry: existing(DTS_ENTRIES) },
  },
  {
    ...common,
    entry: ['src/**/*.ts', '!src/cli/**', '!src/**/*.generated.ts'],
    format: ['cjs'],
    dts: { entry: existing(DTS_ENTRIES) },
  },
  {
    ...common,
    entry: ['src/cli/**/*.ts'],
    format: ['esm'],
  },
]);
