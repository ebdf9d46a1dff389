/**
 * serializeB2File / streamB2File: B2 file → bytes. Alphanumeric zones are upper-cased and
 * transliterated (an accented name gives an `FW_TRANSLITERATED` warning), numeric zones
 * zero-padded, amounts in centimes, dates AAMMJJ (the fixed-width engine). The streaming writer
 * takes lots and invoices as iterables and computes the 6 and 999 records on the fly, so memory
 * stays flat whatever the number of invoices.
 *
 * @see ../shared/domain/SPECS.md §2.2, §2.3
 */
import type { Issue, Result } from '../../core/issues/index';
import { resultOf } from '../../core/issues/index';
import type { Layout } from '../../internal/fixed-width/index';
import { encodeRecords, serializeRecord } from '../../internal/fixed-width/index';
import type { B2Facture, B2File } from './file';
import { addInvoice, emptyLotTotals, fileTrailerOf, lotTrailerOf } from './file';
import type { LotTrailerExtra } from './file';
import type { Record000, Record1, Record6 } from './records/index';
import { B2_000, B2_1, B2_2, B2_2M, B2_2S, B2_4, B2_4F, B2_4M, B2_5, B2_6, B2_999 } from './records/index';

const RECORD = 128;

/** Collects warnings/errors while records are written. */
class Sink {
  readonly issues: Issue[] = [];
  constructor(readonly max = 1000) {}
}

function text<L extends Layout>(layout: L, value: unknown, sink: Sink, path: readonly (string | number)[]): string {
  const r = serializeRecord(layout, value as never, { transliterate: true, path });
  if (r.issues.length > 0 && sink.issues.length < sink.max) sink.issues.push(...r.issues);
  return r.ok ? r.value : ' '.repeat(RECORD);
}

function* invoiceTexts(f: B2Facture, sink: Sink, path: readonly (string | number)[]): Generator<string> {
  yield text(B2_2, f.entete, sink, [...path, 'entete']);
  if (f.individu !== undefined) yield text(B2_2S, f.individu, sink, [...path, 'individu']);
  if (f.amc !== undefined) yield text(B2_2M, f.amc, sink, [...path, 'amc']);
  for (let k = 0; k < f.lignes.length; k++) {
    const l = f.lignes[k]!;
    yield text(B2_4, l.prestation, sink, [...path, 'lignes', k, 'prestation']);
    if (l.ccam !== undefined) yield text(B2_4M, l.ccam, sink, [...path, 'lignes', k, 'ccam']);
    if (l.lpp !== undefined) yield text(B2_4F, l.lpp, sink, [...path, 'lignes', k, 'lpp']);
  }
  yield text(B2_5, f.total, sink, [...path, 'total']);
}

function* fileTexts(file: B2File, sink: Sink): Generator<string> {
  yield text(B2_000, file.debut, sink, ['debut']);
  for (let i = 0; i < file.lots.length; i++) {
    const lot = file.lots[i]!;
    yield text(B2_1, lot.debut, sink, ['lots', i, 'debut']);
    for (let j = 0; j < lot.factures.length; j++) yield* invoiceTexts(lot.factures[j]!, sink, ['lots', i, 'factures', j]);
    yield text(B2_6, lot.fin, sink, ['lots', i, 'fin']);
  }
  yield text(B2_999, file.fin, sink, ['fin']);
}

/**
 * Writes a whole B2 file (records back to back, no line end: the reference framing).
 *
 * @param file - The file (its 5/6/999 records are written as given: build them with `buildB2File`).
 * @returns The bytes with transliteration warnings, or the `FW_*` issues of the fields that cannot be written.
 * @example
 * const bytes = unwrap(serializeB2File(unwrap(buildB2File(lottedFile, emitter))));
 */
export function serializeB2File(file: B2File): Result<Uint8Array> {
  const sink = new Sink();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const chunk of encodeRecords(fileTexts(file, sink), { recordLength: RECORD })) {
    if (!chunk.ok) sink.issues.push(...chunk.issues);
    else {
      parts.push(chunk.value);
      size += chunk.value.length;
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return resultOf(out, sink.issues);
}

/** A lot given to the streaming writer: its header and its invoices, produced lazily. */
export interface StreamLot {
  readonly debut: Record1;
  readonly factures: Iterable<B2Facture>;
}

/** Options of {@link streamB2File}. */
export interface StreamOptions {
  /** Type 6 marquage (R réelles, T tests, D démonstrations). */
  readonly marquage: NonNullable<Record6['marquage']>;
  readonly numeroAgrement?: string;
  /** Records per output chunk (default 512). */
  readonly chunkRecords?: number;
  /** Receives the issues (warnings included) as they are found; default: dropped after the first 1000. */
  readonly onIssue?: (issue: Issue) => void;
}

/**
 * Streams a B2 file: yields byte chunks while it walks the lots and invoices, computing the
 * type 6 and 999 control totals on the fly (memory stays flat: nothing is kept per invoice).
 *
 * @param debut - The 000 record.
 * @param lots - The lots (any iterable, e.g. a generator reading a database).
 * @param options - Marquage, agrément, chunk size, issue callback.
 * @returns A generator of byte chunks (write each to a file or a socket).
 * @example
 * for (const chunk of streamB2File(header, lots, { marquage: 'R' })) out.write(chunk);
 */
export function* streamB2File(debut: Record000, lots: Iterable<StreamLot>, options: StreamOptions): Generator<Uint8Array, void, undefined> {
  const sink = new Sink();
  function* texts(): Generator<string> {
    yield text(B2_000, debut, sink, ['debut']);
    let nombreLots = 0;
    let volume = 2;
    for (const lot of lots) {
      const t = emptyLotTotals();
      yield text(B2_1, lot.debut, sink, ['lots', nombreLots, 'debut']);
      let j = 0;
      for (const f of lot.factures) {
        addInvoice(t, f);
        yield* invoiceTexts(f, sink, ['lots', nombreLots, 'factures', j++]);
      }
      const extra: LotTrailerExtra = { marquage: options.marquage, ...(options.numeroAgrement !== undefined ? { numeroAgrementProgiciel: options.numeroAgrement } : {}) };
      yield text(B2_6, lotTrailerOf(lot.debut, t, extra), sink, ['lots', nombreLots, 'fin']);
      volume += t.records + 2;
      nombreLots++;
    }
    yield text(B2_999, fileTrailerOf(debut, nombreLots, volume), sink, ['fin']);
  }
  for (const chunk of encodeRecords(texts(), { recordLength: RECORD, chunkRecords: options.chunkRecords ?? 512 })) {
    if (sink.issues.length > 0) {
      for (const i of sink.issues.splice(0)) options.onIssue?.(i);
    }
    if (chunk.ok) yield chunk.value;
    else for (const i of chunk.issues) options.onIssue?.(i);
  }
}

/**
 * Writes the records of one invoice (2…5), e.g. the bytes a Securer signs.
 *
 * @param f - The invoice records.
 * @returns The bytes, or `FW_*` issues.
 */
export function serializeB2Facture(f: B2Facture): Result<Uint8Array> {
  const sink = new Sink();
  const texts = [...invoiceTexts(f, sink, [])];
  const bytes = new Uint8Array(texts.length * RECORD);
  texts.forEach((t, k) => {
    for (let i = 0; i < RECORD; i++) bytes[k * RECORD + i] = t.charCodeAt(i) & 0xff;
  });
  return resultOf(bytes, sink.issues);
}
