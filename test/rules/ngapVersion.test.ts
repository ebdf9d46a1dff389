/**
 * NGAP table versions: named after the last regulatory change each table carries
 * (`NGAP <profession> <date>`), surfaced in `Decompte.versions` and in the trace's first step.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENTIEL, NGAP_MEDECINS } from '../../src/rules/index';
import { NGAP_AUXILIAIRES_TABLES } from '../../src/rules/tables/index';
import { ngapVersion, splitVersions, versionsOf } from '../../src/rules/versions';
import { runs } from '../helpers/runs';

const row = (validFrom: string | null) => ({ validFrom });

describe('ngapVersion', () => {
  it('takes the latest first day of validity of the rows', () => {
    expect(ngapVersion('médecins', [row('2023-01-01'), row('2026-01-01'), row('2024-12-22')])).toBe('NGAP médecins 2026-01-01');
    expect(ngapVersion('orthoptistes', [row('2023-01-01')])).toBe('NGAP orthoptistes 2023-01-01');
  });

  it('ignores undated or malformed rows; no dated row gives the bare name', () => {
    expect(ngapVersion('x', [row(null), row('2024-13'), row('2025-06-02')])).toBe('NGAP x 2025-06-02');
    expect(ngapVersion('x', [row(null)])).toBe('NGAP x');
    expect(ngapVersion('x', [])).toBe('NGAP x');
    expect(ngapVersion('x', [null, 3, 'a', row('2024-01-01')] as never)).toBe('NGAP x 2024-01-01');
    expect(ngapVersion('x', 'junk' as never)).toBe('NGAP x');
  });

  it('the default référentiel lists one NGAP version per table, split as loaded (no date suffix, no " + ")', () => {
    const ngap = (DEFAULT_REFERENTIEL.versions ?? []).filter((v) => v.startsWith('NGAP '));
    expect(ngap).toEqual([NGAP_MEDECINS.version, ...NGAP_AUXILIAIRES_TABLES.map((t) => t.version)]);
    for (const v of ngap) expect(v).toMatch(/^NGAP [^+]+ \d{4}-\d{2}-\d{2}$/);
    expect(splitVersions(DEFAULT_REFERENTIEL.version).filter((v) => v.startsWith('NGAP '))).toEqual(ngap);
    expect(versionsOf(DEFAULT_REFERENTIEL, 'parametres-x').slice(0, ngap.length)).toEqual(ngap);
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 20 * 365 }).map((n) => new Date(Date.UTC(2015, 0, 1 + n)).toISOString().slice(0, 10));
  const dated = fc.array(fc.option(day, { nil: null }), { maxLength: 30 });

  test.prop([fc.string({ maxLength: 20 }).filter((s) => !s.includes('+')), dated], { numRuns: runs(300) })(
    'the name ends with the maximum date, whatever the order of the rows',
    (label, dates) => {
      const rows = dates.map(row);
      const max = dates.filter((x): x is string => x !== null).sort().at(-1);
      const name = ngapVersion(label, rows);
      expect(name).toBe(max === undefined ? `NGAP ${label}` : `NGAP ${label} ${max}`);
      expect(ngapVersion(label, [...rows].reverse())).toBe(name);
      expect(splitVersions(name)).toEqual(name.trim() === '' ? [] : [name.trim()]);
    },
  );

  test.prop([fc.anything()], { numRuns: runs(200) })('junk validFrom values never throw and never become the date', (junk) => {
    const name = ngapVersion('x', [{ validFrom: junk as string | null }, row('2024-01-01')]);
    expect(name === 'NGAP x 2024-01-01' || (typeof junk === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(junk) && name === `NGAP x ${junk > '2024-01-01' ? junk : '2024-01-01'}`)).toBe(true);
  });
});
