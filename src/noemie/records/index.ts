/**
 * The layout of every NOEMIE PS entity, keyed by its 3-digit type, with the entity length
 * (`@` included). Entity sizes are fixed per type (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers): the framing advances by the
 * length and checks that `@` stands at the last position.
 */
import { guardEnum } from '../../core/guard/index';
import type { Layout } from '../../internal/fixed-width/layout';
import type { NoemieEntityType } from '../types';
import { LAYOUT_100, LAYOUT_102, LAYOUT_103, LAYOUT_110, LAYOUT_120, LAYOUT_150, LAYOUT_160 } from './facture';
import { LAYOUT_250, LAYOUT_261, LAYOUT_262 } from './paiements';
import { LAYOUT_198, LAYOUT_199, LAYOUT_210 } from './parts';
import { LAYOUT_290, LAYOUT_294, LAYOUT_295, LAYOUT_990 } from './rejets';
import { LAYOUT_020, LAYOUT_040, LAYOUT_070, LAYOUT_071, LAYOUT_080, LAYOUT_081 } from './structure';

export { LAYOUT_000, LAYOUT_999 } from './enTete';
export { LAYOUT_100, LAYOUT_102, LAYOUT_103, LAYOUT_110, LAYOUT_120, LAYOUT_150, LAYOUT_160 } from './facture';
export { LAYOUT_250, LAYOUT_261, LAYOUT_262 } from './paiements';
export { LAYOUT_198, LAYOUT_199, LAYOUT_210 } from './parts';
export { LAYOUT_290, LAYOUT_294, LAYOUT_295, LAYOUT_990 } from './rejets';
export { LAYOUT_020, LAYOUT_040, LAYOUT_070, LAYOUT_071, LAYOUT_080, LAYOUT_081 } from './structure';

/** Layout of each entity type (without the trailing `@`). */
export const ENTITY_LAYOUTS: Readonly<Record<NoemieEntityType, Layout>> = {
  '020': LAYOUT_020,
  '040': LAYOUT_040,
  '070': LAYOUT_070,
  '071': LAYOUT_071,
  '080': LAYOUT_080,
  '081': LAYOUT_081,
  '100': LAYOUT_100,
  '102': LAYOUT_102,
  '103': LAYOUT_103,
  '110': LAYOUT_110,
  '120': LAYOUT_120,
  '150': LAYOUT_150,
  '160': LAYOUT_160,
  '198': LAYOUT_198,
  '199': LAYOUT_199,
  '210': LAYOUT_210,
  '250': LAYOUT_250,
  '261': LAYOUT_261,
  '262': LAYOUT_262,
  '290': LAYOUT_290,
  '294': LAYOUT_294,
  '295': LAYOUT_295,
  '990': LAYOUT_990,
};

/** Every entity type, in catalogue order. */
export const ENTITY_TYPES = /* @__PURE__ */ Object.keys(ENTITY_LAYOUTS) as readonly NoemieEntityType[];

/**
 * Length of an entity of a type, `@` included (e.g. `'040'` → 21), or `undefined` for an
 * unknown type.
 *
 * @param type - Three characters.
 * @returns The length or `undefined`.
 */
export function entityLength(type: string): number | undefined {
  const t = guardEnum(type, ENTITY_TYPES, [], []);
  return t === undefined ? undefined : ENTITY_LAYOUTS[t].length + 1;
}
