/**
 * Ledger integration: number invoices (duplicate control included), group them in lots per
 * organisme destinataire (FSE) and per AMC (DRE), one file per (PS, kind, destinataire), and move
 * the ledger states à émettre → en lot (here) → transmise (`markFilesTransmitted`).
 *
 * @see ../shared/domain/SPECS.md §3.4 (lots and files), §3.5 (DRE); MARKET.md §4.6 (duplicates)
 */
import type { PlainDate } from '../core/date/index';
import type { Issue, Result } from '../core/issues/index';
import { err, ok } from '../core/issues/index';
import { subtract } from '../core/money/index';
import type { InvoiceDraft, LedgerInvoice, LedgerLot, LedgerStore } from '../ledger/index';
import { firstDateSoins } from './controls/dates';
import type { Dre, Fse } from './model';
import type { SecuringMode } from './securing';

/** Invoices per lot: the B2 type 6 counter has 3 digits (pos. 11-13); the SESAM-Vitale limit is not public. */
export const DEFAULT_MAX_PER_LOT = 999;

/** One invoice to number, with its DRE when the AMC part is in tiers payant. */
export interface LedgerItem {
  readonly fse: Fse;
  readonly dre?: Dre;
}

/** A numbered invoice. */
export interface NumberedItem {
  readonly fse: Fse;
  readonly dre?: Dre;
  readonly invoice: LedgerInvoice;
}

/** A lot and its documents, in order. */
export interface LottedLot<D> {
  readonly lot: LedgerLot;
  readonly documents: readonly D[];
}

/** A file to write: one PS, one kind, one destinataire (organisme AMO or AMC). */
export type LottedFile =
  | { readonly kind: 'fse'; readonly fileId: string; readonly ps: string; readonly destinataire: string; readonly lots: readonly (LottedLot<Fse> & { readonly mode: SecuringMode })[] }
  | { readonly kind: 'dre'; readonly fileId: string; readonly ps: string; readonly destinataire: string; readonly lots: readonly LottedLot<Dre>[] };

/** Outcome of {@link numberAndLot}. */
export interface NumberAndLotResult {
  readonly numbered: readonly NumberedItem[];
  /** Items the ledger refused (e.g. `LEDGER_DUPLICATE` pointing at the first invoice), by input index. */
  readonly rejected: readonly { readonly index: number; readonly issues: readonly Issue[] }[];
  readonly files: readonly LottedFile[];
}

/** Options of {@link numberAndLot}. */
export interface NumberAndLotOptions {
  /** Maximum invoices per lot (default {@link DEFAULT_MAX_PER_LOT}). */
  readonly maxPerLot?: number;
  /** Timestamp (ISO 8601) recorded in the ledger; default the store's clock. */
  readonly at?: string;
  /** Store the FSE as JSON payload in the ledger (default false: large batches stay light). */
  readonly storePayload?: boolean;
}

/**
 * The ledger draft of an FSE (amounts from the FSE, hence from the rules' Decompte).
 *
 * @param fse - The invoice.
 * @param dre - Its DRE, when the AMC part is in tiers payant.
 * @returns The draft for `LedgerStore.recordInvoice`.
 */
export function invoiceDraftOf(fse: Fse, dre?: Dre, at?: string): InvoiceDraft {
  const t = fse.totaux;
  const dateSoins: PlainDate = firstDateSoins(fse);
  return {
    ps: fse.ps.numeroFacturation,
    beneficiaire: { nir: fse.beneficiaire.nirIndividuel ?? fse.beneficiaire.nirAssure, rang: fse.beneficiaire.rangNaissance, dateNaissance: fse.beneficiaire.dateNaissance },
    dateSoins,
    actes: fse.lignes.flatMap((l) => Array.from({ length: Math.max(1, l.quantite) }, () => l.code)),
    dateFacturation: fse.identification.dateFacturation,
    montants: { total: t.montantFacture, amo: t.netAmo, amc: t.partAmc, patient: subtract(subtract(t.montantFacture, t.netAmo), t.partAmc) },
    destinataireAmo: fse.amo.organismeDestinataire,
    ...(fse.amc !== undefined ? { amc: { destinataire: (dre?.amc ?? fse.amc).numero, tiersPayant: dre !== undefined } } : {}),
    securisation: fse.securisation.mode,
    ...(at !== undefined ? { at } : {}),
  };
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
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

/**
 * Numbers invoices in the ledger (duplicate control), then creates their lots and files.
 *
 * @param store - The ledger.
 * @param items - FSE (and DRE) to send, already controlled and secured.
 * @param options - Lot size, timestamp, payload storage.
 * @returns Numbered invoices, rejected ones with the ledger's issues, and the files to write;
 *   `Err` only when a lot cannot be created (the ledger's issues).
 * @example
 * const r = unwrap(await numberAndLot(store, [{ fse, dre }], { maxPerLot: 500 }));
 * for (const file of r.files) write(serializeB2File(buildB2File(file, emitter)));
 */
export async function numberAndLot(store: LedgerStore, items: readonly LedgerItem[], options: NumberAndLotOptions = {}): Promise<Result<NumberAndLotResult>> {
  const max = Math.max(1, Math.min(options.maxPerLot ?? DEFAULT_MAX_PER_LOT, DEFAULT_MAX_PER_LOT));
  const numbered: NumberedItem[] = [];
  const rejected: { index: number; issues: readonly Issue[] }[] = [];
  for (let k = 0; k < items.length; k++) {
    const { fse, dre } = items[k] as LedgerItem;
    const draft = invoiceDraftOf(fse, dre, options.at);
    const r = await store.recordInvoice(options.storePayload === true ? { ...draft, payload: JSON.stringify(fse) } : draft);
    if (!r.ok) {
      rejected.push({ index: k, issues: r.issues.map((i) => ({ ...i, path: ['items', k, ...i.path] })) });
      continue;
    }
    const numberedFse: Fse = { ...fse, identification: { ...fse.identification, numeroFacture: r.value.numero } };
    numbered.push({ fse: numberedFse, ...(dre !== undefined ? { dre: { ...dre, fse: numberedFse } } : {}), invoice: r.value });
  }
  const files: LottedFile[] = [];
  const at = options.at !== undefined ? { at: options.at } : {};
  for (const group of groupBy(numbered, (n) => `${n.fse.ps.numeroFacturation}|${n.fse.amo.organismeDestinataire}`).values()) {
    const first = group[0] as NumberedItem;
    const fileId = await store.allocateFileId();
    const lots: (LottedLot<Fse> & { mode: SecuringMode })[] = [];
    for (const [mode, byMode] of groupBy(group, (n) => n.fse.securisation.mode)) {
      for (const part of chunks(byMode, max)) {
        const lot = await store.createLot({ ps: first.fse.ps.numeroFacturation, destinataire: first.fse.amo.organismeDestinataire, kind: 'fse', invoiceIds: part.map((n) => n.invoice.id), fileId, ...at });
        if (!lot.ok) return err(lot.issues[0], ...lot.issues.slice(1));
        lots.push({ lot: lot.value, documents: part.map((n) => n.fse), mode: mode as SecuringMode });
      }
    }
    files.push({ kind: 'fse', fileId, ps: first.fse.ps.numeroFacturation, destinataire: first.fse.amo.organismeDestinataire, lots });
  }
  const withDre = numbered.filter((n): n is NumberedItem & { dre: Dre } => n.dre !== undefined);
  for (const group of groupBy(withDre, (n) => `${n.fse.ps.numeroFacturation}|${n.dre.amc.numero}`).values()) {
    const first = group[0] as NumberedItem & { dre: Dre };
    const fileId = await store.allocateFileId();
    const lots: LottedLot<Dre>[] = [];
    for (const part of chunks(group, max)) {
      const lot = await store.createLot({ ps: first.fse.ps.numeroFacturation, destinataire: first.dre.amc.numero, kind: 'dre', invoiceIds: part.map((n) => n.invoice.id), fileId, ...at });
      if (!lot.ok) return err(lot.issues[0], ...lot.issues.slice(1));
      lots.push({ lot: lot.value, documents: part.map((n) => n.dre) });
    }
    files.push({ kind: 'dre', fileId, ps: first.fse.ps.numeroFacturation, destinataire: first.dre.amc.numero, lots });
  }
  return ok({ numbered, rejected, files });
}

/**
 * Marks files as sent: their lots' invoices move en lot → transmise.
 *
 * @param store - The ledger.
 * @param files - Files returned by {@link numberAndLot} and actually sent.
 * @param at - Timestamp (ISO 8601).
 * @returns The transmitted lots, or the ledger's issues.
 */
export async function markFilesTransmitted(store: LedgerStore, files: readonly LottedFile[], at?: string): Promise<Result<readonly LedgerLot[]>> {
  const out: LedgerLot[] = [];
  for (const f of files) {
    const r = await store.markTransmitted({ fileId: f.fileId }, at);
    if (!r.ok) return r;
    out.push(...r.value);
  }
  return ok(out);
}
