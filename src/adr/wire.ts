/**
 * Reading the modeled JSON answers of the rights and AMC services without trusting them: every
 * malformed field is an `ADR_RESPONSE_FIELD` issue with its path, never a throw.
 *
 * @internal
 */
import type { PlainDate } from '../core/date/index';
import { isPlainDate, plainDateOf } from '../core/date/index';
import type { Rec } from '../core/guard/index';
import { field } from '../core/guard/index';
import type { Issue, IssuePath } from '../core/issues/index';
import { createIssueFactory } from '../core/issues/index';
import { ADR_CODES } from './codes';

const issue = createIssueFactory(ADR_CODES);

/** A wire reader bound to an issue collector. */
export interface WireReader {
  readonly issues: Issue[];
  obj(v: unknown, path: IssuePath, required?: boolean): Rec | undefined;
  list(v: unknown, path: IssuePath, max?: number): readonly unknown[];
  text(o: Rec | undefined, key: string, path: IssuePath, pattern?: RegExp, required?: boolean): string | undefined;
  date(o: Rec | undefined, key: string, path: IssuePath, required?: boolean): PlainDate | undefined;
  flag(o: Rec | undefined, key: string, path: IssuePath): boolean;
  centimes(o: Rec | undefined, key: string, path: IssuePath, required?: boolean): number | undefined;
}

/**
 * Reads an AAAAMMJJ (or AAAA-MM-JJ) wire date.
 *
 * @param v - Anything.
 * @returns The date, or `undefined`.
 */
export function wireDate(v: unknown): PlainDate | undefined {
  if (typeof v !== 'string') return undefined;
  if (isPlainDate(v)) return v;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return undefined;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  return isPlainDate(d) ? plainDateOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * Creates a wire reader.
 *
 * @returns A reader with an empty issue list.
 */
export function wireReader(): WireReader {
  const issues: Issue[] = [];
  const bad = (path: IssuePath, expected: string, v: unknown): undefined => {
    issues.push(issue('ADR_RESPONSE_FIELD', { path, expected, received: v === undefined ? 'absent' : v }));
    return undefined;
  };
  return {
    issues,
    obj(v, path, required = true) {
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Rec;
      if (v === undefined && !required) return undefined;
      return bad(path, 'objet', typeof v === 'object' ? (v === null ? 'null' : 'liste') : v);
    },
    list(v, path, max = 200) {
      if (v === undefined) return [];
      if (!Array.isArray(v) || v.length > max) {
        bad(path, `liste d’au plus ${max} éléments`, Array.isArray(v) ? `${v.length} éléments` : typeof v);
        return [];
      }
      return v;
    },
    text(o, key, path, pattern, required = true) {
      const v = o === undefined ? undefined : field(o, key);
      if (v === undefined && !required) return undefined;
      if (typeof v === 'string' && v.length <= 256 && (pattern === undefined || pattern.test(v))) return v;
      return bad([...path, key], pattern ? `texte ${String(pattern)}` : 'texte', v);
    },
    date(o, key, path, required = true) {
      const v = o === undefined ? undefined : field(o, key);
      if (v === undefined && !required) return undefined;
      return wireDate(v) ?? bad([...path, key], 'date AAAAMMJJ', v);
    },
    flag(o, key, path) {
      const v = o === undefined ? undefined : field(o, key);
      if (v === true || v === '1' || v === 1 || v === 'O') return true;
      if (v === undefined || v === false || v === '0' || v === 0 || v === 'N') return false;
      bad([...path, key], 'indicateur 0 / 1', v);
      return false;
    },
    centimes(o, key, path, required = true) {
      const v = o === undefined ? undefined : field(o, key);
      if (v === undefined && !required) return undefined;
      if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1e11) return v;
      return bad([...path, key], 'montant en centimes (entier ≥ 0)', v);
    },
  };
}

/**
 * Tells whether a date falls in a period (bounds included; `fin` absent = open-ended).
 *
 * @param d - The date.
 * @param p - `{ debut, fin? }`.
 * @returns `true` inside.
 */
export function inPeriode(d: PlainDate, p: { readonly debut: PlainDate; readonly fin?: PlainDate }): boolean {
  return p.debut <= d && (p.fin === undefined || d <= p.fin);
}
