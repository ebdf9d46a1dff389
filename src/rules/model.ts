/**
 * Input and output types of the pricing engine (`computeFacture`): one invoice (facture) of one
 * PS for one bénéficiaire, priced act by act and split AMO / AMC / patient, with a trace.
 *
 * The shapes follow what an FSE / B2 invoice needs (Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements type 2 and type 4 records,
 * §2.4 nature d'assurance and IPS, §6.4–6.8 rule data). French names for spec entities and
 * fields (ASCII camelCase), English glosses in the TSDoc.
 */
import type { PlainDate } from '../core/date/index';
import type { Factor, Money } from '../core/money/index';

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

/**
 * Profession of the PS (health professional). Drives the AMO rate family (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): 70 %
 * médecins / sages-femmes / dentistes, 60 % auxiliaires) and PF / franchise applicability
 * (§6.6: PF for médecins only; franchise paramédicale for auxiliaires).
 * `pharmacien` and `transporteur` exist for médicament / transport lines of caller-loaded tables.
 * `psychologue`: séances « Mon soutien psy » (CSS L.162-58): 60 %, no PF nor franchise.
 */
export type Profession =
  | 'medecin'
  | 'sageFemme'
  | 'chirurgienDentiste'
  | 'infirmier'
  | 'masseurKinesitherapeute'
  | 'orthophoniste'
  | 'orthoptiste'
  | 'pedicurePodologue'
  | 'pharmacien'
  | 'transporteur'
  | 'psychologue';

/** Secteur conventionnel (convention sector): 1, 2 non-OPTAM, or 2 adhering to OPTAM. */
export type Secteur = '1' | '2' | '2-optam';

/** Zone tarifaire (tariff zone): metropolitan France or overseas départements (DOM). */
export type Zone = 'metropole' | 'dom';

/**
 * Nature d'assurance (insurance branch) of the invoice, B2 type 2 pos 77-78 (Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements):
 * `10` maladie, `13` maladie régime local Alsace-Moselle, `30` maternité, `41` AT/MP
 * (accident du travail / maladie professionnelle), `90` prévention.
 */
export type NatureAssurance = '10' | '13' | '30' | '41' | '90';

/**
 * Indicateur de parcours de soins (IPS, care-pathway indicator, Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de gestion):
 * `T` médecin traitant, `N` nouveau MT, `R` MT de substitution, `H` hors résidence,
 * `D` accès direct spécifique, `O` orienté par le MT, `M` orienté par un autre médecin,
 * `U` urgence, `A` acte D.162-1-6 CSS (non concerné), `S` hors parcours (sans orientation),
 * `''` (blank) exclu du parcours.
 */
export type Parcours = 'T' | 'N' | 'R' | 'H' | 'D' | 'O' | 'M' | 'U' | 'A' | 'S' | '';

/**
 * SESAM-Vitale « situation parcours de soins » code as PMS screens show it (`'01'` exclusion …
 * `'13'` non-respect du parcours), mapped to a {@link Parcours} letter by `PARCOURS_SESAM`.
 */
export type CodeParcoursSesam = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';

/** Lieu de l'acte (place of care). */
export type LieuActe = 'cabinet' | 'domicile';

/**
 * Motif de dépassement (reason for billing above the tariff) for a secteur 1 PS:
 * `DE` exigence particulière du patient, `DA` dépassement autorisé hors parcours (Code de la sécurité sociale, art. L.162-5-3 (parcours de soins coordonnés)).
 * Secteur 2 / OPTAM dépassements need no motif.
 */
export type MotifDepassement = 'DE' | 'DA';

/**
 * Destinataire du règlement (who receives the payment), B2 type 2 pos 115-116 (Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements):
 * `00` hors tiers payant (patient pays, is reimbursed), `05` tiers payant part AMO,
 * `15` tiers payant intégral (AMO + AMC), `25` tiers payant part AMC seule.
 */
export type DestinataireReglement = '00' | '05' | '15' | '25';

/**
 * Motif d'exonération du ticket modérateur (why AMO pays 100 % of the base).
 * `ald` affection de longue durée (acte en rapport), `maternite` assurance maternité,
 * `atmp` accident du travail / maladie professionnelle, `invalidite` pension d'invalidité,
 * `ame` aide médicale de l'État, `prevention` nature d'assurance prévention, `menopause`
 * consultation de la ménopause (45–65 ans) at 100 % (loi n° 2025-1403 du 30 décembre 2025, LFSS 2026).
 */
export type MotifExoneration = 'ald' | 'maternite' | 'atmp' | 'invalidite' | 'ame' | 'prevention' | 'menopause';

/**
 * Justification d'exonération du TM, B2 type 2 pos 79 (Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de gestion): `0` none, `4` soins
 * conformes au protocole ALD. Other letters of §2.4 (1, 3, 6, 9, C) are not produced by the
 * engine (maternité and AT/MP are carried by the nature d'assurance).
 */
export type JustificationExoneration = '0' | '4';

/**
 * Why no participation forfaitaire / franchise is withheld on a line (Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024):
 * `mineur` under 18, `c2s`, `ame`, `maternite` (6th month to 12 days post-partum, or nature
 * d'assurance maternité), `pensionMilitaire`, `professionNonConcernee` (PF: not for sages-femmes,
 * dentistes, auxiliaires), `pasUnActe` (majorations, frais de déplacement, IK are not acts),
 * `hospitalisation` (acts during a hospital stay, `FactureInput.sejour`).
 */
export type MotifExemptionPf =
  | 'mineur'
  | 'c2s'
  | 'ame'
  | 'maternite'
  | 'pensionMilitaire'
  | 'professionNonConcernee'
  | 'pasUnActe'
  | 'hospitalisation';

/** Kind of franchise médicale (Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024). */
export type FranchiseKind = 'paramedical' | 'transport' | 'medicament';

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** Professionnel de santé (the billing health professional). */
export interface ProfessionnelSante {
  /** N° de facturation PS (AM billing number, 8 digits + Luhn key). Passed through; not used by rules. */
  readonly numeroFacturation?: string;
  /** Profession (nature d'activité family). */
  readonly profession: Profession;
  /** Code spécialité (specialty code, IR_SPE_V, e.g. `'01'` médecine générale). */
  readonly specialite: string;
  /** Secteur conventionnel (convention sector). */
  readonly secteur: Secteur;
  /** Zone tarifaire (tariff zone). */
  readonly zone: Zone;
  /** Whether the PS is the patient's declared médecin traitant (GP of record). Informative; the IPS carries the rule. */
  readonly medecinTraitant?: boolean;
}

/** Maternité (pregnancy) data of the bénéficiaire. At least one date is needed to place the 6th month. */
export interface Maternite {
  /** Date de début de grossesse (pregnancy start). Preferred to place the 6th month. */
  readonly dateDebutGrossesse?: PlainDate;
  /** Date d'accouchement prévue (expected delivery date). */
  readonly dateAccouchementPrevue?: PlainDate;
  /** Date d'accouchement (actual delivery date), ends the period 12 days later. */
  readonly dateAccouchement?: PlainDate;
}

/** Accident du travail / maladie professionnelle (work accident / occupational disease). */
export interface AccidentTravail {
  /** N° d'AT/MP (claim number) as issued by the caisse. */
  readonly numero: string;
  /** Date de l'accident or de la première constatation (date of the accident). */
  readonly date: PlainDate;
}

/** Bénéficiaire des soins (the patient) as far as pricing needs. */
export interface Beneficiaire {
  /** Date de naissance (birth date). Drives the under-16 parcours rule and the under-18 PF exemption. */
  readonly dateNaissance: PlainDate;
  /** Qualité (relationship to the assuré, e.g. `'00'` assuré). Passed through. */
  readonly qualite?: string;
  /** Rang de naissance (birth rank for twins). Passed through. */
  readonly rangNaissance?: number;
  /** Complémentaire santé solidaire (C2S, ex CMU-C): tiers payant AMO + AMC, no PF / franchises. */
  readonly c2s?: boolean;
  /** Aide médicale de l'État (AME): full tiers payant, 100 %, no PF / franchises. */
  readonly ame?: boolean;
  /** Holds an ALD exonération (long-term illness); lines opt in with `enRapportAld`. */
  readonly ald?: boolean;
  /** Pregnancy data (maternité). */
  readonly maternite?: Maternite;
  /** AT/MP data; required with nature d'assurance `41`. */
  readonly atmp?: AccidentTravail;
  /** Other exonérations (exemptions): `invalidite` (100 %), `pensionMilitaire` (no PF / franchises). */
  readonly exonerations?: readonly ('invalidite' | 'pensionMilitaire')[];
  /** Grand régime code (`'01'` RG …, Nomenclatures du SNDS (CNAM / Health Data Hub, Licence Ouverte 2.0)). Passed through. */
  readonly regime?: string;
}

/**
 * One line of the invoice: an act (NGAP letter key × coefficient, CCAM code, LPP code) or a
 * majoration / frais de déplacement.
 */
export interface LigneActe {
  /** Code acte (act code): NGAP letter key (`'G'`, `'AMI'`, `'IFD'`), CCAM (`'DEQP003'`), LPP (7 digits). */
  readonly code: string;
  /** Date de l'acte (date of care, `dateExecution`); chooses the tariff row. */
  readonly date: PlainDate;
  /** Quantité (number of identical acts), a positive integer. */
  readonly quantite: number;
  /** Coefficient of the NGAP letter key (e.g. `'1.5'` for AMI 1,5), decimal string or Factor; default 1. */
  readonly coefficient?: string | Factor;
  /** Montant facturé (honoraires billed, whole line) when above the tariff (dépassement); default the tariff. */
  readonly montantFacture?: Money;
  /**
   * Consultation this line belongs to, when one fee covers several codes (CS + MCS, G + MEG): give
   * the same `groupe` to the lines and the fee of the whole consultation as `montantFacture` on ONE
   * of them; each code is priced at its tariff and the dépassement is placed on the act (not on a
   * majoration). Two fees in one group: `RULES_GROUPE_MONTANT`.
   */
  readonly groupe?: string;
  /** Motif de dépassement for a secteur 1 PS. */
  readonly motifDepassement?: MotifDepassement;
  /** Acte en rapport avec l'ALD (care related to the long-term illness), AMO 100 %. */
  readonly enRapportAld?: boolean;
  /** Lieu de l'acte (place). Informative. */
  readonly lieu?: LieuActe;
  /** CCAM code activité (`'1'`…`'5'`, default `'1'`). */
  readonly activite?: string;
  /** CCAM code phase (default `'0'`). */
  readonly phase?: string;
  /** CCAM modificateurs (modifier letters). */
  readonly modificateurs?: readonly string[];
  /**
   * CCAM code d'association (`'1'` acte principal, `'2'` second acte at 50 %, `'3'` 75 %, `'4'`,
   * `'5'` full-rate dérogations; CCAM livre III art. III-3 B). Absent = an act alone (100 %).
   */
  readonly codeAssociation?: string;
}

/** Hospital stay (séjour) the invoice belongs to: no PF during a stay, the 24 € participation once per stay. */
export interface Sejour {
  /** Identifier of the stay (caller's own). */
  readonly id: string;
  /** The 24 € participation was already withheld for this stay (on an earlier invoice). */
  readonly participationActeLourdPayee?: boolean;
}

/**
 * Garantie AMC (complementary insurer's cover) as declared by the caller (from the Vitale card,
 * an attestation, ADRi/IDB/CLC answer). The AMC never pays the PF or franchises and never more
 * than what remains after AMO.
 */
export interface GarantieAmc {
  /**
   * Formule (how the cover is expressed):
   * `ticketModerateur` a share of the TM (`pourcentage`, default 100 %);
   * `pourcentageBr` AMO + AMC together reach `pourcentage` of the base (e.g. 200 % BR covers
   * dépassements up to one base);
   * `forfait` a fixed amount per line.
   */
  readonly formule: 'ticketModerateur' | 'pourcentageBr' | 'forfait';
  /** Percentage as a decimal string (`'100'`, `'150'`) for `ticketModerateur` / `pourcentageBr`. */
  readonly pourcentage?: string;
  /** Amount per line for `forfait`. */
  readonly forfait?: Money;
  /** Plafond (ceiling) of the AMC total for the invoice. */
  readonly plafond?: Money;
  /** Whether dépassements are covered with the `ticketModerateur` formula (default false). */
  readonly couvreDepassement?: boolean;
  /** Contrat responsable (default true): dépassement cover within the parameters of `ParametresRegles.contratResponsable`. */
  readonly contratResponsable?: boolean;
  /** N° d'organisme complémentaire (AMC number). Passed through. */
  readonly numeroAmc?: string;
}

/** Year-to-date PF / franchises already withheld for the bénéficiaire (civil year). */
export interface CumulAnnuel {
  /** Civil year (e.g. 2025). */
  readonly annee: number;
  /** Participations forfaitaires already withheld this year. */
  readonly participationForfaitaire: Money;
  /** Franchises médicales already withheld this year (all kinds, one cap). */
  readonly franchises: Money;
}

/** Amounts already withheld on one day (same PS for PF and franchise paramédicale, as the caller scopes them). */
export interface CumulJournalier {
  /** The day. */
  readonly date: PlainDate;
  /** PF already withheld that day for the same PS. */
  readonly participationForfaitaire: Money;
  /** Franchise paramédicale already withheld that day. */
  readonly franchiseParamedical?: Money;
  /** Franchise transport already withheld that day. */
  readonly franchiseTransport?: Money;
}

/** Historique (history) of withheld PF / franchises, as input: the engine is pure. */
export interface Historique {
  /** Year-to-date totals, one entry per civil year (absent year = zero). */
  readonly cumulsAnnuels?: readonly CumulAnnuel[];
  /** Same-day totals, one entry per date (absent date = zero). */
  readonly cumulsJournaliers?: readonly CumulJournalier[];
}

/** Tiers payant (third-party payment) requested by the caller, on top of the legal obligations. */
export interface PreferenceTiersPayant {
  /** Ask for tiers payant on the AMO part. */
  readonly amo?: boolean;
  /** Ask for tiers payant on the AMC part. */
  readonly amc?: boolean;
}

/** The invoice to price: one PS, one bénéficiaire, one nature d'assurance, one parcours (Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de gestion). */
export interface FactureInput {
  /** Date de facturation (billing date); no line may be later. */
  readonly dateFacturation: PlainDate;
  /** The billing PS. */
  readonly ps: ProfessionnelSante;
  /** The patient. */
  readonly beneficiaire: Beneficiaire;
  /** Nature d'assurance (default `'10'`). */
  readonly natureAssurance?: NatureAssurance;
  /**
   * Indicateur de parcours de soins: a B2 IPS letter or the SESAM-Vitale situation code `'01'`–`'13'`
   * PMS screens show (mapped by `PARCOURS_SESAM`). Required for a médecin (`RULES_PARCOURS_MANQUANT`:
   * a forgotten hors-parcours patient must not be paid at 70 %); other professions' lines do not
   * depend on it (absent = blank IPS).
   */
  readonly parcours?: Parcours | CodeParcoursSesam;
  /** Lignes (acts), at least one. */
  readonly lignes: readonly LigneActe[];
  /** Garantie AMC, when the patient has a complementary insurer (ignored under C2S). */
  readonly amc?: GarantieAmc;
  /** PF / franchises already withheld. */
  readonly historique?: Historique;
  /** Tiers payant asked by the caller. */
  readonly tiersPayant?: PreferenceTiersPayant;
  /** Hospital stay context, when the acts are performed during one. */
  readonly sejour?: Sejour;
  /**
   * The acts / products of this invoice were prescribed by a médecin non conventionné (secteur 3):
   * from 2027-01-01 they are not reimbursed (`RULES_PRESCRIPTEUR_NON_CONVENTIONNE`; LFSS 2026, CSS
   * L.162-5-10). Absent = not known to be so.
   */
  readonly prescripteurNonConventionne?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/**
 * One step of the explanation trace. Every amount-changing decision leaves one step.
 */
export interface TraceStep {
  /** Stable rule id (`'tarif'`, `'taux.ald'`, `'pf.cap-annuel'` …), public API. */
  readonly rule: string;
  /** Index of the line in `FactureInput.lignes`, absent for invoice-level steps. */
  readonly line?: number;
  /** The inputs the rule looked at, as text. */
  readonly inputs: Readonly<Record<string, string>>;
  /** What the rule decided, as text. */
  readonly result: string;
  /** The amount the rule produced, when it produced one. */
  readonly amount?: Money;
  /** Spec or legal reference (public text, table source). */
  readonly source: string;
}

/**
 * The amounts of a line or of the whole invoice, named after the public vocabulary (ameli,
 * service-public: see docs/glossary.md). Identities:
 * `baseRemboursement = partAmo + ticketModerateur`;
 * `rembourseAmo = partAmo − participationForfaitaire − franchise` (never below zero);
 * `montantFacture = rembourseAmo + partAmc + resteAChargePatient`;
 * `montantFacture = baseRemboursement + depassement`.
 */
export interface MontantsDecompte {
  /** Montant facturé (billed: honoraires, base + dépassement). */
  readonly montantFacture: Money;
  /** Base de remboursement (BR, « tarif de convention »: the tariff, or the secteur 2 base). */
  readonly baseRemboursement: Money;
  /** Part AMO before PF / franchises (« montant remboursable »): base × taux, halfUp to the centime. */
  readonly partAmo: Money;
  /** Ticket modérateur (TM): the share of the base the AMO does not pay, base − partAmo (CSS L.160-13 I). */
  readonly ticketModerateur: Money;
  /** Participation forfaitaire withheld (CSS L.160-13 II). */
  readonly participationForfaitaire: Money;
  /** Franchise médicale withheld (CSS L.160-13 III). */
  readonly franchise: Money;
  /** « Remboursé » by the AMO (what the assurance maladie pays in the end): partAmo − PF − franchise. */
  readonly rembourseAmo: Money;
  /**
   * Same amount as `rembourseAmo`.
   * @deprecated Since 0.3: use `rembourseAmo` (the public « remboursé »); kept for 0.2.x callers.
   */
  readonly netAmo: Money;
  /** Part AMC (complementary insurer's share: TM and covered dépassement, never PF / franchises). */
  readonly partAmc: Money;
  /** « Reste à charge » of the patient, as public examples count it: billed − remboursé AMO − AMC, PF and franchises included. */
  readonly resteAChargePatient: Money;
  /**
   * What the patient bears EXCLUDING PF and franchises (montantFacture − partAmo − partAmc).
   * @deprecated Since 0.3: misleading against the public « reste à charge »; use `resteAChargePatient`. Kept for 0.2.x callers.
   */
  readonly resteACharge: Money;
  /** Dépassement (billed above the base; outside the base). */
  readonly depassement: Money;
  /**
   * Participation « actes lourds » (24 € on acts of tariff ≥ 120 €, Code de la sécurité sociale,
   * art. R.322-8) left to the patient instead of the ticket modérateur: part of `resteACharge`
   * (AMO pays base − participation). Zero when none.
   */
  readonly participationActeLourd: Money;
}

/** One priced line. */
export interface LigneDecompte extends MontantsDecompte {
  /** Index of the line in the input. */
  readonly index: number;
  /** Code acte. */
  readonly code: string;
  /** Date de l'acte. */
  readonly date: PlainDate;
  /** Quantité. */
  readonly quantite: number;
  /** Coefficient applied. */
  readonly coefficient: Factor;
  /** Prix unitaire (unit price of the letter key or act at the date). */
  readonly prixUnitaire: Money;
  /** Taux AMO applied (AMO rate). */
  readonly taux: Factor;
  /** Why the TM is waived (100 %), or null. */
  readonly exoneration: MotifExoneration | null;
  /** B2 justification d'exonération (type 2 pos 79). */
  readonly justificationExoneration: JustificationExoneration;
  /** Why no PF / franchise was withheld, or null when one could apply. */
  readonly exemptionPf: MotifExemptionPf | null;
  /** Kind of franchise the line is subject to, or null. */
  readonly franchiseKind: FranchiseKind | null;
  /** Source of the tariff row used. */
  readonly sourceTarif: string;
}

/** The result of pricing one invoice. */
export interface Decompte {
  /** The priced lines, in input order. */
  readonly lignes: readonly LigneDecompte[];
  /** The invoice totals (sum of lines). */
  readonly total: MontantsDecompte;
  /**
   * What the patient bears in the end: the same amount as `total.resteAChargePatient`.
   * @deprecated Since 0.3: use `total.resteAChargePatient`; kept for 0.2.x callers.
   */
  readonly chargePatient: Money;
  /** À encaisser auprès du patient (to collect at the desk): billed minus the parts paid by tiers payant; PF / franchises in tiers payant are recovered later by the caisse. */
  readonly aEncaisserPatient: Money;
  /** Tiers payant on the AMO part. */
  readonly tiersPayantAmo: boolean;
  /** Tiers payant on the AMC part. */
  readonly tiersPayantAmc: boolean;
  /** B2 destinataire du règlement (type 2 pos 115-116). */
  readonly destinataireReglement: DestinataireReglement;
  /** Nature d'assurance applied. */
  readonly natureAssurance: NatureAssurance;
  /** Parcours applied (the IPS letter; a SESAM-Vitale code of the input is mapped). */
  readonly parcours: Parcours;
  /** Invoice-level B2 justification d'exonération (lifted when all lines share it, Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de gestion). */
  readonly justificationExoneration: JustificationExoneration;
  /**
   * Versions of the tables and parameters that priced the invoice (issue #11 §4), in load order:
   * `['ngap-medecins-2025.12', 'ngap-auxiliaires-2025.12', 'CCAM V78', 'CCAM V81', 'parametres-2025.12']`.
   */
  readonly versions: readonly string[];
  /** Explanation trace (empty when `trace: false`). */
  readonly trace: readonly TraceStep[];
}
