/**
 * The root entry is a deliberate, explicit list (issue #10 §4): what a PMS calls. Its names
 * (values and types) must equal test/package/root-exports.txt, so that any growth is a reviewed
 * change of that file. Regenerate after a deliberate change:
 * `SESAM_UPDATE_ROOT_EXPORTS=1 npx vitest run test/package/root-exports.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../bench/bundleSize';

const SNAPSHOT = join(PACKAGE_ROOT, 'test', 'package', 'root-exports.txt');
const INDEX = join(PACKAGE_ROOT, 'src', 'index.ts');

/** The export declarations of src/index.ts: `type Name` for type-only exports, `Name` for values. */
function declaredExports(): { names: string[]; exportStars: number } {
  const file = ts.createSourceFile(INDEX, readFileSync(INDEX, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: string[] = [];
  let exportStars = 0;
  for (const st of file.statements) {
    if (!ts.isExportDeclaration(st)) continue;
    if (st.exportClause === undefined || !ts.isNamedExports(st.exportClause)) {
      exportStars += 1;
      continue;
    }
    for (const el of st.exportClause.elements) names.push(`${st.isTypeOnly || el.isTypeOnly ? 'type ' : ''}${el.name.text}`);
  }
  return { names: names.sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, ''))), exportStars };
}

describe('root export list', () => {
  const { names, exportStars } = declaredExports();

  it('is explicit (no `export *`)', () => {
    expect(exportStars).toBe(0);
  });

  it('equals test/package/root-exports.txt', () => {
    const text = `${names.join('\n')}\n`;
    if (process.env['SESAM_UPDATE_ROOT_EXPORTS'] === '1') writeFileSync(SNAPSHOT, text);
    expect(text).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('exports at run time exactly its value names', async () => {
    const mod = (await import('../../src/index')) as Record<string, unknown>;
    const values = names.filter((n) => !n.startsWith('type ')).sort();
    expect(Object.keys(mod).sort()).toEqual(values);
  });

  it('keeps generic verbs and card internals out of the root', () => {
    const generic = ['add', 'subtract', 'min', 'max', 'sum', 'equals', 'percent', 'verify', 'compare', 'multiply', 'readBinary', 'selectFid', 'parseBerTlv'];
    expect(names.filter((n) => generic.includes(n))).toEqual([]);
  });
});
