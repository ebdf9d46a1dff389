import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import type { FactureInput, Secteur, Zone } from '../../../src/rules/index';
import { computeFacture, DEFAULT_TABLES, loadReferentiel, NGAP_MEDECINS, NGAP_MEDECINS_GERIATRIE, NGAP_MEDECINS_GYNECOLOGIE } from '../../../src/rules/index';
import type { TarifRow } from '../../../src/rules/referentiel';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { factureG, ligne } from '../../arbitraries/facture';
import { runs } from '../../helpers/runs';

const d = (s: string): PlainDate => s as PlainDate;
const ROWS: readonly TarifRow[] = NGAP_MEDECINS.rows;

function input(code: string, date: string, secteur: Secteur = '1', zone: Zone = 'metropole'): FactureInput {
  const base = factureG();
  return { ...base, dateFacturation: d(date), parcours: 'O', ps: { ...base.ps, secteur, zone }, lignes: [ligne(code, date)] };
}

/** @returns the unit price in centimes of one line of `code` at `date`. */
function prix(code: string, date: string, secteur: Secteur = '1', zone: Zone = 'metropole'): number {
  const dec = expectOk(computeFacture(input(code, date, secteur, zone)));
  return dec.lignes[0]?.prixUnitaire.centimes ?? Number.NaN;
}

function dayBefore(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** Rows for every specialty only (the PS of these tests is a generic one; rows reserved by `specialites` have their own tests). */
const applies = (r: TarifRow, secteur: Secteur, zone: Zone): boolean =>
  r.specialites === undefined && (r.secteurs === undefined || r.secteurs.includes(secteur)) && (r.zone === undefined || r.zone === zone);

/** Oracle: the latest applicable row on or before the date (rows are few: a scan is fine here). */
function rowAt(code: string, date: string, secteur: Secteur, zone: Zone): TarifRow | undefined {
  let best: TarifRow | undefined;
  for (const r of ROWS) {
    if (r.code !== code || !applies(r, secteur, zone) || (r.validFrom ?? '') > date) continue;
    if (best === undefined || (r.validFrom ?? '') > (best.validFrom ?? '')) best = r;
  }
  return best !== undefined && best.validTo !== undefined && best.validTo < date ? undefined : best;
}

const euros = (r: TarifRow | undefined): number => (r?.prix == null ? Number.NaN : Math.round(Number(r.prix) * 100));

describe('NGAP médecins: values on both sides of each change', () => {
  it('G: 25 € → 26,50 € (2023-11-01, règlement arbitral) → 30 € (2024-12-22, convention 2024)', () => {
    expect([prix('G', '2023-10-31'), prix('G', '2023-11-01'), prix('G', '2024-12-21'), prix('G', '2024-12-22')]).toEqual([2500, 2650, 2650, 3000]);
    expect(prix('G', '2026-06-01', '2-optam')).toBe(3000);
  });

  it('secteur 2 non-OPTAM: G at the tarif opposable from 2024-12-22 only; C and CS 23 € throughout', () => {
    expectIssue(computeFacture(input('G', '2024-12-21', '2')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
    expect(prix('G', '2024-12-22', '2')).toBe(3000);
    for (const date of ['2023-01-01', '2024-12-22', '2026-03-02']) expect([prix('C', date, '2'), prix('CS', date, '2'), prix('V', date, '2')]).toEqual([2300, 2300, 2300]);
  });

  it('VG follows G; GS / VGS removed on 2024-12-22 (G replaces them)', () => {
    expect([prix('VG', '2023-01-01'), prix('VG', '2023-11-01'), prix('VG', '2024-12-22')]).toEqual([2500, 2650, 3000]);
    expect([prix('GS', '2023-10-31'), prix('GS', '2024-12-21'), prix('VGS', '2024-12-21')]).toEqual([2500, 2650, 2650]);
    expectIssue(computeFacture(input('GS', '2024-12-22')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
    expectIssue(computeFacture(input('VGS', '2025-01-02')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
    expectIssue(computeFacture(input('MMG', '2024-06-03')), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
    expectIssue(computeFacture(input('MMG', '2024-12-22')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
  });

  it('CS: 23 € until 2024-12-21; 26,50 € in secteur 1 / OPTAM from 2024-12-22 (MPC folded in: 31,50 € = CS + MCS); secteur 2 stays 23 €', () => {
    expect([prix('CS', '2024-12-21'), prix('CS', '2024-12-21', '2-optam'), prix('CS', '2025-03-10', '2')]).toEqual([2300, 2300, 2300]);
    expect([prix('CS', '2024-12-22'), prix('CS', '2024-12-22', '2-optam'), prix('CS', '2026-03-02'), prix('CS', '2024-12-22', '2')]).toEqual([2650, 2650, 2650, 2300]);
    // The spécialiste correspondant's 31,50 € (ameli.fr): CS + MCS, priced as one invoice in the parcours.
    const dec = expectOk(computeFacture({ ...input('CS', '2025-03-10'), lignes: [ligne('CS', '2025-03-10'), ligne('MCS', '2025-03-10')] }));
    expect(dec.lignes.reduce((t, l) => t + l.prixUnitaire.centimes, 0)).toBe(3150);
  });

  it('MPC: a placeholder until 2024-12-21, withdrawn on 2024-12-22 (folded into CS)', () => {
    expectIssue(computeFacture(input('MPC', '2024-12-21')), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
    expectIssue(computeFacture(input('MPC', '2024-12-22')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
  });

  it('codes known from the SNDS natures de prestation without an official amount here are placeholders, not unknown codes', () => {
    for (const code of ['TE1', 'TE2', 'CCX', 'MCX', 'CCE', 'MTX', 'CRD', 'CRS', 'VRN', 'VRM', 'VRD', 'VRS']) {
      expectIssue(computeFacture(input(code, '2025-03-10')), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
      expectIssue(computeFacture(input(code, '2022-12-31')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
    }
    expect(ROWS.find((r) => r.code === 'CRS')?.libelle).toContain('samedi après-midi');
    expect(ROWS.find((r) => r.code === 'CRD')?.libelle).toContain('dimanche');
    expect(ROWS.some((r) => r.code === 'CTX')).toBe(false);
  });

  it('APC: 55 € → 56,50 € (2023-11-01) → 60 € (2024-12-22), secteur 2 on the same base', () => {
    expect([prix('APC', '2023-10-31'), prix('APC', '2023-11-01'), prix('APC', '2024-12-21'), prix('APC', '2024-12-22')]).toEqual([5500, 5650, 5650, 6000]);
    expect(prix('APC', '2025-03-10', '2')).toBe(6000);
  });

  it('psychiatre (CNPSY): 42,50 € → 50 € (2024-12-22) → 52 € (2026-01-01, the postponed 2025-07-01 wave)', () => {
    expect([prix('CNPSY', '2024-12-21'), prix('CNPSY', '2024-12-22'), prix('CNPSY', '2025-07-01'), prix('CNPSY', '2025-12-31'), prix('CNPSY', '2026-01-01')])
      .toEqual([4250, 5000, 5000, 5000, 5200]);
    expectIssue(computeFacture(input('CNPSY', '2025-03-10', '2')), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
  });

  it('pédiatre: CEH 39 € then 40 € on 2026-01-01 (not 2025-07-01); CEK 35 €; CEG 31,50 €; earlier values to confirm', () => {
    expect([prix('CEH', '2024-12-22'), prix('CEH', '2025-07-01'), prix('CEH', '2025-12-31'), prix('CEH', '2026-01-01')]).toEqual([3900, 3900, 3900, 4000]);
    expect([prix('CEK', '2024-12-22'), prix('CEG', '2024-12-22')]).toEqual([3500, 3150]);
    for (const code of ['CEH', 'CEK', 'CEG']) expectIssue(computeFacture(input(code, '2024-12-21')), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
  });

  it('COE: 46 € → 47,50 € (2023-11-01) → 54 € (2024-12-22) → 60 € (2026-01-01), at 100 % AMO', () => {
    expect([prix('COE', '2023-10-31'), prix('COE', '2023-11-01'), prix('COE', '2024-12-21'), prix('COE', '2024-12-22'), prix('COE', '2025-12-31'), prix('COE', '2026-01-01')])
      .toEqual([4600, 4750, 4750, 5400, 5400, 6000]);
    const dec = expectOk(computeFacture({ ...input('COE', '2025-03-10'), beneficiaire: { dateNaissance: d('2024-03-20') } }));
    expect(dec.total.partAmo.centimes).toBe(5400);
  });

  it('TCG: the face-to-face G (25 €) until 2023-10-31 (ameli.fr, 13/09/2018), to confirm from 2023-11-01', () => {
    expect([prix('TCG', '2023-01-01'), prix('TCG', '2023-10-31', '2-optam')]).toEqual([2500, 2500]);
    for (const date of ['2023-11-01', '2025-03-10']) expectIssue(computeFacture(input('TCG', date)), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
    expect(ROWS.find((r) => r.code === 'TCG' && r.prix !== null)?.source).toContain('ameli.fr');
  });

  it('consultation longue du médecin traitant (> 80 ans): 60 € from 2026-01-01, refused before', () => {
    for (const code of ['GL1', 'GL2', 'GL3']) {
      expectIssue(computeFacture(input(code, '2025-12-31')), 'RULES_TARIF_DATE', ['lignes', 0, 'code']);
      expect(prix(code, '2026-01-01')).toBe(6000);
    }
  });

  it('majorations: MEG 5 €, MCS 5 € (not acts); DROM values are placeholders, not métropole prices', () => {
    expect([prix('MEG', '2023-01-01'), prix('MEG', '2025-03-10'), prix('MCS', '2025-03-10')]).toEqual([500, 500, 500]);
    expect(ROWS.filter((r) => ['MEG', 'MCS', 'MN', 'MM', 'F', 'MU', 'MD', 'IK', 'CRN', 'CRM', 'CRD', 'CRS', 'VRN', 'VRM', 'VRD', 'VRS', 'MPC', 'MCG', 'MP', 'MMG', 'MCX', 'MTX'].includes(r.code)).every((r) => !r.acte)).toBe(true);
    expectIssue(computeFacture(input('G', '2025-03-10', '1', 'dom')), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
  });

  it('every change date of every priced code: the day before gives the previous row, the day itself the new one', () => {
    const secteurs: readonly Secteur[] = ['1', '2-optam', '2'];
    let checked = 0;
    for (const r of ROWS) {
      if (r.prix === null || r.validFrom === null || r.zone === 'dom') continue;
      for (const s of secteurs) {
        if (!applies(r, s, 'metropole')) continue;
        const before = dayBefore(r.validFrom);
        const prev = rowAt(r.code, before, s, 'metropole');
        expect(prix(r.code, r.validFrom, s), `${r.code} ${s} ${r.validFrom}`).toBe(euros(r));
        if (prev?.prix != null) expect(prix(r.code, before, s), `${r.code} ${s} ${before}`).toBe(euros(prev));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
  });
});

describe('NGAP médecins: every row dated and sourced', () => {
  it('no row without validFrom, source or official text; placeholders say what to confirm', () => {
    const official = /arrêté|décision UNCAM|convention médicale|règlement arbitral|avenant n° \d|ameli\.fr|service-public\.fr|NGAP/;
    for (const r of ROWS) {
      expect(r.validFrom, r.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.source.length, r.code).toBeGreaterThan(20);
      expect(r.source, r.code).toMatch(official);
      expect(r.professions).toEqual(['medecin']);
      if (r.prix === null) expect(r.source, r.code).toContain('à confirmer');
      if (r.validTo !== undefined) expect(r.validTo > (r.validFrom ?? '')).toBe(true);
    }
  });

  it('the placeholders of NGAP art. 2 bis / 14 (MCG, MN, MM, F) point to the décision UNCAM article on Légifrance; 2016 rows carry the arrêté NOR', () => {
    for (const code of ['MCG', 'MN', 'MM', 'F']) {
      const rows = ROWS.filter((r) => r.code === code);
      expect(rows.length, code).toBeGreaterThan(0);
      for (const r of rows) expect(r.source, code).toContain('https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000050685633');
    }
    for (const r of ROWS) if (r.source.includes('arrêté du 20 octobre 2016')) expect(r.source, r.code).toContain('arrêté du 20 octobre 2016, NOR AFSS1629881A');
  });

  it('history reaches 2023-01-01 for every code in force then (codes created later are listed)', () => {
    const createdLater = new Set(['GL1', 'GL2', 'GL3', 'COH', 'COK', 'COG']); // convention 2024 codes (COH/COK/COG: creation date to confirm)
    for (const code of new Set(ROWS.map((r) => r.code))) {
      if (createdLater.has(code)) continue;
      for (const s of ['1', '2-optam'] as const) {
        const first = ROWS.filter((r) => r.code === code && applies(r, s, 'metropole') && r.zone !== 'dom').map((r) => r.validFrom ?? '').sort()[0];
        if (first !== undefined) expect(first <= '2023-01-01', `${code} secteur ${s} starts ${first}`).toBe(true);
      }
    }
  });

  it('sources never name a blog, an insurer, a vendor or the press (deny-list), nor internal documents', () => {
    const deny = /egora|moniteur|orisha|mutuelle|klesia|cegedim|whatsupdoc|doctolib|qare|medaviz|lecomparateur|moneyvox|magnolia|montkine|concourspluripro|milo-kine|swisslife|april\.fr|defenseconso|goldy|europe1|francetvinfo|quotidiendumedecin|csmf|lesml|avenir-?sp[ée]|journaldunet|boursorama|SPECS|MARKET|\.\.\/shared|G history|L\.160-13/i;
    for (const r of ROWS) expect(r.source, `${r.code} ${r.validFrom}`).not.toMatch(deny);
    expect(NGAP_MEDECINS.source).not.toMatch(deny);
  });

  it('no two rows of a code overlap (same date, zone and secteur)', () => {
    const keys = new Set<string>();
    for (const r of ROWS) for (const s of r.secteurs ?? ['*']) {
      const k = `${r.code}|${r.validFrom}|${r.zone}|${s}|${r.specialites?.join(',') ?? '*'}`;
      expect(keys.has(k), k).toBe(false);
      keys.add(k);
    }
  });
});

describe('NGAP médecins: CS reserved to specialties (gériatrie 34; gynécologie 07, 70, 79), in the default table', () => {
  const SPECIALITES = [[NGAP_MEDECINS_GERIATRIE, ['34']], [NGAP_MEDECINS_GYNECOLOGIE, ['07', '70', '79', '7']]] as const;
  const withSpec = (x: FactureInput, specialite: string): FactureInput => ({ ...x, ps: { ...x.ps, specialite } });

  for (const [table, codes] of SPECIALITES) {
    for (const specialite of codes) {
      const at = (code: string, date: string, secteur: Secteur = '1'): number =>
        expectOk(computeFacture(withSpec(input(code, date, secteur), specialite))).lignes[0]?.prixUnitaire.centimes ?? Number.NaN;

      it(`${table.version}, specialty ${specialite}: CS 23 € until 2024-12-21, 32 € from 2024-12-22 (37 € with MCS, ameli.fr), to confirm from 2026-01-01`, () => {
        expect([at('CS', '2024-12-21'), at('CS', '2024-12-22'), at('CS', '2025-12-31', '2-optam')]).toEqual([2300, 3200, 3200]);
        const coord = expectOk(computeFacture(withSpec({ ...input('CS', '2025-03-10'), lignes: [ligne('CS', '2025-03-10'), ligne('MCS', '2025-03-10')] }, specialite)));
        expect(coord.lignes.reduce((t, l) => t + l.prixUnitaire.centimes, 0)).toBe(3700);
        expectIssue(computeFacture(withSpec(input('CS', '2026-01-01'), specialite)), 'RULES_TARIF_A_CONFIRMER', ['lignes', 0, 'code']);
        // Secteur 2 non-OPTAM keeps the generic base; the other codes are untouched.
        expect([at('CS', '2025-03-10', '2'), at('G', '2025-03-10'), at('APC', '2025-03-10')]).toEqual([2300, 3000, 6000]);
      });
    }

    it(`${table.version}: rows dated, sourced from official texts, never the deny-list; in NGAP_MEDECINS, reserved by specialites`, () => {
      for (const r of table.rows) {
        expect(r.validFrom, r.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(r.source).toMatch(/ameli\.fr|convention médicale/);
        expect(r.source).not.toMatch(/egora|moniteur|mutuelle|csmf|lesml|fmf|usmy|SPECS|\.\.\/shared/i);
        expect(r.majorationParcours).toBe('MCS');
        expect(r.specialites?.length).toBeGreaterThan(0);
        expect(NGAP_MEDECINS.rows).toContain(r);
        if (r.prix === null) expect(r.source).toContain('à confirmer');
      }
      expect(table.version).toMatch(/^NGAP médecins (gériatrie|gynécologie) 2026-01-01$/);
      // Loading the table again after the defaults changes nothing (same rows, same scope).
      const referentiel = expectOk(loadReferentiel([...DEFAULT_TABLES, table]));
      const x = withSpec(input('CS', '2025-03-10'), codes[0]);
      expect(expectOk(computeFacture(x, { referentiel })).lignes[0]?.prixUnitaire.centimes).toBe(3200);
    });
  }

  it('another specialty keeps the generic specialist CS (26,50 € from 2024-12-22)', () => {
    expect(prix('CS', '2025-03-10')).toBe(2650);
    for (const specialite of ['03', '12', '77', '1']) {
      expect(expectOk(computeFacture(withSpec(input('CS', '2025-03-10'), specialite))).lignes[0]?.prixUnitaire.centimes, specialite).toBe(2650);
    }
  });

  it('the DA cap hors parcours of a gériatre is on the in-parcours tariff CS + MCS = 37 €', () => {
    const cs = (centimes: number): FactureInput => withSpec({ ...input('CS', '2025-03-10'), parcours: 'S', lignes: [ligne('CS', '2025-03-10', { montantFacture: { centimes }, motifDepassement: 'DA' })] }, '34');
    const dec = expectOk(computeFacture(cs(4347)));
    expect(dec.total.baseRemboursement.centimes).toBe(3200);
    expect(dec.trace.find((st) => st.rule === 'depassement.da-plafond')?.inputs['tarifParcours']).toBe('37.00');
    expectIssue(computeFacture(cs(4400)), 'RULES_DEPASSEMENT_PLAFOND', ['lignes', 0, 'montantFacture']);
  });

  it('a table row with an empty or non-numeric specialites list is refused (RULES_TABLE_ROW)', () => {
    const row = NGAP_MEDECINS_GERIATRIE.rows[0] as TarifRow;
    for (const specialites of [[], ['gériatrie'], ['123']]) {
      expectIssue(loadReferentiel([{ ...NGAP_MEDECINS_GERIATRIE, rows: [{ ...row, specialites }] }]), 'RULES_TABLE_ROW');
    }
  });
});

describe('NGAP médecins: version', () => {
  it('is named after the last change the table carries (NGAP médecins 2026-01-01), shown in Decompte.versions and the trace', () => {
    const last = ROWS.map((r) => r.validFrom ?? '').sort().at(-1);
    expect(last).toBe('2026-01-01');
    expect(NGAP_MEDECINS.version).toBe('NGAP médecins 2026-01-01');
    const dec = expectOk(computeFacture(input('G', '2026-03-02')));
    expect(dec.versions).toContain('NGAP médecins 2026-01-01');
    expect(JSON.stringify(dec.trace[0])).toContain('NGAP médecins 2026-01-01');
  });
});

describe('properties', () => {
  const priced = [...new Set(ROWS.filter((r) => r.prix !== null).map((r) => r.code))];
  const day = fc.integer({ min: 0, max: 4 * 365 }).map((n) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10));

  test.prop([fc.constantFrom(...priced), day, fc.constantFrom<Secteur>('1', '2-optam', '2')], { numRuns: runs(300) })(
    'the engine prices a code at a date with the latest row on or before it, or says why not',
    (code, date, secteur) => {
      const r = computeFacture(input(code, date, secteur));
      const row = rowAt(code, date, secteur, 'metropole');
      if (row?.prix != null) expect(expectOk(r).lignes[0]?.prixUnitaire.centimes).toBe(euros(row));
      else expect(r.ok).toBe(false);
    },
  );
});
