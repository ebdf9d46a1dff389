/**
 * Shape checks of `streamB2File`'s input, lazily, as the stream walks it: the arguments up
 * front, each lot when it comes, each invoice in the walk that adds it to its lot's totals
 * (`addShapedInvoice` of ./guard: no separate pass on the happy path); the located `INPUT_*` issues
 * are built (`guardB2Facture`) only for an invoice that fails it. Junk never escapes as a
 * TypeError: the stream stops at the first shape issue, reports it (`onIssue`, and the
 * generator's return value) and yields nothing more.
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM, juin 2007 avec errata (composition des envois)
 */
import type { Rec } from '../../core/guard/index';
import { field, guardBoolean, guardEnum, guardFunction, guardInteger, guardObject, guardString, inputIssue, kindOf } from '../../core/guard/index';
import type { Issue, IssuePath } from '../../core/issues/index';
import { guardB2Facture } from './guard';
import type { Record000, Record1 } from './records/index';

/** Most records per output chunk (16 MiB of 128-byte records). */
export const MAX_CHUNK_RECORDS = 131_072;

/** The checked options of the stream (the caller's, with `onIssue` wrapped to keep the issues). */
export interface CheckedStreamArgs {
  readonly debut: Record000;
  readonly lots: Iterable<unknown>;
  readonly options: Rec;
}

/** `INPUT_TYPE` for a value that is not an iterable. */
function notIterable(path: IssuePath, expected: string, v: unknown): Issue {
  return inputIssue('INPUT_TYPE', { path, expected, received: kindOf(v) });
}

/** Whether `v` can be walked with `for…of` (its `Symbol.iterator` is a function). */
function isIterable(v: unknown): v is Iterable<unknown> {
  if (v === null || (typeof v !== 'object' && typeof v !== 'string')) return false;
  try {
    return typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
  } catch {
    return false;
  }
}

/**
 * Checks the arguments of `streamB2File` (not the lots' content, walked later).
 *
 * @param debut - The caller's 000 record.
 * @param lots - The caller's lots.
 * @param options - The caller's options.
 * @param issues - Collector.
 * @returns The arguments, or `undefined` after `INPUT_*` issues.
 */
export function guardStreamArgs(debut: unknown, lots: unknown, options: unknown, issues: Issue[]): CheckedStreamArgs | undefined {
  const d = guardObject(debut, ['debut'], issues);
  // the 999 record is derived from the 000 (its destinataire zero-padded): the one zone read before the writers check it
  if (d !== undefined) guardString(field(d, 'numeroDestinataire'), ['debut', 'numeroDestinataire'], issues, { max: 14 });
  if (!isIterable(lots) || typeof lots === 'string') issues.push(notIterable(['lots'], 'itérable de lots', lots));
  const o = guardObject(options, ['options'], issues);
  if (o !== undefined) {
    guardEnum(field(o, 'marquage'), ['R', 'T', 'D'] as const, ['options', 'marquage'], issues);
    guardString(field(o, 'numeroAgrement'), ['options', 'numeroAgrement'], issues, { required: false, max: 12 });
    guardInteger(field(o, 'chunkRecords'), ['options', 'chunkRecords'], issues, { required: false, min: 1, max: MAX_CHUNK_RECORDS });
    guardFunction(field(o, 'onIssue'), ['options', 'onIssue'], issues, { required: false });
    guardBoolean(field(o, 'reuseChunk'), ['options', 'reuseChunk'], issues, { required: false });
  }
  if (issues.length > 0 || d === undefined || o === undefined) return undefined;
  return { debut: d as unknown as Record000, lots: lots as Iterable<unknown>, options: o };
}

/**
 * Checks one lot as the stream reaches it.
 *
 * @param v - The caller's lot.
 * @param i - Its index.
 * @param issues - Collector.
 * @returns `{ debut, factures }`, or `undefined` after `INPUT_*` issues.
 */
export function guardStreamLot(v: unknown, i: number, issues: Issue[]): { debut: Record1; factures: Iterable<unknown> } | undefined {
  const lot = guardObject(v, ['lots', i], issues);
  if (lot === undefined) return undefined;
  const debut = guardObject(field(lot, 'debut'), ['lots', i, 'debut'], issues);
  const factures = field(lot, 'factures');
  if (!isIterable(factures) || typeof factures === 'string') issues.push(notIterable(['lots', i, 'factures'], 'itérable de factures', factures));
  return debut === undefined || issues.length > 0 ? undefined : { debut: debut as unknown as Record1, factures: factures as Iterable<unknown> };
}

/**
 * The located issues of an invoice the stream refused ({@link addStreamInvoice} said its shape
 * is wrong, or reading it threw): the full guard's `INPUT_*` issues, or, when the guard finds
 * nothing (a getter that throws: the guard reads own data properties only), one `INPUT_TYPE` on
 * the invoice.
 *
 * @param v - The caller's invoice.
 * @param i - Lot index.
 * @param j - Invoice index in the lot.
 * @returns At least one issue.
 */
export function streamFactureIssues(v: unknown, i: number, j: number): Issue[] {
  const issues: Issue[] = [];
  const path: IssuePath = ['lots', i, 'factures', j];
  if (guardB2Facture(v, path, issues) === undefined && issues.length > 0) return issues;
  return [inputIssue('INPUT_TYPE', { path, expected: 'facture B2 { entete, lignes, total } aux propriétés de données lisibles', received: kindOf(v) })];
}
