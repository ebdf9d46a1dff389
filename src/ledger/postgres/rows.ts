/**
 * Row ↔ model mapping of the PostgreSQL ledger: `bigint` columns arrive as text from the
 * driver (exact), are checked to be safe integers and handed to the SQLite adapter's mapping,
 * which holds the model's shape once.
 */
import { SesamError } from '../../core/issues/index';
import type { HistoryEntry, LedgerInvoice, LedgerLot } from '../model';
import type { InvoiceSecuring, WrittenFile } from '../securedPort';
import type { HistoryRow, InvoiceRow, LotRow, PartRow, SecuringRow, WrittenFileRow } from '../sqlite/rows';
import { toHistory, toInvoice, toLot, toSecuring, toWrittenFile } from '../sqlite/rows';

/** An integer column (int, bigint as text, or JSON number) as a safe JS integer. */
export function int(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isSafeInteger(n)) throw new SesamError('STORE', `ledger PostgreSQL row holds ${String(v)} where a safe integer is expected`);
  return n;
}
const intOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : int(v));

type Raw = Record<string, unknown>;

/** Select list of a hydrated invoice (`i` = invoices, its parts as JSON). */
export const INVOICE_COLUMNS = (s: string): string => `i.*, (SELECT json_agg(p) FROM ${s}.invoice_parts p WHERE p.invoice_id = i.id) AS parts_json`;
/** Select list of a hydrated lot (`l` = lots, its invoice ids in order). */
export const LOT_COLUMNS = (s: string): string => `l.*, ARRAY(SELECT li.invoice_id FROM ${s}.lot_invoices li WHERE li.lot_id = l.id ORDER BY li.position) AS invoice_ids`;

/** @returns the invoice of a hydrated row. */
export function invoiceOf(r: Raw): LedgerInvoice {
  const row = {
    ...r,
    id: int(r['id']),
    montant_total: int(r['montant_total']),
    montant_amo: int(r['montant_amo']),
    montant_amc: int(r['montant_amc']),
    montant_patient: int(r['montant_patient']),
    amc_tiers_payant: intOrNull(r['amc_tiers_payant']),
    recycled_from: intOrNull(r['recycled_from']),
    recycled_into: intOrNull(r['recycled_into']),
  } as unknown as InvoiceRow;
  const parts = ((r['parts_json'] ?? []) as Raw[]).map((p) => ({ ...p, expected: int(p['expected']), paid: int(p['paid']), lot_id: intOrNull(p['lot_id']) }) as unknown as PartRow);
  return toInvoice(row, parts);
}

/** @returns the lot of a hydrated row. */
export function lotOf(r: Raw): LedgerLot {
  const row = { ...r, id: int(r['id']), numero: int(r['numero']), transmissions: int(r['transmissions']) } as unknown as LotRow;
  return toLot(row, ((r['invoice_ids'] ?? []) as unknown[]).map(int));
}

/** @returns the history entry of a row. */
export function historyOf(r: Raw): HistoryEntry {
  return toHistory({ ...r, invoice_id: int(r['invoice_id']), amount: intOrNull(r['amount']) } as unknown as HistoryRow);
}

/** @returns the securing output of a row. */
export function securingOf(r: Raw): InvoiceSecuring {
  return toSecuring({ ...r, invoice_id: int(r['invoice_id']) } as unknown as SecuringRow);
}

/** @returns the written-file record of a row. */
export function writtenFileOf(r: Raw): WrittenFile {
  return toWrittenFile({ ...r, length: int(r['length']) } as unknown as WrittenFileRow);
}
