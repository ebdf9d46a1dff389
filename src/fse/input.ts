/**
 * What a PMS gives `buildFse`: the priced invoice (the rules' `FactureInput`, single source of
 * dates of care, birth date, nature d'assurance, parcours, acts) plus the FSE-only data of the
 * SSV groups: PS identity and situation (1120/2), bénéficiaire identifiers (1130/1160,
 * rights periods 105/106), organismes AMO (1310) and AMC (1321), prescription and securing mode.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), modèle de données SSV: groupes 2, 101-109, 1110-1321
 */
import type { PlainDate } from '../core/date/index';
import type { FactureInput } from '../rules/model';
import type { Securisation } from './securing';

/** PS facturant (SSV group 1120, B2 type 1 and type 2). */
export interface PsFse {
  /** N° de facturation (8 digits + Luhn key, 9 characters). */
  readonly numeroFacturation: string;
  /** Nom / raison sociale (type 1 pos. 30-69); accents are transliterated with a warning. */
  readonly nom: string;
  readonly prenom?: string;
  /** Code conventionnel (0 non conventionné, 1 conventionné, 2 avec DP, 3 honoraires libres). */
  readonly codeConventionnel: '0' | '1' | '2' | '3';
  /** Condition d'exercice: L libéral, S salarié. */
  readonly conditionExercice?: 'L' | 'S';
  /** Catégorie of the lot (type 1 pos. 23-25), 3 digits; default `'000'` (modeled). */
  readonly categorie?: string;
  /** Statut juridique (type 1 pos. 26-27), default `'00'` (modeled). */
  readonly statutJuridique?: string;
  /** Mode de fixation des tarifs (type 1 pos. 28-29), default `'00'` (modeled). */
  readonly modeFixationTarifs?: string;
}

/** A period of rights (SSV groups 105, 106, 108); `fin` absent = open-ended. */
export interface Periode {
  readonly debut: PlainDate;
  readonly fin?: PlainDate;
}

/**
 * Qualité du bénéficiaire (SSV groupe 104 champ 14, groupe 1130): 0 assuré, 1 ascendant/descendant/collatéral, 2 conjoint,
 * 3 divorcé, 4 concubin, 5 séparé, 6 enfant, 8 veuf, 9 autre.
 */
export type QualiteBeneficiaire = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '8' | '9';

/** Bénéficiaire identifiers and rights (SSV groups 101, 104, 105, 106, 1130, 1160). */
export interface BeneficiaireFse {
  /** NIR of the assuré (ouvrant droit), 15 characters with its key (2A/2B accepted). */
  readonly nirAssure: string;
  /** The bénéficiaire's own NIR with key when it differs from the assuré's (group 1160, B2 2S). */
  readonly nirIndividuel?: string;
  /** Rang du bénéficiaire on the card (1 … 99; B2 type 2 pos. 103-104). */
  readonly rangBeneficiaire: number;
  /** Qualité (relationship to the assuré). */
  readonly qualite: QualiteBeneficiaire;
  /** Périodes de droits AMO (group 105). Empty = not known (control FSE_DROITS_PERIODE). */
  readonly droitsAmo: readonly Periode[];
  /** Périodes ALD / code couverture (group 106). */
  readonly periodesAld?: readonly Periode[];
  /** Nom / prénom (group 104): kept for the PMS, not written in the B2 records produced here. */
  readonly nom?: string;
  readonly prenom?: string;
}

/** Organismes AMO (SSV group 1310, B2 type 2 pos. 49-57 and type 1 pos. 17-19). */
export interface OrganismesAmo {
  /** Grand régime (2 digits, e.g. `'01'`). */
  readonly grandRegime: string;
  /** Caisse gestionnaire (3 digits). */
  readonly caisse: string;
  /** Centre gestionnaire (4 digits). */
  readonly centre: string;
  /** Organisme destinataire (3 digits) from the GIE SESAM-Vitale table of organismes destinataires (not public: caller data). */
  readonly organismeDestinataire: string;
  /** Code centre informatique (3 digits), when known. */
  readonly codeCentreInformatique?: string;
}

/** AMC routing data (Vitale group 109 / attestation de tiers payant, B2 type 2M). */
export interface RoutageAmc {
  /** Code routage (2 characters). */
  readonly codeRoutage: string;
  /** Identifiant d'hôte (3 characters). */
  readonly identifiantHote: string;
  /** Nom de domaine (≤ 20 characters). */
  readonly nomDomaine: string;
  /** Code aiguillage STS / type module STS (R, U, M, 8, 4). */
  readonly aiguillageSts?: 'R' | 'U' | 'M' | '8' | '4';
  /** Version du module STS (4 characters). */
  readonly versionModuleSts?: string;
}

/** Organisme complémentaire (SSV group 1321). */
export interface OrganismeAmc {
  /** N° AMC (B2 type 2 pos. 119-128 / 2M pos. 37-46), ≤ 10 characters. */
  readonly numero: string;
  /** N° d'adhérent (type 2 pos. 105-112, ≤ 8 characters; 9 … 15 digits go to 2M pos. 72-86 when `identifiantAdherentAmc` is absent). */
  readonly numeroAdherent: string;
  /** Indicateur de traitement (2 digits: 00, 12, 13, 22, 23, 32, 33, 60, 62, 63, 72, 73). */
  readonly indicateurTraitement: string;
  /** Type de contrat (type 2 pos. 117-118), e.g. `'89'` C2S. */
  readonly typeContrat?: string;
  /** Routing data, required for a DRE. */
  readonly routage?: RoutageAmc;
  /** Code application AMC (2 characters, 99/98). */
  readonly codeApplication?: string;
  /** Identifiant AMC de l'adhérent (≤ 15 characters, 2M pos. 72-86). */
  readonly identifiantAdherentAmc?: string;
}

/** Prescription (B2 type 2 pos. 59-73, 113-114). */
export interface Prescription {
  /** N° of the prescripteur (9 digits, Luhn key). */
  readonly numeroPrescripteur: string;
  /** Date of the prescription (ordonnance). */
  readonly date?: PlainDate;
  /** Spécialité of the prescripteur (2 digits). */
  readonly specialite?: string;
}

/** Input of `buildFse`. */
export interface FseInput {
  /** The invoice as the rules engine prices it. */
  readonly facture: FactureInput;
  readonly ps: PsFse;
  /** N° de facturation of the PS remplaçant, when a replacement bills. */
  readonly remplacant?: string;
  readonly beneficiaire: BeneficiaireFse;
  readonly amo: OrganismesAmo;
  /** Organisme complémentaire (routing data), when there is one. */
  readonly amc?: OrganismeAmc;
  readonly prescription?: Prescription;
  readonly securisation: Securisation;
  /** Invoice number, when already allocated (normally by the ledger: `numberAndLot`). */
  readonly numeroFacture?: number;
  /** Date d'élaboration (group 1110), default `facture.dateFacturation`. */
  readonly dateElaboration?: PlainDate;
  /** N° of the invoice this one rectifies (group 1110). */
  readonly numeroFactureRectifiee?: number;
}
