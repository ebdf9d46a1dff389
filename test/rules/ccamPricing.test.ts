/**
 * CCAM acts priced by computeFacture from the shipped CCAM (V78 from 2025-02-01, V81 from
 * 2026-01-01): the version by the act date, the tariff column by secteur, activité and phase on
 * the line, non pris en charge refused, nothing before the first version.
 */
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/date/index';
import { computeFacture, DEFAULT_TABLES, loadReferentiel } from '../../src/rules/index';
import type { Decompte, FactureInput, Referentiel } from '../../src/rules/index';
import { shippedCcamIndex, shippedCcamTable, withCcam } from '../../src/rules/ccam/index';
import { DEFAULT_REFERENTIEL } from '../../src/rules/index';
import { fc, test } from '@fast-check/vitest';
import { runs } from '../helpers/runs';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { factureG, ligne } from '../arbitraries/facture';

const d = (s: string): PlainDate => s as PlainDate;
const table = expectOk(shippedCcamTable());
const referentiel: Referentiel = expectOk(loadReferentiel([...DEFAULT_TABLES, table]));

function ccam(code: string, date: string, extra: Partial<FactureInput> = {}, line: Record<string, unknown> = {}): FactureInput {
  const base = factureG();
  return { ...base, dateFacturation: d(date), ...extra, lignes: [{ ...ligne(code, date), ...line }] } as FactureInput;
}

const price = (input: FactureInput): Decompte => expectOk(computeFacture(input, { referentiel }));

describe('CCAM pricing from the shipped table', () => {
  it('the table names its versions', () => {
    expect(table.version).toBe('CCAM V78 + CCAM V81');
  });

  it('an act dated 2025-06-02 gets the V78 price, 2026-03-02 the V81 price', () => {
    expect(price(ccam('AALA002', '2025-06-02')).lignes[0]?.prixUnitaire.centimes).toBe(27674);
    expect(price(ccam('AALA002', '2026-03-02')).lignes[0]?.prixUnitaire.centimes).toBe(28066);
  });

  it('secteur 1 / OPTAM and secteur 2 non-OPTAM read their own column', () => {
    const s1 = price(ccam('AHQB024', '2026-03-02'));
    const s2 = price(ccam('AHQB024', '2026-03-02', { ps: { ...factureG().ps, secteur: '2' } }));
    const optam = price(ccam('AHQB024', '2026-03-02', { ps: { ...factureG().ps, secteur: '2-optam' } }));
    expect([s1, s2, optam].map((x) => x.lignes[0]?.prixUnitaire.centimes)).toEqual([6705, 6066, 6705]);
  });

  it('activité 4 (anesthésie) has its own tariff', () => {
    expect(price(ccam('AALA002', '2026-03-02', {}, { activite: '4' })).lignes[0]?.prixUnitaire.centimes).toBe(18442);
  });

  it('an act created in V81 is refused before 2026-01-01; one dropped in V81 after 2025-12-31', () => {
    expectIssue(computeFacture(ccam('AANB256', '2025-12-31'), { referentiel }), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
    expect(price(ccam('AANB256', '2026-01-02')).lignes[0]?.prixUnitaire.centimes).toBeGreaterThan(0);
    expectIssue(computeFacture(ccam('YYYY600', '2026-01-02'), { referentiel }), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
  });

  it('nothing before the first version loaded (2025-02-01): the issue names the CNAM file to import', () => {
    const r = computeFacture(ccam('AALA002', '2025-01-31'), { referentiel });
    expectIssue(r, 'RULES_CCAM_AVANT_VERSION', ['lignes', 0, 'code']);
    expect(r.ok ? '' : r.issues[0]?.expected).toBe('CCAM version 78, CNAM, applicable 01/02/2025');
  });

  it('a « Non pris en charge » act is refused with its own code', () => {
    expectIssue(computeFacture(ccam('AHQP001', '2026-03-02'), { referentiel }), 'RULES_ACTE_NON_PRIS_EN_CHARGE', ['lignes', 0, 'code']);
  });
});

describe('lazy CCAM référentiel (indexCcam + withCcam)', () => {
  const lazy = withCcam(DEFAULT_REFERENTIEL, expectOk(shippedCcamIndex()));
  const codes = [...new Set(table.rows.map((r) => r.code))];

  it('indexes every act of the shipped table and names the versions', () => {
    expect(expectOk(shippedCcamIndex()).size).toBe(8261);
    expect(lazy.version).toContain('CCAM V78 + CCAM V81');
  });

  test.prop([fc.constantFrom(...codes), fc.constantFrom('2025-01-15', '2025-06-02', '2025-12-31', '2026-01-01', '2026-03-02'), fc.constantFrom('1', '2', '2-optam')], { numRuns: runs(400) })(
    'prices exactly like the eager table (same rows, same issues)',
    (key, date, secteur) => {
      const [code = '', activite, phase] = key.split('/');
      const line: Record<string, unknown> = {};
      if (activite !== undefined) line['activite'] = activite;
      if (phase !== undefined) line['phase'] = phase;
      const input = ccam(code, date, { ps: { ...factureG().ps, secteur: secteur as '1' } }, line);
      const a = computeFacture(input, { referentiel });
      const b = computeFacture(input, { referentiel: lazy });
      expect(b.ok).toBe(a.ok);
      if (a.ok && b.ok) expect(b.value.lignes.map((l) => l.prixUnitaire)).toEqual(a.value.lignes.map((l) => l.prixUnitaire));
      else expect(b.issues.map((i) => i.code)).toEqual(a.issues.map((i) => i.code));
    },
  );
});
