/**
 * parseNoemie (whole file in memory) and streamNoemie (chunks of any size, constant memory):
 * NOEMIE PS bytes → typed entities, with the 990 / 999 controls re-checked.
 *
 * @see Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers, docs/guides/returns.md
 */
import type { Rec } from '../core/guard/index';
import { guardArray, guardBytes, guardFunction, guardObject, inputErr, INPUT_CODES, kindOf } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, resultOf } from '../core/issues/index';
import { readRecords } from '../internal/fixed-width/reader';
import { latin1View } from '../internal/fixed-width/charset';
import { createNoemieDecoder } from './parse/decoder';
import type { FramePosition } from './parse/framing';
import { feedRecords, feedTail, readOptions } from './parse/framing';
import { eventIterator, streamBatches } from './parse/stream';
import type { NoemieParseOptions } from './parse/options';
import { guardNoemieOptions } from './parse/options';
import { NOEMIE_CODES } from './codes';
import type { NoemieEnTete, NoemieEntity, NoemieEvent, NoemieFile, NoemieFinFichier } from './types';


/**
 * Streams a NOEMIE PS file: chunks of any size in, events out (header, each entity with its
 * byte offset, trailer, and issues in-band), in constant memory whatever the file size.
 *
 * @param chunks - The bytes, as an async (or sync) iterable of chunks (a Node Readable, a web stream reader, …).
 * @param options - Named tolerances, control severity, `maxIssues`.
 * @returns An async iterable of {@link NoemieEvent}; it never throws on bad bytes (I/O errors of `chunks` propagate).
 * @example
 * for await (const ev of streamNoemie(createReadStream('retour.rsp'))) {
 *   if (ev.kind === 'entity' && ev.entity.entity === '198') console.log(ev.entity.montantPaye);
 *   if (ev.kind === 'issue') console.warn(ev.issue.code, ev.issue.source?.offset);
 * }
 */
export function streamNoemie(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options?: NoemieParseOptions): AsyncGenerator<NoemieEvent, void, undefined> {
  return eventIterator(guardedBatches(chunks, options));
}

/**
 * Streams a NOEMIE PS file by batches: the events decoded from each input chunk come as one
 * array. Same events, order and guarantees as {@link streamNoemie}, with one `await` per chunk
 * instead of one per event — the form to use for large returns (≈ 2× faster than per-event
 * iteration on Node 20: see bench/noemie.bench.ts).
 *
 * @param chunks - The bytes, as an async (or sync) iterable of chunks.
 * @param options - Named tolerances, control severity, `maxIssues`.
 * @returns An async iterable of non-empty event batches in file order; it never throws on bad bytes.
 * @example
 * for await (const batch of streamNoemieBatches(createReadStream('retour.rsp'))) {
 *   for (const ev of batch) if (ev.kind === 'entity' && ev.entity.entity === '198') total += ev.entity.montantPaye.centimes;
 * }
 */
export function streamNoemieBatches(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options?: NoemieParseOptions): AsyncGenerator<readonly NoemieEvent[], void, undefined> {
  return guardedBatches(chunks, options);
}

const inputIssue = createIssueFactory(INPUT_CODES);

/**
 * The streaming parser behind a boundary check: options of the wrong shape, or `chunks` that
 * are not an iterable of byte chunks (a string, an ArrayBuffer, a Uint8Array given whole, a
 * chunk that is not a Uint8Array), end the stream with one `INPUT_*` issue event.
 */
async function* guardedBatches(chunks: unknown, options: unknown): AsyncGenerator<readonly NoemieEvent[], void, undefined> {
  const issues: Issue[] = [];
  const opts = guardNoemieOptions(options, issues);
  const source = iterableOf(chunks, issues);
  if (source === undefined || issues.length > 0) {
    yield issues.map((issue): NoemieEvent => ({ kind: 'issue', issue }));
    return;
  }
  try {
    yield* streamBatches(checkedChunks(source), opts);
  } catch (e) {
    if (!(e instanceof ChunkError)) throw e;
    yield e.issues.map((issue): NoemieEvent => ({ kind: 'issue', issue }));
  }
}

/** An array or an object (what may be iterable), else `undefined`. */
function iterableShape(v: unknown): Rec | undefined {
  return (guardArray(v, [], [], { max: Number.MAX_SAFE_INTEGER }) as Rec | undefined) ?? guardObject(v, [], []);
}

/** Whether a value has a callable property `key` (an iterator method). */
function callable(o: Rec | undefined, key: symbol): boolean {
  return o !== undefined && guardFunction((o as Readonly<Record<symbol, unknown>>)[key], [], []) !== undefined;
}

/** `chunks` as an iterable, or `undefined` after an `INPUT_TYPE` issue. */
function iterableOf(chunks: unknown, issues: Issue[]): AsyncIterable<unknown> | Iterable<unknown> | undefined {
  const o = chunks instanceof Uint8Array || chunks instanceof ArrayBuffer ? undefined : iterableShape(chunks);
  if (callable(o, Symbol.asyncIterator) || callable(o, Symbol.iterator)) return o as unknown as AsyncIterable<unknown>;
  const hint = chunks instanceof Uint8Array ? 'itérable de morceaux Uint8Array (un fichier entier : [bytes], ou parseNoemie)' : 'itérable de morceaux Uint8Array (flux Node, lecteur de ReadableStream…)';
  issues.push(inputIssue('INPUT_TYPE', { path: ['chunks'], expected: hint, received: kindOf(chunks) }));
  return undefined;
}

/** Passes the chunks on; a chunk that is not bytes stops the stream with its INPUT_TYPE issue (via {@link ChunkError}, caught by {@link guardedBatches}). */
async function* checkedChunks(source: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<Uint8Array, void, undefined> {
  let k = 0;
  for await (const chunk of source) {
    const issues: Issue[] = [];
    const b = guardBytes(chunk, ['chunks', k++], issues);
    if (b === undefined) throw new ChunkError(issues);
    yield b;
  }
}

/** Internal signal of a chunk of the wrong type (never escapes {@link guardedBatches}). */
class ChunkError {
  constructor(readonly issues: readonly Issue[]) {}
}

/**
 * Collects events into a file (helper of {@link parseNoemie}; also usable on a stream).
 *
 * @param events - Events in order.
 * @returns The file, or the issues (errors) found.
 */
export function collectNoemie(events: Iterable<NoemieEvent>): Result<NoemieFile> {
  const issues: Issue[] = [];
  const entities: NoemieEntity[] = [];
  let header: NoemieEnTete | undefined;
  let trailer: NoemieFinFichier | undefined;
  const it = iterableShape(events);
  if (!callable(it, Symbol.iterator)) {
    if (issues.length === 0) issues.push(inputIssue('INPUT_TYPE', { path: ['events'], expected: 'itérable d’événements NoemieEvent', received: kindOf(events) }));
    return inputErr(issues);
  }
  let k = 0;
  for (const raw of events) {
    const ev = guardObject(raw, ['events', k++], issues) as NoemieEvent | undefined;
    if (ev === undefined) return inputErr(issues);
    if (ev.kind === 'entity') entities.push(ev.entity);
    else if (ev.kind === 'issue') issues.push(ev.issue);
    else if (ev.kind === 'header') header = ev.header;
    else trailer = ev.trailer;
  }
  return finish(header, entities, trailer, issues);
}

const missing = createIssueFactory(NOEMIE_CODES);

function finish(header: NoemieEnTete | undefined, entities: NoemieEntity[], trailer: NoemieFinFichier | undefined, issues: Issue[]): Result<NoemieFile> {
  if (header === undefined || trailer === undefined) {
    // Header or trailer unreadable: an error is normally among `issues` already.
    const errors = issues.some((i) => i.severity === 'error') ? issues : [...issues, missing(header === undefined ? 'NOEMIE_HEADER' : 'NOEMIE_TRAILER_MISSING')];
    return { ok: false, issues: errors as [Issue, ...Issue[]] };
  }
  return resultOf({ header, entities, trailer }, issues);
}

/**
 * Parses a whole NOEMIE PS file held in memory.
 *
 * @param bytes - The file as received (latin1 bytes).
 * @param options - Named tolerances (`lineBreaks`, `trailingPadding`, `skipUnknownEntities`), control severity, `maxIssues`.
 * @returns The file (header, entities in order, trailer), or `NOEMIE_*` / `FW_*` issues located by path and byte offset. Never throws on bad bytes.
 * @example
 * const r = parseNoemie(readFileSync('retour.rsp'));
 * if (r.ok) for (const e of r.value.entities) if (e.entity === '294') console.log(e.codeRejet, e.libelle);
 */
export function parseNoemie(bytes: Uint8Array, options?: NoemieParseOptions): Result<NoemieFile> {
  const issues: Issue[] = [];
  const input = guardBytes(bytes, ['bytes'], issues);
  options = guardNoemieOptions(options, issues);
  if (input === undefined || issues.length > 0) return inputErr(issues);
  const entities: NoemieEntity[] = [];
  let header: NoemieEnTete | undefined;
  let trailer: NoemieFinFichier | undefined;
  const decoder = createNoemieDecoder(options, {
    header: (h) => {
      header = h;
    },
    entity: (e) => {
      entities.push(e);
    },
    trailer: (t) => {
      trailer = t;
    },
    issue: (i) => {
      issues.push(i);
    },
  });
  if (options.lineBreaks === true) {
    for (const rec of readRecords(input, readOptions(options))) {
      decoder.record(rec);
      if (decoder.stopped()) break;
    }
  } else {
    const view = latin1View(input);
    const at: FramePosition = { abs: 0, record: 1 };
    const p = feedRecords(decoder, view, 0, view.length, at);
    feedTail(decoder, view, p, view.length, at, options.trailingPadding === true);
  }
  decoder.end();
  return finish(header, entities, trailer, issues);
}
