/**
 * Securing numbered invoices into the ledger, writing files from the ledger, rebuilding them.
 *
 * Why from the ledger: a file must hold only secured invoices, exactly as they were secured, and
 * must be rebuildable byte for byte after a crash or to re-send it after a negative ARL (the
 * ARL asks for the same file again). So `serializeLottedFile` reads the lots of the file and the
 * secured document of each invoice from the ledger, checks each invoice's B2 records are the
 * secured bytes, keeps the file's creation parameters (date de création, émetteur, marquage,
 * norme…) at first write, and `rebuildFile` runs the same code on the stored parameters.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), sécurisation des factures ;
 *   Cahier des charges norme B2 inter-régimes (ameli.fr), enregistrements 000, 1, 6, 999 ;
 *   Cahier des charges NOEMIE PS, ARL négatif (renvoi du fichier)
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { field, guardArray, guardFunction, guardObject, guardString, inputErr } from '../core/guard/index';
import type { InvoiceSecuring, LedgerLot, LedgerStore } from '../ledger/index';
import { formatInvoiceNumber, LEDGER_CODES } from '../ledger/index';
import type { Securer } from '../signature/ports';
import type { B2Emitter } from './b2/buildFile';
import { buildB2File } from './b2/buildFile';
import type { B2FactureOptions } from './b2/fromFse';
import { b2FactureOf } from './b2/fromFse';
import { serializeB2Facture, serializeB2File } from './b2/serialize';
import type { LottedFile } from './ledgerFlow';
import { guardStore, methodOf, prefix } from './ledgerFlow';
import type { Dre, Fse } from './model';
import type { SecureOptions } from './secure';
import { secureFse, securingInstant } from './secure';
import type { SecuringMode } from './securing';

const issue = createIssueFactory(LEDGER_CODES);
const FILE_ID = /^[0-9A-Z]{6}$/;

/** One invoice secured by {@link secureNumbered}. */
export interface SecuredInvoice {
  readonly kind: 'fse' | 'dre';
  readonly numero: number;
  readonly securing: InvoiceSecuring;
  /** True when the ledger already held it (a retry): the Securer was not called again. */
  readonly reused: boolean;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * Secures every invoice of numbered files and stores what securing produced in the ledger
 * (signature, mode, securer, the exact bytes, the document). An invoice already secured in the
 * ledger is not secured again (a retry after a crash never re-signs, never re-presents a PIN).
 *
 * @param store - The ledger.
 * @param files - Files from `numberAndLot`.
 * @param securer - The Securer (CPS card, vendor component, test signer).
 * @param options - `at`: the securing instant, ISO 8601 with its offset (default the securer's
 *   clock); invoice-level B2 options, the same as the file emitter's (the emitter itself fits).
 *   The 0.2 form `(store, files, securer, at, emitter)` is deprecated and still accepted.
 * @returns The secured invoices, or every securing issue (paths `['files', i, 'lots', j, 'documents', k, …]`);
 *   invoices secured before an issue stay recorded, so a retry continues.
 * @throws SesamError when the Securer fails (I/O) or the store fails.
 * @example
 * unwrap(await secureNumbered(store, lotted.files, securer, { ...emitter, at: '2025-03-10T18:00:00+01:00' }));
 */
export async function secureNumbered(store: LedgerStore, files: readonly LottedFile[], securer: Securer, options?: SecureOptions | (B2Emitter & SecureOptions)): Promise<Result<readonly SecuredInvoice[]>>;
/**
 * @deprecated Since 0.3.0: use `secureNumbered(store, files, securer, { ...emitter, at })`; removed in the next minor release.
 * @param store - The ledger.
 * @param files - Files from `numberAndLot`.
 * @param securer - The Securer.
 * @param when - Securing date-time, ISO 8601.
 * @param options - Invoice-level B2 options.
 * @returns The secured invoices or every securing issue.
 */
export async function secureNumbered(store: LedgerStore, files: readonly LottedFile[], securer: Securer, when: string, options?: B2Emitter | Record<string, never>): Promise<Result<readonly SecuredInvoice[]>>;
export async function secureNumbered(store: LedgerStore, files: readonly LottedFile[], securer: Securer, fourth?: SecureOptions | string, fifth?: unknown): Promise<Result<readonly SecuredInvoice[]>> {
  const issues: Issue[] = [];
  const legacy = typeof fourth === 'string';
  const s = guardStore(store, issues, ['recordSecuring', 'getSecuring']);
  const list = guardArray(files, ['files'], issues, { max: 100_000 });
  const sec = guardObject(securer, ['securer'], issues);
  if (sec !== undefined) guardFunction(methodOf(sec, 'secure'), ['securer', 'secure'], issues);
  const o = guardObject(legacy ? fifth : fourth, ['options'], issues, { required: false });
  const when = securingInstant(legacy ? fourth : o && field(o, 'at'), sec, legacy ? ['at'] : ['options', 'at'], issues);
  if (issues.length > 0 || s === undefined || list === undefined || when === undefined) return inputErr(issues);
  const options: SecureOptions = { ...(o as B2FactureOptions | undefined), at: when };
  const out: SecuredInvoice[] = [];
  for (const [i, f] of (list as readonly LottedFile[]).entries()) {
    const lots = guardArray(field(guardObject(f, ['files', i], issues) ?? {}, 'lots'), ['files', i, 'lots'], issues);
    for (const [j, lot] of (lots ?? []).entries()) {
      const l = guardObject(lot, ['files', i, 'lots', j], issues);
      const ids = l && guardArray(field(guardObject(field(l, 'lot'), ['files', i, 'lots', j, 'lot'], issues) ?? {}, 'invoiceIds'), ['files', i, 'lots', j, 'lot', 'invoiceIds'], issues);
      const docs = l && guardArray(field(l, 'documents'), ['files', i, 'lots', j, 'documents'], issues);
      for (const [k, doc] of (docs ?? []).entries()) {
        const path = ['files', i, 'lots', j, 'documents', k];
        const d = guardObject(doc, path, issues);
        const invoiceId = guardString(ids?.[k], ['files', i, 'lots', j, 'lot', 'invoiceIds', k], issues, { min: 1, max: 40 });
        if (d === undefined || invoiceId === undefined) continue;
        const kind = field(d, 'kind') === 'dre' ? 'dre' : 'fse';
        const done = await s.getSecuring(invoiceId, kind);
        const fse = (kind === 'dre' ? field(d, 'fse') : d) as Fse;
        if (done !== undefined) {
          out.push({ kind, numero: fse.identification.numeroFacture ?? 0, securing: done, reused: true });
          continue;
        }
        const secured = await secureFse(doc as Fse | Dre, securer, options);
        if (!secured.ok) {
          issues.push(...prefix(path, secured.issues));
          continue;
        }
        // A Securer may name the certificate it signed with (CPS card, vendor component): kept when given.
        const certificateId = guardString(field(secured.value.securing as unknown as Record<string, unknown>, 'certificateId'), [...path, 'certificateId'], issues, { required: false, min: 1, max: 200 });
        const r = await s.recordSecuring({
          invoiceId, kind, mode: secured.value.fse.securisation.mode, format: secured.value.securing.format, securerId: secured.value.securing.securerId,
          at: secured.value.securing.at, signature: secured.value.securing.signature, securedBytes: secured.value.payload, document: JSON.stringify(doc),
          ...(certificateId === undefined ? {} : { certificateId }),
        });
        if (!r.ok) issues.push(...prefix(path, r.issues));
        else out.push({ kind, numero: secured.value.fse.identification.numeroFacture ?? 0, securing: r.value, reused: false });
      }
    }
  }
  const errors = issues.filter((x) => x.severity === 'error');
  const [first, ...rest] = errors;
  return first === undefined ? ok(out, issues) : err(first, ...rest);
}

/** Rebuilds a `LottedFile` from the ledger: its lots in creation order, each invoice's secured document. */
async function lottedFromLedger(store: LedgerStore, fileId: string): Promise<Result<{ file: LottedFile; secured: InvoiceSecuring[] }>> {
  const lots = await store.listLots({ fileId });
  const first = lots[0];
  if (first === undefined) return err(issue('LEDGER_UNKNOWN_FILE', { path: ['fileId'], received: fileId }));
  const kind = first.kind;
  const issues: Issue[] = [];
  const secured: InvoiceSecuring[] = [];
  const built: { lot: LedgerLot; documents: (Fse | Dre)[]; mode: SecuringMode }[] = [];
  for (const [j, lot] of lots.entries()) {
    const documents: (Fse | Dre)[] = [];
    let mode: SecuringMode | undefined;
    for (const [k, id] of lot.invoiceIds.entries()) {
      const s = await store.getSecuring(id, kind);
      if (s === undefined) {
        const inv = await store.getInvoice(id);
        issues.push(issue('LEDGER_NOT_SECURED', { path: ['lots', j, 'invoiceIds', k], received: inv === undefined ? id : formatInvoiceNumber(inv.numero) }));
        continue;
      }
      secured.push(s);
      mode ??= s.mode;
      documents.push(JSON.parse(s.document) as Fse | Dre);
    }
    // The lot's top certification is its invoices' securing mode (lots are cut per mode).
    built.push({ lot, documents, mode: mode ?? 'S' });
  }
  const [e, ...rest] = issues;
  if (e !== undefined) return err(e, ...rest);
  const file = (kind === 'fse'
    ? { kind, fileId, ps: first.ps, destinataire: first.destinataire, lots: built as unknown as (LottedFile & { kind: 'fse' })['lots'] }
    : { kind, fileId, ps: first.ps, destinataire: first.destinataire, lots: built.map(({ lot, documents }) => ({ lot, documents: documents as Dre[] })) }) as LottedFile;
  return ok({ file, secured });
}

/** The bytes of a file from the ledger and given creation parameters (one code path for write and rebuild). */
async function bytesOf(store: LedgerStore, fileId: string, emitter: B2Emitter): Promise<Result<Uint8Array>> {
  const from = await lottedFromLedger(store, fileId);
  if (!from.ok) return from;
  const { file, secured } = from.value;
  const issues: Issue[] = [];
  // Each invoice's records must be the bytes that were secured (same document, same options).
  let k = 0;
  for (const [j, lot] of file.lots.entries()) {
    for (const [n, doc] of (lot.documents as readonly (Fse | Dre)[]).entries()) {
      const s = secured[k++] as InvoiceSecuring;
      const records = b2FactureOf(doc, emitter);
      const bytes = records.ok ? serializeB2Facture(records.value) : records;
      if (!bytes.ok || !sameBytes(bytes.value, s.securedBytes)) {
        const numero = (doc.kind === 'dre' ? doc.fse : doc).identification.numeroFacture ?? 0;
        issues.push(issue('LEDGER_SECURED_MISMATCH', { path: ['lots', j, 'documents', n], received: formatInvoiceNumber(numero) }));
      }
    }
  }
  const [e, ...rest] = issues;
  if (e !== undefined) return err(e, ...rest);
  const b2 = buildB2File(file, emitter);
  if (!b2.ok) return b2;
  return serializeB2File(b2.value);
}

/** Guards an emitter enough to store it (its fields are checked by the B2 writer). */
function guardEmitter(emitter: unknown, issues: Issue[]): B2Emitter | undefined {
  const e = guardObject(emitter, ['emitter'], issues);
  if (e === undefined) return undefined;
  guardString(field(e, 'dateCreation'), ['emitter', 'dateCreation'], issues, { pattern: /^\d{4}-\d{2}-\d{2}$/, expected: 'date AAAA-MM-JJ' });
  guardString(field(e, 'marquage'), ['emitter', 'marquage'], issues, { pattern: /^[RTD]$/, expected: 'R | T | D' });
  return e as unknown as B2Emitter;
}

/**
 * Writes a lotted file from the ledger: refuses invoices not secured (`LEDGER_NOT_SECURED`) or
 * whose records differ from what was secured (`LEDGER_SECURED_MISMATCH`), and keeps the file's
 * creation parameters at first write. A second call for the same file gives the first bytes
 * (the first parameters win), exactly like {@link rebuildFile}.
 *
 * @param store - The ledger.
 * @param file - A file from `numberAndLot` (its id is what counts: the lots and documents are read from the ledger).
 * @param emitter - File-level data (date de création, émetteur, marquage, norme…).
 * @returns The file's bytes, or the issues.
 * @example
 * const bytes = unwrap(await serializeLottedFile(store, lotted.files[0], { dateCreation, marquage: 'T' }));
 */
export async function serializeLottedFile(store: LedgerStore, file: LottedFile, emitter: B2Emitter): Promise<Result<Uint8Array>> {
  const issues: Issue[] = [];
  const s = guardStore(store, issues, ['listLots', 'getSecuring', 'getInvoice', 'recordFileWrite', 'getWrittenFile']);
  const f = guardObject(file, ['file'], issues);
  const fileId = f && guardString(field(f, 'fileId'), ['file', 'fileId'], issues, { pattern: FILE_ID, max: 6, expected: 'identifiant de fichier (6 caractères)' });
  const e = guardEmitter(emitter, issues);
  if (issues.length > 0 || s === undefined || fileId === undefined || e === undefined) return inputErr(issues);
  const written = await s.getWrittenFile(fileId);
  if (written !== undefined) return rebuildFile(s, fileId);
  const bytes = await bytesOf(s, fileId, e);
  if (!bytes.ok) return bytes;
  const rec = await s.recordFileWrite({ fileId, params: JSON.stringify(e), length: bytes.value.length });
  if (!rec.ok) return rec;
  // Another writer may have recorded the file first: its parameters win.
  return rec.value.params === JSON.stringify(e) ? bytes : rebuildFile(s, fileId);
}

/**
 * Rebuilds a written file byte for byte from the ledger (after a crash, or to re-send it after
 * a negative ARL): the stored creation parameters, the lots, each invoice's secured document.
 *
 * @param store - The ledger.
 * @param fileId - The file id (6 characters).
 * @returns The same bytes as the first write, or `LEDGER_UNKNOWN_FILE` for a file never written.
 * @example
 * const again = unwrap(await rebuildFile(store, '000042'));
 */
export async function rebuildFile(store: LedgerStore, fileId: string): Promise<Result<Uint8Array>> {
  const issues: Issue[] = [];
  const s = guardStore(store, issues, ['listLots', 'getSecuring', 'getInvoice', 'getWrittenFile']);
  const id = guardString(fileId, ['fileId'], issues, { pattern: FILE_ID, max: 6, expected: 'identifiant de fichier (6 caractères)' });
  if (issues.length > 0 || s === undefined || id === undefined) return inputErr(issues);
  const written = await s.getWrittenFile(id);
  if (written === undefined) return err(issue('LEDGER_UNKNOWN_FILE', { path: ['fileId'], received: id }));
  const bytes = await bytesOf(s, id, JSON.parse(written.params) as B2Emitter);
  if (bytes.ok && bytes.value.length !== written.length) {
    return err(issue('LEDGER_SECURED_MISMATCH', { path: ['fileId'], expected: `${written.length} octets`, received: `${bytes.value.length} octets` }));
  }
  return bytes;
}
