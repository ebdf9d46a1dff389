/**
 * validateFse / validateDre: run a control catalogue (default `FSE_CONTROLS` / `DRE_CONTROLS`)
 * and collect every issue. Controls are data, so a vendor can list them, disable some by code
 * (`disable`) or pass its own list (`controls`).
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, resultOf } from '../core/issues/index';
import { FSE_CODES } from './codes';
import { DRE_CONTROLS, FSE_CONTROLS } from './controls/catalogue';
import type { Control, ControlContext, ControlOptions, DreControl, FseControl } from './controls/types';
import type { Dre, Fse } from './model';
import { defaultCompute } from './compute';

const issue = createIssueFactory(FSE_CODES);

/** Options of {@link validateFse} / {@link validateDre}. */
export interface ValidateOptions<C> extends ControlOptions {
  /** The catalogue to run (default the module's). */
  readonly controls?: readonly C[];
  /** Codes of controls not to run. */
  readonly disable?: readonly string[];
}

/**
 * Resolves control options with their documented defaults.
 *
 * @param options - Caller options.
 * @returns The context handed to controls.
 */
export function resolveControlContext(options: ControlOptions = {}): ControlContext {
  return {
    today: options.today,
    delaiFacturationJours: options.delaiFacturationJours ?? 365,
    ageMax: options.ageMax ?? 120,
    ageMaxEnfant: options.ageMaxEnfant ?? 20,
    majorationsParcours: options.majorationsParcours ?? ['MCS', 'MPC'],
    securingAt: options.securingAt,
    compute: 'compute' in options ? options.compute : defaultCompute,
  };
}

function run<D>(doc: D, controls: readonly Control<D>[], options: ValidateOptions<Control<D>>): Issue[] {
  const ctx = resolveControlContext(options);
  const disabled = new Set(options.disable ?? []);
  const issues: Issue[] = [];
  for (const c of controls) {
    if (disabled.has(c.code) || !c.appliesTo(doc, ctx)) continue;
    const found = c.check(doc, ctx);
    if (found === undefined) continue;
    const list = Array.isArray(found) ? found : [found];
    for (const details of list) issues.push(issue(c.code, details));
  }
  return issues;
}

/**
 * Runs the FSE controls.
 *
 * @param fse - The invoice.
 * @param options - Control parameters, catalogue, disabled codes.
 * @returns The same FSE with warnings, or every error found (each with its own `FSE_*` code).
 * @example
 * const checked = validateFse(fse, { today: plainDate('2025-03-01'), disable: ['FSE_QUALITE_ENFANT_AGE'] });
 */
export function validateFse(fse: Fse, options: ValidateOptions<FseControl> = {}): Result<Fse> {
  return resultOf(fse, run(fse, options.controls ?? FSE_CONTROLS, options));
}

/**
 * Runs the DRE controls.
 *
 * @param dre - The DRE.
 * @param options - Catalogue and disabled codes.
 * @returns The same DRE with warnings, or the errors found.
 */
export function validateDre(dre: Dre, options: ValidateOptions<DreControl> = {}): Result<Dre> {
  return resultOf(dre, run(dre, options.controls ?? DRE_CONTROLS, options));
}
