/**
 * Worked examples (public ameli / service-public cases, SPECS §6.4–6.8) for computeFacture.
 */
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/date/index';
import { computeFacture, loadReferentiel as loadRef, PARAMETRES_DEFAUT } from '../../src/rules/index';
import type { Decompte, FactureInput } from '../../src/rules/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { factureG, ligne } from '../arbitraries/facture';

const c = (m: { centimes: number }): number => m.centimes;
const d = (s: string): PlainDate => s as PlainDate;
const PARAMS = () => PARAMETRES_DEFAUT;

function run(input: FactureInput): Decompte {
  return expectOk(computeFacture(input));
}

function rules(dec: Decompte): string[] {
  return dec.trace.map((s) => s.rule);
}

describe('médecin généraliste (G)', () => {
  it('G 30 € at 70 % with 2 € PF: 19 € AMO, 9 € TM for the AMC, patient bears the PF', () => {
    const dec = run(factureG({ amc: { formule: 'ticketModerateur' } }));
    const t = dec.total;
    expect([c(t.montantFacture), c(t.baseRemboursement), c(t.partAmo), c(t.participationForfaitaire), c(t.netAmo), c(t.partAmc), c(t.resteACharge)])
      .toEqual([3000, 3000, 2100, 200, 1900, 900, 0]);
    expect(c(dec.chargePatient)).toBe(200);
    expect(dec.destinataireReglement).toBe('00');
    expect(c(dec.aEncaisserPatient)).toBe(3000);
    expect(rules(dec)).toEqual(['contexte', 'tarif', 'taux.medecin', 'pf', 'amc.ticketModerateur', 'tiers-payant', 'total']);
  });

  it('without AMC the TM stays with the patient (9 € + 2 € PF)', () => {
    const dec = run(factureG());
    expect([c(dec.total.partAmc), c(dec.total.resteACharge), c(dec.chargePatient)]).toEqual([0, 900, 1100]);
  });

  it('uses the tariff valid at the act date (26,50 € the day before the 2024-12-22 revaluation, PF 1 € before 2024-05-15)', () => {
    const dec = run(factureG({ dateFacturation: d('2024-12-22'), lignes: [ligne('G', '2024-12-21'), ligne('G', '2024-12-22'), ligne('G', '2024-05-14')] }));
    expect(dec.lignes.map((l) => c(l.prixUnitaire))).toEqual([2650, 3000, 2650]);
    expect(dec.lignes.map((l) => c(l.participationForfaitaire))).toEqual([200, 200, 100]);
    expect(c(dec.lignes[0]!.partAmo)).toBe(1855);
  });

  it('older G rows: 25 € in 2020 (G from 2017-05-01); G did not exist in 2015', () => {
    const dec = run(factureG({ dateFacturation: d('2020-01-10'), lignes: [ligne('G', '2020-01-10'), ligne('G', '2019-12-01')] }));
    expect(dec.lignes.map((l) => c(l.prixUnitaire))).toEqual([2500, 2500]);
    const old = computeFacture(factureG({ dateFacturation: d('2015-06-01'), beneficiaire: { dateNaissance: d('1970-01-01') }, lignes: [ligne('G', '2015-06-01')] }));
    expectIssue(old, 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
  });

  it('an act before the code existed is an issue', () => {
    const r = computeFacture(factureG({ dateFacturation: d('2010-06-01'), beneficiaire: { dateNaissance: d('1970-01-01') }, lignes: [ligne('G', '2010-06-01')] }));
    expectIssue(r, 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
  });

  it('APC 60 € from 2024-12-22, 56,50 € before (règlement arbitral, cited in the trace)', () => {
    const dec = run(factureG({ ps: { ...factureG().ps, specialite: '03' }, lignes: [ligne('APC', '2024-12-01'), ligne('APC', '2025-03-10')] }));
    expect(dec.lignes.map((l) => c(l.baseRemboursement))).toEqual([5650, 6000]);
    expect(dec.trace.find((s) => s.rule === 'tarif' && s.line === 0)?.source).toContain('arrêté du 28 avril 2023');
    expect(c(dec.total.participationForfaitaire)).toBe(400);
  });

  it('téléconsultation TCG: a placeholder until its value is tied to the NGAP', () => {
    expectIssue(computeFacture(factureG({ lignes: [ligne('TCG')] })), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
  });
});

describe('secteur 2 and dépassements', () => {
  const s2 = { profession: 'medecin', specialite: '01', secteur: '2', zone: 'metropole' } as const;

  it('secteur 2 non-OPTAM: C with a dépassement, base 23 €, 70 % = 16,10 € − 2 € PF; dépassement outside the base', () => {
    const dec = run(factureG({ ps: s2, lignes: [ligne('C', '2025-03-10', { montantFacture: { centimes: 5000 } })] }));
    const t = dec.total;
    expect([c(t.baseRemboursement), c(t.partAmo), c(t.netAmo), c(t.depassement), c(t.resteACharge)]).toEqual([2300, 1610, 1410, 2700, 3390]);
    expect(rules(dec)).toContain('depassement');
  });

  it('CS and C secteur 2 at 23 €; OPTAM uses the secteur 1 tariff', () => {
    expect(c(run(factureG({ ps: s2, lignes: [ligne('CS'), ligne('C')] })).total.baseRemboursement)).toBe(4600);
    const optam = run(factureG({ ps: { ...s2, secteur: '2-optam' }, lignes: [ligne('G', '2025-03-10', { montantFacture: { centimes: 3500 } })] }));
    expect([c(optam.total.baseRemboursement), c(optam.total.depassement)]).toEqual([3000, 500]);
  });

  it('AMC 200 % BR covers the dépassement up to one base; contrat responsable cap is a parameter', () => {
    const input = factureG({ ps: s2, amc: { formule: 'pourcentageBr', pourcentage: '200' }, lignes: [ligne('C', '2025-03-10', { montantFacture: { centimes: 6000 } })] });
    const dec = run(input);
    // 200 % × 23 = 46 − 16,10 AMO = 29,90 AMC; billed 60 → patient 60 − 16,10 − 29,90 = 14.
    expect([c(dec.total.partAmc), c(dec.total.resteACharge)]).toEqual([2990, 1400]);
    const capped = expectOk(computeFacture(input, { parametres: { ...PARAMS(), contratResponsable: { plafondDepassementNonOptam: { units: 1, scale: 1 }, plafondDepassementOptam: null } } }));
    // dépassement cover limited to 10 % of 23 = 2,30 → AMC = TM 6,90 + 2,30 = 9,20.
    expect(c(capped.total.partAmc)).toBe(920);
    expect(rules(capped)).toContain('amc.contrat-responsable');
  });

  it('secteur 1: a dépassement needs a motif; DE allowed; DA only hors parcours and ≤ 17,5 %', () => {
    const dep = (montant: number, motif?: 'DE' | 'DA', parcours: FactureInput['parcours'] = 'T') =>
      computeFacture(factureG({ parcours, lignes: [ligne('G', '2025-03-10', motif === undefined ? { montantFacture: { centimes: montant } } : { montantFacture: { centimes: montant }, motifDepassement: motif })] }));
    expectIssue(dep(3500), 'RULES_DEPASSEMENT_NON_AUTORISE', ['lignes', 0, 'montantFacture']);
    expect(expectOk(dep(3500, 'DE')).total.depassement.centimes).toBe(500);
    expectIssue(dep(3500, 'DA'), 'RULES_DEPASSEMENT_NON_AUTORISE');
    expect(expectOk(dep(3525, 'DA', 'S')).total.depassement.centimes).toBe(525);
    expectIssue(dep(3526, 'DA', 'S'), 'RULES_DEPASSEMENT_PLAFOND', ['lignes', 0, 'montantFacture']);
    expectIssue(dep(2900), 'RULES_MONTANT_INFERIEUR_TARIF', ['lignes', 0, 'montantFacture']);
  });

  it('DA for a non-médecin is refused', () => {
    const r = computeFacture(factureG({ ps: { profession: 'infirmier', specialite: '24', secteur: '1', zone: 'metropole' }, parcours: 'S', lignes: [ligne('AMI', '2025-03-10', { montantFacture: { centimes: 400 }, motifDepassement: 'DA' })] }));
    expectIssue(r, 'RULES_DEPASSEMENT_NON_AUTORISE');
  });
});

describe('parcours de soins', () => {
  it('hors parcours: 30 % (9 € − 2 € PF = 7 €)', () => {
    const dec = run(factureG({ parcours: 'S' }));
    expect([c(dec.total.partAmo), c(dec.total.netAmo), c(dec.total.resteACharge)]).toEqual([900, 700, 2100]);
    expect(rules(dec)).toContain('taux.hors-parcours');
  });

  it('no penalty under 16, nor for an excluded specialty', () => {
    expect(c(run(factureG({ parcours: 'S', beneficiaire: { dateNaissance: d('2010-01-01') } })).total.partAmo)).toBe(2100);
    expect(c(run(factureG({ parcours: 'S', ps: { ...factureG().ps, specialite: '38' } })).total.partAmo)).toBe(2100);
  });

  it('urgence, orienté, accès direct: in parcours', () => {
    for (const p of ['U', 'O', 'D', 'A', ''] as const) expect(c(run(factureG({ parcours: p })).total.partAmo)).toBe(2100);
  });
});

describe('exonérations (100 %)', () => {
  it('ALD en rapport: 100 %, PF applies, tiers payant AMO (05), B2 justification 4', () => {
    const dec = run(factureG({ beneficiaire: { dateNaissance: d('1960-01-01'), ald: true }, lignes: [ligne('G', '2025-03-10', { enRapportAld: true })] }));
    expect([c(dec.total.partAmo), c(dec.total.netAmo), c(dec.total.resteACharge)]).toEqual([3000, 2800, 0]);
    expect([dec.destinataireReglement, dec.justificationExoneration, dec.lignes[0]!.exoneration]).toEqual(['05', '4', 'ald']);
    expect(c(dec.aEncaisserPatient)).toBe(0);
    expect(rules(dec)).toContain('tiers-payant.pf-recuperee');
  });

  it('ALD patient, act not en rapport: 70 %', () => {
    const dec = run(factureG({ beneficiaire: { dateNaissance: d('1960-01-01'), ald: true }, lignes: [ligne('G'), ligne('G', '2025-03-10', { enRapportAld: true })] }));
    expect(dec.lignes.map((l) => c(l.partAmo))).toEqual([2100, 3000]);
    expect(dec.justificationExoneration).toBe('0');
  });

  it('enRapportAld without ALD is an issue', () => {
    expectIssue(computeFacture(factureG({ lignes: [ligne('G', '2025-03-10', { enRapportAld: true })] })), 'RULES_ALD_NON_DECLAREE', ['lignes', 0, 'enRapportAld']);
  });

  it('maternité from the 1st day of the 6th month to 12 days after delivery: 100 %, no PF', () => {
    const b = { dateNaissance: d('1992-02-02'), maternite: { dateDebutGrossesse: d('2024-10-15') } };
    // 6th month starts 2025-03-15; 2025-03-14 is before.
    const dec = run(factureG({ natureAssurance: '30', beneficiaire: b, lignes: [ligne('G', '2025-03-15')], dateFacturation: d('2025-03-15') }));
    expect([c(dec.total.partAmo), c(dec.total.participationForfaitaire), dec.lignes[0]!.exemptionPf, dec.destinataireReglement]).toEqual([3000, 0, 'maternite', '05']);
    const before = run(factureG({ beneficiaire: b, lignes: [ligne('G', '2025-03-14')], dateFacturation: d('2025-03-15') }));
    expect(c(before.total.partAmo)).toBe(2100);
  });

  it('maternité period from the expected delivery date, ends 12 days after the actual delivery', () => {
    const b = { dateNaissance: d('1992-02-02'), maternite: { dateAccouchementPrevue: d('2025-07-20'), dateAccouchement: d('2025-07-10') } };
    const dec = run(factureG({ natureAssurance: '30', beneficiaire: b, dateFacturation: d('2025-07-30'), lignes: [ligne('G', '2025-07-22'), ligne('G', '2025-07-23')] }));
    expect(dec.lignes.map((l) => l.exoneration)).toEqual(['maternite', 'maternite']);
    const maladie = computeFacture(factureG({ beneficiaire: b, dateFacturation: d('2025-07-30'), lignes: [ligne('G', '2025-03-10'), ligne('G', '2025-07-22'), ligne('G', '2025-07-23')] }));
    const v = expectOk(maladie);
    expect(v.lignes.map((l) => c(l.partAmo))).toEqual([2100, 3000, 2100]);
    expectIssue(maladie, 'RULES_NATURE_MATERNITE', ['natureAssurance']);
  });

  it('maternité with only a début de grossesse ends 9 months + 12 days later', () => {
    const b = { dateNaissance: d('1992-02-02'), maternite: { dateDebutGrossesse: d('2024-06-01') } };
    const dec = run(factureG({ natureAssurance: '30', beneficiaire: b, lignes: [ligne('G', '2025-03-10')] }));
    expect(dec.trace.find((s) => s.rule === 'maternite.periode')?.result).toBe('2024-11-01 → 2025-03-13');
  });

  it('AT/MP: 100 % of the tarif de responsabilité, PF still applies, tiers payant AMO', () => {
    const dec = run(factureG({ natureAssurance: '41', beneficiaire: { dateNaissance: d('1980-05-01'), atmp: { numero: '000123456', date: d('2025-03-01') } } }));
    expect([c(dec.total.partAmo), c(dec.total.participationForfaitaire), c(dec.total.netAmo), dec.destinataireReglement]).toEqual([3000, 200, 2800, '05']);
    expectIssue(computeFacture(factureG({ natureAssurance: '41' })), 'RULES_ATMP_MANQUANT', ['beneficiaire', 'atmp']);
    expectIssue(computeFacture(factureG({ natureAssurance: '41', beneficiaire: { dateNaissance: d('1980-05-01'), atmp: { numero: '1', date: d('2025-03-11') } } })), 'RULES_ATMP_DATE', ['lignes', 0, 'date']);
  });

  it('invalidité 100 % with PF; pension militaire: no PF; AME: 100 %, no PF, tiers payant', () => {
    const inv = run(factureG({ beneficiaire: { dateNaissance: d('1970-01-01'), exonerations: ['invalidite'] } }));
    expect([c(inv.total.partAmo), c(inv.total.participationForfaitaire)]).toEqual([3000, 200]);
    const pm = run(factureG({ beneficiaire: { dateNaissance: d('1970-01-01'), exonerations: ['pensionMilitaire'] } }));
    expect([c(pm.total.partAmo), pm.lignes[0]!.exemptionPf]).toEqual([2100, 'pensionMilitaire']);
    const ame = run(factureG({ beneficiaire: { dateNaissance: d('1970-01-01'), ame: true } }));
    expect([c(ame.total.partAmo), c(ame.total.participationForfaitaire), ame.destinataireReglement]).toEqual([3000, 0, '05']);
  });

  it('prévention (nature 90): rate parameter, default 100 %', () => {
    expect(run(factureG({ natureAssurance: '90' })).lignes[0]!.exoneration).toBe('prevention');
  });

  it('régime local (13): general rates with a warning', () => {
    const r = computeFacture(factureG({ natureAssurance: '13' }));
    expect(expectOk(r).total.partAmo.centimes).toBe(2100);
    expectIssue(r, 'RULES_REGIME_LOCAL', ['natureAssurance']);
  });
});

describe('C2S, children, tiers payant', () => {
  it('C2S: tiers payant intégral (15), no PF, TM paid by the C2S', () => {
    const dec = run(factureG({ beneficiaire: { dateNaissance: d('1985-01-01'), c2s: true }, amc: { formule: 'forfait', forfait: { centimes: 100 } } }));
    expect([c(dec.total.partAmo), c(dec.total.participationForfaitaire), c(dec.total.partAmc), c(dec.total.resteACharge), dec.destinataireReglement]).toEqual([2100, 0, 900, 0, '15']);
    expect(c(dec.aEncaisserPatient)).toBe(0);
    expect(dec.trace.find((s) => s.rule === 'amc.c2s')?.inputs['garantieDeclaree']).toBe('forfait');
  });

  it('child under 18: no PF (cut-off at the 18th birthday by default, or 1 January as a parameter)', () => {
    const child = run(factureG({ beneficiaire: { dateNaissance: d('2015-06-01') } }));
    expect([c(child.total.participationForfaitaire), child.lignes[0]!.exemptionPf]).toEqual([0, 'mineur']);
    const b = { dateNaissance: d('2007-06-01') }; // 17 on 2025-03-10, 18 in the year
    expect(c(run(factureG({ beneficiaire: b })).total.participationForfaitaire)).toBe(0);
    const jan = expectOk(computeFacture(factureG({ beneficiaire: b }), { parametres: { ...PARAMS(), ageExemptionPfRegle: 'premierJanvier' } }));
    expect(c(jan.total.participationForfaitaire)).toBe(200);
  });

  it('destinataire from the preference: 05, 25, 15; AMC tiers payant without garantie is dropped with a warning', () => {
    const amc = { formule: 'ticketModerateur' } as const;
    expect(run(factureG({ tiersPayant: { amo: true } })).destinataireReglement).toBe('05');
    const amcOnly = run(factureG({ amc, tiersPayant: { amc: true } }));
    expect([amcOnly.destinataireReglement, c(amcOnly.aEncaisserPatient)]).toEqual(['25', 2100]);
    expect(run(factureG({ amc, tiersPayant: { amo: true, amc: true } })).destinataireReglement).toBe('15');
    const r = computeFacture(factureG({ tiersPayant: { amc: true } }));
    expect(expectOk(r).destinataireReglement).toBe('00');
    expectIssue(r, 'RULES_TP_AMC_SANS_GARANTIE', ['tiersPayant', 'amc']);
  });
});

describe('auxiliaires médicaux', () => {
  const ide = { profession: 'infirmier', specialite: '24', secteur: '1', zone: 'metropole' } as const;
  const mk = { profession: 'masseurKinesitherapeute', specialite: '26', secteur: '1', zone: 'metropole' } as const;

  it('AMI 1 at 60 % with franchise 1 €; IFD and IK are not acts', () => {
    const dec = run(factureG({ ps: ide, lignes: [ligne('AMI'), ligne('IFD'), ligne('IK', '2025-03-10', { quantite: 12 })] }));
    expect(dec.lignes.map((l) => c(l.baseRemboursement))).toEqual([315, 275, 420]);
    expect(dec.lignes.map((l) => c(l.partAmo))).toEqual([189, 165, 252]);
    expect(dec.lignes.map((l) => c(l.franchise))).toEqual([100, 0, 0]);
    expect(dec.lignes.map((l) => l.exemptionPf)).toEqual([null, 'pasUnActe', 'pasUnActe']);
    expect(c(dec.total.participationForfaitaire)).toBe(0);
    expect(rules(dec)).toContain('franchise.paramedical');
  });

  it('AMI × coefficient 1.5 rounds halfUp to the centime (4,725 → 4,73); IFD 2,50 before 2024-01-28 (avenant 10 infirmiers), 2,75 from it', () => {
    const dec = run(factureG({ ps: ide, dateFacturation: d('2023-08-27'), lignes: [ligne('AMI', '2023-08-27', { coefficient: '1.5' }), ligne('IFD', '2023-08-27')] }));
    expect(dec.lignes.map((l) => c(l.baseRemboursement))).toEqual([473, 250]);
    expect(c(dec.lignes[0]!.franchise)).toBe(50);
    const ifd = (date: string) => run(factureG({ ps: ide, dateFacturation: d(date), lignes: [ligne('IFD', date)] })).lignes[0]!.prixUnitaire.centimes;
    expect([ifd('2024-01-27'), ifd('2024-01-28')]).toEqual([250, 275]);
  });

  it('AMK 8 kiné: 8 × 2,21 = 17,68 € at 60 % = 10,61 € − 1 € franchise', () => {
    const dec = run(factureG({ ps: mk, lignes: [ligne('AMK', '2025-03-10', { coefficient: { units: 8, scale: 0 } })] }));
    expect([c(dec.total.baseRemboursement), c(dec.total.partAmo), c(dec.total.franchise), c(dec.total.netAmo)]).toEqual([1768, 1061, 100, 961]);
  });

  it('kiné DOM 2,43 from 2024-02-22, 2,36 before; AMK métropole 2,15 before', () => {
    const dom = run(factureG({ ps: { ...mk, zone: 'dom' }, lignes: [ligne('AMK', '2024-02-21'), ligne('AMK', '2024-02-22')] }));
    expect(dom.lignes.map((l) => c(l.prixUnitaire))).toEqual([236, 243]);
    expect(run(factureG({ ps: mk, lignes: [ligne('AMS', '2024-02-21')] })).lignes[0]!.prixUnitaire.centimes).toBe(215);
  });

  it('franchise paramédicale daily cap 4 €; same-day history counts', () => {
    const five = Array.from({ length: 5 }, () => ligne('AMI', '2025-03-10', { coefficient: '2' }));
    const dec = run(factureG({ ps: ide, lignes: five }));
    expect(dec.lignes.map((l) => c(l.franchise))).toEqual([100, 100, 100, 100, 0]);
    expect(rules(dec)).toContain('franchise.cap-jour');
    const hist = run(factureG({ ps: ide, lignes: [ligne('AMI')], historique: { cumulsJournaliers: [{ date: d('2025-03-10'), participationForfaitaire: { centimes: 0 }, franchiseParamedical: { centimes: 350 } }] } }));
    expect(c(hist.total.franchise)).toBe(50);
  });

  it('coefficients: many distinct ones (text or Factor, past the parse / text caches) price and trace exactly', () => {
    // AMI 3,15 € × (1 + k/1000), halfUp to the centime; the trace shows the coefficient as given.
    const exact = (k: number): number => Math.floor((315 * (1000 + k) + 500) / 1000);
    for (const asText of [true, false]) {
      for (let from = 0; from < 600; from += 200) {
        const lignes = Array.from({ length: 200 }, (_, j) => {
          const k = from + j + 1;
          const text = `1.${String(k).padStart(3, '0')}`;
          return ligne('AMI', '2025-03-10', { coefficient: asText ? text : { units: 1000 + k, scale: 3 } });
        });
        const dec = run(factureG({ ps: ide, lignes }));
        dec.lignes.forEach((l, j) => expect(c(l.prixUnitaire), `k=${from + j + 1}`).toBe(exact(from + j + 1)));
        const shown = dec.trace.filter((s) => s.rule === 'tarif').map((s) => s.inputs['coefficient']);
        expect(shown[0]).toBe(`1.${String(from + 1).padStart(3, '0')}`);
      }
    }
    // A Factor with a 13-digit numerator (1.5 written with 12 decimals): same price, trace shows it exactly.
    const big = run(factureG({ ps: ide, lignes: [ligne('AMI', '2025-03-10', { coefficient: { units: 1_500_000_000_000, scale: 12 } })] }));
    expect(c(big.lignes[0]!.prixUnitaire)).toBe(473);
    expect(big.trace.find((s) => s.rule === 'tarif')?.inputs['coefficient']).toBe('1.500000000000');
  });

  it('franchise annual cap 50 € (separate from the PF cap)', () => {
    const dec = run(factureG({ ps: ide, lignes: [ligne('AMI')], historique: { cumulsAnnuels: [{ annee: 2025, participationForfaitaire: { centimes: 5000 }, franchises: { centimes: 4970 } }] } }));
    expect(c(dec.total.franchise)).toBe(30);
  });
});

describe('participation forfaitaire caps', () => {
  it('daily cap 4 €/day same PS (parameter): third G of the day has no PF; history counts', () => {
    const dec = run(factureG({ lignes: [ligne('G'), ligne('G'), ligne('G')] }));
    expect(dec.lignes.map((l) => c(l.participationForfaitaire))).toEqual([200, 200, 0]);
    const hist = run(factureG({ historique: { cumulsJournaliers: [{ date: d('2025-03-10'), participationForfaitaire: { centimes: 300 } }] } }));
    expect(c(hist.total.participationForfaitaire)).toBe(100);
  });

  it('annual cap 50 €: at 49 € a 2 € PF is withheld as 1 € (assumption), at 50 € none', () => {
    const at = (ytd: number) => run(factureG({ historique: { cumulsAnnuels: [{ annee: 2025, participationForfaitaire: { centimes: ytd }, franchises: { centimes: 0 } }] } }));
    expect(c(at(4900).total.participationForfaitaire)).toBe(100);
    expect(rules(at(4900))).toContain('pf.cap-annuel');
    expect(c(at(5000).total.participationForfaitaire)).toBe(0);
    expect(c(at(4900).total.netAmo)).toBe(2000);
  });

  it('a year in the history does not count for another year', () => {
    const dec = run(factureG({ historique: { cumulsAnnuels: [{ annee: 2024, participationForfaitaire: { centimes: 5000 }, franchises: { centimes: 0 } }, { annee: 2024, participationForfaitaire: { centimes: 0 }, franchises: { centimes: 0 } }] } }));
    expect(c(dec.total.participationForfaitaire)).toBe(200);
  });

  it('PF never takes netAmo below zero', () => {
    const cheap = { source: 't', version: 't', date: d('2025-01-01'), rows: [{ code: 'X', libelle: 'x', nomenclature: 'ngap' as const, professions: ['medecin' as const], validFrom: d('2020-01-01'), prix: '1.00', acte: true, source: 'test' }] };
    const ref = expectOk(loadRef(cheap));
    const dec = expectOk(computeFacture(factureG({ lignes: [ligne('X')] }), { referentiel: ref }));
    expect([c(dec.total.partAmo), c(dec.total.participationForfaitaire), c(dec.total.netAmo)]).toEqual([70, 70, 0]);
    expect(rules(dec)).toContain('pf.plafond-amo');
  });
});

describe('sages-femmes, dentistes, options', () => {
  it('sage-femme 70 %, dentiste 60 % since 2023-10-15 (arrêté du 12 octobre 2023), no PF (profession not concerned)', () => {
    const table = { source: 't', version: 't', date: d('2025-01-01'), rows: [{ code: 'SF', libelle: 'x', nomenclature: 'ngap' as const, professions: ['sageFemme' as const, 'chirurgienDentiste' as const], validFrom: d('2020-01-01'), prix: '25.00', acte: true, source: 'test' }] };
    const ref = expectOk(loadRef(table));
    for (const profession of ['sageFemme', 'chirurgienDentiste'] as const) {
      const dec = expectOk(computeFacture(factureG({ ps: { profession, specialite: '21', secteur: '1', zone: 'metropole' }, lignes: [ligne('SF')] }), { referentiel: ref }));
      expect([c(dec.total.partAmo), dec.lignes[0]!.exemptionPf]).toEqual([profession === 'sageFemme' ? 1750 : 1500, 'professionNonConcernee']);
    }
  });

  it('trace: false gives the same amounts and an empty trace', () => {
    const input = factureG({ parcours: 'S', amc: { formule: 'pourcentageBr', pourcentage: '150', plafond: { centimes: 500 } }, lignes: [ligne('G'), ligne('G'), ligne('G')] });
    const on = run(input);
    const off = expectOk(computeFacture(input, { trace: false }));
    expect(off.trace).toEqual([]);
    expect({ ...off, trace: [] }).toEqual({ ...on, trace: [] });
  });
});
