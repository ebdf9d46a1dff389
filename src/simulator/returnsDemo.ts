/**
 * Demo stage "returns" (issue 6 §4): produce the caisse's returns for the ledger's transmitted
 * lots (positive ARL, NOEMIE 580 with one reject, one partial payment and a retenue, CFONB 120
 * statement), read them back from bytes, reconcile with the ledger and the bank, and print the
 * tiers-payant follow-up and the watchdog report. The CLI (`npm run demo`) calls it after the
 * lots are transmitted.
 */
import type { PlainDate } from '../core/date/index';
import { field, guardArray, guardFunction, guardObject, guardString, inputErr } from '../core/guard/index';
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
import { buildSimulatedStatement } from './statement';
import { computeReturnGroups } from '../returns/reconcile/returnGroups';
import type { Arl } from '../noemie/arl/types';
import type { NoemieFile } from '../noemie/types';

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
  /**
   * Returns actually received (e.g. fetched over IMAP from the local caisse): reconciled instead
   * of simulated ones; the ARLs and NOEMIE files addressed to other PS are left out, and the bank
   * statement carries the virements of these NOEMIE files.
   */
  readonly fetched?: { readonly arls: readonly Arl[]; readonly noemie: readonly NoemieFile[] };
}

/** What the demo produced. */
export interface ReturnsDemoResult {
  /** The simulated returns (absent when `fetched` returns were reconciled). */
  readonly simulated?: SimulatedReturns;
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
    const f = guardObject(field(o, 'fetched'), ['options', 'fetched'], guarded, { required: false });
    if (f !== undefined) for (const k of ['arls', 'noemie']) guardArray(field(f, k), ['options', 'fetched', k], guarded);
  }
  if (guarded.length > 0) return inputErr(guarded);
  const out = options.out;
  const input = options.fetched === undefined ? await simulatedInput(ledger, options) : fetchedInput(options.fetched, options);
  if (!input.ok) return input;
  const { arls, noemie, cfonbText, sim } = input.value;
  const cfonb = parseCfonb120(cfonbText);
  if (!cfonb.ok) return cfonb;
  const r = await reconcile({ arls, noemie, bank: computeBankMovements(cfonb.value) }, ledger, { ps: options.ps });
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
  return ok({ ...(sim ? { simulated: sim } : {}), report, watchdog });
}

interface DemoInput {
  readonly arls: readonly Arl[];
  readonly noemie: readonly NoemieFile[];
  readonly cfonbText: string;
  readonly sim?: SimulatedReturns;
}

/** The simulated returns of the PS's transmitted lots, read back from their bytes. */
async function simulatedInput(ledger: LedgerStore, options: ReturnsDemoOptions): Promise<Result<DemoInput>> {
  const simulated = await buildSimulatedReturns(ledger, { ps: options.ps, date: options.date });
  if (!simulated.ok) return simulated;
  const sim = simulated.value;
  options.out(`\n━━ Retours de la caisse (${options.date}) ━━\n`);
  options.out(`  ${plural(sim.arls.length, 'ARL positif')} ; NOEMIE 580 : ${sim.noemieBytes.length} octets ; relevé CFONB 120 : ${sim.cfonbText.split('\n').filter(Boolean).length} enregistrements\n`);
  const noemie = parseNoemie(sim.noemieBytes);
  if (!noemie.ok) return noemie;
  return ok({ arls: sim.arls, noemie: [noemie.value], cfonbText: sim.cfonbText, sim });
}

/** The fetched returns addressed to the PS, and the statement of their virements. */
function fetchedInput(fetched: NonNullable<ReturnsDemoOptions['fetched']>, options: ReturnsDemoOptions): Result<DemoInput> {
  // Shapes are reconcile's to check (it reports them as INPUT_* issues): here, what is not an
  // ARL or a NOEMIE file of this PS is left to it, and a malformed file adds no virement.
  const mine = (n: unknown): boolean => typeof n === 'string' && n.trim().replace(/^0+/, '') === options.ps.replace(/^0+/, '');
  const arls = fetched.arls.filter((a) => typeof a !== 'object' || a === null || mine(a.numeroDestinataire));
  const noemie = fetched.noemie.filter((f) => typeof f !== 'object' || f === null || typeof f.header !== 'object' || f.header === null || mine(f.header.numeroDestinataire));
  const virementsOf = (f: NoemieFile): ReturnType<typeof computeReturnGroups>['virements'] => {
    try {
      return computeReturnGroups(f).virements;
    } catch {
      return [];
    }
  };
  const virements = noemie.flatMap((f) => virementsOf(f).flatMap((v) => (v.reference ? [{ montant: v.montantNet, organismePayeur: v.reference.organismePayeur, libelle: `${v.reference.libelle1} ${v.reference.libelle2}` }] : [])));
  const statement = buildSimulatedStatement(virements, { date: options.date });
  if (!statement.ok) return statement;
  const positive = arls.filter((a) => a.statut === 'positif').length;
  options.out(`\n━━ Retours relevés par IMAP (${options.date}) ━━\n`);
  options.out(`  ${arls.length} ARL (${positive} positif(s)) ; ${plural(noemie.length, 'retour')} NOEMIE 580 ; relevé CFONB 120 : ${statement.value.cfonbText.split('\n').filter(Boolean).length} enregistrements\n`);
  return ok({ arls, noemie, cfonbText: statement.value.cfonbText });
}
