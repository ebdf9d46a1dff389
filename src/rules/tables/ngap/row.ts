/**
 * Shared helpers of the NGAP tables of the auxiliaires médicaux, sages-femmes and
 * chirurgiens-dentistes (one file per profession in this folder).
 *
 * Every row is dated: values already in force on {@link DEBUT_HISTORIQUE} start on that day
 * (the source names the text that set them); an act dated earlier is refused with
 * `RULES_TARIF_DATE` rather than priced by an undated row. Later changes start on the day the
 * text makes them applicable. A conventional revaluation applies at the earliest six months
 * after the approval of the avenant (Code de la sécurité sociale, art. L.162-14-1-1).
 */
import type { PlainDate } from '../../../core/date/index';
import type { Profession, Zone } from '../../model';
import type { TableTarifs, TarifRow } from '../../referentiel';
import { ngapVersion } from '../../versions';

/** First day of the history these tables carry (the one-year billing window plus late returns). */
export const DEBUT_HISTORIQUE = '2023-01-01';

/** Date of the last check of the tables against their sources. */
export const DATE_VERIFICATION = '2026-12-02' as PlainDate;

/** CSS art. L.162-14-1-1: a revaluation applies six months after the approval of the avenant. */
export const DELAI_SIX_MOIS = 'applicable six mois après l’approbation (Code de la sécurité sociale, art. L.162-14-1-1)';

/** Optional fields of a row. */
export interface RowExtra {
  /** Last day of validity (inclusive). */
  readonly validTo?: string;
}

/**
 * Builds one NGAP row of a profession table.
 *
 * @param professions - Professions that bill the code.
 * @param zone - Zone of the tariff (métropole or DOM).
 * @param code - Code acte (NGAP letter key, majoration, indemnité).
 * @param libelle - Label.
 * @param validFrom - First day of validity (`YYYY-MM-DD`, never null).
 * @param prix - Unit price in euros, or `null` for a placeholder (`RULES_TARIF_A_CONFIRMER`).
 * @param acte - Whether the line is an act (false for majorations and indemnités).
 * @param source - The official text (and page) the figure comes from.
 * @param extra - `validTo` when a later value is not known.
 * @returns The row.
 */
export function ngapRow(
  professions: readonly Profession[], zone: Zone, code: string, libelle: string,
  validFrom: string, prix: string | null, acte: boolean, source: string, extra: RowExtra = {},
): TarifRow {
  const row: TarifRow = { code, libelle, nomenclature: 'ngap', professions, zone, validFrom: validFrom as PlainDate, prix, acte, source };
  return extra.validTo === undefined ? row : { ...row, validTo: extra.validTo as PlainDate };
}

/**
 * Builds a profession's NGAP table: its version is named after the last change it carries
 * (`'NGAP infirmiers 2024-01-28'`, see `ngapVersion`), its date is {@link DATE_VERIFICATION}.
 *
 * @param profession - The profession, as written in the version name (`'infirmiers'`).
 * @param source - The texts the table comes from.
 * @param rows - The dated rows.
 * @returns The table.
 */
export function ngapTable(profession: string, source: string, rows: readonly TarifRow[]): TableTarifs {
  return { source, version: ngapVersion(profession, rows), date: DATE_VERIFICATION, rows };
}
