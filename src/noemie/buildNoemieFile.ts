/**
 * buildNoemieFile: a consistent file from a header and entities — every 990 gets the counter
 * and cumul of the level it closes, and the 999 trailer its record count, lot count and
 * cumul (the modeled rule of parse/hierarchy.ts). Used for fixtures and by the simulator.
 */
import { field, guardArray, guardEnum, guardFunction, guardMoney, guardObject, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { createHierarchyWalk } from './parse/hierarchy';
import type { ControlAmount, ControlGrouping } from './parse/hierarchy';
import { safeControlAmount } from './parse/options';
import { ENTITY_TYPES, entityLength } from './records/index';
import type { NoemieEnTete, NoemieEntity, NoemieFile, NoemieFinFichier } from './types';

/** Input of {@link buildNoemieFile}: 990 counters / cumuls given here are recomputed. */
export interface NoemieFileInput {
  readonly header: NoemieEnTete;
  readonly entities: readonly NoemieEntity[];
  /** Trailer fields that are not computed (default: `typeFlux` of the header, no other-currency cumul). */
  readonly trailer?: { readonly typeFlux?: string; readonly cumulAutreMonnaie?: Money };
  /** Control amount rule (default: the parser's). */
  readonly controlAmount?: ControlAmount;
  /**
   * Which group each 990 closes (default `'identification'`, as the parser): the group its
   * `identificationNiveau` names (e.g. `'080012'` lot 012, `'02'` + n° destinataire), else the
   * nesting rule's; `'nesting'`: always the nesting rule's (see hierarchy.ts).
   */
  readonly controlGrouping?: ControlGrouping;
}

/**
 * Builds a file whose 990 and 999 controls are consistent with its entities.
 *
 * @param input - Header, entities (990 values ignored), trailer options.
 * @returns The file, ready for `serializeNoemie`.
 * @example
 * const file = unwrap(buildNoemieFile({ header, entities: [e040, e102, e198, control990] }));
 */
export function buildNoemieFile(input: NoemieFileInput): Result<NoemieFile> {
  const issues: Issue[] = [];
  const checked = guardInput(input, issues);
  if (checked === undefined || issues.length > 0) return inputErr(issues);
  const walk = createHierarchyWalk({ amountOf: checked.controlAmount, grouping: checked.controlGrouping ?? 'identification', build: true });
  let length = 0;
  const entities = checked.entities.map((e, i): NoemieEntity => {
    length += entityLength(e.entity) ?? 0;
    const closed = walk.next(e, i);
    if (e.entity !== '990' || closed === undefined) return e;
    return closed === null ? { ...e, compteur: 0, cumulMontants: { centimes: 0 } } : { ...e, compteur: closed.compteur, cumulMontants: { centimes: closed.cumul } };
  });
  const h = checked.header;
  const trailer: NoemieFinFichier = {
    entity: '999',
    typeEmetteur: h.typeEmetteur,
    numeroEmetteur: h.numeroEmetteur,
    programmeEmetteur: h.programmeEmetteur,
    typeDestinataire: h.typeDestinataire,
    numeroDestinataire: h.numeroDestinataire,
    programmeDestinataire: h.programmeDestinataire,
    applicationTypeEchange: h.applicationTypeEchange,
    identificationFichier: h.identificationFichier,
    nombreEnregistrements: 2 + Math.ceil(length / 127),
    typeFlux: checked.trailer?.typeFlux ?? h.typeFlux,
    nombreLots: walk.lots(),
    cumulMontants: { centimes: walk.total() },
    ...(checked.trailer?.cumulAutreMonnaie !== undefined ? { cumulAutreMonnaie: checked.trailer.cumulAutreMonnaie } : {}),
  };
  return ok({ header: h, entities, trailer });
}

/** Header fields copied into the 999 (text zones of the 000). */
const COPIED = ['typeEmetteur', 'numeroEmetteur', 'programmeEmetteur', 'typeDestinataire', 'numeroDestinataire', 'programmeDestinataire', 'applicationTypeEchange', 'identificationFichier', 'typeFlux'] as const;

/**
 * Checks the shape the builder reads (the serializer checks every zone later): the header's
 * copied zones are texts, each entity has a known type, a 2-character niveau de rupture and, when
 * it carries a control amount, a Money there.
 */
function guardInput(input: unknown, issues: Issue[]): NoemieFileInput | undefined {
  const o = guardObject(input, [], issues);
  if (o === undefined) return undefined;
  const header = guardObject(field(o, 'header'), ['header'], issues);
  if (header !== undefined) for (const k of COPIED) guardString(field(header, k), ['header', k], issues, { max: 64 });
  const list = guardArray(field(o, 'entities'), ['entities'], issues, { max: 10_000_000 });
  list?.forEach((raw, i) => {
    const e = guardObject(raw, ['entities', i], issues);
    if (e === undefined) return;
    const type = guardEnum(field(e, 'entity'), ENTITY_TYPES, ['entities', i, 'entity'], issues);
    guardString(field(e, 'niveauRupture'), ['entities', i, 'niveauRupture'], issues, { min: 2, max: 2 });
    if (type === '198' || type === '199') guardMoney(field(e, 'montantPaye'), ['entities', i, 'montantPaye'], issues);
    if (type === '250' || type === '261') guardMoney(field(e, 'montant'), ['entities', i, 'montant'], issues);
  });
  const t = guardObject(field(o, 'trailer'), ['trailer'], issues, { required: false });
  if (t !== undefined) {
    guardString(field(t, 'typeFlux'), ['trailer', 'typeFlux'], issues, { required: false, max: 1 });
    guardMoney(field(t, 'cumulAutreMonnaie'), ['trailer', 'cumulAutreMonnaie'], issues, { required: false });
  }
  const amount = guardFunction(field(o, 'controlAmount'), ['controlAmount'], issues, { required: false });
  const grouping = guardEnum(field(o, 'controlGrouping'), ['identification', 'nesting'], ['controlGrouping'], issues, { required: false });
  if (header === undefined || list === undefined) return undefined;
  return {
    header: header as unknown as NoemieEnTete,
    entities: list as readonly NoemieEntity[],
    ...(t !== undefined ? { trailer: t as NonNullable<NoemieFileInput['trailer']> } : {}),
    ...(amount !== undefined ? { controlAmount: safeControlAmount(amount as ControlAmount) } : {}),
    ...(grouping !== undefined ? { controlGrouping: grouping } : {}),
  };
}
