/**
 * Boundary checks of `reconcile`: the returns, the ledger port and the options are caller data
 * (JSON, another process), checked with the shared guards before anything touches the ledger.
 */
import type { Issue } from '../../core/issues/index';
import { field, guardArray, guardFunction, guardInteger, guardObject, guardString } from '../../core/guard/index';
import { guardArl, guardBankMovements, guardFlag, guardNoemieFile, MAX_ITEMS } from '../guards';
import type { ReconcileOptions, ReturnsInput } from './options';
import { guardRejectDictionary } from './rejects';

/** Ledger methods reconciliation calls. */
const LEDGER_METHODS = ['hasProcessedReturn', 'applyReturn', 'reapplyReturn', 'getInvoiceByNumber', 'getInvoice', 'getLot', 'getHistory', 'listLots', 'listInvoices'] as const;

/**
 * A n° de facturation PS as compared with the 000 n° destinataire: spaces dropped, upper case,
 * leading zeros dropped (the 14-character zone may be zero-filled on the left).
 *
 * @param ps - The number as written.
 * @returns Its comparable form.
 */
export function normalizePs(ps: string): string {
  return ps.replace(/\s+/g, '').toUpperCase().replace(/^0+(?=.)/, '');
}

/**
 * Checks the arguments of `reconcile`.
 *
 * @returns The typed returns and options, or `undefined` after pushing `INPUT_*` issues.
 */
export function guardReconcileArgs(returns: unknown, ledger: unknown, options: unknown, issues: Issue[]): { returns: ReturnsInput; options: ReconcileOptions } | undefined {
  const r = guardObject(returns, ['returns'], issues);
  if (r) {
    const arls = guardArray(field(r, 'arls'), ['arls'], issues, { required: false, max: MAX_ITEMS });
    for (const [i, a] of (arls ?? []).entries()) guardArl(a, ['arls', i], issues);
    const files = guardArray(field(r, 'noemie'), ['noemie'], issues, { required: false, max: 10_000 });
    for (const [i, f] of (files ?? []).entries()) guardNoemieFile(f, ['noemie', i], issues);
    if (field(r, 'bank') !== undefined) guardBankMovements(field(r, 'bank'), ['bank'], issues);
  }
  const l = guardObject(ledger, ['ledger'], issues);
  if (l) for (const m of LEDGER_METHODS) guardFunction(readMethod(l, m), ['ledger', m], issues);
  const o = guardObject(options, ['options'], issues, { required: false });
  if (o) {
    guardString(field(o, 'ps'), ['options', 'ps'], issues, { required: false, min: 1, max: 64 });
    guardString(field(o, 'at'), ['options', 'at'], issues, { required: false, min: 10, max: 40 });
    if (field(o, 'dictionary') !== undefined) guardRejectDictionary(field(o, 'dictionary'), ['options', 'dictionary'], issues);
    const p = guardObject(field(o, 'payments'), ['options', 'payments'], issues, { required: false });
    if (p) {
      guardInteger(field(p, 'daysBefore'), ['options', 'payments', 'daysBefore'], issues, { required: false, min: 0, max: 3660 });
      guardInteger(field(p, 'daysAfter'), ['options', 'payments', 'daysAfter'], issues, { required: false, min: 0, max: 3660 });
      guardFlag(field(p, 'requireLibelleToken'), ['options', 'payments', 'requireLibelleToken'], issues);
    }
    const re = guardObject(field(o, 'reapply'), ['options', 'reapply'], issues, { required: false });
    if (re) {
      const ids = guardArray(field(re, 'sourceIds'), ['options', 'reapply', 'sourceIds'], issues, { max: 10_000 });
      for (const [i, id] of (ids ?? []).entries()) guardString(id, ['options', 'reapply', 'sourceIds', i], issues, { min: 1, max: 256 });
      guardString(field(re, 'by'), ['options', 'reapply', 'by'], issues, { min: 1, max: 200 });
      guardString(field(re, 'reason'), ['options', 'reapply', 'reason'], issues, { min: 1, max: 2000 });
    }
  }
  if (issues.length > 0 || r === undefined) return undefined;
  return { returns: r as ReturnsInput, options: (o ?? {}) as ReconcileOptions };
}

/** A port method: own or inherited (a class-based store), read without running a getter that throws. */
function readMethod(obj: object, name: string): unknown {
  try {
    return (obj as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}
