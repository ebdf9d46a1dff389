/**
 * Issue code tables: each module declares its codes as data (family, default severity,
 * French message, the fix a user should make, spec reference). `src/codes.ts` merges all
 * tables into the one public registry that `docs/error-codes.md` is generated from.
 */
import type { Issue, IssueFamily, IssuePath, IssueSource, Severity } from './issue';
import { SesamError } from './sesamError';

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
 * A run of NIR characters — digits, and an `A`/`B` right after a `2` (Corsica `2A`/`2B`) —
 * possibly split by single separators (space, dot, dash: `2 95 10 99 126 111 93`), 13 or more
 * characters long: a NIR, compact or spaced, alone or glued to other characters.
 */
const NIR_RUN = /(?:[0-9]|(?<=2)[AaBb])(?:[ .\-]?(?:[0-9]|(?<=2)[AaBb])){12,}/g;

function isSeparator(c: number): boolean {
  return c === 32 || c === 46 || c === 45;
}

function maskRun(run: string): string {
  let significant = 0;
  for (let i = 0; i < run.length; i++) if (!isSeparator(run.charCodeAt(i))) significant++;
  // A NIR body is 13 characters (digits, with 2A / 2B for Corsica): a shorter run is left alone.
  if (significant < 13) return run;
  // Keep the first 5 characters (sexe, année, mois) and, from 15 on, the last 2 (a key): every
  // character a NIR inside the run could have in positions 6–13 lies in between, wherever the
  // NIR starts in the run, so it is masked. Separators stay, so the length does not change and
  // cutting after masking is safe.
  const keepEnd = significant >= 15 ? 2 : 0;
  let out = '';
  let k = 0;
  for (let i = 0; i < run.length; i++) {
    const ch = run.charAt(i);
    if (isSeparator(run.charCodeAt(i))) {
      out += ch;
      continue;
    }
    out += k < 5 || k >= significant - keepEnd ? ch : '*';
    k++;
  }
  return out;
}

/**
 * Masks every NIR of a text, compact or written with separators, alone or glued to other
 * characters: sexe, année and mois stay, the 8 identifying characters (département, commune,
 * ordre) become `*`, the key stays (`18001********42`), so an issue still tells which patient
 * without carrying the identifier (RGPD art. 5-1-c, minimisation; CNIL, référentiel relatif aux
 * traitements de données à caractère personnel destinés à la gestion des cabinets médicaux et
 * paramédicaux, 2020). Runs of 13 or more digits are masked the same way, whatever they are: a
 * NIR hidden in a longer number must not survive. The result has the text's length.
 *
 * @param text - Any text.
 * @returns The same text with NIRs masked.
 * @throws SesamError `ASSERTION` when `text` is not a string (use {@link formatReceived} for any value).
 * @example
 * maskNir('NIR 180019999990141 inconnu') // 'NIR 18001********41 inconnu' (fictitious: born abroad, pays 999)
 */
export function maskNir(text: string): string {
  if (typeof text !== 'string') throw new SesamError('ASSERTION', `maskNir expects a string, got ${text === null ? 'null' : typeof text}`);
  if (text.length < 13) return text;
  return text.replace(NIR_RUN, maskRun);
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
    // Masked with 32 characters of margin before the cut: a NIR that starts before the cut and
    // ends after it is still seen whole by maskNir (masking keeps lengths, so the cut is exact).
    const head = maskNir(text.slice(0, MAX_ISSUE_TEXT + 16)).slice(0, MAX_ISSUE_TEXT - 16);
    return `${head}… (${text.length} caractères)`;
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
    const spec = typeof code === 'string' && Object.hasOwn(table, code) ? table[code] : undefined;
    if (spec === undefined) throw new SesamError('ASSERTION', `unknown issue code ${formatReceived(code)}`);
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
