import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../src/core/date/index';
import { euros } from '../../src/core/money/index';
import { err } from '../../src/core/issues/index';
import { createIssueFactory } from '../../src/core/issues/index';
import { DRE_CONTROLS, FSE_CONTROLS } from '../../src/fse/controls/catalogue';
import type { ControlOptions } from '../../src/fse/controls/types';
import { FSE_CODES } from '../../src/fse/codes';
import type { Dre, Fse } from '../../src/fse/model';
import { validateDre, validateFse } from '../../src/fse/validate';
import { RULES_CODES } from '../../src/rules/codes';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { makeNir, makeNumeroFacturation } from '../arbitraries/ids';
import { baseDre, baseFse, D, PRESCRIPTEUR } from './fixtures';

type Patch<T> = (doc: T) => T;
interface Case<T> {
  /** Makes the document fail this control. */
  readonly fail: Patch<T>;
  /** Makes the control apply and pass (default: the base document). */
  readonly pass?: Patch<T>;
  readonly options?: ControlOptions;
  /** Options of the passing case (default none beyond the stub pricing). */
  readonly passOptions?: ControlOptions;
}

const OPTS: ControlOptions = {};
const nirBadKey = (nir: string): string => nir.slice(0, 13) + (nir.slice(13) === '01' ? '02' : '01');
const numBadKey = (n: string): string => n.slice(0, 8) + String((Number(n[8]) + 1) % 10);
const line0 = (f: Fse, patch: Partial<Fse['lignes'][number]>): Fse => ({ ...f, lignes: [{ ...f.lignes[0]!, ...patch }, ...f.lignes.slice(1)] });
const sit = (f: Fse, patch: Partial<Fse['situation']>): Fse => ({ ...f, situation: { ...f.situation, ...patch } });
const ben = (f: Fse, patch: Partial<Fse['beneficiaire']>): Fse => ({ ...f, beneficiaire: { ...f.beneficiaire, ...patch } });
const withPrescription = (f: Fse): Fse => sit(f, { prescription: { numeroPrescripteur: PRESCRIPTEUR, date: plainDate('2025-03-01') } });
const auxiliaire = (f: Fse): Fse => ({ ...f, facture: { ...f.facture, ps: { ...f.facture.ps, profession: 'infirmier' } } });
const at = (f: Fse): Fse => sit(f, { natureAssurance: '41', accidentTravail: { numero: '123456', date: plainDate('2025-03-01') } });
const cps = { typeCarte: '0' as const, numeroSituation: 1 };

const FSE_CASES: Record<string, Case<Fse>> = {
  FSE_ASSURE_NIR_FORMAT: { fail: (f) => ben(f, { nirAssure: '1800175' }) },
  FSE_ASSURE_NIR_KEY: { fail: (f) => ben(f, { nirAssure: nirBadKey(f.beneficiaire.nirAssure) }) },
  FSE_BENEFICIAIRE_NIR_FORMAT: { fail: (f) => ben(f, { nirIndividuel: 'X1' }), pass: (f) => ben(f, { nirIndividuel: f.beneficiaire.nirAssure }) },
  FSE_BENEFICIAIRE_NIR_KEY: { fail: (f) => ben(f, { nirIndividuel: nirBadKey(makeNir({ ordre: 955 })) }), pass: (f) => ben(f, { nirIndividuel: makeNir({ ordre: 955 }) }) },
  FSE_PS_NUMERO_FORMAT: { fail: (f) => ({ ...f, ps: { ...f.ps, numeroFacturation: '12AB' } }) },
  FSE_PS_NUMERO_KEY: { fail: (f) => ({ ...f, ps: { ...f.ps, numeroFacturation: numBadKey(f.ps.numeroFacturation) } }) },
  FSE_PRESCRIPTEUR_NUMERO_FORMAT: { fail: (f) => sit(f, { prescription: { numeroPrescripteur: '12', date: D } }), pass: withPrescription },
  FSE_PRESCRIPTEUR_NUMERO_KEY: { fail: (f) => sit(f, { prescription: { numeroPrescripteur: numBadKey(PRESCRIPTEUR), date: D } }), pass: withPrescription },
  FSE_EXECUTANT_NUMERO_KEY: { fail: (f) => line0(f, { executant: numBadKey(f.lignes[0]!.executant) }) },
  FSE_REMPLACANT_NUMERO_KEY: { fail: (f) => ({ ...f, remplacant: '123' }), pass: (f) => ({ ...f, remplacant: makeNumeroFacturation('12345678') }) },
  FSE_NUMERO_FACTURE_RANGE: { fail: (f) => ({ ...f, identification: { ...f.identification, numeroFacture: 1_000_000_000 } }) },
  FSE_ORGANISME_REGIME_FORMAT: { fail: (f) => ({ ...f, amo: { ...f.amo, grandRegime: '1' } }) },
  FSE_ORGANISME_CAISSE_FORMAT: { fail: (f) => ({ ...f, amo: { ...f.amo, caisse: '75A' } }) },
  FSE_ORGANISME_CENTRE_FORMAT: { fail: (f) => ({ ...f, amo: { ...f.amo, centre: '751' } }) },
  FSE_ORGANISME_DESTINATAIRE_FORMAT: { fail: (f) => ({ ...f, amo: { ...f.amo, organismeDestinataire: '' } }) },
  FSE_ORGANISME_REGIME_INCONNU: { fail: (f) => ({ ...f, amo: { ...f.amo, grandRegime: '55' } }) },
  FSE_ORGANISME_CAISSE_INCONNUE: { fail: (f) => ({ ...f, amo: { ...f.amo, caisse: '998' } }) },
  FSE_ORGANISME_REGIME_INCOHERENT: {
    fail: (f) => ({ ...f, facture: { ...f.facture, beneficiaire: { ...f.facture.beneficiaire, regime: '02' } } }),
    pass: (f) => ({ ...f, facture: { ...f.facture, beneficiaire: { ...f.facture.beneficiaire, regime: '1' } } }),
  },
  FSE_DATE_SOINS_FUTURE: { fail: (f) => line0(f, { date: plainDate('2025-03-11') }) },
  FSE_DATE_ELABORATION_FUTURE: { fail: (f) => f, options: { today: plainDate('2025-03-09') }, passOptions: { today: D } },
  FSE_DATE_PRESCRIPTION_AFTER_SOINS: { fail: (f) => sit(f, { prescription: { numeroPrescripteur: PRESCRIPTEUR, date: plainDate('2025-03-11') } }), pass: withPrescription },
  FSE_DELAI_FACTURATION: { fail: (f) => line0(f, { date: plainDate('2024-01-02') }) },
  FSE_DROITS_PERIODE: { fail: (f) => ben(f, { droitsAmo: [{ debut: plainDate('2024-01-01'), fin: plainDate('2024-12-31') }] }) },
  FSE_DATE_NAISSANCE_AFTER_SOINS: { fail: (f) => ben(f, { dateNaissance: plainDate('2025-03-11') }) },
  FSE_DATE_ACCIDENT_AFTER_SOINS: { fail: (f) => sit(at(f), { accidentTravail: { numero: '123456', date: plainDate('2025-03-12') } }), pass: at },
  FSE_DATE_MATERNITE_MISSING: { fail: (f) => sit(f, { natureAssurance: '30' }), pass: (f) => sit(f, { natureAssurance: '30', dateMaternite: plainDate('2024-10-01') }) },
  FSE_RANG_NAISSANCE_RANGE: { fail: (f) => ben(f, { rangNaissance: 0 }) },
  FSE_RANG_BENEFICIAIRE_RANGE: { fail: (f) => ben(f, { rangBeneficiaire: 100 }) },
  FSE_QUALITE_UNKNOWN: { fail: (f) => ben(f, { qualite: '7' as never }) },
  FSE_AGE_RANGE: { fail: (f) => ben(f, { dateNaissance: plainDate('1900-01-01') }) },
  FSE_QUALITE_ENFANT_AGE: { fail: (f) => ben(f, { qualite: '6' }), pass: (f) => ben(f, { qualite: '6', dateNaissance: plainDate('2015-06-01') }) },
  FSE_NIR_NAISSANCE_MISMATCH: { fail: (f) => ben(f, { dateNaissance: plainDate('1981-01-15') }) },
  FSE_QUALITE_ASSURE_INDIVIDU: { fail: (f) => ben(f, { nirIndividuel: makeNir({ ordre: 955 }) }), pass: (f) => ben(f, { nirIndividuel: f.beneficiaire.nirAssure }) },
  FSE_NATURE_ASSURANCE_UNKNOWN: { fail: (f) => sit(f, { natureAssurance: '20' as never }) },
  FSE_AT_NUMERO_MISSING: { fail: (f) => sit(f, { natureAssurance: '41' }), pass: at },
  FSE_AT_NUMERO_FORMAT: { fail: (f) => sit(at(f), { accidentTravail: { numero: 'AT-12', date: plainDate('2025-03-01') } }), pass: at },
  FSE_AT_NUMERO_UNEXPECTED: { fail: (f) => sit(at(f), { natureAssurance: '10' }), pass: at },
  FSE_EXONERATION_UNKNOWN: { fail: (f) => sit(f, { justificationExoneration: 'Z' as never }) },
  FSE_EXONERATION_ALD_SANS_DROIT: {
    fail: (f) => line0(sit(f, { justificationExoneration: '4' }), { justificationExoneration: '4' }),
    pass: (f) => ben(line0(sit(f, { justificationExoneration: '4' }), { justificationExoneration: '4' }), { periodesAld: [{ debut: plainDate('2020-01-01') }] }),
  },
  FSE_EXONERATION_NATURE_CONFLICT: { fail: (f) => sit(at(f), { justificationExoneration: '4' }), pass: at },
  FSE_PARCOURS_UNKNOWN: { fail: (f) => sit(f, { parcours: 'Q' as never }) },
  FSE_PARCOURS_MISSING: { fail: (f) => ({ ...f, facture: { ...f.facture, parcours: undefined as never } }) },
  FSE_PARCOURS_MAJORATION: { fail: (f) => line0(sit(f, { parcours: 'S' }), { code: 'MCS' }), pass: (f) => sit(f, { parcours: 'S' }) },
  FSE_PRESCRIPTEUR_MISSING: { fail: auxiliaire, pass: (f) => withPrescription(auxiliaire(f)) },
  FSE_PRESCRIPTION_DATE_MISSING: { fail: (f) => sit(f, { prescription: { numeroPrescripteur: PRESCRIPTEUR } }), pass: withPrescription },
  FSE_DESTINATAIRE_REGLEMENT_AMC: { fail: (f) => { const { amc: _amc, ...rest } = f; return rest; } },
  FSE_ACTE_CODE_FORMAT: { fail: (f) => line0(f, { code: 'G+1' }) },
  FSE_QUANTITE_RANGE: { fail: (f) => line0(f, { quantite: 100 }) },
  FSE_LIGNES_EMPTY: { fail: (f) => ({ ...f, lignes: [] }) },
  FSE_LIGNES_TOO_MANY: { fail: (f) => ({ ...f, lignes: Array.from({ length: 100 }, () => f.lignes[0]!) }) },
  FSE_RECOMPUTE_FAILED: { fail: (f) => f, options: { compute: () => err(createIssueFactory(RULES_CODES)('RULES_CODE_INCONNU')) } },
  FSE_TOTAL_MISMATCH: { fail: (f) => ({ ...f, totaux: { ...f.totaux, partAmc: euros('9.01') } }) },
  FSE_LIGNE_MONTANT_MISMATCH: { fail: (f) => line0(f, { montantAmo: euros('20.00') }) },
  FSE_MONTANT_OVERFLOW: { fail: (f) => line0(f, { montantFacture: euros('100000.00') }) },
  FSE_SECURISATION_MODE_UNKNOWN: { fail: (f) => ({ ...f, securisation: { ...f.securisation, mode: 'X' } as never }) },
  FSE_CPS_MISSING: { fail: (f) => ({ ...f, securisation: { ...f.securisation, cps: { typeCarte: '0', numeroSituation: 0 } } }) },
  FSE_VITALE_DATA_MISSING: { fail: (f) => ({ ...f, securisation: { mode: 'S', cps, vitale: { typeCarte: '1', numeroSerie: ' ', dateLecture: D } } }) },
  FSE_SANS_VITALE_SOURCE_MISSING: {
    fail: (f) => ({ ...f, securisation: { mode: 'F', cps, sourceDroits: 'oral' as never } }),
    pass: (f) => ({ ...f, securisation: { mode: 'F', cps, sourceDroits: 'adri' } }),
  },
  FSE_DEGRADE_MOTIF_MISSING: {
    fail: (f) => ({ ...f, securisation: { mode: 'D', cps, motif: '' as never, justificatif: { support: 'scor', statut: 'transmis' } } }),
    pass: (f) => ({ ...f, securisation: { mode: 'D', cps, motif: 'carte-absente', justificatif: { support: 'scor', statut: 'transmis' } } }),
  },
  FSE_DEGRADE_JUSTIFICATIF_PENDING: {
    fail: (f) => ({ ...f, securisation: { mode: 'D', cps, motif: 'carte-absente', justificatif: { support: 'papier', statut: 'a-fournir' } } }),
    pass: (f) => ({ ...f, securisation: { mode: 'D', cps, motif: 'carte-absente', justificatif: { support: 'papier', statut: 'transmis', reference: 'LR-1' } } }),
  },
  FSE_APCV_CONTEXTE_EXPIRE: {
    fail: (f) => ({ ...f, securisation: { mode: 'F', cps, sourceDroits: 'apcv', referenceDroits: 'APCV-1', finValiditeDroits: '2025-03-10T17:59:59Z' } }),
    options: { securingAt: '2025-03-10T18:00:00Z' },
    pass: (f) => ({ ...f, securisation: { mode: 'F', cps, sourceDroits: 'apcv', referenceDroits: 'APCV-1', finValiditeDroits: '2025-03-10T18:05:00Z' } }),
    passOptions: { securingAt: '2025-03-10T18:00:00Z' },
  },
  FSE_SECURISATION_DATE: { fail: (f) => f, options: { securingAt: '2025-03-09T10:00:00Z' }, passOptions: { securingAt: '2025-03-10T18:00:00Z' } },
};

const DRE_CASES: Record<string, Case<Dre>> = {
  FSE_DRE_NOT_TIERS_PAYANT: { fail: (d) => ({ ...d, fse: { ...d.fse, reglement: { destinataire: '05', tiersPayantAmo: true, tiersPayantAmc: false } } }) },
  FSE_DRE_AMC_NUMERO_FORMAT: { fail: (d) => ({ ...d, amc: { ...d.amc, numero: 'amc 1' } }) },
  FSE_DRE_ADHERENT_MISSING: { fail: (d) => ({ ...d, amc: { ...d.amc, numeroAdherent: '' } }) },
  FSE_DRE_ROUTAGE_MISSING: { fail: (d) => ({ ...d, amc: { ...d.amc, routage: { codeRoutage: 'AB', identifiantHote: '', nomDomaine: 'X' } } }) },
  FSE_DRE_INDICATEUR_UNKNOWN: { fail: (d) => ({ ...d, amc: { ...d.amc, indicateurTraitement: '99' } }) },
  FSE_DRE_MONTANT_MISMATCH: { fail: (d) => ({ ...d, montantAmc: euros('8.00') }) },
  FSE_DRE_AMC_ZERO: { fail: (d) => ({ ...d, montantAmc: euros('0'), fse: { ...d.fse, totaux: { ...d.fse.totaux, partAmc: euros('0') } }, lignes: d.lignes.map((l) => ({ ...l, montantAmc: euros('0') })) }) },
};

const codes = (issues: readonly { code: string }[]): string[] => issues.map((i) => i.code);

describe('control catalogue', () => {
  it('has at least 40 controls, one code each, every code in FSE_CODES with a French fix', () => {
    const all = [...FSE_CONTROLS, ...DRE_CONTROLS];
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    for (const c of all) {
      expect(FSE_CODES[c.code].fix, c.code).toBeTruthy();
      expect(c.label.length, c.code).toBeGreaterThan(5);
    }
    for (const spec of Object.values(FSE_CODES)) expect(spec.fix).toMatch(/\S/);
  });

  it('every control has a failing case and the base documents are clean', () => {
    expect(Object.keys(FSE_CASES).sort()).toEqual(FSE_CONTROLS.map((c) => c.code).sort());
    expect(Object.keys(DRE_CASES).sort()).toEqual(DRE_CONTROLS.map((c) => c.code).sort());
    expect(validateFse(baseFse(), OPTS).issues).toEqual([]);
    expect(validateDre(baseDre()).issues).toEqual([]);
  });
});

describe.each(Object.entries(FSE_CASES))('FSE control %s', (code, c) => {
  it('fails on its bad case', () => {
    const r = validateFse(c.fail(baseFse()), { ...OPTS, ...c.options });
    const found = expectIssue(r, code);
    expect(found.severity).toBe((FSE_CODES[code as keyof typeof FSE_CODES] as { severity?: string }).severity ?? 'error');
  });
  it('passes on its good case', () => {
    const doc = (c.pass ?? ((f: Fse) => f))(baseFse());
    expect(codes(validateFse(doc, { ...OPTS, ...c.passOptions }).issues)).not.toContain(code);
  });
  it('can be disabled', () => {
    const r = validateFse(c.fail(baseFse()), { ...OPTS, ...c.options, disable: [code] });
    expect(codes(r.issues)).not.toContain(code);
  });
});

describe.each(Object.entries(DRE_CASES))('DRE control %s', (code, c) => {
  it('fails on its bad case', () => expectIssue(validateDre(c.fail(baseDre())), code));
  it('passes on its good case', () => expect(codes(validateDre((c.pass ?? ((d: Dre) => d))(baseDre())).issues)).not.toContain(code));
});

describe('properties', () => {
  test.prop([fc.array(fc.constantFrom(...FSE_CONTROLS.map((c) => c.code)), { maxLength: 10 })])('disabling controls only removes their codes', (disabled) => {
    const doc = FSE_CASES.FSE_PS_NUMERO_KEY!.fail(ben(baseFse(), { rangNaissance: 0 }));
    const all = codes(validateFse(doc, OPTS).issues);
    const some = codes(validateFse(doc, { ...OPTS, disable: disabled }).issues);
    expect(some).toEqual(all.filter((c) => !disabled.includes(c as never)));
  });
  test.prop([fc.anything()])('validateFse never throws on a corrupted bénéficiaire', (junk) => {
    const doc = ben(baseFse(), { nirAssure: junk as string, rangBeneficiaire: Number.NaN });
    expect(() => validateFse(doc, OPTS)).not.toThrow();
  });
  it('a valid base passes with warnings only', () => expectOk(validateFse(baseFse(), OPTS)));
});
