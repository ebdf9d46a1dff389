/**
 * Ledger integration, in the one order the norm allows: number → secure → serialize.
 *
 * 1. `numberAndLot`: the ledger numbers the invoices (duplicate control included) and lots them
 *    — FSE lots per organisme destinataire and securing mode, DRE lots per AMC, one file per
 *    (PS, kind, destinataire) — in ONE store transaction: all or nothing, so a store error never
 *    leaves invoices numbered but unlotted, and retrying the same batch numbers it whole.
 * 2. `secureNumbered`: each numbered FSE / DRE is secured (its B2 records carry the invoice
 *    number, so securing comes after numbering) and the ledger keeps what securing produced.
 * 3. `serializeLottedFile`: writes a file from what the ledger holds, refusing any invoice not
 *    secured (`LEDGER_NOT_SECURED`) or changed since (`LEDGER_SECURED_MISMATCH`), and keeps the
 *    file's creation parameters at first write; `rebuildFile` gives the same bytes again (after
 *    a crash, or to re-send after a negative ARL).
 * 4. `markFilesTransmitted`: en lot → transmise.
 *
 * Invoice numbers are JS numbers (integers 1 … 999 999 999) everywhere in the ledger and this
 * flow: a counter that is compared and incremented; the 9-digit text is only the B2 / NOEMIE
 * wire form (`formatInvoiceNumber`).
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), sécurisation et lots ;
 *   Cahier des charges norme B2 inter-régimes (ameli.fr), enregistrements 000, 1, 2 à 5, 6, 999
 */
import type { Issue, IssuePath, Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import { field, guardArray, guardBoolean, guardFunction, guardInteger, guardMoney, guardObject, guardPlainDate, guardString, inputErr } from '../core/guard/index';
import { fromCentimes } from '../core/money/index';
import type { InvoiceDraft, LedgerEventOptions, LedgerInvoice, LedgerLot, LedgerStore } from '../ledger/index';
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
  /** Files whose invoices are numbered and lotted, not yet secured: see `secureNumbered`. */
  readonly files: readonly LottedFile[];
}

/** Options of {@link numberAndLot}. */
export interface NumberAndLotOptions {
  /** Maximum invoices per lot, 1 … 999 (default {@link DEFAULT_MAX_PER_LOT}). */
  readonly maxPerLot?: number;
  /** Timestamp (ISO 8601) recorded in the ledger; default the store's clock. */
  readonly at?: string;
  /** Store the FSE as JSON payload in the ledger (default false: large batches stay light). */
  readonly storePayload?: boolean;
}

/** `options.at` (or the deprecated positional string), checked; `undefined` when absent. */
function atOption(options: unknown, issues: Issue[]): string | undefined {
  if (typeof options === 'string') return guardString(options, ['at'], issues, { min: 1, max: 40, expected: 'date-heure ISO 8601' });
  const o = guardObject(options, ['options'], issues, { required: false });
  return o && guardString(field(o, 'at'), ['options', 'at'], issues, { required: false, min: 1, max: 40, expected: 'date-heure ISO 8601' });
}

/** Reads `a.b.c` of untrusted data (own properties only), `undefined` when any step is missing. */
function at(root: unknown, ...keys: string[]): unknown {
  let v = root;
  for (const k of keys) {
    const o = guardObject(v, [], [], { required: false });
    if (o === undefined) return undefined;
    v = field(o, k);
  }
  return v;
}

/**
 * The ledger draft of an FSE (amounts from the FSE, hence from the rules' Decompte). The patient
 * identity is the caisse's: NIR assuré + date de naissance + rang, plus the own NIR and qualité
 * (see `computeCareKeys`).
 *
 * @param fse - The invoice.
 * @param dre - Its DRE, when the AMC part is in tiers payant.
 * @param options - `at`: recording instant, ISO 8601 with its offset (default: the store's clock
 *   when the draft is recorded). A string (the 0.2 positional `at`) is deprecated and still accepted.
 * @returns The draft for `LedgerStore.recordInvoice`, or the `INPUT_*` issues of a malformed FSE.
 * @example
 * const draft = unwrap(invoiceDraftOf(fse, dre, { at: '2025-03-10T18:00:00+01:00' }));
 */
export function invoiceDraftOf(fse: Fse, dre?: Dre, options?: LedgerEventOptions): Result<InvoiceDraft>;
/**
 * @deprecated Since 0.3.0: use `invoiceDraftOf(fse, dre, { at })`; removed in the next minor release.
 * @param fse - The invoice.
 * @param dre - Its DRE.
 * @param when - Recording date-time (ISO 8601).
 * @returns The draft or the issues.
 */
export function invoiceDraftOf(fse: Fse, dre: Dre | undefined, when: string): Result<InvoiceDraft>;
export function invoiceDraftOf(fse: Fse, dre?: Dre, options?: LedgerEventOptions | string): Result<InvoiceDraft> {
  const issues: Issue[] = [];
  const f = guardObject(fse, ['fse'], issues);
  const d = guardObject(dre, ['dre'], issues, { required: false });
  const stamp = atOption(options, issues);
  if (f === undefined) return inputErr(issues);
  const t = guardObject(field(f, 'totaux'), ['fse', 'totaux'], issues);
  const total = t && guardMoney(field(t, 'montantFacture'), ['fse', 'totaux', 'montantFacture'], issues);
  const amo = t && guardMoney(field(t, 'netAmo'), ['fse', 'totaux', 'netAmo'], issues);
  // With a DRE, the AMC is asked (and expected to pay) the DRE's amount: capped at a CLC guarantee,
  // the rest is the patient's.
  const amc = d !== undefined ? guardMoney(field(d, 'montantAmc'), ['dre', 'montantAmc'], issues) : t && guardMoney(field(t, 'partAmc'), ['fse', 'totaux', 'partAmc'], issues);
  const lignes = guardArray(field(f, 'lignes'), ['fse', 'lignes'], issues, { max: 999 });
  const actes: unknown[] = [];
  let dateSoins: string | undefined;
  lignes?.forEach((l, k) => {
    const line = guardObject(l, ['fse', 'lignes', k], issues);
    const date = line && guardPlainDate(field(line, 'date'), ['fse', 'lignes', k, 'date'], issues);
    const quantite = line && guardInteger(field(line, 'quantite'), ['fse', 'lignes', k, 'quantite'], issues, { min: 0, max: 999 });
    if (date !== undefined && (dateSoins === undefined || date < dateSoins)) dateSoins = date;
    // One code per unit: two C on one line bill the same as two lines of one C.
    for (let n = 0; n < Math.max(1, quantite ?? 1); n++) actes.push(line && field(line, 'code'));
  });
  const dateFacturation = guardPlainDate(at(f, 'identification', 'dateFacturation'), ['fse', 'identification', 'dateFacturation'], issues);
  if (issues.length > 0 || total === undefined || amo === undefined || amc === undefined) return inputErr(issues);
  const fseAmc = at(f, 'amc', 'numero');
  const dreAmc = d === undefined ? undefined : at(d, 'amc', 'numero');
  const b = field(f, 'beneficiaire');
  const draft = {
    ps: at(f, 'ps', 'numeroFacturation'),
    beneficiaire: {
      nir: at(b, 'nirAssure'),
      dateNaissance: at(b, 'dateNaissance'),
      rang: at(b, 'rangNaissance'),
      ...(at(b, 'nirIndividuel') === undefined ? {} : { nirIndividuel: at(b, 'nirIndividuel') }),
      ...(at(b, 'qualite') === undefined ? {} : { qualite: at(b, 'qualite') }),
    },
    dateSoins: dateSoins ?? dateFacturation,
    actes,
    dateFacturation,
    montants: { total: fromCentimes(total.centimes), amo: fromCentimes(amo.centimes), amc: fromCentimes(amc.centimes), patient: fromCentimes(total.centimes - amo.centimes - amc.centimes) },
    destinataireAmo: at(f, 'amo', 'organismeDestinataire'),
    // A DRE routed by the attestation has its AMC even when the FSE (no Vitale AMC data) has none.
    ...(field(f, 'amc') !== undefined || d !== undefined ? { amc: { destinataire: dreAmc ?? fseAmc, tiersPayant: d !== undefined } } : {}),
    securisation: at(f, 'securisation', 'mode'),
    ...(stamp !== undefined ? { at: stamp } : {}),
  };
  // The ledger checks every field of the draft (NIR, dates, codes, amounts) when numbering.
  return ok(draft as unknown as InvoiceDraft);
}

/** A method of a caller object, own or inherited (a class-based adapter); a throwing getter reads as absent. */
export function methodOf(o: Readonly<Record<string, unknown>>, name: string): unknown {
  try {
    return o[name];
  } catch {
    return undefined;
  }
}

/**
 * Guards the store argument: an object with the port methods a flow calls.
 *
 * @param store - Untrusted store.
 * @param issues - Issue collector.
 * @param methods - Port methods the caller needs.
 * @returns The store, typed, or `undefined` after pushing `INPUT_*` issues.
 */
export function guardStore(store: unknown, issues: Issue[], methods: readonly string[]): LedgerStore | undefined {
  const s = guardObject(store, ['store'], issues);
  if (s === undefined) return undefined;
  const before = issues.length;
  for (const m of methods) guardFunction(methodOf(s, m), ['store', m], issues);
  return issues.length === before ? (s as unknown as LedgerStore) : undefined;
}

/** Issues with a path prefix. */
export const prefix = (path: IssuePath, issues: readonly Issue[]): Issue[] => issues.map((i) => ({ ...i, path: [...path, ...i.path] }));

/**
 * Numbers invoices in the ledger (duplicate control) and lots them, in one store transaction.
 *
 * @param store - The ledger.
 * @param items - FSE (and DRE) to send, controlled but NOT yet secured: the number comes first
 *   (it is inside the secured B2 records), then {@link secureNumbered}.
 * @param options - Lot size, timestamp, payload storage.
 * @returns Numbered invoices, rejected ones with the ledger's issues, and the files to secure
 *   then write; `Err` with `INPUT_*` issues for malformed arguments, or the ledger's issues when
 *   a lot cannot be created (then nothing at all was numbered).
 * @throws SesamError `STORE_BUSY` when the database stayed locked (nothing was written: retry
 *   the same call), `STORE` on other storage failures (nothing was written either).
 * @example
 * const lotted = unwrap(await numberAndLot(store, [{ fse, dre }], { maxPerLot: 500 }));
 * unwrap(await secureNumbered(store, lotted.files, securer, { ...emitter, at: '2025-03-10T18:00:00+01:00' }));
 * for (const file of lotted.files) send(unwrap(await serializeLottedFile(store, file, emitter)));
 */
export async function numberAndLot(store: LedgerStore, items: readonly LedgerItem[], options: NumberAndLotOptions = {}): Promise<Result<NumberAndLotResult>> {
  const issues: Issue[] = [];
  const s = guardStore(store, issues, ['recordBatch']);
  const list = guardArray(items, ['items'], issues, { max: 100_000 });
  const o = guardObject(options, ['options'], issues, { required: false });
  const max = o && guardInteger(field(o, 'maxPerLot'), ['options', 'maxPerLot'], issues, { min: 1, max: DEFAULT_MAX_PER_LOT, required: false });
  const when = o && guardString(field(o, 'at'), ['options', 'at'], issues, { min: 1, max: 40, required: false });
  const storePayload = o && guardBoolean(field(o, 'storePayload'), ['options', 'storePayload'], issues, { required: false });
  if (issues.length > 0 || s === undefined || list === undefined) return inputErr(issues);
  const rejected: { index: number; issues: readonly Issue[] }[] = [];
  const drafts: InvoiceDraft[] = [];
  const sources: { index: number; fse: Fse; dre?: Dre }[] = [];
  list.forEach((raw, index) => {
    const item = guardObject(raw, ['items', index], issues);
    const fse = item && field(item, 'fse');
    const dre = item && field(item, 'dre');
    const draft = item === undefined ? inputErr(issues.splice(0)) : invoiceDraftOf(fse as Fse, dre as Dre | undefined, when === undefined ? {} : { at: when });
    if (!draft.ok) return void rejected.push({ index, issues: prefix(item === undefined ? [] : ['items', index], draft.issues) });
    drafts.push(storePayload === true ? { ...draft.value, payload: JSON.stringify(fse) } : draft.value);
    sources.push({ index, fse: fse as Fse, ...(dre === undefined ? {} : { dre: dre as Dre }) });
  });
  const batch = await s.recordBatch(drafts, { ...(max === undefined ? {} : { maxPerLot: max }), ...(when === undefined ? {} : { at: when }) });
  if (!batch.ok) return batch;
  for (const r of batch.value.rejected) {
    const src = sources[r.index] as { index: number };
    rejected.push({ index: src.index, issues: prefix(['items', src.index], r.issues) });
  }
  const byBatchIndex = new Map<number, NumberedItem>();
  for (const n of batch.value.numbered) {
    const src = sources[n.index] as { fse: Fse; dre?: Dre };
    const fse: Fse = { ...src.fse, identification: { ...src.fse.identification, numeroFacture: n.invoice.numero } };
    byBatchIndex.set(n.index, { fse, ...(src.dre !== undefined ? { dre: { ...src.dre, fse } } : {}), invoice: n.invoice });
  }
  const doc = (k: number): NumberedItem => byBatchIndex.get(k) as NumberedItem;
  const files: LottedFile[] = batch.value.files.map((f) =>
    f.kind === 'fse'
      ? { kind: 'fse', fileId: f.fileId, ps: f.ps, destinataire: f.destinataire, lots: f.lots.map((l) => ({ lot: l.lot, documents: l.items.map((k) => doc(k).fse), mode: l.mode ?? 'S' })) }
      : { kind: 'dre', fileId: f.fileId, ps: f.ps, destinataire: f.destinataire, lots: f.lots.map((l) => ({ lot: l.lot, documents: l.items.map((k) => doc(k).dre as Dre) })) },
  );
  rejected.sort((a, b) => a.index - b.index);
  return ok({ numbered: [...byBatchIndex.keys()].sort((a, b) => a - b).map(doc), rejected, files });
}

/**
 * Marks files as sent: their lots' invoices move en lot → transmise.
 *
 * @param store - The ledger.
 * @param files - Files returned by {@link numberAndLot} and actually sent.
 * @param options - `at`: sending instant, ISO 8601 with its offset (default: the store's clock).
 *   A string (the 0.2 positional `at`) is deprecated and still accepted.
 * @returns The transmitted lots, or the ledger's issues.
 * @example
 * unwrap(await markFilesTransmitted(store, lotted.files, { at: '2025-03-10T18:30:00+01:00' }));
 */
export async function markFilesTransmitted(store: LedgerStore, files: readonly LottedFile[], options?: LedgerEventOptions): Promise<Result<readonly LedgerLot[]>>;
/**
 * @deprecated Since 0.3.0: use `markFilesTransmitted(store, files, { at })`; removed in the next minor release.
 * @param store - The ledger.
 * @param files - Files sent.
 * @param when - Timestamp (ISO 8601).
 * @returns The transmitted lots or the issues.
 */
export async function markFilesTransmitted(store: LedgerStore, files: readonly LottedFile[], when: string): Promise<Result<readonly LedgerLot[]>>;
export async function markFilesTransmitted(store: LedgerStore, files: readonly LottedFile[], options?: LedgerEventOptions | string): Promise<Result<readonly LedgerLot[]>> {
  const issues: Issue[] = [];
  const s = guardStore(store, issues, ['markTransmitted']);
  const list = guardArray(files, ['files'], issues, { max: 100_000 });
  const stamp = atOption(options, issues);
  const ids: string[] = [];
  list?.forEach((f, k) => {
    const file = guardObject(f, ['files', k], issues);
    const id = file && guardString(field(file, 'fileId'), ['files', k, 'fileId'], issues, { pattern: /^[0-9A-Z]{6}$/, max: 6, expected: 'identifiant de fichier (6 caractères)' });
    if (id !== undefined) ids.push(id);
  });
  if (issues.length > 0 || s === undefined) return inputErr(issues);
  const out: LedgerLot[] = [];
  for (const fileId of ids) {
    const r = await s.markTransmitted({ fileId }, stamp === undefined ? {} : { at: stamp });
    if (!r.ok) return r;
    out.push(...r.value);
  }
  return ok(out);
}
