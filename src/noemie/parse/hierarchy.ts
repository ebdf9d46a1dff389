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

interface Group {
  entity: string;
  niveau: number;
  index: number;
  children: number;
  cumul: number;
}

/** Mutable walk state (internal; one per file). */
export interface HierarchyWalk {
  /**
   * Feeds one entity in file order.
   *
   * @returns For a 990: the group it closes, or `null` when no group is open; otherwise `undefined`.
   */
  readonly next: (e: NoemieEntity, index: number) => ClosedGroup | null | undefined;
  /** Sum of the control amounts of every entity so far, in centimes. */
  readonly total: () => number;
  /** Number of 080 (lot) entities so far. */
  readonly lots: () => number;
}

function niveauOf(e: NoemieEntity): number {
  const n = Number(e.niveauRupture);
  return Number.isInteger(n) ? n : 0;
}

/**
 * Starts a hierarchy walk.
 *
 * @param amountOf - Control amount of an entity (default {@link defaultControlAmount}).
 * @returns The walk.
 */
export function createHierarchyWalk(amountOf: ControlAmount = defaultControlAmount): HierarchyWalk {
  const stack: Group[] = [];
  let total = 0;
  let lots = 0;
  const next = (e: NoemieEntity, index: number): ClosedGroup | null | undefined => {
    if (e.entity === '990') {
      // A level with nothing below it has nothing to close: skip leaf groups.
      while (stack.length > 0 && (stack[stack.length - 1] as Group).children === 0) stack.pop();
      const g = stack.pop();
      if (g === undefined) return null;
      return { entity: g.entity, niveau: g.niveau, index: g.index, compteur: g.children, cumul: g.cumul };
    }
    if (e.entity === '080') lots++;
    const niveau = niveauOf(e);
    while (stack.length > 0 && (stack[stack.length - 1] as Group).niveau >= niveau) stack.pop();
    const amount = amountOf(e);
    if (amount !== undefined && amount.centimes !== 0) {
      total += amount.centimes;
      for (const g of stack) g.cumul += amount.centimes;
    }
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.children++;
    stack.push({ entity: e.entity, niveau, index, children: 0, cumul: amount?.centimes ?? 0 });
    return undefined;
  };
  return { next, total: () => total, lots: () => lots };
}
