/**
 * The one way a `sesam` command prepares and cleans a data folder (issue #10 §2: `sesam demo
 * --data DIR` used to delete DIR recursively, wiping a user's folder, and replaced a system file
 * passed by mistake with a folder).
 *
 * Rules:
 * - a folder the library uses carries a marker file, {@link DATA_DIR_MARKER}, whose first line
 *   identifies sesam-billing and whose other lines list, one per line, every path the library
 *   created there (written BEFORE the path is created, so a crash never leaves an unlisted file);
 * - a missing path is created (with its marker); an empty folder is adopted (marker written);
 * - a path that is a file, a FIFO, a device, a symlink, or a non-empty folder without a valid
 *   marker is refused with exit code 73 (EX_CANTCREAT) and nothing is touched;
 * - cleaning deletes only the listed files (one `unlink` each, never recursive) and the listed
 *   folders once empty (`rmdir`): a file a user added, even inside a listed folder, survives;
 * - a folder has a purpose, written in its marker: `demo` (the demo's scratch folder, cleaned at
 *   each demo run) or `billing` (a practice's ledger and files: `fse build --record`, `lot`,
 *   `returns fetch`, `agent`). A billing command opening a demo folder turns it into a
 *   billing folder; the demo refuses a billing folder (73) and never cleans one, so a practice's
 *   invoices are never deleted by a demo run pointed at the wrong folder.
 */
import { appendFile, lstat, mkdir, open, readdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { assert } from '../core/issues/index';
import type { CliOutcome } from './outcome';
import { EXIT, refuse } from './outcome';

/** Name of the marker file that says "this folder was created by sesam-billing". */
export const DATA_DIR_MARKER = '.sesam-billing-data';
/** First line of the marker: what created the folder, and the manifest format version. */
export const DATA_DIR_MARKER_HEADER = 'sesam-billing data folder v1';
const MARKER_NOTE =
  '# Created by the sesam command (npm package sesam-billing). The paths below were created by it.\n' +
  '# Only `sesam demo` deletes them, on its next run, and only in a folder whose purpose is demo;\n' +
  '# anything else in this folder is left alone.\n';
/** Prefix of the marker line that records the folder's purpose. */
const PURPOSE_LINE = '#purpose: ';

/**
 * What a data folder is for: `demo` (scratch, cleaned by the next demo run) or `billing` (a
 * practice's data: never cleaned).
 */
export type DataDirPurpose = 'demo' | 'billing';

/** Options of {@link openDataDir}. */
export interface OpenDataDirOptions {
  /** What the command uses the folder for (default `billing`). */
  readonly purpose?: DataDirPurpose;
}

/** What `reset` did. */
export interface DataDirReset {
  /** Paths deleted (relative to the folder). */
  readonly removed: readonly string[];
  /** Listed paths kept: a folder still holding someone else's file, or a path replaced by a folder. */
  readonly kept: readonly string[];
}

/** A data folder owned by the library. */
export interface DataDir {
  /** The folder, as given. */
  readonly path: string;
  /**
   * Lists a file the caller is about to create and returns its full path. Refused (73) when a
   * file already sits there that the library did not create.
   */
  claimFile(relative: string): Promise<CliOutcome<string>>;
  /** Lists a sub-folder and creates it (`mkdir`, never over an existing non-folder). */
  claimDir(relative: string): Promise<CliOutcome<string>>;
  /** What the folder is for (see the module comment). */
  readonly purpose: DataDirPurpose;
  /**
   * Deletes what the library created here (see the module comment); the marker stays. Only in a
   * demo folder: asserted (a billing folder is never cleaned).
   */
  reset(): Promise<DataDirReset>;
}

const code = (e: unknown): string | undefined => (e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : undefined);

/** A relative path inside the folder (programmer input: asserted, never a user value). */
function inside(relative: string): string {
  const n = normalize(relative);
  assert(n !== '.' && !isAbsolute(n) && n !== '..' && !n.startsWith(`..${sep}`) && n !== DATA_DIR_MARKER, `dataDir: '${relative}' is not a path inside the data folder`);
  return n;
}

interface Manifest {
  readonly entries: string[];
  /** Undefined for a marker written before purposes existed (a demo folder). */
  readonly purpose: DataDirPurpose | undefined;
}

async function readManifest(markerPath: string): Promise<Manifest | undefined> {
  try {
    const st = await lstat(markerPath);
    if (!st.isFile() || st.size > 1_000_000) return undefined;
    const lines = (await readFile(markerPath, 'utf8')).split('\n');
    if (lines[0] !== DATA_DIR_MARKER_HEADER) return undefined;
    // Billing wins: once a billing command used the folder, it stays a billing folder.
    const purposes = lines.filter((l) => l.startsWith(PURPOSE_LINE)).map((l) => l.slice(PURPOSE_LINE.length).trim());
    const purpose = purposes.includes('billing') ? 'billing' : purposes.includes('demo') ? 'demo' : undefined;
    return { entries: lines.slice(1).filter((l) => l !== '' && !l.startsWith('#')), purpose };
  } catch {
    return undefined;
  }
}

const markerText = (purpose: DataDirPurpose, entries: readonly string[]): string =>
  `${DATA_DIR_MARKER_HEADER}\n${MARKER_NOTE}${PURPOSE_LINE}${purpose}\n${entries.map((k) => `${k}\n`).join('')}`;

/**
 * Opens (creating it if missing) a data folder the library may write into and clean.
 *
 * @param path - The folder the user named (e.g. `--data DIR`).
 * @param options - `purpose`: `demo` for the demo's scratch folder, `billing` (default) otherwise.
 * @returns The folder, or exit 73 with one line when the path is not one the library may use
 *   (a billing folder given to the demo among them; 64 for an empty path).
 * @example
 * const dir = await openDataDir('.demo-data', { purpose: 'demo' });
 * if (!dir.ok) { io.err(`${dir.message}\n`); return dir.exit; }
 * await dir.value.reset();
 */
export async function openDataDir(path: string, options: OpenDataDirOptions = {}): Promise<CliOutcome<DataDir>> {
  const purpose = options.purpose ?? 'billing';
  assert(purpose === 'demo' || purpose === 'billing', `dataDir: unknown purpose '${String(purpose)}'`);
  if (path.trim() === '') return refuse(EXIT.USAGE, 'the data folder must not be empty (give a folder path)');
  const marker = join(path, DATA_DIR_MARKER);
  let entries: string[];
  let st;
  try {
    st = await lstat(path);
  } catch (e) {
    if (code(e) !== 'ENOENT') return refuse(EXIT.CANT_CREATE, `cannot use ${path} as data folder: ${code(e) ?? 'unreadable'}`);
  }
  try {
    if (st === undefined) {
      // Parents recursively, the folder itself not: if it appeared since the lstat (someone
      // else's), mkdir fails with EEXIST instead of adopting it.
      await mkdir(dirname(resolve(path)), { recursive: true });
      await mkdir(path);
      await writeFile(marker, markerText(purpose, []), { flag: 'wx' });
      entries = [];
    } else if (st.isSymbolicLink()) {
      return refuse(EXIT.CANT_CREATE, `refusing data folder ${path}: it is a symbolic link (give the real folder)`);
    } else if (!st.isDirectory()) {
      return refuse(EXIT.CANT_CREATE, `refusing data folder ${path}: it exists and is not a folder (nothing was changed)`);
    } else {
      const manifest = await readManifest(marker);
      if (manifest !== undefined) {
        if (purpose === 'demo' && manifest.purpose === 'billing') {
          return refuse(EXIT.CANT_CREATE, `refusing data folder ${path} for the demo: it holds a practice's billing data (ledger and files of sesam fse build --record, lot, returns fetch or agent), which the demo would delete; give the demo its own folder`);
        }
        if (purpose === 'billing' && manifest.purpose !== 'billing') await appendFile(marker, `${PURPOSE_LINE}billing\n`);
        entries = manifest.entries;
      } else if ((await readdir(path)).length === 0) {
        await writeFile(marker, markerText(purpose, []), { flag: 'wx' });
        entries = [];
      } else {
        return refuse(EXIT.CANT_CREATE, `refusing data folder ${path}: it is not empty and was not created by sesam-billing (no ${DATA_DIR_MARKER}); give a new or empty folder`);
      }
    }
  } catch (e) {
    return refuse(EXIT.CANT_CREATE, `cannot prepare data folder ${path}: ${code(e) ?? 'error'}`);
  }
  return { ok: true, value: dataDirAt(path, marker, new Set(entries), purpose) };
}

/** True when every folder between `path` and `rel` is a real folder (no symlink swapped in since). */
async function realParents(path: string, rel: string): Promise<boolean> {
  const parts = rel.split(sep).slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const st = await lstat(join(path, ...parts.slice(0, i))).catch(() => undefined);
    if (st === undefined || st.isSymbolicLink() || !st.isDirectory()) return false;
  }
  return true;
}

function dataDirAt(path: string, marker: string, listed: Set<string>, purpose: DataDirPurpose): DataDir {
  const list = async (entry: string): Promise<void> => {
    if (listed.has(entry)) return;
    await appendFile(marker, `${entry}\n`);
    listed.add(entry);
  };
  return {
    path,
    purpose,
    async claimFile(relative) {
      const rel = inside(relative);
      const full = join(path, rel);
      if (!listed.has(rel)) {
        const exists = await lstat(full).then(
          () => true,
          () => false,
        );
        if (exists) return refuse(EXIT.CANT_CREATE, `refusing to overwrite ${full}: it was not created by sesam-billing`);
        await list(rel);
      }
      return { ok: true, value: full };
    },
    async claimDir(relative) {
      const rel = inside(relative);
      const full = join(path, rel);
      const st = await lstat(full).catch(() => undefined);
      if (st !== undefined && (!st.isDirectory() || st.isSymbolicLink())) return refuse(EXIT.CANT_CREATE, `refusing to use ${full}: it exists and is not a folder`);
      if (st !== undefined && !listed.has(`${rel}${sep}`)) return { ok: true, value: full }; // someone else's folder: used, never cleaned
      await list(`${rel}${sep}`);
      await mkdir(full, { recursive: true });
      return { ok: true, value: full };
    },
    async reset() {
      assert(purpose === 'demo', `dataDir: ${path} is a billing folder, never cleaned`);
      // The purpose read again: a billing command may have adopted the folder since it was opened.
      const now = await readManifest(marker);
      assert(now !== undefined && now.purpose !== 'billing', `dataDir: ${path} became a billing folder, never cleaned`);
      const removed: string[] = [];
      const kept: string[] = [];
      const files = [...listed].filter((e) => !e.endsWith(sep));
      // Deepest folders first, so a listed folder inside another is emptied before its parent.
      const dirs = [...listed].filter((e) => e.endsWith(sep)).sort((a, b) => b.length - a.length);
      for (const rel of files) {
        const full = join(path, rel);
        // A listed sub-folder replaced by a symlink would lead the unlink elsewhere: keep.
        if (!(await realParents(path, rel))) {
          kept.push(rel);
          continue;
        }
        const st = await lstat(full).catch(() => undefined);
        // unlink removes a symlink itself, never its target; a folder in its place is not ours.
        if (st === undefined) removed.push(rel);
        else if (st.isDirectory()) kept.push(rel);
        else await unlink(full).then(() => removed.push(rel), () => kept.push(rel));
      }
      for (const rel of dirs) {
        await rmdir(join(path, rel)).then(
          () => removed.push(rel),
          (e: unknown) => (code(e) === 'ENOENT' ? removed.push(rel) : kept.push(rel)),
        );
      }
      listed.clear();
      for (const k of kept) listed.add(k);
      // Rewrite the manifest in place (the marker is ours: checked when the folder was opened).
      const fh = await open(marker, 'w');
      try {
        await fh.writeFile(markerText('demo', kept));
      } finally {
        await fh.close();
      }
      return { removed, kept };
    },
  };
}
