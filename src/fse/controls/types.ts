/**
 * Controls as data: each control has its own issue code, says which documents it applies to and
 * checks one thing. Vendors list them (`FSE_CONTROLS`, `DRE_CONTROLS`), disable some by code, or
 * add their own to the list they pass to `validateFse` / `validateDre`.
 */
import type { PlainDate } from '../../core/date/index';
import type { IssueDetails, Result } from '../../core/issues/index';
import type { Decompte, FactureInput } from '../../rules/model';
import type { FseCode } from '../codes';
import type { Dre, Fse } from '../model';

/** Parameters of the controls (figures that are not certain are parameters with a documented default). */
export interface ControlOptions {
  /** Today (the caller's clock; the module never reads one). Absent: date-of-day controls use the date d'élaboration. */
  readonly today?: PlainDate;
  /** Maximum days between the first act and the billing date (default 365, a parameter: Code de la sécurité sociale art. R.161-47 sets the transmission delays). */
  readonly delaiFacturationJours?: number;
  /** Age beyond which a bénéficiaire is implausible (default 120 years). */
  readonly ageMax?: number;
  /** Age from which a bénéficiaire of qualité enfant (6) is flagged (default 20 years, [mem]: verify). */
  readonly ageMaxEnfant?: number;
  /** Majorations billable only in the parcours de soins (default `['MCS', 'MPC']`: Convention nationale des médecins libéraux, majorations de coordination). */
  readonly majorationsParcours?: readonly string[];
  /** Securing date-time (ISO 8601), for `FSE_SECURISATION_DATE`; set by `secureFse`. */
  readonly securingAt?: string;
  /** Pricing function for the recomputation control (default: the rules' `computeFacture`). */
  readonly compute?: (facture: FactureInput) => Result<Decompte>;
}

/** Resolved options handed to every control. */
export interface ControlContext {
  readonly today: PlainDate | undefined;
  readonly delaiFacturationJours: number;
  readonly ageMax: number;
  readonly ageMaxEnfant: number;
  readonly majorationsParcours: readonly string[];
  readonly securingAt: string | undefined;
  readonly compute: ((facture: FactureInput) => Result<Decompte>) | undefined;
}

/** What a check returns: nothing (passes), one finding or several (each becomes an issue with the control's code). */
export type Finding = IssueDetails | readonly IssueDetails[] | undefined;

/** One control of the catalogue (`C`: the code table it raises from, FSE_CODES by default). */
export interface Control<D, C extends string = FseCode> {
  /** The issue code it raises (unique in a catalogue). */
  readonly code: C;
  /** One-line French description (for vendor UIs listing the controls). */
  readonly label: string;
  /** Whether the control is relevant to this document (e.g. AT controls only for nature 41). */
  readonly appliesTo: (doc: D, ctx: ControlContext) => boolean;
  /** The check itself. */
  readonly check: (doc: D, ctx: ControlContext) => Finding;
}

/** A control of an FSE. */
export type FseControl = Control<Fse>;
/** A control of a DRE. */
export type DreControl = Control<Dre>;

/** Always applies. */
export const ALWAYS = (): boolean => true;

/**
 * Declares a control (identity; keeps the catalogue readable).
 *
 * @param code - Issue code.
 * @param label - French description.
 * @param appliesTo - Relevance predicate.
 * @param check - The check.
 * @returns The control.
 */
export function control<D, C extends string = FseCode>(code: C, label: string, appliesTo: Control<D, C>['appliesTo'], check: Control<D, C>['check']): Control<D, C> {
  return { code, label, appliesTo, check };
}
