/**
 * Shape check of a `DashboardModel` given to `renderDashboardHtml` (normally the output of
 * `buildDashboardModel`, but the renderer is exported and must not throw on junk): every field
 * the renderer reads is checked with the shared guards.
 */
import type { Issue, IssuePath } from '../../core/issues/index';
import type { Rec } from '../../core/guard/index';
import { field, guardArray, guardBoolean, guardEnum, guardInteger, guardMoney, guardObject, guardPlainDate, guardString } from '../../core/guard/index';

const PARTS = ['amo', 'amc'] as const;
const KEYS = ['0-7', '8-15', '16-30', '31+'] as const;
const MAX = 1_000_000;
type Spec = Readonly<Record<string, 'i' | 'm' | 's' | 's?' | 'd' | 'b' | 'p' | 'k'>>;

function fields(o: Rec, spec: Spec, path: IssuePath, issues: Issue[]): void {
  for (const [k, kind] of Object.entries(spec)) {
    const v = field(o, k);
    const p = [...path, k];
    if (kind === 'i') guardInteger(v, p, issues, { min: 0 });
    else if (kind === 'm') guardMoney(v, p, issues);
    else if (kind === 's') guardString(v, p, issues, { max: 4096 });
    else if (kind === 's?') guardString(v, p, issues, { max: 4096, required: false });
    else if (kind === 'd') guardPlainDate(v, p, issues);
    else if (kind === 'b') guardBoolean(v, p, issues);
    else if (kind === 'p') guardEnum(v, PARTS, p, issues);
    else guardEnum(v, KEYS, p, issues);
  }
}

function list(v: unknown, path: IssuePath, issues: Issue[], each: (o: Rec, p: IssuePath) => void): void {
  for (const [i, x] of (guardArray(v, path, issues, { max: MAX }) ?? []).entries()) {
    const o = guardObject(x, [...path, i], issues);
    if (o) each(o, [...path, i]);
    if (issues.length >= 100) return;
  }
}

const TOTALS: Spec = { count: 'i', expected: 'm', paid: 'm', rejected: 'm', awaiting: 'm', shortfall: 'm' };
const BUCKET: Spec = { key: 'k', label: 's', amo: 'm', amc: 'm', total: 'm', count: 'i' };
const REJECT: Spec = { invoiceId: 's', ps: 's', psName: 's?', patient: 's?', numero: 'i', part: 'p', dateSoins: 'd', amount: 'm', recyclable: 'b' };
const CODE: Spec = { code: 's', libelle: 's?', libelleCaisse: 's?', correction: 's' };
const BANK: Spec = { matched: 'i', matchedAmount: 'm', lowConfidence: 'i', unmatchedVirements: 'i', unmatchedVirementsAmount: 'm', unmatchedCredits: 'i', unmatchedCreditsAmount: 'm' };
const ALERT: Spec = { label: 's', numero: 'i', ps: 's', psName: 's?', part: 'p', since: 'd', ageDays: 'i', thresholdDays: 'i', amountAtRisk: 'm' };

/**
 * Checks the fields of a dashboard model the renderer reads.
 *
 * @param v - Caller value.
 * @param issues - Collector.
 */
export function guardDashboardModel(v: unknown, issues: Issue[]): void {
  const o = guardObject(v, ['model'], issues);
  if (!o) return;
  guardPlainDate(field(o, 'today'), ['model', 'today'], issues);
  guardInteger(field(o, 'invoiceCount'), ['model', 'invoiceCount'], issues, { min: 0 });
  const totals = guardObject(field(o, 'totals'), ['model', 'totals'], issues);
  for (const part of PARTS) {
    const t = totals && guardObject(field(totals, part), ['model', 'totals', part], issues);
    if (t) fields(t, TOTALS, ['model', 'totals', part], issues);
  }
  list(field(o, 'ageing'), ['model', 'ageing'], issues, (b, p) => fields(b, BUCKET, p, issues));
  list(field(o, 'rejects'), ['model', 'rejects'], issues, (r, p) => {
    fields(r, REJECT, p, issues);
    list(field(r, 'codes'), [...p, 'codes'], issues, (c, cp) => fields(c, CODE, cp, issues));
  });
  const dict = guardObject(field(o, 'dictionary'), ['model', 'dictionary'], issues);
  if (dict) fields(dict, { name: 's', modeled: 'b' }, ['model', 'dictionary'], issues);
  const bank = guardObject(field(o, 'bank'), ['model', 'bank'], issues, { required: false });
  if (bank) fields(bank, BANK, ['model', 'bank'], issues);
  const w = guardObject(field(o, 'watchdog'), ['model', 'watchdog'], issues);
  if (w) {
    fields(w, { totalAtRisk: 'm', alertCount: 'i' }, ['model', 'watchdog'], issues);
    list(field(w, 'alerts'), ['model', 'watchdog', 'alerts'], issues, (a, p) => fields(a, ALERT, p, issues));
  }
  const lots = guardObject(field(o, 'lots'), ['model', 'lots'], issues);
  if (lots) fields(lots, { total: 'i', transmitted: 'i', pending: 'i' }, ['model', 'lots'], issues);
}
