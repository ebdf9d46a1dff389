/**
 * The logical entity stream of a NOEMIE file: payloads of the physical records concatenated
 * byte for byte (an entity, even its type, may span two records), cut into fixed-length
 * entities ending with `@` (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers), each decoded with its layout.
 *
 * Memory: the pending text holds at most one incomplete entity plus one record payload.
 */
import type { Issue } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import { parseRecord } from '../../internal/fixed-width/parse';
import type { Layout } from '../../internal/fixed-width/layout';
import { NOEMIE_CODES } from '../codes';
import { ENTITY_LAYOUTS } from '../records/index';
import type { NoemieEntity } from '../types';
import { PRECOMPILED_DECODERS } from './decoders.generated';
import type { PrecompiledDecoder } from './decoders.generated';
import type { DateContext } from './fastDecode';

const issue = createIssueFactory(NOEMIE_CODES);
const NOT_PRINTABLE = /[^\x20-\x7e]/;
/** Physical record length and its payload length (flag excluded). */
const RECORD = 128;
const STRIDE = 127;

interface EntityInfo {
  readonly type: string;
  /** Length with the `@`. */
  readonly length: number;
  readonly layout: Layout;
  /** The precompiled decoder of decoders.generated.ts (every NOEMIE entity has one). */
  readonly fast: PrecompiledDecoder | undefined;
}

/** Callbacks of an entity stream. */
export interface EntitySink {
  /** `type` is the entity's 3-digit type and `niveau` its niveau de rupture as a number (known from the text, so no property of `e` is read). */
  readonly entity: (e: NoemieEntity, index: number, offset: number, type: string, niveau: number) => void;
  readonly issue: (i: Issue) => void;
}

/** Options of {@link createEntityStream}. */
export interface EntityStreamOptions {
  readonly skipUnknownEntities: boolean;
  /** Returns the date context of the file (set once the header is read). */
  readonly dates: () => DateContext;
}

/** An entity stream (internal). */
export interface EntityStream {
  /**
   * Appends a payload: one record's, or the 127-byte payloads of back-to-back 128-byte records
   * joined; `physical` is the byte offset of its first byte in the input.
   */
  readonly append: (payload: string, physical: number) => void;
  /**
   * Appends the payloads of `n` back-to-back 128-byte records decoded in `block` (printable
   * ASCII, checked by the caller), the first one's payload at byte offset `physical` of the
   * input: the same as {@link EntityStream.append} of their joined payloads, with the pending
   * text and the payloads joined in one string (one copy when it is first read, not two).
   */
  readonly appendRun: (block: string, n: number, physical: number) => void;
  /** Decodes every complete entity; with `final`, reports what is left as truncated. */
  readonly drain: (final: boolean) => void;
  /** Whether nothing is pending (at an entity boundary). */
  readonly idle: () => boolean;
  /** Number of entities met so far (decoded or not, unknown types excluded). */
  readonly count: () => number;
}

function showText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Creates an entity stream.
 *
 * @param options - Unknown-entity tolerance and date context.
 * @param sink - Receives entities and issues, in file order.
 * @returns The stream.
 */
export function createEntityStream(options: EntityStreamOptions, sink: EntitySink): EntityStream {
  const table: (EntityInfo | undefined)[] = new Array<EntityInfo | undefined>(1000).fill(undefined);
  for (const [type, layout] of Object.entries(ENTITY_LAYOUTS)) {
    table[Number(type)] = { type, length: layout.length + 1, layout, fast: PRECOMPILED_DECODERS[type] };
  }
  let pending = '';
  /**
   * Runs of appended payloads: logical start in `pending` (negative once its beginning is
   * consumed) and physical offset of that start. A run is one record payload or several whole
   * 127-byte payloads of back-to-back 128-byte records (logical i ↦ physical + ⌊i/127⌋·128 + i mod 127).
   */
  const runL: number[] = [];
  const runP: number[] = [];
  let runs = 0;
  let dirtyUntil = 0;
  let resync = false;
  let index = 0;

  const physical = (i: number): number => {
    for (let k = runs - 1; k >= 0; k--) {
      const s = runL[k] as number;
      if (s <= i) {
        const d = i - s;
        return (runP[k] as number) + (d < STRIDE ? d : ((d / STRIDE) | 0) * RECORD + (d % STRIDE));
      }
    }
    return runs > 0 ? (runP[0] as number) : 0;
  };

  const consume = (p: number): void => {
    if (p === 0) return;
    if (p >= pending.length) {
      pending = '';
      runs = 0;
      dirtyUntil = 0;
      return;
    }
    // Drop the runs wholly before p; shift the others (a start may become negative).
    let first = 0;
    while (first + 1 < runs && (runL[first + 1] as number) <= p) first++;
    for (let k = first; k < runs; k++) {
      runL[k - first] = (runL[k] as number) - p;
      runP[k - first] = runP[k] as number;
    }
    runs -= first;
    pending = pending.slice(p);
    dirtyUntil = Math.max(0, dirtyUntil - p);
  };

  const decode = (info: EntityInfo, p: number): void => {
    const at = physical(p);
    const i = index++;
    let value: Record<string, unknown> | undefined;
    if (p >= dirtyUntil && info.fast !== undefined) value = info.fast(pending, p, options.dates());
    if (value === undefined) {
      const r = parseRecord(info.layout, pending.slice(p, p + info.length - 1), {
        offset: at,
        path: ['entities', i],
        referenceDate: options.dates().reference,
      });
      for (const x of r.issues) sink.issue(x);
      if (!r.ok) return;
      value = r.value as Record<string, unknown>;
    }
    // Decoded entities have two digits at 4-5 (fast path and parseRecord both check them).
    const niveau = (pending.charCodeAt(p + 3) - 48) * 10 + pending.charCodeAt(p + 4) - 48;
    sink.entity(value as unknown as NoemieEntity, i, at, info.type, niveau);
  };

  const drain = (final: boolean): void => {
    const len = pending.length;
    let p = 0;
    while (p < len) {
      if (resync) {
        const q = pending.indexOf('@', p);
        if (q < 0) {
          p = len;
          break;
        }
        p = q + 1;
        resync = false;
        continue;
      }
      if (p + 3 > len) break;
      const c0 = pending.charCodeAt(p) - 48;
      const c1 = pending.charCodeAt(p + 1) - 48;
      const c2 = pending.charCodeAt(p + 2) - 48;
      const info = c0 >= 0 && c0 <= 9 && c1 >= 0 && c1 <= 9 && c2 >= 0 && c2 <= 9 ? table[c0 * 100 + c1 * 10 + c2] : undefined;
      if (info === undefined) {
        sink.issue(
          issue('NOEMIE_UNKNOWN_ENTITY', {
            path: ['entities', index],
            received: showText(pending.slice(p, p + 3)),
            source: { offset: physical(p) },
            ...(options.skipUnknownEntities ? { severity: 'warning' as const } : {}),
          }),
        );
        resync = true;
        continue;
      }
      if (p + info.length > len) break;
      const last = p + info.length - 1;
      if (pending.charCodeAt(last) !== 64) {
        sink.issue(
          issue('NOEMIE_DELIMITER', {
            path: ['entities', index],
            expected: `${info.type} (position ${info.length})`,
            received: showText(pending.slice(last, last + 1)),
            source: { offset: physical(last), column: info.length },
          }),
        );
        index++;
        resync = true;
        continue;
      }
      // An `@` inside a zone: the delimiter the serializer refuses in a field (NOEMIE_AT_IN_FIELD),
      // refused here too so that parse ok ⇒ serialize(parse) ok. Still decoded (framing is sound).
      const at = pending.indexOf('@', p);
      if (at < last) {
        sink.issue(issue('NOEMIE_AT_IN_FIELD', { path: ['entities', index], source: { offset: physical(at), column: at - p + 1 } }));
      }
      decode(info, p);
      p += info.length;
    }
    if (final && p < len) {
      const c = pending.slice(p, p + 3);
      const info = /^\d{3}$/.test(c) ? table[Number(c)] : undefined;
      if (!resync) {
        sink.issue(
          issue('NOEMIE_TRUNCATED_ENTITY', {
            path: ['entities', index],
            expected: info === undefined ? '?' : String(info.length),
            received: len - p,
            source: { offset: physical(p) },
          }),
        );
      }
      p = len;
    }
    if (final) resync = false;
    consume(p);
  };

  const append = (payload: string, at: number): void => {
    if (payload.length === 0) return;
    if (NOT_PRINTABLE.test(payload)) dirtyUntil = pending.length + payload.length;
    runL[runs] = pending.length;
    runP[runs] = at;
    runs++;
    pending = pending.length === 0 ? payload : pending + payload;
  };

  const appendRun = (block: string, n: number, at: number): void => {
    runL[runs] = pending.length;
    runP[runs] = at;
    runs++;
    let joined = pending.length === 0 ? block.slice(1, RECORD) : pending + block.slice(1, RECORD);
    for (let k = 1; k < n; k++) joined += block.slice(k * RECORD + 1, k * RECORD + RECORD);
    pending = joined;
  };

  return { append, appendRun, drain, idle: () => pending.length === 0 && !resync, count: () => index };
}
