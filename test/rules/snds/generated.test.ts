/**
 * The generated SNDS modules are current with data/snds (`npm run referentiel:build`), every
 * exported function of the subpath returns a Result on junk, and the data attribution is kept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderSndsModules } from '../../../scripts/snds/renderSnds';
import * as snds from '../../../src/rules/snds/index';
import { junkArb, junkValues, outcomeOf } from '../../helpers/junk';
import { runs } from '../../helpers/runs';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('generated modules', () => {
  it('are current with data/snds (npm run referentiel:build)', () => {
    const expected = renderSndsModules(join(ROOT, 'data', 'snds'));
    expect(Object.keys(expected).sort()).toEqual(['caisses.generated.ts', 'nabm.generated.ts', 'naturesPrestation.generated.ts', 'nomenclatures.generated.ts', 'regimes.generated.ts']);
    for (const [file, text] of Object.entries(expected)) {
      const current = readFileSync(join(ROOT, 'src', 'rules', 'snds', 'generated', file), 'utf8');
      expect(current === text, `${file} is not current`).toBe(true);
      expect(text).toContain('Source : CNAM / Health Data Hub, nomenclatures du SNDS, 2021');
    }
  });

  it('the NOTICE and data/snds keep the Licence Ouverte attribution', () => {
    expect(readFileSync(join(ROOT, 'NOTICE'), 'utf8')).toContain('Source : CNAM / Health Data Hub, nomenclatures du SNDS, 2021');
    expect(readFileSync(join(ROOT, 'data', 'snds', 'README.md'), 'utf8')).toContain('Licence Ouverte');
  });
});

type Fn = (...args: unknown[]) => unknown;
const fns = (Object.entries(snds) as [string, unknown][]).filter((e): e is [string, Fn] => typeof e[1] === 'function');

describe('properties', () => {
  it('every exported function gives a Result (or a value) on fixed junk, never a TypeError', async () => {
    const crashes: string[] = [];
    for (const [name, fn] of fns) {
      for (const j of junkValues()) {
        for (const args of [[j], [j, j], [j, j, j]]) {
          const o = await outcomeOf(fn, args);
          if (o.kind === 'crash' || o.kind === 'hang') crashes.push(`${name}: ${o.kind}`);
        }
      }
    }
    expect([...new Set(crashes)]).toEqual([]);
  });

  it('random junk', async () => {
    const crashes: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fns), fc.array(junkArb, { maxLength: 3 }), async ([name, fn], args) => {
        const o = await outcomeOf(fn, args);
        if (o.kind === 'crash' || o.kind === 'hang') crashes.push(`${name}: ${o.kind}`);
      }),
      { numRuns: runs(500) },
    );
    expect([...new Set(crashes)]).toEqual([]);
  });
});
