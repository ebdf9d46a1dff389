/**
 * Shape of `computeFacture`'s options, checked at its boundary (and by fse's `computeWith`): a
 * référentiel from `loadReferentiel` (its compiled index is a `Map`; its rows are trusted as
 * `loadReferentiel` built them), the rule parameters in full (every dated table, rate and amount
 * the engine reads, so pricing never meets a hole), the trace flag.
 *
 * Caller parameters are checked at every call (a caller may change an object it passed before,
 * so a "checked once" cache would let a hole through); the shipped `PARAMETRES_DEFAUT` is trusted.
 */
import { field, guardArray, guardBoolean, guardEnum, guardInteger, guardMoney, guardObject, guardPlainDate, guardString, inputIssue, kindOf } from '../core/guard/index';
import type { Issue, IssuePath } from '../core/issues/index';
import type { Referentiel } from './referentiel';
import type { ParametresRegles } from './tables/index';
import { PARAMETRES_DEFAUT } from './tables/index';
import { boundedFactor, checkParametresCcam, dated as datedList } from './ccam/checkParametres';

import type { Guard } from './ccam/checkParametres';

/** A dated parameter, non-empty: a cap is never « off » by an empty list (pricing raises RULES_PARAMETRE_DATE at a date no value covers). */
function dated(v: unknown, path: IssuePath, issues: Issue[], value: Guard): void {
  datedList(v, path, issues, value, 1);
}

function group(v: unknown, path: IssuePath, issues: Issue[], keys: readonly string[], value: Guard): void {
  const o = guardObject(v, path, issues);
  if (o !== undefined) for (const k of keys) dated(field(o, k), [...path, k], issues, value);
}

const money: Guard = (v, p, i) => guardMoney(v, p, i, { min: 0 });
const franchise: Guard = (v, p, i) => {
  const o = guardObject(v, p, i);
  if (o === undefined) return;
  money(field(o, 'montant'), [...p, 'montant'], i);
  const cap = field(o, 'plafondJour');
  if (cap !== null) money(cap, [...p, 'plafondJour'], i);
};
const taux = boundedFactor(1);
const ratio = boundedFactor(100);
const nullableFactor = (v: unknown, p: IssuePath, i: Issue[]): void => {
  if (v !== null) ratio(v, p, i);
};

/**
 * Shape of the rules' parameters (`ParametresRegles`, e.g. `{ ...PARAMETRES_DEFAUT, pf: … }`):
 * every dated table, rate and amount the engine reads, so that pricing never meets a hole.
 */
function checkParametres(v: unknown, path: IssuePath, issues: Issue[]): ParametresRegles | undefined {
  const before = issues.length;
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return undefined;
  guardString(field(o, 'version'), [...path, 'version'], issues, { max: 256 });
  group(field(o, 'taux'), [...path, 'taux'], issues, ['medecin', 'sageFemme', 'chirurgienDentiste', 'auxiliaire', 'horsParcours', 'exonere', 'prevention'], taux);
  const tx = guardObject(field(o, 'taux'), [...path, 'taux'], []);
  // Optional (added in 0.3): parameter objects written before it price no psychologue line.
  if (tx !== undefined && field(tx, 'psychologue') !== undefined) dated(field(tx, 'psychologue'), [...path, 'taux', 'psychologue'], issues, taux);
  group(field(o, 'pf'), [...path, 'pf'], issues, ['montant', 'plafondJour', 'plafondAnnuel'], money);
  group(field(o, 'franchise'), [...path, 'franchise'], issues, ['paramedical', 'transport', 'medicament'], franchise);
  const fr = guardObject(field(o, 'franchise'), [...path, 'franchise'], []);
  if (fr !== undefined) dated(field(fr, 'plafondAnnuel'), [...path, 'franchise', 'plafondAnnuel'], issues, money);
  for (const k of ['ageExemptionPf', 'ageSansPenaliteParcours', 'materniteJoursApres']) guardInteger(field(o, k), [...path, k], issues, { min: 0, max: 200 });
  guardInteger(field(o, 'materniteMoisDebut'), [...path, 'materniteMoisDebut'], issues, { min: 1, max: 9 });
  guardEnum(field(o, 'ageExemptionPfRegle'), ['anniversaire', 'premierJanvier'], [...path, 'ageExemptionPfRegle'], issues);
  const spe = guardArray(field(o, 'specialitesHorsParcours'), [...path, 'specialitesHorsParcours'], issues, { max: 100 });
  spe?.forEach((x, k) => guardString(x, [...path, 'specialitesHorsParcours', k], issues, { max: 4 }));
  // Dated lists; a bare value (0.2.x shape) is still read, as in force at every date.
  const da = field(o, 'depassementAutoriseMax');
  if (Array.isArray(da)) dated(da, [...path, 'depassementAutoriseMax'], issues, ratio);
  else ratio(da, [...path, 'depassementAutoriseMax'], issues);
  const cr = guardObject(field(o, 'contratResponsable'), [...path, 'contratResponsable'], issues);
  if (cr !== undefined) {
    for (const k of ['plafondDepassementNonOptam', 'plafondDepassementOptam']) {
      const v = field(cr, k);
      if (Array.isArray(v)) dated(v, [...path, 'contratResponsable', k], issues, nullableFactor);
      else nullableFactor(v, [...path, 'contratResponsable', k], issues);
    }
  }
  const lfss = guardObject(field(o, 'lfss2026'), [...path, 'lfss2026'], issues, { required: false });
  if (lfss !== undefined) {
    const p2 = [...path, 'lfss2026'];
    for (const k of ['tiersPayantAmoPsychologue', 'prescriptionNonConventionneExclue']) dated(field(lfss, k), [...p2, k], issues, (v, p, i) => guardBoolean(v, p, i));
    const m = guardObject(field(lfss, 'consultationMenopause'), [...p2, 'consultationMenopause'], issues);
    if (m !== undefined) {
      const pm = [...p2, 'consultationMenopause'];
      guardArray(field(m, 'codes'), [...pm, 'codes'], issues, { max: 100 })?.forEach((x, k) => guardString(x, [...pm, 'codes', k], issues, { max: 64 }));
      for (const k of ['ageMin', 'ageMax']) guardInteger(field(m, k), [...pm, k], issues, { min: 0, max: 200 });
      const debut = field(m, 'debut');
      if (debut !== null) guardPlainDate(debut, [...pm, 'debut'], issues);
      guardString(field(m, 'source'), [...pm, 'source'], issues, { max: 1000 });
    }
  }
  checkParametresCcam(field(o, 'ccam'), [...path, 'ccam'], issues);
  return issues.length === before ? (o as unknown as ParametresRegles) : undefined;
}


/** Options of `computeFacture`. */
export interface ComputeFactureOptions {
  /** Tariff référentiel (default: the shipped tables, `DEFAULT_REFERENTIEL`). */
  readonly referentiel?: Referentiel;
  /** Rule parameters (default `PARAMETRES_DEFAUT`). */
  readonly parametres?: ParametresRegles;
  /** Collect the explanation trace (default true). */
  readonly trace?: boolean;
}

const TRUSTED = new WeakSet<object>([PARAMETRES_DEFAUT]);

/**
 * Checks the options of `computeFacture` (internal: the engine and fse's `computeWith`).
 *
 * @param options - Caller data (`undefined` = defaults).
 * @param path - Where the options sit in the caller's input.
 * @param issues - Collector of `INPUT_*` issues.
 * @returns The checked options, or `undefined` after issues.
 */
export function checkComputeOptions(options: unknown, path: IssuePath, issues: Issue[]): ComputeFactureOptions | undefined {
  if (options === undefined) return {};
  const before = issues.length;
  const o = guardObject(options, path, issues);
  if (o === undefined) return undefined;
  const checked: { -readonly [K in keyof ComputeFactureOptions]: ComputeFactureOptions[K] } = {};
  const ref = guardObject(field(o, 'referentiel'), [...path, 'referentiel'], issues, { required: false });
  if (ref !== undefined) {
    // A référentiel is what loadReferentiel returns: its compiled index is a Map.
    const index = field(ref, 'index');
    const resolve = field(ref, 'resolve');
    if (!(index instanceof Map)) issues.push(inputIssue('INPUT_TYPE', { path: [...path, 'referentiel', 'index'], expected: 'Map (référentiel de loadReferentiel)', received: kindOf(index) }));
    else if (resolve !== undefined && typeof resolve !== 'function') issues.push(inputIssue('INPUT_TYPE', { path: [...path, 'referentiel', 'resolve'], expected: 'fonction', received: kindOf(resolve) }));
    else checked.referentiel = ref as unknown as Referentiel;
  }
  const par = field(o, 'parametres');
  if (par !== undefined && typeof par === 'object' && par !== null && TRUSTED.has(par)) checked.parametres = par as ParametresRegles;
  else {
    const p = checkParametres(par, [...path, 'parametres'], issues);
    if (p !== undefined) checked.parametres = p;
  }
  const trace = guardBoolean(field(o, 'trace'), [...path, 'trace'], issues, { required: false });
  if (trace !== undefined) checked.trace = trace;
  return issues.length === before ? checked : undefined;
}
