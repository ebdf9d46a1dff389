/**
 * Rule errors exposed by public worked cases (issue #11 §3), each with the test that would have
 * caught it: dated PF / franchise caps, the DA cap on the in-parcours tariff, APC in secteur 2,
 * override semantics of caller tables, undated rows, the parcours required for a médecin.
 * Tariff figures in caller tables below are FICTITIOUS test values unless a source is named.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/date/index';
import { euros } from '../../src/core/money/index';
import type { FactureInput, TableTarifs, TarifRow } from '../../src/rules/index';
import { computeFacture, DEFAULT_TABLES, loadReferentiel, PARAMETRES_DEFAUT, PARCOURS_SESAM } from '../../src/rules/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { arbFacture, factureG, ligne } from '../arbitraries/facture';

const d = (s: string): PlainDate => s as PlainDate;
const c = (m: { centimes: number }): number => m.centimes;
const IDE = { profession: 'infirmier', specialite: '24', secteur: '1', zone: 'metropole' } as const;
const SPE = { profession: 'medecin', specialite: '03', secteur: '1', zone: 'metropole' } as const;
const row = (over: Partial<TarifRow>): TarifRow => ({ code: 'X', libelle: 'test', nomenclature: 'ngap', professions: ['medecin'], validFrom: d('2023-01-01'), prix: '10.00', acte: true, source: 'test (fictitious)', ...over });
const table = (rows: TarifRow[], version = 'caller-1'): TableTarifs => ({ source: 'test', version, date: d('2026-01-01'), rows });

describe('dated PF and franchise caps (décret n° 2007-1937; décrets n° 2024-113 / 2024-114)', () => {
  it('six 0,50 € paramedical acts on one day in 2023 withhold 2 € (daily cap), not 3 €', () => {
    const lignes = Array.from({ length: 6 }, () => ligne('AMI', '2023-06-12'));
    const dec = expectOk(computeFacture(factureG({ ps: IDE, parcours: undefined as never, dateFacturation: d('2023-06-12'), lignes })));
    expect(dec.lignes.map((l) => c(l.franchise))).toEqual([50, 50, 50, 50, 0, 0]);
    expect(c(dec.total.franchise)).toBe(200);
    expect(dec.trace.some((s) => s.rule === 'franchise.cap-jour' && s.source.includes('2007-1937'))).toBe(true);
  });

  it('from 2024-03-31: 1 € per act, 4 € per day', () => {
    const lignes = Array.from({ length: 6 }, () => ligne('AMI', '2024-04-02'));
    const dec = expectOk(computeFacture(factureG({ ps: IDE, dateFacturation: d('2024-04-02'), lignes })));
    expect(c(dec.total.franchise)).toBe(400);
  });

  it('PF 1 € on 2024-05-14, 2 € on 2024-05-15, each citing its text', () => {
    const dec = expectOk(computeFacture(factureG({ dateFacturation: d('2024-05-15'), lignes: [ligne('G', '2024-05-14'), ligne('G', '2024-05-15')] })));
    expect(dec.lignes.map((l) => c(l.participationForfaitaire))).toEqual([100, 200]);
    expect(dec.trace.filter((s) => s.rule === 'pf').map((s) => s.source)[1]).toContain('2024-113');
  });

  it('every default value names an official text, and none starts at an unknown date except rates', () => {
    const p = PARAMETRES_DEFAUT;
    for (const list of [p.pf.montant, p.pf.plafondJour, p.pf.plafondAnnuel, p.franchise.paramedical, p.franchise.transport, p.franchise.medicament, p.franchise.plafondAnnuel]) {
      for (const v of list) {
        expect(v.from).not.toBeNull();
        expect(v.source).toMatch(/[Dd]écret|Code de la sécurité sociale|loi n°/);
      }
    }
    for (const v of [...p.franchise.paramedical, ...p.franchise.transport]) expect(v.value.plafondJour).not.toBeNull();
  });
});

describe('dépassement autorisé (DA) hors parcours: cap on the in-parcours tariff', () => {
  // In parcours a specialist bills CS + MCS = 31,50 € (service-public: at most 37 € hors parcours);
  // the split CS 26,50 + MCS 5 is illustrative (caller table): the cap is 31,50 × 1,175 = 37,01 €.
  const caller = table([
    row({ code: 'CS', validFrom: d('2024-12-22'), prix: '26.50', secteurs: ['1', '2-optam'], zone: 'metropole', majorationParcours: 'MCS' }),
    row({ code: 'MCS', validFrom: d('2024-12-22'), prix: '5.00', acte: false, parcoursSeulement: true, zone: 'metropole' }),
  ]);
  const ref = expectOk(loadReferentiel([...DEFAULT_TABLES, caller]));
  const cs = (montant: number): FactureInput => factureG({ ps: SPE, parcours: 'S', lignes: [ligne('CS', '2025-03-10', { montantFacture: { centimes: montant }, motifDepassement: 'DA' })] });

  it('a specialist seen hors parcours may bill 37 € (legal fee accepted), not 37,02 €', () => {
    const dec = expectOk(computeFacture(cs(3700), { referentiel: ref }));
    expect([c(dec.total.baseRemboursement), c(dec.total.depassement), c(dec.total.partAmo)]).toEqual([2650, 1050, 795]);
    const cap = dec.trace.find((s) => s.rule === 'depassement.da-plafond');
    expect(cap?.inputs['tarifParcours']).toBe('31.50');
    expect(cap?.amount?.centimes).toBe(3701);
    expect(cap?.source).toContain('L.162-5-3');
    expect(expectIssue(computeFacture(cs(3702), { referentiel: ref }), 'RULES_DEPASSEMENT_PLAFOND', ['lignes', 0, 'montantFacture']).expected).toBe('37.01');
  });

  it('the DA rate is a dated parameter: none in force at the date is an issue', () => {
    const params = { ...PARAMETRES_DEFAUT, depassementAutoriseMax: [{ from: d('2030-01-01'), value: { units: 175, scale: 3 }, source: 'x' }] };
    expectIssue(computeFacture(cs(3700), { referentiel: ref, parametres: params }), 'RULES_PARAMETRE_DATE', ['lignes', 0, 'date']);
    // The 0.2.x shape (a bare Factor) is still read.
    expectOk(computeFacture(cs(3700), { referentiel: ref, parametres: { ...PARAMETRES_DEFAUT, depassementAutoriseMax: { units: 175, scale: 3 } } }));
  });
});

describe('APC in secteur 2 non-OPTAM', () => {
  it('bills the APC on the same 60 € base, dépassement outside the base', () => {
    const dec = expectOk(computeFacture(factureG({ ps: { ...SPE, secteur: '2' }, lignes: [ligne('APC', '2025-03-10', { montantFacture: euros('80.00') })] })));
    expect([c(dec.total.baseRemboursement), c(dec.total.partAmo), c(dec.total.depassement)]).toEqual([6000, 4200, 2000]);
  });
});

describe('override semantics of caller tables', () => {
  // The secteur 2 non-OPTAM base of CNPSY from 2024-12-22 is a default placeholder (CS in secteur 1 is priced since then).
  const psy = (over: Partial<FactureInput> = {}): FactureInput => factureG({ ps: { ...SPE, secteur: '2' }, lignes: [ligne('CNPSY')], ...over });

  it('a caller row replaces the default placeholder for the same code × zone × secteur × dates (zone absent = métropole, or explicit)', () => {
    expectIssue(computeFacture(psy()), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
    for (const zone of [undefined, 'metropole'] as const) {
      const over = { code: 'CNPSY', secteurs: ['2'] as const, validFrom: d('2024-12-22'), prix: '42.50' };
      const r = zone === undefined ? row(over) : row({ ...over, zone });
      const ref = expectOk(loadReferentiel([...DEFAULT_TABLES, table([r])]));
      expect(c(expectOk(computeFacture(psy(), { referentiel: ref })).total.baseRemboursement)).toBe(4250);
      // The secteur 1 value of the default table is kept (another secteur).
      expect(c(expectOk(computeFacture(psy({ ps: SPE }), { referentiel: ref })).total.baseRemboursement)).toBe(5000);
    }
  });

  it('replaces only the date range it covers: the default G history stays before it and after its end', () => {
    const r = row({ code: 'G', secteurs: ['1', '2-optam'], validFrom: d('2025-01-01'), validTo: d('2025-06-30'), prix: '31.00' });
    const ref = expectOk(loadReferentiel([...DEFAULT_TABLES, table([r])]));
    const dec = expectOk(computeFacture(factureG({ dateFacturation: d('2025-07-01'), lignes: [ligne('G', '2024-12-21'), ligne('G', '2024-12-31'), ligne('G', '2025-03-10'), ligne('G', '2025-07-01')] }), { referentiel: ref }));
    expect(dec.lignes.map((l) => c(l.prixUnitaire))).toEqual([2650, 3000, 3100, 3000]);
    // The other secteur keeps the default rows.
    const s2 = factureG({ ps: { ...SPE, secteur: '2' }, lignes: [ligne('G')] });
    expect(c(expectOk(computeFacture(s2, { referentiel: ref })).total.baseRemboursement)).toBe(c(expectOk(computeFacture(s2)).total.baseRemboursement));
  });

  it('two rows of one table for the same key and start stay a duplicate (zone absent ≡ métropole)', () => {
    const r = loadReferentiel(table([row({ code: 'Y' }), row({ code: 'Y', zone: 'metropole', prix: '11.00' })]));
    expectIssue(r, 'RULES_TABLE_DUPLICATE', [0, 'rows', 1]);
    expectOk(loadReferentiel(table([row({ code: 'Y' }), row({ code: 'Y', zone: 'dom', prix: '11.00' })])));
  });

  it('a DOM PS takes the DOM row of the code, and the métropole row where none covers the date', () => {
    const ref = expectOk(loadReferentiel(table([row({ code: 'Y', validFrom: d('2020-01-01') }), row({ code: 'Y', zone: 'dom', validFrom: d('2024-01-01'), prix: '12.00' })])));
    const dom = { ...factureG().ps, zone: 'dom' } as const;
    const dec = expectOk(computeFacture(factureG({ ps: dom, dateFacturation: d('2025-03-10'), lignes: [ligne('Y', '2023-06-01'), ligne('Y', '2025-03-10')] }), { referentiel: ref }));
    expect(dec.lignes.map((l) => c(l.prixUnitaire))).toEqual([1000, 1200]);
  });

  it('an undated row (validFrom null) prices no date; an act before a code’s first row is refused', () => {
    const ref = expectOk(loadReferentiel(table([row({ code: 'Y', validFrom: null }), row({ code: 'Z', validFrom: d('2024-01-01') })])));
    expect(expectIssue(computeFacture(factureG({ lignes: [ligne('Y')] }), { referentiel: ref }), 'RULES_TARIF_DATE', ['lignes', 0, 'code']).received).toContain('non attesté');
    expectIssue(computeFacture(factureG({ dateFacturation: d('2023-12-31'), lignes: [ligne('Z', '2023-12-31')] }), { referentiel: ref }), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
  });
});

describe('parcours de soins: required for a médecin; SESAM-Vitale codes accepted', () => {
  it('a médecin without parcours is an issue (no silent T: hors parcours would be paid at 70 %)', () => {
    const { parcours: _p, ...input } = factureG();
    expectIssue(computeFacture(input), 'RULES_PARCOURS_MANQUANT', ['parcours']);
  });

  it('maps 13 (non-respect) to S (30 %), 03 to T, 01 to exclu; unknown codes refused', () => {
    expect(c(expectOk(computeFacture(factureG({ parcours: '13' }))).total.partAmo)).toBe(900);
    const t = expectOk(computeFacture(factureG({ parcours: '03' })));
    expect([t.parcours, c(t.total.partAmo)]).toEqual(['T', 2100]);
    expect(expectOk(computeFacture(factureG({ parcours: '01' }))).parcours).toBe('');
    expectIssue(computeFacture(factureG({ parcours: '14' as never })), 'RULES_ENUM', ['parcours']);
  });

  test.prop([fc.constantFrom(...(Object.keys(PARCOURS_SESAM) as (keyof typeof PARCOURS_SESAM)[]))])('a SESAM code prices as its letter', (code) => {
    const a = expectOk(computeFacture(factureG({ parcours: code }), { trace: false }));
    const b = expectOk(computeFacture(factureG({ parcours: PARCOURS_SESAM[code] }), { trace: false }));
    expect(a).toEqual(b);
  });
});

describe('public vocabulary of the Décompte', () => {
  it('G 30 € (ameli): remboursé 19 €, ticket modérateur 9 €, reste à charge 11 € with the 2 € PF', () => {
    const t = expectOk(computeFacture(factureG())).total;
    expect([c(t.baseRemboursement), c(t.ticketModerateur), c(t.rembourseAmo), c(t.resteAChargePatient)]).toEqual([3000, 900, 1900, 1100]);
    // Deprecated aliases keep their 0.2.x values.
    expect([c(t.netAmo), c(t.resteACharge)]).toEqual([1900, 900]);
  });

  test.prop([arbFacture])('identities: BR = part AMO + TM; billed = remboursé + AMC + reste à charge (lines and total)', (input) => {
    const r = computeFacture(input, { trace: false });
    if (!r.ok) return;
    for (const m of [...r.value.lignes, r.value.total]) {
      expect(c(m.partAmo) + c(m.ticketModerateur)).toBe(c(m.baseRemboursement));
      expect(c(m.rembourseAmo) + c(m.partAmc) + c(m.resteAChargePatient)).toBe(c(m.montantFacture));
      expect(c(m.resteAChargePatient)).toBe(c(m.resteACharge) + c(m.participationForfaitaire) + c(m.franchise));
    }
    expect(r.value.chargePatient).toEqual(r.value.total.resteAChargePatient);
  });
});

describe('one fee over several codes (groupe)', () => {
  const caller = table([
    row({ code: 'CS', validFrom: d('2024-12-22'), prix: '26.50', secteurs: ['1', '2-optam'], majorationParcours: 'MCS' }),
    row({ code: 'MCS', validFrom: d('2024-12-22'), prix: '5.00', acte: false, parcoursSeulement: true }),
    row({ code: 'MEG', validFrom: d('2024-12-22'), prix: '5.00', acte: false }),
  ]);
  const ref = expectOk(loadReferentiel([...DEFAULT_TABLES, caller]));
  const price = (input: FactureInput) => computeFacture(input, { referentiel: ref });

  it('CS + MCS billed 40 € as a whole (DE): each code at its tariff, the 8,50 € dépassement on the CS line', () => {
    const lignes = [ligne('MCS', '2025-03-10', { groupe: 'c1' }), ligne('CS', '2025-03-10', { groupe: 'c1', montantFacture: euros('40.00'), motifDepassement: 'DE' })];
    const dec = expectOk(price(factureG({ ps: SPE, parcours: 'O', lignes })));
    expect(dec.lignes.map((l) => [l.code, c(l.montantFacture), c(l.depassement)])).toEqual([['MCS', 500, 0], ['CS', 3500, 850]]);
    expect(c(dec.total.montantFacture)).toBe(4000);
  });

  it('G + MEG in secteur 2 OPTAM: the fee over both, dépassement on G', () => {
    const lignes = [ligne('G', '2025-03-10', { groupe: 'g', montantFacture: euros('40.00') }), ligne('MEG', '2025-03-10', { groupe: 'g' })];
    const dec = expectOk(price(factureG({ ps: { ...factureG().ps, secteur: '2-optam' }, lignes })));
    expect(dec.lignes.map((l) => c(l.depassement))).toEqual([500, 0]);
  });

  it('hors parcours with DA: the cap is on the whole consultation; a fee below the tariffs or two fees are issues', () => {
    const da = (fee: string) => price(factureG({ ps: SPE, parcours: 'S', lignes: [ligne('CS', '2025-03-10', { groupe: 'c', montantFacture: euros(fee), motifDepassement: 'DA' })] }));
    expectOk(da('37.00'));
    expectIssue(da('37.02'), 'RULES_DEPASSEMENT_PLAFOND', ['lignes', 0, 'montantFacture']);
    const low = [ligne('G', '2025-03-10', { groupe: 'g', montantFacture: euros('30.00') }), ligne('MEG', '2025-03-10', { groupe: 'g' })];
    expect(expectIssue(price(factureG({ lignes: low })), 'RULES_MONTANT_INFERIEUR_TARIF').expected).toBe('35.00');
    const two = [ligne('G', '2025-03-10', { groupe: 'g', montantFacture: euros('30.00') }), ligne('MEG', '2025-03-10', { groupe: 'g', montantFacture: euros('5.00') })];
    expectIssue(price(factureG({ lignes: two })), 'RULES_GROUPE_MONTANT', ['lignes', 1, 'montantFacture']);
  });
});

describe('LFSS 2026 (loi n° 2025-1403 du 30 décembre 2025)', () => {
  const PSY = { profession: 'psychologue', specialite: '00', secteur: '1', zone: 'metropole' } as const;
  const psy = (date: string, code = 'APS'): FactureInput => factureG({ ps: PSY, parcours: undefined as never, dateFacturation: d(date), lignes: [ligne(code, date)] });

  it('Mon soutien psy: 50 € from 2024-06-29 (30 € before), 60 %, no PF nor franchise', () => {
    const dec = expectOk(computeFacture(psy('2025-03-10')));
    expect([c(dec.total.baseRemboursement), c(dec.total.partAmo), c(dec.total.participationForfaitaire), c(dec.total.franchise)]).toEqual([5000, 3000, 0, 0]);
    expect(dec.lignes[0]?.exemptionPf).toBe('professionNonConcernee');
    expect(c(expectOk(computeFacture(psy('2024-06-28'))).total.baseRemboursement)).toBe(3000);
    expect(dec.lignes[0]?.sourceTarif).toContain('24 juin 2024');
  });

  it('tiers payant AMO from 2026-10-01, not the day before', () => {
    expect(expectOk(computeFacture(psy('2026-09-30'))).destinataireReglement).toBe('00');
    const tp = expectOk(computeFacture(psy('2026-10-01')));
    expect([tp.tiersPayantAmo, tp.destinataireReglement]).toEqual([true, '05']);
  });

  it('menopause consultation at 100 % once the caller names its code and start (45–65 ans)', () => {
    const lfss2026 = { ...PARAMETRES_DEFAUT.lfss2026!, consultationMenopause: { ...PARAMETRES_DEFAUT.lfss2026!.consultationMenopause, codes: ['G'], debut: d('2026-01-01') } };
    const input = (naissance: string) => factureG({ dateFacturation: d('2026-03-10'), beneficiaire: { dateNaissance: d(naissance) }, lignes: [ligne('G', '2026-03-10')] });
    const at55 = expectOk(computeFacture(input('1971-01-01'), { parametres: { ...PARAMETRES_DEFAUT, lfss2026 } }));
    expect([at55.lignes[0]?.exoneration, c(at55.total.partAmo)]).toEqual(['menopause', 3000]);
    const at40 = expectOk(computeFacture(input('1986-01-01'), { parametres: { ...PARAMETRES_DEFAUT, lfss2026 } }));
    expect(c(at40.total.partAmo)).toBe(2100);
    // Default: no code published, the rule is inert.
    expect(c(expectOk(computeFacture(input('1971-01-01'))).total.partAmo)).toBe(2100);
  });

  it('acts prescribed by a non-conventionné (secteur 3) are refused from 2027-01-01', () => {
    const ide = (date: string) => factureG({ ps: IDE, dateFacturation: d(date), prescripteurNonConventionne: true, lignes: [ligne('AMI', date)] });
    expectOk(computeFacture(ide('2026-12-31')));
    expectIssue(computeFacture(ide('2027-01-04')), 'RULES_PRESCRIPTEUR_NON_CONVENTIONNE', ['lignes', 0, 'date']);
  });
});
