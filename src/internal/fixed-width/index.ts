/**
 * internal/fixed-width: the declarative fixed-width record engine behind B2, NOEMIE and CFONB
 * (not exported from the package root). Layout → parseRecord / serializeRecord; bytes ↔ records
 * with readRecords / streamRecords / serializeRecords; latin1 at the boundary.
 */
export { FIXED_WIDTH_CODES } from './codes';
export type { FixedWidthCode } from './codes';
export { defineLayout } from './layout';
export type {
  AlphaField,
  AmountField,
  ConstField,
  DateField,
  FieldSpec,
  FillerField,
  InferRecord,
  InferRecordInput,
  Layout,
  LayoutSpec,
  NumericField,
  SignField,
} from './layout';
export { parseRecord } from './parse';
export type { ParseContext } from './parse';
export { serializeRecord } from './serialize';
export type { SerializeOptions } from './serialize';
export { transliterate } from './transliterate';
export { decodeLatin1, encodeLatin1, latin1View } from './charset';
export { readRecords, streamRecords } from './reader';
export type { LineEnds, RawRecord, ReadOptions } from './reader';
export { encodeRecords, serializeRecords } from './writer';
export type { WriteOptions } from './writer';
export { compileSerializer, writeRecord } from './compileSerializer';
export type { CompiledSerializer } from './compileSerializer';
