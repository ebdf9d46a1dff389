/**
 * Guards: the one way every exported function checks the shape of caller data at its boundary.
 *
 * Each guard takes a value typed `unknown`, the path where it sits in the caller's input and an
 * issue collector; it returns the value typed when it has the expected shape, else `undefined`
 * after pushing one `INPUT_*` issue (with the path, what was expected and a safe text of what
 * was received). A function guards its arguments first, returns `inputErr(issues)` when any
 * issue was raised, and only then works on typed data. Guards never throw, whatever they are
 * given (null, NaN, −0, 1e21, cycles, `__proto__` keys, huge arrays, getters that throw).
 *
 * @example
 * const issues: Issue[] = [];
 * const input = guardObject(raw, [], issues);
 * const lines = input && guardArray(input['lignes'], ['lignes'], issues, { max: 999 });
 * if (issues.length > 0) return inputErr(issues);
 */
import type { Issue, IssuePath } from '../issues/issue';
import type { Err } from '../issues/result';
import type { IssueFactory } from '../issues/codeTable';
import { createIssueFactory, defineIssueCodes } from '../issues/codeTable';
import { SesamError } from '../issues/sesamError';

/** Issue codes raised by the guards (module `core/guard`). */
export const INPUT_CODES = defineIssueCodes({
  INPUT_MISSING: { family: 'MISSING', message: 'Donnée obligatoire absente : {expected}.', fix: 'Renseigner la donnée indiquée par le chemin (path).' },
  INPUT_TYPE: { family: 'FORMAT', message: 'Type de donnée inattendu : attendu {expected}, reçu {received}.', fix: 'Passer une valeur du type attendu (voir la documentation de la fonction).' },
  INPUT_RANGE: { family: 'RANGE', message: 'Valeur hors limites : attendu {expected}, reçu {received}.', fix: 'Passer une valeur dans les limites indiquées.' },
  INPUT_TOO_LARGE: { family: 'LENGTH', message: 'Donnée trop volumineuse : au plus {expected}, reçu {received}.', fix: 'Découper l’entrée ou vérifier qu’il ne s’agit pas d’une donnée corrompue.' },
  INPUT_ENUM: { family: 'UNKNOWN_CODE', message: 'Valeur inconnue : attendu {expected}, reçu « {received} ».', fix: 'Utiliser une des valeurs listées.' },
});

/** An `INPUT_*` code. */
export type InputCode = keyof typeof INPUT_CODES;

const raise = createIssueFactory(INPUT_CODES);

/**
 * Raises an `INPUT_*` issue for a shape the guards do not express (a cross-field rule of an
 * options object). Prefer a guard whenever one fits.
 *
 * @param code - An `INPUT_*` code.
 * @param details - Path, expected, received (the received value goes through `formatReceived`).
 * @returns The issue.
 */
export const inputIssue: IssueFactory<typeof INPUT_CODES> = raise;

/**
 * The guards are programmer-facing: `path` and `issues` come from the library's own code, so a
 * non-array there is a bug said loudly (SesamError `ASSERTION`), never a TypeError. The check is
 * two `Array.isArray` calls per guard.
 */
function assertCollector(path: unknown, issues: unknown, where: string): void {
  if (!Array.isArray(path)) throw new SesamError('ASSERTION', `${where}: path must be an array of keys`);
  if (!Array.isArray(issues)) throw new SesamError('ASSERTION', `${where}: issues must be an array to push into`);
}

/** A plain record read from caller data. */
export type Rec = Readonly<Record<string, unknown>>;

/** Options shared by the guards. */
export interface GuardOptions {
  /** Absence (`undefined`) is an issue (default `true`). */
  readonly required?: boolean;
}

/**
 * Short kind of a value for messages: `null`, `array`, `bytes`, `NaN`, `-0`, `string`…
 *
 * @param v - Anything.
 * @returns The kind (never the value itself); never throws.
 */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof ArrayBuffer) return 'ArrayBuffer';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : Number.isFinite(v) ? 'number' : String(v);
  return typeof v;
}

function absent(v: unknown, path: IssuePath, issues: Issue[], options: GuardOptions | undefined, expected: string): boolean {
  if (v !== undefined) return false;
  if (options?.required !== false) issues.push(raise('INPUT_MISSING', { path, expected: path.length > 0 ? `${String(path[path.length - 1])} (${expected})` : expected }));
  return true;
}

function wrongType(path: IssuePath, issues: Issue[], expected: string, v: unknown): undefined {
  issues.push(raise('INPUT_TYPE', { path, expected, received: kindOf(v) }));
  return undefined;
}

/**
 * Reads a property of a caller object without trusting it: own data properties only (an
 * inherited or `__proto__` key reads as absent) and a throwing getter reads as absent.
 *
 * @param obj - A record returned by {@link guardObject}.
 * @param key - The property name.
 * @returns Its value, or `undefined`.
 */
export function field(obj: Rec, key: string): unknown {
  try {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    return d === undefined ? undefined : 'value' in d ? d.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A non-null, non-array object (class instances other than bytes included).
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required: false` lets `undefined` through silently.
 * @returns The object, or `undefined` after an `INPUT_MISSING` / `INPUT_TYPE` issue.
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardObject(v: unknown, path: IssuePath, issues: Issue[], options?: GuardOptions): Rec | undefined {
  assertCollector(path, issues, 'guardObject');
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array)) return v as Rec;
  if (absent(v, path, issues, options, 'objet')) return undefined;
  return wrongType(path, issues, 'objet', v);
}

/**
 * An array of `min` (default 0) to `max` (default 100 000) items.
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`, `min`, `max`.
 * @returns The array (not copied), or `undefined` after an `INPUT_*` issue.
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardArray(v: unknown, path: IssuePath, issues: Issue[], options?: GuardOptions & { readonly max?: number; readonly min?: number }): readonly unknown[] | undefined {
  assertCollector(path, issues, 'guardArray');
  if (Array.isArray(v)) {
    const max = options?.max ?? 100_000;
    if (v.length > max) {
      issues.push(raise('INPUT_TOO_LARGE', { path, expected: `${max} éléments`, received: `${v.length} éléments` }));
      return undefined;
    }
    if (v.length < (options?.min ?? 0)) {
      issues.push(raise('INPUT_RANGE', { path, expected: `au moins ${options?.min ?? 0} élément(s)`, received: `${v.length}` }));
      return undefined;
    }
    return v;
  }
  if (absent(v, path, issues, options, 'liste')) return undefined;
  return wrongType(path, issues, 'liste', v);
}

/**
 * A string of `min` to `max` characters (default 4096), optionally matching `pattern`.
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`, `min`, `max`, `pattern`, `expected` (the wording of the issue).
 * @returns The string, or `undefined` after an `INPUT_*` issue (a too-long text is reported by its length only).
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardString(
  v: unknown,
  path: IssuePath,
  issues: Issue[],
  options?: GuardOptions & { readonly max?: number; readonly min?: number; readonly pattern?: RegExp; readonly expected?: string },
): string | undefined {
  assertCollector(path, issues, 'guardString');
  if (typeof v === 'string') {
    const max = options?.max ?? 4096;
    if (v.length > max) {
      issues.push(raise('INPUT_TOO_LARGE', { path, expected: `${max} caractères`, received: `${v.length} caractères` }));
      return undefined;
    }
    if (v.length < (options?.min ?? 0) || (options?.pattern !== undefined && !options.pattern.test(v))) {
      issues.push(raise('INPUT_TYPE', { path, expected: options?.expected ?? `texte de ${options?.min ?? 0} à ${max} caractères`, received: v }));
      return undefined;
    }
    return v;
  }
  if (absent(v, path, issues, options, options?.expected ?? 'texte')) return undefined;
  return wrongType(path, issues, options?.expected ?? 'texte', v);
}

/**
 * A safe integer in `[min, max]` (−0 is read as 0).
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`, `min`, `max`.
 * @returns The integer, or `undefined` after an `INPUT_*` issue (floats, NaN, 1e21 are `INPUT_RANGE`).
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardInteger(v: unknown, path: IssuePath, issues: Issue[], options?: GuardOptions & { readonly min?: number; readonly max?: number }): number | undefined {
  assertCollector(path, issues, 'guardInteger');
  if (typeof v === 'number' && Number.isSafeInteger(v)) {
    const min = options?.min ?? Number.MIN_SAFE_INTEGER;
    const max = options?.max ?? Number.MAX_SAFE_INTEGER;
    if (v < min || v > max) {
      issues.push(raise('INPUT_RANGE', { path, expected: `entier de ${min} à ${max}`, received: v }));
      return undefined;
    }
    return v === 0 ? 0 : v;
  }
  if (absent(v, path, issues, options, 'entier')) return undefined;
  if (typeof v === 'number') {
    issues.push(raise('INPUT_RANGE', { path, expected: 'entier exact (safe integer)', received: kindOf(v) === 'number' ? v : kindOf(v) }));
    return undefined;
  }
  return wrongType(path, issues, 'entier', v);
}

/**
 * A boolean.
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`.
 * @returns The boolean, or `undefined` after an `INPUT_*` issue.
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardBoolean(v: unknown, path: IssuePath, issues: Issue[], options?: GuardOptions): boolean | undefined {
  assertCollector(path, issues, 'guardBoolean');
  if (typeof v === 'boolean') return v;
  if (absent(v, path, issues, options, 'booléen')) return undefined;
  return wrongType(path, issues, 'booléen', v);
}

/**
 * One of the listed strings.
 *
 * @param v - The caller's value (anything).
 * @param allowed - The accepted values.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`.
 * @returns The value, or `undefined` after an `INPUT_MISSING` / `INPUT_ENUM` issue.
 * @throws SesamError `ASSERTION` when `allowed`, `path` or `issues` is not an array.
 */
export function guardEnum<const T extends string>(v: unknown, allowed: readonly T[], path: IssuePath, issues: Issue[], options?: GuardOptions): T | undefined {
  assertCollector(path, issues, 'guardEnum');
  if (!Array.isArray(allowed)) throw new SesamError('ASSERTION', 'guardEnum: allowed must be an array of strings');
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  if (absent(v, path, issues, options, allowed.join(' | '))) return undefined;
  issues.push(raise('INPUT_ENUM', { path, expected: allowed.join(' | '), received: typeof v === 'string' ? v : kindOf(v) }));
  return undefined;
}

/**
 * A function (a port method, a callback).
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`.
 * @returns The function, or `undefined` after an `INPUT_*` issue.
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardFunction(v: unknown, path: IssuePath, issues: Issue[], options?: GuardOptions): ((...args: never[]) => unknown) | undefined {
  assertCollector(path, issues, 'guardFunction');
  if (typeof v === 'function') return v as (...args: never[]) => unknown;
  if (absent(v, path, issues, options, 'fonction')) return undefined;
  return wrongType(path, issues, 'fonction', v);
}

/**
 * Bytes: a `Uint8Array` (a Node `Buffer` is one). A string or an `ArrayBuffer` is refused with a
 * fix saying how to pass it, never decoded silently (the charset of a wire file is part of its spec).
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`, `max` bytes.
 * @returns The bytes (not copied), or `undefined` after an `INPUT_*` issue.
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardBytes(v: unknown, path: IssuePath, issues: Issue[], options?: GuardOptions & { readonly max?: number }): Uint8Array | undefined {
  assertCollector(path, issues, 'guardBytes');
  if (v instanceof Uint8Array) {
    if (options?.max !== undefined && v.length > options.max) {
      issues.push(raise('INPUT_TOO_LARGE', { path, expected: `${options.max} octets`, received: `${v.length} octets` }));
      return undefined;
    }
    return v;
  }
  if (absent(v, path, issues, options, 'octets (Uint8Array)')) return undefined;
  const hint = typeof v === 'string' ? 'octets (Uint8Array) : lire le fichier sans décodage, ou new TextEncoder().encode(texte)' : v instanceof ArrayBuffer ? 'octets (Uint8Array) : new Uint8Array(arrayBuffer)' : 'octets (Uint8Array)';
  return wrongType(path, issues, hint, v);
}

/**
 * A `'YYYY-MM-DD'` calendar date, years 1900–2099 by default (the spec formats' range);
 * `minYear` / `maxYear` widen it (a PlainDate spans 1–9999).
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`, `minYear`, `maxYear`.
 * @returns The date text, or `undefined` after an `INPUT_*` issue.
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardPlainDate(v: unknown, path: IssuePath, issues: Issue[], options?: GuardOptions & { readonly minYear?: number; readonly maxYear?: number }): string | undefined {
  assertCollector(path, issues, 'guardPlainDate');
  if (typeof v === 'string' && isIsoDate(v, options?.minYear ?? 1900, options?.maxYear ?? 2099)) return v;
  if (absent(v, path, issues, options, 'date AAAA-MM-JJ')) return undefined;
  if (typeof v === 'string') {
    issues.push(raise('INPUT_TYPE', { path, expected: 'date AAAA-MM-JJ', received: v }));
    return undefined;
  }
  return wrongType(path, issues, 'date AAAA-MM-JJ (texte)', v);
}

/**
 * A Money value: `{ centimes }` with safe-integer centimes in ±10^13 (−0 read as 0).
 *
 * @param v - The caller's value (anything).
 * @param path - Where it sits in the caller's input (prefixed to the issue).
 * @param issues - Collector the issue is pushed into.
 * @param options - `required`, `min` (e.g. 0 for an amount that cannot be negative).
 * @returns A fresh Money, or `undefined` after an `INPUT_*` issue (path ending in `centimes`).
 * @throws SesamError `ASSERTION` when `path` or `issues` is not an array (a bug in the library).
 */
export function guardMoney(v: unknown, path: IssuePath, issues: Issue[], options?: GuardOptions & { readonly min?: number }): { readonly centimes: number } | undefined {
  assertCollector(path, issues, 'guardMoney');
  const obj = guardObject(v, path, issues, options);
  if (obj === undefined) return undefined;
  const c = guardInteger(field(obj, 'centimes'), [...path, 'centimes'], issues, { min: options?.min ?? -1e13, max: 1e13 });
  return c === undefined ? undefined : { centimes: c };
}

/**
 * The `path` argument of a caller-data function (`parseX(text, path)`): where the value sits in
 * the caller's input, prefixed to every issue. Absent means `[]`.
 *
 * @param v - The argument as received.
 * @param issues - Collector: gets an `INPUT_TYPE` issue when `v` is not an array of at most 64
 *   string or integer keys.
 * @returns The path, or `undefined` after an issue.
 * @throws SesamError `ASSERTION` when `issues` is not an array.
 */
export function guardPath(v: unknown, issues: Issue[]): IssuePath | undefined {
  assertCollector(EMPTY, issues, 'guardPath');
  if (v === undefined) return EMPTY;
  if (Array.isArray(v) && v.length <= 64 && v.every((k) => typeof k === 'string' || Number.isSafeInteger(k))) return v as IssuePath;
  issues.push(raise('INPUT_TYPE', { path: EMPTY, expected: 'chemin : liste de clés (textes ou entiers)', received: kindOf(v) }));
  return undefined;
}

const EMPTY: IssuePath = Object.freeze([]);

function isIsoDate(v: string, minYear: number, maxYear: number): boolean {
  if (v.length !== 10 || v[4] !== '-' || v[7] !== '-') return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (y < minYear || y > maxYear || m < 1 || m > 12 || d < 1) return false;
  // Hint: the day count by rule, not Date.UTC, which maps years 0–99 to 1900–1999.
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/**
 * The failed result of a guarded function, from the collected issues.
 *
 * @param issues - At least one issue (a programmer error otherwise).
 * @returns An `Err`.
 * @throws SesamError `ASSERTION` when `issues` is not an array.
 */
export function inputErr(issues: readonly Issue[]): Err {
  if (!Array.isArray(issues)) throw new SesamError('ASSERTION', 'inputErr: issues must be an array');
  if (issues.length === 0) return { ok: false, issues: [raise('INPUT_TYPE', { expected: 'entrée valide', received: 'aucune issue' })] };
  return { ok: false, issues: issues as unknown as readonly [Issue, ...Issue[]] };
}

/**
 * An exact decimal factor (taux, coefficient): `{ units, scale }`, safe-integer units, scale 0–12.
 *
 * @param v - Caller data.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector of `INPUT_*` issues.
 * @returns `{ units, scale }`, or `undefined` after an issue.
 */
export function guardFactor(v: unknown, path: IssuePath, issues: Issue[]): { readonly units: number; readonly scale: number } | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const units = guardInteger(field(o, 'units'), [...path, 'units'], issues);
  const scale = guardInteger(field(o, 'scale'), [...path, 'scale'], issues, { min: 0, max: 12 });
  return units === undefined || scale === undefined ? undefined : { units, scale };
}
