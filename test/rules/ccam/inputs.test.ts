/**
 * The new inputs are checked at the boundary: a code d'association, a séjour and the CCAM
 * parameters of a caller are caller data (issues with paths, never a throw).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { PARAMETRES_DEFAUT } from '../../../src/rules/index';
import { PARAMETRES_CCAM_DEFAUT } from '../../../src/rules/ccam/parametres';
import { expectIssue } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { facture, run } from './helpers';

describe('boundary checks', () => {
  it('codeAssociation must be text; sejour needs an id', () => {
    expectIssue(run(facture([{ codeAssociation: 2 as unknown as string }])), 'RULES_INPUT_TYPE', ['lignes', 0, 'codeAssociation']);
    expectIssue(run(facture([{}], { sejour: {} as never })), 'RULES_MISSING', ['sejour', 'id']);
    for (const code of ['__proto__', 'constructor', 'toString']) expectIssue(run(facture([{ codeAssociation: code }])), 'CCAM_CODE_ASSOCIATION', ['lignes', 0, 'codeAssociation']);
  });

  it('a caller’s CCAM parameters are checked', () => {
    const bad = { ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, combinaison: 'x', acteLourd: { montant: [{ from: 'hier', value: 24, source: 1 }], seuil: [] } } };
    const r = run(facture([{}]), { parametres: bad as never });
    expect(r.ok).toBe(false);
    expect(r.issues.some((i) => i.path.join('.').startsWith('options.parametres.ccam.combinaison'))).toBe(true);
  });
});

describe('properties', () => {
  test.prop([fc.anything()], { numRuns: runs(100) })('junk as parametres.ccam never throws', (junk) => {
    const r = run(facture([{ modificateurs: ['F'], codeAssociation: '2' }]), { parametres: { ...PARAMETRES_DEFAUT, ccam: junk } as never });
    expect(typeof r.ok).toBe('boolean');
  });
});
