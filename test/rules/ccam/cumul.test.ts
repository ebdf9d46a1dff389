/**
 * Same-day rules (CCAM livre III, décision UNCAM du 11 mars 2005 modifiée):
 * - art. III-3 A: a consultation's fees do not add to those of technical acts done in the same
 *   time, except the article's dérogations (ECG; radiographie pulmonaire for pneumologues;
 *   ostéodensitométrie for rhumatologues / MPR; biopsies for dermatologues at 50 %; prélèvement
 *   cervicovaginal from 1 July 2017). A warning: the engine knows the day, not the moment.
 * - art. III-3 B (règle générale): the act of highest tariff (hors modificateurs) at full rate
 *   (code 1), the second at 50 % (code 2).
 * Fictitious patients (test/rules/ccam/helpers).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Issue } from '../../../src/core/issues/index';
import { PARAMETRES_DEFAUT } from '../../../src/rules/index';
import { CUMUL_CONSULTATION_DEFAUT, PARAMETRES_CCAM_DEFAUT } from '../../../src/rules/ccam/parametres';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { d, facture, ps, run } from './helpers';

const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code);
const CUMUL = 'CCAM_CUMUL_CONSULTATION_ACTE';

describe('consultation + acte technique le même jour (livre III, art. III-3 A)', () => {
  it('G + a technical act the same day: a warning on the act, both lines priced', () => {
    const r = run(facture([{ code: 'G' }, { code: 'AHQB024' }]));
    const found = expectIssue(r, CUMUL, ['lignes', 1, 'code']);
    expect(found.severity).toBe('warning');
    expect(found.received).toBe('AHQB024');
    expect(found.expected).toBe('G (ligne 0)');
    expect(expectOk(r).lignes).toHaveLength(2);
  });

  it('a visit counts too; acts on another day do not', () => {
    expectIssue(run(facture([{ code: 'VG' }, { code: 'AHQB024' }])), CUMUL);
    expect(codes(run(facture([{ code: 'G', date: d('2026-03-01') }, { code: 'AHQB024' }])).issues)).not.toContain(CUMUL);
  });

  it('dérogation: the ECG (DEQP003) with the consultation or visit', () => {
    for (const code of ['G', 'C', 'VG']) expect(codes(run(facture([{ code }, { code: 'DEQP003' }])).issues), code).not.toContain(CUMUL);
  });

  it('dérogation: radiographie du thorax (ZBQK002) for a pneumologue (13) only', () => {
    expect(codes(run(facture([{ code: 'C' }, { code: 'ZBQK002' }], { ps: ps('13') })).issues)).not.toContain(CUMUL);
    expectIssue(run(facture([{ code: 'C' }, { code: 'ZBQK002' }], { ps: ps('03') })), CUMUL, ['lignes', 1, 'code']);
  });

  it('dérogation: ostéodensitométrie (PAQK007) for rhumatologues (14) and MPR (31)', () => {
    for (const spe of ['14', '31']) expect(codes(run(facture([{ code: 'C' }, { code: 'PAQK007' }], { ps: ps(spe) })).issues), spe).not.toContain(CUMUL);
    expectIssue(run(facture([{ code: 'C' }, { code: 'PAQK007' }], { ps: ps('01') })), CUMUL);
  });

  it('dérogation: a dermatologue’s biopsy goes at 50 % (code d’association 2) beside the consultation', () => {
    const full = run(facture([{ code: 'C' }, { code: 'QZHA001' }], { ps: ps('05') }));
    expect(codes(full.issues)).not.toContain(CUMUL);
    expectIssue(full, 'CCAM_CUMUL_ACTE_TAUX', ['lignes', 1, 'codeAssociation']);
    const half = expectOk(run(facture([{ code: 'C' }, { code: 'QZHA001', codeAssociation: '2' }], { ps: ps('05') })));
    // 21,43 € × 50 % = 10,715 → 10,72 €; no « second act without a first » warning: the consultation is at full rate.
    expect(half.lignes[1]?.baseRemboursement.centimes).toBe(1072);
    expect(codes(run(facture([{ code: 'C' }, { code: 'QZHA001', codeAssociation: '2' }], { ps: ps('05') })).issues)).toEqual([]);
  });

  it('dérogation dated: the prélèvement cervicovaginal (JKHD001) from 1 July 2017', () => {
    expect(codes(run(facture([{ code: 'G' }, { code: 'JKHD001' }])).issues)).not.toContain(CUMUL);
  });

  it('the parameters are the caller’s: an empty list of dérogations flags the ECG', () => {
    const parametres = { ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, cumulConsultation: { ...CUMUL_CONSULTATION_DEFAUT, derogations: [] } } };
    expectIssue(run(facture([{ code: 'G' }, { code: 'DEQP003' }]), { parametres }), CUMUL);
    // Parameters written before the field: the defaults apply.
    const { cumulConsultation: _c, ...older } = PARAMETRES_CCAM_DEFAUT;
    expect(codes(run(facture([{ code: 'G' }, { code: 'DEQP003' }]), { parametres: { ...PARAMETRES_DEFAUT, ccam: older } }).issues)).not.toContain(CUMUL);
  });

  it('a malformed cumulConsultation is an INPUT issue at its path', () => {
    const parametres = { ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, cumulConsultation: { consultations: 'G', derogations: [{ actes: ['X'], from: 'hier', source: 's' }] } } };
    const r = run(facture([{}]), { parametres: parametres as never });
    expectIssue(r, 'INPUT_TYPE', ['options', 'parametres', 'ccam', 'cumulConsultation', 'consultations']);
    expect(r.issues.some((i) => i.path.join('.') === 'options.parametres.ccam.cumulConsultation.derogations.0.from')).toBe(true);
  });

  it('only médecins: a chirurgien-dentiste’s consultation and act are not flagged', () => {
    expect(codes(run(facture([{ code: 'C' }, { code: 'HBQK002' }], { ps: { profession: 'chirurgienDentiste', specialite: '19', secteur: '1', zone: 'metropole' } })).issues)).not.toContain(CUMUL);
  });
});

describe('ordre de l’association (livre III, art. III-3 B, règle générale)', () => {
  it('code 1 on the act of highest tariff, code 2 on the other: accepted', () => {
    expect(codes(run(facture([{ code: 'AHQB024', codeAssociation: '1' }, { code: 'DEQP003', codeAssociation: '2' }])).issues)).toEqual([]);
  });

  it('code 2 on the act of higher tariff (hors modificateurs): refused at its codeAssociation', () => {
    const r = run(facture([{ code: 'AHQB024', codeAssociation: '2' }, { code: 'DEQP003', codeAssociation: '1' }]));
    expect(r.ok).toBe(false);
    const found = expectIssue(r, 'CCAM_ASSOCIATION_ORDRE', ['lignes', 0, 'codeAssociation']);
    expect([found.received, found.expected]).toEqual(['67.05', '14.77']);
  });

  it('modificateurs do not count in the order: the tariff hors modificateurs decides', () => {
    // DEQP003 + F (19,06 €) is above nothing: its tariff 14,77 € stays below AHQB024's 67,05 €.
    expect(codes(run(facture([{ code: 'AHQB024', codeAssociation: '1' }, { code: 'DEQP003', codeAssociation: '2', modificateurs: ['F'] }])).issues)).toEqual([]);
  });

  it('a code 2 with no code 1 the same day: a warning', () => {
    const r = run(facture([{ code: 'AHQB024', codeAssociation: '2' }, { code: 'DEQP003', codeAssociation: '1', date: d('2026-03-01') }]));
    expectIssue(r, 'CCAM_ASSOCIATION_SANS_PRINCIPAL', ['lignes', 0, 'codeAssociation']);
    expect(r.ok).toBe(true);
  });
});

describe('imagerie de plusieurs sites (livre I, art. I-12 ; livre III, art. III-3 B)', () => {
  const radiologue = { ps: ps('06') };
  const IMG = 'CCAM_IMAGERIE_SITES_MULTIPLES';

  it('two échographies the same day: a warning on the second', () => {
    const r = run(facture([{ code: 'ZCQM006' }, { code: 'AAQM002' }], radiologue));
    const found = expectIssue(r, IMG, ['lignes', 1, 'code']);
    expect(found.severity).toBe('warning');
    expect([found.received, found.expected]).toEqual(['AAQM002 (échographie)', 'ZCQM006 (ligne 0)']);
  });

  it('the exception: abdomen (or pelvis) with the thyroid, the breast or the testes', () => {
    for (const other of ['KCQM001', 'QEQM001', 'JHQM001']) {
      expect(codes(run(facture([{ code: 'ZCQM006', codeAssociation: '1' }, { code: other, codeAssociation: '2' }], radiologue)).issues), other).not.toContain(IMG);
    }
  });

  it('two scanographies, two remnographies: a warning; different techniques or days: none', () => {
    expectIssue(run(facture([{ code: 'ACQK001' }, { code: 'ZBQK001' }], radiologue)), IMG);
    expectIssue(run(facture([{ code: 'ACQN001' }, { code: 'ACQJ002' }], radiologue)), IMG);
    expect(codes(run(facture([{ code: 'ACQK001' }, { code: 'ACQN001' }], radiologue)).issues)).not.toContain(IMG);
    expect(codes(run(facture([{ code: 'ZCQM006' }, { code: 'AAQM002', date: d('2026-03-01') }], radiologue)).issues)).not.toContain(IMG);
  });

  it('a guided act (« … avec guidage échographique ») is not an échographie', () => {
    expect(codes(run(facture([{ code: 'ZCQM006' }, { code: 'QZHA001' }], radiologue)).issues)).not.toContain(IMG);
  });
});

describe('properties', () => {
  const ACTES = ['AHQB024', 'DEQP003', 'ZBQK002', 'QZHA001', 'JKHD001', 'PAQK007', 'NZQK001'];
  test.prop([fc.array(fc.record({ code: fc.constantFrom('G', 'C', 'VG', ...ACTES), jour: fc.constantFrom('2026-03-02', '2026-03-03'), assoc: fc.constantFrom(undefined, '1', '2') }), { minLength: 1, maxLength: 6 }), fc.constantFrom('01', '05', '13', '14')], { numRuns: runs(60) })(
    'a cumul warning exactly when a consultation and a non-derogated act share a day; never a throw',
    (lines, spe) => {
      const lignes = lines.map((l) => ({ code: l.code, date: d(l.jour), ...(l.assoc === undefined || !ACTES.includes(l.code) ? {} : { codeAssociation: l.assoc }) }));
      const r = run(facture(lignes, { ps: ps(spe) }));
      const flagged = new Set(r.issues.filter((i) => i.code === CUMUL).map((i) => i.path[1] as number));
      lignes.forEach((l, j) => {
        if (!ACTES.includes(l.code)) return expect(flagged.has(j)).toBe(false);
        const consult = lignes.filter((c) => ['G', 'C', 'VG'].includes(c.code) && c.date === l.date).map((c) => c.code);
        const derogated = (c: string): boolean => l.code === 'DEQP003' || l.code === 'JKHD001' || (l.code === 'ZBQK002' && spe === '13') || (l.code === 'PAQK007' && spe === '14') || (l.code === 'QZHA001' && spe === '05' && c !== '');
        expect(flagged.has(j), `${l.code} ${spe} ${consult.join(',')}`).toBe(consult.some((c) => !derogated(c)));
      });
    },
  );
});
