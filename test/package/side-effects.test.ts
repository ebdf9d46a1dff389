/**
 * `"sideEffects": false` (package.json) tells bundlers that importing a module for nothing does
 * nothing, so they drop every module the caller does not use. That holds only if no library module
 * acts at load time: its top level holds imports, exports and declarations, nothing else (a
 * top-level call, loop or assignment that touched another module, a global or the clock would be
 * silently dropped by the consumer's bundler). The CLI (an executable, not imported) is exempt.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../bench/bundleSize';

/** Top-level statements known to act only on their own module's bindings. */
const ALLOWED = new Set([
  // fills the module's own `PRECOMPILED` map from constant tables
  'src/noemie/parse/fastDecode.ts: for (const [type, layout] of Object.entries(ENTITY_LAYOUTS)) {',
  // compile-time proof, evaluates a local constant
  'src/noemie/records/typecheck.ts: void proof;',
]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Whether a top-level statement only declares (imports, exports, declarations, types). */
function declares(st: ts.Statement): boolean {
  return (
    ts.isImportDeclaration(st) ||
    ts.isExportDeclaration(st) ||
    ts.isVariableStatement(st) ||
    ts.isFunctionDeclaration(st) ||
    ts.isClassDeclaration(st) ||
    ts.isInterfaceDeclaration(st) ||
    ts.isTypeAliasDeclaration(st) ||
    ts.isEnumDeclaration(st) ||
    ts.isModuleDeclaration(st) ||
    ts.isImportEqualsDeclaration(st) ||
    (ts.isExportAssignment(st) && !st.isExportEquals) ||
    ts.isEmptyStatement(st)
  );
}

describe('sideEffects: false holds in practice', () => {
  it('no library module acts at load time (only declarations at the top level)', () => {
    const acting: string[] = [];
    for (const file of sources(join(PACKAGE_ROOT, 'src'))) {
      const rel = relative(PACKAGE_ROOT, file).split('\\').join('/');
      if (rel.startsWith('src/cli/')) continue;
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      for (const st of sf.statements) {
        if (declares(st)) continue;
        const line = `${rel}: ${st.getText(sf).split('\n')[0]}`;
        if (!ALLOWED.has(line)) acting.push(line);
      }
    }
    expect(acting).toEqual([]);
  });

  it('package.json still declares it', () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { sideEffects?: unknown };
    expect(pkg.sideEffects).toBe(false);
  });
});
