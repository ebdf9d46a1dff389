/**
 * LPP (liste des produits et prestations): the code list of the SNDS table NT_LPP, loaded by the
 * caller from the public CSV (not shipped: 24 kB gzipped for the codes, 145 kB with labels,
 * twice in the package), and caller tariffs turned into référentiel rows.
 *
 * No tariffs: there is no current public machine-readable LPP tariff file among the sources at
 * hand (NT_LPP holds codes and labels; the SNDS data dates from 2021). The caller supplies the
 * tariffs (from the LPP published by the CNAM, arrêtés and avis de prix au JO).
 */
import type { PlainDate } from '../../core/date/index';
import { isPlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok, resultOf } from '../../core/issues/index';
import { field, guardArray, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { parseMoney } from '../../core/money/index';
import type { Profession } from '../model';
import type { TableTarifs, TarifRow } from '../referentiel';
import { SNDS_CODES } from './codes';

const issue = createIssueFactory(SNDS_CODES);

/** One LPP code. */
export interface LppCode {
  /** Code LPP on 7 digits. */
  readonly code: string;
  /** Label (`LPP_RED_LIB`). */
  readonly libelle: string;
  /** End of validity (`LPP_VAL_DTF`): not in force after this day. */
  readonly finValidite?: PlainDate;
}

/** An LPP code list (`parseLppCsv`). */
export interface LppListe {
  /** Where the list comes from (for issues and the trace). */
  readonly source: string;
  /** Codes by 7-digit code. */
  readonly codes: ReadonlyMap<string, LppCode>;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `29MAR2005:00:00:00` → `2005-03-29`. */
function sasDate(text: string): string | undefined {
  const m = /^(\d{2})([A-Z]{3})(\d{4})/.exec(text);
  const month = m === null ? -1 : MONTHS.indexOf(m[2] ?? '');
  if (m === null || month < 0) return undefined;
  const d = `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]}`;
  return isPlainDate(d) ? d : undefined;
}

/** Splits one `;` line, honouring `"` quoting (`""` is a quote). */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line.charCodeAt(i) === 34) {
      let text = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) { text += line.slice(j); j = line.length; break; }
        text += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) { text += '"'; j = q + 2; continue; }
        j = q + 1;
        break;
      }
      cells.push(text);
      const sep = line.indexOf(';', j);
      i = sep < 0 ? line.length + 1 : sep + 1;
    } else {
      const sep = line.indexOf(';', i);
      cells.push(sep < 0 ? line.slice(i) : line.slice(i, sep));
      i = sep < 0 ? line.length + 1 : sep + 1;
    }
  }
  return cells;
}

/**
 * Reads the SNDS table NT_LPP (`;`-separated CSV with its header) into a code list.
 *
 * @param text - The file's text (NT_LPP.csv of the SNDS nomenclatures, or a newer export with the same columns).
 * @param source - How to cite it (default the SNDS 2021 attribution).
 * @returns The list, or `SNDS_LPP_CSV` when the header is unreadable or no code is read (an unreadable line is skipped with a `SNDS_LPP_CSV` warning, the first 20 reported).
 */
export function parseLppCsv(text: string, source = 'Source : CNAM / Health Data Hub, nomenclatures du SNDS, 2021 (NT_LPP)'): Result<LppListe> {
  const guard: Issue[] = [];
  const csv = guardString(text, ['text'], guard, { max: 64 * 1024 * 1024, expected: 'texte du fichier NT_LPP.csv' });
  const src = guardString(source, ['source'], guard, { max: 1000 });
  if (csv === undefined || src === undefined) return inputErr(guard);
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitLine(lines[0] ?? '');
  const ci = header.indexOf('LPP_PRS_IDE'), li = header.indexOf('LPP_RED_LIB'), fi = header.indexOf('LPP_VAL_DTF');
  if (ci < 0 || li < 0 || fi < 0) return err(issue('SNDS_LPP_CSV', { path: ['text'], received: `en-tête « ${header.slice(0, 4).join(';')} »` }));
  const codes = new Map<string, LppCode>();
  const issues: Issue[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n] ?? '';
    if (line === '') continue;
    const cells = splitLine(line);
    const code = cells[ci] ?? '';
    const fin = cells[fi] ?? '';
    const finValidite = fin === '' ? undefined : sasDate(fin);
    if (!/^\d{7}$/.test(code) || (fin !== '' && finValidite === undefined)) {
      if (issues.length < 20) issues.push(issue('SNDS_LPP_CSV', { path: ['text'], severity: 'warning', received: `ligne ${n + 1} (ignorée) : « ${line.slice(0, 60)} »`, source: { record: n + 1 } }));
      continue;
    }
    codes.set(code, Object.freeze(finValidite === undefined ? { code, libelle: (cells[li] ?? '').trim() } : { code, libelle: (cells[li] ?? '').trim(), finValidite: finValidite as PlainDate }));
  }
  if (codes.size === 0) return err(issue('SNDS_LPP_CSV', { path: ['text'], received: 'aucun code LPP' }), ...issues);
  return resultOf({ source: src, codes }, issues);
}

/**
 * Finds an LPP code in a list, optionally at a date.
 *
 * @param liste - The list (`parseLppCsv`).
 * @param code - Code LPP (7 digits).
 * @param date - Date of dispensation: the code must not have ended before it.
 * @returns The code, `SNDS_CODE_INCONNU` or `SNDS_HORS_PERIODE`.
 */
export function findLppCode(liste: LppListe, code: string, date?: PlainDate): Result<LppCode> {
  const guard: Issue[] = [];
  const l = guardObject(liste, ['liste'], guard);
  const day = guardPlainDate(date, ['date'], guard, { required: false });
  const codes = l === undefined ? undefined : field(l, 'codes');
  if (guard.length === 0 && !(codes instanceof Map)) guard.push(issue('SNDS_LPP_CSV', { path: ['liste'], received: 'pas une liste LPP (parseLppCsv)' }));
  if (guard.length > 0 || !(codes instanceof Map)) return inputErr(guard);
  const raw: unknown = typeof code === 'string' ? codes.get(code) : undefined;
  const found = typeof raw === 'object' && raw !== null ? raw as LppCode : undefined;
  if (found === undefined) return err(issue('SNDS_CODE_INCONNU', { path: ['code'], expected: 'LPP', received: code }));
  if (day !== undefined && found.finValidite !== undefined && day > found.finValidite) {
    return err(issue('SNDS_HORS_PERIODE', { path: ['date'], received: code, expected: `${day}, fin de validité ${found.finValidite}` }));
  }
  return ok(found);
}

/** A tariff supplied by the caller for one LPP code. */
export interface TarifLpp {
  /** Code LPP (7 digits). */
  readonly code: string;
  /** Tarif de responsabilité in euros (`'12.34'`). */
  readonly prix: string;
  /** First day of the tariff. */
  readonly validFrom: PlainDate;
  /** Last day, when known. */
  readonly validTo?: PlainDate;
  /** Label (default the list's, else the code). */
  readonly libelle?: string;
  /** AMO rate in percent (default `'60'`). */
  readonly tauxPourcent?: string;
  /** Official text (arrêté or avis de prix, JO date). */
  readonly source: string;
}

/** Options of {@link lppTarifTable}. */
export interface LppTarifOptions {
  /** The LPP code list to check the codes against (`parseLppCsv`); without it codes are checked for shape only. */
  readonly liste?: LppListe;
  /** Professions that may bill the rows (default all). */
  readonly professions?: readonly Profession[];
  /** Version of the table (default `'LPP (tarifs appelant)'`). */
  readonly version?: string;
}

const ALL: readonly Profession[] = ['medecin', 'sageFemme', 'chirurgienDentiste', 'infirmier', 'masseurKinesitherapeute', 'orthophoniste', 'orthoptiste', 'pedicurePodologue', 'pharmacien', 'transporteur'];

/**
 * Turns the caller's LPP tariffs into a référentiel table, checking each code against the LPP
 * list (a code absent from it is a warning: the SNDS list dates from 2021).
 *
 * @param tarifs - The caller's tariffs.
 * @param options - Code list, professions, version.
 * @returns The table (`nomenclature: 'lpp'`), or `SNDS_LPP_TARIF` / `INPUT_*` issues.
 * @example
 * const lpp = unwrap(lppTarifTable([{ code: '1100028', prix: '18.00', validFrom: plainDate('2025-01-01'), source: 'arrêté du …, JO du …' }], { liste }));
 */
export function lppTarifTable(tarifs: readonly TarifLpp[], options: LppTarifOptions = {}): Result<TableTarifs> {
  const issues: Issue[] = [];
  const list = guardArray(tarifs, ['tarifs'], issues, { max: 100_000 });
  const o = guardObject(options, ['options'], issues);
  if (list === undefined || o === undefined) return inputErr(issues);
  const rawListe = field(o, 'liste');
  const liste = rawListe !== undefined && guardObject(rawListe, ['options', 'liste'], issues) !== undefined && field(rawListe as object as Record<string, unknown>, 'codes') instanceof Map ? rawListe as LppListe : undefined;
  if (rawListe !== undefined && liste === undefined && issues.length === 0) issues.push(issue('SNDS_LPP_CSV', { path: ['options', 'liste'], received: 'pas une liste LPP (parseLppCsv)' }));
  const professions = guardArray(field(o, 'professions'), ['options', 'professions'], issues, { required: false, min: 1, max: 10 });
  const version = guardString(field(o, 'version'), ['options', 'version'], issues, { required: false, max: 200 }) ?? 'LPP (tarifs appelant)';
  if (professions !== undefined && professions.some((p) => typeof p !== 'string' || !ALL.includes(p as Profession))) issues.push(issue('SNDS_LPP_TARIF', { path: ['options', 'professions'], received: professions }));
  if (issues.length > 0) return inputErr(issues);
  const rows: TarifRow[] = [];
  list.forEach((raw, i) => {
    const t = guardObject(raw, ['tarifs', i], issues);
    if (t === undefined) return;
    const code = field(t, 'code'), prix = field(t, 'prix'), validFrom = field(t, 'validFrom'), validTo = field(t, 'validTo');
    const libelle = field(t, 'libelle'), taux = field(t, 'tauxPourcent'), source = field(t, 'source');
    const money = typeof prix === 'string' ? parseMoney(prix) : undefined;
    if (typeof code !== 'string' || !/^\d{7}$/.test(code) || money?.ok !== true || money.value.centimes < 0 || typeof validFrom !== 'string' || !isPlainDate(validFrom) ||
      (validTo !== undefined && (typeof validTo !== 'string' || !isPlainDate(validTo) || validTo < validFrom)) || (libelle !== undefined && typeof libelle !== 'string') ||
      (taux !== undefined && (typeof taux !== 'string' || !/^\d{1,3}(\.\d{1,2})?$/.test(taux))) || typeof source !== 'string' || source === '') {
      issues.push(issue('SNDS_LPP_TARIF', { path: ['tarifs', i], received: [code, prix, validFrom] }));
      return;
    }
    const known = liste?.codes.get(code);
    if (liste !== undefined && known === undefined) issues.push(issue('SNDS_LPP_CODE_INCONNU', { path: ['tarifs', i, 'code'], received: code, expected: liste.source }));
    if (known?.finValidite !== undefined && validFrom > known.finValidite) {
      issues.push(issue('SNDS_HORS_PERIODE', { path: ['tarifs', i, 'validFrom'], received: code, expected: `${validFrom}, fin de validité ${known.finValidite}` }));
      return;
    }
    const row: { -readonly [K in keyof TarifRow]: TarifRow[K] } = {
      code, libelle: typeof libelle === 'string' ? libelle : known?.libelle ?? `LPP ${code}`, nomenclature: 'lpp',
      professions: (professions as readonly Profession[] | undefined) ?? ALL, validFrom: validFrom as PlainDate, prix: prix as string, acte: false,
      tauxPourcent: typeof taux === 'string' ? taux : '60', source,
    };
    const end = validTo ?? known?.finValidite;
    if (end !== undefined) row.validTo = end as PlainDate;
    rows.push(row);
  });
  const dates = rows.map((r) => r.validFrom ?? '').sort();
  return resultOf({ source: `LPP : tarifs de l’appelant${liste === undefined ? '' : ` ; codes : ${liste.source}`}`, version, date: (dates[dates.length - 1] || '2021-01-01') as PlainDate, rows }, issues);
}
