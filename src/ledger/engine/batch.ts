/**
 * Batch numbering in one transaction: number every draft (refused ones reported, not stored),
 * then lot them — FSE lots per PS / organisme destinataire / securing mode, DRE lots per PS /
 * AMC, one file id per (PS, kind, destinataire), at most `maxPerLot` invoices per lot.
 *
 * Why one transaction: a store error between numbering and lotting left invoices numbered but
 * neither returned nor lotted, and the retry refused them as duplicates of themselves (issue #10).
 * All or nothing, a retry of the same batch numbers it whole.
 */
import type { Issue, Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import type { LedgerInvoice, SecurisationMode } from '../model';
import type { InvoiceDraft, LotNumbering } from '../port';
import type { BatchFile, BatchLot, LedgerBatch } from '../securedPort';
import type { LedgerTx } from './backend';
import { recordInvoiceTx } from './invoices';
import { allocateFileIdTx, createLotTx } from './lots';

/** Largest lot (the B2 type 6 invoice counter has 3 digits). */
export const MAX_PER_LOT = 999;

interface Numbered {
  readonly index: number;
  readonly invoice: LedgerInvoice;
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const g = m.get(k);
    if (g === undefined) m.set(k, [t]);
    else g.push(t);
  }
  return m;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Creates the lots of one file; an error rolls the whole batch back. */
function fileTx(tx: LedgerTx, kind: 'fse' | 'dre', group: readonly Numbered[], max: number, rule: LotNumbering, at: string): Result<BatchFile> {
  const first = (group[0] as Numbered).invoice;
  const destinataire = kind === 'fse' ? first.destinataireAmo : (first.amc?.destinataire ?? '');
  const fileId = allocateFileIdTx(tx);
  const lots: BatchLot[] = [];
  // FSE lots share one securing mode (B2 type 1 pos. 81 top certification); DRE lots carry none.
  for (const [mode, byMode] of groupBy(group, (n) => (kind === 'fse' ? n.invoice.securisation : ''))) {
    for (const part of chunks(byMode, max)) {
      const lot = createLotTx(tx, { ps: first.ps, destinataire, kind, invoiceIds: part.map((n) => n.invoice.id), fileId }, rule, at);
      if (!lot.ok) return lot;
      lots.push({ lot: lot.value, ...(mode === '' ? {} : { mode: mode as SecurisationMode }), items: part.map((n) => n.index) });
    }
  }
  return ok({ kind, fileId, ps: first.ps, destinataire, lots });
}

/**
 * Numbers and lots a batch inside one transaction.
 *
 * @param tx - The transaction.
 * @param drafts - The drafts (already guarded as a list by the caller).
 * @param maxPerLot - Invoices per lot, 1 … 999.
 * @param rule - Lot numbering rule.
 * @param at - Timestamp.
 * @returns The numbered invoices, refused drafts and files; `Err` (nothing stored) when a lot
 *   cannot be created.
 */
export function recordBatchTx(tx: LedgerTx, drafts: readonly InvoiceDraft[], maxPerLot: number, rule: LotNumbering, at: string): Result<LedgerBatch> {
  const numbered: Numbered[] = [];
  const rejected: { index: number; issues: readonly Issue[] }[] = [];
  drafts.forEach((draft, index) => {
    const r = recordInvoiceTx(tx, draft, at);
    if (r.ok) numbered.push({ index, invoice: r.value });
    else rejected.push({ index, issues: r.issues });
  });
  const files: BatchFile[] = [];
  for (const group of groupBy(numbered, (n) => `${n.invoice.ps}|${n.invoice.destinataireAmo}`).values()) {
    const f = fileTx(tx, 'fse', group, maxPerLot, rule, at);
    if (!f.ok) return f;
    files.push(f.value);
  }
  const withDre = numbered.filter((n) => n.invoice.parts.amc !== undefined);
  for (const group of groupBy(withDre, (n) => `${n.invoice.ps}|${n.invoice.amc?.destinataire ?? ''}`).values()) {
    const f = fileTx(tx, 'dre', group, maxPerLot, rule, at);
    if (!f.ok) return f;
    files.push(f.value);
  }
  return ok({ numbered, rejected, files });
}
