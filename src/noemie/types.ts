/**
 * NOEMIE PS entity types (RSP: retour de paiement, rejets, signalements), one interface per
 * entity of Cahier des charges NOEMIE PS (CNAM), catalogue des entités, discriminated on `entity` (the 3-digit type). Positions are in
 * `src/noemie/records/*.ts`; this file is the contract other modules (reconciliation) code
 * against.
 *
 * Conventions of every entity:
 * - text zones (X) are given without trailing blanks (`''` when blank);
 * - numeric codes / identifiers (N) keep their digits as a string; counters are numbers;
 * - amounts are `Money` (centimes); signed amounts carry the N / P sign of their zone;
 * - dates AAMMJJ are `PlainDate` (century from the file date: `near` for events, `past` for
 *   births); a property marked `?` is absent when its zone is blank or all zeros.
 *
 * @see Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers (sesamviewer `noemie-ps.xml`, CdC NOEMIE PS 2004/2011)
 */
import type { Money } from '../core/money/index';
import type { PlainDate } from '../core/date/index';
import type { Issue } from '../core/issues/index';

/** Fields shared by every variable-length entity (positions 1-5). */
export interface NoemieEntityBase {
  /** Niveau de rupture (hierarchy level), 2 digits as written (`'01'`, `'02'`, … `'99'` for 990). */
  readonly niveauRupture: string;
}

/** État de paiement d'une part (198 / 199 pos 14): P payé, R rejeté, D différé, `''` non traité. */
export type EtatPaiement = 'P' | 'R' | 'D' | '';

/** Niveau du rejet (294 pos 96): F facture, L ligne de prestation, A code affiné. */
export type NiveauRejet = 'F' | 'L' | 'A';

/** Part concernée par un rejet (294 pos 97): O obligatoire (ou obligatoire + complémentaire), C complémentaire. */
export type PartRejet = 'O' | 'C';

/** 000 En-tête (file header), 128 bytes. @see Cahier des charges NOEMIE PS (CNAM), catalogue des entités */
export interface NoemieEnTete {
  readonly entity: '000';
  /** Type d'émetteur (4-5), e.g. `CP` CPAM, `CT` centre de traitement, `OT` OCT. */
  readonly typeEmetteur: string;
  /** N° émetteur (6-19). */
  readonly numeroEmetteur: string;
  /** Programme émetteur (20-25). */
  readonly programmeEmetteur: string;
  /** Type destinataire (26-27). */
  readonly typeDestinataire: string;
  /** N° destinataire (28-41), the PS. */
  readonly numeroDestinataire: string;
  /** Programme destinataire (42-47). */
  readonly programmeDestinataire: string;
  /** Application / type d'échange (48-49). */
  readonly applicationTypeEchange: string;
  /** Identification du fichier (50-55). */
  readonly identificationFichier: string;
  /** Date de création du fichier (56-61, AAMMJJ; 20AA unless a reference date is given). */
  readonly dateCreation: PlainDate;
  /** Norme utilisée / référence de l'échange (62-65), e.g. `'0576'`, `'0580'` as written (trailing blanks removed). */
  readonly reference: string;
  /** Version (66-67). */
  readonly version: string;
  /** Compactage (68). */
  readonly compactage: string;
  /** Cryptage (69): `O` / `N` (or blank). */
  readonly cryptage: string;
  /** Unité monétaire (70): `U` euro. */
  readonly uniteMonetaire: string;
  /** Type de flux (71): `''`/`R` réel, `T` test, `D` démo. */
  readonly typeFlux: string;
  /** Longueur d'enregistrement (83-85): 128. */
  readonly longueurEnregistrement: number;
  /** Mot de passe (86-91). */
  readonly motDePasse: string;
  /** Zone message (92-128). */
  readonly zoneMessage: string;
}

/** 999 Fin de fichier (trailer), 128 bytes. @see Cahier des charges NOEMIE PS (CNAM), catalogue des entités */
export interface NoemieFinFichier {
  readonly entity: '999';
  readonly typeEmetteur: string;
  readonly numeroEmetteur: string;
  readonly programmeEmetteur: string;
  readonly typeDestinataire: string;
  readonly numeroDestinataire: string;
  readonly programmeDestinataire: string;
  readonly applicationTypeEchange: string;
  readonly identificationFichier: string;
  /** Nombre d'enregistrements (56-63): 128-byte records of the file, 000 and 999 included (modeled, see docs). */
  readonly nombreEnregistrements: number;
  /** Type de flux (64). */
  readonly typeFlux: string;
  /** Nombre de lots (83-85): count of 080 entities (modeled). */
  readonly nombreLots: number;
  /** Cumul des montants (86-96, sign 97). */
  readonly cumulMontants: Money;
  /** Cumul dans l'autre monnaie (98-108), absent when blank or zeros. */
  readonly cumulAutreMonnaie?: Money;
}

/** 020 Mandataire (niveau 01). */
export interface NoemieMandataire extends NoemieEntityBase {
  readonly entity: '020';
  /** N° de destinataire de règlement (6-20). */
  readonly numeroDestinataireReglement: string;
}

/** 040 Destinataire de règlement (niveau 02). */
export interface NoemieDestinataireReglement extends NoemieEntityBase {
  readonly entity: '040';
  /** N° de destinataire de règlement (6-20). */
  readonly numeroDestinataireReglement: string;
}

/** 070 Date comptable (niveau 02). */
export interface NoemieDateComptable extends NoemieEntityBase {
  readonly entity: '070';
  /** Date de la journée comptable (6-11). */
  readonly dateComptable: PlainDate;
}

/** 071 Date comptable et référence du virement (niveau 02): the bank reference of a payment. */
export interface NoemieVirement extends NoemieEntityBase {
  readonly entity: '071';
  /** Date de la journée comptable ou d'émission du virement (6-11). */
  readonly dateComptable: PlainDate;
  /** Libellé du virement, ligne 1 (12-43): what shows on the bank statement. */
  readonly libelleVirement1: string;
  /** Libellé du virement, ligne 2 (44-75). */
  readonly libelleVirement2: string;
  /** Organisme payeur (76-85). */
  readonly organismePayeur: string;
}

/** 080 Lot. */
export interface NoemieLot extends NoemieEntityBase {
  readonly entity: '080';
  /** Date de constitution du lot (6-11). */
  readonly dateConstitution: PlainDate;
  /** N° de lot (12-14), 3 digits. */
  readonly numeroLot: string;
}

/** 081 Type de retour (niveau 02). */
export interface NoemieTypeRetour extends NoemieEntityBase {
  readonly entity: '081';
  /** Code (6-7): 01 flux électroniques, 02 papier, 03 paiements ponctuels/forfaitaires, 04 rappels, 05 retenues. */
  readonly codeTypeRetour: string;
  /** N° du lieu d'exécution (8-21). */
  readonly numeroLieuExecution: string;
}

/** 100 Facture (short form). */
export interface NoemieFacture extends NoemieEntityBase {
  readonly entity: '100';
  /** N° de facture (6-14), 9 digits. */
  readonly numeroFacture: string;
}

/** 102 Facture (detailed form). */
export interface NoemieFactureDetaillee extends NoemieEntityBase {
  readonly entity: '102';
  /** N° de facture (6-14). */
  readonly numeroFacture: string;
  /** Complément au n° de facture (15-20). */
  readonly complementNumeroFacture: string;
  /** N° de lot (21-23). */
  readonly numeroLot: string;
  /** Date de création du lot (24-29). */
  readonly dateCreationLot?: PlainDate;
  /** Type de facture (30): A flux AMC, B B2/SESAM dégradé, D DRE, F FSE, P/C papier, E rappel, R/L inter-centres. */
  readonly typeFacture: string;
  /** Date de facturation (31-36). */
  readonly dateFacturation?: PlainDate;
  /** Traitement de la part AMC (37): N, V, C, E, A, F or `''`. */
  readonly traitementPartAmc: string;
  /** Nature d'assurance (38-39). */
  readonly natureAssurance: string;
}

/** 103 Assuré et bénéficiaire. */
export interface NoemieAssureBeneficiaire extends NoemieEntityBase {
  readonly entity: '103';
  /** N° d'immatriculation (6-18). */
  readonly numeroImmatriculation: string;
  /** Clé (19-20). */
  readonly cleImmatriculation: string;
  /** Nom patronymique (21-45). */
  readonly nomPatronymique: string;
  /** Nom d'usage (46-70). */
  readonly nomUsage: string;
  /** Prénom (71-85). */
  readonly prenom: string;
  /** N° d'immatriculation individuel (86-98). */
  readonly numeroImmatriculationIndividuel: string;
  /** Clé du n° individuel (99-100). */
  readonly cleImmatriculationIndividuel?: string;
  /** Date de naissance (101-106). */
  readonly dateNaissance?: PlainDate;
  /** Rang de naissance (107). */
  readonly rangNaissance: string;
  /** Nom du bénéficiaire (108-132). */
  readonly nomBeneficiaire: string;
  /** Prénom du bénéficiaire (133-147). */
  readonly prenomBeneficiaire: string;
  /** Unité de gestion de rattachement (148-151). */
  readonly uniteGestion: string;
}

/** 110 Assuré. */
export interface NoemieAssure extends NoemieEntityBase {
  readonly entity: '110';
  /** NIR (6-18), 13 characters (2A / 2B possible). */
  readonly nir: string;
  /** Clé du NIR (19-20). */
  readonly cleNir: string;
  /** Nature du nom (21): M marital, P patronymique, U usage. */
  readonly natureNom: string;
  /** Nom (22-46). */
  readonly nom: string;
  /** Prénom (73-87). */
  readonly prenom: string;
}

/** 120 Malade (the patient when not the insured). */
export interface NoemieMalade extends NoemieEntityBase {
  readonly entity: '120';
  /** Date de naissance (6-11). */
  readonly dateNaissance?: PlainDate;
  /** Rang du bénéficiaire (12). */
  readonly rangNaissance: string;
  /** Nom (13-37). */
  readonly nom: string;
  /** Prénom (38-52). */
  readonly prenom: string;
  /** Unité de gestion (53-56). */
  readonly uniteGestion: string;
}

/** 150 Nature d'assurance: AS maladie, AT accident du travail, AM maternité. */
export interface NoemieNatureAssurance extends NoemieEntityBase {
  readonly entity: '150';
  readonly natureAssurance: string;
}

/** 160 Critère d'archivage. */
export interface NoemieCritereArchivage extends NoemieEntityBase {
  readonly entity: '160';
  /** N° d'archivage (6-22). */
  readonly numeroArchivage: string;
}

/** 198 Part AMO: demandé vs payé. */
export interface NoemiePartAmo extends NoemieEntityBase {
  readonly entity: '198';
  /** Montant AMO demandé (6-13), unsigned. */
  readonly montantDemande: Money;
  /** État (14). */
  readonly etat: EtatPaiement;
  /** Montant AMO payé (15-22, sign 23). */
  readonly montantPaye: Money;
}

/** 199 Part AMC: demandé vs payé, and the AMC. */
export interface NoemiePartAmc extends NoemieEntityBase {
  readonly entity: '199';
  /** Montant AMC demandé (6-13), unsigned. */
  readonly montantDemande: Money;
  /** État (14). */
  readonly etat: EtatPaiement;
  /** Montant AMC payé (15-22, sign 23). */
  readonly montantPaye: Money;
  /** N° AMC destinataire (24-33): alphanumeric (AMC identifiers may hold letters), `''` when blank. */
  readonly numeroAmc: string;
  /** N° d'adhérent AMC (34-48). */
  readonly numeroAdherentAmc: string;
}

/** 210 Acte professionnel (one invoice line). */
export interface NoemieActe extends NoemieEntityBase {
  readonly entity: '210';
  /** N° de ligne (6-7). */
  readonly numeroLigne: number;
  /** Code gestion technique du régime (8-9). */
  readonly codeGestion: string;
  /** Justification d'exonération (10). */
  readonly justificationExoneration: string;
  /** Mode de traitement (11-12). */
  readonly modeTraitement: string;
  /** Discipline médico-tarifaire (13-15). */
  readonly disciplineMedicoTarifaire: string;
  /** Date de prescription (16-21). */
  readonly datePrescription?: PlainDate;
  /** Date des soins ou de début (22-27). */
  readonly dateSoins: PlainDate;
  /** Date de fin de soins (28-33). */
  readonly dateFinSoins?: PlainDate;
  /** Prix unitaire (34-41), unsigned. */
  readonly prixUnitaire: Money;
  /** Base de remboursement (42-49), unsigned. */
  readonly baseRemboursement: Money;
  /** Taux de remboursement (50-52), percent as written. */
  readonly taux: number;
  /** Montant remboursé (53-60, sign 61). */
  readonly montantRembourse: Money;
  /** Nature de prestation (62-64), e.g. `C  `→`'C'`. */
  readonly naturePrestation: string;
  /** Complément de nature (65-66, trimmed): E, F, N, P, S, T. */
  readonly complementNature: string;
  /** Quantité (67-69). */
  readonly quantite: number;
  /** Coefficient (70-74), integer as written (scale per CdC, not public here). */
  readonly coefficient: number;
  /** Dénombrement (75-77). */
  readonly denombrement: number;
  /** Montant de la dépense (78-85), unsigned. */
  readonly montantDepense: Money;
  /** Qualificatif de la dépense (86-87, trimmed): AT, DD, DE, DF, DP, ED, GR, NR, S, TM. */
  readonly qualificatifDepense: string;
  /** Taux complémentaire Alsace-Moselle (88-90). */
  readonly tauxAlsaceMoselle: number;
  /** Montant complémentaire Alsace-Moselle (91-98). */
  readonly montantAlsaceMoselle: Money;
  /** Taux part mutuelle (99-101). */
  readonly tauxMutuelle: number;
  /** Montant part complémentaire (102-109). */
  readonly montantPartComplementaire: Money;
  /** Base de remboursement mutuelle (110-117). */
  readonly baseRemboursementMutuelle: Money;
}

/** 250 Mouvement financier – retenue. */
export interface NoemieRetenue extends NoemieEntityBase {
  readonly entity: '250';
  /** N° de ligne (6-7). */
  readonly numeroLigne: number;
  /** Référence de la dette (8-17). */
  readonly referenceDette: string;
  /** Date d'enregistrement de la dette (18-23). */
  readonly dateEnregistrement: PlainDate;
  /** Nature de la dette (24-26): ACC, AFF, API, APR, IEC, IND, IPH, IPI, ISP, ODL, OID, REL, VMI. */
  readonly natureDette: string;
  /** Nature de l'opération de récupération (27-29): ANT, CIN, LOP, … RPR. */
  readonly natureOperation: string;
  /** Montant du mouvement (30-37, sign 38). */
  readonly montant: Money;
  /** Solde de la dette (39-46), unsigned. */
  readonly soldeDette: Money;
}

/** 261 Paiement ponctuel ou forfaitaire. */
export interface NoemiePaiementForfaitaire extends NoemieEntityBase {
  readonly entity: '261';
  /** Code du paiement (6-10). */
  readonly codePaiement: string;
  /** Montant (11-18), unsigned. */
  readonly montant: Money;
}

/** 262 Détail d'un paiement ponctuel ou forfaitaire. */
export interface NoemieDetailPaiementForfaitaire extends NoemieEntityBase {
  readonly entity: '262';
  /** Codification (6-10). */
  readonly codification: string;
  /** Libellé (11-90). */
  readonly libelle: string;
  /** N° d'immatriculation (91-103). */
  readonly nir: string;
  /** Clé (104-105). */
  readonly cleNir?: string;
  /** Date de naissance (106-111). */
  readonly dateNaissance?: PlainDate;
  /** Rang de naissance (112). */
  readonly rangNaissance?: string;
  /** Période (113): H, M, T, S, A, P. */
  readonly periode: string;
  /** Début de période (114-119). */
  readonly dateDebut?: PlainDate;
  /** Fin de période (120-125). */
  readonly dateFin?: PlainDate;
  /** Montant (126-133), unsigned. */
  readonly montant: Money;
}

/** 290 Rejet ou signalement (line-level message). */
export interface NoemieRejetSignalement extends NoemieEntityBase {
  readonly entity: '290';
  /** N° de ligne (6-7). */
  readonly numeroLigne: number;
  /** Codification (8-17): the reject/signalement code (table not public). */
  readonly codification: string;
  /** Libellé (18-97). */
  readonly libelle: string;
}

/** 294 Ligne rejet (detailed reject). */
export interface NoemieRejet extends NoemieEntityBase {
  readonly entity: '294';
  /** Code rejet (6-9), table not public. */
  readonly codeRejet: string;
  /** Libellé (10-95). */
  readonly libelle: string;
  /** Niveau du rejet (96). */
  readonly niveauRejet: NiveauRejet;
  /** Part concernée (97). */
  readonly partRejet: PartRejet;
  /** Nature de prestation concernée (98-102). */
  readonly naturePrestation: string;
  /** Date des soins (103-108). */
  readonly dateSoins?: PlainDate;
  /**
   * N° exécutant (109-117): nine digits, or absent (`undefined` ↔ zeros, like every optional
   * numeric zone; `''` is not a value of this field).
   */
  readonly numeroExecutant?: string;
  /** N° de ligne (118-120). */
  readonly numeroLigne?: number;
  /** Rang du rejet (121-122). */
  readonly rangRejet?: number;
  /** Information complémentaire (123-152). */
  readonly informationComplementaire: string;
}

/** 295 Ligne commentaire. */
export interface NoemieCommentaire extends NoemieEntityBase {
  readonly entity: '295';
  /** Code commentaire (6). */
  readonly codeCommentaire: string;
  /** Commentaire (7-134). */
  readonly commentaire: string;
}

/** 990 Entité de contrôle: closes a hierarchy level with a counter and a cumulated amount. */
export interface NoemieControle extends NoemieEntityBase {
  readonly entity: '990';
  /** Identification du niveau de rupture (6-22), as written. */
  readonly identificationNiveau: string;
  /** Compteur du niveau inférieur (23-30). */
  readonly compteur: number;
  /** Cumul des montants du niveau inférieur (31-41, sign 42). */
  readonly cumulMontants: Money;
}

/** Any variable-length NOEMIE PS entity (between the 000 header and the 999 trailer). */
export type NoemieEntity =
  | NoemieMandataire
  | NoemieDestinataireReglement
  | NoemieDateComptable
  | NoemieVirement
  | NoemieLot
  | NoemieTypeRetour
  | NoemieFacture
  | NoemieFactureDetaillee
  | NoemieAssureBeneficiaire
  | NoemieAssure
  | NoemieMalade
  | NoemieNatureAssurance
  | NoemieCritereArchivage
  | NoemiePartAmo
  | NoemiePartAmc
  | NoemieActe
  | NoemieRetenue
  | NoemiePaiementForfaitaire
  | NoemieDetailPaiementForfaitaire
  | NoemieRejetSignalement
  | NoemieRejet
  | NoemieCommentaire
  | NoemieControle;

/** The 3-digit type of a variable-length entity. */
export type NoemieEntityType = NoemieEntity['entity'];

/** The entity of a given type, e.g. `NoemieEntityOf<'198'>` is {@link NoemiePartAmo}. */
export type NoemieEntityOf<T extends NoemieEntityType> = Extract<NoemieEntity, { entity: T }>;

/** A whole NOEMIE PS file: header, entities in file order, trailer. */
export interface NoemieFile {
  readonly header: NoemieEnTete;
  readonly entities: readonly NoemieEntity[];
  readonly trailer: NoemieFinFichier;
}

/**
 * One item of the streaming parser. `offset` is the 0-based byte offset, in the input, of the
 * first byte of the header, entity or trailer (an entity may span two physical records).
 * Issues travel in-band so that a file of any size is read in flat memory.
 */
export type NoemieEvent =
  | { readonly kind: 'header'; readonly offset: number; readonly header: NoemieEnTete }
  | { readonly kind: 'entity'; readonly offset: number; readonly entity: NoemieEntity }
  | { readonly kind: 'trailer'; readonly offset: number; readonly trailer: NoemieFinFichier }
  | { readonly kind: 'issue'; readonly issue: Issue };
