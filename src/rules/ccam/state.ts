/**
 * One CCAM version's acts from whatever holds it (internal: diff script and CLI): CNAM's CSV, a
 * référentiel file (JSON) or a dated history (its latest version).
 */
import type { PlainDate } from '../../core/date/index';
import type { Result } from '../../core/issues/index';
import { resultOf } from '../../core/issues/index';
import type { CcamState } from './diff';
import { actesAt } from './extend';
import { parseReferentielJson } from './file';
import type { CcamHistory } from './model';
import { parseCcamCsv } from './parseCcamCsv';

/**
 * Reads a CNAM CSV export or a référentiel file (told apart by the first character: `{`).
 *
 * @param text - The file's text.
 * @param options - For a CSV: `applicable` / `version` overriding its title line.
 * @returns The version's acts, with the reader's warnings.
 */
export function readCcamState(text: string, options: { readonly applicable?: PlainDate; readonly version?: string } = {}): Result<CcamState> {
  if (/^\uFEFF?\s*\{/.test(text)) {
    const file = parseReferentielJson(text);
    if (!file.ok) return file;
    const f = file.value;
    return resultOf({ version: f.version, applicable: f.applicable, source: f.source, actes: actesAt(f.history, f.applicable) }, file.issues);
  }
  const csv = parseCcamCsv(text, options);
  if (!csv.ok) return csv;
  const v = csv.value;
  return resultOf({ version: v.version, applicable: v.applicable, source: v.source, actes: v.actes }, csv.issues);
}

/**
 * The latest version of a history.
 *
 * @param history - The history (e.g. the shipped CCAM).
 * @returns Its last version's acts, or undefined for an empty history.
 */
export function latestState(history: CcamHistory): CcamState | undefined {
  const v = history.versions[history.versions.length - 1];
  return v === undefined ? undefined : { version: v.version, applicable: v.applicable, source: v.source, actes: actesAt(history, v.applicable) };
}
