/**
 * `reconcile(returns, ledger)`: applies ARLs and NOEMIE RSPs to the ledger through its state
 * machine, once per return (the ledger's processed-return ids make a second read a no-op), and
 * reports every invoice, difference, reject, retenue and forfait — never dropping one — plus
 * the bank matching of the virements and the tiers-payant follow-up.
 *
 * A NOEMIE file is addressed to one PS (entity 000, n° destinataire, NOEMIE PS cahier des
 * charges): with an explicit `ps`, a file addressed to another PS is refused before anything is
 * applied, and invoices are matched by PS + n° de facture (+ n° and date of lot and date of
 * invoicing when the 102 gives them). A file that matched no invoice of the ledger is not
 * recorded as processed, so it can be read again once the invoices are known; a recorded one
 * is applied again only on request (`reapply`), with an audit record in the ledger.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import { field, guardObject, guardString, inputErr } from '../../core/guard/index';
import type { HistoryEntry, LedgerInvoice, LedgerLot, LedgerStore, PartEventInput, ReturnAudit } from '../../ledger/index';
import { computeEventsToReapply } from '../../ledger/index';
import { filterAcceptedEvents } from './acceptEvents';
import type { NoemieFile } from '../../noemie/types';
import { reconcileArl } from './arlEvents';
import type { PlannedEvent } from './classify';
import { classifyReturnInvoice } from './classify';
import { RECONCILE_CODES } from './codes';
import { computeTiersPayantFollowUp } from './followUp';
import { computePaymentMatches } from './payments';
import type { ReconciledArl, ReconciledForfait, ReconciledInvoice, ReconciledRetenue, ReconciledSource, ReconciliationReport } from './report';
import type { RejectDictionary } from './rejects';
import { MODELED_REJECT_DICTIONARY } from './rejects';
import type { ReturnVirement } from './returnGroups';
import { computeReturnGroups } from './returnGroups';
import { guardReconcileArgs, normalizePs } from './reconcileInput';
import type { ReconcileOptions, ReturnsInput } from './options';

export type { ReconcileOptions, ReconcileReapply, ReturnsInput } from './options';
import { assertShape } from '../guards';

const issue = createIssueFactory(RECONCILE_CODES);

/**
 * Id under which a NOEMIE file is recorded as processed: emitter, destinataire, file id and
 * creation date.
 *
 * @param file - The NOEMIE file.
 * @returns `noemie:<type><n° émetteur>><type><n° destinataire>:<identification>:<date>`.
 * @throws SesamError `ASSERTION` when `file` has no NOEMIE header.
 */
export function formatNoemieSourceId(file: Pick<NoemieFile, 'header'>): string {
  const h = assertNoemieHeader(file);
  // The destinataire (the PS) is part of the id: a caisse numbers its files per PS, so two PS can
  // receive files with the same identification on the same day.
  return `noemie:${h.typeEmetteur}${h.numeroEmetteur}>${h.typeDestinataire}${h.numeroDestinataire}:${h.identificationFichier}:${h.dateCreation}`;
}

const strip = ({ partIndex: _p, ...e }: PlannedEvent): PartEventInput => e;

/** What one NOEMIE file did to the ledger. */
interface FileOutcome {
  readonly source: ReconciledSource;
  readonly invoices: readonly ReconciledInvoice[];
  readonly issues: readonly Issue[];
}

/** History entries of the involved invoices written with this source (what a re-apply skips). */
async function historyOfSource(ledger: LedgerStore, invoiceIds: readonly string[], sourceId: string): Promise<HistoryEntry[]> {
  const out: HistoryEntry[] = [];
  for (const id of new Set(invoiceIds)) out.push(...(await ledger.getHistory(id)).filter((h) => h.source === sourceId));
  return out;
}

async function reconcileFile(file: NoemieFile, fi: number, ps: string, ledger: LedgerStore, options: ReconcileOptions, dictionary: RejectDictionary, virements: ReturnVirement[], retenues: ReconciledRetenue[], forfaits: ReconciledForfait[]): Promise<FileOutcome> {
  const issues: Issue[] = [];
  const sourceId = formatNoemieSourceId(file);
  const already = await ledger.hasProcessedReturn(sourceId);
  const groups = computeReturnGroups(file);
  const planned: { invoice: ReconciledInvoice; events: readonly PlannedEvent[] }[] = [];
  for (const v of groups.virements) {
    virements.push(v);
    for (const ri of v.invoices) {
      const numero = /^\d{1,9}$/.test(ri.facture.numeroFacture) ? Number(ri.facture.numeroFacture) : undefined;
      const inv: LedgerInvoice | undefined = numero === undefined ? undefined : await ledger.getInvoiceByNumber(ps, numero);
      // The 102 names the lot of the part it pays: the FSE lot (AMO) or, from an OCT, the DRE lot (AMC).
      const lots: LedgerLot[] = [];
      for (const id of [inv?.parts.amo.lotId, inv?.parts.amc?.lotId]) {
        const l = id === undefined ? undefined : await ledger.getLot(id);
        if (l !== undefined) lots.push(l);
      }
      const named = ri.facture.entity === '102' && /^\d+$/.test(ri.facture.numeroLot) ? Number(ri.facture.numeroLot) : undefined;
      const lot = lots.find((l) => l.numero === named) ?? lots[0];
      planned.push(classifyReturnInvoice(ri, inv, lot, { sourceId, virementKey: v.key, path: ['noemie', fi, 'entities', ri.entityIndex], dictionary }));
    }
    retenues.push(...v.retenues.map((r) => ({ sourceId, virementKey: v.key, referenceDette: r.referenceDette, natureDette: r.natureDette, natureOperation: r.natureOperation, dateEnregistrement: r.dateEnregistrement, montant: r.montant, soldeDette: r.soldeDette })));
    forfaits.push(...v.forfaits.map((f) => ({ sourceId, virementKey: v.key, ...f })));
  }
  const matchedAny = planned.some((p) => p.invoice.invoiceId !== undefined);
  const reapply = already && options.reapply !== undefined && options.reapply.sourceIds.includes(sourceId) ? options.reapply : undefined;
  let applied = 0;
  let audit: ReturnAudit | undefined;
  const appliedEvents = new Set<PlannedEvent>();
  const refusals = new Map<PlannedEvent, Issue>();
  const all = planned.flatMap((p) => p.events);
  const pathOf = (e: PlannedEvent): Issue['path'] => ['noemie', fi, 'entities', planned.find((p) => p.events.includes(e))?.invoice.entityIndex ?? -1, e.part];
  if (!already && !matchedAny) {
    // Recording it would hide it for good from the PS it was meant for (or from a later read once the invoices are known).
    issues.push(issue('RECONCILE_NOT_RECORDED', { path: ['noemie', fi], received: sourceId }));
  } else if (!already || reapply) {
    const candidates = reapply ? computeEventsToReapply(await historyOfSource(ledger, all.map((e) => e.invoiceId), sourceId), all).pending : all;
    const { accepted, refused } = await filterAcceptedEvents(ledger, candidates, pathOf);
    for (const [e, why] of refused) refusals.set(e, why);
    // A re-apply sends the already-applied events too: the ledger skips them and counts them in its audit record.
    const done = all.filter((e) => !candidates.includes(e));
    const res = reapply
      ? await ledger.reapplyReturn({ sourceId, events: [...done, ...accepted].map(strip), audit: { by: reapply.by, reason: reapply.reason, ...(options.at ? { at: options.at } : {}) } })
      : await ledger.applyReturn({ sourceId, events: accepted.map(strip), ...(options.at ? { at: options.at } : {}) });
    if (!res.ok) issues.push(issue('RECONCILE_LEDGER_REFUSED', { path: ['noemie', fi], received: sourceId }), ...res.issues);
    else if (!('alreadyProcessed' in res.value) || !res.value.alreadyProcessed) {
      applied = res.value.applied.length;
      for (const e of accepted) appliedEvents.add(e);
      if ('audit' in res.value) audit = res.value.audit;
    }
  }
  const recorded = already || (matchedAny && !issues.some((i) => i.code === 'RECONCILE_LEDGER_REFUSED'));
  const source: ReconciledSource = { sourceId, kind: 'noemie', alreadyProcessed: already, recorded, eventsApplied: applied, ...(audit ? { audit } : {}) };
  const invoices = planned.map((p) => {
    const extra = p.events.map((e) => refusals.get(e)).filter((x): x is Issue => x !== undefined);
    return {
      ...p.invoice,
      parts: p.invoice.parts.map((part, k) => ({ ...part, applied: p.events.some((e) => e.partIndex === k && appliedEvents.has(e)) })),
      differences: [...p.invoice.differences, ...extra],
    };
  });
  return { source, invoices, issues };
}

/**
 * Reconciles returns with the ledger (see the module comment).
 *
 * @param returns - ARLs, NOEMIE files and bank movements.
 * @param ledger - The ledger store (memory, SQLite…).
 * @param options - PS, reject dictionary, event timestamp, bank matching, audited re-application.
 * @returns The report (differences are warnings); `INPUT_*` issues for data of the wrong shape and
 *   `RECONCILE_WRONG_ADDRESSEE` for a file addressed to another PS (nothing applied in both
 *   cases); `RECONCILE_LEDGER_REFUSED` when the ledger refused a return (nothing of that return
 *   is applied).
 * @example
 * const r = await reconcile({ arls: [arl], noemie: [rsp], bank: computeBankMovements(cfonb) }, ledger, { ps: '991234567' });
 */
export async function reconcile(returns: ReturnsInput, ledger: LedgerStore, options: ReconcileOptions = {}): Promise<Result<ReconciliationReport>> {
  const guardIssues: Issue[] = [];
  const args = guardReconcileArgs(returns, ledger, options, guardIssues);
  if (args === undefined) return inputErr(guardIssues);
  ({ returns, options } = args);
  // The addressee is checked for every file before anything is applied: a misaddressed file must
  // not half-apply a call.
  const wrong = (returns.noemie ?? []).flatMap((file, fi) =>
    options.ps !== undefined && normalizePs(file.header.numeroDestinataire) !== normalizePs(options.ps)
      ? [issue('RECONCILE_WRONG_ADDRESSEE', { path: ['noemie', fi, 'header', 'numeroDestinataire'], expected: options.ps, received: file.header.numeroDestinataire.trim() })]
      : [],
  );
  if (wrong.length > 0) return inputErr(wrong);
  const dictionary = options.dictionary ?? MODELED_REJECT_DICTIONARY;
  const issues: Issue[] = [];
  const sources: ReconciledSource[] = [];
  const arls: ReconciledArl[] = [];
  for (const [i, arl] of (returns.arls ?? []).entries()) {
    const r = await reconcileArl(arl, i, ledger, options.at, options.ps);
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
    const ps = options.ps ?? file.header.numeroDestinataire.trim();
    psSeen.add(ps);
    const r = await reconcileFile(file, fi, ps, ledger, options, dictionary, virements, retenues, forfaits);
    sources.push(r.source);
    invoices.push(...r.invoices);
    issues.push(...r.issues);
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
    differences: [...issues.filter((i) => i.code.startsWith('RECONCILE_ARL') || i.code === 'RECONCILE_TRANSITION_REFUSED' || i.code === 'RECONCILE_NOT_RECORDED'), ...differences],
    retenues, forfaits, arls,
    ...(payments ? { payments } : {}),
    followUp,
  };
  return resultOf(report, [...issues, ...differences]);
}

function assertNoemieHeader(file: unknown): NoemieFile['header'] {
  return assertShape('formatNoemieSourceId', (issues) => {
    const o = guardObject(file, [], issues);
    const h = o && guardObject(field(o, 'header'), ['header'], issues);
    if (h) for (const k of ['typeEmetteur', 'numeroEmetteur', 'typeDestinataire', 'numeroDestinataire', 'identificationFichier', 'dateCreation']) guardString(field(h, k), ['header', k], issues, { max: 64 });
    return h as NoemieFile['header'] | undefined;
  });
}
