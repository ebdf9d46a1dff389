/**
 * INSi data: the search inputs, the software context of the headers and the parsed answer.
 * Field names follow the CNAM XSDs (INSi_RECSANS_INS, INSi_RECVITALE_INS, INSi_RESULTAT_INS).
 */

/** Search with the identity traits ("recherche sans carte Vitale", body RECSANSVITALE). */
export interface InsiRechercheTraits {
  readonly mode: 'traits';
  /** Nom de naissance. */
  readonly nomNaissance: string;
  /** Prénoms de naissance, in order (the first is required; more narrow a 02 answer). */
  readonly prenoms: readonly string[];
  /** `M`, `F` or `I` (indéterminé). */
  readonly sexe: string;
  /** `YYYY-MM-DD`; a lunar date (`1980-00-00`) is allowed as the XSD type says. */
  readonly dateNaissance: string;
  /** Code officiel géographique (COG INSEE, 5 characters) of the place of birth, optional. */
  readonly lieuNaissance?: string;
}

/**
 * Search with the Vitale card data (body RECVITALE; the same data go in the ContexteBAM
 * COUVERTURE: ASSURE and BENEFICIAIRE).
 */
export interface InsiRechercheCarte {
  readonly mode: 'carte';
  /** NIR of the insured (ouvrant droit) read on the card, 15 characters with its key (`MatriculeOD`). */
  readonly nirOuvrantDroit: string;
  /** Individual NIR of the beneficiary when the card holds one, 15 characters (`MatriculeIndividu`). */
  readonly nirIndividu?: string;
  /** `YYYY-MM-DD` (lunar dates allowed). */
  readonly dateNaissance: string;
  /** Rang de naissance (gemellaire) read on the card, 1–9. */
  readonly rangNaissance: number;
  /** Nom de naissance, optional. */
  readonly nomNaissance?: string;
}

/** One of the two INSi searches. */
export type InsiRecherche = InsiRechercheTraits | InsiRechercheCarte;

/** The software and caller identity written in the ContexteLPS / ContexteBAM headers. */
export interface InsiContexte {
  /** Emetteur: identifier of the calling structure or PS (as registered with the CNAM). */
  readonly emetteur: string;
  /** Numéro d'autorisation (IDAM) of the software, given by the CNAM/GIE SESAM-Vitale. */
  readonly idam: string;
  /** Version of the software, as registered with its IDAM. */
  readonly version: string;
  /** Name of the software. */
  readonly nomLogiciel: string;
  /** Identifier of this installation of the software (a stable UUID). */
  readonly instance: string;
}

/** Options of `buildInsiRequest`: everything that would otherwise come from a clock or a RNG. */
export interface BuildInsiRequestOptions {
  /** Instant of the request, ISO 8601 with its offset (ContexteBAM/ContexteLPS `Temps`). */
  readonly at: string;
  /** Message id (WS-Addressing MessageID and context ids), e.g. `uuid:…`. */
  readonly messageId: string;
}

/** OID of the assigning authority: what kind of number the matricule INS is. */
export type InsOidKind = 'NIR' | 'NIA' | 'NIR_TEST' | 'NIA_TEST';

/** A matricule INS with its authority. */
export interface MatriculeIns {
  /** 15 characters: 13 + key. */
  readonly matricule: string;
  readonly oid: string;
  readonly type: InsOidKind;
  /** INSHISTO only: start of validity, `YYYY-MM-DD`. */
  readonly dateDebut?: string;
  /** INSHISTO only: end of validity, `YYYY-MM-DD`. */
  readonly dateFin?: string;
}

/** Traits INS as returned (TIQ). */
export interface TraitsIns {
  readonly nomNaissance: string;
  /** Liste des prénoms de naissance, space separated, as returned. */
  readonly listePrenoms: string;
  /** Premier prénom (the `Prenom` element, else the first word of the list). */
  readonly premierPrenom: string;
  readonly sexe: string;
  readonly dateNaissance: string;
  /** COG of the place of birth (absent for some identities). */
  readonly lieuNaissance?: string;
}

/** An identity returned with code 00. */
export interface InsiIdentite {
  readonly ins: MatriculeIns;
  /** INSHISTO: previous matricules (a NIA replaced by a NIR…), in document order. */
  readonly historique: readonly MatriculeIns[];
  readonly traits: TraitsIns;
}

/** A parsed INSi answer. */
export type InsiResult =
  | { readonly codeCr: '00'; readonly libelleCr: string; readonly identite: InsiIdentite }
  | { readonly codeCr: '01' | '02'; readonly libelleCr: string };

/** A SOAP fault of the téléservice (siram / desir codes). */
export interface InsiFault {
  /** SOAP Code value, e.g. `soap:Sender`. */
  readonly code: string;
  /** SOAP Subcode value, e.g. `siram_100` (prefix removed). */
  readonly subcode?: string;
  readonly reason: string;
  /** `siram:Erreur/@code`, e.g. `desir_550`. */
  readonly erreurCode?: string;
  readonly severite?: string;
  readonly detail?: string;
}
