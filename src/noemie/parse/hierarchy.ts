/**
 * The hierarchy walk behind the 990 control entities (and the 999 cumul).
 *
 * Hint — what is public and what is modeled: the CdC says each 990 « contiendra des totaux
 * correspondant au niveau hiérarchique qu'il clôt » (a counter of the lower level and a
 * cumulated amount), and that every entity carries a niveau de rupture (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers). How the
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
 *
 * Which group a 990 closes ({@link ControlGrouping}). The rule above (`'nesting'`) decides from
 * nesting alone, so a file whose 990s close each lot (080) or each destinataire (040) — counting
 * the group openers one level below — reads as wrong. The 990 carries its own « identification
 * du niveau de rupture » (positions 6–22); the natural reading is the level it closes followed by
 * that group's key: the niveau (`'03'`) or the entity type (`'080'`) of the opener, then the
 * opener's zones from position 6 (`'03250310012'`), or one of its zones alone (`'080012'`: the
 * n° de lot). `'identification'` (the default) closes the open group so named, with either of
 * two extents: the nesting extent (entities below the opener) or the « span » extent (the opener
 * and the entities of the same niveau but another type that follow it, e.g. 040 then 071 and
 * 081, all niveau 02, with what is below them). When the 990 names no open group, or the values
 * match neither extent, the walk tries the plausible groupings in turn (the nesting rule, each
 * open level, each span) and reports the one that matches as an ASSUMPTION; the parser turns it
 * into a `NOEMIE_CONTROL_GROUPING` warning.
 */
import { field, guardInteger, guardMoney, guardObject, guardString } from '../../core/guard/index';
import type { Money } from '../../core/money/index';
import type { FieldSpec, Layout } from '../../internal/fixed-width/layout';
import { ENTITY_LAYOUTS } from '../records/index';
import type { Issue } from '../../core/issues/index';
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
  const o = guardObject(e, [], []);
  if (o === undefined) return undefined;
  switch (field(o, 'entity')) {
    case '198':
    case '199':
      return guardMoney(field(o, 'montantPaye'), [], []) as Money | undefined;
    case '250':
    case '261':
      return guardMoney(field(o, 'montant'), [], []) as Money | undefined;
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

/**
 * How a 990 finds the group it closes: `'identification'` (default; its identification names
 * the group, with fallbacks reported as assumptions) or `'nesting'` (the innermost open group
 * that has entities below it, whatever the identification says).
 */
export type ControlGrouping = 'identification' | 'nesting';

/** The plausible groupings tried when a 990's identification does not settle it. */
export type GroupingAssumption = 'nesting' | 'level' | 'span';

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
  /**
   * How the group was chosen: `'identified'` (named by the 990's identification), `'nesting'`
   * (the nesting rule, chosen by the `'nesting'` grouping or by default when nothing matches),
   * or `'assumed'` (a plausible grouping that matches the 990's values; see `assumption`).
   */
  readonly reading: 'identified' | 'nesting' | 'assumed';
  /** The grouping assumed, when `reading` is `'assumed'`. */
  readonly assumption?: GroupingAssumption;
  /** Whether the extent is the span (the opener and its following same-niveau entities). */
  readonly span: boolean;
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

/** Options of {@link createHierarchyWalk}. */
export interface HierarchyWalkOptions {
  /** Control amount of an entity (default {@link defaultControlAmount}). */
  readonly amountOf?: ControlAmount | undefined;
  /** Grouping rule (default `'nesting'` for the walk; the parser and builder pass their own default). */
  readonly grouping?: ControlGrouping | undefined;
  /**
   * `true` for the builder: the 990's values are not read (they are being computed); the group
   * is the one its identification names, else the nesting rule's.
   */
  readonly build?: boolean | undefined;
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
 * Whether an identification du niveau de rupture names the group opened by `entity`: the
 * group's niveau (2 digits) or type (3 digits), then nothing, or the opener's zones from
 * position 6 (possibly cut at the 17 characters of the zone), or one of its zones alone.
 */
function names(id: string, type: string, niveau: number, entity: NoemieEntity): boolean {
  const nv = niveau < 10 ? `0${niveau}` : String(niveau);
  return prefixed(id, type, type, entity) || prefixed(id, nv, type, entity);
}

function prefixed(id: string, prefix: string, type: string, entity: NoemieEntity): boolean {
  if (!id.startsWith(prefix)) return false;
  const rest = id.slice(prefix.length).trim();
  return rest === '' || keyMatches(rest, type, entity);
}

function keyMatches(rest: string, type: string, entity: NoemieEntity): boolean {
  const layout = (ENTITY_LAYOUTS as Readonly<Record<string, Layout>>)[type];
  if (layout === undefined) return false;
  // Hint: the zones are rebuilt from the typed values (N zero-padded, X blank-padded, AAMMJJ),
  // a few string operations per candidate opener, instead of a full serializeRecord per 990.
  const o = entity as unknown as Readonly<Record<string, unknown>>;
  let body = '';
  for (const f of layout.fields) {
    if (f.start <= 5) continue;
    const z = zoneText(f, o[f.name]);
    if (z === undefined) break;
    if (z.trim() !== '' && z.trim() === rest) return true;
    body += z;
    if (body.length >= rest.length && body.startsWith(rest)) return true;
  }
  return body.startsWith(rest);
}

/** The text of a zone from its typed value (N, X, AAMMJJ), or `undefined` for other types. */
function zoneText(f: FieldSpec, v: unknown): string | undefined {
  const s = guardString(v, [], []);
  if (f.type === 'N') return (s ?? String(guardInteger(v, [], [], { min: 0 }) ?? '')).padStart(f.length, '0');
  if (f.type === 'X') return (s ?? '').padEnd(f.length, ' ');
  if (f.type === 'date6') return s === undefined ? ' '.repeat(6) : `${s.slice(2, 4)}${s.slice(5, 7)}${s.slice(8, 10)}`;
  return undefined;
}

const NO_PATH: readonly (string | number)[] = [];
/** Issues of guards whose verdict alone is used (never read; cleared when it grows). */
const SINK: Issue[] = [];

/** Whether a group's computed counter and cumul are the 990's (module level: no closure per 990). */
function same(n: number | undefined, m: number | undefined, count: unknown, cumul: unknown): boolean {
  return n === count && m === cumul;
}

/**
 * Starts a hierarchy walk.
 *
 * Performance: the open groups (and, for `'identification'`, the open spans) live in parallel
 * arrays (no object per entity); only a 990 allocates its {@link ClosedGroup}, and only a 990
 * with a non-blank identification serializes the few openers it may name.
 *
 * @param options - Control amount, grouping rule, builder mode (or the control amount alone).
 * @returns The walk.
 */
export function createHierarchyWalk(options: HierarchyWalkOptions | ControlAmount = {}): HierarchyWalk {
  const o: HierarchyWalkOptions = typeof options === 'function' ? { amountOf: options } : options;
  const amountOf = o.amountOf ?? defaultControlAmount;
  const identify = o.grouping === 'identification';
  const build = o.build === true;
  // Open groups (nesting).
  const types: string[] = [];
  const niveaux: number[] = [];
  const indexes: number[] = [];
  const ents: NoemieEntity[] = [];
  const children: number[] = [];
  const cumuls: number[] = [];
  let depth = 0;
  // Open spans (identification only), niveau increasing.
  const sTypes: string[] = [];
  const sNiveaux: number[] = [];
  const sIndexes: number[] = [];
  const sEnts: NoemieEntity[] = [];
  const sCounts: number[] = [];
  const sCumuls: number[] = [];
  let spans = 0;
  let total = 0;
  let lots = 0;
  const typed = amountOf === defaultControlAmount;

  const fromStack = (g: number, reading: ClosedGroup['reading'], assumption?: GroupingAssumption): ClosedGroup => {
    const c: { -readonly [K in keyof ClosedGroup]: ClosedGroup[K] } = { entity: types[g] as string, niveau: niveaux[g] as number, index: indexes[g] as number, compteur: children[g] as number, cumul: cumuls[g] as number, reading, span: false };
    if (assumption !== undefined) c.assumption = assumption;
    depth = g;
    while (spans > 0 && (sNiveaux[spans - 1] as number) >= c.niveau) spans--;
    return c;
  };
  const fromSpan = (s: number, reading: ClosedGroup['reading'], assumption?: GroupingAssumption): ClosedGroup => {
    const c: { -readonly [K in keyof ClosedGroup]: ClosedGroup[K] } = { entity: sTypes[s] as string, niveau: sNiveaux[s] as number, index: sIndexes[s] as number, compteur: sCounts[s] as number, cumul: sCumuls[s] as number, reading, span: true };
    if (assumption !== undefined) c.assumption = assumption;
    spans = s;
    while (depth > 0 && (niveaux[depth - 1] as number) >= c.niveau) depth--;
    return c;
  };

  /** The 990 under the identification rule (see the module hint). */
  const resolve = (e: NoemieEntity): ClosedGroup | null => {
    const c = e as { readonly identificationNiveau?: unknown; readonly compteur?: unknown; readonly cumulMontants?: { readonly centimes?: unknown } };
    const id = (guardString(c.identificationNiveau, NO_PATH, SINK) ?? '').trim();
    SINK.length = 0;
    // NaN never matches: the builder does not read the 990's values.
    const count = build ? NaN : c.compteur;
    const cumul = build ? NaN : c.cumulMontants?.centimes;
    let named = -1;
    let namedSpan = -1;
    if (id !== '') {
      for (let g = depth - 1; g >= 0; g--) {
        if (!names(id, types[g] as string, niveaux[g] as number, ents[g] as NoemieEntity)) continue;
        if (named < 0) named = g;
        if (same(children[g], cumuls[g], count, cumul)) return fromStack(g, 'identified');
      }
      for (let s = spans - 1; s >= 0; s--) {
        if (!names(id, sTypes[s] as string, sNiveaux[s] as number, sEnts[s] as NoemieEntity)) continue;
        if (namedSpan < 0) namedSpan = s;
        if (same(sCounts[s], sCumuls[s], count, cumul)) return fromSpan(s, 'identified');
      }
    }
    let inner = depth - 1;
    while (inner >= 0 && children[inner] === 0) inner--;
    if (!build) {
      if (inner >= 0 && same(children[inner], cumuls[inner], count, cumul)) return fromStack(inner, 'assumed', 'nesting');
      for (let g = depth - 1; g >= 0; g--) if (g !== inner && same(children[g], cumuls[g], count, cumul)) return fromStack(g, 'assumed', 'level');
      for (let s = spans - 1; s >= 0; s--) if (same(sCounts[s], sCumuls[s], count, cumul)) return fromSpan(s, 'assumed', 'span');
    }
    // Nothing matches (or the builder): the named group, else the nesting rule's.
    if (named >= 0) return fromStack(named, 'identified');
    if (namedSpan >= 0) return fromSpan(namedSpan, 'identified');
    if (inner >= 0) return fromStack(inner, 'nesting');
    return null;
  };

  const next = (e: NoemieEntity, index: number, knownType?: string, knownNiveau?: number): ClosedGroup | null | undefined => {
    const type = knownType ?? e.entity;
    if (type === '990') {
      if (identify) return resolve(e);
      // A level with nothing below it has nothing to close: skip leaf groups.
      while (depth > 0 && children[depth - 1] === 0) depth--;
      if (depth === 0) return null;
      return fromStack(depth - 1, 'nesting');
    }
    if (type === '080') lots++;
    const niveau = knownNiveau ?? niveauOf(e);
    while (depth > 0 && (niveaux[depth - 1] as number) >= niveau) depth--;
    const amount = typed ? defaultAmountOf(e, type) : amountOf(e);
    const c = amount === undefined ? 0 : amount.centimes;
    if (identify) {
      // Spans: close the deeper ones, join the one of this niveau unless it has this type.
      while (spans > 0 && (sNiveaux[spans - 1] as number) > niveau) spans--;
      if (depth > 0) {
        const parent = niveaux[depth - 1] as number;
        for (let s = spans - 1; s >= 0; s--) {
          if (sNiveaux[s] === parent) {
            sCounts[s] = (sCounts[s] as number) + 1;
            break;
          }
        }
      }
      if (spans > 0 && sNiveaux[spans - 1] === niveau && sTypes[spans - 1] === type) spans--;
      if (spans === 0 || (sNiveaux[spans - 1] as number) < niveau) {
        sTypes[spans] = type;
        sNiveaux[spans] = niveau;
        sIndexes[spans] = index;
        sEnts[spans] = e;
        sCounts[spans] = 0;
        sCumuls[spans] = 0;
        spans++;
      }
      if (c !== 0) for (let s = 0; s < spans; s++) sCumuls[s] = (sCumuls[s] as number) + c;
    }
    if (c !== 0) {
      total += c;
      for (let k = 0; k < depth; k++) cumuls[k] = (cumuls[k] as number) + c;
    }
    if (depth > 0) children[depth - 1] = (children[depth - 1] as number) + 1;
    types[depth] = type;
    niveaux[depth] = niveau;
    indexes[depth] = index;
    if (identify) ents[depth] = e;
    children[depth] = 0;
    cumuls[depth] = c;
    depth++;
    return undefined;
  };
  return { next, total: () => total, lots: () => lots };
}
