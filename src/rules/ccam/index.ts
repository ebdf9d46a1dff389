/**
 * sesam-billing/rules/ccam: the CCAM shipped with the release (every version in data/ccam, dated)
 * and its loaders. A subpath of its own, so the 2 MB table is bundled only by those who price
 * CCAM acts.
 *
 * Source: CCAM, CNAM (Assurance Maladie) — versions 78 (applicable 01/02/2025) and 81
 * (applicable 01/01/2026).
 */
import type { Result } from '../../core/issues/index';
import type { TableTarifs } from '../referentiel';
import type { CcamHistory } from './model';
import type { CcamIndex } from './lazy';
import { indexCcam } from './lazy';
import { parseCcamHistory } from './history';
import { ccamTarifTable } from './toTable';
import { CCAM_COMPACT } from '../tables/ccam.generated';

export { CCAM_COMPACT } from '../tables/ccam.generated';
export type { CcamIndex } from './lazy';
export { indexCcam, withCcam } from './lazy';

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
