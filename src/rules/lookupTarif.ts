/**
 * lookupTarif: finds the tariff row of a code at a date for a PS (internal).
 */
import type { Issue, IssuePath } from '../core/issues/index';
import { issue } from './checks';
import type { ProfessionnelSante, Zone } from './model';
import type { CompiledRow, Referentiel } from './referentiel';

/** What the PS brings to the lookup, precomputed once per invoice. */
export interface LookupKey {
  readonly professionBit: number;
  readonly secteurBit: number;
  readonly zone: Zone;
  /** The PS's specialty code, two digits (rows reserved to specialties are matched against it). */
  readonly specialite: string;
  /** The PS, named in `RULES_TARIF_NON_APPLICABLE` (Hint: the label is built only then). */
  readonly ps: ProfessionnelSante;
}

/**
 * Returns the row in force at the date for the PS, or pushes `RULES_CODE_INCONNU`,
 * `RULES_TARIF_NON_APPLICABLE`, `RULES_TARIF_DATE` (act before the code existed, or after its
 * withdrawal) or `RULES_TARIF_A_CONFIRMER` (placeholder row).
 *
 * @param ref - The référentiel.
 * @param code - The lookup key (`'G'`, `'DEQP003/4'`, `'+F'`).
 * @param date - The act date.
 * @param day - The same date as a day number (compared with the rows' `fromDay` / `toDay`).
 * @param key - Profession, secteur and zone of the PS.
 * @param i - Line index, for the issue path.
 * @param k - Modificateur index (path `['lignes', i, 'modificateurs', k]`), or −1 for the code (`['lignes', i, 'code']`).
 * @param issues - Collector.
 * @returns The row, or undefined.
 */
export function lookupTarif(ref: Referentiel, code: string, date: string, day: number, key: LookupKey, i: number, k: number, issues: Issue[]): CompiledRow | undefined {
  const rows = ref.index.get(code) ?? ref.resolve?.(code);
  if (rows === undefined) {
    issues.push(issue('RULES_CODE_INCONNU', { path: pathOf(i, k), received: code }));
    return undefined;
  }
  // Rows reserved to the PS's specialty, in force at the date, come first (same zone order).
  if (hasSpecialtyRows(rows)) {
    if (key.zone === 'dom') {
      const dom = find(rows, day, key, 'dom', key.specialite);
      if (dom >= 0) return settle(dom, rows, code, date, day, key, i, k, issues);
    }
    const spec = find(rows, day, key, undefined, key.specialite);
    if (spec >= 0) return settle(spec, rows, code, date, day, key, i, k, issues);
  }
  // A DOM PS takes the code's DOM rows first; rows without zone (métropole value) are its fallback.
  if (key.zone === 'dom') {
    const dom = find(rows, day, key, 'dom', undefined);
    if (dom !== NONE && dom !== NOT_APPLICABLE && dom !== TOO_EARLY) return settle(dom, rows, code, date, day, key, i, k, issues);
  }
  return settle(find(rows, day, key, undefined, undefined), rows, code, date, day, key, i, k, issues);
}

function hasSpecialtyRows(rows: readonly CompiledRow[]): boolean {
  for (let r = 0; r < rows.length; r++) if ((rows[r] as CompiledRow).specialites !== undefined) return true;
  return false;
}

/** Sentinels of {@link find}. */
const NONE = -1;
const NOT_APPLICABLE = -2;
const TOO_EARLY = -3;

/**
 * Index of the row in force at the day for the PS (latest start first), or a sentinel: no row
 * applies to the PS, or rows apply but none covers the day. `specialite`: only the rows reserved
 * to that specialty; undefined: only the rows for every specialty.
 */
function find(rows: readonly CompiledRow[], day: number, key: LookupKey, zone: Zone | undefined, specialite: string | undefined): number {
  let applicable = false;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as CompiledRow;
    // The generic pass (`specialite` undefined) ignores rows reserved to specialties; the specialty pass takes only those of the PS's.
    if (specialite === undefined ? row.specialites !== undefined : row.specialites === undefined || !row.specialites.includes(specialite)) continue;
    if ((row.professionMask & key.professionBit) === 0 || (row.secteurMask !== 0 && (row.secteurMask & key.secteurBit) === 0)) continue;
    if (zone === undefined ? row.zone !== undefined && row.zone !== key.zone : row.zone !== zone) continue;
    applicable = true;
    if (row.fromDay > day) continue;
    return row.toDay < day ? TOO_EARLY : r;
  }
  return applicable ? TOO_EARLY : NOT_APPLICABLE;
}

function settle(found: number, rows: readonly CompiledRow[], code: string, date: string, day: number, key: LookupKey, i: number, k: number, issues: Issue[]): CompiledRow | undefined {
  if (found >= 0) {
    const row = rows[found] as CompiledRow;
    if (row.row.priseEnCharge === false) {
      issues.push(issue('RULES_ACTE_NON_PRIS_EN_CHARGE', { path: pathOf(i, k), received: code }));
      return undefined;
    }
    if (row.prix === null) {
      issues.push(issue('RULES_TARIF_A_CONFIRMER', { path: pathOf(i, k), received: code }));
      return undefined;
    }
    if (row.row.validFrom === null) {
      // Start unknown: nothing says the code had this price at this date.
      issues.push(issue('RULES_TARIF_DATE', { path: pathOf(i, k), received: `${code} (début de validité non attesté)`, expected: date }));
      return undefined;
    }
    return row;
  }
  const oldest = rows[rows.length - 1];
  if (found === TOO_EARLY && oldest !== undefined && oldest.row.debutTable !== undefined && oldest.row.validFrom === oldest.row.debutTable && oldest.fromDay > day) {
    // Before the first CCAM version loaded: the act may have existed, the table does not say.
    issues.push(issue('RULES_CCAM_AVANT_VERSION', { path: pathOf(i, k), received: `${code} (${date})`, expected: oldest.row.source }));
  } else if (found === TOO_EARLY) issues.push(issue('RULES_TARIF_DATE', { path: pathOf(i, k), received: code, expected: date }));
  else issues.push(issue('RULES_TARIF_NON_APPLICABLE', { path: pathOf(i, k), received: code, expected: `${key.ps.profession}, secteur ${key.ps.secteur}, ${key.ps.zone}` }));
  return undefined;
}

/** @returns the issue path of a line's code or of one of its modificateurs (built only for an issue). */
function pathOf(i: number, k: number): IssuePath {
  return k < 0 ? ['lignes', i, 'code'] : ['lignes', i, 'modificateurs', k];
}
