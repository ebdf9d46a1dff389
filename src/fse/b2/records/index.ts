/**
 * Norme B2 record layouts (PS norms) as data on the fixed-width engine: one file per record
 * type (000, 1, 2, 2S, 2M, 4, 4M, 4F, 5, 6, 999), the `B2_LAYOUTS` map, `recordTypeOf` and
 * `parseB2Record`. Lots, files and control totals are built on top in `src/fse/b2`.
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de codage
 */
export { B2_RECORD_LENGTH, B2_REF, b2Layout, complementType, facturePrefix } from './common';
export { B2_000 } from './type000';
export type { Record000 } from './type000';
export { B2_1 } from './type1';
export type { Record1 } from './type1';
export { B2_2 } from './type2';
export type { Record2 } from './type2';
export { B2_2S } from './type2S';
export type { Record2S } from './type2S';
export { B2_2M } from './type2M';
export type { Record2M } from './type2M';
export { B2_4 } from './type4';
export type { Record4 } from './type4';
export { B2_4M } from './type4M';
export type { Record4M } from './type4M';
export { B2_4F } from './type4F';
export type { Record4F } from './type4F';
export { B2_5 } from './type5';
export type { Record5 } from './type5';
export { B2_6 } from './type6';
export type { Record6 } from './type6';
export { B2_999 } from './type999';
export type { Record999 } from './type999';
export { B2_LAYOUT_LIST, B2_LAYOUTS, recordTypeOf } from './layouts';
export type { B2LayoutOf, B2RecordType } from './layouts';
export { parseB2Record } from './parse';
export type { B2Record } from './parse';
