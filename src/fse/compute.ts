/**
 * The pricing function the FSE module uses by default: the rules engine's `computeFacture`
 * (without trace: controls compare amounts only), and `computeWith` for caller options.
 */
import { field, guardBoolean, guardObject, INPUT_CODES, inputErr, kindOf } from '../core/guard/index';
import { createIssueFactory } from '../core/issues/index';
import type { Issue, Result } from '../core/issues/index';
import type { Decompte, FactureInput } from '../rules/model';
import type { ComputeFactureOptions } from '../rules/computeFacture';
import { computeFacture } from '../rules/computeFacture';
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
    const par = guardObject(field(o, 'parametres'), ['options', 'parametres'], issues, { required: false });
    if (par !== undefined) checked.parametres = par as unknown as ParametresRegles;
    const trace = guardBoolean(field(o, 'trace'), ['options', 'trace'], issues, { required: false });
    if (trace !== undefined) checked.trace = trace;
  }
  if (issues.length > 0) {
    const failed = inputErr(issues);
    return () => failed;
  }
  return (facture) => computeFacture(facture, { trace: false, ...checked });
}
