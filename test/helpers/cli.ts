/**
 * Running the BUILT `sesam` bin in a child process (as users run it) and reading its `--json`
 * document with the documented schema checked (docs/cli.md): one JSON line on stdout, only the
 * fields `schema`, `ok`, `command`, `exit`, `result`, `issues`, the exit code inside it, every
 * issue with a code, a severity, a path and a message. Call `ensureBuilt()` (built.ts) first.
 */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { BUILT_BIN } from './built';

/** One run of the bin. */
export interface BinRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** The `--json` document, as tests read it. */
export interface CliDoc {
  schema: number;
  ok: boolean;
  command: string;
  exit: number;
  result?: unknown;
  issues: { code: string; family: string; severity: string; path: unknown[]; message: string; received?: string }[];
}

/**
 * Runs the built bin synchronously.
 *
 * @param cwd - The working folder.
 * @param args - The arguments.
 * @returns Exit code, stdout, stderr.
 */
export function runBin(cwd: string, args: readonly string[]): BinRun {
  const r = spawnSync(process.execPath, [BUILT_BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * Runs the built bin with `--json` and checks the document's schema.
 *
 * @param cwd - The working folder.
 * @param args - The arguments (without `--json`).
 * @param command - The command path the document must name.
 * @returns The document, with the exit code and stderr of the run.
 */
export function runBinJson(cwd: string, args: readonly string[], command: string): CliDoc & { code: number | null; err: string } {
  const r = runBin(cwd, [...args, '--json']);
  const lines = r.out.split('\n').filter((l) => l !== '');
  expect(lines, r.out + r.err).toHaveLength(1);
  const doc = JSON.parse(lines[0] ?? '') as CliDoc;
  expect(Object.keys(doc).filter((k) => !['schema', 'ok', 'command', 'exit', 'result', 'issues'].includes(k))).toEqual([]);
  expect(doc).toMatchObject({ schema: 1, command, exit: r.code, ok: r.code === 0 });
  for (const i of doc.issues) {
    expect(typeof i.code).toBe('string');
    expect(['error', 'warning']).toContain(i.severity);
    expect(Array.isArray(i.path)).toBe(true);
    expect(typeof i.message).toBe('string');
  }
  return { ...doc, code: r.code, err: r.err };
}
