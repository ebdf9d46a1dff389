/**
 * The CCAM as tariff rows of the référentiel, so `computeFacture` prices CCAM lines like NGAP
 * ones: one row per act × activité × phase × period × tariff column.
 *
 * - Key: `CODE` for activité 1 phase 0, `CODE/a` for activité a phase 0, `CODE/a/p` otherwise
 *   (the line's `activite` and `phase` choose it).
 * - Tariff columns: « secteur 1 / adhérent OPTAM-OPTAM-ACO » for secteurs `1` and `2-optam`,
 *   « hors secteur 1 / hors OPTAM » for secteur `2`.
 * - « Non pris en charge » rows are kept, marked `priseEnCharge: false` (the act is known, not
 *   reimbursable: `RULES_ACTE_NON_PRIS_EN_CHARGE`); a blank tariff is `prix: null` (to confirm).
 * - Professions: the CCAM is billed by médecins, chirurgiens-dentistes and sages-femmes.
 */
import type { PlainDate } from '../../core/date/index';
import type { Secteur } from '../model';
import type { TableTarifs, TarifRow } from '../referentiel';
import type { CcamHistory, CcamPeriode } from './model';
import { assert } from '../../core/issues/index';
import { assertHistory } from './history';

const S1: readonly Secteur[] = ['1', '2-optam'];
const HS1: readonly Secteur[] = ['2'];
const PROFESSIONS = ['medecin', 'chirurgienDentiste', 'sageFemme'] as const;

/**
 * The référentiel key of a CCAM act's activité and phase.
 *
 * @param code - Act code.
 * @param activite - Code activité (default `'1'`).
 * @param phase - Code phase (default `'0'`).
 * @returns `CODE`, `CODE/a` or `CODE/a/p`.
 */
export function ccamKey(code: string, activite = '1', phase = '0'): string {
  assert(typeof code === 'string' && typeof activite === 'string' && typeof phase === 'string', 'ccamKey expects code, activité and phase as strings');
  if (phase !== '0') return `${code}/${activite}/${phase}`;
  return activite === '1' ? code : `${code}/${activite}`;
}

/**
 * Turns a dated CCAM into a tariff table for `loadReferentiel`.
 *
 * @param history - The CCAM history (`parseCcamHistory(CCAM_COMPACT)` or a vendor's newer file).
 * @returns The table; its version names the CCAM versions (`CCAM V78 + CCAM V81`).
 */
export function ccamTarifTable(history: CcamHistory): TableTarifs {
  assertHistory(history);
  const rows = ccamRows(history);
  const last = history.versions[history.versions.length - 1];
  return {
    source: history.versions.map((v) => v.source).join(' ; '),
    version: history.versions.map((v) => v.version).join(' + '),
    date: (last?.applicable ?? '2025-02-01') as PlainDate,
    rows,
  };
}

/**
 * The tariff rows of every act of a history (internal: the table and the lazy référentiel).
 *
 * @param history - A CCAM history.
 * @returns Two rows per act period × activité × phase (one per tariff column).
 */
export function ccamRows(history: CcamHistory): TarifRow[] {
  const rows: TarifRow[] = [];
  const sourceOf = new Map(history.versions.map((v) => [v.version, v.source] as const));
  const debut = history.versions[0]?.applicable;
  for (const periods of history.actes.values()) {
    for (const p of periods) pushRows(rows, p, sourceOf.get(p.version) ?? p.version, debut);
  }
  return rows;
}

function pushRows(rows: TarifRow[], p: CcamPeriode, source: string, debutTable: PlainDate | undefined): void {
  // The bracket list sits on the line under the act's code in CNAM's sheet, which the export may
  // attach to any activity row: it is the act's list, for all its activités.
  const allowed = [...new Set(p.activites.flatMap((a) => a.modificateurs))].join('');
  for (const a of p.activites) {
    const code = ccamKey(p.code, a.activite, a.phase);
    for (const [secteurs, prix] of [[S1, a.secteur1], [HS1, a.horsSecteur1]] as const) {
      const row: { -readonly [K in keyof TarifRow]: TarifRow[K] } = {
        code,
        libelle: p.libelle,
        nomenclature: 'ccam',
        professions: PROFESSIONS,
        secteurs,
        validFrom: p.validFrom,
        prix: prix === undefined || prix === null ? null : prix,
        acte: true,
        source,
      };
      if (prix === null) row.priseEnCharge = false;
      row.modificateurs = allowed;
      if (p.exonerationTm !== '') row.exonerationTm = p.exonerationTm;
      if (debutTable !== undefined) row.debutTable = debutTable;
      if (p.validTo !== undefined) row.validTo = p.validTo;
      rows.push(row);
    }
  }
}
