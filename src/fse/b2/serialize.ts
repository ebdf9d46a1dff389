/**
 * serializeB2File / streamB2File / serializeB2Facture: B2 file → bytes, with the layouts of
 * `./records` compiled once (`compileSerializer`): every record is written straight into a byte
 * chunk (numeric zones zero-padded, amounts in centimes, dates AAMMJJ) with no per-record string.
 * Values are expected in the B2 alphabet already (`buildB2File` / `b2FactureOf` transliterate
 * them once, with their warning): a lower-case or accented value here is an `FW_*` issue.
 * The streaming writer takes lots and invoices as iterables and keeps only running sums for the
 * 6 and 999 records, so memory stays flat whatever the number of invoices.
 *
 * @see ../shared/domain/SPECS.md §2.2, §2.3
 */
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { resultOf } from '../../core/issues/index';
import type { CompiledSerializer, Layout } from '../../internal/fixed-width/index';
import { compileSerializer, serializeRecord } from '../../internal/fixed-width/index';
import type { B2Facture, B2File, LotTrailerExtra } from './file';
import { addInvoice, countsOf, emptyLotTotals, fileTrailerOf, lotTrailerOf } from './file';
import type { Record000, Record1, Record6 } from './records/index';
import { B2_000, B2_1, B2_2, B2_2M, B2_2S, B2_4, B2_4F, B2_4M, B2_5, B2_6, B2_999, B2_RECORD_LENGTH as RECORD } from './records/index';

const W = {
  '000': compileSerializer(B2_000), '1': compileSerializer(B2_1), '2': compileSerializer(B2_2), '2S': compileSerializer(B2_2S),
  '2M': compileSerializer(B2_2M), '4': compileSerializer(B2_4), '4M': compileSerializer(B2_4M), '4F': compileSerializer(B2_4F),
  '5': compileSerializer(B2_5), '6': compileSerializer(B2_6), '999': compileSerializer(B2_999),
} as const;

/** Where records are written, and where their issues go. */
interface Out {
  buf: Uint8Array;
  at: number;
  readonly onIssue: (issue: Issue) => void;
}

/** Path of a record: top level (lot < 0), lot level (facture < 0) or inside an invoice (line ≥ 0 for lines). */
function pathOf(lot: number, facture: number, part: string, line: number, sub: string): IssuePath {
  if (lot < 0) return [part];
  if (facture < 0) return ['lots', lot, part];
  const base = facture === Number.MAX_SAFE_INTEGER ? [] : ['lots', lot, 'factures', facture];
  return line < 0 ? [...base, part] : [...base, 'lignes', line, sub];
}

function put<L extends Layout>(o: Out, w: CompiledSerializer<L>, value: unknown, lot: number, facture: number, part: string, line = -1, sub = ''): void {
  if (!w.write(value as never, o.buf, o.at)) {
    const r = serializeRecord(w.layout, value as never, { path: pathOf(lot, facture, part, line, sub) });
    const text = r.ok ? r.value : ' '.repeat(RECORD);
    for (let i = 0; i < RECORD; i++) o.buf[o.at + i] = text.charCodeAt(i) & 0xff;
    for (const issue of r.issues) o.onIssue(issue);
  }
  o.at += RECORD;
}

function putFacture(o: Out, f: B2Facture, lot: number, facture: number): void {
  put(o, W['2'], f.entete, lot, facture, 'entete');
  if (f.individu !== undefined) put(o, W['2S'], f.individu, lot, facture, 'individu');
  if (f.amc !== undefined) put(o, W['2M'], f.amc, lot, facture, 'amc');
  const lignes = f.lignes;
  for (let k = 0; k < lignes.length; k++) {
    const l = lignes[k]!;
    put(o, W['4'], l.prestation, lot, facture, 'lignes', k, 'prestation');
    if (l.ccam !== undefined) put(o, W['4M'], l.ccam, lot, facture, 'lignes', k, 'ccam');
    if (l.lpp !== undefined) put(o, W['4F'], l.lpp, lot, facture, 'lignes', k, 'lpp');
  }
  put(o, W['5'], f.total, lot, facture, 'total');
}

/**
 * Writes a whole B2 file (records back to back, no line end: the reference framing).
 *
 * @param file - The file (its 5/6/999 records are written as given: build them with `buildB2File`).
 * @returns The bytes, or the `FW_*` issues of the fields that cannot be written (first 1000).
 * @example
 * const bytes = unwrap(serializeB2File(unwrap(buildB2File(lottedFile, emitter))));
 */
export function serializeB2File(file: B2File): Result<Uint8Array> {
  let records = 2;
  for (const lot of file.lots) {
    records += 2;
    for (const f of lot.factures) records += countsOf(f).records;
  }
  const issues: Issue[] = [];
  const o: Out = { buf: new Uint8Array(records * RECORD), at: 0, onIssue: (i) => void (issues.length < 1000 && issues.push(i)) };
  put(o, W['000'], file.debut, -1, -1, 'debut');
  for (let i = 0; i < file.lots.length; i++) {
    const lot = file.lots[i]!;
    put(o, W['1'], lot.debut, i, -1, 'debut');
    for (let j = 0; j < lot.factures.length; j++) putFacture(o, lot.factures[j]!, i, j);
    put(o, W['6'], lot.fin, i, -1, 'fin');
  }
  put(o, W['999'], file.fin, -1, -1, 'fin');
  return resultOf(o.buf, issues);
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
  /** N° d'agrément du progiciel (type 6 pos. 61-72). */
  readonly numeroAgrement?: string;
  /** Records per output chunk (default 512 ≈ 64 KiB; a chunk always ends on a whole invoice). */
  readonly chunkRecords?: number;
  /** Receives the issues as they are found; default: dropped. */
  readonly onIssue?: (issue: Issue) => void;
  /**
   * Reuse one chunk buffer (default false): each yielded chunk is then only valid until the next
   * one is asked for (write it out synchronously, e.g. `writeSync`). Saves one allocation per chunk.
   */
  readonly reuseChunk?: boolean;
}

const ignore = (): void => undefined;

/**
 * Streams a B2 file: yields byte chunks while it walks the lots and invoices, computing the
 * type 6 and 999 control totals as running sums (nothing is kept per invoice, lot or record).
 * Each chunk is a fresh array the caller may keep (unless `reuseChunk`).
 *
 * @param debut - The 000 record.
 * @param lots - The lots (any iterable, e.g. a generator reading a database).
 * @param options - Marquage, agrément, chunk size, issue callback.
 * @returns A generator of byte chunks (write each to a file or a socket).
 * @example
 * for (const chunk of streamB2File(header, lots, { marquage: 'R' })) out.write(chunk);
 */
export function* streamB2File(debut: Record000, lots: Iterable<StreamLot>, options: StreamOptions): Generator<Uint8Array, void, undefined> {
  const size = Math.max(1, options.chunkRecords ?? 512) * RECORD;
  const o: Out = { buf: new Uint8Array(size), at: 0, onIssue: options.onIssue ?? ignore };
  const extra: LotTrailerExtra = { marquage: options.marquage, ...(options.numeroAgrement !== undefined ? { numeroAgrementProgiciel: options.numeroAgrement } : {}) };
  /** Makes room for `n` records; returns the full chunk to yield, if any. */
  const room = (n: number): Uint8Array | undefined => {
    if (o.at + n * RECORD <= o.buf.length) return undefined;
    const full = o.at > 0 ? o.buf.subarray(0, o.at) : undefined;
    if (options.reuseChunk !== true || o.buf.length < n * RECORD) o.buf = new Uint8Array(Math.max(size, n * RECORD));
    o.at = 0;
    return full;
  };
  let full = room(1);
  put(o, W['000'], debut, -1, -1, 'debut');
  let nombreLots = 0;
  let volume = 2;
  for (const lot of lots) {
    const t = emptyLotTotals();
    if ((full = room(1)) !== undefined) yield full;
    put(o, W['1'], lot.debut, nombreLots, -1, 'debut');
    let j = 0;
    for (const f of lot.factures) {
      const before = t.records;
      addInvoice(t, f);
      if ((full = room(t.records - before)) !== undefined) yield full;
      putFacture(o, f, nombreLots, j++);
    }
    if ((full = room(1)) !== undefined) yield full;
    put(o, W['6'], lotTrailerOf(lot.debut, t, extra), nombreLots, -1, 'fin');
    volume += t.records + 2;
    nombreLots++;
  }
  if ((full = room(1)) !== undefined) yield full;
  put(o, W['999'], fileTrailerOf(debut, nombreLots, volume), -1, -1, 'fin');
  yield o.buf.subarray(0, o.at);
}

/**
 * Writes the records of one invoice (2…5), e.g. the bytes a Securer signs.
 *
 * @param f - The invoice records.
 * @returns The bytes, or `FW_*` issues.
 */
export function serializeB2Facture(f: B2Facture): Result<Uint8Array> {
  const issues: Issue[] = [];
  const o: Out = { buf: new Uint8Array(countsOf(f).records * RECORD), at: 0, onIssue: (i) => void issues.push(i) };
  putFacture(o, f, 0, Number.MAX_SAFE_INTEGER);
  return resultOf(o.buf, issues);
}
