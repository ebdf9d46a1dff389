import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** One entry per subpath export (see package.json "exports"); missing modules are skipped. */
const candidates: Record<string, string> = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'rules/index': 'src/rules/index.ts',
  'fse/index': 'src/fse/index.ts',
  'noemie/index': 'src/noemie/index.ts',
  'returns/index': 'src/returns/index.ts',
  'reader/index': 'src/reader/index.ts',
  'reader/pcsc/index': 'src/reader/pcsc/index.ts',
  'signature/index': 'src/signature/index.ts',
  'ledger/index': 'src/ledger/index.ts',
  'ledger/sqlite/index': 'src/ledger/sqlite/index.ts',
  'simulator/index': 'src/simulator/index.ts',
  'cli/bin': 'src/cli/bin.ts',
};
const entry = Object.fromEntries(Object.entries(candidates).filter(([, file]) => existsSync(file)));

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: { entry: Object.fromEntries(Object.entries(entry).filter(([name]) => name !== 'cli/bin')) },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: false,
  treeshake: true,
  external: ['pcsclite', 'better-sqlite3'],
});
