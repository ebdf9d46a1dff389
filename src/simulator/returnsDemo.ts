/**
 * Demo stage "returns" (issue 6 §4): produce the caisse's returns for the ledger's transmitted
 * lots (positive ARL, NOEMIE 580 with one reject, one partial payment and a retenue, CFONB 120
 * statement), read them back from bytes, reconcile with the ledger and the bank, and print the
 * tiers-payant follow-up and the watchdog report. The CLI (`npm run demo`) calls it after the
 * lots are transmitted.
 */
import type { PlainDate } from '../core/date/index';
import { field, guardFunction, guardObject, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { formatMoney } from '../core/money/index';
import type { LedgerStore } from '../ledger/index';
import { computeBankMovements } from '../returns/bank/movements';
import { parseCfonb120 } from '../returns/bank/parseCfonb120';
import { parseNoemie } from '../noemie/parseNoemie';
import type { ReconciliationReport, WatchdogReport, WatchdogThresholds } from '../returns/reconcile/index';
import { computeWatchdogReport, reconcile } from '../returns/reconcile/index';
import { LIBELLE_ALERTE, LIBELLE_CONFIANCE, LIBELLE_ETAT, plural } from './labels';
import type { SimulatedReturns } from './returns';
import { guardPort, guardSimulatorOptions } from './guard';
import { buildSimulatedReturns } from './returns';

/** Options of {@link runReturnsDemo}. */
export interface ReturnsDemoOptions {
  readonly ps: string;
  /** Date of the returns (never the wall clock, so the demo output is reproducible). */
  readonly date: PlainDate;
  /** Day of the watchdog report (default: `date`); see docs/helpers/CONVENTIONS.md, time parameters. */
  readonly today?: PlainDate;
  readonly thresholds?: Partial<WatchdogThresholds>;
  /** Where text goes (e.g. `io.out`). */
  readonly out: (text: string) => void;
}

/** What the demo produced. */
export interface ReturnsDemoResult {
  readonly simulated: SimulatedReturns;
  readonly report: ReconciliationReport;
  readonly watchdog: WatchdogReport;
}

const eur = (m: Money): string => formatMoney(m, { ascii: true });

/**
 * Runs the returns demo stage.
 *
 * @param ledger - The ledger holding transmitted lots.
 * @param options - PS, dates, output.
 * @returns The simulated returns, the reconciliation report and the watchdog report, or the
 *   issues that stopped the stage.
 */
export async function runReturnsDemo(ledger: LedgerStore, options: ReturnsDemoOptions): Promise<Result<ReturnsDemoResult>> {
  const guarded: Issue[] = [];
  guardPort(ledger, ['listLots', 'getInvoice', 'listInvoices'], guarded);
  const o = guardSimulatorOptions(options, guarded);
  if (o !== undefined) {
    guardFunction(field(o, 'out'), ['options', 'out'], guarded);
    guardString(field(o, 'watchdogAt'), ['options', 'watchdogAt'], guarded, { required: false, max: 40 });
    guardObject(field(o, 'thresholds'), ['options', 'thresholds'], guarded, { required: false });
  }
  if (guarded.length > 0) return inputErr(guarded);
  const out = options.out;
  const simulated = await buildSimulatedReturns(ledger, { ps: options.ps, date: options.date });
  if (!simulated.ok) return simulated;
  const sim = simulated.value;
  out(`\n━━ Retours de la caisse (${options.date}) ━━\n`);
  out(`  ${plural(sim.arls.length, 'ARL positif')} ; NOEMIE 580 : ${sim.noemieBytes.length} octets ; relevé CFONB 120 : ${sim.cfonbText.split('\n').filter(Boolean).length} enregistrements\n`);
  const noemie = parseNoemie(sim.noemieBytes);
  if (!noemie.ok) return noemie;
  const cfonb = parseCfonb120(sim.cfonbText);
  if (!cfonb.ok) return cfonb;
  const r = await reconcile({ arls: sim.arls, noemie: [noemie.value], bank: computeBankMovements(cfonb.value) }, ledger, { ps: options.ps });
  if (!r.ok) return r;
  const report = r.value;
  out('\n━━ Rapprochement ━━\n');
  // Sorted by n° facture (the NOEMIE file's order is the caisse's, not the PS's).
  const invoices = [...report.invoices].sort((a, b) => a.numeroFacture.padStart(12, '0').localeCompare(b.numeroFacture.padStart(12, '0')));
  const width = Math.max(0, ...invoices.map((i) => LIBELLE_ETAT[i.status].length));
  for (const inv of invoices) {
    const parts = inv.parts
      .map((p) => `${p.part.toUpperCase()} ${p.etat ?? '-'} ${p.paye ? eur(p.paye) : '-'} payé / ${p.demande ? eur(p.demande) : '-'} demandé`)
      .join(' ; ');
    out(`  facture ${inv.numeroFacture.padStart(6)}  ${LIBELLE_ETAT[inv.status].padEnd(width)}  ${parts}\n`);
    for (const rej of inv.rejects) out(`      rejet ${rej.code} : ${rej.definition?.libelle ?? rej.libelleCaisse} → ${rej.definition?.correction ?? 'code inconnu du dictionnaire'}${inv.recycle ? ' (à recycler)' : ''}\n`);
  }
  out('  (état NOEMIE de la part : P = payée, R = rejetée, D = différée)\n');
  for (const ret of report.retenues) out(`  retenue ${ret.natureDette}/${ret.natureOperation} ${ret.referenceDette} : ${eur(ret.montant)}\n`);
  for (const m of report.payments?.matches ?? []) out(`  virement ${eur(m.virement.montant)} du ${m.virement.date} ↔ relevé ${m.movement.date} « ${m.movement.libelle.slice(0, 40)} » (${LIBELLE_CONFIANCE[m.confidence]})\n`);
  for (const v of report.payments?.unmatchedVirements ?? []) out(`  virement non trouvé au relevé : ${v.key} ${eur(v.montant)}\n`);
  for (const c of report.payments?.unmatchedCredits ?? []) out(`  crédit bancaire non rapproché : ${c.date} ${c.libelle} ${eur(c.montant)}\n`);
  out('\n━━ Suivi tiers payant ━━\n');
  for (const [name, p] of [['AMO', report.followUp.amo], ['AMC', report.followUp.amc]] as const) {
    out(`  ${name} : attendu ${eur(p.expected)} ; payé ${eur(p.paid)} ; rejeté ${eur(p.rejected)} ; en attente ${eur(p.awaiting)}${p.ecart.centimes !== 0 ? ` ; écart ${eur(p.ecart)}` : ''} (${plural(p.count, 'part')})\n`);
  }
  const watchdog = computeWatchdogReport(await ledger.listInvoices({ ps: options.ps }), { today: options.today ?? options.date, ...(options.thresholds === undefined ? {} : { thresholds: options.thresholds }) });
  out(`\n━━ Surveillance (${watchdog.today}) : ${plural(watchdog.alerts.length, 'alerte')}, ${eur(watchdog.totalAtRisk)} à risque ━━\n`);
  const alerts = [...watchdog.alerts].sort((a, b) => a.numero - b.numero || a.part.localeCompare(b.part));
  for (const a of alerts) out(`  ${eur(a.amountAtRisk).padStart(10)}  facture ${a.numero} ${a.part.toUpperCase()} ${LIBELLE_ALERTE[a.kind]}${LIBELLE_ETAT[a.state] === LIBELLE_ALERTE[a.kind] ? '' : ` (état : ${LIBELLE_ETAT[a.state]})`} depuis ${a.ageDays} j (seuil ${a.thresholdDays} j)\n`);
  return ok({ simulated: sim, report, watchdog });
}
