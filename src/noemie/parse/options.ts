/**
 * Options of the NOEMIE PS parser. The reference framing (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers) is strict; each
 * tolerance is a NAMED switch, off by default (STYLE §4 moov-io/ach `ValidateOpts`), never a
 * bare "lenient" flag.
 */
import type { PlainDate } from '../../core/date/index';
import { field, guardBoolean, guardEnum, guardFunction, guardInteger, guardMoney, guardObject, guardPlainDate } from '../../core/guard/index';
import type { Issue } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import type { ControlAmount, ControlGrouping } from './hierarchy';

/** Options of `parseNoemie` / `streamNoemie`. */
export interface NoemieParseOptions {
  /**
   * Tolerance: accept a CR LF or LF after each 128-byte record (files converted by a text
   * transfer). Off: the reference framing has no line ends (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers).
   */
  readonly lineBreaks?: boolean;
  /**
   * Tolerance: ignore blanks, NUL, CR, LF and SUB (0x1A) after the 999 trailer (padding added
   * by a transfer or a mailbox). Off: any byte after the 999 is `NOEMIE_TRAILING_DATA`.
   */
  readonly trailingPadding?: boolean;
  /**
   * Tolerance: an entity of an unknown type whose `@` can be found is skipped with a warning
   * (a newer CdC version). Off: `NOEMIE_UNKNOWN_ENTITY` is an error.
   */
  readonly skipUnknownEntities?: boolean;
  /**
   * Severity of the 990 / 999 re-checks (`NOEMIE_CONTROL_*`, `NOEMIE_TRAILER_*`): `'error'`
   * (default), `'warning'`, or `'off'`. The counting rule is modeled (see hierarchy.ts).
   */
  readonly controlTotals?: 'error' | 'warning' | 'off';
  /**
   * Which group each 990 closes (see hierarchy.ts and docs/spec-map.md):
   * - `'identification'` (default): the group its « identification du niveau de rupture »
   *   (positions 6–22) names — niveau or entity type, then the group's key, e.g. `'080012'` for
   *   lot 012 or `'02'` + n° destinataire. When it names no open group or its values do not match,
   *   the plausible groupings are tried and the one that matches is reported as a
   *   `NOEMIE_CONTROL_GROUPING` warning naming the assumption. A 990 that no grouping explains is
   *   reported after the 999: as a warning when the 999 totals agree (never an error then), with
   *   the `controlTotals` severity otherwise.
   * - `'nesting'`: the rule of 0.1.0 — the innermost open group with entities below
   *   it, mismatches reported at once with the `controlTotals` severity.
   */
  readonly controlGrouping?: ControlGrouping;
  /** Control amount of an entity for the 990 / 999 cumuls (default: 198/199 payé, 250, 261). */
  readonly controlAmount?: ControlAmount;
  /**
   * Reference for the century of the header date (AAMMJJ). Default: the header date is read
   * as 20AA (NOEMIE files in euros postdate 2002). Other dates take the file date.
   */
  readonly referenceDate?: PlainDate;
  /** Stop after this many issues (default 100); a last `NOEMIE_MAX_ISSUES` says so. */
  readonly maxIssues?: number;
}

/** Reference that reads AAMMJJ as 20AA with the `near` century rule. */
export const DEFAULT_HEADER_REFERENCE = '2049-12-31' as PlainDate;

/** Default `maxIssues`. */
export const DEFAULT_MAX_ISSUES = 100;

/**
 * Checks the shape of caller options (boundary of `parseNoemie` / `streamNoemie*`): every
 * known option with its type, `INPUT_*` issues pushed for the wrong ones.
 *
 * @param options - Anything the caller passed (`undefined` for none).
 * @param issues - Collector.
 * @returns The options, typed (a caller `controlAmount` is wrapped so that a non-Money result counts zero).
 */
export function guardNoemieOptions(options: unknown, issues: Issue[]): NoemieParseOptions {
  if (options === undefined) return {};
  const o = guardObject(options, ['options'], issues);
  if (o === undefined) return {};
  const flag = (k: string): boolean | undefined => guardBoolean(field(o, k), ['options', k], issues, { required: false });
  const lineBreaks = flag('lineBreaks');
  const trailingPadding = flag('trailingPadding');
  const skipUnknownEntities = flag('skipUnknownEntities');
  const controlTotals = guardEnum(field(o, 'controlTotals'), ['error', 'warning', 'off'], ['options', 'controlTotals'], issues, { required: false });
  const controlGrouping = guardEnum(field(o, 'controlGrouping'), ['identification', 'nesting'], ['options', 'controlGrouping'], issues, { required: false });
  const amount = guardFunction(field(o, 'controlAmount'), ['options', 'controlAmount'], issues, { required: false });
  const referenceDate = guardPlainDate(field(o, 'referenceDate'), ['options', 'referenceDate'], issues, { required: false });
  const maxIssues = guardInteger(field(o, 'maxIssues'), ['options', 'maxIssues'], issues, { required: false, min: 1, max: 1_000_000 });
  return {
    ...(lineBreaks !== undefined ? { lineBreaks } : {}),
    ...(trailingPadding !== undefined ? { trailingPadding } : {}),
    ...(skipUnknownEntities !== undefined ? { skipUnknownEntities } : {}),
    ...(controlTotals !== undefined ? { controlTotals } : {}),
    ...(controlGrouping !== undefined ? { controlGrouping } : {}),
    ...(amount !== undefined ? { controlAmount: safeControlAmount(amount as ControlAmount) } : {}),
    ...(referenceDate !== undefined ? { referenceDate: referenceDate as PlainDate } : {}),
    ...(maxIssues !== undefined ? { maxIssues } : {}),
  };
}

/**
 * A caller's control amount, made safe to call on the hot path: a result that is not a Money
 * with safe-integer centimes counts zero (its own exceptions still propagate: the caller's bug).
 *
 * @param fn - The caller's function.
 * @returns The wrapped function.
 */
export function safeControlAmount(fn: ControlAmount): ControlAmount {
  return (e) => {
    const m: unknown = fn(e);
    return m === undefined ? undefined : (guardMoney(m, [], []) as Money | undefined);
  };
}
