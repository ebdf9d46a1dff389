/**
 * Fictitious ledger scenario for the dashboard tests: invoices of two test PS, some paid, one
 * partially paid, rejects with modeled reject codes (MOD…), some still awaited at various ages.
 * NIRs come from the ledger fixtures (invented, valid key); names are invented.
 */
import type { PlainDate } from '../../src/core/date/index';
import { addDays } from '../../src/core/date/index';
import { fromCentimes } from '../../src/core/money/index';
import type { LedgerStore, LedgerInvoice } from '../../src/ledger/index';
import { unwrap } from '../../src/core/issues/index';
import { draft, dreDraft, NIR_A, NIR_B, PS1, PS2 } from '../ledger/fixtures';

/** Day of the dashboard in the scenario. */
export const TODAY = '2025-04-30' as PlainDate;

/** Hostile names (XSS probes) the PMS could hold. */
export const HOSTILE_PATIENT = '<img src=x onerror="alert(1)">Dupont & "Fils"\'';
export const HOSTILE_PS = '</td><script>alert("ps")</script>';

/** What the scenario returns. */
export interface Scenario {
  readonly invoices: readonly LedgerInvoice[];
  /** Patient names by invoice id. */
  readonly patients: Record<string, string>;
  /** Id of the invoice whose AMO part is rejected with MOD1 (recyclable). */
  readonly rejectedId: string;
}

/**
 * Fills a ledger with the scenario (every event at fixed instants: no clock read).
 *
 * @param ledger - An empty store.
 * @returns The invoices and names.
 */
export async function fillScenario(ledger: LedgerStore): Promise<Scenario> {
  const days = [1, 10, 20, 45, 3, 12] as const;
  const ids: string[] = [];
  for (const [i, ago] of days.entries()) {
    const day = addDays(TODAY, -ago);
    const make = i % 2 === 0 ? dreDraft : draft;
    const inv = unwrap(await ledger.recordInvoice(make({ ps: i < 4 ? PS1 : PS2, beneficiaire: { nir: i % 2 === 0 ? NIR_A : NIR_B, rang: 1, dateNaissance: '1985-07-01' as PlainDate }, dateSoins: day, dateFacturation: day, montants: { total: fromCentimes(3000 + i * 100), amo: fromCentimes(2000 + i * 70), amc: fromCentimes(900 + i * 30), patient: fromCentimes(100) }, at: `${day}T09:00:00+02:00` })));
    ids.push(inv.id);
  }
  for (const ps of [PS1, PS2]) {
    const mine = (await ledger.listInvoices({ ps })).map((i) => i.id);
    const lot = unwrap(await ledger.createLot({ ps, destinataire: '01751', kind: 'fse', invoiceIds: mine, at: '2025-04-01T10:00:00+02:00' }));
    unwrap(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: '2025-04-01T10:05:00+02:00' }));
  }
  const [a, b, c, , e] = ids as [string, string, string, string, string];
  const first = await ledger.getInvoice(a);
  if (first === undefined) throw new Error('scenario: invoice missing');
  unwrap(await ledger.applyReturn({ sourceId: 'RSP-1', at: '2025-04-10T08:00:00+02:00', events: [
    { invoiceId: a, part: 'amo', event: 'paiement', amount: first.parts.amo.expected, virementRef: 'VIR1' },
    { invoiceId: b, part: 'amo', event: 'rejet', detail: 'MOD1 NIR INCONNU' },
    { invoiceId: c, part: 'amo', event: 'paiement_partiel', amount: fromCentimes(1000) },
    { invoiceId: e, part: 'amo', event: 'rejet', detail: 'ZZ99 CODE INCONNU <b>caisse</b> ; MOD5 DOUBLON' },
  ] }));
  const patients: Record<string, string> = {};
  ids.forEach((id, i) => (patients[id] = i === 1 ? HOSTILE_PATIENT : `Patient fictif ${i + 1}`));
  return { invoices: await ledger.listInvoices(), patients, rejectedId: b };
}
