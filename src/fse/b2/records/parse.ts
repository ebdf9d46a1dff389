/**
 * parseB2Record: dispatch a record on its type and parse it with the matching layout.
 */
import type { Result } from '../../../core/issues/index';
import { createIssueFactory, err } from '../../../core/issues/index';
import type { InferRecord, ParseContext } from '../../../internal/fixed-width/index';
import { FIXED_WIDTH_CODES, parseRecord } from '../../../internal/fixed-width/index';
import type { B2RecordType } from './layouts';
import { B2_LAYOUTS, recordTypeOf } from './layouts';

const issue = createIssueFactory(FIXED_WIDTH_CODES);

/** A parsed B2 record tagged with its type (discriminated union). */
export type B2Record = { [T in B2RecordType]: { readonly recordType: T; readonly record: InferRecord<(typeof B2_LAYOUTS)[T]> } }[B2RecordType];

/**
 * Parses one B2 record of any type (PS norms).
 *
 * @param text - The record text (128 characters, latin1-decoded).
 * @param ctx - Record number, offset, path and reference date (pass the file date for AAMMJJ).
 * @returns `{ recordType, record }`, or `FW_RECORD_TYPE` / the `FW_*` issues of the record.
 * @example
 * for (const r of readRecords(bytes, { recordLength: 128 })) parseB2Record(r.text, { ...r, referenceDate });
 */
export function parseB2Record(text: string, ctx: ParseContext = {}): Result<B2Record> {
  const recordType = recordTypeOf(text);
  if (recordType === undefined) {
    const source: { record?: number; column: number; offset?: number } = { column: 1 };
    if (ctx.record !== undefined) source.record = ctx.record;
    if (ctx.offset !== undefined) source.offset = ctx.offset;
    const received = text.charAt(0) === '2' || text.charAt(0) === '4' ? `${text.charAt(0)}${text.charAt(35)}` : text.slice(0, 3);
    return err(issue('FW_RECORD_TYPE', { path: ctx.path ?? [], source, received }));
  }
  const r = parseRecord(B2_LAYOUTS[recordType], text, ctx);
  if (!r.ok) return r;
  return { ok: true, value: { recordType, record: r.value } as B2Record, issues: r.issues };
}
