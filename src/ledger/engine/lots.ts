/**
 * Lots and files, each operation in one transaction: a lot is created whole (its number, its
 * rows, every invoice part moved `a_emettre` → `en_lot`) or not at all.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardArray, guardObject, guardString, inputErr } from '../../core/guard/index';
import { LEDGER_CODES } from '../codes';
import type { HistoryEntry, LedgerInvoice, LedgerLot } from '../model';
import { computeNextFileNumber, computeNextLotNumber, formatFileId } from '../numbering';
import type { LotDraft, LotNumbering, TransmissionTarget } from '../port';
import type { LedgerTx } from './backend';
import { FILE_SCOPE } from './backend';
import { movePart } from './parts';
import { compactPs } from './validateDraft';

const issue = createIssueFactory(LEDGER_CODES);

/** Counter scope of lot numbers under a numbering rule. */
export function lotScope(rule: LotNumbering, ps: string, destinataire: string): string {
  return rule === 'perPs' ? `lot:${compactPs(ps)}` : `lot:${compactPs(ps)}:${destinataire}`;
}

/** Allocates the next lot number in a transaction. */
export function allocateLotNumberTx(tx: LedgerTx, scope: string): number {
  const next = computeNextLotNumber(tx.readCounter(scope));
  tx.writeCounter(scope, next);
  return next;
}

/** Allocates the next file id in a transaction. */
export function allocateFileIdTx(tx: LedgerTx): string {
  const next = computeNextFileNumber(tx.readCounter(FILE_SCOPE));
  tx.writeCounter(FILE_SCOPE, next);
  return formatFileId(next);
}

/**
 * Creates a lot and moves its invoices into it, all or nothing.
 *
 * @param tx - The transaction.
 * @param draft - PS, destinataire, kind, invoices, file.
 * @param rule - Lot numbering rule.
 * @param at - Timestamp.
 * @returns The lot, or every issue found (paths `['invoiceIds', k]`).
 */
export function createLotTx(tx: LedgerTx, draft: LotDraft, rule: LotNumbering, at: string): Result<LedgerLot> {
  const guarded: Issue[] = [];
  const o = guardObject(draft, [], guarded);
  if (o !== undefined) {
    guardString(field(o, 'ps'), ['ps'], guarded, { min: 1, max: 40 });
    guardString(field(o, 'destinataire'), ['destinataire'], guarded, { min: 1, max: 40 });
    const ids = guardArray(field(o, 'invoiceIds'), ['invoiceIds'], guarded, { max: 100_000 });
    ids?.forEach((id, k) => guardString(id, ['invoiceIds', k], guarded, { min: 1, max: 40 }));
  }
  if (guarded.length > 0) return inputErr(guarded);
  const issues: Issue[] = [];
  const ps = compactPs(draft.ps);
  const part = draft.kind === 'dre' ? 'amc' : 'amo';
  if (draft.kind !== 'fse' && draft.kind !== 'dre') issues.push(issue('LEDGER_INVALID_INPUT', { path: ['kind'], expected: 'fse | dre', received: draft.kind }));
  if (draft.invoiceIds.length === 0) issues.push(issue('LEDGER_LOT_EMPTY', { path: ['invoiceIds'] }));
  if (draft.fileId !== undefined && !/^[0-9A-Z]{6}$/.test(draft.fileId)) {
    issues.push(issue('LEDGER_INVALID_INPUT', { path: ['fileId'], expected: '6 caractères', received: draft.fileId }));
  }
  const seen = new Set<string>();
  const found: LedgerInvoice[] = [];
  draft.invoiceIds.forEach((id, k) => {
    const path = ['invoiceIds', k];
    if (seen.has(id)) return void issues.push(issue('LEDGER_LOT_DUPLICATE_INVOICE', { path, received: id }));
    seen.add(id);
    const invoice = tx.getInvoice(id);
    if (invoice === undefined) return void issues.push(issue('LEDGER_UNKNOWN_INVOICE', { path, received: id }));
    if (invoice.ps !== ps) return void issues.push(issue('LEDGER_LOT_MISMATCH', { path, expected: `PS ${ps}`, received: `PS ${invoice.ps}` }));
    const status = invoice.parts[part];
    if (status === undefined) return void issues.push(issue('LEDGER_NO_AMC_PART', { path, received: id }));
    const dest = part === 'amo' ? invoice.destinataireAmo : invoice.amc?.destinataire;
    if (dest !== draft.destinataire) {
      return void issues.push(issue('LEDGER_LOT_MISMATCH', { path, expected: `destinataire ${draft.destinataire}`, received: `destinataire ${String(dest)}` }));
    }
    if (status.state !== 'a_emettre') {
      return void issues.push(issue('LEDGER_INVALID_TRANSITION', { path, expected: 'a_emettre', received: `${status.state} --mise_en_lot-->` }));
    }
    found.push(invoice);
  });
  const [first, ...rest] = issues;
  if (first !== undefined) return err(first, ...rest);
  const numero = allocateLotNumberTx(tx, lotScope(rule, ps, draft.destinataire));
  const stored: Omit<LedgerLot, 'id'> = {
    ps,
    destinataire: draft.destinataire,
    kind: draft.kind,
    numero,
    invoiceIds: [...draft.invoiceIds],
    createdAt: at,
    transmissions: 0,
    ...(draft.fileId === undefined ? {} : { fileId: draft.fileId }),
  };
  const lotId = tx.insertLot(stored);
  for (const invoice of found) {
    const moved = movePart(invoice, part, 'mise_en_lot', { at, source: `lot ${lotId}`, lotId }, ['invoiceIds']);
    if (!moved.ok) return moved; // cannot happen: checked above; the transaction rolls back
    tx.updateInvoice(moved.value.invoice);
    tx.appendHistory(moved.value.entry);
  }
  return ok({ id: lotId, ...stored });
}

/**
 * Marks lots sent (first send or re-send after a negative ARL), all or nothing.
 *
 * @param tx - The transaction.
 * @param target - Lots, or every lot of a file.
 * @param at - Sending date-time.
 * @returns The updated lots.
 */
export function markTransmittedTx(tx: LedgerTx, target: TransmissionTarget, at: string): Result<readonly LedgerLot[]> {
  const guarded: Issue[] = [];
  const o = guardObject(target, ['target'], guarded);
  if (o !== undefined && field(o, 'fileId') !== undefined) guardString(field(o, 'fileId'), ['fileId'], guarded, { min: 1, max: 40 });
  else if (o !== undefined) guardArray(field(o, 'lotIds'), ['lotIds'], guarded, { max: 100_000 })?.forEach((id, k) => guardString(id, ['lotIds', k], guarded, { min: 1, max: 40 }));
  guardString(at, ['at'], guarded, { min: 1, max: 40 });
  if (guarded.length > 0) return inputErr(guarded);
  const lots: LedgerLot[] = [];
  if ('fileId' in target) {
    lots.push(...tx.lotsOfFile(target.fileId));
    if (lots.length === 0) return err(issue('LEDGER_UNKNOWN_LOT', { path: ['fileId'], received: target.fileId }));
  } else {
    const issues: Issue[] = [];
    target.lotIds.forEach((id, k) => {
      const lot = tx.getLot(id);
      if (lot === undefined) issues.push(issue('LEDGER_UNKNOWN_LOT', { path: ['lotIds', k], received: id }));
      else if (!lots.some((l) => l.id === id)) lots.push(lot);
    });
    const [first, ...rest] = issues;
    if (first !== undefined) return err(first, ...rest);
    if (lots.length === 0) return err(issue('LEDGER_LOT_EMPTY', { path: ['lotIds'] }));
  }
  // One invoice may sit in an FSE lot and a DRE lot of the same file: chain its updates.
  const working = new Map<string, LedgerInvoice>();
  const entries: HistoryEntry[] = [];
  const issues: Issue[] = [];
  for (const lot of lots) {
    const part = lot.kind === 'dre' ? 'amc' : 'amo';
    const source = lot.fileId === undefined ? `lot ${lot.id}` : `fichier ${lot.fileId}`;
    for (const id of lot.invoiceIds) {
      const invoice = working.get(id) ?? tx.getInvoice(id);
      if (invoice === undefined) return err(issue('LEDGER_UNKNOWN_INVOICE', { path: ['lots', lot.id], received: id }));
      const moved = movePart(invoice, part, 'transmission', { at, source }, ['lots', lot.id, id]);
      if (!moved.ok) issues.push(...moved.issues);
      else {
        working.set(id, moved.value.invoice);
        entries.push(moved.value.entry);
      }
    }
  }
  const [first, ...rest] = issues;
  if (first !== undefined) return err(first, ...rest);
  for (const u of working.values()) tx.updateInvoice(u);
  for (const e of entries) tx.appendHistory(e);
  const sent = lots.map((l) => ({ ...l, transmittedAt: at, transmissions: l.transmissions + 1 }));
  for (const l of sent) tx.updateLot(l);
  return ok(sent);
}
