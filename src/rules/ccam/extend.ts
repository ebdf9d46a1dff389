/**
 * A newer CCAM version on top of a history already built (the shipped one): what a vendor does
 * with a file imported by `sesam referentiel import-ccam`, without a release. The newer version
 * ends every open period of the base the day before it applies, exactly as if both versions had
 * been merged by `buildCcamHistory`.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import { inputErr } from '../../core/guard/index';
import { CCAM_CODES } from './codes';
import { assertHistory, mergeVersion } from './history';
import type { CcamActe, CcamHistory, CcamPeriode } from './model';

const issue = createIssueFactory(CCAM_CODES);

/**
 * The acts of one version of a history: the periods in force on the version's applicable date.
 *
 * @param history - The history.
 * @param applicable - The version's first day.
 * @returns The acts, by code order.
 */
export function actesAt(history: CcamHistory, applicable: string): CcamPeriode[] {
  const out: CcamPeriode[] = [];
  for (const periods of history.actes.values()) {
    for (const p of periods) {
      if (p.validFrom <= applicable) {
        if (p.validTo === undefined || applicable <= p.validTo) out.push(p);
        break;
      }
    }
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Adds the versions of `added` (e.g. a file read by `parseReferentielJson`) after those of `base`.
 *
 * @param base - The history in use (e.g. `loadShippedCcam()`), not mutated.
 * @param added - The newer version(s); a version `base` already holds (same name and date) is
 *   skipped with the warning `CCAM_VERSION_DEJA_CHARGEE` (the library was upgraded since the import).
 * @returns The extended history: each act changed or dropped by the newer version ends the day
 *   before it applies; `CCAM_VERSIONS_ORDER` when an added version is not after the base's last one.
 * @example
 * const file = unwrap(parseReferentielJson(readFileSync('ccam-v82.json', 'utf8')));
 * const ccam = unwrap(extendCcamHistory(unwrap(loadShippedCcam()), file.history));
 */
export function extendCcamHistory(base: CcamHistory, added: CcamHistory): Result<CcamHistory> {
  assertHistory(base);
  assertHistory(added);
  const warnings: Issue[] = [];
  const known = new Set(base.versions.map((v) => `${v.version}|${v.applicable}`));
  const last = base.versions[base.versions.length - 1];
  const fresh = added.versions.filter((v) => {
    if (!known.has(`${v.version}|${v.applicable}`)) return true;
    warnings.push(issue('CCAM_VERSION_DEJA_CHARGEE', { received: `${v.version} (${v.applicable})` }));
    return false;
  });
  if (fresh.length === 0) return resultOf(base, warnings);
  for (let i = 0; i < fresh.length; i++) {
    const v = fresh[i] as (typeof fresh)[number];
    const before = i === 0 ? last : fresh[i - 1];
    if (before !== undefined && v.applicable <= before.applicable) {
      return inputErr([issue('CCAM_VERSIONS_ORDER', { received: `${v.version} (${v.applicable}) n’est pas postérieure à ${before.version} (${before.applicable})` })]);
    }
  }
  const periods = new Map<string, CcamPeriode[]>();
  for (const [code, list] of base.actes) periods.set(code, [...list].reverse());
  for (const v of fresh) {
    const actes: CcamActe[] = actesAt(added, v.applicable);
    mergeVersion(periods, { version: v.version, applicable: v.applicable, actes });
  }
  const actes = new Map<string, readonly CcamPeriode[]>();
  for (const [code, list] of periods) actes.set(code, list.reverse());
  const modificateurs = new Map(base.modificateurs);
  for (const v of fresh) modificateurs.set(v.version, added.modificateurs.get(v.version) ?? []);
  return resultOf({ versions: [...base.versions, ...fresh], actes, modificateurs }, warnings);
}
