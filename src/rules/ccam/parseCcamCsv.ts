/**
 * parseCcamCsv: reads one CCAM version from the CSV export of the spreadsheet CNAM publishes
 * (« CCAM téléchargement », ameli.fr).
 *
 * What the file holds, and how it is read:
 * - line 1 names the version and its date (`CNAM - CCAM version 81 applicable 01/01/2026`);
 *   the column header is one record over several lines (titles hold line breaks);
 * - columns: code, (empty), texte, activité, phase, tarif secteur 1 / OPTAM, tarif hors secteur 1,
 *   remboursement sous conditions (RC), accord préalable (AP), exonération TM, regroupement;
 * - an act row has a 7-character code; the activity rows that follow with an empty code (or `*`,
 *   or the modificateur list in the code cell) are its other activités, each with its own tariffs;
 * - a cell `[F, P, S, U]` in the code column lists the modificateurs allowed on the activity of
 *   that row, or of the act's last activity when the row has none;
 * - chapter and note rows (chapter numbers, blank codes without activité) carry text only; a
 *   tariff on such a row belongs to no act and is ignored;
 * - chapter 19.03 prices the modificateurs: a row with a one-character code opens a modificateur,
 *   rows below it with an empty code and a value are its other variants (by specialty or hour);
 * - « Non pris en charge » = known act, not reimbursable (`null`); a blank tariff stays absent;
 *   `248, 15` reads 248.15 (stray space).
 * Never throws: junk gives a `Result` with `CCAM_*` issues.
 */
import type { PlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import { field, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { CCAM_CODES } from './codes';
import { readCsvRecords } from './csv';
import type { CcamActe, CcamActivite, CcamModificateur, CcamModificateurValeur, CcamValeur, CcamVersion } from './model';

const issue = createIssueFactory(CCAM_CODES);

/** Options of {@link parseCcamCsv}. */
export interface ParseCcamOptions {
  /** Applicable date, when line 1 does not give it (or to override it). */
  readonly applicable?: PlainDate;
  /** Version label (`'CCAM V82'`), when line 1 does not give it. */
  readonly version?: string;
  /** Most warnings kept (default 200). */
  readonly maxIssues?: number;
}

/** Largest file read (CNAM's exports are about 2.6 MB). */
export const MAX_CCAM_CSV_LENGTH = 64 * 1024 * 1024;

const ACT_CODE = /^[A-Z]{4}\d{3}$/;
const MODS = /^\[([^\]]*)\]$/;
const TITLE = /CCAM\s+version\s+(\d+)\s+applicable\s+(?:le\s+)?(\d{2})\/(\d{2})\/(\d{4})/i;
const EUROS = /^\d{1,7}(?:\.\d{1,2})?$/;
const PERCENT = /^\+?(\d{1,3}(?:[.,]\d{1,2})?)\s*%$/;

interface Building {
  code: string;
  libelle: string;
  activites: CcamActivite[];
  rc: boolean;
  ap: boolean;
  exo: string;
  regroupement: string;
  /** Modificateur list seen before the act's first activity row. */
  pendingMods: readonly string[] | undefined;
}

/**
 * Reads one CCAM version from CNAM's CSV export.
 *
 * @param text - The file's text (UTF-8 decoded; a BOM is skipped).
 * @param options - Version and date when line 1 lacks them; warning cap.
 * @returns The version, with `CCAM_*` warnings for cells it could not read; errors when the
 *   version, its date, the header or every act is missing.
 * @example
 * const v81 = unwrap(parseCcamCsv(readFileSync('ccam-v81.csv', 'utf8')));
 * v81.version // 'CCAM V81'
 */
export function parseCcamCsv(text: string, options: ParseCcamOptions = {}): Result<CcamVersion> {
  const guard: Issue[] = [];
  const input = guardString(text, ['text'], guard, { max: MAX_CCAM_CSV_LENGTH, expected: 'texte CSV de la CCAM' });
  const o = guardObject(options, ['options'], guard, { required: false }) ?? {};
  const versionOpt = guardString(field(o, 'version'), ['options', 'version'], guard, { required: false, max: 32 });
  const applicableOpt = guardPlainDate(field(o, 'applicable'), ['options', 'applicable'], guard, { required: false });
  const maxOpt = guardInteger(field(o, 'maxIssues'), ['options', 'maxIssues'], guard, { required: false, min: 1, max: 100_000 });
  if (input === undefined || guard.length > 0) return inputErr(guard);
  const maxIssues = maxOpt ?? 200;
  const issues: Issue[] = [];
  const warn = (i: Issue): void => {
    if (issues.length < maxIssues) issues.push(i);
  };

  const { records, unclosedQuote } = readCsvRecords(input);
  if (unclosedQuote) warn(issue('CCAM_CSV', { received: 'guillemet non fermé en fin de fichier', severity: 'warning' }));

  const title = TITLE.exec(records[0]?.cells[0] ?? '');
  const number = versionOpt ?? (title === null ? undefined : `CCAM V${title[1] ?? ''}`);
  const applicable = (applicableOpt as PlainDate | undefined) ?? (title === null ? undefined : (`${title[4] ?? ''}-${title[3] ?? ''}-${title[2] ?? ''}` as PlainDate));
  if (number === undefined || applicable === undefined) {
    return inputErr([issue('CCAM_VERSION', { expected: '« CNAM - CCAM version NN applicable JJ/MM/AAAA » en ligne 1', received: records[0]?.cells[0] ?? '' })]);
  }
  const headerAt = records.findIndex((r) => (r.cells[0] ?? '').trim() === 'Code');
  if (headerAt < 0) return inputErr([issue('CCAM_HEADER')]);

  const actes: CcamActe[] = [];
  const modificateurs: CcamModificateur[] = [];
  let current: Building | undefined;
  let inModChapter = false;
  let mod: { code: string; valeurs: CcamModificateurValeur[] } | undefined;

  const close = (): void => {
    if (current === undefined) return;
    actes.push({
      code: current.code,
      libelle: current.libelle,
      activites: current.activites,
      remboursementSousConditions: current.rc,
      accordPrealable: current.ap,
      exonerationTm: current.exo,
      regroupement: current.regroupement,
    });
    current = undefined;
  };
  const closeMod = (): void => {
    if (mod !== undefined && mod.valeurs.length > 0) modificateurs.push({ code: mod.code, valeurs: mod.valeurs });
    mod = undefined;
  };

  for (let k = headerAt + 1; k < records.length; k++) {
    const rec = records[k];
    if (rec === undefined) continue;
    const c = rec.cells;
    const code = clean(c[0]);
    const label = clean(c[2]);
    const activite = clean(c[3]);
    const phase = clean(c[4]);
    const t1 = c[5] ?? '';
    const t2 = c[6] ?? '';

    if (/^\d{2}(\.\d{2})*$/.test(code) || /^\d+\.\d+$/.test(code)) {
      // A chapter number: ends the act in progress; chapter 19.03 holds the modificateurs.
      close();
      closeMod();
      inModChapter = code.startsWith('19.03') || code === '19.030000000000001';
      continue;
    }

    if (inModChapter) {
      const hasValue = clean(t1) !== '' || clean(t2) !== '';
      if (/^[A-Z0-9]$/.test(code)) {
        closeMod();
        mod = { code, valeurs: [] };
      }
      if (hasValue && mod !== undefined) {
        const valeur: { libelle: string; secteur1?: CcamValeur; horsSecteur1?: CcamValeur } = { libelle: label };
        const v1 = modValue(t1, rec.line, warn);
        const v2 = modValue(t2, rec.line, warn);
        if (v1 !== undefined) valeur.secteur1 = v1;
        if (v2 !== undefined) valeur.horsSecteur1 = v2;
        mod.valeurs.push(valeur);
      }
      continue;
    }

    if (ACT_CODE.test(code)) {
      close();
      current = { code, libelle: label, activites: [], rc: false, ap: false, exo: '', regroupement: '', pendingMods: undefined };
      if (activite !== '') addActivite(current, rec.line, activite, phase, t1, t2, undefined, warn);
      flags(current, c);
      continue;
    }

    const mods = MODS.exec(code);
    const modList = mods === null ? undefined : (mods[1] ?? '').split(',').map((m) => m.trim()).filter((m) => m !== '');
    if (current === undefined) continue; // text before the first act of a chapter
    if (activite !== '') {
      // An activity row of the current act (code empty, '*', or its modificateur list).
      addActivite(current, rec.line, activite, phase, t1, t2, modList, warn);
      flags(current, c);
    } else if (modList !== undefined) {
      const last = current.activites[current.activites.length - 1];
      if (last === undefined) current.pendingMods = modList;
      else current.activites[current.activites.length - 1] = { ...last, modificateurs: modList };
    }
    // Other rows (notes, « Formation : … ») carry text only.
  }
  close();
  closeMod();
  if (actes.length === 0) return inputErr([issue('CCAM_EMPTY')]);
  const source = `CCAM version ${number.replace(/^CCAM V/, '')}, CNAM, applicable ${applicable.slice(8, 10)}/${applicable.slice(5, 7)}/${applicable.slice(0, 4)}`;
  return resultOf({ version: number, applicable, source, actes, modificateurs }, issues);
}

/** Trims a cell, non-breaking spaces and stray line breaks included. */
function clean(cell: string | undefined): string {
  return cell === undefined ? '' : cell.replace(/[\s\u00a0]+/g, ' ').trim();
}

function flags(b: Building, c: readonly string[]): void {
  if (clean(c[7]) === 'RC') b.rc = true;
  if (clean(c[8]) === 'AP') b.ap = true;
  const exo = clean(c[9]).replace(/["\s]/g, '');
  if (exo !== '' && b.exo === '') b.exo = exo;
  const reg = clean(c[10]);
  if (reg !== '' && b.regroupement === '') b.regroupement = reg;
}

function addActivite(
  b: Building,
  line: number,
  activite: string,
  phase: string,
  t1: string,
  t2: string,
  mods: readonly string[] | undefined,
  warn: (i: Issue) => void,
): void {
  if (!/^[1-5]$/.test(activite) || !/^[0-3]?$/.test(phase)) {
    warn(issue('CCAM_ACTIVITE', { received: `${b.code} activité « ${activite} » phase « ${phase} »`, source: { record: line } }));
    return;
  }
  const ph = phase === '' ? '0' : phase;
  if (b.activites.some((a) => a.activite === activite && a.phase === ph)) {
    warn(issue('CCAM_ACTIVITE', { received: `${b.code} activité ${activite} phase ${ph} en double`, expected: 'une ligne par activité et phase (la première est gardée)', source: { record: line } }));
    return;
  }
  const a: { -readonly [K in keyof CcamActivite]: CcamActivite[K] } = { activite, phase: ph, modificateurs: mods ?? b.pendingMods ?? [] };
  b.pendingMods = undefined;
  const s1 = tarif(t1, line, warn);
  const s2 = tarif(t2, line, warn);
  if (s1 !== undefined) a.secteur1 = s1;
  if (s2 !== undefined) a.horsSecteur1 = s2;
  b.activites.push(a);
}

/** A tariff cell: euros text, `null` for « Non pris en charge », `undefined` when blank or unreadable. */
function tarif(cell: string, line: number, warn: (i: Issue) => void): string | null | undefined {
  const t = clean(cell);
  if (t === '') return undefined;
  if (/^non pris en charge$/i.test(t)) return null;
  const v = t.replace(/\s+/g, '').replace(',', '.');
  if (EUROS.test(v)) return normalizeEuros(v);
  warn(issue('CCAM_TARIF', { received: t, source: { record: line } }));
  return undefined;
}

function modValue(cell: string, line: number, warn: (i: Issue) => void): CcamValeur | undefined {
  const t = clean(cell);
  if (t === '') return undefined;
  const p = PERCENT.exec(t.replace(/\s+/g, ''));
  if (p !== null) return { kind: 'pourcentage', pourcent: (p[1] ?? '').replace(',', '.') };
  const v = t.replace(/\s+/g, '').replace(',', '.');
  if (EUROS.test(v)) return { kind: 'montant', euros: normalizeEuros(v) };
  // A percentage cell exported as a spreadsheet fraction (V78, modificateur 9: 0.29999999999999999 = 30 %).
  const fraction = /^0\.\d{3,}$/.exec(v);
  if (fraction !== null) {
    const pourcent = (Math.round(Number(v) * 10000) / 100).toString();
    warn(issue('CCAM_TARIF_FRACTION', { received: t, expected: `lu comme ${pourcent} %`, source: { record: line } }));
    return { kind: 'pourcentage', pourcent };
  }
  warn(issue('CCAM_TARIF', { received: t, source: { record: line } }));
  return undefined;
}

/** `'51.8'` → `'51.80'`, `'30'` → `'30.00'`. */
function normalizeEuros(v: string): string {
  const [int = '0', dec = ''] = v.split('.');
  return `${String(Number(int))}.${dec.padEnd(2, '0')}`;
}
