/**
 * validateDre: checks a DRE's shape (its FSE included, its guarantee and routing decision),
 * then runs the DRE catalogue (`DRE_CONTROLS` of this module, or the caller's list) and collects
 * every issue. Controls are data: list them, disable some by code, or pass your own.
 */
import { inputErr } from '../core/guard/index';
import type { Issue, IssueCodeTable, Result } from '../core/issues/index';
import { resultOf } from '../core/issues/index';
import { FSE_CODES } from '../fse/codes';
import type { ControlOptions } from '../fse/controls/types';
import type { ControlRun } from '../fse/validate';
import { prepareControlRun, runControls } from '../fse/validate';
import { DRE_CODES } from './codes';
import type { DreControl } from './controls';
import { DRE_CONTROLS } from './controls';
import type { Dre } from './model';
import { checkDreDocument } from './shape';

/** The codes a DRE control may raise: the fse module's (`FSE_DRE_*`) and this module's. */
const CONTROL_CODES: IssueCodeTable = /* @__PURE__ */ (() => Object.freeze({ ...FSE_CODES, ...DRE_CODES }))();

/** Options of {@link validateDre}. */
export interface ValidateDreOptions extends ControlOptions {
  /** The catalogue to run (default {@link DRE_CONTROLS}). */
  readonly controls?: readonly DreControl[];
  /** Codes of controls not to run (e.g. `'DRE_GARANTIE_ABSENTE'` for an AMC outside IDB / CLC). */
  readonly disable?: readonly string[];
}

/**
 * Checks the options of a DRE validation (shared by {@link validateDre} and `buildDreFromFse`).
 *
 * @param options - The caller's options (anything).
 * @param issues - Collector of `INPUT_*` issues under `options`.
 * @returns The run to hand to `runControls`.
 */
export function prepareDreRun(options: unknown, issues: Issue[]): ControlRun<Dre, DreControl['code']> {
  return prepareControlRun<Dre, DreControl['code']>(options, DRE_CONTROLS, issues, CONTROL_CODES);
}

/**
 * Checks a DRE's shape (its FSE included), then runs the DRE controls: routing, adhérent,
 * indicateur de traitement (`FSE_DRE_*`), guarantee and amounts (`DRE_*`).
 *
 * @param dre - The DRE (anything is checked: JSON read back from a PMS is fine).
 * @param options - Catalogue, disabled codes, control parameters.
 * @returns The DRE (a checked copy) with warnings, or every error found (`INPUT_*` for the shape).
 * @example
 * const checked = validateDre(dre, { disable: ['FSE_DRE_AMC_ZERO'] });
 */
export function validateDre(dre: Dre, options: ValidateDreOptions = {}): Result<Dre> {
  const issues: Issue[] = [];
  const doc = checkDreDocument(dre, [], issues);
  const run = prepareDreRun(options, issues);
  if (doc === undefined || issues.length > 0) return inputErr(issues);
  return resultOf(doc, runControls(doc, run));
}
