/**
 * NABM from the SNDS table IR_BIO_R: lookups by code and date, and pricing through the référentiel
 * (coefficient × value of B at the act date, caller coefficients after 2019).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import type { FactureInput } from '../../../src/rules/index';
import { computeFacture, DEFAULT_REFERENTIEL, loadReferentiel } from '../../../src/rules/index';
import { DEFAULT_TABLES } from '../../../src/rules/tables/index';
import { findNabmActe, nabmTarifTable, VALEUR_B_METROPOLE, withNabm } from '../../../src/rules/snds/index';
import { nabmActes } from '../../../src/rules/snds/nabm';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';

const d = (s: string): PlainDate => s as PlainDate;

function invoice(code: string, date: string, zone: 'metropole' | 'dom' = 'metropole'): FactureInput {
  return {
    dateFacturation: d(date),
    ps: { profession: 'medecin', specialite: '38', secteur: '1', zone },
    beneficiaire: { dateNaissance: d('1970-01-01') },
    natureAssurance: '10',
    parcours: 'T',
    lignes: [{ code, date: d(date), quantite: 1 }],
  } as FactureInput;
}

describe('findNabmActe', () => {
  it('finds an act by its code on 1 to 4 digits, with its letter, coefficient and dates', () => {
    const acte = expectOk(findNabmActe('1104', d('2025-03-10')));
    expect(acte).toEqual({ code: '1104', lettre: 'B', coefficient: '26', creation: '1996-01-01', coefficientDepuis: '2018-04-14' });
    expect(expectOk(findNabmActe('215')).code).toBe('0215');
    expect(expectOk(findNabmActe(215)).coefficient).toBe('80');
  });

  it('refuses an unknown code, a date before creation and a date after suppression', () => {
    expectIssue(findNabmActe('1234'), 'SNDS_CODE_INCONNU', ['code']);
    expectIssue(findNabmActe('12345'), 'SNDS_CODE_INCONNU', ['code']);
    expectIssue(findNabmActe('215', d('1995-12-31')), 'SNDS_HORS_PERIODE', ['date']);
    const supprime = [...nabmActes().values()].find((a) => a.suppression === '2019-02-01');
    expect(supprime).toBeDefined();
    expectOk(findNabmActe(supprime!.code, d('2019-01-31')));
    expectIssue(findNabmActe(supprime!.code, d('2019-02-01')), 'SNDS_HORS_PERIODE', ['date']);
  });

  it('warns when the date is before the only coefficient the table knows', () => {
    const r = findNabmActe('1104', d('2010-01-01'));
    expect(r.ok).toBe(true);
    expectIssue(r, 'SNDS_NABM_COEFFICIENT', ['date']);
  });
});

describe('nabmTarifTable', () => {
  const table = expectOk(nabmTarifTable());
  const ref = expectOk(loadReferentiel([...DEFAULT_TABLES, table]));

  it('prices a biology act as coefficient × B (métropole 0,27 €) at 60 %', () => {
    const f = expectOk(computeFacture(invoice('1104', '2025-03-10'), { referentiel: ref }));
    const ligne = f.lignes[0]!;
    expect(ligne.prixUnitaire.centimes).toBe(26 * 27);
    expect(ligne.partAmo.centimes).toBe(421);
    expect(ligne.sourceTarif).toContain('IR_BIO_R');
  });

  it('every act of the table with a coefficient has a row, dated, sourced, keyed on 4 digits', () => {
    const priced = [...nabmActes().values()].filter((a) => a.coefficient !== null);
    expect(new Set(table.rows.map((r) => r.code)).size).toBe(priced.length);
    for (const r of table.rows) {
      expect(r.code).toMatch(/^\d{4}$/);
      expect(r.nomenclature).toBe('nabm');
      expect(r.validFrom).not.toBeNull();
      expect(r.source).toContain('SNDS');
    }
    expect(table.source).toContain('2019');
  });

  it('refuses a date before the coefficient the table knows, and a DOM PS without DOM values', () => {
    expectIssue(computeFacture(invoice('1104', '2018-04-13'), { referentiel: ref }), 'RULES_TARIF_DATE');
    expectIssue(computeFacture(invoice('1104', '2025-03-10', 'dom'), { referentiel: ref }), 'RULES_TARIF_NON_APPLICABLE');
  });

  it('a caller coefficient (newer décision UNCAM) ends the SNDS one, and may create an act', () => {
    const t = expectOk(nabmTarifTable({
      coefficients: [
        { code: '1104', coefficient: '20', validFrom: d('2024-01-01'), source: 'décision UNCAM (test)' },
        { code: '9990', coefficient: '10', validFrom: d('2024-01-01'), source: 'décision UNCAM (test)' },
      ],
    }));
    const r = expectOk(loadReferentiel([...DEFAULT_TABLES, t]));
    const price = (code: string, date: string): number => expectOk(computeFacture(invoice(code, date), { referentiel: r })).lignes[0]!.prixUnitaire.centimes;
    expect(price('1104', '2023-12-31')).toBe(26 * 27);
    expect(price('1104', '2024-01-01')).toBe(20 * 27);
    expect(price('9990', '2024-06-01')).toBe(10 * 27);
  });

  it('dated values of B split the rows; DOM rows with the caller’s DOM values', () => {
    const t = expectOk(nabmTarifTable({
      zone: 'dom',
      valeurB: [{ from: null, euros: '0.30', source: 'valeur DOM (test)' }, { from: d('2024-01-01'), euros: '0.31', source: 'valeur DOM 2024 (test)' }],
    }));
    const r = expectOk(loadReferentiel([...DEFAULT_TABLES, table, t]));
    const price = (date: string): number => expectOk(computeFacture(invoice('1104', date, 'dom'), { referentiel: r })).lignes[0]!.prixUnitaire.centimes;
    expect(price('2023-12-31')).toBe(26 * 30);
    expect(price('2024-01-01')).toBe(26 * 31);
  });

  it('bad options are issues', () => {
    expectIssue(nabmTarifTable({ valeurB: [{ from: d('2024-01-01'), euros: 'abc', source: 'x' }] }), 'SNDS_VALEUR_B', ['valeurB', 0]);
    expectIssue(nabmTarifTable({ valeurB: [{ from: d('2024-01-01'), euros: '0.27', source: 'x' }, { from: d('2023-01-01'), euros: '0.28', source: 'x' }] }), 'SNDS_VALEUR_B', ['valeurB', 1]);
    expectIssue(nabmTarifTable({ coefficients: [{ code: 'ABC', coefficient: '10', validFrom: d('2024-01-01'), source: 'x' }] }), 'SNDS_NABM_COEFFICIENT_APPELANT', ['coefficients', 0]);
    expectIssue(nabmTarifTable({ zone: 'mars' as never }), 'INPUT_ENUM', ['zone']);
    expect(VALEUR_B_METROPOLE[0]?.euros).toBe('0.27');
  });
});

describe('properties', () => {
  test.prop([fc.integer({ min: 0, max: 9999 }), fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })], { numRuns: runs(300) })(
    'a found act at a date is in force at that date',
    (code, date) => {
      const day = d(date.toISOString().slice(0, 10));
      const r = findNabmActe(code, day);
      if (r.ok) {
        expect(r.value.creation === undefined || r.value.creation <= day).toBe(true);
        expect(r.value.suppression === undefined || day < r.value.suppression).toBe(true);
      } else {
        expect(['SNDS_CODE_INCONNU', 'SNDS_HORS_PERIODE']).toContain(r.issues[0]?.code);
      }
    },
  );

  test.prop([fc.array(fc.record({ code: fc.integer({ min: 1, max: 9999 }).map(String), coefficient: fc.integer({ min: 1, max: 2000 }).map(String), validFrom: fc.constantFrom('2020-01-01', '2022-06-15', '2024-01-01'), source: fc.constant('test') }), { maxLength: 5 })], { numRuns: runs(15) })(
    'every table with caller coefficients loads without duplicates',
    (coefficients) => {
      const t = expectOk(nabmTarifTable({ coefficients: coefficients as never }));
      expectOk(loadReferentiel([t]));
    },
  );
});

describe('withNabm', () => {
  it('prices like the loaded table, compiling codes on first use; the base rows win', () => {
    const ref = expectOk(withNabm(DEFAULT_REFERENTIEL));
    expect(ref.version).toContain('NABM SNDS 2021');
    const f = expectOk(computeFacture(invoice('1104', '2025-03-10'), { referentiel: ref }));
    expect(f.lignes[0]?.prixUnitaire.centimes).toBe(26 * 27);
    expectIssue(computeFacture(invoice('1234', '2025-03-10'), { referentiel: ref }), 'RULES_CODE_INCONNU');
    expect(expectOk(computeFacture({ ...invoice('G', '2025-03-10'), ps: { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole' } }, { referentiel: ref })).lignes[0]?.prixUnitaire.centimes).toBe(3000);
  });

  it('bad base or options are issues', () => {
    expectIssue(withNabm({} as never), 'INPUT_TYPE', ['base']);
    expectIssue(withNabm(DEFAULT_REFERENTIEL, { zone: 'mars' as never }), 'INPUT_ENUM', ['zone']);
  });
});
