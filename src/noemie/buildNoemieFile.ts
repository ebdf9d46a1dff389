/**
 * buildNoemieFile: a consistent file from a header and entities — every 990 gets the counter
 * and cumul of the level it closes, and the 999 trailer its record count, lot count and
 * cumul (the modeled rule of parse/hierarchy.ts). Used for fixtures and by the simulator.
 */
import type { Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { createHierarchyWalk } from './parse/hierarchy';
import type { ControlAmount, ControlGrouping } from './parse/hierarchy';
import { entityLength } from './records/index';
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
  const walk = createHierarchyWalk({ amountOf: input.controlAmount, grouping: input.controlGrouping ?? 'identification', build: true });
  let length = 0;
  const entities = input.entities.map((e, i): NoemieEntity => {
    length += entityLength(e.entity) ?? 0;
    const closed = walk.next(e, i);
    if (e.entity !== '990' || closed === undefined) return e;
    return closed === null ? { ...e, compteur: 0, cumulMontants: { centimes: 0 } } : { ...e, compteur: closed.compteur, cumulMontants: { centimes: closed.cumul } };
  });
  const h = input.header;
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
    typeFlux: input.trailer?.typeFlux ?? h.typeFlux,
    nombreLots: walk.lots(),
    cumulMontants: { centimes: walk.total() },
    ...(input.trailer?.cumulAutreMonnaie !== undefined ? { cumulAutreMonnaie: input.trailer.cumulAutreMonnaie } : {}),
  };
  return ok({ header: h, entities, trailer });
}
