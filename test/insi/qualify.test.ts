import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { computeInsQualification, parseInsiResponse } from '../../src/insi/index';
import type { IdentiteLocale, InsiResult } from '../../src/insi/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { CR00, CR02 } from './responses';

const found = expectOk(parseInsiResponse(CR00));
const LOCALE: IdentiteLocale = { nomNaissance: "TESTNOM-D'ARC", prenoms: ['JEANNE', 'MARIE'], sexe: 'F', dateNaissance: '1979-03-28', lieuNaissance: '63220' };

describe('computeInsQualification', () => {
  it('qualifies when every trait matches and the identity document was checked', () => {
    const q = expectOk(computeInsQualification(found, LOCALE, { identiteVerifiee: true }));
    expect(q.statut).toBe('qualifie');
    expect(q.ins.matricule).toBe('279036322012369');
  });

  it('retrieves (récupérée) without an identity document check', () => {
    expect(expectOk(computeInsQualification(found, LOCALE, { identiteVerifiee: false })).statut).toBe('recupere');
  });

  it('reports every differing trait, strictly (case, accents, prénoms order)', () => {
    const r = computeInsQualification(found, { ...LOCALE, nomNaissance: "Testnom-d'Arc", prenoms: ['MARIE', 'JEANNE'], lieuNaissance: '63113' }, { identiteVerifiee: true });
    expectIssue(r, 'INSI_TRAIT_MISMATCH', ['nomNaissance']);
    expectIssue(r, 'INSI_TRAIT_MISMATCH', ['prenoms']);
    expectIssue(r, 'INSI_TRAIT_MISMATCH', ['lieuNaissance']);
    expect(r.issues).toHaveLength(3);
    expectIssue(computeInsQualification(found, { ...LOCALE, prenoms: ['JEANNE'] }, { identiteVerifiee: true }), 'INSI_TRAIT_MISMATCH', ['prenoms']);
  });

  it('has nothing to qualify on CR 01 / 02', () => {
    expectIssue(computeInsQualification(expectOk(parseInsiResponse(CR02)), LOCALE, { identiteVerifiee: true }), 'INSI_NOT_FOUND');
  });

  it('guards its input', () => {
    expectIssue(computeInsQualification(found, { ...LOCALE, prenoms: [] }, { identiteVerifiee: true }), 'INPUT_TYPE', ['locale', 'prenoms']);
    expectIssue(computeInsQualification(found, LOCALE, {} as never), 'INPUT_MISSING', ['options', 'identiteVerifiee']);
  });
});

describe('properties', () => {
  test.prop([fc.boolean()])('the INS traits themselves always qualify or retrieve', (v) => {
    if (found.codeCr !== '00') return;
    const t = found.identite.traits;
    const q = expectOk(computeInsQualification(found, { nomNaissance: t.nomNaissance, prenoms: t.listePrenoms.split(' '), sexe: t.sexe, dateNaissance: t.dateNaissance, ...(t.lieuNaissance ? { lieuNaissance: t.lieuNaissance } : {}) }, { identiteVerifiee: v }));
    expect(q.statut).toBe(v ? 'qualifie' : 'recupere');
  });
  test.prop([fc.anything(), fc.anything(), fc.anything()])('never throws on junk', (a, b, c) => {
    expect(typeof computeInsQualification(a as InsiResult, b as never, c as never).ok).toBe('boolean');
  });
});
