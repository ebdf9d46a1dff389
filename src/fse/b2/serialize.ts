/**
 * serializeB2File / streamB2File / serializeB2Facture: B2 file → bytes. Every record is written
 * straight into a byte chunk (numeric zones zero-padded, amounts in centimes, dates AAMMJJ, no
 * per-record string) by the writers generated ahead of time from the layouts of `./records`
 * (`writers.generated.ts`, plain TypeScript, no runtime code generation), through the record
 * images of `./recordImages` (one native copy per record, unchanged fields skipped).
 * Values are expected in the B2 alphabet already (`buildB2File` / `b2FactureOf` transliterate
 * them once, with their warning): a lower-case or accented value here is an `FW_*` issue.
 * The streaming writer takes lots and invoices as iterables and keeps only running sums for the
 * 6 and 999 records, so memory stays flat whatever the number of invoices.
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de codage
 */
import type { Issue, Result } from '../../core/issues/index';
import { resultOf } from '../../core/issues/index';
import type { B2Facture, B2File, LotTotals, LotTrailerExtra } from './file';
import { field, guardObject, inputErr } from '../../core/guard/index';
import { countsOf, emptyLotTotals, fileTrailerOf, lotTrailerOf } from './file';
import { addShapedInvoice, guardB2Facture, guardB2File } from './guard';
import { guardStreamArgs, guardStreamLot, streamFactureIssues } from './streamGuard';
import type { Out, RecordImages } from './recordImages';
import { createRecordImages } from './recordImages';
import type { Record000, Record1, Record6 } from './records/index';
import { B2_RECORD_LENGTH } from './records/index';

/**
 * Writes a whole B2 file (records back to back, no line end: the reference framing).
 *
 * @param file - The file (its 5/6/999 records are written as given: build them with `buildB2File`).
 * @returns The bytes, or the `FW_*` issues of the fields that cannot be written (first 1000).
 * @example
 * const bytes = unwrap(serializeB2File(unwrap(buildB2File(lottedFile, emitter))));
 */
export function serializeB2File(file: B2File): Result<Uint8Array> {
  const issues: Issue[] = [];
  // Shape check and record count in one pass (the count sizes the buffer).
  const records = guardB2File(file, issues);
  if (records === undefined) return inputErr(issues);
  const o: Out = { buf: new Uint8Array(records * B2_RECORD_LENGTH), at: 0, onIssue: (i) => void (issues.length < 1000 && issues.push(i)) };
  putRecord(o, '000', file.debut, -1, 'debut');
  for (let i = 0; i < file.lots.length; i++) {
    const lot = file.lots[i]!;
    putRecord(o, '1', lot.debut, i, 'debut');
    for (let j = 0; j < lot.factures.length; j++) putFacture(o, lot.factures[j]!, i, j);
    putRecord(o, '6', lot.fin, i, 'fin');
  }
  putRecord(o, '999', file.fin, -1, 'fin');
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
   * one is asked for, the end of the file included (write it out synchronously, e.g. `writeSync`).
   * Saves one allocation per chunk, and per file: the buffer is handed to the next file.
   */
  readonly reuseChunk?: boolean;
}

const ignore = (): void => undefined;

/**
 * Streams a file (the body of {@link streamB2File}); the invoices are the caller's values, whose
 * shape is checked as they are added to their lot's totals: at the first one that is not an
 * invoice (or whose reading throws) `refuse` is called and the stream ends, the 999 unwritten.
 */
type Streamer = (debut: Record000, lots: Iterable<StreamLot>, options: StreamOptions, refuse: (v: unknown, lot: number, j: number) => void) => Generator<Uint8Array, void, undefined>;

/**
 * The streaming writer in one closure with its record writers (V8 11 runs this hot code about a
 * third slower as top-level declarations of an ES module: see docs/adr/0002-hot-code-in-closures.md).
 *
 * @param images - The record writers.
 * @returns The streamer.
 */
function createStreamer(images: RecordImages): Streamer {
  const { putFacture, putRecord } = images;
  // module-level bindings are read once here: hot code reads closure slots (docs/adr/0002-hot-code-in-closures.md)
  const RECORD = B2_RECORD_LENGTH;
  const add = addShapedInvoice;
  /** The spare reused chunk (see `reuseChunk`). */
  let spare: Uint8Array | undefined;
  /** Checks an invoice's shape and adds it to the lot totals: its record count, or -1 (refused, or a getter threw). */
  function addInvoice(t: LotTotals, f: unknown): number {
    try {
      return add(t, f);
    } catch {
      return -1;
    }
  }
  /**
   * Writes a checked invoice; false when a getter of the caller's threw. The record images stay
   * sound: a writer marks its slot as holding nothing until it has written the whole record.
   */
  function write(o: Out, f: B2Facture, lot: number, j: number): boolean {
    try {
      putFacture(o, f, lot, j);
      return true;
    } catch {
      return false;
    }
  }
  return function* stream(debut: Record000, lots: Iterable<StreamLot>, options: StreamOptions, refuse: (v: unknown, lot: number, j: number) => void): Generator<Uint8Array, void, undefined> {
    const size = Math.max(1, options.chunkRecords ?? 512) * RECORD;
    const reuse = options.reuseChunk === true;
    // a reused chunk comes from a one-slot pool (files written one after the other share it; the
    // bench and a batch writer would otherwise pay a 64 KiB external allocation per file)
    const pooled = reuse && spare !== undefined && spare.length === size ? spare : undefined;
    if (pooled !== undefined) spare = undefined;
    const o: Out = { buf: pooled ?? new Uint8Array(size), at: 0, onIssue: options.onIssue ?? ignore };
    const extra: LotTrailerExtra = { marquage: options.marquage, ...(options.numeroAgrement !== undefined ? { numeroAgrementProgiciel: options.numeroAgrement } : {}) };
    /** Makes room for `n` records; returns the full chunk to yield, if any. */
    function room(n: number): Uint8Array | undefined {
      const full = o.at > 0 ? o.buf.subarray(0, o.at) : undefined;
      if (!reuse || o.buf.length < n * RECORD) o.buf = new Uint8Array(Math.max(size, n * RECORD));
      o.at = 0;
      return full;
    }
    let full: Uint8Array | undefined;
    putRecord(o, '000', debut, -1, 'debut');
    let nombreLots = 0;
    let volume = 2;
    for (const lot of lots) {
      const t = emptyLotTotals();
      if (o.at + RECORD > o.buf.length && (full = room(1)) !== undefined) yield full;
      putRecord(o, '1', lot.debut, nombreLots, 'debut');
      // an array is walked by index: `for…of` in a generator allocates an iterator result per invoice
      const factures = lot.factures;
      if (Array.isArray(factures)) {
        const list = factures as readonly unknown[];
        for (let j = 0; j < list.length; j++) {
          const f = list[j];
          const n = addInvoice(t, f);
          if (n < 0) return refuse(f, nombreLots, j);
          if (o.at + n * RECORD > o.buf.length && (full = room(n)) !== undefined) yield full;
          if (!write(o, f as B2Facture, nombreLots, j)) return refuse(f, nombreLots, j);
        }
      } else {
        let j = 0;
        for (const f of factures as Iterable<unknown>) {
          const n = addInvoice(t, f);
          if (n < 0) return refuse(f, nombreLots, j);
          if (o.at + n * RECORD > o.buf.length && (full = room(n)) !== undefined) yield full;
          if (!write(o, f as B2Facture, nombreLots, j)) return refuse(f, nombreLots, j);
          j++;
        }
      }
      if (o.at + RECORD > o.buf.length && (full = room(1)) !== undefined) yield full;
      putRecord(o, '6', lotTrailerOf(lot.debut, t, extra), nombreLots, 'fin');
      volume += t.records + 2;
      nombreLots++;
    }
    if (o.at + RECORD > o.buf.length && (full = room(1)) !== undefined) yield full;
    putRecord(o, '999', fileTrailerOf(debut, nombreLots, volume), -1, 'fin');
    yield o.buf.subarray(0, o.at);
    if (reuse && o.buf.length === size) spare = o.buf;
  };
}

const images = createRecordImages();
const { putFacture, putRecord } = images;
const stream = createStreamer(images);

/**
 * Streams a B2 file: yields byte chunks while it walks the lots and invoices, computing the
 * type 6 and 999 control totals as running sums (nothing is kept per invoice, lot or record).
 * Each chunk is a fresh array the caller may keep (unless `reuseChunk`).
 *
 * Bad input never throws: the arguments are checked up front, each lot and invoice when the
 * stream reaches it. At the first shape issue (`INPUT_*`) the stream stops — no chunk holding or
 * following the bad item is yielded, so the output has no 999 record and a receiver refuses it —
 * and the issue goes to `onIssue`. Every issue (`INPUT_*` and the zones' `FW_*`, first 1000) is
 * also the generator's return value: check it, or pass `onIssue`.
 *
 * @param debut - The 000 record.
 * @param lots - The lots (any iterable, e.g. a generator reading a database).
 * @param options - Marquage, agrément, chunk size, issue callback.
 * @returns A generator of byte chunks (write each to a file or a socket) that returns the issues found.
 * @example
 * for (const chunk of streamB2File(header, lots, { marquage: 'R', onIssue: (i) => problems.push(i) })) out.write(chunk);
 */
export function* streamB2File(debut: Record000, lots: Iterable<StreamLot>, options: StreamOptions): Generator<Uint8Array, readonly Issue[], undefined> {
  const issues: Issue[] = [];
  const args = guardStreamArgs(debut, lots, options, issues);
  if (args === undefined) {
    const o = guardObject(options, [], []);
    const caller = o && field(o, 'onIssue');
    if (typeof caller === 'function') for (const i of issues) (caller as (issue: Issue) => void)(i);
    return issues;
  }
  const caller = field(args.options, 'onIssue') as ((issue: Issue) => void) | undefined;
  const report = (i: Issue): void => {
    if (issues.length < 1000) issues.push(i);
    caller?.(i);
  };
  let failed = false;
  const fail = (found: readonly Issue[]): void => {
    failed = true;
    for (const i of found) report(i);
  };
  // the invoices go to the writer as given (an array stays an array, walked by index): the
  // writer checks each one's shape in the walk that counts its records (see streamGuard.ts)
  function* checkedLots(): Generator<StreamLot, void, undefined> {
    let i = 0;
    for (const raw of args!.lots) {
      if (failed) return;
      const found: Issue[] = [];
      const lot = guardStreamLot(raw, i, found);
      if (lot === undefined) return fail(found);
      yield { debut: lot.debut, factures: lot.factures as Iterable<B2Facture> };
      i++;
    }
  }
  const refuse = (v: unknown, i: number, j: number): void => fail(streamFactureIssues(v, i, j));
  for (const chunk of stream(args.debut, checkedLots(), { ...(args.options as unknown as StreamOptions), onIssue: report }, refuse)) {
    if (failed) return issues;
    yield chunk;
  }
  return issues;
}

/**
 * Writes the records of one invoice (2…5), e.g. the bytes a Securer signs.
 *
 * @param f - The invoice records.
 * @returns The bytes, or `FW_*` issues.
 */
export function serializeB2Facture(f: B2Facture): Result<Uint8Array> {
  const issues: Issue[] = [];
  const records = guardB2Facture(f, [], issues);
  if (records === undefined) return inputErr(issues);
  const o: Out = { buf: new Uint8Array(records * B2_RECORD_LENGTH), at: 0, onIssue: (i) => void issues.push(i) };
  putFacture(o, f, 0, Number.MAX_SAFE_INTEGER);
  return resultOf(o.buf, issues);
}
