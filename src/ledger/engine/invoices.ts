/**
 * Invoice operations, each run inside one transaction: record (duplicate check + number +
 * insert), recycle a rejected invoice, void, set the payload.
 */
import type { Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { fromCentimes, ZERO } from '../../core/money/index';
import { LEDGER_CODES } from '../codes';
import type { BeneficiaireKey, HistoryEntry, InvoiceId, LedgerInvoice, PartName, PartStatus } from '../model';
import { formatInvoiceNumber, MAX_INVOICE_NUMBER } from '../numbering';
import type { InvoiceDraft, RecycleChanges } from '../port';
import type { LedgerTx } from './backend';
import { invoiceScope } from './backend';
import { movePart } from './parts';
import { compactPs, validateDraft } from './validateDraft';

const issue = createIssueFactory(LEDGER_CODES);

function partStatus(expected: number, at: string): PartStatus {
  return { state: 'a_emettre', expected: fromCentimes(expected), paid: ZERO, virementRefs: [], updatedAt: at };
}

function creation(invoice: LedgerInvoice, part: PartName, at: string, source: string | undefined): HistoryEntry {
  const e = { invoiceId: invoice.id, part, event: 'creation', from: null, to: 'a_emettre', at } as const;
  return source === undefined ? e : { ...e, source };
}

const compactNir = (nir: string): string => nir.replace(/\s+/g, '').toUpperCase();

/** The stored beneficiary: NIRs compacted, the rang made explicit (1 by default), only known fields. */
function beneficiaireOf(b: BeneficiaireKey): BeneficiaireKey {
  return {
    nir: compactNir(b.nir),
    rang: b.rang ?? 1,
    ...(b.dateNaissance === undefined ? {} : { dateNaissance: b.dateNaissance }),
    ...(b.nirIndividuel === undefined ? {} : { nirIndividuel: compactNir(b.nirIndividuel) }),
    ...(b.qualite === undefined ? {} : { qualite: b.qualite }),
  };
}

/**
 * Records an invoice: duplicate check, next number of the PS, insert, history — one transaction.
 *
 * @param tx - The transaction.
 * @param draft - The invoice data.
 * @param at - Timestamp.
 * @param recycledFrom - The invoice this one re-issues (recycling).
 * @returns The stored invoice, `LEDGER_DUPLICATE` (received = first invoice number) or input issues.
 */
export function recordInvoiceTx(tx: LedgerTx, draft: InvoiceDraft, at: string, recycledFrom?: InvoiceId): Result<LedgerInvoice> {
  const key = validateDraft(draft);
  if (!key.ok) return key;
  const { careKey, personKey } = key.value;
  const first = tx.findActiveByCareKey(careKey) ?? (personKey === undefined ? undefined : tx.findActiveByPersonKey(personKey));
  if (first !== undefined) {
    return err(issue('LEDGER_DUPLICATE', { path: ['careKey'], expected: 'soin non encore facturé', received: formatInvoiceNumber(first.numero) }));
  }
  const ps = compactPs(draft.ps);
  const last = tx.readCounter(invoiceScope(ps));
  if (last >= MAX_INVOICE_NUMBER) return err(issue('LEDGER_NUMBER_EXHAUSTED', { path: ['ps'], expected: String(MAX_INVOICE_NUMBER) }));
  tx.writeCounter(invoiceScope(ps), last + 1);
  const tiersPayantAmc = draft.amc?.tiersPayant === true;
  const m = draft.montants;
  const stored: { -readonly [K in keyof Omit<LedgerInvoice, 'id'>]: LedgerInvoice[K] } = {
    ps,
    numero: last + 1,
    careKey,
    beneficiaire: beneficiaireOf(draft.beneficiaire),
    dateSoins: draft.dateSoins,
    actes: [...draft.actes],
    dateFacturation: draft.dateFacturation,
    montants: { total: fromCentimes(m.total.centimes), amo: fromCentimes(m.amo.centimes), amc: fromCentimes(m.amc.centimes), patient: fromCentimes(m.patient.centimes) },
    destinataireAmo: draft.destinataireAmo,
    securisation: draft.securisation,
    createdAt: at,
    parts: tiersPayantAmc ? { amo: partStatus(m.amo.centimes, at), amc: partStatus(m.amc.centimes, at) } : { amo: partStatus(m.amo.centimes, at) },
  };
  if (draft.amc !== undefined) stored.amc = { destinataire: draft.amc.destinataire, tiersPayant: draft.amc.tiersPayant };
  if (personKey !== undefined) stored.personKey = personKey;
  if (draft.payload !== undefined) stored.payload = draft.payload;
  if (recycledFrom !== undefined) stored.recycledFrom = recycledFrom;
  const id = tx.insertInvoice(stored);
  const invoice: LedgerInvoice = { id, ...stored };
  const source = recycledFrom === undefined ? undefined : `recyclage de ${recycledFrom}`;
  tx.appendHistory(creation(invoice, 'amo', at, source));
  if (invoice.parts.amc !== undefined) tx.appendHistory(creation(invoice, 'amc', at, source));
  return ok(invoice);
}

/**
 * Re-issues a rejected invoice with a new number linked to the old one; the old rejected parts
 * go to `recyclee` and the old invoice stops blocking the duplicate check.
 *
 * @param tx - The transaction.
 * @param oldId - The rejected invoice.
 * @param changes - Corrections for the new invoice.
 * @param at - Timestamp.
 * @returns The new invoice.
 */
export function recycleInvoiceTx(tx: LedgerTx, oldId: InvoiceId, changes: RecycleChanges, at: string): Result<LedgerInvoice> {
  const old = tx.getInvoice(oldId);
  if (old === undefined) return err(issue('LEDGER_UNKNOWN_INVOICE', { path: ['oldId'], received: oldId }));
  const rejected = (['amo', 'amc'] as const).filter((p) => old.parts[p]?.state === 'rejetee');
  if (rejected.length === 0 || old.recycledInto !== undefined) {
    return err(issue('LEDGER_INVALID_TRANSITION', { path: ['oldId'], expected: 'une part rejetee', received: `${old.parts.amo.state} --recyclage-->` }));
  }
  let moved = old;
  const entries: HistoryEntry[] = [];
  for (const p of rejected) {
    const r = movePart(moved, p, 'recyclage', { at }, ['oldId']);
    if (!r.ok) return r;
    moved = r.value.invoice;
    entries.push(r.value.entry);
  }
  // The old invoice (a part now `recyclee`) stops being active before the new one takes its care key.
  tx.updateInvoice(moved);
  const draft: InvoiceDraft = { ...old, ...changes, at };
  const created = recordInvoiceTx(tx, draft, at, old.id);
  if (!created.ok) return created;
  tx.updateInvoice({ ...moved, recycledInto: created.value.id });
  for (const e of entries) tx.appendHistory({ ...e, detail: `recyclée en n° ${formatInvoiceNumber(created.value.numero)}` });
  return created;
}

/**
 * Voids an invoice whose parts are all `a_emettre` (the number stays consumed).
 *
 * @param tx - The transaction.
 * @param id - The invoice.
 * @param reason - Why (kept in the history).
 * @param at - Timestamp.
 * @returns The voided invoice.
 */
export function cancelInvoiceTx(tx: LedgerTx, id: InvoiceId, reason: string, at: string): Result<LedgerInvoice> {
  const invoice = tx.getInvoice(id);
  if (invoice === undefined) return err(issue('LEDGER_UNKNOWN_INVOICE', { path: ['id'], received: id }));
  let moved = invoice;
  const entries: HistoryEntry[] = [];
  for (const p of ['amo', 'amc'] as const) {
    if (moved.parts[p] === undefined) continue;
    const r = movePart(moved, p, 'annulation', { at, detail: reason, source: 'pms' }, ['id']);
    if (!r.ok) return r;
    moved = r.value.invoice;
    entries.push(r.value.entry);
  }
  tx.updateInvoice(moved);
  for (const e of entries) tx.appendHistory(e);
  return ok(moved);
}

/**
 * Sets the serialized invoice while every part is still `a_emettre`.
 *
 * @param tx - The transaction.
 * @param id - The invoice.
 * @param payload - JSON text.
 * @returns The updated invoice, or `LEDGER_NOT_EDITABLE`.
 */
export function setPayloadTx(tx: LedgerTx, id: InvoiceId, payload: string): Result<LedgerInvoice> {
  const invoice = tx.getInvoice(id);
  if (invoice === undefined) return err(issue('LEDGER_UNKNOWN_INVOICE', { path: ['id'], received: id }));
  if (typeof payload !== 'string') return err(issue('LEDGER_INVALID_INPUT', { path: ['payload'], expected: 'texte JSON', received: typeof payload }));
  const editable = invoice.parts.amo.state === 'a_emettre' && (invoice.parts.amc?.state ?? 'a_emettre') === 'a_emettre';
  if (!editable) return err(issue('LEDGER_NOT_EDITABLE', { path: ['id'], received: formatInvoiceNumber(invoice.numero) }));
  const updated = { ...invoice, payload };
  tx.updateInvoice(updated);
  return ok(updated);
}
