/**
 * NABM pricing: tariff rows of the référentiel for biology acts, priced coefficient × value of
 * the key letter B at the act date, so `loadReferentiel([...DEFAULT_TABLES, nabm])` prices them.
 *
 * - Key: the NABM code on 4 digits (`'1104'`); nomenclature `'nabm'`.
 * - Coefficients: the last one the SNDS table knows (in force since `coefficientDepuis`, up to
 *   2019), then the caller's (`coefficients`: a newer décision UNCAM, an act created since).
 * - The value of B is a dated parameter (`valeurB`); the default holds the metropolitan value
 *   with its source and doubts (see {@link VALEUR_B_METROPOLE}); DOM values are the caller's.
 * - Rate: 60 % AMO by default (participation de l’assuré of 40 % on biology, CSS art. R.160-5).
 */
import type { PlainDate } from '../../core/date/index';
import { addDays, isPlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf, unwrap } from '../../core/issues/index';
import { field, guardArray, guardEnum, guardObject, guardString, inputErr } from '../../core/guard/index';
import type { Money } from '../../core/money/index';
import { factor, formatDecimal, multiply, parseMoney } from '../../core/money/index';
import type { Profession, Zone } from '../model';
import type { TableTarifs, TarifRow } from '../referentiel';
import { SNDS_CODES } from './codes';
import { nabmActes, nabmCode } from './nabm';

const issue = createIssueFactory(SNDS_CODES);

/** One dated value of the key letter B. */
export interface ValeurLettreB {
  /** First day (`null`: start not attested, the value also serves earlier dates). */
  readonly from: PlainDate | null;
  /** Value in euros (`'0.27'`). */
  readonly euros: string;
  /** Official text (décision UNCAM, JO) and doubts. */
  readonly source: string;
}

/**
 * Value of the key letter B in métropole: 0,27 €. Default of `nabmTarifTable`, start not
 * attested. The figure is the one CNAM's NABM (Table nationale de biologie) applies to the
 * coefficients; the text that set it (convention des directeurs de laboratoire, avenant, JO)
 * was not found in the sources at hand: pass your own `valeurB` when you hold the text.
 */
export const VALEUR_B_METROPOLE: readonly ValeurLettreB[] = [{
  from: null,
  euros: '0.27',
  source: 'B métropole 0,27 € (NABM, CNAM) : texte et date de début non vérifiés',
}];

/** A coefficient supplied by the caller (newer than the SNDS table, or an act created since). */
export interface CoefficientNabm {
  /** Code NABM (`'1104'`). */
  readonly code: string;
  /** Coefficient of B (`'20'`). */
  readonly coefficient: string;
  /** First day of this coefficient. */
  readonly validFrom: PlainDate;
  /** Official text (décision UNCAM with its JO date). */
  readonly source: string;
}

/** Options of {@link nabmTarifTable}. */
export interface NabmTarifOptions {
  /** Dated values of B, ascending (default {@link VALEUR_B_METROPOLE}). */
  readonly valeurB?: readonly ValeurLettreB[];
  /** Zone of the rows (default `'metropole'`; DOM rows need DOM values of B). */
  readonly zone?: Zone;
  /** The caller's coefficients; each starts a period that ends the previous one. */
  readonly coefficients?: readonly CoefficientNabm[];
  /** AMO rate of the rows in percent (default `'60'`). */
  readonly tauxPourcent?: string;
}

/** Biology is billed by laboratories run by médecins or pharmaciens biologistes (CSP art. L.6213-1). */
const PROFESSIONS: readonly Profession[] = ['medecin', 'pharmacien'];
const SNDS_SOURCE = 'nomenclatures du SNDS (CNAM / Health Data Hub, 2021), table IR_BIO_R — historique arrêté en 2019, révisions postérieures non incluses';
/** Source of each row (the trace shows it); the table source holds the full text. */
const SNDS_ROW = 'IR_BIO_R, SNDS 2021 : historique arrêté en 2019';

interface Period { readonly from: string; readonly coef: string; readonly source: string }

/**
 * NABM tariff rows for `loadReferentiel`: coefficient × B for every act and period.
 *
 * @param options - Values of B, zone, the caller's coefficients, rate.
 * @returns The table, or `INPUT_*` / `SNDS_VALEUR_B` / `SNDS_NABM_COEFFICIENT_APPELANT` issues.
 * @example
 * const ref = unwrap(loadReferentiel([...DEFAULT_TABLES, unwrap(nabmTarifTable())]));
 * // a line { code: '1104', date: '2025-03-10', quantite: 1 } of a laboratory is priced 22 × 0,27 €
 */
export function nabmTarifTable(options: NabmTarifOptions = {}): Result<TableTarifs> {
  const issues: Issue[] = [];
  const o = guardObject(options, [], issues);
  if (o === undefined) return inputErr(issues);
  const zone = guardEnum(field(o, 'zone'), ['metropole', 'dom'] as const, ['zone'], issues, { required: false }) ?? 'metropole';
  const taux = guardString(field(o, 'tauxPourcent'), ['tauxPourcent'], issues, { required: false, max: 8, pattern: /^\d{1,3}(\.\d{1,2})?$/, expected: 'pourcentage (« 60 »)' }) ?? '60';
  const valeurs = readValeursB(field(o, 'valeurB'), issues);
  const caller = readCoefficients(field(o, 'coefficients'), issues);
  if (issues.length > 0 || valeurs === undefined || caller === undefined) return inputErr(issues);
  const periods = new Map<string, Period[]>();
  let last = '';
  for (const acte of nabmActes().values()) {
    if (acte.coefficient === null || acte.coefficientDepuis === undefined) continue;
    periods.set(acte.code, [{ from: acte.coefficientDepuis, coef: acte.coefficient, source: `NABM ${acte.code} : B ${acte.coefficient} depuis le ${acte.coefficientDepuis} (${SNDS_ROW})` }]);
    for (const d of [acte.coefficientDepuis, acte.suppression]) if (d !== undefined && d > last) last = d;
  }
  for (const c of caller) {
    const list = (periods.get(c.code) ?? []).filter((p) => p.from !== c.validFrom);
    list.push({ from: c.validFrom, coef: c.coefficient, source: `NABM ${c.code} : B ${c.coefficient} depuis le ${c.validFrom} (${c.source})` });
    periods.set(c.code, list);
  }
  const rows: TarifRow[] = [];
  for (const [code, list] of periods) {
    list.sort((a, b) => (a.from < b.from ? -1 : 1));
    const suppression = nabmActes().get(code)?.suppression;
    list.forEach((p, i) => {
      const next = list[i + 1]?.from ?? suppression;
      pushRows(rows, code, p, next === undefined ? undefined : addDays(next as PlainDate, -1), valeurs, zone, taux);
    });
  }
  return resultOf({
    source: `NABM : ${SNDS_SOURCE} ; coefficients de l’appelant : ${caller.length} ; lettre B : ${valeurs.map((v) => v.source).join(' ; ')}`,
    version: `NABM SNDS 2021${caller.length > 0 ? ' + coefficients appelant' : ''} (${zone})`,
    date: (last || '2019-12-31') as PlainDate,
    rows,
  }, []);
}

function pushRows(rows: TarifRow[], code: string, p: Period, to: string | undefined, valeurs: readonly { from: string; value: Money; source: string }[], zone: Zone, taux: string): void {
  valeurs.forEach((b, i) => {
    const bNext = valeurs[i + 1]?.from;
    const from = b.from > p.from ? b.from : p.from;
    const bTo = bNext === undefined ? undefined : addDays(bNext as PlainDate, -1);
    const end = to === undefined ? bTo : bTo === undefined ? to : to < bTo ? to : bTo;
    if (end !== undefined && end < from) return;
    const row: { -readonly [K in keyof TarifRow]: TarifRow[K] } = {
      code,
      libelle: `Acte de biologie NABM ${code} (B ${p.coef})`,
      nomenclature: 'nabm',
      professions: PROFESSIONS,
      zone,
      validFrom: from as PlainDate,
      prix: formatDecimal(multiply(b.value, factor(p.coef), 'halfUp')),
      acte: true,
      tauxPourcent: taux,
      source: `${p.source} ; ${b.source}`,
    };
    if (end !== undefined) row.validTo = end as PlainDate;
    rows.push(row);
  });
}

function readValeursB(raw: unknown, issues: Issue[]): { from: string; value: Money; source: string }[] | undefined {
  if (raw === undefined) return VALEUR_B_METROPOLE.map((v) => ({ from: v.from ?? '', value: parseMoneyOrThrow(v.euros), source: v.source }));
  const list = guardArray(raw, ['valeurB'], issues, { min: 1, max: 100 });
  if (list === undefined) return undefined;
  const out: { from: string; value: Money; source: string }[] = [];
  list.forEach((item, i) => {
    const v = guardObject(item, ['valeurB', i], issues);
    if (v === undefined) return;
    const from = field(v, 'from');
    const euros = guardString(field(v, 'euros'), ['valeurB', i, 'euros'], issues, { max: 16 });
    const source = guardString(field(v, 'source'), ['valeurB', i, 'source'], issues, { min: 1, max: 1000 });
    const money = euros === undefined ? undefined : parseMoney(euros);
    const fromOk = from === null || (typeof from === 'string' && isPlainDate(from));
    const previous = out[out.length - 1];
    if (!fromOk || money?.ok !== true || money.value.centimes <= 0 || (from === null && i > 0) || (previous !== undefined && typeof from === 'string' && from <= previous.from)) {
      if (euros !== undefined && source !== undefined) issues.push(issue('SNDS_VALEUR_B', { path: ['valeurB', i], received: [from, euros] }));
      return;
    }
    if (source !== undefined) out.push({ from: from ?? '', value: money.value, source });
  });
  return out;
}

function parseMoneyOrThrow(text: string): Money {
  return unwrap(parseMoney(text));
}

function readCoefficients(raw: unknown, issues: Issue[]): CoefficientNabm[] | undefined {
  if (raw === undefined) return [];
  const list = guardArray(raw, ['coefficients'], issues, { max: 20_000 });
  if (list === undefined) return undefined;
  const out: CoefficientNabm[] = [];
  list.forEach((item, i) => {
    const c = guardObject(item, ['coefficients', i], issues);
    if (c === undefined) return;
    const code = nabmCode(field(c, 'code'));
    const coefficient = field(c, 'coefficient');
    const validFrom = field(c, 'validFrom');
    const source = guardString(field(c, 'source'), ['coefficients', i, 'source'], issues, { min: 1, max: 1000 });
    if (code === undefined || typeof coefficient !== 'string' || !/^\d{1,5}(\.\d{1,2})?$/.test(coefficient) || Number(coefficient) <= 0 ||
      typeof validFrom !== 'string' || !isPlainDate(validFrom)) {
      issues.push(issue('SNDS_NABM_COEFFICIENT_APPELANT', { path: ['coefficients', i], received: [field(c, 'code'), coefficient, validFrom] }));
      return;
    }
    if (source !== undefined) out.push({ code, coefficient, validFrom: validFrom as PlainDate, source });
  });
  return out;
}
