/**
 * Inputs of the paper fallbacks (issue: teletransmission impossible). The amounts come from a
 * `Decompte` of `sesam-billing/rules` (computeFacture): the types below are the part of it the
 * documents print, so a Decompte is accepted as is (scor does not depend on rules).
 *
 * MODELED layout: the official feuille de soins is a CERFA form (S3110 / 12541 for médecins,
 * S3116 / 11390 for auxiliaires médicaux) printed by the Imprimerie nationale; this duplicata
 * carries its information (PS, patient, acts, amounts, tiers payant) on a plain A4 page, it does
 * not reproduce the form. No public model exists for a bordereau to an AMC.
 */
import type { Money } from '../../core/money/index';

/** A coefficient as `sesam-billing/core` writes it (`factor('1.5')`). */
export interface PaperFactor {
  readonly units: number;
  readonly scale: number;
}

/** One priced act (a `LigneDecompte` fits). */
export interface PaperLigne {
  readonly code: string;
  /** Date de l'acte, `AAAA-MM-JJ`. */
  readonly date: string;
  readonly quantite: number;
  readonly coefficient?: PaperFactor;
  readonly montantFacture: Money;
  readonly baseRemboursement?: Money;
  readonly partAmo: Money;
  readonly partAmc: Money;
}

/** Invoice totals (a `MontantsDecompte` fits). */
export interface PaperTotal {
  readonly montantFacture: Money;
  readonly partAmo: Money;
  readonly partAmc: Money;
  readonly rembourseAmo: Money;
  readonly participationForfaitaire: Money;
  readonly franchise: Money;
  readonly resteAChargePatient: Money;
}

/** What the documents print of a Decompte (a `Decompte` of computeFacture fits). */
export interface PaperDecompte {
  readonly lignes: readonly PaperLigne[];
  readonly total: PaperTotal;
  readonly aEncaisserPatient: Money;
  readonly tiersPayantAmo: boolean;
  readonly tiersPayantAmc: boolean;
}

/** The professional. */
export interface PaperPs {
  /** Nom et prénom, or the structure. */
  readonly nom: string;
  /** N° d'identification (Assurance Maladie, 9 digits) or RPPS. */
  readonly identifiant: string;
  readonly specialite?: string;
  readonly adresse?: string;
}

/** The patient. */
export interface PaperBeneficiaire {
  readonly nom: string;
  readonly prenom: string;
  /** NIR with its key (printed on the document, never in an issue). */
  readonly nir?: string;
  /** `AAAA-MM-JJ`. */
  readonly dateNaissance?: string;
  /** Organisme d'affiliation (code régime, caisse, centre), as on the carte Vitale. */
  readonly organisme?: string;
  /** N° d'adhérent AMC (bordereau). */
  readonly numeroAdherent?: string;
}

/** Input of {@link buildDuplicataFeuilleSoins}. */
export interface DuplicataInput {
  readonly ps: PaperPs;
  readonly beneficiaire: PaperBeneficiaire;
  /** N° de la facture (the FSE) this duplicata stands for. */
  readonly numeroFacture: number;
  /** `AAAA-MM-JJ`. */
  readonly dateFacturation: string;
  readonly decompte: PaperDecompte;
}

/** One invoice on a bordereau. */
export interface BordereauFacture {
  readonly numeroFacture: number;
  readonly dateFacturation: string;
  readonly beneficiaire: PaperBeneficiaire;
  readonly decompte: PaperDecompte;
}

/** Input of {@link buildBordereauAmc}. */
export interface BordereauInput {
  readonly ps: PaperPs;
  /** The complementary insurer: its name and n° (AMC number of the carte / attestation). */
  readonly amc: { readonly nom: string; readonly numero: string; readonly adresse?: string };
  /** N° of the bordereau (the PS's own numbering). */
  readonly numeroBordereau: number;
  /** `AAAA-MM-JJ`. */
  readonly dateBordereau: string;
  readonly factures: readonly BordereauFacture[];
}

/** Options of the paper documents. */
export interface PaperOptions {
  /** The instant written as creation date (ISO 8601 with offset); absent: none written. */
  readonly at?: string;
  /** Trailer /ID, 32 hexadecimal digits; default: derived from the content. */
  readonly documentId?: string;
}
