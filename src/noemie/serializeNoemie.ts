/**
 * serializeNoemie: the exact inverse of parseNoemie (used for fixtures and by the simulator).
 * Entities are written back to back, cut into 127-byte payloads behind a continuation flag
 * (`0`, and `1` on the last payload record, padded with blanks), between the 000 and 999
 * records (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers).
 */
import type { Rec } from '../core/guard/index';
import { field, guardArray, guardEnum, guardInteger, guardObject, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { assert, createIssueFactory, err, ok, resultOf } from '../core/issues/index';
import { encodeLatin1 } from '../internal/fixed-width/charset';
import type { Layout } from '../internal/fixed-width/layout';
import { serializeRecord } from '../internal/fixed-width/serialize';
import { NOEMIE_CODES } from './codes';
import { ENTITY_LAYOUTS, ENTITY_TYPES, LAYOUT_000, LAYOUT_999 } from './records/index';
import type { NoemieEntity, NoemieFile } from './types';

const issue = createIssueFactory(NOEMIE_CODES);
const PAYLOAD = 127;

/** Options of {@link serializeNoemie}. */
export interface NoemieSerializeOptions {
  /** Line end after each record: `'none'` (default, the reference framing), `'crlf'` or `'lf'` (to produce tolerance fixtures). */
  readonly lineEnd?: 'none' | 'crlf' | 'lf';
}

/**
 * Writes one entity (its layout, then `@`).
 *
 * @param entity - The entity.
 * @param index - Its index in the file (issue paths `['entities', index, field]`).
 * @returns The entity text, `@` included, or `FW_*` / `NOEMIE_AT_IN_FIELD` issues.
 * @example
 * serializeNoemieEntity({ entity: '040', niveauRupture: '02', numeroDestinataireReglement: '000000123456789' }) // '04002000000123456789@'
 */
export function serializeNoemieEntity(entity: NoemieEntity, index?: number): Result<string> {
  const issues: Issue[] = [];
  const i = guardInteger(index, ['index'], issues, { required: false, min: 0 }) ?? 0;
  const o = guardObject(entity, ['entities', i], issues);
  if (o === undefined || issues.length > 0) return inputErr(issues);
  return entityText(o, i);
}

/** {@link serializeNoemieEntity} on a checked object. */
function entityText(o: Rec, index: number): Result<string> {
  const type = guardString(field(o, 'entity'), ['entities', index, 'entity'], [], { expected: 'type d’entité (3 chiffres)' });
  const known = guardEnum(type, ENTITY_TYPES, [], []);
  if (known === undefined) {
    if (type === undefined) return inputErr([issue('NOEMIE_UNKNOWN_ENTITY', { path: ['entities', index, 'entity'], received: field(o, 'entity') })]);
    return err(issue('NOEMIE_UNKNOWN_ENTITY', { path: ['entities', index, 'entity'], received: type }));
  }
  const layout: Layout = ENTITY_LAYOUTS[known];
  const r = serializeRecord(layout, o as never, { path: ['entities', index] });
  if (!r.ok) return r;
  const at = r.value.indexOf('@');
  if (at >= 0) return err(issue('NOEMIE_AT_IN_FIELD', { path: ['entities', index], source: { column: at + 1 } }));
  return ok(`${r.value}@`, r.issues);
}

/**
 * Writes the logical entity stream as physical records (flag + 127 bytes each).
 *
 * @param stream - The concatenated entities.
 * @returns The payload records (none for an empty stream).
 */
export function framePayload(stream: string): string[] {
  // A programmer-facing primitive (its input is built by serializeNoemie): assert, never a TypeError.
  assert(guardString(stream, ['stream'], [], { max: Number.MAX_SAFE_INTEGER }) !== undefined, 'framePayload: stream must be a string');
  const records: string[] = [];
  for (let s = 0; s < stream.length; s += PAYLOAD) {
    const last = s + PAYLOAD >= stream.length;
    records.push((last ? '1' : '0') + stream.slice(s, s + PAYLOAD).padEnd(PAYLOAD, ' '));
  }
  return records;
}

/**
 * Serializes a NOEMIE PS file. The 990 / 999 values are written as given: use
 * `buildNoemieFile` to compute them.
 *
 * @param file - Header, entities, trailer.
 * @param options - Line end (default none).
 * @returns The bytes (latin1), or `FW_*` / `NOEMIE_*` issues with paths into `file`.
 */
export function serializeNoemie(file: NoemieFile, options?: NoemieSerializeOptions): Result<Uint8Array> {
  const issues: Issue[] = [];
  const f = guardObject(file, ['file'], issues);
  const header = f && guardObject(field(f, 'header'), ['header'], issues);
  const list = f && guardArray(field(f, 'entities'), ['entities'], issues, { max: 10_000_000 });
  const trailer = f && guardObject(field(f, 'trailer'), ['trailer'], issues);
  const o = options === undefined ? {} : guardObject(options, ['options'], issues);
  const lineEnd = o && guardEnum(field(o, 'lineEnd'), ['none', 'crlf', 'lf'], ['options', 'lineEnd'], issues, { required: false });
  if (header === undefined || list === undefined || trailer === undefined || issues.length > 0) return inputErr(issues);
  const head = serializeRecord(LAYOUT_000, header as never, { path: ['header'] });
  issues.push(...head.issues);
  const parts: string[] = [];
  list.forEach((e, i) => {
    const eo = guardObject(e, ['entities', i], issues);
    if (eo === undefined) return;
    const r = entityText(eo, i);
    issues.push(...r.issues);
    if (r.ok) parts.push(r.value);
  });
  const tail = serializeRecord(LAYOUT_999, trailer as never, { path: ['trailer'] });
  issues.push(...tail.issues);
  if (!head.ok || !tail.ok || issues.some((i) => i.severity === 'error')) return resultOf(new Uint8Array(0), issues);
  const eol = lineEnd === 'crlf' ? '\r\n' : lineEnd === 'lf' ? '\n' : '';
  const records = [head.value, ...framePayload(parts.join('')), tail.value];
  const bytes = encodeLatin1(records.join(eol) + eol);
  if (typeof bytes === 'number') return err(issue('NOEMIE_AT_IN_FIELD', { received: 'non-latin1' }));
  return ok(bytes, issues);
}
