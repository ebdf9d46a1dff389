/**
 * The versions of the tables that price an invoice (issue #11 §4: each table carries its version,
 * named in the trace's first step and in the Decompte), e.g.
 * `['NGAP médecins 2026-01-01', 'NGAP infirmiers 2024-01-28', …, 'CCAM V78', 'CCAM V81', 'parametres-2026.12']`.
 */

/**
 * Names an NGAP table after the last regulatory change it carries: `NGAP <profession> <date>`,
 * the date being the latest first day of validity of its rows (`'NGAP médecins 2026-01-01'`:
 * the tariffs in force from 1 January 2026). A release that adds a later change renames the
 * table; a correction of a figure at an earlier date does not.
 *
 * @param profession - The profession(s) the table covers, as written in the name (`'médecins'`).
 * @param rows - The table's rows (their `validFrom`; `null` or non-dates are ignored).
 * @returns The version name (`'NGAP médecins'` alone when no row is dated).
 * @example ngapVersion('orthophonistes', rows) // 'NGAP orthophonistes 2024-01-26'
 */
export function ngapVersion(profession: string, rows: readonly { readonly validFrom: string | null }[]): string {
  let last = '';
  for (const r of Array.isArray(rows) ? rows : []) {
    const from: unknown = typeof r === 'object' && r !== null ? r.validFrom : undefined;
    if (typeof from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(from) && from > last) last = from;
  }
  return last === '' ? `NGAP ${profession}` : `NGAP ${profession} ${last}`;
}

/** Hint: one frozen list per référentiel × parameters version (computeFacture runs in a hot loop). */
const cache = new WeakMap<object, Map<string, readonly string[]>>();

/**
 * Splits a table version (`'CCAM V78 + CCAM V81'`: tables joined with ` + `) into its versions.
 *
 * @param version - A table's or référentiel's version text.
 * @returns The versions, the `(date)` that `loadReferentiel` appends removed.
 */
export function splitVersions(version: string): string[] {
  return version.split(' + ').map((v) => v.replace(/ \(\d{4}-\d{2}-\d{2}\)$/, '').trim()).filter((v) => v !== '');
}

/**
 * The versions behind a computation: the référentiel's tables, then the parameters.
 *
 * @param ref - The référentiel (its `versions`, else its `version` text split on ` + `).
 * @param parametres - The parameters' version.
 * @returns A frozen list (the same array for the same référentiel and parameters).
 */
export function versionsOf(ref: { readonly version: string; readonly versions?: readonly string[] }, parametres: string): readonly string[] {
  let byParams = cache.get(ref);
  if (byParams === undefined) {
    byParams = new Map();
    cache.set(ref, byParams);
  }
  let list = byParams.get(parametres);
  if (list === undefined) {
    const listed = Array.isArray(ref.versions) && ref.versions.every((v) => typeof v === 'string') ? ref.versions : typeof ref.version === 'string' ? splitVersions(ref.version) : [];
    list = Object.freeze([...listed, ...(typeof parametres === 'string' && parametres !== '' ? [parametres] : [])]);
    byParams.set(parametres, list);
  }
  return list;
}
