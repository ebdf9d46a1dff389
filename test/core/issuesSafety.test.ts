/**
 * Results, errors and safe texts: `unwrap`, `resultOf`, `hasErrors` turn junk into a SesamError
 * (never a TypeError); `maskNir` / `formatReceived` never let a NIR or a huge value into an issue.
 * Test NIRs are fictitious (generated with valid keys, ordre 900–999).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  assert,
  createIssueFactory,
  defineIssueCodes,
  err,
  formatReceived,
  hasErrors,
  isSesamError,
  maskNir,
  MAX_ISSUE_TEXT,
  ok,
  resultOf,
  SesamError,
  unwrap,
} from '../../src/core/issues/index';
import type { Issue } from '../../src/core/issues/index';
import { formatNir } from '../../src/core/ids/index';
import { arbNir, makeNir } from '../arbitraries/ids';
import { junkArb, junkValues } from '../helpers/junk';
import { runs } from '../helpers/runs';

const CODES = defineIssueCodes({ T_ERR: { family: 'FORMAT', message: 'reçu {received}', fix: 'corriger' } });
const issue = createIssueFactory(CODES);

function sesamCode(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    expect(isSesamError(e), `expected a SesamError, got ${String(e)}`).toBe(true);
    return (e as SesamError).code;
  }
}

/** The 8 identifying characters of a compact NIR (département, commune, ordre). */
const middle = (nir: string): string => nir.slice(5, 13);

describe('unwrap, resultOf, hasErrors on junk', () => {
  it('junk is an ASSERTION, a failed Result an UNWRAP', () => {
    for (const j of junkValues()) {
      const isResult = typeof j === 'object' && j !== null && typeof (j as { ok?: unknown }).ok === 'boolean';
      if (!isResult) expect(sesamCode(() => unwrap(j as never))).toBe('ASSERTION');
      if (!Array.isArray(j)) {
        expect(sesamCode(() => resultOf(1, j as never))).toBe('ASSERTION');
        expect(sesamCode(() => hasErrors(j as never))).toBe('ASSERTION');
      }
    }
    expect(sesamCode(() => hasErrors([null] as never))).toBe('ASSERTION');
    expect(sesamCode(() => unwrap({ ok: false, issues: [] } as never))).toBe('ASSERTION');
    expect(sesamCode(() => unwrap({ ok: false, issues: [null] } as never))).toBe('UNWRAP');
    expect(sesamCode(() => unwrap(err(issue('T_ERR'))))).toBe('UNWRAP');
    expect(unwrap(ok(3))).toBe(3);
    expect(resultOf(1, [issue('T_ERR')]).ok).toBe(false);
    expect(hasErrors([])).toBe(false);
  });

  it('an unknown code and a non-text assert message are SesamErrors too', () => {
    expect(sesamCode(() => (issue as (c: unknown) => Issue)('NOPE'))).toBe('ASSERTION');
    expect(sesamCode(() => (issue as (c: unknown) => Issue)({ toString: 0 }))).toBe('ASSERTION');
    expect(sesamCode(() => (issue as (c: unknown) => Issue)('toString'))).toBe('ASSERTION');
    expect(sesamCode(() => assert(false, Symbol('m') as never))).toBe('ASSERTION');
    expect(sesamCode(() => maskNir(42 as never))).toBe('ASSERTION');
  });

  test.prop([junkArb], { numRuns: runs(500) })('any junk: a value or a SesamError, never another throw', (j) => {
    for (const f of [() => unwrap(j as never), () => resultOf(0, j as never), () => hasErrors(j as never), () => formatReceived(j)]) {
      try {
        f();
      } catch (e) {
        expect(isSesamError(e)).toBe(true);
      }
    }
  });
});

describe('maskNir and formatReceived', () => {
  it('masks compact, glued, spaced and Corsican NIRs; keeps sexe, année, mois and key', () => {
    const nir = makeNir({ sex: 2, year: 95, month: 10, dept: '2A', commune: '004', ordre: 931 });
    expect(maskNir(`NIR ${nir} ok`)).toBe(`NIR ${nir.slice(0, 5)}********${nir.slice(13)} ok`);
    expect(maskNir(`nir${nir}x`)).not.toContain(middle(nir));
    expect(maskNir(`0${nir}`)).not.toContain(middle(nir));
    expect(maskNir(formatNir(nir))).not.toMatch(/2A 004 931/);
    expect(maskNir(formatNir(nir).toLowerCase())).not.toMatch(/2a 004 931/);
    expect(maskNir('facture 12345 du 2025-01-01')).toBe('facture 12345 du 2025-01-01');
    expect(maskNir(formatNir(nir))).toHaveLength(formatNir(nir).length);
  });

  test.prop([arbNir({ pseudoMonths: true }), fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), fc.boolean()], { numRuns: runs(2000) })(
    'a valid NIR inside any text never shows its 8 middle characters in formatReceived',
    (nir, before, after, spaced) => {
      const shown = spaced ? formatNir(nir) : nir;
      const text = `${before}${shown}${after}`;
      // Skip the (rare) case where the random text itself carries the same 8 characters.
      fc.pre(!`${before}${after}`.includes(middle(nir)));
      const out = formatReceived(text);
      expect(out.replace(/[ .-]/g, '')).not.toContain(middle(nir));
      expect(maskNir(text).replace(/[ .-]/g, '')).not.toContain(middle(nir));
    },
  );

  test.prop([arbNir(), fc.integer({ min: 0, max: 200 })], { numRuns: runs(500) })('a NIR across the cut of a long text never leaks', (nir, at) => {
    const text = `${'x'.repeat(at)}${nir}${'y'.repeat(200)}`;
    expect(formatReceived(text)).not.toContain(middle(nir));
    expect(formatReceived({ nir })).not.toContain(middle(nir));
    expect(formatReceived([nir])).not.toContain(middle(nir));
  });

  it('a 10 MB string gives about 100 characters with its length', () => {
    const big = 'A'.repeat(10 * 1024 * 1024);
    const out = formatReceived(big);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out).toContain(String(big.length));
    const digits = '7'.repeat(10 * 1024 * 1024);
    expect(formatReceived(digits).length).toBeLessThanOrEqual(100);
    expect(issue('T_ERR', { received: big }).message.length).toBeLessThanOrEqual(120);
    expect(formatReceived('x'.repeat(MAX_ISSUE_TEXT))).toBe('x'.repeat(MAX_ISSUE_TEXT));
  });
});
