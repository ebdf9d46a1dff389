/**
 * Issue: one problem found in caller data (a field, a record, a rule).
 *
 * Issues are data, never exceptions. `code` is public API (stable across minor
 * releases); `message` is French prose resolved from the code table and may change.
 */

/** Whether an issue blocks the operation (`error`) or only informs (`warning`). */
export type Severity = 'error' | 'warning';

/**
 * Broad reason of an issue, after python-stdnum's reasons plus moov-io/ach's totals case.
 */
export type IssueFamily =
  | 'FORMAT'
  | 'LENGTH'
  | 'CHECKSUM'
  | 'COMPONENT'
  | 'TOTAL_MISMATCH'
  | 'RULE'
  | 'MISSING'
  | 'RANGE'
  | 'UNKNOWN_CODE';

/** Where in the input an issue points: object keys and array indexes. */
export type IssuePath = readonly (string | number)[];

/** Position in a wire file (fixed-width records, streams). All 1-based except `offset`. */
export interface IssueSource {
  /** 1-based record number in the file. */
  readonly record?: number;
  /** 1-based column (byte position) in the record. */
  readonly column?: number;
  /** 0-based byte offset in the whole input. */
  readonly offset?: number;
}

/** One problem found in caller data. */
export interface Issue {
  /** Stable code, SCREAMING_SNAKE with a module prefix (public API). */
  readonly code: string;
  /** Broad reason. */
  readonly family: IssueFamily;
  /** `error` blocks, `warning` informs. */
  readonly severity: Severity;
  /** Path of the offending value in the input. */
  readonly path: IssuePath;
  /** Human message (French). Not API: match on `code`. */
  readonly message: string;
  /** What was expected, when it can be said briefly. */
  readonly expected?: string;
  /** What was received (never a PIN or secret). */
  readonly received?: string;
  /** Position in a wire file. */
  readonly source?: IssueSource;
  /** Spec reference: a public document a vendor can read (title and section). */
  readonly ref?: string;
  /** What the user should do to fix it (French), from the code table. */
  readonly fix?: string;
}
