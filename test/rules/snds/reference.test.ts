/**
 * SNDS reference tables: caisses, régimes, spécialités, natures d'assurance, motifs
 * d'exonération, conventionnement, natures de prestation ↔ NGAP letters; every generated row
 * read back from the CSV in data/snds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import {
  findCaisse, findRegime, findSpecialite, GRANDS_REGIMES, letterOfNaturePrestation, listConventionnements, listMotifsExoneration,
  listNaturesAssurance, naturePrestationOf,
} from '../../../src/rules/snds/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';

const DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'snds');
const csv = (table: string): string[][] => readFileSync(join(DIR, `${table}.csv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));

describe('caisses and régimes', () => {
  it('finds a caisse by its SNDS code or by régime + caisse', () => {
    expect(expectOk(findCaisse('01C751'))).toEqual({ code: '01C751', grandRegime: '01', libelleGrandRegime: 'Régime général (CPAM, CGSS)', categorie: 'C', caisse: '751', type: 'RG' });
    expect(expectOk(findCaisse('01751')).code).toBe('01C751');
    expectIssue(findCaisse('01998'), 'SNDS_CODE_INCONNU', ['code']);
    expectIssue(findCaisse('CPAM'), 'SNDS_CODE_INCONNU', ['code']);
  });

  it('every caisse of IR_CAI_V is found', () => {
    for (const [code] of csv('IR_CAI_V')) expect(expectOk(findCaisse(code!)).code).toBe(code);
  });

  it('finds a grand régime and its petits régimes; every régime of IR_RGM_V is found', () => {
    expect(expectOk(findRegime('1')).libelleGrandRegime).toBe('Régime général (CPAM, CGSS)');
    expect(expectOk(findRegime('04', '676'))).toEqual({ grandRegime: '04', libelleGrandRegime: 'SNCF', regime: '676' });
    expectIssue(findRegime('04', '99999'), 'SNDS_CODE_INCONNU', ['regime']);
    expectIssue(findRegime('04', '9999'), 'SNDS_CODE_INCONNU', ['regime']);
    expectIssue(findRegime('77'), 'SNDS_CODE_INCONNU', ['grandRegime']);
    for (const [grg, code] of csv('IR_RGM_V')) expectOk(findRegime(grg!, code!));
    expect(Object.keys(GRANDS_REGIMES)).toContain('02');
  });
});

describe('small nomenclatures', () => {
  it('spécialités, natures d’assurance, motifs d’exonération, conventionnement: every row has a code and a label', () => {
    expect(expectOk(findSpecialite('1'))).toEqual({ code: '01', libelle: 'MEDECINE GENERALE', famille: 'MEDECINS OMNIPRATICIENS' });
    expectIssue(findSpecialite('19'), 'SNDS_CODE_INCONNU', ['code']);
    for (const [code] of csv('IR_SPE_V')) expect(expectOk(findSpecialite(code!)).libelle).not.toBe('');
    const asu = listNaturesAssurance();
    expect(asu.find((n) => n.code === '30')).toEqual({ code: '30', codeB2: 'MA', libelle: 'MATERNITE' });
    expect(asu.find((n) => n.code === '11')?.libelle).toBe('MALADIE COURS NAVIGATION > 6 MOIS');
    expect(asu).toHaveLength(csv('IR_ASU_V').length);
    expect(listMotifsExoneration()).toHaveLength(csv('IR_EXO_V').length);
    expect(listConventionnements().find((c) => c.code === '3')?.secteur).toBe('2');
    for (const list of [asu, listMotifsExoneration(), listConventionnements()]) {
      for (const row of list) {
        expect(row.code).toMatch(/^\d+$/);
        expect(row.libelle).not.toBe('');
      }
    }
  });
});

describe('natures de prestation', () => {
  it('NGAP letter ↔ code prestation (SPECS examples)', () => {
    for (const [letter, code] of [['G', '1110'], ['GS', '1109'], ['C', '1111'], ['CS', '1112'], ['APC', '1103'], ['TCG', '1192'], ['MEG', '1903'], ['MCS', '1126'], ['B', '3211'], ['AMI', '3111']] as const) {
      expect(expectOk(naturePrestationOf(letter)).code).toBe(code);
      expect(expectOk(letterOfNaturePrestation(code)).lettre).toBe(letter);
    }
    expect(expectOk(letterOfNaturePrestation(1110)).lettre).toBe('G');
    expectIssue(naturePrestationOf('ZZZZ'), 'SNDS_CODE_INCONNU', ['letter']);
    expectIssue(letterOfNaturePrestation('99999'), 'SNDS_CODE_INCONNU', ['code']);
  });

  it('a nature closed before the date is not returned', () => {
    expect(expectOk(letterOfNaturePrestation('1096'))).toEqual({ code: '1096', lettre: 'TTE', fermeture: '2018-09-14' });
    expectOk(naturePrestationOf('TTE', '2018-09-13' as PlainDate));
    expectIssue(naturePrestationOf('TTE', '2018-09-14' as PlainDate), 'SNDS_HORS_PERIODE', ['letter']);
  });

  it('every row of IR_NAT_V is found with its B2 code', () => {
    for (const [code, , cb2] of csv('IR_NAT_V')) expect(expectOk(letterOfNaturePrestation(code!)).lettre).toBe(cb2);
  });
});

describe('properties', () => {
  test.prop([fc.string({ maxLength: 8 })], { numRuns: runs(300) })('lookups of any text return a Result', (text) => {
    for (const r of [findCaisse(text), findRegime(text), findRegime('01', text), findSpecialite(text), naturePrestationOf(text), letterOfNaturePrestation(text)]) {
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.issues[0]?.code).toMatch(/^(SNDS|INPUT)_/);
    }
  });

  test.prop([fc.constantFrom(...csv('IR_NAT_V').filter((r) => r[2] !== '').map((r) => r[0]!))], { numRuns: runs(100) })(
    'code → letter → code finds a nature with the same letter',
    (code) => {
      const n = expectOk(letterOfNaturePrestation(code));
      const back = naturePrestationOf(n.lettre);
      if (back.ok) expect(back.value.lettre).toBe(n.lettre);
    },
  );
});
