/**
 * parseNoemie (whole file in memory) and streamNoemie (chunks of any size, constant memory):
 * NOEMIE PS bytes → typed entities, with the 990 / 999 controls re-checked.
 *
 * @see SPECS §1.2–1.3, docs/guides/returns.md
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, resultOf } from '../core/issues/index';
import { readRecords, streamRecords } from '../internal/fixed-width/reader';
import type { ReadOptions } from '../internal/fixed-width/reader';
import { latin1View } from '../internal/fixed-width/charset';
import { createNoemieDecoder } from './parse/decoder';
import type { FramePosition } from './parse/framing';
import { feedRecords, feedTail, RECORD_LENGTH } from './parse/framing';
import type { NoemieParseOptions } from './parse/options';
import { NOEMIE_CODES } from './codes';
import type { NoemieEnTete, NoemieEntity, NoemieEvent, NoemieFile, NoemieFinFichier } from './types';

function readOptions(options: NoemieParseOptions): ReadOptions {
  return { recordLength: 128, lineEnds: options.lineBreaks === true ? 'auto' : 'none', trailingPadding: options.trailingPadding === true ? 'ignore' : 'error' };
}

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
export async function* streamNoemie(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: NoemieParseOptions = {}): AsyncGenerator<NoemieEvent, void, undefined> {
  const out: NoemieEvent[] = [];
  const decoder = createNoemieDecoder(options, {
    header: (header, offset) => out.push({ kind: 'header', offset, header }),
    entity: (entity, offset) => out.push({ kind: 'entity', offset, entity }),
    trailer: (trailer, offset) => out.push({ kind: 'trailer', offset, trailer }),
    issue: (issue) => out.push({ kind: 'issue', issue }),
  });
  if (options.lineBreaks === true) {
    for await (const rec of streamRecords(chunks, readOptions(options))) {
      decoder.record(rec);
      if (out.length > 0) {
        for (const ev of out) yield ev;
        out.length = 0;
      }
      if (decoder.stopped()) return;
    }
  } else {
    // Reference framing: whole records straight from each chunk, one carried across chunks.
    const carry = latin1View(new Uint8Array(RECORD_LENGTH));
    let carried = 0;
    const at: FramePosition = { abs: 0, record: 1 };
    for await (const raw of chunks) {
      const chunk = latin1View(raw);
      let p = 0;
      if (carried > 0) {
        p = Math.min(RECORD_LENGTH - carried, chunk.length);
        carry.set(chunk.subarray(0, p), carried);
        carried += p;
        if (carried === RECORD_LENGTH) {
          carried = 0;
          feedRecords(decoder, carry, 0, RECORD_LENGTH, at);
        }
      }
      p = feedRecords(decoder, chunk, p, chunk.length, at);
      if (out.length > 0) {
        for (const ev of out) yield ev;
        out.length = 0;
      }
      if (decoder.stopped()) return;
      if (p < chunk.length) {
        carry.set(chunk.subarray(p), carried);
        carried += chunk.length - p;
      }
    }
    feedTail(decoder, carry, 0, carried, at, options.trailingPadding === true);
  }
  if (decoder.stopped()) {
    for (const ev of out) yield ev;
    return;
  }
  decoder.end();
  for (const ev of out) yield ev;
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
  for (const ev of events) {
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
export function parseNoemie(bytes: Uint8Array, options: NoemieParseOptions = {}): Result<NoemieFile> {
  const issues: Issue[] = [];
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
    for (const rec of readRecords(bytes, readOptions(options))) {
      decoder.record(rec);
      if (decoder.stopped()) break;
    }
  } else {
    const view = latin1View(bytes);
    const at: FramePosition = { abs: 0, record: 1 };
    const p = feedRecords(decoder, view, 0, view.length, at);
    feedTail(decoder, view, p, view.length, at, options.trailingPadding === true);
  }
  decoder.end();
  return finish(header, entities, trailer, issues);
}
