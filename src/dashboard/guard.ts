/**
 * Shape check of the dashboard's input with the shared guards (`core/guard`) and the returns
 * module's ledger-invoice guard: bad data comes back as `INPUT_*` issues, never as a throw in the
 * follow-up or the watchdog further down.
 */
import type { Issue, IssuePath } from '../core/issues/index';
import type { Rec } from '../core/guard/index';
import { field, guardArray, guardEnum, guardInteger, guardMoney, guardObject, guardPlainDate, guardString } from '../core/guard/index';
import { DEFAULT_WATCHDOG_THRESHOLDS } from '../returns/index';
import { guardLedgerInvoices, MAX_ITEMS } from '../returns/guards';
import { guardRejectDictionary } from '../returns/reconcile/rejects';

const PARTS = ['amo', 'amc'] as const;
const CONFIDENCE = ['high', 'low'] as const;

/** An ISO instant whose first 10 characters are a day (the follow-up reads the day of it). */
function guardInstant(v: unknown, path: IssuePath, issues: Issue[], required: boolean): void {
  const s = guardString(v, path, issues, { required, min: 10, max: 40 });
  if (s !== undefined) guardPlainDate(s.slice(0, 10), path, issues);
}

/** Invoices: the returns guard plus the instants the watchdog turns into days. */
function guardInvoices(v: unknown, issues: Issue[]): void {
  const before = issues.length;
  const list = guardLedgerInvoices(v, ['input', 'invoices'], issues);
  if (list === undefined || issues.length > before) return;
  for (const [i, inv] of list.entries()) {
    for (const part of PARTS) {
      const p = inv.parts[part] as unknown as Rec | undefined;
      if (p === undefined) continue;
      const path = ['input', 'invoices', i, 'parts', part];
      guardInstant(field(p, 'updatedAt'), [...path, 'updatedAt'], issues, true);
      guardInstant(field(p, 'transmittedAt'), [...path, 'transmittedAt'], issues, false);
    }
    const o = inv as unknown as Rec;
    guardString(field(o, 'recycledInto'), ['input', 'invoices', i, 'recycledInto'], issues, { required: false, max: 64 });
    if (issues.length - before >= 100) return;
  }
}

function guardHistory(v: unknown, issues: Issue[]): void {
  const list = guardArray(v, ['input', 'history'], issues, { required: false, max: MAX_ITEMS });
  for (const [i, e] of (list ?? []).entries()) {
    const p = ['input', 'history', i];
    const o = guardObject(e, p, issues);
    if (!o) continue;
    guardString(field(o, 'invoiceId'), [...p, 'invoiceId'], issues, { max: 64 });
    guardEnum(field(o, 'part'), PARTS, [...p, 'part'], issues);
    guardString(field(o, 'event'), [...p, 'event'], issues, { max: 40 });
    guardString(field(o, 'detail'), [...p, 'detail'], issues, { required: false, max: 4096 });
    if (issues.length >= 100) return;
  }
}

function guardLots(v: unknown, issues: Issue[]): void {
  const list = guardArray(v, ['input', 'lots'], issues, { required: false, max: MAX_ITEMS });
  for (const [i, l] of (list ?? []).entries()) {
    const o = guardObject(l, ['input', 'lots', i], issues);
    if (o) guardString(field(o, 'transmittedAt'), ['input', 'lots', i, 'transmittedAt'], issues, { required: false, max: 40 });
    if (issues.length >= 100) return;
  }
}

function guardPayments(v: unknown, issues: Issue[]): void {
  const path = ['input', 'payments'];
  const o = guardObject(v, path, issues, { required: false });
  if (!o) return;
  const matches = guardArray(field(o, 'matches'), [...path, 'matches'], issues, { max: MAX_ITEMS });
  for (const [i, m] of (matches ?? []).entries()) {
    const mo = guardObject(m, [...path, 'matches', i], issues);
    if (!mo) continue;
    guardEnum(field(mo, 'confidence'), CONFIDENCE, [...path, 'matches', i, 'confidence'], issues);
    const vir = guardObject(field(mo, 'virement'), [...path, 'matches', i, 'virement'], issues);
    if (vir) guardMoney(field(vir, 'montant'), [...path, 'matches', i, 'virement', 'montant'], issues);
  }
  const virs = guardArray(field(o, 'unmatchedVirements'), [...path, 'unmatchedVirements'], issues, { max: MAX_ITEMS });
  for (const [i, m] of (virs ?? []).entries()) {
    const mo = guardObject(m, [...path, 'unmatchedVirements', i], issues);
    if (mo) guardMoney(field(mo, 'montant'), [...path, 'unmatchedVirements', i, 'montant'], issues);
  }
  const credits = guardArray(field(o, 'unmatchedCredits'), [...path, 'unmatchedCredits'], issues, { max: MAX_ITEMS });
  for (const [i, m] of (credits ?? []).entries()) {
    const mo = guardObject(m, [...path, 'unmatchedCredits', i], issues);
    if (mo) guardMoney(field(mo, 'montant'), [...path, 'unmatchedCredits', i, 'montant'], issues);
  }
}

function guardNames(v: unknown, issues: Issue[]): void {
  const o = guardObject(v, ['input', 'names'], issues, { required: false });
  if (!o) return;
  for (const k of ['ps', 'patients']) {
    const map = guardObject(field(o, k), ['input', 'names', k], issues, { required: false });
    if (!map) continue;
    const keys = Object.keys(map);
    if (keys.length > MAX_ITEMS) guardArray(keys, ['input', 'names', k], issues, { max: MAX_ITEMS });
    else for (const key of keys) guardString(field(map, key), ['input', 'names', k, key], issues, { max: 200 });
  }
}

/**
 * Checks `buildDashboardModel`'s arguments.
 *
 * @param input - Caller data.
 * @param options - Caller options.
 * @returns The issues (empty when the shape is right).
 */
export function checkDashboardInput(input: unknown, options: unknown): Issue[] {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues);
  if (o) {
    guardPlainDate(field(o, 'today'), ['options', 'today'], issues);
    guardInteger(field(o, 'maxAlerts'), ['options', 'maxAlerts'], issues, { required: false, min: 0, max: 100_000 });
  }
  const i = guardObject(input, ['input'], issues);
  if (!i) return issues;
  guardInvoices(field(i, 'invoices'), issues);
  guardLots(field(i, 'lots'), issues);
  guardHistory(field(i, 'history'), issues);
  if (field(i, 'dictionary') !== undefined) guardRejectDictionary(field(i, 'dictionary'), ['input', 'dictionary'], issues);
  guardPayments(field(i, 'payments'), issues);
  guardNames(field(i, 'names'), issues);
  const t = guardObject(field(i, 'thresholds'), ['input', 'thresholds'], issues, { required: false });
  if (t) for (const k of Object.keys(DEFAULT_WATCHDOG_THRESHOLDS)) guardInteger(field(t, k), ['input', 'thresholds', k], issues, { required: false, min: 0, max: 100_000 });
  return issues;
}
