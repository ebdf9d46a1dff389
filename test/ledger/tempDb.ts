/** Temporary SQLite files for tests (a real file in a fresh folder, removed after the run). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder; `path(name)` gives a file in it; `remove()` deletes it all. */
export function createTempDir(prefix = 'sesam-ledger-'): { readonly dir: string; path(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
