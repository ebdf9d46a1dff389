/**
 * Dashboard bench: building the model (`buildDashboardModel`: guard, ledger totals, ageing,
 * rejects, watchdog) and rendering the page (`renderDashboardHtml`) over 5 000 fictitious
 * invoices, against a baseline of the ledger's own totals over the same list (`computeSummary`,
 * what `summarize()` runs), measured in the same run.
 */
import type { PlainDate } from '../src/core/date/index';
import { addDays, plainDate } from '../src/core/date/index';
import { fromCentimes } from '../src/core/money/index';
import { unwrap } from '../src/core/issues/index';
import { buildDashboardModel, renderDashboardHtml } from '../src/dashboard/index';
import { computeSummary } from '../src/ledger/engine/queries';
import type { LedgerInvoice, PartState } from '../src/ledger/index';
import { measure, report } from './harness';

const TODAY = plainDate('2025-06-30');
const STATES: readonly PartState[] = ['a_emettre', 'en_lot', 'transmise', 'arl_positive', 'payee', 'partiellement_payee', 'rejetee', 'recyclee'];

function invoices(n: number): LedgerInvoice[] {
  return Array.from({ length: n }, (_, i) => {
    const day = addDays(TODAY, -(i % 90)) as PlainDate;
    const at = `${day}T10:00:00+02:00`;
    const part = (state: PartState, c: number): LedgerInvoice['parts']['amo'] => ({ state, expected: fromCentimes(c), paid: fromCentimes(state === 'payee' ? c : state === 'partiellement_payee' ? Math.floor(c / 2) : 0), transmittedAt: at, virementRefs: [], updatedAt: at });
    return {
      id: String(i + 1), numero: i + 1, ps: '991234567', careKey: `k${i}`, createdAt: at,
      beneficiaire: { nir: '1850775123456', rang: 1 }, dateSoins: day, dateFacturation: day, actes: ['G'],
      montants: { total: fromCentimes(3000), amo: fromCentimes(2100), amc: fromCentimes(900), patient: fromCentimes(0) },
      destinataireAmo: '01751', securisation: 'S',
      parts: { amo: part(STATES[i % STATES.length] ?? 'transmise', 2100), ...(i % 3 === 0 ? { amc: part(STATES[(i + 3) % STATES.length] ?? 'transmise', 900) } : {}) },
    };
  });
}

export default async function (): Promise<void> {
  const list = invoices(5000);
  const model = unwrap(buildDashboardModel({ invoices: list }, { today: TODAY }));
  console.log(`dashboard: 5 000 invoices, ${model.rejects.length} rejects, ${model.watchdog.alertCount} alerts (200 listed)`);
  report(
    [
      measure('baseline: ledger computeSummary (5 000 invoices)', () => computeSummary(list), { batch: 5, rounds: 5 }),
      measure('buildDashboardModel (5 000 invoices)', () => buildDashboardModel({ invoices: list }, { today: TODAY }), { batch: 1, rounds: 5 }),
      measure('renderDashboardHtml (that model)', () => renderDashboardHtml(model, { lang: 'fr' }), { batch: 1, rounds: 5 }),
    ],
    'pages/s',
  );
}
