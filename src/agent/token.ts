/**
 * The agent's per-install token: 32 random bytes (base64url), created once in the data folder
 * with mode 0600 (owner only) and read back on the next start; compared in constant time.
 * A token file readable by the group or others is refused (another local user could drive the
 * card): the owner fixes its mode, the agent never rewrites a file it did not just create.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { lstat, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, maskNir, SesamError } from '../core/issues/index';

/** Name of the token file in the data folder. */
export const AGENT_TOKEN_FILE = 'agent-token';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;
const errno = (e: unknown): string => (e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'error');

/**
 * Reads the agent token from `dir`, creating the folder (0700) and the token (0600) when absent.
 *
 * @param dir - The agent's data folder.
 * @returns The token and the file holding it.
 * @throws SesamError `IO` when the file cannot be created or read, is not a regular file, is
 *   readable by others than its owner, or does not hold a token.
 * @example
 * const { token } = await loadAgentToken('/home/me/.sesam');
 */
export async function loadAgentToken(dir: string): Promise<{ readonly token: string; readonly path: string }> {
  assert(typeof dir === 'string' && dir.trim() !== '' && !/[\u0000-\u001f]/.test(dir), 'loadAgentToken: dir must be a folder path');
  const path = join(dir, AGENT_TOKEN_FILE);
  // Paths in messages go through maskNir: a folder named after a patient's NIR stays masked.
  const shown = maskNir(path);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new SesamError('IO', `cannot create the agent data folder ${maskNir(dir)}: ${errno(e)}`, { cause: e });
  }
  const token = randomBytes(32).toString('base64url');
  try {
    // O_EXCL: an existing path (a symlink included) is never replaced.
    const fh = await open(path, 'wx', 0o600);
    try {
      await fh.writeFile(`${token}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return { token, path };
  } catch (e) {
    if (errno(e) !== 'EEXIST') throw new SesamError('IO', `cannot create the agent token ${shown}: ${errno(e)}`, { cause: e });
  }
  const st = await lstat(path);
  if (!st.isFile()) throw new SesamError('IO', `refusing the agent token ${shown}: not a regular file`);
  if ((st.mode & 0o077) !== 0) throw new SesamError('IO', `refusing the agent token ${shown}: readable by other users (run chmod 600 on it)`);
  const text = (await readFile(path, 'utf8')).trim();
  if (!TOKEN_SHAPE.test(text)) throw new SesamError('IO', `refusing the agent token ${shown}: it does not hold a token (delete it to get a new one)`);
  return { token: text, path };
}

/**
 * Compares a presented token with the expected one in constant time (both hashed first, so
 * neither the content nor the length leaks through timing).
 *
 * @param presented - What the client sent (any value).
 * @param expected - The agent's token.
 * @returns True when they are equal.
 */
export function tokenMatches(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && presented.length === expected.length;
}

/**
 * The token of an `Authorization: Bearer …` header.
 *
 * @param header - The header value (any).
 * @returns The token, or `undefined` when the header is absent or of another scheme.
 */
export function bearerOf(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header);
  return m?.[1];
}
