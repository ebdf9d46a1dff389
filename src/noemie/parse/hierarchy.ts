/**
 * The hierarchy walk behind the 990 control entities (and the 999 cumul).
 *
 * Hint — what is public and what is modeled: the CdC says each 990 « contiendra des totaux
 * correspondant au niveau hiérarchique qu'il clôt » (a counter of the lower level and a
 * cumulated amount), and that every entity carries a niveau de rupture (SPECS §1.2). How the
 * counter and the cumul are computed is not in the public material, so this module models it,
 * documented in docs/guides/returns.md and parameterised:
 * - an entity of niveau n closes (without control) every open group of niveau ≥ n, then opens
 *   its own group at niveau n, as a child of the innermost group still open;
 * - a 990 closes the innermost open group that has entities below it (leaf groups, e.g. a
 *   198, are passed over): `compteur` = number of its direct child entities (990 excluded),
 *   `cumulMontants` = sum of the control amounts of the group's entity and of every entity
 *   inside it;
 * - the control amount of an entity is, by default, what moves money: 198 / 199 montant payé,
 *   250 montant (signed), 261 montant; any other entity counts zero ({@link ControlAmount}).
 * Stack depth is bounded by the niveau (≤ 99), so the walk runs in constant memory.
 */
import type { Money } from '../../core/money/index';
import type { NoemieEntity } from '../types';

/** Gives the amount an entity adds to the cumul of its groups (or `undefined` for none). */
export type ControlAmount = (entity: NoemieEntity) => Money | undefined;

/**
 * Default control amount: 198 / 199 montant payé, 250 montant, 261 montant (modeled; see the
 * module hint).
 *
 * @param e - An entity.
 * @returns Its amount, or `undefined`.
 */
export function defaultControlAmount(e: NoemieEntity): Money | undefined {
  switch (e.entity) {
    case '198':
    case '199':
      return e.montantPaye;
    case '250':
    case '261':
      return e.montant;
    default:
      return undefined;
  }
}

/** {@link defaultControlAmount} with the type known (property reads on 4 entity shapes only). */
function defaultAmountOf(e: NoemieEntity, type: string): Money | undefined {
  if (type === '198' || type === '199') return (e as { readonly montantPaye: Money }).montantPaye;
  if (type === '250' || type === '261') return (e as { readonly montant: Money }).montant;
  return undefined;
}

/** A group closed by a 990: what the 990 should say. */
export interface ClosedGroup {
  /** Type of the entity that opened the group (e.g. `'080'`). */
  readonly entity: string;
  /** Niveau de rupture of the group. */
  readonly niveau: number;
  /** Index, in the file's entities, of the entity that opened it. */
  readonly index: number;
  /** Computed counter (direct children, 990 excluded). */
  readonly compteur: number;
  /** Computed cumul, in centimes. */
  readonly cumul: number;
}

/** Mutable walk state (internal; one per file). */
export interface HierarchyWalk {
  /**
   * Feeds one entity in file order.
   *
   * `type` and `niveau` (optional) are `e.entity` and `e.niveauRupture` as a number, when the
   * caller already knows them (the parser: no megamorphic property read per entity).
   *
   * @returns For a 990: the group it closes, or `null` when no group is open; otherwise `undefined`.
   */
  readonly next: (e: NoemieEntity, index: number, type?: string, niveau?: number) => ClosedGroup | null | undefined;
  /** Sum of the control amounts of every entity so far, in centimes. */
  readonly total: () => number;
  /** Number of 080 (lot) entities so far. */
  readonly lots: () => number;
}

/** Niveau de rupture as a number (two digits; anything else counts as 0, like `Number` did). */
function niveauOf(e: NoemieEntity): number {
  const t = e.niveauRupture;
  if (t.length === 2) {
    const a = t.charCodeAt(0) - 48;
    const b = t.charCodeAt(1) - 48;
    if (a >= 0 && a <= 9 && b >= 0 && b <= 9) return a * 10 + b;
  }
  const n = Number(t);
  return Number.isInteger(n) ? n : 0;
}

/**
 * Starts a hierarchy walk.
 *
 * Performance: the open groups live in parallel arrays (no object per entity); only a 990
 * allocates its {@link ClosedGroup}.
 *
 * @param amountOf - Control amount of an entity (default {@link defaultControlAmount}).
 * @returns The walk.
 */
export function createHierarchyWalk(amountOf: ControlAmount = defaultControlAmount): HierarchyWalk {
  const types: string[] = [];
  const niveaux: number[] = [];
  const indexes: number[] = [];
  const children: number[] = [];
  const cumuls: number[] = [];
  let depth = 0;
  let total = 0;
  let lots = 0;
  const typed = amountOf === defaultControlAmount;
  const next = (e: NoemieEntity, index: number, knownType?: string, knownNiveau?: number): ClosedGroup | null | undefined => {
    const type = knownType ?? e.entity;
    if (type === '990') {
      // A level with nothing below it has nothing to close: skip leaf groups.
      while (depth > 0 && children[depth - 1] === 0) depth--;
      if (depth === 0) return null;
      const g = --depth;
      return { entity: types[g] as string, niveau: niveaux[g] as number, index: indexes[g] as number, compteur: children[g] as number, cumul: cumuls[g] as number };
    }
    if (type === '080') lots++;
    const niveau = knownNiveau ?? niveauOf(e);
    while (depth > 0 && (niveaux[depth - 1] as number) >= niveau) depth--;
    const amount = typed ? defaultAmountOf(e, type) : amountOf(e);
    const c = amount === undefined ? 0 : amount.centimes;
    if (c !== 0) {
      total += c;
      for (let k = 0; k < depth; k++) cumuls[k] = (cumuls[k] as number) + c;
    }
    if (depth > 0) children[depth - 1] = (children[depth - 1] as number) + 1;
    types[depth] = type;
    niveaux[depth] = niveau;
    indexes[depth] = index;
    children[depth] = 0;
    cumuls[depth] = c;
    depth++;
    return undefined;
  };
  return { next, total: () => total, lots: () => lots };
}
