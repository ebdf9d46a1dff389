/**
 * LPP: the NT_LPP code list loaded from the SNDS CSV, and caller tariffs checked against it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import type { FactureInput } from '../../../src/rules/index';
import { computeFacture, loadReferentiel } from '../../../src/rules/index';
import { DEFAULT_TABLES } from '../../../src/rules/tables/index';
import { findLppCode, lppTarifTable, parseLppCsv } from '../../../src/rules/snds/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';

const d = (s: string): PlainDate => s as PlainDate;
const TEXT = readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'snds', 'NT_LPP.csv'), 'utf8');
const liste = expectOk(parseLppCsv(TEXT));

describe('parseLppCsv / findLppCode', () => {
  it('reads every code of NT_LPP with its label and end of validity', () => {
    expect(liste.codes.size).toBe(19_717);
    expect(expectOk(findLppCode(liste, '1100028'))).toEqual({ code: '1100028', libelle: 'SOLUTION A USAGE OPHTALMIQUE, SANTEN, CATIONORM, BOITE DE 30 UNIDOSES, 0,4 ML' });
    expect(expectOk(findLppCode(liste, '1100070')).finValidite).toBe('2005-03-29');
    for (const c of liste.codes.values()) {
      expect(c.code).toMatch(/^\d{7}$/);
      expect(c.libelle).not.toBe('');
    }
  });

  it('a code past its end of validity, an unknown code, a bad file are issues', () => {
    expectIssue(findLppCode(liste, '1100070', d('2005-03-30')), 'SNDS_HORS_PERIODE', ['date']);
    expectOk(findLppCode(liste, '1100070', d('2005-03-29')));
    expectIssue(findLppCode(liste, '0000000'), 'SNDS_CODE_INCONNU', ['code']);
    expectIssue(findLppCode({} as never, '1100028'), 'SNDS_LPP_CSV', ['liste']);
    expectIssue(parseLppCsv('a;b\n1;2'), 'SNDS_LPP_CSV', ['text']);
    const partial = parseLppCsv('LPP_PRS_IDE;LPP_RED_LIB;LPP_VAL_DTF\n1234567;"A; B ""C""";\nxx;bad;\n');
    expect(expectOk(partial).codes.get('1234567')?.libelle).toBe('A; B "C"');
    expectIssue(partial, 'SNDS_LPP_CSV', ['text']);
  });
});

describe('lppTarifTable', () => {
  const tarif = { code: '1100028', prix: '18.00', validFrom: d('2025-01-01'), source: 'tarif appelant (test)' };

  it('builds rows with the list’s label and prices an LPP line at the caller’s tariff', () => {
    const t = expectOk(lppTarifTable([tarif], { liste, professions: ['pharmacien'] }));
    expect(t.rows[0]).toMatchObject({ code: '1100028', nomenclature: 'lpp', prix: '18.00', tauxPourcent: '60', acte: false, libelle: expect.stringContaining('CATIONORM') });
    const ref = expectOk(loadReferentiel([...DEFAULT_TABLES, t]));
    const input = {
      dateFacturation: d('2025-03-10'), ps: { profession: 'pharmacien', specialite: '50', secteur: '1', zone: 'metropole' },
      beneficiaire: { dateNaissance: d('1970-01-01') }, natureAssurance: '10', parcours: 'T',
      lignes: [{ code: '1100028', date: d('2025-03-10'), quantite: 2 }],
    } as FactureInput;
    const f = expectOk(computeFacture(input, { referentiel: ref }));
    expect(f.lignes[0]?.baseRemboursement.centimes).toBe(3600);
  });

  it('a code absent from the list is a warning (the list dates from 2021); bad rows are errors', () => {
    const r = lppTarifTable([{ ...tarif, code: '9999999' }], { liste });
    expect(r.ok).toBe(true);
    expectIssue(r, 'SNDS_LPP_CODE_INCONNU', ['tarifs', 0, 'code']);
    expectIssue(lppTarifTable([{ ...tarif, prix: 'abc' }]), 'SNDS_LPP_TARIF', ['tarifs', 0]);
    expectIssue(lppTarifTable([{ ...tarif, code: '12' }]), 'SNDS_LPP_TARIF', ['tarifs', 0]);
    expectIssue(lppTarifTable([{ ...tarif, code: '1100070' }], { liste }), 'SNDS_HORS_PERIODE', ['tarifs', 0, 'validFrom']);
    expectIssue(lppTarifTable([tarif], { professions: ['plombier' as never] }), 'SNDS_LPP_TARIF', ['options', 'professions']);
  });
});

describe('properties', () => {
  test.prop([fc.string({ maxLength: 200 })], { numRuns: runs(300) })('parseLppCsv never throws', (text) => {
    expect(typeof parseLppCsv(`LPP_PRS_IDE;LPP_RED_LIB;LPP_VAL_DTF\n${text}`).ok).toBe('boolean');
  });

  test.prop([fc.constantFrom(...[...liste.codes.keys()].slice(0, 2000))], { numRuns: runs(100) })('every code of the list is found and a tariff for it loads', (code) => {
    expectOk(findLppCode(liste, code));
    const t = lppTarifTable([{ code, prix: '1.00', validFrom: d('2000-01-01'), source: 'test' }], { liste });
    if (t.ok) expectOk(loadReferentiel([t.value]));
    else expectIssue(t, 'SNDS_HORS_PERIODE');
  });
});
