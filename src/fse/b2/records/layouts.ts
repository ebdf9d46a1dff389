/**
 * The B2 layouts by record type, and the dispatcher from a record's text to its type
 * (type at column 1, or columns 1-3 for 000/999; complément de type letter at column 36).
 */
import { guardString } from '../../../core/guard/index';
import type { Layout } from '../../../internal/fixed-width/index';
import { B2_000 } from './type000';
import { B2_1 } from './type1';
import { B2_2 } from './type2';
import { B2_2M } from './type2M';
import { B2_2S } from './type2S';
import { B2_4 } from './type4';
import { B2_4F } from './type4F';
import { B2_4M } from './type4M';
import { B2_5 } from './type5';
import { B2_6 } from './type6';
import { B2_999 } from './type999';

/** Every B2 layout (PS norms) by record type. */
export const B2_LAYOUTS = /* @__PURE__ */ Object.freeze({
  '000': B2_000,
  '1': B2_1,
  '2': B2_2,
  '2S': B2_2S,
  '2M': B2_2M,
  '4': B2_4,
  '4M': B2_4M,
  '4F': B2_4F,
  '5': B2_5,
  '6': B2_6,
  '999': B2_999,
} as const);

/** A B2 record type with a layout here (`'2S'` = type 2, complément `S`). */
export type B2RecordType = keyof typeof B2_LAYOUTS;

/** The layout of each record type. */
export type B2LayoutOf<T extends B2RecordType> = (typeof B2_LAYOUTS)[T];

/**
 * Tells the record type of a B2 record from its text (PS norms: complément de type at column 36).
 *
 * @param text - The record text (128 characters; shorter texts are dispatched on what is there).
 * @returns The type (`'000'`, `'1'`, `'2'`, `'2S'`, …), or `undefined` when no layout here
 *   matches (CP-norm types 3/3x, 2B/2C/2P, 4B/4C/4D/4H/4S/4T/4U, or garbage).
 * @example
 * recordTypeOf(text) // '4M'
 */
export function recordTypeOf(text: string): B2RecordType | undefined {
  if (guardString(text, [], [], { max: Number.MAX_SAFE_INTEGER }) === undefined) return undefined;
  const first = text.charAt(0);
  if (first === '0') return text.slice(0, 3) === '000' ? '000' : undefined;
  if (first === '9') return text.slice(0, 3) === '999' ? '999' : undefined;
  if (first === '1' || first === '5' || first === '6') return first;
  if (first !== '2' && first !== '4') return undefined;
  const letter = text.charAt(35);
  const key = letter === ' ' ? first : `${first}${letter}`;
  return Object.prototype.hasOwnProperty.call(B2_LAYOUTS, key) ? (key as B2RecordType) : undefined;
}

/** Widened view of the layouts map for generic code. */
export const B2_LAYOUT_LIST: readonly Layout[] = /* @__PURE__ */ Object.values(B2_LAYOUTS);
