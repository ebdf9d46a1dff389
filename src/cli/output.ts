/**
 * Writing a file the user named (`--out`): never over a file the user did not ask to replace.
 * Without `force` the file is created exclusively (O_EXCL: an existing path, a symbolic link
 * included, is refused, 73); with `force` an existing regular file is replaced atomically
 * (written beside it, then renamed); a folder, a FIFO or a device is never replaced.
 */
import { lstat, open, rename, unlink } from 'node:fs/promises';
import type { CliOutcome } from './outcome';
import { EXIT, refuse } from './outcome';

const errno = (e: unknown): string => (e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'error');
/** Errors that say "this path cannot be created here" (73) rather than "the write failed" (74). */
const CANT_CREATE = new Set(['EEXIST', 'ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EISDIR', 'EROFS', 'ELOOP', 'ENAMETOOLONG']);

/**
 * Checks, before any work, that `path` may be written (the write checks again: O_EXCL).
 *
 * @param path - The file the user named.
 * @param force - Replace an existing regular file.
 * @returns Nothing, or 73 when the path exists (without force) or is not a regular file.
 */
export async function checkOutputPath(path: string, force: boolean): Promise<CliOutcome<undefined>> {
  try {
    const st = await lstat(path);
    if (!force) return refuse(EXIT.CANT_CREATE, `refusing to overwrite ${path}: it exists (add --force to replace it)`);
    if (!st.isFile()) return refuse(EXIT.CANT_CREATE, `refusing to replace ${path}: not a regular file`);
  } catch (e) {
    if (errno(e) !== 'ENOENT') return refuse(EXIT.CANT_CREATE, `cannot write ${path}: ${errno(e)}`);
  }
  return { ok: true, value: undefined };
}

/**
 * Writes `text` to `path`.
 *
 * @param path - The file the user named.
 * @param text - The content (UTF-8).
 * @param force - Replace an existing regular file.
 * @returns The number of bytes written; 73 when the path exists (without force), is not a regular
 *   file, or cannot be created; 74 when writing fails (disk full …).
 */
export async function writeOutputFile(path: string, text: string, force: boolean): Promise<CliOutcome<number>> {
  let existing;
  try {
    existing = await lstat(path);
  } catch (e) {
    if (errno(e) !== 'ENOENT') return refuse(EXIT.CANT_CREATE, `cannot write ${path}: ${errno(e)}`);
  }
  if (existing !== undefined) {
    if (!force) return refuse(EXIT.CANT_CREATE, `refusing to overwrite ${path}: it exists (add --force to replace it)`);
    if (!existing.isFile()) return refuse(EXIT.CANT_CREATE, `refusing to replace ${path}: not a regular file`);
  }
  const bytes = Buffer.from(text, 'utf8');
  // With force, the new content goes to a file of our own first: the old one stays whole until the rename.
  const target = existing === undefined ? path : `${path}.${process.pid}.tmp`;
  let fh;
  try {
    fh = await open(target, 'wx', 0o644);
  } catch (e) {
    const code = errno(e);
    return refuse(CANT_CREATE.has(code) ? EXIT.CANT_CREATE : EXIT.IO, code === 'EEXIST' ? `refusing to overwrite ${path}: it exists (add --force to replace it)` : `cannot create ${target}: ${code}`);
  }
  try {
    await fh.writeFile(bytes);
    await fh.close();
    fh = undefined;
    if (target !== path) await rename(target, path);
    return { ok: true, value: bytes.length };
  } catch (e) {
    // Only the file this call created is removed.
    await fh?.close().catch(() => undefined);
    await unlink(target).catch(() => undefined);
    return refuse(EXIT.IO, `cannot write ${path}: ${errno(e)}`);
  }
}
