/**
 * Shape checks of the B2 writers' input (`serializeB2File`, `serializeB2Facture`): the
 * objects and lists the writers walk, with the record counts they need to size their buffer, in
 * the same single pass. Zone values themselves are checked by the generated writers (`FW_*`).
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM, juin 2007 avec errata (composition des envois)
 */
import { field, guardArray, guardEnum, guardObject, guardString } from '../../core/guard/index';
import type { Issue, IssuePath } from '../../core/issues/index';

/**
 * Checks one invoice (`entete`, optional `individu` / `amc`, `lignes` with `prestation` and
 * optional `ccam` / `lpp`, `total`) and counts its records.
 *
 * @param v - The caller's invoice.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns Its number of records (2…5), or `undefined` after `INPUT_*` issues.
 */
export function guardB2Facture(v: unknown, path: IssuePath, issues: Issue[]): number | undefined {
  const f = guardObject(v, path, issues);
  if (f === undefined) return undefined;
  const before = issues.length;
  let records = 2;
  guardObject(field(f, 'entete'), [...path, 'entete'], issues);
  if (guardObject(field(f, 'individu'), [...path, 'individu'], issues, { required: false }) !== undefined) records++;
  if (guardObject(field(f, 'amc'), [...path, 'amc'], issues, { required: false }) !== undefined) records++;
  guardObject(field(f, 'total'), [...path, 'total'], issues);
  const lignes = guardArray(field(f, 'lignes'), [...path, 'lignes'], issues, { max: 9999 });
  if (lignes !== undefined) {
    for (let k = 0; k < lignes.length; k++) {
      const l = guardObject(lignes[k], [...path, 'lignes', k], issues);
      if (l === undefined) continue;
      records++;
      guardObject(field(l, 'prestation'), [...path, 'lignes', k, 'prestation'], issues);
      if (guardObject(field(l, 'ccam'), [...path, 'lignes', k, 'ccam'], issues, { required: false }) !== undefined) records++;
      if (guardObject(field(l, 'lpp'), [...path, 'lignes', k, 'lpp'], issues, { required: false }) !== undefined) records++;
    }
  }
  return issues.length === before ? records : undefined;
}

/**
 * Checks a whole file (`debut`, `lots` of `{ debut, factures, fin }`, `fin`) and counts its records.
 *
 * @param v - The caller's file.
 * @param issues - Collector.
 * @returns Its number of records, or `undefined` after `INPUT_*` issues.
 */
export function guardB2File(v: unknown, issues: Issue[]): number | undefined {
  const file = guardObject(v, ['file'], issues);
  if (file === undefined) return undefined;
  const before = issues.length;
  guardObject(field(file, 'debut'), ['debut'], issues);
  guardObject(field(file, 'fin'), ['fin'], issues);
  const lots = guardArray(field(file, 'lots'), ['lots'], issues, { max: 999 });
  let records = 2;
  if (lots !== undefined) {
    for (let i = 0; i < lots.length; i++) {
      const lot = guardObject(lots[i], ['lots', i], issues);
      if (lot === undefined) continue;
      records += 2;
      guardObject(field(lot, 'debut'), ['lots', i, 'debut'], issues);
      guardObject(field(lot, 'fin'), ['lots', i, 'fin'], issues);
      const factures = guardArray(field(lot, 'factures'), ['lots', i, 'factures'], issues, { max: 1_000_000 });
      if (factures === undefined) continue;
      for (let j = 0; j < factures.length; j++) records += guardB2Facture(factures[j], ['lots', i, 'factures', j], issues) ?? 0;
      if (issues.length - before > 100) break;
    }
  }
  return issues.length === before ? records : undefined;
}

/**
 * Checks the objects `b2FactureOf` walks in an FSE or a DRE (the model's groups, its lines and
 * their detail); zone values are checked as the records are built (`FSE_RECORD_FIELD`, `FW_*`).
 *
 * @param doc - The caller's FSE or DRE.
 * @param options - The caller's options (`undefined` for none).
 * @param issues - Collector.
 * @returns Whether the shape holds (no issue pushed).
 */
export function guardB2Source(doc: unknown, options: unknown, issues: Issue[]): boolean {
  const before = issues.length;
  if (options !== undefined) guardObject(options, ['options'], issues);
  const d = guardObject(doc, [], issues);
  if (d === undefined) return false;
  const kind = guardEnum(field(d, 'kind'), ['fse', 'dre'], ['kind'], issues);
  const fse = kind === 'dre' ? guardObject(field(d, 'fse'), ['fse'], issues) : d;
  if (kind === 'dre') guardObject(field(d, 'amc'), ['amc'], issues, { required: false });
  if (kind === undefined || fse === undefined) return false;
  const p: IssuePath = kind === 'dre' ? ['fse'] : [];
  for (const k of ['ps', 'identification', 'situation', 'amo', 'reglement']) guardObject(field(fse, k), [...p, k], issues);
  const b = guardObject(field(fse, 'beneficiaire'), [...p, 'beneficiaire'], issues);
  if (b !== undefined) guardString(field(b, 'nirAssure'), [...p, 'beneficiaire', 'nirAssure'], issues);
  guardObject(field(fse, 'amc'), [...p, 'amc'], issues, { required: false });
  const lignes = guardArray(field(fse, 'lignes'), [...p, 'lignes'], issues, { max: 9999 });
  lignes?.forEach((raw, k) => {
    const l = guardObject(raw, [...p, 'lignes', k], issues);
    if (l === undefined) return;
    const detail = guardObject(field(l, 'detail'), [...p, 'lignes', k, 'detail'], issues);
    if (detail !== undefined) guardString(field(detail, 'kind'), [...p, 'lignes', k, 'detail', 'kind'], issues);
    for (const f of ['coefficient', 'taux']) guardObject(field(l, f), [...p, 'lignes', k, f], issues);
  });
  return issues.length === before;
}
