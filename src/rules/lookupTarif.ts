/**
 * lookupTarif: finds the tariff row of a code at a date for a PS (internal).
 */
import type { Issue, IssuePath } from '../core/issues/index';
import { issue } from './checks';
import type { Zone } from './model';
import type { CompiledRow, Referentiel } from './referentiel';

/** What the PS brings to the lookup, precomputed once per invoice. */
export interface LookupKey {
  readonly professionBit: number;
  readonly secteurBit: number;
  readonly zone: Zone;
  readonly label: string;
}

/**
 * Returns the row in force at the date for the PS, or pushes `RULES_CODE_INCONNU`,
 * `RULES_TARIF_NON_APPLICABLE`, `RULES_TARIF_DATE` (act before the code existed, or after its
 * withdrawal) or `RULES_TARIF_A_CONFIRMER` (placeholder row).
 *
 * @param ref - The référentiel.
 * @param code - The lookup key (`'G'`, `'DEQP003/4'`, `'+F'`).
 * @param date - The act date.
 * @param key - Profession, secteur and zone of the PS.
 * @param path - Where the code is in the input.
 * @param issues - Collector.
 * @returns The row, or undefined.
 */
export function lookupTarif(ref: Referentiel, code: string, date: string, key: LookupKey, path: IssuePath, issues: Issue[]): CompiledRow | undefined {
  const rows = ref.index.get(code);
  if (rows === undefined) {
    issues.push(issue('RULES_CODE_INCONNU', { path, received: code }));
    return undefined;
  }
  let applicable = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as CompiledRow;
    if ((r.professionMask & key.professionBit) === 0 || (r.secteurMask !== 0 && (r.secteurMask & key.secteurBit) === 0) ||
      (r.zone !== undefined && r.zone !== key.zone)) continue;
    applicable = true;
    if (r.from > date) continue;
    if (r.to < date) break;
    if (r.prix === null) {
      issues.push(issue('RULES_TARIF_A_CONFIRMER', { path, received: code }));
      return undefined;
    }
    return r;
  }
  if (applicable) issues.push(issue('RULES_TARIF_DATE', { path, received: code, expected: date }));
  else issues.push(issue('RULES_TARIF_NON_APPLICABLE', { path, received: code, expected: key.label }));
  return undefined;
}
