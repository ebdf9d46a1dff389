/**
 * serializeNoemie: the exact inverse of parseNoemie (used for fixtures and by the simulator).
 * Entities are written back to back, cut into 127-byte payloads behind a continuation flag
 * (`0`, and `1` on the last payload record, padded with blanks), between the 000 and 999
 * records (SPECS §1.2, §1.2b).
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok, resultOf } from '../core/issues/index';
import { encodeLatin1 } from '../internal/fixed-width/charset';
import type { Layout } from '../internal/fixed-width/layout';
import { serializeRecord } from '../internal/fixed-width/serialize';
import { NOEMIE_CODES } from './codes';
import { ENTITY_LAYOUTS, LAYOUT_000, LAYOUT_999 } from './records/index';
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
export function serializeNoemieEntity(entity: NoemieEntity, index = 0): Result<string> {
  const layout = (ENTITY_LAYOUTS as Readonly<Record<string, Layout>>)[entity.entity];
  if (layout === undefined) return err(issue('NOEMIE_UNKNOWN_ENTITY', { path: ['entities', index, 'entity'], received: entity.entity }));
  const r = serializeRecord(layout, entity as never, { path: ['entities', index] });
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
export function serializeNoemie(file: NoemieFile, options: NoemieSerializeOptions = {}): Result<Uint8Array> {
  const issues: Issue[] = [];
  const head = serializeRecord(LAYOUT_000, file.header, { path: ['header'] });
  issues.push(...head.issues);
  const parts: string[] = [];
  file.entities.forEach((e, i) => {
    const r = serializeNoemieEntity(e, i);
    issues.push(...r.issues);
    if (r.ok) parts.push(r.value);
  });
  const tail = serializeRecord(LAYOUT_999, file.trailer, { path: ['trailer'] });
  issues.push(...tail.issues);
  if (!head.ok || !tail.ok || issues.some((i) => i.severity === 'error')) return resultOf(new Uint8Array(0), issues);
  const eol = options.lineEnd === 'crlf' ? '\r\n' : options.lineEnd === 'lf' ? '\n' : '';
  const records = [head.value, ...framePayload(parts.join('')), tail.value];
  const bytes = encodeLatin1(records.join(eol) + eol);
  if (typeof bytes === 'number') return err(issue('NOEMIE_AT_IN_FIELD', { received: 'non-latin1' }));
  return ok(bytes, issues);
}
