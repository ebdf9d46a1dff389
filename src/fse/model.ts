/**
 * The FSE and DRE models, following the SSV groups: identification facture (1110),
 * PS (1120), bénéficiaire (1130/1160), organismes AMO (1310) and AMC (1321), lines and totals.
 * Every amount comes from the rules' `Decompte` (never recomputed differently).
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), modèle de données SSV (groupes 1110-1321) and DRE
 */
import type { PlainDate } from '../core/date/index';
import type { Factor, Money } from '../core/money/index';
import type {
  AccidentTravail,
  DestinataireReglement,
  FactureInput,
  JustificationExoneration,
  MontantsDecompte,
  NatureAssurance,
  Parcours,
} from '../rules/model';
import type { BeneficiaireFse, OrganismeAmc, OrganismesAmo, Prescription, PsFse } from './input';
import type { Securisation } from './securing';

/** Identification facture (SSV group 1110). */
export interface IdentificationFacture {
  /** N° de facture (1 … 999 999 999), allocated by the ledger; absent before numbering. */
  readonly numeroFacture?: number;
  /** Date d'élaboration. */
  readonly dateElaboration: PlainDate;
  /** Date de facturation (the rules' `dateFacturation`). */
  readonly dateFacturation: PlainDate;
  readonly numeroFactureRectifiee?: number;
}

/** Bénéficiaire as written in the FSE: identifiers split as B2 writes them. */
export interface BeneficiaireResolu extends BeneficiaireFse {
  /** Date de naissance (from the rules' input). */
  readonly dateNaissance: PlainDate;
  /** Rang de naissance 1 … 9 (default 1). */
  readonly rangNaissance: number;
}

/** Situation of the invoice: what makes the caisse pay at which rate. */
export interface SituationFse {
  readonly natureAssurance: NatureAssurance;
  readonly parcours: Parcours;
  /** Invoice-level justification d'exonération (B2 type 2 pos. 79). */
  readonly justificationExoneration: JustificationExoneration;
  readonly accidentTravail?: AccidentTravail;
  /** Date de maternité (type 2 pos. 80-85): début de grossesse or accouchement. */
  readonly dateMaternite?: PlainDate;
  readonly prescription?: Prescription;
}

/** Kind of detail record a line needs after its type 4 (B2 4M CCAM, 4F LPP). */
export type LigneDetail =
  | { readonly kind: 'ngap' }
  | { readonly kind: 'ccam'; readonly code: string; readonly activite: string; readonly phase: string; readonly modificateurs: readonly string[] }
  | { readonly kind: 'lpp'; readonly code: string };

/** One act line (B2 type 4, plus 4M / 4F detail). */
export interface LigneFse {
  /** Index in the rules' input. */
  readonly index: number;
  /** Code acte as priced (NGAP letter key, CCAM or LPP code). */
  readonly code: string;
  readonly date: PlainDate;
  readonly quantite: number;
  readonly coefficient: Factor;
  /** N° de facturation of the exécutant (the PS, or the remplaçant). */
  readonly executant: string;
  readonly prixUnitaire: Money;
  readonly baseRemboursement: Money;
  readonly taux: Factor;
  /** Montant remboursable AMO (the Decompte's `partAmo`, before PF / franchises). */
  readonly montantAmo: Money;
  /** Montant honoraires / dépense (billed, dépassement included). */
  readonly montantFacture: Money;
  /** Montant remboursable AMC. */
  readonly montantAmc: Money;
  readonly justificationExoneration: JustificationExoneration;
  readonly lieu: 'cabinet' | 'domicile';
  readonly detail: LigneDetail;
}

/** Payment routing of the invoice (B2 type 2 pos. 115-116). */
export interface ReglementFse {
  readonly destinataire: DestinataireReglement;
  readonly tiersPayantAmo: boolean;
  readonly tiersPayantAmc: boolean;
}

/** A feuille de soins électronique. */
export interface Fse {
  readonly kind: 'fse';
  readonly identification: IdentificationFacture;
  readonly ps: PsFse;
  /** N° de facturation of the remplaçant, when one bills. */
  readonly remplacant?: string;
  readonly beneficiaire: BeneficiaireResolu;
  readonly amo: OrganismesAmo;
  readonly amc?: OrganismeAmc;
  readonly situation: SituationFse;
  readonly lignes: readonly LigneFse[];
  /** Totals of the invoice: the Decompte's `total`, as is. */
  readonly totaux: MontantsDecompte;
  readonly reglement: ReglementFse;
  readonly securisation: Securisation;
  /** The priced input, kept so controls can recompute (`FSE_TOTAL_MISMATCH`). */
  readonly facture: FactureInput;
}

/** One line of a DRE: the AMC part of an FSE line. */
export interface LigneDre {
  readonly index: number;
  readonly code: string;
  readonly date: PlainDate;
  readonly montantFacture: Money;
  readonly montantAmo: Money;
  readonly montantAmc: Money;
}

/** A demande de remboursement électronique to the AMC, carrying the AMC routing (B2 type 2M). */
export interface Dre {
  readonly kind: 'dre';
  /** The FSE it comes from (same number, PS, bénéficiaire, dates). */
  readonly fse: Fse;
  /** The AMC addressed, with its routing (B2 type 2M). */
  readonly amc: OrganismeAmc;
  readonly lignes: readonly LigneDre[];
  /** Total asked from the AMC (the FSE's `totaux.partAmc`). */
  readonly montantAmc: Money;
}
