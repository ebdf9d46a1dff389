/**
 * Every FSE code tells the user what to do (French `fix`) and where to read about it (a public
 * `ref`: norme B2, SESAM-Vitale cahier des charges, Code de la sécurité sociale, ameli.fr, INSEE),
 * never our internal notes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FSE_CODES } from '../../src/fse/codes';

const INTERNAL = /SPECS|MARKET|\.\.\/shared|shared\/domain/;
const PUBLIC = /Norme B2|SESAM-Vitale|Code de la sécurité sociale|ameli\.fr|INSEE|NGAP|SCOR/;

/** Files of src/fse owned by this module (b2/, ledgerFlow.ts and secure.ts have other owners). */
function ownedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'b2' ? [] : ownedFiles(p);
    return name === 'ledgerFlow.ts' || name === 'secure.ts' ? [] : [p];
  });
}

describe('FSE_CODES', () => {
  it.each(Object.entries(FSE_CODES))('%s has a French fix and a public ref', (_code, spec) => {
    const s = spec as { fix?: string; ref?: string };
    expect(s.fix).toMatch(/\S{3}/);
    expect(s.ref).toMatch(PUBLIC);
    expect(s.ref).not.toMatch(INTERNAL);
  });

  it('no source file of the module cites internal notes', () => {
    const offenders = ownedFiles(join(__dirname, '../../src/fse')).filter((f) => INTERNAL.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
