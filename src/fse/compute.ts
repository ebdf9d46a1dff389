/**
 * The pricing function the FSE module uses by default: the rules engine's `computeFacture`
 * (without trace: controls compare amounts only), and `computeWith` for caller options.
 */
import { field, guardBoolean, guardObject, INPUT_CODES, inputErr, kindOf } from '../core/guard/index';
import type { IssuePath } from '../core/issues/index';
import { createIssueFactory } from '../core/issues/index';
import type { Issue, Result } from '../core/issues/index';
import type { Decompte, FactureInput } from '../rules/model';
import type { ComputeFactureOptions } from '../rules/computeFacture';
import { computeFacture } from '../rules/computeFacture';
import { checkComputeOptions } from '../rules/checkOptions';
import type { Referentiel } from '../rules/referentiel';
import type { ParametresRegles } from '../rules/tables/index';

const inputIssue = createIssueFactory(INPUT_CODES);

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
  const checked = checkComputeOptions(options, ['options'], issues);
  if (checked === undefined || issues.length > 0) {
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
