/**
 * validateFse / validateDre: check the document's shape (the structural validators of
 * `shape.ts`, `INPUT_*` issues with paths), then run a control catalogue (default
 * `FSE_CONTROLS` / `DRE_CONTROLS`) and collect every issue. Controls are data, so a vendor can
 * list them, disable some by code (`disable`) or pass its own list (`controls`).
 */
import type { PlainDate } from '../core/date/index';
import { field, guardArray, guardEnum, guardFunction, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../core/guard/index';
import type { Rec } from '../core/guard/index';
import type { Issue, IssueCodeTable, IssueFactory, IssuePath, Result } from '../core/issues/index';
import { createIssueFactory, ok, resultOf } from '../core/issues/index';
import type { Decompte, FactureInput } from '../rules/model';
import type { FseCode } from './codes';
import { FSE_CODES } from './codes';
import { DRE_CONTROLS, FSE_CONTROLS } from './controls/catalogue';
import type { Control, ControlContext, ControlOptions, DreControl, FseControl } from './controls/types';
import type { Dre, Fse } from './model';
import { checkedPricing, defaultCompute } from './compute';
import { checkDre, checkFse, optFunction } from './shape';

const issue = createIssueFactory(FSE_CODES);
const FSE_CODE_LIST = Object.keys(FSE_CODES) as FseCode[];
const OPTIONS: IssuePath = ['options'];

/** Options of {@link validateFse} / {@link validateDre}. */
export interface ValidateOptions<C> extends ControlOptions {
  /** The catalogue to run (default the module's). */
  readonly controls?: readonly C[];
  /** Codes of controls not to run. */
  readonly disable?: readonly string[];
}

type Pricing = (facture: FactureInput) => Result<Decompte>;

function controlOptions(o: Rec, issues: Issue[]): ControlContext {
  const int = (key: string, max: number, dflt: number): number =>
    guardInteger(field(o, key), [...OPTIONS, key], issues, { required: false, min: 0, max }) ?? dflt;
  const today = guardPlainDate(field(o, 'today'), [...OPTIONS, 'today'], issues, { required: false }) as PlainDate | undefined;
  const maj = guardArray(field(o, 'majorationsParcours'), [...OPTIONS, 'majorationsParcours'], issues, { required: false, max: 100 });
  const majorations = maj?.map((m, k) => guardString(m, [...OPTIONS, 'majorationsParcours', k], issues, { max: 8 }) ?? '');
  const securingAt = guardString(field(o, 'securingAt'), [...OPTIONS, 'securingAt'], issues, {
    required: false, max: 40, pattern: /^\d{4}-\d{2}-\d{2}/, expected: 'date-heure ISO 8601 (AAAA-MM-JJTHH:MM:SSZ)',
  });
  // `compute: undefined` given on purpose switches the recomputation controls off.
  const hasCompute = Object.prototype.hasOwnProperty.call(o, 'compute');
  const compute = optFunction<Pricing>(o, 'compute', OPTIONS, issues);
  return {
    today,
    delaiFacturationJours: int('delaiFacturationJours', 36_500, 365),
    ageMax: int('ageMax', 200, 120),
    ageMaxEnfant: int('ageMaxEnfant', 200, 20),
    majorationsParcours: majorations ?? ['MCS', 'MPC'],
    securingAt,
    compute: hasCompute ? (compute === undefined ? undefined : checkedPricing(compute, [...OPTIONS, 'compute'])) : defaultCompute,
  };
}

/**
 * Resolves control options with their documented defaults (délai 365 days, âge max 120, enfant
 * 20, majorations MCS/MPC, the rules' pricing), after checking their shape.
 *
 * @param options - Caller options (anything; `undefined` = all defaults).
 * @returns The context handed to controls, or `INPUT_*` issues with paths under `options`.
 * @example
 * const ctx = unwrap(resolveControlContext({ today: plainDate('2025-03-10') }));
 */
export function resolveControlContext(options?: unknown): Result<ControlContext> {
  const issues: Issue[] = [];
  const o = guardObject(options, OPTIONS, issues, { required: false }) ?? {};
  const ctx = controlOptions(o, issues);
  return issues.length > 0 ? inputErr(issues) : ok(ctx);
}

/** A checked control run: context, catalogue, disabled codes and the factory of the catalogue's code table. */
export interface ControlRun<D, C extends string = FseCode> {
  readonly ctx: ControlContext;
  readonly controls: readonly Control<D, C>[];
  readonly disabled: ReadonlySet<string>;
  readonly raise: IssueFactory<IssueCodeTable>;
}

/**
 * Checks the options of a validation (control parameters, `controls`, `disable`): shared by
 * `validateFse` / `validateDre` here and the DRE module's catalogue (other code table).
 *
 * @param options - Caller options (anything).
 * @param fallback - The default catalogue.
 * @param issues - Collector of `INPUT_*` issues (paths under `options`).
 * @param table - The code table a control's code must belong to (default `FSE_CODES`).
 * @returns The run to hand to {@link runControls}.
 */
export function prepareControlRun<D, C extends string = FseCode>(options: unknown, fallback: readonly Control<D, C>[], issues: Issue[], table: IssueCodeTable = FSE_CODES): ControlRun<D, C> {
  const codeList = table === FSE_CODES ? FSE_CODE_LIST : Object.keys(table);
  const o = guardObject(options, OPTIONS, issues, { required: false }) ?? {};
  const ctx = controlOptions(o, issues);
  const disable = guardArray(field(o, 'disable'), [...OPTIONS, 'disable'], issues, { required: false, max: 1000 }) ?? [];
  const disabled = new Set(disable.map((c, k) => guardString(c, [...OPTIONS, 'disable', k], issues, { max: 64 }) ?? ''));
  const list = guardArray(field(o, 'controls'), [...OPTIONS, 'controls'], issues, { required: false, max: 1000 });
  const controls = list === undefined ? fallback : list.flatMap((c, k): Control<D, C>[] => {
    const path = [...OPTIONS, 'controls', k];
    const co = guardObject(c, path, issues);
    if (co === undefined) return [];
    // The code names the issue raised: it must be one of the table's codes (its message and fix).
    const code = guardEnum(field(co, 'code'), codeList, [...path, 'code'], issues) as C | undefined;
    const label = guardString(field(co, 'label'), [...path, 'label'], issues, { required: false, max: 256 }) ?? '';
    const appliesTo = optFunction<Control<D, C>['appliesTo']>(co, 'appliesTo', path, issues);
    const check = guardFunction(field(co, 'check'), [...path, 'check'], issues) as Control<D, C>['check'] | undefined;
    if (code === undefined || check === undefined) return [];
    return [{ code, label, appliesTo: appliesTo ?? (() => true), check }];
  });
  return { ctx, controls, disabled, raise: table === FSE_CODES ? (issue as IssueFactory<IssueCodeTable>) : createIssueFactory(table) };
}

/**
 * Runs a checked catalogue on a checked document.
 *
 * @param doc - The document (shape already checked).
 * @param r - The run from {@link prepareControlRun}.
 * @returns One issue per finding, with the control's code.
 */
export function runControls<D, C extends string>(doc: D, r: ControlRun<D, C>): Issue[] {
  const issues: Issue[] = [];
  for (const c of r.controls) {
    if (r.disabled.has(c.code) || !c.appliesTo(doc, r.ctx)) continue;
    const found = c.check(doc, r.ctx);
    if (found === undefined || found === null) continue;
    const list = Array.isArray(found) ? found : [found];
    for (const details of list) issues.push(r.raise(c.code, typeof details === 'object' && details !== null ? details : {}));
  }
  return issues;
}

/**
 * Checks an FSE's shape, then runs the FSE controls.
 *
 * @param fse - The invoice (built by `buildFse`, or read back as JSON: anything is checked).
 * @param options - Control parameters, catalogue, disabled codes.
 * @returns The FSE (a checked copy) with warnings, or every error found: `INPUT_*` issues with
 *   paths when its shape is wrong (controls are then not run), else each control's `FSE_*` code.
 * @example
 * const checked = validateFse(fse, { today: plainDate('2025-03-01'), disable: ['FSE_QUALITE_ENFANT_AGE'] });
 */
export function validateFse(fse: Fse, options: ValidateOptions<FseControl> = {}): Result<Fse> {
  const issues: Issue[] = [];
  const doc = checkFse(fse, [], issues);
  const r = prepareControlRun<Fse>(options, FSE_CONTROLS, issues);
  if (doc === undefined || issues.length > 0) return inputErr(issues);
  return resultOf(doc, runControls(doc, r));
}

/**
 * Checks a DRE's shape (its FSE included), then runs the DRE controls.
 *
 * @param dre - The DRE (anything is checked).
 * @param options - Catalogue and disabled codes.
 * @returns The DRE (a checked copy) with warnings, or the errors found (`INPUT_*` for the shape).
 */
export function validateDre(dre: Dre, options: ValidateOptions<DreControl> = {}): Result<Dre> {
  const issues: Issue[] = [];
  const doc = checkDre(dre, [], issues);
  const r = prepareControlRun<Dre>(options, DRE_CONTROLS, issues);
  if (doc === undefined || issues.length > 0) return inputErr(issues);
  return resultOf(doc, runControls(doc, r));
}
