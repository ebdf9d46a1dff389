/**
 * Row ↔ model mapping of the SQLite ledger. Amounts go in and out as INTEGER centimes; ids are
 * INTEGER in the database and strings in the model.
 */
import { fromCentimes } from '../../core/money/index';
import type { PlainDate } from '../../core/date/index';
import type { InvoiceSecuring, WrittenFile } from '../securedPort';
import type { HistoryEntry, LedgerInvoice, LedgerLot, PartEventType, PartState, PartStatus, SecurisationMode } from '../model';

/** A row of `invoices`. */
export interface InvoiceRow {
  id: number;
  ps: string;
  numero: number;
  care_key: string;
  person_key: string | null;
  active: number;
  beneficiaire: string;
  date_soins: string;
  actes: string;
  date_facturation: string;
  montant_total: number;
  montant_amo: number;
  montant_amc: number;
  montant_patient: number;
  destinataire_amo: string;
  amc_destinataire: string | null;
  amc_tiers_payant: number | null;
  securisation: string;
  payload: string | null;
  created_at: string;
  recycled_from: number | null;
  recycled_into: number | null;
}

/** A row of `invoice_parts`. */
export interface PartRow {
  invoice_id: number;
  part: 'amo' | 'amc';
  state: string;
  expected: number;
  paid: number;
  lot_id: number | null;
  transmitted_at: string | null;
  virement_refs: string;
  updated_at: string;
}

/** A row of `lots`. */
export interface LotRow {
  id: number;
  ps: string;
  destinataire: string;
  kind: 'fse' | 'dre';
  numero: number;
  file_id: string | null;
  created_at: string;
  transmitted_at: string | null;
  transmissions: number;
}

/** A row of `history`. */
export interface HistoryRow {
  invoice_id: number;
  part: 'amo' | 'amc';
  event: string;
  from_state: string | null;
  to_state: string;
  at: string;
  source: string | null;
  amount: number | null;
  detail: string | null;
}

/** Parses a model id to a row id (undefined for anything not a positive integer text). */
export function rowId(id: string): number | undefined {
  return /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : undefined;
}

/** @returns the part status of a row. */
export function toPart(row: PartRow): PartStatus {
  const part: { -readonly [K in keyof PartStatus]: PartStatus[K] } = {
    state: row.state as PartState,
    expected: fromCentimes(row.expected),
    paid: fromCentimes(row.paid),
    virementRefs: JSON.parse(row.virement_refs) as string[],
    updatedAt: row.updated_at,
  };
  if (row.lot_id !== null) part.lotId = String(row.lot_id);
  if (row.transmitted_at !== null) part.transmittedAt = row.transmitted_at;
  return part;
}

/** @returns the invoice of a row and its part rows. */
export function toInvoice(row: InvoiceRow, parts: readonly PartRow[]): LedgerInvoice {
  const amo = parts.find((p) => p.part === 'amo');
  const amc = parts.find((p) => p.part === 'amc');
  if (amo === undefined) throw new Error(`invoice ${row.id} has no AMO part row`);
  const invoice: { -readonly [K in keyof LedgerInvoice]: LedgerInvoice[K] } = {
    id: String(row.id),
    ps: row.ps,
    numero: row.numero,
    careKey: row.care_key,
    beneficiaire: JSON.parse(row.beneficiaire) as LedgerInvoice['beneficiaire'],
    dateSoins: row.date_soins as PlainDate,
    actes: JSON.parse(row.actes) as string[],
    dateFacturation: row.date_facturation as PlainDate,
    montants: {
      total: fromCentimes(row.montant_total),
      amo: fromCentimes(row.montant_amo),
      amc: fromCentimes(row.montant_amc),
      patient: fromCentimes(row.montant_patient),
    },
    destinataireAmo: row.destinataire_amo,
    securisation: row.securisation as SecurisationMode,
    createdAt: row.created_at,
    parts: amc === undefined ? { amo: toPart(amo) } : { amo: toPart(amo), amc: toPart(amc) },
  };
  if (row.amc_destinataire !== null) invoice.amc = { destinataire: row.amc_destinataire, tiersPayant: row.amc_tiers_payant === 1 };
  if (row.person_key !== null) invoice.personKey = row.person_key;
  if (row.payload !== null) invoice.payload = row.payload;
  if (row.recycled_from !== null) invoice.recycledFrom = String(row.recycled_from);
  if (row.recycled_into !== null) invoice.recycledInto = String(row.recycled_into);
  return invoice;
}

/** @returns the lot of a row and its invoice ids in order. */
export function toLot(row: LotRow, invoiceIds: readonly number[]): LedgerLot {
  const lot: { -readonly [K in keyof LedgerLot]: LedgerLot[K] } = {
    id: String(row.id),
    ps: row.ps,
    destinataire: row.destinataire,
    kind: row.kind,
    numero: row.numero,
    invoiceIds: invoiceIds.map(String),
    createdAt: row.created_at,
    transmissions: row.transmissions,
  };
  if (row.file_id !== null) lot.fileId = row.file_id;
  if (row.transmitted_at !== null) lot.transmittedAt = row.transmitted_at;
  return lot;
}

/** @returns the history entry of a row. */
export function toHistory(row: HistoryRow): HistoryEntry {
  const entry: { -readonly [K in keyof HistoryEntry]: HistoryEntry[K] } = {
    invoiceId: String(row.invoice_id),
    part: row.part,
    event: row.event as PartEventType | 'creation',
    from: row.from_state as PartState | null,
    to: row.to_state as PartState,
    at: row.at,
  };
  if (row.source !== null) entry.source = row.source;
  if (row.amount !== null) entry.amount = fromCentimes(row.amount);
  if (row.detail !== null) entry.detail = row.detail;
  return entry;
}

/** A row of `invoice_securing`. */
export interface SecuringRow {
  invoice_id: number;
  kind: 'fse' | 'dre';
  mode: string;
  format: string;
  securer_id: string;
  certificate_id: string | null;
  at: string;
  signature: Uint8Array;
  secured_bytes: Uint8Array;
  document: string;
}

/** @returns the securing output of a row (bytes copied out of the driver's Buffers). */
export function toSecuring(row: SecuringRow): InvoiceSecuring {
  return {
    invoiceId: String(row.invoice_id),
    kind: row.kind,
    mode: row.mode as SecurisationMode,
    format: row.format,
    securerId: row.securer_id,
    at: row.at,
    signature: Uint8Array.from(row.signature),
    securedBytes: Uint8Array.from(row.secured_bytes),
    document: row.document,
    ...(row.certificate_id === null ? {} : { certificateId: row.certificate_id }),
  };
}

/** A row of `written_files`. */
export interface WrittenFileRow {
  file_id: string;
  params: string;
  length: number;
  written_at: string;
}

/** @returns the written-file record of a row. */
export function toWrittenFile(row: WrittenFileRow): WrittenFile {
  return { fileId: row.file_id, params: row.params, length: row.length, writtenAt: row.written_at };
}
