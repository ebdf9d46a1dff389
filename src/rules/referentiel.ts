/**
 * Référentiel (tariff reference): dated tariff rows as data, compiled into an index keyed by
 * code. A newer table is loaded with `loadReferentiel` (data, not code) and passed to
 * `computeFacture` through `options.referentiel`.
 *
 * One row per code × valid-from (× valid-to) × zone × secteur × profession (NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024)).
 * The act date chooses the row: the latest row whose `validFrom` is on or before the date.
 */
import type { PlainDate } from '../core/date/index';
import { addDays, isPlainDate } from '../core/date/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, resultOf } from '../core/issues/index';
import type { Rec } from '../core/guard/index';
import { field, guardArray, guardBoolean, guardEnum, guardObject, guardPlainDate, guardString, inputErr, inputIssue } from '../core/guard/index';
import type { Factor, Money } from '../core/money/index';
import { formatDecimal, formatPercent, isFactorText, parseMoney, percent } from '../core/money/index';
import { dayNumber } from './checks';
import { RULES_CODES } from './codes';
import { splitVersions } from './versions';
import type { Profession, Secteur, Zone } from './model';

const issue = createIssueFactory(RULES_CODES);

/** Nomenclature of a row: NGAP (letter key × coefficient), CCAM, NABM (biologie, B × coefficient), LPP, médicament, transport. */
export type Nomenclature = 'ngap' | 'ccam' | 'nabm' | 'lpp' | 'medicament' | 'transport';

/** One tariff row, as written in a table file. */
export interface TarifRow {
  /** Code acte (NGAP letter key, CCAM code with activité as `'DEQP003/1'`, LPP, CIP). */
  readonly code: string;
  /** Libellé (label). */
  readonly libelle: string;
  /** Nomenclature. */
  readonly nomenclature: Nomenclature;
  /** Professions that may bill the code. */
  readonly professions: readonly Profession[];
  /** Secteurs the row applies to (absent: all). */
  readonly secteurs?: readonly Secteur[];
  /**
   * Specialty codes (IR_SPE_V, two digits: `'34'` gériatrie) the row is reserved to; absent: every
   * specialty. For a PS of one of them, a row of the code with `specialites` in force at the date
   * is taken before the rows without (e.g. the CS of a gériatre); otherwise the generic rows apply.
   */
  readonly specialites?: readonly string[];
  /**
   * Zone the row applies to. Absent = métropole for overrides and duplicates (a caller row without
   * zone replaces the default métropole row); a DOM PS falls back to it when no `'dom'` row of the
   * code covers the date (e.g. CCAM rows, DOM coefficients being applied elsewhere).
   */
  readonly zone?: Zone;
  /**
   * First day of validity. `null` = start unknown: the row prices no date (an act it would price
   * gets `RULES_TARIF_DATE`), since nothing says the code had this price at that date.
   */
  readonly validFrom: PlainDate | null;
  /** Last day of validity (inclusive), when the code was withdrawn. */
  readonly validTo?: PlainDate;
  /** Unit price in euros (`'30.00'`); `null` = to confirm against the NGAP/CCAM JO table (the code is known, the figure is not sourced). */
  readonly prix: string | null;
  /**
   * First day the source table covers (CCAM: the first version loaded). A date before it is not
   * "before the code existed" but "before what the table knows" (`RULES_CCAM_AVANT_VERSION`).
   */
  readonly debutTable?: PlainDate;
  /** `false` for a known act that is not reimbursable (CCAM « Non pris en charge »); absent = reimbursable. */
  readonly priseEnCharge?: false;
  /** Whether the line is an act (subject to PF / franchise); false for majorations, frais de déplacement, IK. */
  readonly acte: boolean;
  /** Majoration billable only in the parcours de soins (MCS, MPC …, Code de la sécurité sociale, art. L.162-5-3 (parcours de soins coordonnés)). */
  readonly parcoursSeulement?: boolean;
  /**
   * Code of the parcours-only majoration this act carries in the parcours de soins (e.g. `'MCS'`
   * on a CS): the dépassement autorisé (DA) hors parcours is capped on the in-parcours tariff
   * (act + this majoration) × (1 + DA rate) (CSS L.162-5-3, convention médicale).
   */
  readonly majorationParcours?: string;
  /** Own AMO rate in percent (médicament, LPP, transport), instead of the profession's rate. */
  readonly tauxPourcent?: string;
  /** CCAM: the modificateurs allowed on this activité, one character each (`'AFJKTPSUO3'`; CNAM's bracket list). Absent = not checked. */
  readonly modificateurs?: string;
  /** CCAM: the act's « Exo TM » code as CNAM writes it (`'1'`, `'2'`, `'1-7'` …): `1` and `2` drive the 24 € participation. */
  readonly exonerationTm?: string;
  /** Source (document, date). */
  readonly source: string;
}

/** A table file: header + rows. */
export interface TableTarifs {
  /** Where the figures come from. */
  readonly source: string;
  /** Table version. */
  readonly version: string;
  /** Date of the table (last checked). */
  readonly date: PlainDate;
  /** The rows. */
  readonly rows: readonly TarifRow[];
}

/** A compiled row (internal shape, precomputed for the hot loop). */
export interface CompiledRow {
  readonly row: TarifRow;
  /** `''` for an open start, so string comparison with any date works. */
  readonly from: string;
  /** `'9999-12-31'` when open-ended. */
  readonly to: string;
  /** `from` as a day number (`YYYYMMDD`, 0 for an open start): the lookup compares integers. */
  readonly fromDay: number;
  /** `to` as a day number (`99991231` when open-ended). */
  readonly toDay: number;
  readonly prix: Money | null;
  /** Precomputed `formatDecimal(prix)` for the trace. */
  readonly prixText: string;
  readonly professionMask: number;
  /** Bit mask of secteurs (0 = all). */
  readonly secteurMask: number;
  /** Specialty codes the row is reserved to (normalised to two digits), or undefined for all. */
  readonly specialites: readonly string[] | undefined;
  readonly zone: Zone | undefined;
  readonly taux: Factor | undefined;
  readonly tauxText: string;
  /** The row's rate as the trace shows rates (`formatPercent(taux)`, `''` without one). */
  readonly tauxTrace: string;
  /** The source as shown in the trace (notes an unattested start date). */
  readonly sourceTrace: string;
}

/** A loaded référentiel: rows indexed by code, latest validity first. */
export interface Referentiel {
  /** Versions of the tables loaded, for the trace (`'ngap-medecins-2025.12 (2025-12-01) + …'`). */
  readonly version: string;
  /**
   * The version of each table loaded, in load order (`['ngap-medecins-2025.12', …, 'CCAM V78',
   * 'CCAM V81']`; a table whose version joins several with ` + ` gives one entry each). Absent on a
   * référentiel built by hand: `version` is then split on ` + `.
   */
  readonly versions?: readonly string[];
  /** Rows by code. */
  readonly index: ReadonlyMap<string, readonly CompiledRow[]>;
  /**
   * Rows of a code the index does not hold, compiled on first use (large tables such as the
   * CCAM are indexed by code when loaded and compiled act by act: see `withCcam`).
   */
  readonly resolve?: (code: string) => readonly CompiledRow[] | undefined;
}

const PROFESSIONS: readonly Profession[] = [
  'medecin', 'sageFemme', 'chirurgienDentiste', 'infirmier', 'masseurKinesitherapeute',
  'orthophoniste', 'orthoptiste', 'pedicurePodologue', 'pharmacien', 'transporteur', 'psychologue',
];
const SECTEURS: readonly Secteur[] = ['1', '2', '2-optam'];

/** @returns the bit of a profession (internal). */
export function professionBit(p: Profession): number {
  return 1 << PROFESSIONS.indexOf(p);
}

/** @returns the bit of a secteur (internal). */
export function secteurBit(s: Secteur): number {
  return 1 << SECTEURS.indexOf(s);
}

/**
 * Compiles the rows of one code (internal: lazy tables), latest validity first.
 *
 * @param rows - Rows sharing their code.
 * @returns The compiled rows, or the issues.
 */
export function compileCodeRows(rows: readonly TarifRow[]): Result<readonly CompiledRow[]> {
  const issues: Issue[] = [];
  const out: CompiledRow[] = [];
  rows.forEach((row, r) => {
    const c = compileRow(row, ['rows', r], issues);
    if (c === undefined) return;
    if (out.some((other) => overlaps(other, c))) {
      issues.push(issue('RULES_TABLE_DUPLICATE', { path: ['rows', r], received: `${row.code} ${c.from || '(début non attesté)'}` }));
      return;
    }
    out.push(c);
  });
  out.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  return resultOf(out, issues);
}

const NOMENCLATURES: readonly Nomenclature[] = ['ngap', 'ccam', 'nabm', 'lpp', 'medicament', 'transport'];
const ZONES: readonly Zone[] = ['metropole', 'dom'];
const MAX_TABLES = 1000;
const MAX_ROWS = 200_000;

/**
 * Reads one row of a caller's table: the shape of each field (types) is checked with the shared
 * guards (`INPUT_*` issues at `[table, 'rows', row, field]`) and the row is copied into a plain
 * object of its own data properties, so a getter, a `__proto__` key or a later mutation of the
 * caller's object never reaches the engine. Values (dates, professions, prices) are checked by
 * `compileRow` as before (`RULES_TABLE_ROW`).
 */
function readRow(raw: unknown, path: (string | number)[], issues: Issue[]): TarifRow | undefined {
  const o = guardObject(raw, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  const at = (key: string): (string | number)[] => [...path, key];
  // A string shape only: value rules (empty code, impossible date) stay RULES_TABLE_ROW below.
  const code = guardString(field(o, 'code'), at('code'), issues, { max: 64 });
  const libelle = guardString(field(o, 'libelle'), at('libelle'), issues, { max: 1000 });
  const nomenclature = guardEnum(field(o, 'nomenclature'), NOMENCLATURES, at('nomenclature'), issues);
  const professions = guardArray(field(o, 'professions'), at('professions'), issues, { max: 32 });
  const secteurs = guardArray(field(o, 'secteurs'), at('secteurs'), issues, { max: 8, required: false });
  const specialites = guardArray(field(o, 'specialites'), at('specialites'), issues, { max: 100, required: false });
  const zone = guardEnum(field(o, 'zone'), ZONES, at('zone'), issues, { required: false });
  const rawFrom = field(o, 'validFrom');
  const validFrom = rawFrom === null ? null : guardString(rawFrom, at('validFrom'), issues, { max: 10, expected: 'date AAAA-MM-JJ ou null' });
  const validTo = guardString(field(o, 'validTo'), at('validTo'), issues, { max: 10, required: false, expected: 'date AAAA-MM-JJ' });
  const rawPrix = field(o, 'prix');
  const prix = rawPrix === null ? null : guardString(rawPrix, at('prix'), issues, { max: 32, expected: 'montant en euros (texte) ou null' });
  const acte = guardBoolean(field(o, 'acte'), at('acte'), issues);
  const parcoursSeulement = guardBoolean(field(o, 'parcoursSeulement'), at('parcoursSeulement'), issues, { required: false });
  const tauxPourcent = guardString(field(o, 'tauxPourcent'), at('tauxPourcent'), issues, { max: 32, required: false });
  const majorationParcours = guardString(field(o, 'majorationParcours'), at('majorationParcours'), issues, { max: 64, required: false });
  const debutTable = guardPlainDate(field(o, 'debutTable'), at('debutTable'), issues, { required: false });
  const modificateurs = guardString(field(o, 'modificateurs'), at('modificateurs'), issues, { max: 64, required: false });
  const exonerationTm = guardString(field(o, 'exonerationTm'), at('exonerationTm'), issues, { max: 16, required: false });
  const rawPrise = field(o, 'priseEnCharge');
  if (rawPrise !== undefined && rawPrise !== false) issues.push(inputIssue('INPUT_TYPE', { path: at('priseEnCharge'), expected: 'false ou absent', received: rawPrise }));
  const source = guardString(field(o, 'source'), at('source'), issues, { max: 1000 });
  if (issues.length > before || code === undefined || libelle === undefined || nomenclature === undefined || professions === undefined ||
    validFrom === undefined || prix === undefined || acte === undefined || source === undefined) return undefined;
  const row: { -readonly [K in keyof TarifRow]: TarifRow[K] } = {
    code, libelle, nomenclature, professions: [...professions] as Profession[], validFrom: validFrom as PlainDate | null, prix, acte, source,
  };
  if (secteurs !== undefined) row.secteurs = [...secteurs] as Secteur[];
  if (specialites !== undefined) row.specialites = Object.freeze([...specialites]) as string[];
  if (zone !== undefined) row.zone = zone;
  if (validTo !== undefined) row.validTo = validTo as PlainDate;
  if (parcoursSeulement !== undefined) row.parcoursSeulement = parcoursSeulement;
  if (tauxPourcent !== undefined) row.tauxPourcent = tauxPourcent;
  if (majorationParcours !== undefined) row.majorationParcours = majorationParcours;
  if (debutTable !== undefined) row.debutTable = debutTable as PlainDate;
  if (modificateurs !== undefined) row.modificateurs = modificateurs;
  if (exonerationTm !== undefined) row.exonerationTm = exonerationTm;
  if (rawPrise === false) row.priseEnCharge = false;
  return Object.freeze(row);
}

function compileRow(row: TarifRow, path: (string | number)[], issues: Issue[]): CompiledRow | undefined {
  const bad = (what: string): undefined => {
    issues.push(issue('RULES_TABLE_ROW', { path, received: `${row.code}: ${what}` }));
    return undefined;
  };
  if (typeof row.code !== 'string' || row.code === '') return bad('code');
  if (row.validFrom !== null && !isPlainDate(row.validFrom)) return bad('validFrom');
  if (row.validTo !== undefined && !isPlainDate(row.validTo)) return bad('validTo');
  if (!Array.isArray(row.professions) || row.professions.length === 0 || row.professions.some((p) => !PROFESSIONS.includes(p))) return bad('professions');
  if (row.secteurs !== undefined && row.secteurs.some((s) => !SECTEURS.includes(s))) return bad('secteurs');
  if (row.specialites !== undefined && (row.specialites.length === 0 || row.specialites.some((c) => typeof c !== 'string' || !/^[0-9]{1,2}$/.test(c)))) return bad('specialites');
  let prix: Money | null = null;
  if (row.prix !== null) {
    const parsed = parseMoney(row.prix);
    if (!parsed.ok || parsed.value.centimes < 0) return bad('prix');
    // Frozen: the engine hands this object out as `prixUnitaire` (no copy per line).
    prix = Object.freeze(parsed.value);
  }
  if (row.tauxPourcent !== undefined && !isFactorText(row.tauxPourcent)) return bad('tauxPourcent');
  return {
    row,
    from: row.validFrom ?? '',
    to: row.validTo ?? '9999-12-31',
    fromDay: row.validFrom === null ? 0 : dayNumber(row.validFrom),
    toDay: row.validTo === undefined ? 99991231 : dayNumber(row.validTo),
    prix,
    prixText: prix === null ? 'à confirmer' : formatDecimal(prix),
    professionMask: row.professions.reduce((m, p) => m | professionBit(p), 0),
    secteurMask: (row.secteurs ?? []).reduce((m, s) => m | secteurBit(s), 0),
    specialites: row.specialites === undefined ? undefined : Object.freeze(row.specialites.map(specialiteKey)),
    zone: row.zone,
    taux: row.tauxPourcent === undefined ? undefined : percent(row.tauxPourcent),
    tauxText: row.tauxPourcent ?? '',
    tauxTrace: row.tauxPourcent === undefined ? '' : formatPercent(percent(row.tauxPourcent)),
    sourceTrace: row.validFrom === null ? `${row.source} (date de début non attestée)` : row.source,
  };
}

/** A specialty code as the lookup compares it: two digits (`'7'` and `'07'` are one code). */
export function specialiteKey(code: string): string {
  return code.length === 1 ? `0${code}` : code;
}

/** Same key: zone (absent = métropole), a profession and a secteur in common, and the same specialty scope (none, or a code in common). */
function sameKey(a: CompiledRow, b: CompiledRow): boolean {
  return (a.zone ?? 'metropole') === (b.zone ?? 'metropole') && (a.professionMask & b.professionMask) !== 0 &&
    (a.secteurMask === 0 || b.secteurMask === 0 || (a.secteurMask & b.secteurMask) !== 0) &&
    (a.specialites === undefined ? b.specialites === undefined : b.specialites !== undefined && a.specialites.some((c) => (b.specialites as readonly string[]).includes(c)));
}

/** Two rows of one table for the same key and the same start: a duplicate. */
function overlaps(a: CompiledRow, b: CompiledRow): boolean {
  return a.from === b.from && sameKey(a, b);
}

const ALL_SECTEURS = 0b111;

/** A copy of a row valid on [fromDay, toDay] for the given secteur mask (internal: overrides). */
function piece(e: CompiledRow, fromDay: number, toDay: number, secteurMask: number): CompiledRow {
  const from = fromDay === e.fromDay ? e.from : dateOfDay(fromDay);
  const to = toDay === e.toDay ? e.to : dateOfDay(toDay);
  return { ...e, from, to, fromDay, toDay, secteurMask: secteurMask === ALL_SECTEURS ? 0 : secteurMask };
}

function dateOfDay(day: number): string {
  const t = String(day);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}

/** The day before / after a day number (calendar-aware, via the date helpers). */
function shiftDay(day: number, delta: number): number {
  return dayNumber(addDays(dateOfDay(day) as PlainDate, delta));
}

/**
 * Override (a row of a later table over the rows of earlier tables with the same code): the new
 * row replaces them for the same zone (absent = métropole), professions, secteurs and date range.
 * An earlier row keeps what the new row does not cover: its other secteurs, the days before the
 * new row's start and after its end.
 *
 * @param rows - The code's rows so far.
 * @param earlier - Whether a row comes from an earlier table.
 * @param c - The new row.
 * @returns The rows to keep (earlier rows clipped or split), without the new row.
 */
function override(rows: readonly CompiledRow[], earlier: (r: CompiledRow) => boolean, c: CompiledRow): CompiledRow[] {
  const out: CompiledRow[] = [];
  const cSect = c.secteurMask === 0 ? ALL_SECTEURS : c.secteurMask;
  for (const e of rows) {
    if (!earlier(e) || !sameKey(e, c) || (e.professionMask & ~c.professionMask) !== 0 || e.toDay < c.fromDay || e.fromDay > c.toDay) {
      out.push(e);
      continue;
    }
    const eSect = e.secteurMask === 0 ? ALL_SECTEURS : e.secteurMask;
    const rest = eSect & ~cSect;
    if (rest !== 0) out.push(piece(e, e.fromDay, e.toDay, rest));
    const common = eSect & cSect;
    if (e.fromDay < c.fromDay) out.push(piece(e, e.fromDay, shiftDay(c.fromDay, -1), common));
    // After the new row's end the earlier row comes back, unless a later earlier row had already taken over.
    const after = c.toDay === 99991231 ? 0 : shiftDay(c.toDay, 1);
    const superseded = rows.some((r2) => r2 !== e && earlier(r2) && sameKey(r2, e) && (r2.secteurMask === 0 || (r2.secteurMask & common) !== 0) && r2.fromDay > e.fromDay && r2.fromDay <= after);
    if (e.toDay > c.toDay && !superseded) out.push(piece(e, after, e.toDay, common));
  }
  return out;
}

/**
 * Loads tariff tables into a référentiel, checking every row.
 *
 * @param tables - One table or several, in order. A row of a later table replaces the rows of
 *   earlier tables for the same code × zone (absent = métropole) × secteurs × professions × date
 *   range (e.g. `[...DEFAULT_TABLES, myTable]` replaces a default placeholder); within one table, two
 *   rows of the same key and start date are a duplicate (`RULES_TABLE_DUPLICATE`).
 * @returns The indexed référentiel, or `RULES_TABLE_*` issues with paths `[table, 'rows', row]`.
 * @example
 * const ref = unwrap(loadReferentiel([...DEFAULT_TABLES, myNewTable]));
 * computeFacture(input, { referentiel: ref });
 */
export function loadReferentiel(tables: TableTarifs | readonly TableTarifs[]): Result<Referentiel> {
  const issues: Issue[] = [];
  // One table or a list: both are caller data, checked with the shared guards before any read.
  const list = Array.isArray(tables) ? guardArray(tables, [], issues, { max: MAX_TABLES }) : guardObject(tables, [], issues) && [tables];
  if (list === undefined) return inputErr(issues);
  const heads: { version: string; date: string; rows: readonly unknown[] }[] = [];
  for (let t = 0; t < list.length; t++) {
    // An index loop, not forEach: a hole of a sparse array is read (and reported), not skipped.
    const table = guardObject(list[t], [t], issues);
    if (table === undefined) continue;
    const version = guardString(field(table, 'version'), [t, 'version'], issues, { max: 200 });
    const date = guardPlainDate(field(table, 'date'), [t, 'date'], issues, { minYear: 1, maxYear: 9999 });
    guardString(field(table, 'source'), [t, 'source'], issues, { max: 1000 });
    const rows = guardArray(field(table, 'rows'), [t, 'rows'], issues, { max: MAX_ROWS });
    if (version !== undefined && date !== undefined && rows !== undefined) heads.push({ version, date, rows });
  }
  if (issues.length > 0) return inputErr(issues);
  const index = new Map<string, CompiledRow[]>();
  // The table each row (or piece of a row) comes from: a later table overrides, the same table duplicates.
  const tableOf = new Map<CompiledRow, number>();
  heads.forEach((table, t) => {
    const earlier = (e: CompiledRow): boolean => (tableOf.get(e) ?? t) < t;
    for (let r = 0; r < table.rows.length; r++) {
      const row = readRow(table.rows[r], [t, 'rows', r], issues);
      if (row === undefined) continue;
      const compiled = compileRow(row, [t, 'rows', r], issues);
      if (compiled === undefined) continue;
      const before = index.get(row.code) ?? [];
      if (before.some((other) => !earlier(other) && overlaps(other, compiled))) {
        issues.push(issue('RULES_TABLE_DUPLICATE', { path: [t, 'rows', r], received: `${row.code} ${compiled.from || '(début non attesté)'}` }));
        continue;
      }
      const rows = t === 0 ? before : override(before, earlier, compiled);
      for (const e of rows) if (!tableOf.has(e)) tableOf.set(e, tableOf.get(before.find((b) => b.row === e.row) as CompiledRow) ?? t);
      rows.push(compiled);
      tableOf.set(compiled, t);
      index.set(row.code, rows);
    }
  });
  // Hint: latest validity first, so the lookup stops at the first row on or before the date.
  for (const rows of index.values()) rows.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  const version = heads.map((t) => `${t.version} (${t.date})`).join(' + ');
  const versions = Object.freeze(heads.flatMap((t) => splitVersions(t.version)));
  return resultOf({ version, versions, index }, issues);
}
