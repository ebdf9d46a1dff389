/**
 * Bad input: every problem comes back as an issue with a path, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { computeFacture, validateFactureInput, MAX_LIGNES, PARAMETRES_DEFAUT } from '../../src/rules/index';
import { fc, test } from '@fast-check/vitest';
import { runs } from '../helpers/runs';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { factureG, ligne } from '../arbitraries/facture';

const base = factureG() as unknown as Record<string, unknown>;
const withLine = (l: Record<string, unknown>) => ({ ...base, lignes: [{ code: 'G', date: '2025-03-10', quantite: 1, ...l }] });

describe('validateFactureInput', () => {
  it('accepts a valid invoice and returns it unchanged', () => {
    const input = factureG();
    expect(expectOk(validateFactureInput(input))).toBe(input);
  });

  it('rejects non-objects at the root', () => {
    for (const v of [null, undefined, 42, 'x', [], true]) {
      const r = computeFacture(v);
      expect(r.ok).toBe(false);
      expect(r.issues[0]?.path).toEqual([]);
    }
  });

  it('missing required fields, with paths', () => {
    const r = validateFactureInput({});
    for (const p of [['dateFacturation'], ['ps'], ['beneficiaire'], ['lignes']]) expectIssue(r, 'RULES_MISSING', p);
    const r2 = validateFactureInput({ ...base, ps: {}, beneficiaire: {} });
    for (const p of [['ps', 'profession'], ['ps', 'specialite'], ['ps', 'secteur'], ['ps', 'zone'], ['beneficiaire', 'dateNaissance']]) expectIssue(r2, 'RULES_MISSING', p);
  });

  it('wrong types and enumerations', () => {
    const r = validateFactureInput({
      ...base,
      ps: { profession: 'sorcier', specialite: 1, secteur: '3', zone: 'mars', medecinTraitant: 'oui', numeroFacturation: 'x'.repeat(65) },
      beneficiaire: { dateNaissance: '1980-05-01', c2s: 1, rangNaissance: 12, exonerations: ['x'], maternite: 'oui', atmp: [] },
      natureAssurance: '11',
      parcours: 'Z',
      tiersPayant: { amo: 'yes' },
      amc: 'mutuelle',
      historique: [],
    });
    expectIssue(r, 'RULES_ENUM', ['ps', 'profession']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['ps', 'specialite']);
    expectIssue(r, 'RULES_ENUM', ['ps', 'secteur']);
    expectIssue(r, 'RULES_ENUM', ['ps', 'zone']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['ps', 'medecinTraitant']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['ps', 'numeroFacturation']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['beneficiaire', 'c2s']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['beneficiaire', 'rangNaissance']);
    expectIssue(r, 'RULES_ENUM', ['beneficiaire', 'exonerations', 0]);
    expectIssue(r, 'RULES_INPUT_TYPE', ['beneficiaire', 'maternite']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['beneficiaire', 'atmp']);
    expectIssue(r, 'RULES_ENUM', ['natureAssurance']);
    expectIssue(r, 'RULES_ENUM', ['parcours']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['tiersPayant', 'amo']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['amc']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['historique']);
  });

  it('dates: format, impossible day, line after the billing date, before birth, over a year old', () => {
    expectIssue(validateFactureInput({ ...base, dateFacturation: '2025-02-30' }), 'RULES_DATE', ['dateFacturation']);
    expectIssue(validateFactureInput({ ...base, dateFacturation: '10/03/2025' }), 'RULES_DATE', ['dateFacturation']);
    expectIssue(validateFactureInput({ ...base, dateFacturation: 20250310 }), 'RULES_DATE', ['dateFacturation']);
    expectIssue(validateFactureInput(withLine({ date: '2025-13-01' })), 'RULES_DATE', ['lignes', 0, 'date']);
    // A non-digit anywhere is refused (a last year digit once slipped through as 1990–2090).
    for (const bad of ['299x-03-10', '201x-03-10', '2025-0x-10', '2025-03-1x', '20x5-03-10']) {
      expectIssue(validateFactureInput({ ...base, dateFacturation: bad }), 'RULES_DATE', ['dateFacturation']);
      expectIssue(validateFactureInput(withLine({ date: bad })), 'RULES_DATE', ['lignes', 0, 'date']);
    }
    expectIssue(validateFactureInput(withLine({ date: undefined })), 'RULES_MISSING', ['lignes', 0, 'date']);
    expectIssue(validateFactureInput(withLine({ date: '2025-03-11' })), 'RULES_DATE_APRES_FACTURATION', ['lignes', 0, 'date']);
    expectIssue(computeFacture({ ...base, beneficiaire: { dateNaissance: '2025-03-11' } }), 'RULES_DATE_AVANT_NAISSANCE', ['lignes', 0, 'date']);
    const old = computeFacture(withLine({ date: '2024-03-09' }));
    expect(old.ok).toBe(true);
    expectIssue(old, 'RULES_DELAI_FACTURATION', ['lignes', 0, 'date']);
  });

  it('quantities: ≤ 0, non-integer, absurd, not a number', () => {
    for (const q of [0, -1, 1.5, 100, '1', NaN, Infinity]) expectIssue(validateFactureInput(withLine({ quantite: q })), 'RULES_QUANTITE', ['lignes', 0, 'quantite']);
    expectIssue(validateFactureInput(withLine({ quantite: undefined })), 'RULES_MISSING', ['lignes', 0, 'quantite']);
  });

  it('coefficients: decimal string or Factor, > 0 and ≤ 1000', () => {
    for (const k of ['abc', '-1', '0', '1e3', '1001', { units: 0, scale: 0 }, { units: 1.5, scale: 0 }, { units: 1, scale: 13 }, 7, null]) {
      expectIssue(validateFactureInput(withLine({ coefficient: k })), 'RULES_COEFFICIENT', ['lignes', 0, 'coefficient']);
    }
    for (const k of ['1.5', '1,5', ' 2 ', { units: 15, scale: 1 }]) expect(validateFactureInput(withLine({ coefficient: k })).ok).toBe(true);
  });

  it('line fields: code, money, enumerations, modificateurs', () => {
    expectIssue(validateFactureInput(withLine({ code: '' })), 'RULES_MISSING', ['lignes', 0, 'code']);
    expectIssue(validateFactureInput(withLine({ code: 12 })), 'RULES_INPUT_TYPE', ['lignes', 0, 'code']);
    for (const m of [12, { centimes: -1 }, { centimes: 1.5 }, { euros: 3 }, null]) expectIssue(validateFactureInput(withLine({ montantFacture: m })), 'RULES_MONTANT', ['lignes', 0, 'montantFacture']);
    const r = validateFactureInput(withLine({ motifDepassement: 'XX', enRapportAld: 1, lieu: 'plage', activite: '9', phase: 'x', modificateurs: ['F', 'AB', 3] }));
    for (const k of ['motifDepassement', 'lieu', 'activite', 'phase']) expectIssue(r, 'RULES_ENUM', ['lignes', 0, k]);
    expectIssue(r, 'RULES_INPUT_TYPE', ['lignes', 0, 'enRapportAld']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['lignes', 0, 'modificateurs', 1]);
    expectIssue(r, 'RULES_INPUT_TYPE', ['lignes', 0, 'modificateurs', 2]);
    expectIssue(validateFactureInput(withLine({ modificateurs: 'F' })), 'RULES_INPUT_TYPE', ['lignes', 0, 'modificateurs']);
  });

  it('lignes: not an array, empty, too many, a non-object line', () => {
    expectIssue(validateFactureInput({ ...base, lignes: 'G' }), 'RULES_INPUT_TYPE', ['lignes']);
    expectIssue(validateFactureInput({ ...base, lignes: [] }), 'RULES_LIGNES_VIDES', ['lignes']);
    expectIssue(validateFactureInput({ ...base, lignes: Array.from({ length: MAX_LIGNES + 1 }, () => ligne('G')) }), 'RULES_LIGNES_TROP', ['lignes']);
    expectIssue(validateFactureInput({ ...base, lignes: [ligne('G'), 'G'] }), 'RULES_INPUT_TYPE', ['lignes', 1]);
    expectIssue(validateFactureInput({ ...base, lignes: [ligne('G'), undefined] }), 'RULES_MISSING', ['lignes', 1]);
  });

  it('maternité needs a date; AT/MP needs numero and date', () => {
    expectIssue(validateFactureInput({ ...base, beneficiaire: { dateNaissance: '1990-01-01', maternite: {} } }), 'RULES_MATERNITE_DATES', ['beneficiaire', 'maternite']);
    expectIssue(validateFactureInput({ ...base, beneficiaire: { dateNaissance: '1990-01-01', maternite: { dateAccouchementPrevue: 'demain' } } }), 'RULES_DATE', ['beneficiaire', 'maternite', 'dateAccouchementPrevue']);
    const r = validateFactureInput({ ...base, beneficiaire: { dateNaissance: '1990-01-01', atmp: {} } });
    expectIssue(r, 'RULES_MISSING', ['beneficiaire', 'atmp', 'numero']);
    expectIssue(r, 'RULES_MISSING', ['beneficiaire', 'atmp', 'date']);
    expectIssue(validateFactureInput({ ...base, beneficiaire: { dateNaissance: '1990-01-01', exonerations: 'invalidite' } }), 'RULES_INPUT_TYPE', ['beneficiaire', 'exonerations']);
  });

  it('garantie AMC', () => {
    expectIssue(validateFactureInput({ ...base, amc: {} }), 'RULES_MISSING', ['amc', 'formule']);
    expectIssue(validateFactureInput({ ...base, amc: { formule: 'pourcentageBr' } }), 'RULES_MISSING', ['amc', 'pourcentage']);
    for (const p of ['abc', '-10', '5000', 150]) expectIssue(validateFactureInput({ ...base, amc: { formule: 'pourcentageBr', pourcentage: p } }), 'RULES_POURCENTAGE', ['amc', 'pourcentage']);
    expectIssue(validateFactureInput({ ...base, amc: { formule: 'forfait' } }), 'RULES_MISSING', ['amc', 'forfait']);
    const r = validateFactureInput({ ...base, amc: { formule: 'ticketModerateur', plafond: 3, couvreDepassement: 'x', contratResponsable: 0, numeroAmc: 7 } });
    expectIssue(r, 'RULES_MONTANT', ['amc', 'plafond']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['amc', 'couvreDepassement']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['amc', 'contratResponsable']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['amc', 'numeroAmc']);
  });

  it('historique', () => {
    const r = validateFactureInput({
      ...base,
      historique: {
        cumulsAnnuels: [{ annee: 'x', participationForfaitaire: { centimes: 1 } }, 3],
        cumulsJournaliers: [{ date: 'x', participationForfaitaire: {}, franchiseParamedical: -1, franchiseTransport: { centimes: 0 } }, null],
      },
    });
    expectIssue(r, 'RULES_INPUT_TYPE', ['historique', 'cumulsAnnuels', 0, 'annee']);
    expectIssue(r, 'RULES_MISSING', ['historique', 'cumulsAnnuels', 0, 'franchises']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['historique', 'cumulsAnnuels', 1]);
    expectIssue(r, 'RULES_DATE', ['historique', 'cumulsJournaliers', 0, 'date']);
    expectIssue(r, 'RULES_MONTANT', ['historique', 'cumulsJournaliers', 0, 'participationForfaitaire']);
    expectIssue(r, 'RULES_MONTANT', ['historique', 'cumulsJournaliers', 0, 'franchiseParamedical']);
    expectIssue(r, 'RULES_INPUT_TYPE', ['historique', 'cumulsJournaliers', 1]);
    expectIssue(validateFactureInput({ ...base, historique: { cumulsAnnuels: {} } }), 'RULES_INPUT_TYPE', ['historique', 'cumulsAnnuels']);
  });
});

describe('référentiel issues from computeFacture', () => {
  it('unknown code, placeholder tariff, code not applicable to the PS', () => {
    expectIssue(computeFacture(factureG({ lignes: [ligne('G'), ligne('XYZ')] })), 'RULES_CODE_INCONNU', ['lignes', 1, 'code']);
    expectIssue(computeFacture(factureG({ lignes: [ligne('VS')] })), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
    expectIssue(computeFacture(factureG({ lignes: [ligne('AMI')] })), 'RULES_TARIF_NON_APPLICABLE', ['lignes', 0, 'code']);
    // DROM G values are placeholders (to confirm), not métropole prices.
    expectIssue(computeFacture(factureG({ ps: { ...factureG().ps, zone: 'dom' } })), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
    // The CCAM is not in the default tables: it is loaded from sesam-billing/rules/ccam.
    expectIssue(computeFacture(factureG({ lignes: [ligne('DEQP003', '2025-03-10', { modificateurs: ['F'] })] })), 'RULES_CODE_INCONNU', ['lignes', 0, 'code']);
  });
});

describe('computeFacture options are caller data too', () => {
  it('a bad référentiel, parameters or trace flag is an INPUT_* issue under options, never a crash', () => {
    const input = factureG();
    expectIssue(computeFacture(input, { referentiel: {} as never }), 'INPUT_TYPE', ['options', 'referentiel', 'index']);
    expectIssue(computeFacture(input, { parametres: { ...PARAMETRES_DEFAUT, pf: null } as never }), 'INPUT_TYPE', ['options', 'parametres', 'pf']);
    expectIssue(computeFacture(input, { trace: 'yes' as never }), 'INPUT_TYPE', ['options', 'trace']);
    expectIssue(computeFacture(input, 42 as never), 'INPUT_TYPE', ['options']);
  });

  test.prop([fc.anything()], { numRuns: runs(300) })('any options give a Result', (junk) => {
    const r = computeFacture(factureG(), junk as never);
    expect(typeof r.ok).toBe('boolean');
  });
});
