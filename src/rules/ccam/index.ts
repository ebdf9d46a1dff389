/**
 * sesam-billing/rules/ccam: the CCAM shipped with the release (every version in data/ccam, dated)
 * and its loaders. A subpath of its own, so the 2 MB table is bundled only by those who price
 * CCAM acts.
 *
 * Source: CCAM, CNAM (Assurance Maladie) — versions 78 (applicable 01/02/2025) and 81
 * (applicable 01/01/2026).
 */
import type { Issue, Result } from '../../core/issues/index';
import { resultOf } from '../../core/issues/index';
import { field, guardObject, inputErr, inputIssue, kindOf } from '../../core/guard/index';
import type { TableTarifs } from '../referentiel';
import type { CcamHistory } from './model';
import type { CcamIndex } from './lazy';
import { indexCcam } from './lazy';
import { parseCcamHistory } from './history';
import { ccamTarifTable } from './toTable';
import { extendCcamHistory } from './extend';
import { parseReferentielJson } from './file';
import { CCAM_COMPACT } from '../tables/ccam.generated';

export { CCAM_COMPACT } from '../tables/ccam.generated';
export type { CcamIndex } from './lazy';
export { indexCcam, withCcam } from './lazy';
export { extendCcamHistory } from './extend';
export type { ReferentielFile, SerializeReferentielOptions } from './file';
export { MAX_REFERENTIEL_JSON_LENGTH, parseReferentielJson, REFERENTIEL_FORMAT, REFERENTIEL_FORMAT_VERSION, serializeReferentielJson } from './file';

let cached: Result<CcamHistory> | undefined;

/**
 * The CCAM shipped with this release, as a dated history (parsed once, then cached).
 *
 * @returns The history (never fails on the shipped data; a `Result` for symmetry with vendor files).
 * @example
 * const ccam = unwrap(loadShippedCcam());
 * findCcamActe(ccam, 'DEQP003', plainDate('2026-03-02'))?.activites[0]?.secteur1 // '14.77'
 */
export function loadShippedCcam(): Result<CcamHistory> {
  cached ??= parseCcamHistory(CCAM_COMPACT);
  return cached;
}

/**
 * The shipped CCAM as a tariff table, to load beside the NGAP tables.
 *
 * @returns The table, or the issues of the shipped data.
 * @example
 * const ref = unwrap(loadReferentiel([...DEFAULT_TABLES, unwrap(shippedCcamTable())]));
 * computeFacture(input, { referentiel: ref });
 */
export function shippedCcamTable(): Result<TableTarifs> {
  const h = loadShippedCcam();
  return h.ok ? { ok: true, value: ccamTarifTable(h.value), issues: h.issues } : h;
}

let index: Result<CcamIndex> | undefined;

/**
 * The shipped CCAM indexed by act code (one scan of the text, then cached): the fast way to
 * price CCAM acts — `withCcam(DEFAULT_REFERENTIEL, unwrap(shippedCcamIndex()))`.
 *
 * @returns The index.
 */
export function shippedCcamIndex(): Result<CcamIndex> {
  index ??= indexCcam(CCAM_COMPACT);
  return index;
}

/** Options of {@link loadCcamFile}. */
export interface LoadCcamFileOptions {
  /** The history the file's version extends (default: the CCAM shipped with this release). */
  readonly base?: CcamHistory;
}

/**
 * Loads a référentiel file written by `sesam referentiel import-ccam` on top of the shipped CCAM:
 * the imported version ends every act it changes or drops the day before its applicable date.
 *
 * @param text - The file's JSON text.
 * @param options - `base`: the history to extend (default the shipped CCAM).
 * @returns The CCAM as one tariff table for `loadReferentiel` (version `CCAM V78 + CCAM V81 + CCAM V82`),
 *   with the warning `CCAM_VERSION_DEJA_CHARGEE` when the release already ships that version;
 *   `CCAM_FICHIER*`, `CCAM_VERSIONS_ORDER` or `INPUT_*` issues otherwise.
 * @example
 * const ccam = unwrap(loadCcamFile(readFileSync('ccam-v82.json', 'utf8')));
 * const referentiel = unwrap(loadReferentiel([...DEFAULT_TABLES, ccam]));
 * computeFacture(input, { referentiel });
 */
export function loadCcamFile(text: string, options: LoadCcamFileOptions = {}): Result<TableTarifs> {
  const guard: Issue[] = [];
  const o = guardObject(options, ['options'], guard, { required: false }) ?? {};
  const base = field(o, 'base');
  if (base !== undefined && !(guardObject(base, [], []) !== undefined && field(base as never, 'actes') instanceof Map && field(base as never, 'modificateurs') instanceof Map && Array.isArray(field(base as never, 'versions')))) {
    guard.push(inputIssue('INPUT_TYPE', { path: ['options', 'base'], expected: 'historique CCAM (loadShippedCcam, buildCcamHistory)', received: kindOf(base) }));
  }
  if (guard.length > 0) return inputErr(guard);
  const file = parseReferentielJson(text);
  if (!file.ok) return file;
  const start = base === undefined ? loadShippedCcam() : { ok: true as const, value: base as CcamHistory, issues: [] };
  if (!start.ok) return start;
  const extended = extendCcamHistory(start.value, file.value.history);
  if (!extended.ok) return extended;
  return resultOf(ccamTarifTable(extended.value), [...file.issues, ...extended.issues]);
}
