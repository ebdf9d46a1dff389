/**
 * The DRE model and the inputs that decide it: the AMC's routing data (the attestation de tiers
 * payant harmonisée, an Annuaire AMC answer) and the payment guarantee of a CLC.
 *
 * The DRE itself is the fse module's document (`kind: 'dre'`, the FSE it comes from, the AMC
 * with its B2 type 2M routing, the AMC lines), so the FSE flow (numbering, securing, B2 files)
 * carries it unchanged; this module adds what decided it: the guarantee id and the routing source.
 *
 * Modeled (not public): the Annuaire AMC answer and the IDB / CLC contract (Inter-AMC
 * specifications are reserved to members); the attestation's 5 fields are the public list, its
 * DataMatrix payload layout is not.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), DRE ; Association Inter-AMC, attestation de tiers payant harmonisée
 */
import type { PlainDate } from '../core/date/index';
import type { Money } from '../core/money/index';
import type { OrganismeAmc, RoutageAmc } from '../fse/input';
import type { Dre as DreDocument, LigneDre } from '../fse/model';

export type { LigneDre, OrganismeAmc, RoutageAmc };

/** Période de validité of an attestation (both days included). */
export interface PeriodeValidite {
  readonly debut: PlainDate;
  readonly fin: PlainDate;
}

/**
 * The 5 fields of the attestation de tiers payant harmonisée (text or DataMatrix: reading the
 * image is the adr module's job; this is plain data).
 */
export interface AttestationTiersPayant {
  /** N° AMC (1 … 10 digits or capitals): the organisme complémentaire. */
  readonly numeroAmc: string;
  /** Type de convention (tiers payant agreement the AMC applies; 1 … 4 characters, modeled). */
  readonly typeConvention: string;
  /** Critère secondaire de routage (refines the AMC's routing; ≤ 10 characters, modeled). */
  readonly critereSecondaireRoutage?: string;
  /**
   * N° d'adhérent: 1 … 8 digits or capitals (B2 type 2 zones 105-112), or 9 … 15 digits (written
   * in the type 2M « identifiant AMC de l'adhérent », zones 72-86, numeric).
   */
  readonly numeroAdherent: string;
  /** Période de validité; absent: not checked. */
  readonly periodeValidite?: PeriodeValidite;
}

/** An Annuaire AMC answer for one attestation (modeled contract: the Annuaire is not public). */
export interface AnnuaireAmcReponse {
  /** The AMC the answer is about (must be the attestation's). */
  readonly numeroAmc: string;
  /** The convention it applies to, when the Annuaire says (must be the attestation's). */
  readonly typeConvention?: string;
  /** The critère secondaire it applies to, when the Annuaire says (must be the attestation's). */
  readonly critereSecondaireRoutage?: string;
  /** Whether the AMC takes DRE (false: no tiers payant by DRE). Default true. */
  readonly dre?: boolean;
  /** The organism that receives the DRE when not the AMC itself (an opérateur de tiers payant); default `numeroAmc`. */
  readonly destinataire?: string;
  /** B2 type 2M routing of the DRE (code routage, hôte, nom de domaine). */
  readonly routage: RoutageAmc;
  /** Indicateur de traitement AMC (2 characters), when the Annuaire gives it. */
  readonly indicateurTraitement?: string;
  /** Code application AMC (2 characters), when the Annuaire gives it. */
  readonly codeApplication?: string;
}

/** What routes a DRE: the attestation's fields and, optionally, the Annuaire AMC's answer. */
export interface AmcRouting extends AttestationTiersPayant {
  readonly annuaire?: AnnuaireAmcReponse;
}

/** Outcome of a CLC (calcul de la part AMC with a payment guarantee; modeled contract). */
export type StatutGarantie = 'garanti' | 'non_garanti' | 'rejete';

/** The guarantee a CLC returned, as the adr module hands it over (plain data). */
export interface GarantieClc {
  /** Identifier of the guarantee (carried into the DRE; ≤ 64 characters). */
  readonly id: string;
  /** Amount of the AMC part the AMC guarantees to pay. */
  readonly montantGaranti: Money;
  readonly statut: StatutGarantie;
}

/** The guarantee a DRE carries (only a `garanti` one makes a DRE). */
export interface DreGarantie {
  readonly id: string;
  readonly montantGaranti: Money;
}

/** Where the DRE's routing came from. */
export interface DreRoutage {
  readonly typeConvention: string;
  readonly critereSecondaireRoutage?: string;
  /** `annuaire`: the Annuaire AMC answer; `carte`: the AMC routing of the FSE (Vitale group 109). */
  readonly source: 'annuaire' | 'carte';
}

/**
 * A demande de remboursement électronique: the fse module's document plus what decided it.
 * Every DRE of this module is also an fse `Dre` (numbered, secured and written by the FSE flow).
 */
export interface Dre extends DreDocument {
  /** The CLC guarantee the amount is capped at; absent only when the guarantee control is disabled. */
  readonly garantie?: DreGarantie;
  /** The routing decision (attestation fields and source). */
  readonly routageDecision?: DreRoutage;
}
