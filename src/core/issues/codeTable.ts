/**
 * Issue code tables: each module declares its codes as data (family, default severity,
 * French message, the fix a user should make, spec reference). `src/codes.ts` merges all
 * tables into the one public registry that `docs/error-codes.md` is generated from.
 */
import type { Issue, IssueFamily, IssuePath, IssueSource, Severity } from './issue';

/** Declaration of one issue code. */
export interface IssueCodeSpec {
  /** Broad reason. */
  readonly family: IssueFamily;
  /** Default severity (default `error`). */
  readonly severity?: Severity;
  /** French message; `{expected}` and `{received}` are replaced when given. */
  readonly message: string;
  /** What the user should do to fix it (French). */
  readonly fix?: string;
  /** Spec reference. */
  readonly ref?: string;
}

/** A module's issue codes, keyed by code. */
export type IssueCodeTable = Readonly<Record<string, IssueCodeSpec>>;

/** Details given when an issue is raised. */
export interface IssueDetails {
  readonly path?: IssuePath;
  /** What was expected (any value; turned into text safely). */
  readonly expected?: unknown;
  /** What was received (any value, even junk; turned into text safely, never throws). */
  readonly received?: unknown;
  readonly source?: IssueSource;
  readonly severity?: Severity;
  readonly ref?: string;
  /** Replaces the table message (still French). */
  readonly message?: string;
}

/** Raises an issue of a given table. */
export type IssueFactory<T extends IssueCodeTable> = (code: keyof T & string, details?: IssueDetails) => Issue;

const EMPTY_PATH: IssuePath = /* @__PURE__ */ Object.freeze([]);

/** Longest untrusted text copied whole into an issue; longer texts are cut and their length told. */
export const MAX_ISSUE_TEXT = 64;

/**
 * A NIR-shaped run (sexe 1/2/3/4/7/8, 12 more characters with 2A/2B allowed, optional 2-digit key):
 * never copied whole into an issue or a log.
 */
const NIR_RUN = /(?<![0-9A-Za-z])([1-478])(\d{4})(\d{2}|2A|2B|2a|2b)(\d{6})(\d{2})?(?![0-9A-Za-z])/g;

/**
 * Masks every NIR-shaped run of a text: sexe, année and mois stay, the next 8 characters become
 * `*`, the key stays (`18005********42`), so an issue still tells which patient without
 * carrying the identifier (RGPD; CNIL référentiel « gestion des cabinets médicaux »).
 *
 * @param text - Any text.
 * @returns The same text with NIRs masked.
 */
export function maskNir(text: string): string {
  if (text.length < 13) return text;
  return text.replace(NIR_RUN, (_m, s: string, ym: string, _dep: string, _rest: string, key: string | undefined) => `${s}${ym}********${key ?? ''}`);
}

/**
 * Text of an untrusted value for an issue's `expected` / `received` or a log line: never throws,
 * even for objects without a usable toString, masks NIRs ({@link maskNir}) and cuts long values
 * to {@link MAX_ISSUE_TEXT} characters with their length (`'AAAA… (10 485 760 caractères)'`).
 * Every issue factory goes through it, so no caller value reaches an issue raw.
 *
 * @param value - Anything.
 * @returns Safe text, or the value's kind (`'array'`, `'object'`, …) when it has none.
 */
export function formatReceived(value: unknown): string {
  return safeText(rawText(value));
}

function safeText(text: string): string {
  if (text.length > MAX_ISSUE_TEXT) {
    const head = text.slice(0, MAX_ISSUE_TEXT - 16);
    return `${maskNir(head)}… (${text.length} caractères)`;
  }
  return maskNir(text);
}

function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function') return 'function';
    if (Object.is(value, -0)) return '-0';
    return String(value);
  }
  if (value instanceof Uint8Array) return `bytes(${value.length})`;
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`;
  try {
    const text = String(value);
    if (text !== '[object Object]') return text;
  } catch {
    // no usable toString: fall through to JSON
  }
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // cycles, BigInt inside: fall through to the kind
  }
  return Array.isArray(value) ? 'array' : 'object';
}

/**
 * Declares a module's code table (identity function that checks the shape).
 *
 * @param table - The codes.
 * @returns The same table, typed.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineIssueCodes<const T extends IssueCodeTable>(table: T): T {
  return table;
}

/**
 * Creates the function that raises issues of a code table.
 *
 * @param table - The module's code table.
 * @returns A factory `(code, details) => Issue`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createIssueFactory<T extends IssueCodeTable>(table: T): IssueFactory<T> {
  return (code, details = {}) => {
    const spec = table[code];
    if (spec === undefined) throw new Error(`[sesam-billing] unknown issue code ${code}`);
    const expected = details.expected === undefined ? undefined : formatReceived(details.expected);
    const received = details.received === undefined ? undefined : formatReceived(details.received);
    let message = details.message === undefined ? spec.message : maskNir(details.message);
    if (message.includes('{')) {
      // Function replacers: a received text holding $& or $' must not be read as a pattern.
      message = message.replace('{expected}', () => expected ?? '?').replace('{received}', () => received ?? '?');
    }
    const issue: {
      -readonly [K in keyof Issue]: Issue[K];
    } = {
      code,
      family: spec.family,
      severity: details.severity ?? spec.severity ?? 'error',
      path: details.path ?? EMPTY_PATH,
      message,
    };
    if (expected !== undefined) issue.expected = expected;
    if (received !== undefined) issue.received = received;
    if (details.source !== undefined) issue.source = details.source;
    const ref = details.ref ?? spec.ref;
    if (ref !== undefined) issue.ref = ref;
    if (spec.fix !== undefined) issue.fix = spec.fix;
    return issue;
  };
}
