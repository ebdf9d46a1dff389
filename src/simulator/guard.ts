/**
 * Shape checks of the simulator's caller data (the ledger port it reads, its options), in the
 * shared guard style (`INPUT_*` issues with paths).
 */
import type { Rec } from '../core/guard/index';
import { field, guardFunction, guardMoney, guardObject, guardPlainDate, guardString } from '../core/guard/index';
import type { Issue, IssuePath } from '../core/issues/index';

/**
 * Checks that a ledger port has the methods the simulator calls. Methods may be inherited
 * (a class-based adapter), so they are read as properties, not only own ones.
 *
 * @param v - The caller's ledger.
 * @param methods - Method names.
 * @param issues - Collector.
 */
export function guardPort(v: unknown, methods: readonly string[], issues: Issue[]): void {
  const o = guardObject(v, ['ledger'], issues);
  if (o === undefined) return;
  for (const m of methods) {
    let fn: unknown;
    try {
      fn = (o as Readonly<Record<string, unknown>>)[m];
    } catch {
      fn = undefined;
    }
    guardFunction(fn, ['ledger', m], issues);
  }
}

/**
 * Checks the options shared by the simulator's functions: `ps`, `date`, and the optional
 * caisse, file id, retenue, account and balance.
 *
 * @param v - The caller's options.
 * @param issues - Collector.
 * @returns The options object (unchanged), or `undefined`.
 */
export function guardSimulatorOptions(v: unknown, issues: Issue[]): Rec | undefined {
  const o = guardObject(v, ['options'], issues);
  if (o === undefined) return undefined;
  const at = (k: string): IssuePath => ['options', k];
  guardString(field(o, 'ps'), at('ps'), issues, { min: 1, max: 15, pattern: /^\d+$/, expected: 'n° de facturation du PS (chiffres)' });
  guardPlainDate(field(o, 'date'), at('date'), issues);
  const caisse = guardObject(field(o, 'caisse'), at('caisse'), issues, { required: false });
  if (caisse !== undefined) for (const k of ['numeroEmetteur', 'organismePayeur', 'libelle']) guardString(field(caisse, k), ['options', 'caisse', k], issues, { required: false, max: 32 });
  guardString(field(o, 'identificationFichier'), at('identificationFichier'), issues, { required: false, max: 6 });
  guardMoney(field(o, 'retenue'), at('retenue'), issues, { required: false });
  guardObject(field(o, 'compte'), at('compte'), issues, { required: false });
  guardMoney(field(o, 'ancienSolde'), at('ancienSolde'), issues, { required: false });
  return o;
}
