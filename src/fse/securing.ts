/**
 * Securing modes of an FSE (B2 type 1 pos. 81 "top certification"): with the Vitale card (S),
 * without it (F: rights from ADRi or a paper attestation), degraded (D: no card read, a paper
 * duplicata or a SCOR scan must follow). Each mode carries its mandatory data as a tagged union,
 * so a PMS cannot build a degraded invoice and forget its justificatif.
 *
 * @see Norme B2 inter-régimes (cahier des charges CNAM), type 1 zone 81 (top certification); ameli.fr « Facturation en mode dégradé »; Cahier des charges SCOR (GIE SESAM-Vitale)
 */
import type { PlainDate } from '../core/date/index';
import { field, guardObject } from '../core/guard/index';

/** Securing modes as written in B2 type 1 pos. 81. */
export const SECURING_MODES = /* @__PURE__ */ Object.freeze({
  /** SESAM avec carte Vitale, sécurisée. */
  vitale: 'S',
  /** SESAM sans carte Vitale (droits ADRi ou attestation). */
  sansVitale: 'F',
  /** SESAM dégradé: justificatif papier ou SCOR à transmettre. */
  degrade: 'D',
} as const);

/** A securing mode code (`S`, `F`, `D`). */
export type SecuringMode = (typeof SECURING_MODES)[keyof typeof SECURING_MODES];

/** All securing mode codes. */
export const SECURING_MODE_CODES: readonly SecuringMode[] = /* @__PURE__ */ Object.freeze(['S', 'F', 'D']);

/**
 * Tells whether a value is a securing mode code.
 *
 * @param value - Anything.
 * @returns `true` for `S`, `F` or `D`.
 */
export function isSecuringMode(value: unknown): value is SecuringMode {
  return value === 'S' || value === 'F' || value === 'D';
}

/** CPS data needed by every mode (SSV groups 1 and 2). */
export interface CpsSecurisation {
  /** Type de carte PS (0 CPS, 1 CPF, 2 CDE/CPE, 3 CPA, 4 CSA; SSV groupe 1 champ 1). */
  readonly typeCarte: '0' | '1' | '2' | '3' | '4';
  /** N° logique de la situation du PS used (group 2 field 1). */
  readonly numeroSituation: number;
}

/** Mode S: the Vitale card was read (SSV group 101). */
export interface SecurisationVitale {
  readonly mode: 'S';
  readonly cps: CpsSecurisation;
  readonly vitale: {
    /** Type de carte Vitale (group 101 field 1). */
    readonly typeCarte: string;
    /** N° de série de la carte (group 101 field 2). */
    readonly numeroSerie: string;
    /** Date the card was read. */
    readonly dateLecture: PlainDate;
  };
}

/** Where the rights come from when the card is absent (mode F). */
export type SourceDroits = 'adri' | 'attestation-papier' | 'apcv';

/** Mode F: sans Vitale, rights from ADRi, the paper attestation or the app carte Vitale. */
export interface SecurisationSansVitale {
  readonly mode: 'F';
  readonly cps: CpsSecurisation;
  readonly sourceDroits: SourceDroits;
  /** ADRi/apCV transaction reference when there is one. */
  readonly referenceDroits?: string;
  /**
   * apCV only: end of validity of the app's context used for this invoice (ISO 8601 instant with
   * offset, the context's `dateFinValidite`). Securing an apCV invoice requires it to lie after
   * the securing instant (`FSE_APCV_CONTEXTE_EXPIRE`): the context is renewed per invoice.
   */
  readonly finValiditeDroits?: string;
}

/** Why an invoice is degraded. */
export type MotifDegrade = 'carte-absente' | 'carte-illisible' | 'lecteur-indisponible' | 'autre';

/** The justificatif a degraded FSE needs (paper duplicata or SCOR scan), and where it stands. */
export interface JustificatifDegrade {
  /** `papier`: the feuille de soins duplicata is mailed; `scor`: a scan is sent in a SCOR lot. */
  readonly support: 'papier' | 'scor';
  /** `a-fournir` until the PMS records it was sent. */
  readonly statut: 'a-fournir' | 'transmis';
  /** SCOR lot or mailing reference, once sent. */
  readonly reference?: string;
}

/** Mode D: dégradé. */
export interface SecurisationDegradee {
  readonly mode: 'D';
  readonly cps: CpsSecurisation;
  readonly motif: MotifDegrade;
  readonly justificatif: JustificatifDegrade;
}

/** The securing data of an FSE, by mode. */
export type Securisation = SecurisationVitale | SecurisationSansVitale | SecurisationDegradee;

/**
 * Tells whether an invoice still needs its degraded-mode justificatif (a predicate: total on any
 * value, like the `isX` guards — what is not a mode D securisation needs none).
 *
 * @param securisation - The invoice's securing data (anything).
 * @returns `true` for a mode D invoice whose justificatif is not yet sent (absent or `a-fournir`).
 * @example
 * if (needsJustificatif(fse.securisation)) remind('Envoyer le duplicata papier ou la pièce SCOR');
 */
export function needsJustificatif(securisation: Securisation): boolean {
  const s = guardObject(securisation, [], [], { required: false });
  if (s === undefined || field(s, 'mode') !== 'D') return false;
  const j = guardObject(field(s, 'justificatif'), [], [], { required: false });
  return j === undefined || field(j, 'statut') !== 'transmis';
}
