/**
 * Référentiel: tables as data, dated rows, table checks; CCAM / LPP / médicament / transport via
 * a caller-loaded table (the figures below are FICTITIOUS test values, not tariffs).
 */
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/date/index';
import { euros } from '../../src/core/money/index';
import type { TableTarifs, TarifRow } from '../../src/rules/index';
import { computeFacture, DEFAULT_REFERENTIEL, DEFAULT_TABLES, loadReferentiel, PARAMETRES_DEFAUT } from '../../src/rules/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { factureG, ligne } from '../arbitraries/facture';

const d = (s: string): PlainDate => s as PlainDate;
const row = (over: Partial<TarifRow>): TarifRow => ({ code: 'T', libelle: 'test', nomenclature: 'ngap', professions: ['medecin'], validFrom: d('2000-01-01'), prix: '10.00', acte: true, source: 'test (fictitious)', ...over });
const table = (rows: TarifRow[]): TableTarifs => ({ source: 'test', version: 'test-1', date: d('2025-01-01'), rows });

const TEST_TABLE = table([
  row({ code: 'ZZZZ001', nomenclature: 'ccam', prix: '40.00' }),
  row({ code: 'ZZZZ001/4', nomenclature: 'ccam', prix: '20.00' }),
  row({ code: '+F', nomenclature: 'ccam', prix: '19.06', acte: false }),
  row({ code: '1234567', nomenclature: 'lpp', prix: '12.34', tauxPourcent: '60' }),
  row({ code: 'MED65', nomenclature: 'medicament', professions: ['pharmacien'], prix: '3.29', tauxPourcent: '65' }),
  row({ code: 'NOTAUX', nomenclature: 'ngap', professions: ['pharmacien'], prix: '3.29' }),
  row({ code: 'TRSP', nomenclature: 'transport', professions: ['transporteur'], prix: '50.00', tauxPourcent: '55' }),
  row({ code: 'MAJ', prix: '5.00', acte: false, parcoursSeulement: true }),
  row({ code: 'OLD', validFrom: d('2020-01-01'), validTo: d('2022-12-31') }),
  row({ code: 'T' }),
]);
const REF = expectOk(loadReferentiel([...DEFAULT_TABLES, TEST_TABLE]));
const price = (input: Parameters<typeof computeFacture>[0]) => computeFacture(input, { referentiel: REF });

describe('loadReferentiel', () => {
  it('loads the default tables without issue; every row has a source', () => {
    expect(expectOk(loadReferentiel(DEFAULT_TABLES)).index.size).toBe(DEFAULT_REFERENTIEL.index.size);
    for (const t of DEFAULT_TABLES) {
      expect(t.source.length).toBeGreaterThan(0);
      for (const r of t.rows) expect(r.source.length).toBeGreaterThan(0);
    }
    expect(DEFAULT_REFERENTIEL.version).toContain('NGAP médecins');
  });

  it('accepts a single table', () => {
    expect(expectOk(loadReferentiel(TEST_TABLE)).index.get('ZZZZ001')).toHaveLength(1);
  });

  it('reports bad rows and duplicates with paths', () => {
    const bad = loadReferentiel(
      table([
        row({ code: '' }),
        row({ validFrom: d('2025-02-30') }),
        row({ validTo: d('x') }),
        row({ professions: [] }),
        row({ professions: ['sorcier' as 'medecin'] }),
        row({ secteurs: ['9' as '1'] }),
        row({ prix: 'dix' }),
        row({ prix: '-1.00' }),
        row({ tauxPourcent: 'x' }),
        row({ code: 'A' }),
        row({ code: 'A', secteurs: ['1'] }),
      ]),
    );
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8]) expectIssue(bad, 'RULES_TABLE_ROW', [0, 'rows', i]);
    expectIssue(bad, 'RULES_TABLE_DUPLICATE', [0, 'rows', 10]);
    expect(loadReferentiel(table([row({ code: 'A', secteurs: ['1'] }), row({ code: 'A', secteurs: ['2'] })])).ok).toBe(true);
    expect(loadReferentiel(table([row({ code: 'A', zone: 'dom' }), row({ code: 'A', zone: 'metropole' })])).ok).toBe(true);
  });

  it('a newer table is data: a revaluation row changes the price from its date on', () => {
    const newer = table([row({ code: 'G', prix: '35.00', validFrom: d('2026-01-01'), secteurs: ['1', '2-optam'], zone: 'metropole' })]);
    const ref = expectOk(loadReferentiel([...DEFAULT_TABLES, newer]));
    const input = factureG({ dateFacturation: d('2026-01-05'), lignes: [ligne('G', '2025-12-31'), ligne('G', '2026-01-01')] });
    const dec = expectOk(computeFacture(input, { referentiel: ref }));
    expect(dec.lignes.map((l) => l.prixUnitaire.centimes)).toEqual([3000, 3500]);
  });
});

describe('CCAM, LPP, médicament, transport (test table)', () => {
  it('CCAM activité 1 and 4, modificateur forfait × quantité', () => {
    const dec = expectOk(price(factureG({ lignes: [ligne('ZZZZ001', '2025-03-10', { modificateurs: ['F'] }), ligne('ZZZZ001', '2025-03-10', { activite: '4', quantite: 2 })] })));
    expect(dec.lignes.map((l) => l.baseRemboursement.centimes)).toEqual([5906, 4000]);
    expect(dec.trace.some((s) => s.rule === 'tarif.modificateur')).toBe(true);
    expectIssue(price(factureG({ lignes: [ligne('ZZZZ001', '2025-03-10', { modificateurs: ['X'] })] })), 'CCAM_MODIFICATEUR_INCONNU', ['lignes', 0, 'modificateurs', 0]);
    expect(expectOk(price(factureG({ lignes: [ligne('ZZZZ001', '2025-03-10', { modificateurs: [] })] }))).total.baseRemboursement.centimes).toBe(4000);
  });

  it('LPP: the row rate, no PF', () => {
    const dec = expectOk(price(factureG({ lignes: [ligne('1234567')] })));
    expect([dec.total.partAmo.centimes, dec.total.participationForfaitaire.centimes, dec.lignes[0]!.exemptionPf]).toEqual([740, 0, 'professionNonConcernee']);
  });

  it('médicament 65 % × 3,29 = 2,1385 → 2,14 (halfUp), then the 1 € franchise per box', () => {
    const ps = { profession: 'pharmacien', specialite: '50', secteur: '1', zone: 'metropole' } as const;
    const dec = expectOk(price(factureG({ ps, lignes: [ligne('MED65', '2025-03-10', { quantite: 2 })] })));
    // 2 boxes: base 6,58; 65 % = 4,277 → 4,28; franchise 2 × 1 €.
    expect([dec.total.partAmo.centimes, dec.total.franchise.centimes, dec.lignes[0]!.franchiseKind]).toEqual([428, 200, 'medicament']);
    const one = expectOk(price(factureG({ ps, lignes: [ligne('MED65')] })));
    expect(one.total.partAmo.centimes).toBe(214);
    expectIssue(price(factureG({ ps, lignes: [ligne('NOTAUX')] })), 'RULES_PARAMETRE_DATE', ['lignes', 0, 'date']);
  });

  it('transport: franchise 4 € with an 8 €/day cap; 2 € with a 4 €/day cap before 2024-03-31 (décret n° 2007-1937)', () => {
    const ps = { profession: 'transporteur', specialite: '55', secteur: '1', zone: 'metropole' } as const;
    const dec = expectOk(price(factureG({ ps, lignes: [ligne('TRSP'), ligne('TRSP'), ligne('TRSP')] })));
    expect(dec.lignes.map((l) => l.franchise.centimes)).toEqual([400, 400, 0]);
    const hist = { cumulsJournaliers: [{ date: d('2025-03-10'), participationForfaitaire: { centimes: 0 }, franchiseTransport: { centimes: 700 } }] };
    expect(expectOk(price(factureG({ ps, lignes: [ligne('TRSP')], historique: hist }))).total.franchise.centimes).toBe(100);
    const old = expectOk(price(factureG({ ps, dateFacturation: d('2024-03-30'), lignes: [ligne('TRSP', '2024-03-30'), ligne('TRSP', '2024-03-30'), ligne('TRSP', '2024-03-30')] })));
    expect(old.lignes.map((l) => l.franchise.centimes)).toEqual([200, 200, 0]);
  });

  it('parcours-only majoration refused hors parcours, accepted in parcours', () => {
    expectIssue(price(factureG({ parcours: 'S', lignes: [ligne('G'), ligne('MAJ')] })), 'RULES_MAJORATION_HORS_PARCOURS', ['lignes', 1, 'code']);
    const dec = expectOk(price(factureG({ lignes: [ligne('G'), ligne('MAJ')] })));
    expect(dec.lignes.map((l) => l.participationForfaitaire.centimes)).toEqual([200, 0]);
  });

  it('a withdrawn code (validTo) has no tariff after its last day', () => {
    expect(expectOk(price(factureG({ dateFacturation: d('2022-12-31'), lignes: [ligne('OLD', '2022-12-31')] }))).total.baseRemboursement.centimes).toBe(1000);
    expectIssue(price(factureG({ lignes: [ligne('OLD')] })), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
  });

  it('parameters are data: a date before a parameter\'s first value is an issue, never a silent zero; a missing rate is an issue; a cap list cannot be empty', () => {
    const old = computeFacture(factureG({ dateFacturation: d('2004-06-01'), beneficiaire: { dateNaissance: d('1970-01-01') }, lignes: [ligne('T', '2004-06-01')] }), { referentiel: REF });
    expect(expectIssue(old, 'RULES_PARAMETRE_DATE', ['lignes', 0, 'date']).received).toBe('pf.montant');
    const params = { ...PARAMETRES_DEFAUT, taux: { ...PARAMETRES_DEFAUT.taux, medecin: [{ from: d('2030-01-01'), value: { units: 7, scale: 1 }, source: 'x' }] } };
    expectIssue(computeFacture(factureG(), { parametres: params }), 'RULES_PARAMETRE_DATE', ['lignes', 0, 'date']);
    const noCap = { ...PARAMETRES_DEFAUT, pf: { ...PARAMETRES_DEFAUT.pf, plafondJour: [], plafondAnnuel: [] } };
    expectIssue(computeFacture(factureG(), { parametres: noCap }), 'INPUT_RANGE', ['options', 'parametres', 'pf', 'plafondJour']);
    const lateCap = { ...PARAMETRES_DEFAUT, pf: { ...PARAMETRES_DEFAUT.pf, plafondJour: [{ from: d('2030-01-01'), value: euros('4.00'), source: 'x' }] } };
    expect(expectIssue(computeFacture(factureG(), { parametres: lateCap }), 'RULES_PARAMETRE_DATE', ['lignes', 0, 'date']).received).toBe('pf.plafondJour');
  });

  it('AMC formulas: TM share, forfait, plafond, non-responsable contract', () => {
    const s2 = { profession: 'medecin', specialite: '01', secteur: '2', zone: 'metropole' } as const;
    const l = [ligne('C', '2025-03-10', { montantFacture: euros('40.00') })];
    const cr = { ...PARAMETRES_DEFAUT, contratResponsable: { plafondDepassementNonOptam: { units: 0, scale: 0 }, plafondDepassementOptam: { units: 0, scale: 0 } } };
    const tm50 = expectOk(computeFacture(factureG({ ps: s2, lignes: l, amc: { formule: 'ticketModerateur', pourcentage: '50', couvreDepassement: true } }), { parametres: cr }));
    expect(tm50.total.partAmc.centimes).toBe(345); // 50 % × 6,90, dépassement cover capped to 0 by the parameter
    const free = expectOk(computeFacture(factureG({ ps: s2, lignes: l, amc: { formule: 'ticketModerateur', couvreDepassement: true, contratResponsable: false } }), { parametres: cr }));
    expect(free.total.partAmc.centimes).toBe(690 + 1700);
    const forfait = expectOk(computeFacture(factureG({ ps: s2, lignes: l, amc: { formule: 'forfait', forfait: euros('100.00'), plafond: euros('10.00') } })));
    expect([forfait.total.partAmc.centimes, forfait.total.resteACharge.centimes]).toEqual([1000, 1390]);
    const optam = expectOk(computeFacture(factureG({ ps: { ...s2, secteur: '2-optam' }, lignes: [ligne('G', '2025-03-10', { montantFacture: euros('40.00') })], amc: { formule: 'pourcentageBr', pourcentage: '90' } }), { parametres: cr }));
    expect(optam.total.partAmc.centimes).toBe(600); // 90 % × 30 − 21
    const cent = { ...PARAMETRES_DEFAUT, contratResponsable: { plafondDepassementNonOptam: { units: 1, scale: 0 }, plafondDepassementOptam: null } };
    const within = expectOk(computeFacture(factureG({ ps: s2, lignes: l, amc: { formule: 'pourcentageBr', pourcentage: '300' } }), { parametres: cent }));
    expect(within.total.partAmc.centimes).toBe(690 + 1700); // dépassement 17 € ≤ 100 % of the 23 € base
  });
});
