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
 *   folders once empty (`rmdir`): a file a user added, even inside a listed folder, survives.
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
  '# Created by the sesam command (npm package sesam-billing). The paths below were created by it\n' +
  '# and are deleted on its next run; anything else in this folder is left alone.\n';

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
  /** Deletes what the library created here (see the module comment); the marker stays. */
  reset(): Promise<DataDirReset>;
}

const code = (e: unknown): string | undefined => (e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : undefined);

/** A relative path inside the folder (programmer input: asserted, never a user value). */
function inside(relative: string): string {
  const n = normalize(relative);
  assert(n !== '.' && !isAbsolute(n) && n !== '..' && !n.startsWith(`..${sep}`) && n !== DATA_DIR_MARKER, `dataDir: '${relative}' is not a path inside the data folder`);
  return n;
}

async function readManifest(markerPath: string): Promise<string[] | undefined> {
  try {
    const st = await lstat(markerPath);
    if (!st.isFile() || st.size > 1_000_000) return undefined;
    const lines = (await readFile(markerPath, 'utf8')).split('\n');
    if (lines[0] !== DATA_DIR_MARKER_HEADER) return undefined;
    return lines.slice(1).filter((l) => l !== '' && !l.startsWith('#'));
  } catch {
    return undefined;
  }
}

/**
 * Opens (creating it if missing) a data folder the library may write into and clean.
 *
 * @param path - The folder the user named (e.g. `--data DIR`).
 * @returns The folder, or exit 73 with one line when the path is not one the library may use
 *   (64 for an empty path).
 * @example
 * const dir = await openDataDir('.demo-data');
 * if (!dir.ok) { io.err(`${dir.message}\n`); return dir.exit; }
 * await dir.value.reset();
 */
export async function openDataDir(path: string): Promise<CliOutcome<DataDir>> {
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
      await writeFile(marker, `${DATA_DIR_MARKER_HEADER}\n${MARKER_NOTE}`, { flag: 'wx' });
      entries = [];
    } else if (st.isSymbolicLink()) {
      return refuse(EXIT.CANT_CREATE, `refusing data folder ${path}: it is a symbolic link (give the real folder)`);
    } else if (!st.isDirectory()) {
      return refuse(EXIT.CANT_CREATE, `refusing data folder ${path}: it exists and is not a folder (nothing was changed)`);
    } else {
      const manifest = await readManifest(marker);
      if (manifest !== undefined) entries = manifest;
      else if ((await readdir(path)).length === 0) {
        await writeFile(marker, `${DATA_DIR_MARKER_HEADER}\n${MARKER_NOTE}`, { flag: 'wx' });
        entries = [];
      } else {
        return refuse(EXIT.CANT_CREATE, `refusing data folder ${path}: it is not empty and was not created by sesam-billing (no ${DATA_DIR_MARKER}); give a new or empty folder`);
      }
    }
  } catch (e) {
    return refuse(EXIT.CANT_CREATE, `cannot prepare data folder ${path}: ${code(e) ?? 'error'}`);
  }
  return { ok: true, value: dataDirAt(path, marker, new Set(entries)) };
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

function dataDirAt(path: string, marker: string, listed: Set<string>): DataDir {
  const list = async (entry: string): Promise<void> => {
    if (listed.has(entry)) return;
    await appendFile(marker, `${entry}\n`);
    listed.add(entry);
  };
  return {
    path,
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
        await fh.writeFile(`${DATA_DIR_MARKER_HEADER}\n${MARKER_NOTE}${kept.map((k) => `${k}\n`).join('')}`);
      } finally {
        await fh.close();
      }
      return { removed, kept };
    },
  };
}
