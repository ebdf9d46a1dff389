/**
 * CCAM (Classification commune des actes médicaux) as the library holds it: one version as CNAM
 * publishes it, and the dated history built from several versions.
 *
 * Source: CCAM, CNAM (Assurance Maladie), « CCAM téléchargement » on ameli.fr — one spreadsheet
 * per version; each version applies from its publication's date.
 */
import type { PlainDate } from '../../core/date/index';

/**
 * Tariffs of one activité/phase in euros as decimal text (`'51.84'`); `null` = « Non pris en
 * charge » (known, not reimbursable); absent = left blank in CNAM's file.
 */
export interface CcamTarifs {
  /** Tarif secteur 1 / adhérent OPTAM-OPTAM-ACO (grille of the conventionné secteur 1 and OPTAM). */
  readonly secteur1?: string | null;
  /** Tarif hors secteur 1 / hors OPTAM (secteur 2 non adhérent). */
  readonly horsSecteur1?: string | null;
}

/** One activité × phase of an act, with its own tariffs and allowed modificateurs. */
export interface CcamActivite extends CcamTarifs {
  /** Code activité: 1 (acte principal), 2, 3, 4 (anesthésie), 5. */
  readonly activite: string;
  /** Code phase de traitement: 0 (acte en une phase), 1, 2, 3. */
  readonly phase: string;
  /** Modificateurs allowed on this activité (e.g. `['F', 'P', 'S', 'U']`). */
  readonly modificateurs: readonly string[];
}

/** One CCAM act as a version publishes it. */
export interface CcamActe {
  /** Code (4 letters + 3 digits, e.g. `DEQP003`). */
  readonly code: string;
  /** Libellé. */
  readonly libelle: string;
  /** Activités × phases; empty when the act has no billable activity row. */
  readonly activites: readonly CcamActivite[];
  /** « RC »: remboursement sous conditions. */
  readonly remboursementSousConditions: boolean;
  /** « AP »: accord préalable. */
  readonly accordPrealable: boolean;
  /** Exonération du ticket modérateur code(s) as CNAM writes them (`'1'`, `'2'`, `'5'`, `'1-7'` …); `''` none. */
  readonly exonerationTm: string;
  /** Code de regroupement (`ATM`, `ADA`, `ADC`, `ADI`, `ASC`, `ADE`, `ACO` …). */
  readonly regroupement: string;
}

/** One priced variant of a modificateur (CNAM chapter 19.03). */
export interface CcamModificateurValeur {
  /** The conditions as CNAM words them (who, when). */
  readonly libelle: string;
  /** Flat amount in euros per tariff column, or a percentage (`'+49'` → `'49'`), per column. */
  readonly secteur1?: CcamValeur;
  readonly horsSecteur1?: CcamValeur;
}

/** A modificateur value: a flat amount in euros or a percentage of the act's tariff. */
export type CcamValeur = { readonly kind: 'montant'; readonly euros: string } | { readonly kind: 'pourcentage'; readonly pourcent: string };

/** A modificateur of the CCAM (letter or digit) with its priced variants. */
export interface CcamModificateur {
  readonly code: string;
  readonly valeurs: readonly CcamModificateurValeur[];
}

/** One CCAM version, as imported from one CNAM file. */
export interface CcamVersion {
  /** `'CCAM V81'`. */
  readonly version: string;
  /** First day the version applies. */
  readonly applicable: PlainDate;
  /** Citation of the file. */
  readonly source: string;
  /** Acts, in file order. */
  readonly actes: readonly CcamActe[];
  /** Modificateurs priced in chapter 19.03. */
  readonly modificateurs: readonly CcamModificateur[];
}

/** An act over a period: what one or more consecutive versions said of it. */
export interface CcamPeriode extends CcamActe {
  /** First day (the version's applicable date). */
  readonly validFrom: PlainDate;
  /** Last day (inclusive) when a later version changed or dropped the act. */
  readonly validTo?: PlainDate;
  /** The version that introduced this state of the act. */
  readonly version: string;
}

/** The dated CCAM: every act's periods across the versions loaded, latest first. */
export interface CcamHistory {
  /** Versions, oldest first: `{ version, applicable, source }`. */
  readonly versions: readonly { readonly version: string; readonly applicable: PlainDate; readonly source: string }[];
  /** Periods by code, latest first. */
  readonly actes: ReadonlyMap<string, readonly CcamPeriode[]>;
  /** Modificateurs by version (latest version's list used when a date falls in it). */
  readonly modificateurs: ReadonlyMap<string, readonly CcamModificateur[]>;
}
