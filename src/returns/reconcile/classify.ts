/**
 * Pure per-invoice reconciliation: from what the caisse said (198 / 199 état, 294 rejects, 290
 * signalements) and the ledger invoice, the outcome, the differences and the events to apply.
 */
import type { Issue, IssuePath } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import { add, compare, equals, formatDecimal } from '../../core/money/index';
import type { LedgerInvoice, LedgerLot, PartEventInput, PartEventType, PartName, PartStatus } from '../../ledger/index';
import type { NoemiePartAmc, NoemiePartAmo } from '../../noemie/types';
import { RECONCILE_CODES } from './codes';
import type { ReconciledInvoice, ReconciledPart, ReconciledReject, ReconciledStatus } from './report';
import type { RejectDictionary } from './rejects';
import { lookupReject } from './rejects';
import type { ReturnInvoice } from './returnGroups';

const issue = createIssueFactory(RECONCILE_CODES);

/** Context of one invoice of a return. */
export interface ClassifyContext {
  readonly sourceId: string;
  readonly virementKey: string;
  readonly path: IssuePath;
  readonly dictionary: RejectDictionary;
}

/** A planned ledger event with the report part it belongs to. */
export interface PlannedEvent extends PartEventInput {
  /** Index in the reconciled invoice's `parts`. */
  readonly partIndex: number;
}

/** A classified invoice (parts not yet marked applied) and the events to apply. */
export interface Classified {
  readonly invoice: ReconciledInvoice;
  readonly events: readonly PlannedEvent[];
}

function paymentEvent(etat: string, demande: Money, paye: Money, status: PartStatus | undefined): PartEventType {
  if (etat === 'R') return 'rejet';
  if (etat === 'D') return 'differe';
  if (etat !== 'P') return 'traitement_caisse';
  const full = compare(paye, demande) >= 0 || (status !== undefined && compare(add(status.paid, paye), status.expected) >= 0);
  return full ? 'paiement' : 'paiement_partiel';
}

function statusOf(parts: readonly ReconciledPart[], rejects: readonly ReconciledReject[]): ReconciledStatus {
  const stated = parts.filter((p) => p.etat !== undefined);
  if (stated.some((p) => p.etat === 'R') || (stated.length === 0 && rejects.some((r) => r.entity === '294'))) return 'rejetee';
  if (stated.some((p) => p.etat === 'P' && p.paye !== undefined && p.demande !== undefined && compare(p.paye, p.demande) < 0)) return 'partiellement_payee';
  if (stated.some((p) => p.etat === 'D')) return 'differee';
  if (stated.some((p) => p.etat === '')) return 'traitement_caisse';
  if (stated.length === 0) return rejects.length > 0 ? 'signalee' : 'traitement_caisse';
  return 'payee';
}

/**
 * Classifies one invoice of a return against the ledger.
 *
 * An invoice found by PS + number whose lot number, lot date or date of invoicing (when the 102
 * gives them) disagree with the ledger is NOT matched: it is another invoice with the same
 * number (another workstation, a numbering restart), so no event is applied and the
 * differences say why.
 *
 * @param ri - The invoice as grouped from the return.
 * @param found - The ledger invoice of the PS with that number (`undefined`: unknown, reported).
 * @param lot - The ledger lot the 102 names among the invoice's lots (its FSE lot, or from an OCT its DRE lot), else its first lot.
 * @param ctx - Source, virement, issue path, reject dictionary.
 * @returns The reconciled invoice and the events to apply.
 */
export function classifyReturnInvoice(ri: ReturnInvoice, found: LedgerInvoice | undefined, lot: LedgerLot | undefined, ctx: ClassifyContext): Classified {
  const f = ri.facture;
  const differences: Issue[] = found === undefined ? [] : lotDifferences(f, found, lot, ctx.path);
  const ledger = differences.length === 0 ? found : undefined;
  const rejects: ReconciledReject[] = [
    ...ri.rejets.map((r) => ({ entity: '294' as const, code: r.codeRejet, libelleCaisse: r.libelle, niveau: r.niveauRejet, partRejet: r.partRejet, part: r.partRejet === 'C' ? ('AMC' as const) : ('AMO' as const) })),
    ...ri.signalements.map((s) => ({ entity: '290' as const, code: s.codification, libelleCaisse: s.libelle, part: undefined })),
  ].map(({ part, ...r }, k) => {
    const definition = lookupReject(ctx.dictionary, r.code, part);
    if (definition === undefined) differences.push(issue('RECONCILE_UNKNOWN_REJECT_CODE', { path: [...ctx.path, 'rejects', k], received: `${r.entity} ${r.code} « ${r.libelleCaisse} »` }));
    return definition === undefined ? r : { ...r, definition };
  });
  const parts: ReconciledPart[] = [];
  const events: PlannedEvent[] = [];
  const plan = (part: PartName, event: PartEventType, extra: { amount?: Money; detail?: string } = {}): PartEventType => {
    if (ledger !== undefined) events.push({ invoiceId: ledger.id, part, event, partIndex: parts.length, ...(ctx.virementKey && extra.amount ? { virementRef: ctx.virementKey } : {}), ...extra });
    return event;
  };
  const rejectDetail = (p: 'O' | 'C'): string | undefined => {
    const rs = ri.rejets.filter((r) => r.partRejet === p).map((r) => `${r.codeRejet} ${r.libelle}`.trim());
    return rs.length > 0 ? rs.join(' ; ') : undefined;
  };
  const fromPartEntity = (part: PartName, e: NoemiePartAmo | NoemiePartAmc): void => {
    const status = ledger?.parts[part];
    const path = [...ctx.path, part];
    if (ledger !== undefined && status === undefined) differences.push(issue('RECONCILE_NO_AMC_PART', { path, received: f.numeroFacture }));
    if (status !== undefined && !equals(status.expected, e.montantDemande)) {
      differences.push(issue('RECONCILE_AMOUNT_DIFFERENCE', { path: [...path, 'montantDemande'], expected: formatDecimal(status.expected), received: formatDecimal(e.montantDemande) }));
    }
    let event: PartEventType | undefined;
    if (e.etat === 'P' && e.montantPaye.centimes < 0) differences.push(issue('RECONCILE_NEGATIVE_PAYMENT', { path: [...path, 'montantPaye'], received: formatDecimal(e.montantPaye) }));
    else if (status !== undefined) {
      const ev = paymentEvent(e.etat, e.montantDemande, e.montantPaye, status);
      const detail = ev === 'rejet' ? rejectDetail(part === 'amo' ? 'O' : 'C') : undefined;
      event = plan(part, ev, { ...(ev.startsWith('paiement') ? { amount: e.montantPaye } : {}), ...(detail ? { detail } : {}) });
    }
    parts.push({ part, etat: e.etat, demande: e.montantDemande, paye: e.montantPaye, ...(status ? { attendu: status.expected } : {}), ...(event ? { event } : {}), applied: false });
  };
  if (ri.amo) fromPartEntity('amo', ri.amo);
  if (ri.amc) fromPartEntity('amc', ri.amc);
  for (const [p, part] of [['O', 'amo'], ['C', 'amc']] as const) {
    if (parts.some((x) => x.part === part) || !ri.rejets.some((r) => r.partRejet === p)) continue;
    const status = ledger?.parts[part];
    const detail = rejectDetail(p);
    const event = status === undefined ? undefined : plan(part, 'rejet', detail ? { detail } : {});
    parts.push({ part, ...(status ? { attendu: status.expected } : {}), ...(event ? { event } : {}), applied: false });
  }
  if (parts.length === 0 && ri.signalements.length > 0) {
    const status = ledger?.parts.amo;
    const detail = ri.signalements.map((s) => `${s.codification} ${s.libelle}`.trim()).join(' ; ');
    const event = status === undefined ? undefined : plan('amo', 'signalement', { detail });
    parts.push({ part: 'amo', ...(status ? { attendu: status.expected } : {}), ...(event ? { event } : {}), applied: false });
  }
  if (found === undefined) differences.push(issue('RECONCILE_UNKNOWN_INVOICE', { path: [...ctx.path, 'numeroFacture'], received: f.numeroFacture }));
  const status: ReconciledStatus = ledger === undefined ? 'inconnue' : statusOf(parts, rejects);
  const recycle = status === 'rejetee' && !(rejects.length > 0 && rejects.every((r) => r.definition !== undefined && !r.definition.recycle));
  return {
    invoice: {
      sourceId: ctx.sourceId,
      entityIndex: ri.entityIndex,
      ...(/^\d{1,9}$/.test(f.numeroFacture) ? { numero: Number(f.numeroFacture) } : {}),
      numeroFacture: f.numeroFacture,
      ...(f.entity === '102' ? { numeroLot: f.numeroLot } : ri.lot ? { numeroLot: ri.lot.numeroLot } : {}),
      virementKey: ctx.virementKey,
      status,
      ...(ledger ? { invoiceId: ledger.id } : {}),
      parts,
      rejects,
      recycle,
      differences,
    },
    events,
  };
}

/** Lot number, lot date and date of invoicing of a 102 against the ledger (empty: they agree or are absent). */
function lotDifferences(f: ReturnInvoice['facture'], ledger: LedgerInvoice, lot: LedgerLot | undefined, path: IssuePath): Issue[] {
  const out: Issue[] = [];
  if (f.entity !== '102') return out;
  if (lot !== undefined && /^\d+$/.test(f.numeroLot) && Number(f.numeroLot) !== lot.numero) {
    out.push(issue('RECONCILE_LOT_MISMATCH', { path: [...path, 'numeroLot'], expected: `lot ${lot.numero}`, received: `lot ${f.numeroLot}` }));
  }
  if (lot !== undefined && f.dateCreationLot !== undefined && f.dateCreationLot !== lot.createdAt.slice(0, 10)) {
    out.push(issue('RECONCILE_LOT_MISMATCH', { path: [...path, 'dateCreationLot'], expected: `lot créé le ${lot.createdAt.slice(0, 10)}`, received: `lot créé le ${f.dateCreationLot}` }));
  }
  if (f.dateFacturation !== undefined && f.dateFacturation !== ledger.dateFacturation) {
    out.push(issue('RECONCILE_LOT_MISMATCH', { path: [...path, 'dateFacturation'], expected: `facturée le ${ledger.dateFacturation}`, received: `facturée le ${f.dateFacturation}` }));
  }
  return out;
}
