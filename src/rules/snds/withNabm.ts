/**
 * A référentiel that also prices NABM acts, compiled code by code on first use (the way
 * `withCcam` serves the CCAM): loading the 1 074 NABM rows through `loadReferentiel` checks and
 * compiles them all up front; an invoice uses a few.
 */
import type { Issue, Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import { field, guardObject, inputErr, inputIssue } from '../../core/guard/index';
import type { CompiledRow, Referentiel, TarifRow } from '../referentiel';
import { compileCodeRows } from '../referentiel';
import type { NabmTarifOptions } from './nabmTarif';
import { nabmTarifTable } from './nabmTarif';

/**
 * Extends a référentiel with the NABM rows of {@link nabmTarifTable}, compiled lazily.
 *
 * @param base - The référentiel to extend (e.g. `DEFAULT_REFERENTIEL`); its own rows win.
 * @param options - As for {@link nabmTarifTable} (values of B, zone, caller coefficients, rate).
 * @returns The extended référentiel (its `version` names the NABM table), or the options' issues.
 * @example
 * const ref = unwrap(withNabm(DEFAULT_REFERENTIEL));
 * computeFacture(input, { referentiel: ref });
 */
export function withNabm(base: Referentiel, options: NabmTarifOptions = {}): Result<Referentiel> {
  const issues: Issue[] = [];
  const b = guardObject(base, ['base'], issues);
  const index = b === undefined ? undefined : field(b, 'index');
  const baseResolve = b === undefined ? undefined : field(b, 'resolve');
  const version = b === undefined ? undefined : field(b, 'version');
  if (b === undefined || !(index instanceof Map) || (baseResolve !== undefined && typeof baseResolve !== 'function') || typeof version !== 'string') {
    if (issues.length === 0) issues.push(inputIssue('INPUT_TYPE', { path: ['base'], expected: 'Referentiel (loadReferentiel)', received: 'objet' }));
    return inputErr(issues);
  }
  const own = index as Referentiel['index'];
  const ownResolve = baseResolve as Referentiel['resolve'];
  const table = nabmTarifTable(options);
  if (!table.ok) return table;
  const byCode = new Map<string, TarifRow[]>();
  for (const row of table.value.rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  const compiled = new Map<string, readonly CompiledRow[] | null>();
  const resolve = (code: string): readonly CompiledRow[] | undefined => {
    const known = own.get(code) ?? ownResolve?.(code);
    if (known !== undefined) return known;
    let rows = compiled.get(code);
    if (rows === undefined) {
      const list = byCode.get(code);
      const r = list === undefined ? undefined : compileCodeRows(list);
      rows = r?.ok === true ? r.value : null;
      compiled.set(code, rows);
    }
    return rows ?? undefined;
  };
  return ok({ version: `${version} + ${table.value.version} (${table.value.date})`, index: own, resolve }, table.issues);
}
