/**
 * NGAP tables of the auxiliaires médicaux, sages-femmes and chirurgiens-dentistes: every row
 * dated and sourced (official texts only), every letter priced on both sides of each change,
 * and an act before the history of a code refused.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { addDays, fromEpochDays, toEpochDays } from '../../../src/core/date/index';
import type { Issue } from '../../../src/core/issues/index';
import type { Profession, ProfessionnelSante, TableTarifs, TarifRow, Zone } from '../../../src/rules/index';
import { computeFacture, DEFAULT_REFERENTIEL, DEFAULT_TABLES, loadReferentiel, NGAP_AUXILIAIRES, NGAP_MEDECINS, SEANCES_PSYCHOLOGUES } from '../../../src/rules/index';
// The per-profession tables are exported by src/rules/tables (the rules barrel re-export is requested from the lead).
import {
  NGAP_AUXILIAIRES_TABLES, NGAP_CHIRURGIENS_DENTISTES, NGAP_INFIRMIERS, NGAP_MASSEURS_KINESITHERAPEUTES, NGAP_ORTHOPHONISTES,
  NGAP_ORTHOPTISTES, NGAP_PEDICURES_PODOLOGUES, NGAP_SAGES_FEMMES,
} from '../../../src/rules/tables/index';
import { dayNumber } from '../../../src/rules/checks';
import type { LookupKey } from '../../../src/rules/lookupTarif';
import { lookupTarif } from '../../../src/rules/lookupTarif';
import { professionBit, secteurBit } from '../../../src/rules/referentiel';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';

const d = (s: string): PlainDate => s as PlainDate;
const HISTORY_START = '2023-01-01';

/** Insurers', vendors' and press domains or names: never a source of a tariff. */
const DENY = [
  'orisha', 'montkine', 'egora', 'mutuelle', 'magnolia', 'concourspluripro', 'kineactu', 'kine-web', 'milo-kine', 'appines',
  'sephira', 'cegedim', 'topaze', 'blueback', 'laruche', 'cbainfo', 'medicalib', 'idelcot', 'albus', 'ozzen', 'caducee',
  'moniteur', 'moneyvox', 'lecomparateur', 'april.fr', 'macif', 'groupama', 'lelynx', 'jungloo', 'swisslife', 'klesia',
  'quotidiendumedecin', 'blog', 'ordremk', 'snmkr', 'onsil', 'fni.fr', 'convergence', 'press',
];

const PS = (profession: Profession, zone: Zone): ProfessionnelSante => ({ profession, specialite: '24', secteur: '1', zone });
const keyOf = (profession: Profession, zone: Zone): LookupKey => ({ professionBit: professionBit(profession), secteurBit: secteurBit('1'), zone, specialite: '01', ps: PS(profession, zone) });

/** Looks a code up in the default référentiel: centimes, or the issue code. */
function look(profession: Profession, zone: Zone, code: string, date: string): number | string {
  const issues: Issue[] = [];
  const row = lookupTarif(DEFAULT_REFERENTIEL, code, date, dayNumber(date), keyOf(profession, zone), 0, -1, issues);
  return row?.prix?.centimes ?? issues[0]?.code ?? 'none';
}

const centimes = (prix: string | null): number | string => (prix === null ? 'RULES_TARIF_A_CONFIRMER' : Math.round(Number(prix) * 100));

/** The rows of the aux tables grouped by profession × zone × code, oldest first. */
function groups(): Map<string, { profession: Profession; zone: Zone; code: string; rows: TarifRow[] }> {
  const out = new Map<string, { profession: Profession; zone: Zone; code: string; rows: TarifRow[] }>();
  for (const row of NGAP_AUXILIAIRES.rows) {
    for (const profession of row.professions) {
      const zone = row.zone as Zone;
      const k = `${profession} ${zone} ${row.code}`;
      const g = out.get(k) ?? { profession, zone, code: row.code, rows: [] };
      g.rows.push(row);
      out.set(k, g);
    }
  }
  for (const g of out.values()) g.rows.sort((a, b) => ((a.validFrom as string) < (b.validFrom as string) ? -1 : 1));
  return out;
}

describe('NGAP auxiliaires: rows', () => {
  it('every row has a valid-from date, a zone and an official source (no insurer / vendor / press)', () => {
    for (const t of NGAP_AUXILIAIRES_TABLES) {
      expect(t.rows.length).toBeGreaterThan(0);
      for (const r of t.rows) {
        expect(r.validFrom, `${t.version} ${r.code}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(r.zone, `${t.version} ${r.code}`).toBeDefined();
        expect(r.nomenclature).toBe('ngap');
        expect(r.source.length, `${t.version} ${r.code}`).toBeGreaterThan(20);
        const lower = `${r.source} ${t.source}`.toLowerCase();
        for (const bad of DENY) expect(lower.includes(bad), `${t.version} ${r.code}: « ${bad} » in ${r.source}`).toBe(false);
        // An official text: a convention, an avenant, a JO / Légifrance reference or an official page.
        expect(r.source).toMatch(/Convention nationale|avenant|JO|ameli\.fr|service-public\.fr|legifrance/);
      }
    }
  });

  it('every code has history back to 2023-01-01 (its first row starts on or before it)', () => {
    // Created (or first given a DOM value) on 2024-02-22 by the avenants n° 7 of the sages-femmes and of the
    // masseurs-kinésithérapeutes (TMK, télésoin): refused before.
    const LATER = new Set([
      'sageFemme metropole MD', 'sageFemme dom C', 'sageFemme dom V', 'sageFemme dom MSF', 'sageFemme dom IK', 'sageFemme dom IKM',
      'sageFemme dom CCP', 'masseurKinesitherapeute metropole TMK', 'masseurKinesitherapeute dom TMK',
    ]);
    for (const [key, g] of groups()) {
      if (LATER.has(key)) expect(g.rows[0]!.validFrom, key).toBe('2024-02-22');
      else expect(g.rows[0]!.validFrom! <= HISTORY_START, key).toBe(true);
    }
  });

  it('placeholders say what to confirm', () => {
    for (const r of NGAP_AUXILIAIRES.rows) if (r.prix === null) expect(r.source).toMatch(/^à confirmer/);
  });

  it('placeholders name the official text to confirm against (JO reference or Légifrance address)', () => {
    const src = (t: TableTarifs, code: string): string[] => t.rows.filter((r) => r.code === code && r.prix === null).map((r) => r.source);
    for (const s of src(NGAP_MASSEURS_KINESITHERAPEUTES, 'TMK')) expect(s).toContain('https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000047995989');
    for (const s of src(NGAP_PEDICURES_PODOLOGUES, 'AMP')) expect(s).toContain('https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000017762810');
    for (const s of src(NGAP_SAGES_FEMMES, 'SF')) expect(s).toContain('NOR SSAS1822073V');
    expect(src(NGAP_MASSEURS_KINESITHERAPEUTES, 'TMK')).toHaveLength(2);
    expect(src(NGAP_PEDICURES_PODOLOGUES, 'AMP')).toHaveLength(2);
    expect(src(NGAP_SAGES_FEMMES, 'SF')).toHaveLength(2);
  });

  it('NGAP_AUXILIAIRES is the union of the per-profession tables; the default référentiel loads them once', () => {
    expect(NGAP_AUXILIAIRES.rows).toEqual(NGAP_AUXILIAIRES_TABLES.flatMap((t) => t.rows));
    expect(NGAP_AUXILIAIRES_TABLES).toEqual([
      NGAP_INFIRMIERS, NGAP_MASSEURS_KINESITHERAPEUTES, NGAP_SAGES_FEMMES, NGAP_ORTHOPHONISTES, NGAP_ORTHOPTISTES,
      NGAP_PEDICURES_PODOLOGUES, NGAP_CHIRURGIENS_DENTISTES,
    ]);
    for (const t of NGAP_AUXILIAIRES_TABLES) expect(DEFAULT_TABLES).toContain(t);
    expect(DEFAULT_TABLES).not.toContain(NGAP_AUXILIAIRES);
    const combined = expectOk(loadReferentiel([NGAP_MEDECINS, NGAP_AUXILIAIRES, SEANCES_PSYCHOLOGUES]));
    expect(combined.index.size).toBe(DEFAULT_REFERENTIEL.index.size);
    // Loaded after the per-profession tables, the combined table replaces their rows (same code × key × dates): no duplicate.
    expectOk(loadReferentiel([...DEFAULT_TABLES, NGAP_AUXILIAIRES]));
    for (const t of NGAP_AUXILIAIRES_TABLES) expect(DEFAULT_REFERENTIEL.version).toContain(t.version);
  });
});

describe('NGAP auxiliaires: every letter on both sides of each change', () => {
  it('each row prices from its first day; the day before gives the previous row (or is refused)', () => {
    for (const g of groups().values()) {
      g.rows.forEach((row, i) => {
        const from = row.validFrom as string;
        const label = `${g.profession} ${g.zone} ${g.code} ${from}`;
        expect(look(g.profession, g.zone, g.code, from), label).toBe(centimes(row.prix));
        const before = addDays(d(from), -1);
        const previous = g.rows[i - 1];
        expect(look(g.profession, g.zone, g.code, before), `${label} − 1 day`).toBe(previous === undefined ? 'RULES_TARIF_DATE' : centimes(previous.prix));
      });
    }
  });

  // The figures, written out (a data edit must change this table too).
  const CASES: readonly [Profession, Zone, string, string, number | string][] = [
    ['infirmier', 'metropole', 'AMI', '2022-12-31', 'RULES_TARIF_DATE'],
    ['infirmier', 'metropole', 'AMI', '2023-01-01', 315],
    ['infirmier', 'dom', 'AMI', '2025-06-02', 330],
    ['infirmier', 'metropole', 'AIS', '2025-06-02', 265],
    ['infirmier', 'dom', 'AIS', '2025-06-02', 270],
    ['infirmier', 'metropole', 'IFD', '2024-01-27', 250],
    ['infirmier', 'metropole', 'IFD', '2024-01-28', 275],
    ['infirmier', 'metropole', 'IFA', '2024-01-27', 250],
    ['infirmier', 'metropole', 'IFA', '2024-01-28', 275],
    ['infirmier', 'dom', 'IFI', '2024-01-27', 250],
    ['infirmier', 'dom', 'IFI', '2024-01-28', 275],
    ['infirmier', 'metropole', 'BSC', '2026-03-02', 2870],
    ['infirmier', 'metropole', 'MCI', '2026-03-02', 500],
    ['infirmier', 'metropole', 'N', '2026-03-02', 915],
    ['infirmier', 'metropole', 'F', '2026-03-02', 850],
    ['infirmier', 'dom', 'IKS', '2026-03-02', 366],
    ['masseurKinesitherapeute', 'metropole', 'AMS', '2024-02-21', 215],
    ['masseurKinesitherapeute', 'metropole', 'AMS', '2024-02-22', 221],
    ['masseurKinesitherapeute', 'dom', 'AMK', '2024-02-21', 236],
    ['masseurKinesitherapeute', 'dom', 'AMK', '2024-02-22', 243],
    ['masseurKinesitherapeute', 'metropole', 'IFD', '2026-03-02', 250],
    ['masseurKinesitherapeute', 'dom', 'IK', '2026-03-02', 43],
    ['masseurKinesitherapeute', 'metropole', 'IFO', '2026-03-02', 400],
    ['masseurKinesitherapeute', 'metropole', 'TMK', '2024-02-21', 'RULES_TARIF_DATE'],
    ['masseurKinesitherapeute', 'metropole', 'TMK', '2024-02-22', 'RULES_TARIF_A_CONFIRMER'],
    ['masseurKinesitherapeute', 'dom', 'TMK', '2026-03-02', 'RULES_TARIF_A_CONFIRMER'],
    ['masseurKinesitherapeute', 'metropole', 'N', '2022-12-31', 'RULES_TARIF_DATE'],
    ['masseurKinesitherapeute', 'metropole', 'N', '2023-01-01', 915],
    ['masseurKinesitherapeute', 'metropole', 'F', '2023-01-01', 762],
    ['masseurKinesitherapeute', 'metropole', 'F', '2026-03-02', 762],
    ['sageFemme', 'metropole', 'C', '2026-03-02', 2300],
    ['sageFemme', 'dom', 'C', '2024-02-21', 'RULES_TARIF_DATE'],
    ['sageFemme', 'dom', 'V', '2024-02-22', 2760],
    ['sageFemme', 'metropole', 'MD', '2024-02-21', 'RULES_TARIF_DATE'],
    ['sageFemme', 'metropole', 'MD', '2024-02-22', 1000],
    ['sageFemme', 'metropole', 'MSF', '2024-02-21', 200],
    ['sageFemme', 'metropole', 'MSF', '2024-02-22', 350],
    ['sageFemme', 'dom', 'MSF', '2024-02-22', 380],
    ['sageFemme', 'metropole', 'IKM', '2023-01-01', 'RULES_TARIF_A_CONFIRMER'],
    ['sageFemme', 'metropole', 'IKM', '2024-02-21', 'RULES_TARIF_A_CONFIRMER'],
    ['sageFemme', 'metropole', 'IKM', '2024-02-22', 91],
    ['sageFemme', 'dom', 'IKM', '2024-02-21', 'RULES_TARIF_DATE'],
    ['sageFemme', 'dom', 'IKM', '2026-03-02', 110],
    ['sageFemme', 'metropole', 'CCP', '2023-01-01', 4600],
    ['sageFemme', 'metropole', 'CCP', '2024-02-21', 4600],
    ['sageFemme', 'metropole', 'CCP', '2024-02-22', 4750],
    ['sageFemme', 'dom', 'CCP', '2024-02-22', 5700],
    ['sageFemme', 'metropole', 'SF', '2024-02-21', 'RULES_TARIF_A_CONFIRMER'],
    ['sageFemme', 'metropole', 'SF', '2024-02-22', 310],
    ['sageFemme', 'metropole', 'SP', '2023-01-01', 300],
    ['sageFemme', 'metropole', 'SP', '2024-02-21', 300],
    ['sageFemme', 'metropole', 'SP', '2024-02-22', 310],
    ['sageFemme', 'dom', 'SP', '2024-02-21', 'RULES_TARIF_A_CONFIRMER'],
    ['sageFemme', 'dom', 'SP', '2024-12-31', 310],
    ['sageFemme', 'dom', 'SP', '2025-01-01', 320],
    ['orthophoniste', 'metropole', 'AMO', '2024-01-25', 250],
    ['orthophoniste', 'metropole', 'AMO', '2024-01-26', 260],
    ['orthophoniste', 'dom', 'AMO', '2024-01-25', 262],
    ['orthophoniste', 'dom', 'AMO', '2024-01-26', 272],
    // The avenant n° 21 (JO du 2 septembre 2025, applicable in 2026) leaves the AMO letter unchanged.
    ['orthophoniste', 'metropole', 'AMO', '2026-03-02', 260],
    ['orthophoniste', 'dom', 'AMO', '2026-03-02', 272],
    ['orthoptiste', 'metropole', 'AMY', '2026-03-02', 260],
    ['orthoptiste', 'dom', 'AMY', '2026-03-02', 272],
    ['pedicurePodologue', 'metropole', 'POD', '2024-03-06', 2700],
    ['pedicurePodologue', 'metropole', 'POD', '2024-03-07', 3000],
    ['pedicurePodologue', 'dom', 'POD', '2024-03-07', 3150],
    ['pedicurePodologue', 'metropole', 'AMP', '2025-06-02', 'RULES_TARIF_A_CONFIRMER'],
    ['chirurgienDentiste', 'metropole', 'C', '2025-06-02', 2300],
    ['chirurgienDentiste', 'metropole', 'CS', '2022-12-31', 'RULES_TARIF_DATE'],
    // No cited value for the orthodontie letter: an unknown code, never a guessed price.
    ['chirurgienDentiste', 'metropole', 'TO', '2025-06-02', 'RULES_CODE_INCONNU'],
    // No cited DOM value: refused, never priced with the métropole row.
    ['chirurgienDentiste', 'dom', 'C', '2025-06-02', 'RULES_TARIF_NON_APPLICABLE'],
    ['masseurKinesitherapeute', 'dom', 'N', '2025-06-02', 'RULES_TARIF_NON_APPLICABLE'],
    ['pedicurePodologue', 'metropole', 'IFD', '2025-06-02', 'RULES_TARIF_NON_APPLICABLE'],
  ];
  it.each(CASES)('%s %s %s on %s', (profession, zone, code, date, expected) => {
    expect(look(profession, zone, code, date)).toBe(expected);
  });

  it('computeFacture: AMO 10 before / after the avenant 20 date; POD 1 in the DROM; an act before 2023 refused', () => {
    const ortho = PS('orthophoniste', 'metropole');
    const at = (date: string) => ({ ps: ortho, dateFacturation: d(date), beneficiaire: { dateNaissance: d('1990-04-02') }, parcours: 'T' as const,
      lignes: [{ code: 'AMO', date: d(date), quantite: 1, coefficient: '10' }] });
    expect(expectOk(computeFacture(at('2024-01-25'))).lignes[0]!.baseRemboursement.centimes).toBe(2500);
    expect(expectOk(computeFacture(at('2024-01-26'))).lignes[0]!.baseRemboursement.centimes).toBe(2600);
    const pod = { ps: PS('pedicurePodologue', 'dom'), dateFacturation: d('2024-03-07'), beneficiaire: { dateNaissance: d('1950-04-02') }, parcours: 'T' as const,
      lignes: [{ code: 'POD', date: d('2024-03-07'), quantite: 1 }] };
    expect(expectOk(computeFacture(pod)).lignes[0]!.prixUnitaire.centimes).toBe(3150);
    expectIssue(computeFacture(at('2022-12-30')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
  });

  it('computeFacture: a sage-femme home visit in the mountains (V + MSF + MD + IKM × 8 km) on both sides of the avenant n° 7', () => {
    const visite = (zone: Zone, date: string) => ({ ps: PS('sageFemme', zone), dateFacturation: d(date), beneficiaire: { dateNaissance: d('1992-05-14') }, parcours: 'T' as const,
      lignes: [{ code: 'V', date: d(date), quantite: 1 }, { code: 'MSF', date: d(date), quantite: 1 }, { code: 'MD', date: d(date), quantite: 1 }, { code: 'IKM', date: d(date), quantite: 8 }] });
    const metro = expectOk(computeFacture(visite('metropole', '2024-02-22')));
    // 23,00 + 3,50 + 10,00 + 8 × 0,91 = 43,78 €
    expect(metro.lignes.map((l) => l.baseRemboursement.centimes)).toEqual([2300, 350, 1000, 728]);
    expect(metro.total.baseRemboursement.centimes).toBe(4378);
    const dom = expectOk(computeFacture({ ...visite('dom', '2025-06-02'), lignes: visite('dom', '2025-06-02').lignes.filter((l) => l.code !== 'MD') }));
    // DOM: 27,60 + 3,80 + 8 × 1,10 = 40,20 €
    expect(dom.total.baseRemboursement.centimes).toBe(4020);
    // The day before the avenant, the métropole IKM is a placeholder: an issue, never a silent 0.
    expectIssue(computeFacture({ ...visite('metropole', '2024-02-21'), lignes: [visite('metropole', '2024-02-21').lignes[3]!] }), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
  });

  it('computeFacture: a séance de suivi postnatal SP 9 is 27 € in 2023 (avenant 5), 27,90 € from 2024-02-22 and 28,80 € from 2025-01-01', () => {
    const sp = (date: string) => ({ ps: PS('sageFemme', 'metropole'), dateFacturation: d(date), beneficiaire: { dateNaissance: d('1994-11-03') }, parcours: 'T' as const,
      lignes: [{ code: 'SP', date: d(date), quantite: 1, coefficient: '9' }] });
    expect(['2023-03-15', '2024-02-21', '2024-02-22', '2025-01-01'].map((date) => expectOk(computeFacture(sp(date))).lignes[0]!.baseRemboursement.centimes))
      .toEqual([2700, 2700, 2790, 2880]);
  });

  it('computeFacture: an orthoptiste primo-prescription AMY 8,7 (avenant 16) and a dentist consultation C, both at 60 % (dental care at 60 % from 2023-10-15)', () => {
    const one = (profession: Profession, code: string, coefficient?: string) => ({ ps: PS(profession, 'metropole'), dateFacturation: d('2025-06-02'),
      beneficiaire: { dateNaissance: d('1985-02-11') }, parcours: 'T' as const,
      lignes: [{ code, date: d('2025-06-02'), quantite: 1, ...(coefficient === undefined ? {} : { coefficient }) }] });
    const amy = expectOk(computeFacture(one('orthoptiste', 'AMY', '8.7')));
    // 8,7 × 2,60 = 22,62 € ; AMO 60 % = 13,572 → 13,57 €
    expect([amy.total.baseRemboursement.centimes, amy.total.partAmo.centimes]).toEqual([2262, 1357]);
    const c = expectOk(computeFacture(one('chirurgienDentiste', 'C')));
    // 23 € ; AMO 60 % = 13,80 € (no PF on the dentists' acts)
    expect([c.total.baseRemboursement.centimes, c.total.partAmo.centimes, c.total.participationForfaitaire.centimes]).toEqual([2300, 1380, 0]);
  });

  it('computeFacture: a kiné télésoin (TMK) is refused before 2024-02-22 and flagged as to confirm from it', () => {
    const tmk = (date: string) => ({ ps: PS('masseurKinesitherapeute', 'metropole'), dateFacturation: d(date), beneficiaire: { dateNaissance: d('1980-01-09') }, parcours: 'T' as const,
      lignes: [{ code: 'TMK', date: d(date), quantite: 1, coefficient: '8.1' }] });
    expectIssue(computeFacture(tmk('2024-02-21')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
    expectIssue(computeFacture(tmk('2026-03-02')), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
  });
});

describe('NGAP auxiliaires: versions', () => {
  it('each table is named after the last change it carries (NGAP <profession> <date>)', () => {
    expect(NGAP_AUXILIAIRES_TABLES.map((t) => t.version)).toEqual([
      'NGAP infirmiers 2024-01-28', 'NGAP masseurs-kinésithérapeutes 2024-02-22', 'NGAP sages-femmes 2025-01-01',
      'NGAP orthophonistes 2024-01-26', 'NGAP orthoptistes 2023-01-01', 'NGAP pédicures-podologues 2024-03-07',
      'NGAP chirurgiens-dentistes 2023-01-01',
    ]);
    for (const t of NGAP_AUXILIAIRES_TABLES) {
      const last = t.rows.map((r) => r.validFrom as string).sort().at(-1);
      expect(t.version.endsWith(` ${last}`), t.version).toBe(true);
      expect(DEFAULT_REFERENTIEL.versions).toContain(t.version);
    }
    expect(NGAP_AUXILIAIRES.version).toBe('NGAP auxiliaires médicaux, sages-femmes et chirurgiens-dentistes 2025-01-01');
  });

  it('computeFacture names the table of the act in Decompte.versions', () => {
    const at = { ps: PS('orthophoniste', 'metropole'), dateFacturation: d('2025-06-02'), beneficiaire: { dateNaissance: d('1990-04-02') }, parcours: 'T' as const,
      lignes: [{ code: 'AMO', date: d('2025-06-02'), quantite: 1, coefficient: '10' }] };
    expect(expectOk(computeFacture(at)).versions).toContain('NGAP orthophonistes 2024-01-26');
  });
});

describe('properties', () => {
  const all = [...groups().values()];
  const DAY0 = toEpochDays(d('2022-06-01'));
  const DAY1 = toEpochDays(d('2027-12-31'));
  test.prop([fc.constantFrom(...all), fc.integer({ min: DAY0, max: DAY1 })], { numRuns: runs(400) })(
    'the lookup gives the latest row starting on or before the act date (oracle over the table data)', (g, day) => {
      const date = fromEpochDays(day);
      const rows = g.rows.filter((r) => (r.validFrom as string) <= date && (r.validTo === undefined || date <= r.validTo));
      const expected = rows.length === 0 ? 'RULES_TARIF_DATE' : centimes((rows[rows.length - 1] as TarifRow).prix);
      expect(look(g.profession, g.zone, g.code, date)).toBe(expected);
    });

  test.prop([fc.constantFrom(...NGAP_AUXILIAIRES_TABLES), fc.nat()], { numRuns: runs(100) })('a table reloaded alone is valid and keeps its rows', (t: TableTarifs, n) => {
    const ref = expectOk(loadReferentiel(t));
    const row = t.rows[n % t.rows.length] as TarifRow;
    expect(ref.index.get(row.code)?.some((c) => c.row === row || (c.row.validFrom === row.validFrom && c.row.zone === row.zone))).toBe(true);
  });
});
