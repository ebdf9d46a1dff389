/**
 * The pricing function the FSE module uses by default: the rules engine's `computeFacture`
 * (without trace: controls compare amounts only), and `computeWith` for caller options.
 */
import { field, guardArray, guardBoolean, guardEnum, guardInteger, guardMoney, guardObject, guardPlainDate, guardString, INPUT_CODES, inputErr, kindOf } from '../core/guard/index';
import type { IssuePath } from '../core/issues/index';
import { guardFactor } from './shape';
import { createIssueFactory } from '../core/issues/index';
import type { Issue, Result } from '../core/issues/index';
import type { Decompte, FactureInput } from '../rules/model';
import type { ComputeFactureOptions } from '../rules/computeFacture';
import { computeFacture } from '../rules/computeFacture';
import type { Referentiel } from '../rules/referentiel';
import type { ParametresRegles } from '../rules/tables/index';

const inputIssue = createIssueFactory(INPUT_CODES);

type Guard = (v: unknown, path: IssuePath, issues: Issue[]) => unknown;

/** A dated parameter: a non-empty list of `{ from: date | null, value, source }`. */
function dated(v: unknown, path: IssuePath, issues: Issue[], value: Guard): void {
  const list = guardArray(v, path, issues, { min: 1, max: 1000 });
  list?.forEach((_x, k) => {
    const o = guardObject(field(list as unknown as Record<string, unknown>, String(k)), [...path, k], issues);
    if (o === undefined) return;
    const from = field(o, 'from');
    if (from !== null) guardPlainDate(from, [...path, k, 'from'], issues);
    value(field(o, 'value'), [...path, k, 'value'], issues);
    guardString(field(o, 'source'), [...path, k, 'source'], issues, { max: 1000 });
  });
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
const nullableFactor = (v: unknown, p: IssuePath, i: Issue[]): void => {
  if (v !== null) guardFactor(v, p, i);
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
  group(field(o, 'taux'), [...path, 'taux'], issues, ['medecin', 'sageFemme', 'chirurgienDentiste', 'auxiliaire', 'horsParcours', 'exonere', 'prevention'], guardFactor);
  group(field(o, 'pf'), [...path, 'pf'], issues, ['montant', 'plafondJour', 'plafondAnnuel'], money);
  group(field(o, 'franchise'), [...path, 'franchise'], issues, ['paramedical', 'transport', 'medicament'], franchise);
  const fr = guardObject(field(o, 'franchise'), [...path, 'franchise'], []);
  if (fr !== undefined) dated(field(fr, 'plafondAnnuel'), [...path, 'franchise', 'plafondAnnuel'], issues, money);
  for (const k of ['ageExemptionPf', 'ageSansPenaliteParcours', 'materniteJoursApres']) guardInteger(field(o, k), [...path, k], issues, { min: 0, max: 200 });
  guardInteger(field(o, 'materniteMoisDebut'), [...path, 'materniteMoisDebut'], issues, { min: 1, max: 9 });
  guardEnum(field(o, 'ageExemptionPfRegle'), ['anniversaire', 'premierJanvier'], [...path, 'ageExemptionPfRegle'], issues);
  const spe = guardArray(field(o, 'specialitesHorsParcours'), [...path, 'specialitesHorsParcours'], issues, { max: 100 });
  spe?.forEach((x, k) => guardString(x, [...path, 'specialitesHorsParcours', k], issues, { max: 4 }));
  guardFactor(field(o, 'depassementAutoriseMax'), [...path, 'depassementAutoriseMax'], issues);
  const cr = guardObject(field(o, 'contratResponsable'), [...path, 'contratResponsable'], issues);
  if (cr !== undefined) for (const k of ['plafondDepassementNonOptam', 'plafondDepassementOptam']) nullableFactor(field(cr, k), [...path, 'contratResponsable', k], issues);
  return issues.length === before ? (o as unknown as ParametresRegles) : undefined;
}

/**
 * Default pricing: `computeFacture(facture, { trace: false })`. The invoice is checked by the
 * rules (`validateFactureInput`): anything may be passed.
 *
 * @param facture - The invoice to price.
 * @returns The decompte or the rules' issues.
 */
export function defaultCompute(facture: FactureInput): Result<Decompte> {
  return computeFacture(facture, { trace: false });
}

/**
 * Pricing with caller options (référentiel, parameters). The options are checked once, here:
 * when they are malformed, the returned function answers every call with those `INPUT_*`
 * issues (paths under `options`), so the error comes back through the one result channel of
 * `buildFse` / `validateFse` instead of a crash while pricing.
 * The parameters are checked in full; a référentiel must be `loadReferentiel`'s value (its
 * compiled index is checked to be a `Map`, its rows are trusted as `loadReferentiel` built them).
 *
 * @param options - Options of `computeFacture` (`referentiel` from `loadReferentiel`, `parametres`).
 * @returns A pricing function.
 * @example
 * const fse = buildFse(input, { compute: computeWith({ referentiel: unwrap(loadReferentiel(rows)) }) });
 */
export function computeWith(options: ComputeFactureOptions): (facture: FactureInput) => Result<Decompte> {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues);
  const checked: { -readonly [K in keyof ComputeFactureOptions]: ComputeFactureOptions[K] } = {};
  if (o !== undefined) {
    const ref = guardObject(field(o, 'referentiel'), ['options', 'referentiel'], issues, { required: false });
    if (ref !== undefined) {
      // A référentiel is what loadReferentiel returns: its compiled index is a Map.
      const index = field(ref, 'index');
      if (index instanceof Map) checked.referentiel = ref as unknown as Referentiel;
      else issues.push(inputIssue('INPUT_TYPE', { path: ['options', 'referentiel', 'index'], expected: 'Map (référentiel de loadReferentiel)', received: kindOf(index) }));
    }
    const par = checkParametres(field(o, 'parametres'), ['options', 'parametres'], issues);
    if (par !== undefined) checked.parametres = par;
    const trace = guardBoolean(field(o, 'trace'), ['options', 'trace'], issues, { required: false });
    if (trace !== undefined) checked.trace = trace;
  }
  if (issues.length > 0) {
    const failed = inputErr(issues);
    return () => failed;
  }
  return (facture) => computeFacture(facture, { trace: false, ...checked });
}

/**
 * Wraps a caller's pricing function so that what it returns is checked like any caller data:
 * a value that is not a `Result` (`{ ok, value | issues }`) becomes an `INPUT_TYPE` issue at
 * `path`, never a crash further down (internal: used by `buildFse` and the controls' options).
 *
 * @param compute - The caller's pricing function.
 * @param path - Where it was given (`['options', 'compute']`).
 * @returns A pricing function whose results have the `Result` shape.
 */
export function checkedPricing(compute: (facture: FactureInput) => Result<Decompte>, path: readonly (string | number)[]): (facture: FactureInput) => Result<Decompte> {
  return (facture) => {
    const r: unknown = compute(facture);
    const issues: Issue[] = [];
    const o = guardObject(r, path, issues);
    const isOk = o === undefined ? undefined : guardBoolean(field(o, 'ok'), [...path, 'ok'], issues);
    const list = o === undefined ? undefined : field(o, 'issues');
    const wellFormed = Array.isArray(list) && list.every((i) => typeof i === 'object' && i !== null && Array.isArray(field(i as never, 'path')));
    if (o !== undefined && isOk !== undefined && !wellFormed) {
      issues.push(inputIssue('INPUT_TYPE', { path: [...path, 'issues'], expected: 'liste d’issues (Result)', received: kindOf(list) }));
    }
    if (isOk === false && Array.isArray(list) && list.length === 0) {
      issues.push(inputIssue('INPUT_TYPE', { path: [...path, 'issues'], expected: 'au moins une issue (Result en échec)', received: 'aucune issue' }));
    }
    if (isOk === true && guardObject(field(o ?? {}, 'value'), [...path, 'value'], issues) === undefined) return inputErr(issues);
    return issues.length > 0 ? inputErr(issues) : (r as Result<Decompte>);
  };
}
