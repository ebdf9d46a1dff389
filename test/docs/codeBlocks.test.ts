/**
 * The docs' TypeScript compiles and runs (issue #10 §5): every ```ts block of README.md and
 * docs/**\/*.md is written to a temp app as a module that imports `sesam-billing` (a temp
 * node_modules symlink to this repository, so the package's `exports` resolve to the BUILT
 * dist/ as a user's install would), type-checked with the TypeScript API (strict,
 * exactOptionalPropertyTypes, noUncheckedIndexedAccess, NodeNext), then transpiled and run with
 * Node, one block at a time, with a timeout.
 *
 * A block that is deliberately a fragment (it uses variables of the surrounding prose, or needs
 * a card reader) is fenced ```ts fragment; fragments are listed in the test output and their
 * number is capped below, so new ones are a visible choice. Failures name the file and line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers/built';

/** A fenced block of a Markdown file. */
interface Block {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly info: string;
  readonly code: string;
}

/** Fragments allowed today (README 2, reader guide 4, returns guide 3, postgres guide 2, the local caisse walkthrough of the teletransmission guide 1); lower it, never raise it silently. */
const MAX_FRAGMENTS = 12;

function markdownFiles(): string[] {
  const out = [join(ROOT, 'README.md')];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.md')) out.push(join(dir, e.name));
    }
  };
  walk(join(ROOT, 'docs'));
  return out.sort();
}

/**
 * The ```ts / ```typescript blocks of a Markdown text (CommonMark fences of 3+ backticks).
 *
 * @param file - The file (for messages).
 * @param text - Its content.
 * @returns The blocks.
 */
export function extractTsBlocks(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s{0,3})(`{3,})\s*(ts|typescript)\b(.*)$/.exec(lines[i] ?? '');
    if (open === null) continue;
    const fence = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] ?? '').trimStart().startsWith(fence); j++) body.push(lines[j] ?? '');
    blocks.push({ file: relative(ROOT, file), line: i + 1, info: `${open[3]}${open[4] ?? ''}`.trim(), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

const all = markdownFiles().flatMap((f) => extractTsBlocks(f, readFileSync(f, 'utf8')));
const fragments = all.filter((b) => /\bfragment\b/.test(b.info));
const runnable = all.filter((b) => !/\bfragment\b/.test(b.info));
const where = (b: Block): string => `${b.file}:${b.line}`;
const app = mkdtempSync(join(tmpdir(), 'sesam-docs-'));
const fileOf = (b: Block, i: number): string => join(app, `block-${i}-${b.file.replace(/[^a-z0-9]+/gi, '_')}-L${b.line}.ts`);

beforeAll(async () => {
  await ensureBuilt();
  mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
  // The package as a user gets it (its `exports` → dist/), and @types/node for `node:` imports.
  symlinkSync(ROOT, join(app, 'node_modules', 'sesam-billing'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(app, 'node_modules', '@types', 'node'), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'docs-app', private: true, type: 'module' }));
  // `export {}` makes every block a module (top-level await, no shared globals); appended, so
  // line numbers of the block are unchanged.
  runnable.forEach((b, i) => writeFileSync(fileOf(b, i), `${b.code}\nexport {};\n`));
}, 700_000);
afterAll(() => rmSync(app, { recursive: true, force: true })); // the mkdtemp folder of this test

describe('docs code blocks', () => {
  it(`lists the fragments (at most ${MAX_FRAGMENTS}) and finds runnable blocks`, () => {
    console.log(`docs: ${runnable.length} runnable ts blocks, ${fragments.length} fragments:\n${fragments.map((b) => `  - ${where(b)}`).join('\n')}`);
    expect(fragments.length).toBeLessThanOrEqual(MAX_FRAGMENTS);
    expect(runnable.map((b) => b.file)).toContain('docs/guides/first-fse.md');
  });

  it('type-check (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess) against the built package', () => {
    const files = runnable.map((b, i) => fileOf(b, i));
    const program = ts.createProgram(files, {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      typeRoots: [join(app, 'node_modules', '@types')],
      skipLibCheck: true,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const i = d.file === undefined ? -1 : files.indexOf(d.file.fileName);
      const b = runnable[i];
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (b === undefined || d.file === undefined || d.start === undefined) return `(global) TS${d.code}: ${text}`;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${b.file}:${b.line + 1 + line}:${character + 1} (block at line ${b.line}) TS${d.code}: ${text}`;
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every runnable block runs to completion with Node (60 s each)', () => {
    const failures: string[] = [];
    runnable.forEach((b, i) => {
      const js = fileOf(b, i).replace(/\.ts$/, '.mjs');
      const out = ts.transpileModule(readFileSync(fileOf(b, i), 'utf8'), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false } });
      writeFileSync(js, out.outputText);
      const cwd = mkdtempSync(join(app, 'run-'));
      const r = spawnSync(process.execPath, [js], { cwd, encoding: 'utf8', timeout: 60_000 });
      if (r.status !== 0) failures.push(`${where(b)}: exit ${r.status ?? r.signal}\n${(r.stderr || r.stdout).split('\n').slice(0, 8).join('\n')}`);
    });
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
