/**
 * Securing outputs and written-file records, each stored in one transaction: what securing
 * produced per invoice (signature or certification bytes, mode, securer, certificate, the exact
 * bytes secured and the document they come from), and the creation parameters of each file at
 * its first write, so `rebuildFile` gives the same bytes.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardBytes, guardEnum, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import { LEDGER_CODES } from '../codes';
import { formatInvoiceNumber } from '../numbering';
import type { InvoiceSecuring, WrittenFile } from '../securedPort';
import type { LedgerTx } from './backend';

const issue = createIssueFactory(LEDGER_CODES);

/** File ids as the ledger gives them (B2 000 pos. 50-55). */
export const FILE_ID_RE = /^[0-9A-Z]{6}$/;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, k) => x === b[k]);

/** Guards a securing input; returns a copy the caller can no longer mutate. */
function guardSecuring(input: unknown, issues: Issue[]): InvoiceSecuring | undefined {
  const o = guardObject(input, [], issues);
  if (o === undefined) return undefined;
  const invoiceId = guardString(field(o, 'invoiceId'), ['invoiceId'], issues, { min: 1, max: 40 });
  const kind = guardEnum(field(o, 'kind'), ['fse', 'dre'] as const, ['kind'], issues);
  const mode = guardEnum(field(o, 'mode'), ['S', 'F', 'D'] as const, ['mode'], issues);
  const format = guardString(field(o, 'format'), ['format'], issues, { min: 1, max: 40 });
  const securerId = guardString(field(o, 'securerId'), ['securerId'], issues, { min: 1, max: 200 });
  const certificateId = guardString(field(o, 'certificateId'), ['certificateId'], issues, { required: false, min: 1, max: 200 });
  const at = guardString(field(o, 'at'), ['at'], issues, { min: 1, max: 40, expected: 'date-heure ISO 8601' });
  const signature = guardBytes(field(o, 'signature'), ['signature'], issues, { max: 1_000_000 });
  const securedBytes = guardBytes(field(o, 'securedBytes'), ['securedBytes'], issues, { max: 10_000_000 });
  const document = guardString(field(o, 'document'), ['document'], issues, { min: 2, max: 10_000_000, expected: 'document JSON' });
  if (issues.length > 0 || invoiceId === undefined || kind === undefined || mode === undefined || format === undefined) return undefined;
  if (securerId === undefined || at === undefined || signature === undefined || securedBytes === undefined || document === undefined) return undefined;
  return {
    invoiceId, kind, mode, format, securerId, at, document,
    signature: Uint8Array.from(signature),
    securedBytes: Uint8Array.from(securedBytes),
    ...(certificateId === undefined ? {} : { certificateId }),
  };
}

/**
 * Stores what securing produced for an invoice's FSE or DRE (before its first transmission).
 *
 * @param tx - The transaction.
 * @param input - The securing output (untrusted shape).
 * @returns The stored record (the first one when the same output is stored twice), or
 *   `LEDGER_UNKNOWN_INVOICE`, `LEDGER_NO_AMC_PART`, `LEDGER_NOT_EDITABLE`, `LEDGER_SECURED_MISMATCH`.
 */
export function recordSecuringTx(tx: LedgerTx, input: unknown): Result<InvoiceSecuring> {
  const issues: Issue[] = [];
  const s = guardSecuring(input, issues);
  if (s === undefined) return inputErr(issues);
  const invoice = tx.getInvoice(s.invoiceId);
  if (invoice === undefined) return err(issue('LEDGER_UNKNOWN_INVOICE', { path: ['invoiceId'], received: s.invoiceId }));
  const part = invoice.parts[s.kind === 'dre' ? 'amc' : 'amo'];
  if (part === undefined) return err(issue('LEDGER_NO_AMC_PART', { path: ['kind'], received: formatInvoiceNumber(invoice.numero) }));
  if (s.mode !== invoice.securisation) {
    return err(issue('LEDGER_SECURED_MISMATCH', { path: ['mode'], expected: `mode ${invoice.securisation}`, received: formatInvoiceNumber(invoice.numero) }));
  }
  const previous = tx.getSecuring(s.invoiceId, s.kind);
  if (previous !== undefined) {
    if (sameBytes(previous.securedBytes, s.securedBytes) && sameBytes(previous.signature, s.signature)) return ok(previous);
    return err(issue('LEDGER_NOT_EDITABLE', { path: ['invoiceId'], received: formatInvoiceNumber(invoice.numero) }));
  }
  if (part.state !== 'a_emettre' && part.state !== 'en_lot') {
    return err(issue('LEDGER_NOT_EDITABLE', { path: ['invoiceId'], received: formatInvoiceNumber(invoice.numero) }));
  }
  tx.putSecuring(s);
  return ok(s);
}

/**
 * Keeps a file's creation parameters at its first write (the first record wins).
 *
 * @param tx - The transaction.
 * @param input - File id, parameters (JSON text), length written (untrusted shape).
 * @param at - Timestamp.
 * @returns The file's record, or `LEDGER_UNKNOWN_FILE` for a file id no lot carries.
 */
export function recordFileWriteTx(tx: LedgerTx, input: unknown, at: string): Result<WrittenFile> {
  const issues: Issue[] = [];
  const o = guardObject(input, [], issues);
  const fileId = o && guardString(field(o, 'fileId'), ['fileId'], issues, { pattern: FILE_ID_RE, max: 6, expected: 'identifiant de fichier (6 caractères)' });
  const params = o && guardString(field(o, 'params'), ['params'], issues, { min: 2, max: 100_000, expected: 'paramètres JSON' });
  const length = o && guardInteger(field(o, 'length'), ['length'], issues, { min: 0 });
  const when = o && guardString(field(o, 'at'), ['at'], issues, { required: false, min: 1, max: 40 });
  if (issues.length > 0 || fileId === undefined || params === undefined || length === undefined) return inputErr(issues);
  const previous = tx.getWrittenFile(fileId);
  if (previous !== undefined) return ok(previous);
  if (tx.lotsOfFile(fileId).length === 0) return err(issue('LEDGER_UNKNOWN_FILE', { path: ['fileId'], received: fileId }));
  const file: WrittenFile = { fileId, params, length, writtenAt: when ?? at };
  tx.putWrittenFile(file);
  return ok(file);
}
