/**
 * Options of the NOEMIE PS parser. The reference framing (SPECS §1.2b) is strict; each
 * tolerance is a NAMED switch, off by default (STYLE §4 moov-io/ach `ValidateOpts`), never a
 * bare "lenient" flag.
 */
import type { PlainDate } from '../../core/date/index';
import type { ControlAmount, ControlGrouping } from './hierarchy';

/** Options of `parseNoemie` / `streamNoemie`. */
export interface NoemieParseOptions {
  /**
   * Tolerance: accept a CR LF or LF after each 128-byte record (files converted by a text
   * transfer). Off: the reference framing has no line ends (SPECS §1.2b).
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
