/**
 * `reconcile(returns, ledger)`: applies ARLs and NOEMIE RSPs to the ledger through its state
 * machine, once per return (the ledger's processed-return ids make a second read a no-op), and
 * reports every invoice, difference, reject, retenue and forfait — never dropping one — plus
 * the bank matching of the virements and the tiers-payant follow-up.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import type { LedgerStore, PartEventInput } from '../../ledger/index';
import { filterAcceptedEvents } from './acceptEvents';
import type { BankMovement } from '../bank/types';
import type { Arl } from '../../noemie/arl/types';
import type { NoemieFile } from '../../noemie/types';
import { reconcileArl } from './arlEvents';
import type { PlannedEvent } from './classify';
import { classifyReturnInvoice } from './classify';
import { RECONCILE_CODES } from './codes';
import { computeTiersPayantFollowUp } from './followUp';
import type { PaymentMatchOptions } from './payments';
import { computePaymentMatches } from './payments';
import type { ReconciledArl, ReconciledForfait, ReconciledInvoice, ReconciledRetenue, ReconciledSource, ReconciliationReport } from './report';
import type { RejectDictionary } from './rejects';
import { MODELED_REJECT_DICTIONARY } from './rejects';
import type { ReturnVirement } from './returnGroups';
import { computeReturnGroups } from './returnGroups';

const issue = createIssueFactory(RECONCILE_CODES);

/** What came back: ARLs, NOEMIE files, and optionally the bank movements of the period. */
export interface ReturnsInput {
  readonly arls?: readonly Arl[];
  readonly noemie?: readonly NoemieFile[];
  readonly bank?: readonly BankMovement[];
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** N° de facturation of the PS (default: the NOEMIE 000 n° destinataire, trimmed). */
  readonly ps?: string;
  /** Reject dictionary (default the MODELED example table). */
  readonly dictionary?: RejectDictionary;
  /** Timestamp of the ledger events (default: the ledger's clock). */
  readonly at?: string;
  /** Bank matching window and token rule. */
  readonly payments?: PaymentMatchOptions;
}

/**
 * Id under which a NOEMIE file is recorded as processed: emitter, destinataire, file id and
 * creation date.
 *
 * @param file - The NOEMIE file.
 * @returns `noemie:<type><n° émetteur>><type><n° destinataire>:<identification>:<date>`.
 */
export function formatNoemieSourceId(file: Pick<NoemieFile, 'header'>): string {
  const h = file.header;
  // The destinataire (the PS) is part of the id: a caisse numbers its files per PS, so two PS can
  // receive files with the same identification on the same day.
  return `noemie:${h.typeEmetteur}${h.numeroEmetteur}>${h.typeDestinataire}${h.numeroDestinataire}:${h.identificationFichier}:${h.dateCreation}`;
}

const strip = ({ partIndex: _p, ...e }: PlannedEvent): PartEventInput => e;

/**
 * Reconciles returns with the ledger (see the module comment).
 *
 * @param returns - ARLs, NOEMIE files and bank movements.
 * @param ledger - The ledger store (memory, SQLite…).
 * @param options - PS, reject dictionary, event timestamp, bank matching.
 * @returns The report (differences are warnings), or `RECONCILE_LEDGER_REFUSED` when the
 *   ledger refused a return (nothing of that return is applied).
 * @example
 * const r = await reconcile({ arls: [arl], noemie: [rsp], bank: computeBankMovements(cfonb) }, ledger);
 */
export async function reconcile(returns: ReturnsInput, ledger: LedgerStore, options: ReconcileOptions = {}): Promise<Result<ReconciliationReport>> {
  const dictionary = options.dictionary ?? MODELED_REJECT_DICTIONARY;
  const issues: Issue[] = [];
  const sources: ReconciledSource[] = [];
  const arls: ReconciledArl[] = [];
  for (const [i, arl] of (returns.arls ?? []).entries()) {
    const r = await reconcileArl(arl, i, ledger, options.at);
    sources.push(r.source);
    arls.push(r.arl);
    issues.push(...r.issues);
  }
  const invoices: ReconciledInvoice[] = [];
  const retenues: ReconciledRetenue[] = [];
  const forfaits: ReconciledForfait[] = [];
  const virements: ReturnVirement[] = [];
  const psSeen = new Set<string>();
  for (const [fi, file] of (returns.noemie ?? []).entries()) {
    const sourceId = formatNoemieSourceId(file);
    const already = await ledger.hasProcessedReturn(sourceId);
    const ps = options.ps ?? file.header.numeroDestinataire.trim();
    psSeen.add(ps);
    const groups = computeReturnGroups(file);
    const planned: { invoice: ReconciledInvoice; events: readonly PlannedEvent[] }[] = [];
    for (const v of groups.virements) {
      virements.push(v);
      for (const ri of v.invoices) {
        const numero = /^\d+$/.test(ri.facture.numeroFacture) ? Number(ri.facture.numeroFacture) : undefined;
        const inv = numero === undefined ? undefined : await ledger.getInvoiceByNumber(ps, numero);
        const lotId = inv?.parts.amo.lotId ?? inv?.parts.amc?.lotId;
        const lot = lotId === undefined ? undefined : await ledger.getLot(lotId);
        planned.push(classifyReturnInvoice(ri, inv, lot, { sourceId, virementKey: v.key, path: ['noemie', fi, 'entities', ri.entityIndex], dictionary }));
      }
      retenues.push(...v.retenues.map((r) => ({ sourceId, virementKey: v.key, referenceDette: r.referenceDette, natureDette: r.natureDette, natureOperation: r.natureOperation, dateEnregistrement: r.dateEnregistrement, montant: r.montant, soldeDette: r.soldeDette })));
      forfaits.push(...v.forfaits.map((f) => ({ sourceId, virementKey: v.key, ...f })));
    }
    let applied = 0;
    let processed = already;
    const appliedEvents = new Set<PlannedEvent>();
    const refusals = new Map<PlannedEvent, Issue>();
    if (!already) {
      const all = planned.flatMap((p) => p.events);
      const { accepted, refused } = await filterAcceptedEvents(ledger, all, (e) => ['noemie', fi, 'entities', planned.find((p) => p.events.includes(e))?.invoice.entityIndex ?? -1, e.part]);
      for (const [e, why] of refused) refusals.set(e, why);
      const res = await ledger.applyReturn({ sourceId, events: accepted.map(strip), ...(options.at ? { at: options.at } : {}) });
      if (!res.ok) issues.push(issue('RECONCILE_LEDGER_REFUSED', { path: ['noemie', fi], received: sourceId }), ...res.issues);
      else if (res.value.alreadyProcessed) processed = true;
      else {
        applied = res.value.applied.length;
        for (const e of accepted) appliedEvents.add(e);
      }
    }
    sources.push({ sourceId, kind: 'noemie', alreadyProcessed: processed, eventsApplied: applied });
    for (const p of planned) {
      const extra = p.events.map((e) => refusals.get(e)).filter((x): x is Issue => x !== undefined);
      invoices.push({
        ...p.invoice,
        parts: p.invoice.parts.map((part, k) => ({ ...part, applied: p.events.some((e) => e.partIndex === k && appliedEvents.has(e)) })),
        differences: [...p.invoice.differences, ...extra],
      });
    }
  }
  let payments;
  if (returns.bank !== undefined) {
    const toMatch = virements.flatMap((v) => (v.reference === undefined || v.montantNet.centimes <= 0 ? [] : [{ key: v.key, date: v.reference.dateComptable, montant: v.montantNet, libelles: [v.reference.libelle1, v.reference.libelle2, v.reference.organismePayeur] }]));
    payments = computePaymentMatches(toMatch, returns.bank, options.payments);
    for (const v of payments.unmatchedVirements) issues.push(issue('RECONCILE_UNMATCHED_VIREMENT', { path: ['virements', v.key], received: v.key }));
  }
  const ps = options.ps ?? (psSeen.size === 1 ? [...psSeen][0] : undefined);
  const followUp = computeTiersPayantFollowUp(await ledger.listInvoices(ps === undefined ? {} : { ps }));
  const differences = invoices.flatMap((i) => i.differences);
  const by = (...s: ReconciledInvoice['status'][]): ReconciledInvoice[] => invoices.filter((i) => s.includes(i.status));
  const report: ReconciliationReport = {
    sources, invoices,
    matched: by('payee'), partiallyPaid: by('partiellement_payee'), rejected: by('rejetee'),
    pending: by('signalee', 'differee', 'traitement_caisse'), unknown: by('inconnue'),
    differences: [...issues.filter((i) => i.code.startsWith('RECONCILE_ARL') || i.code === 'RECONCILE_TRANSITION_REFUSED'), ...differences],
    retenues, forfaits, arls,
    ...(payments ? { payments } : {}),
    followUp,
  };
  return resultOf(report, [...issues, ...differences]);
}
