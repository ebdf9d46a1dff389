/**
 * Parameters of CCAM pricing (modificateurs, association, DOM, 24 € participation, dental rates):
 * what the CNAM files leave out, as dated, sourced data a caller may replace
 * (`{ ...PARAMETRES_DEFAUT, ccam: { ...PARAMETRES_CCAM_DEFAUT, … } }`).
 *
 * Sources: CCAM livre III (décision UNCAM du 11 mars 2005, JORF du 30 mars 2005, art. III-3 B
 * « Règles d'association »); Code de la sécurité sociale, art. R.322-8 (version issue du décret
 * n° 2011-201 du 21 février 2011 : seuil 120 € / coefficient 60); ameli.fr « Le forfait à 24
 * euros »; arrêté du 12 octobre 2023 (JO du 14 octobre 2023, participation de l'assuré aux soins
 * dentaires : 40 %).
 */
import type { PlainDate } from '../../core/date/index';
import type { Factor, Money } from '../../core/money/index';
import { euros, percent } from '../../core/money/index';

/** A dated value (same shape as `ValeurDatee` of the rule parameters; declared here so the two files do not import each other). */
export interface ValeurDateeCcam<T> {
  /** First day, `null` when not attested. */
  readonly from: PlainDate | null;
  readonly value: T;
  readonly source: string;
}

/** A dated parameter, ascending `from`. */
export type Parametre<T> = readonly ValeurDateeCcam<T>[];

/** How several percentage modificateurs of one act combine: summed, or multiplied one after the other. */
export type CombinaisonModificateurs = 'additive' | 'compose';

/** Specialty groups named by the CCAM's modificateur conditions (chapitre 19.03). */
export type GroupeCcam = 'chirurgien' | 'orlOphtalmoStomato' | 'gynecoObstetricien' | 'anesthesiste' | 'pediatre' | 'generaliste' | 'radiologue' | 'pneumoRhumato';

/**
 * A dérogation to the non-cumul of a consultation with the technical acts done in the same time
 * (CCAM livre III, art. III-3 A): these acts' fees add to the consultation's.
 */
export interface DerogationCumul {
  /** CCAM act codes. */
  readonly actes: readonly string[];
  /** Consultation / visit letters it covers (absent: every letter of `consultations`). */
  readonly consultations?: readonly string[];
  /** Specialty codes (IR_SPE_V, 2 digits) of the médecins it covers (absent: every médecin). */
  readonly specialites?: readonly string[];
  /** Code d'association the act is billed with under the dérogation (`'2'`: 50 %), when the text sets a rate. */
  readonly codeAssociation?: string;
  /** First day, `null` when not attested (then in force at every date the tables cover). */
  readonly from: PlainDate | null;
  readonly source: string;
}

/** Consultation + technical act in the same time (CCAM livre III, art. III-3 A). */
export interface CumulConsultation {
  /** NGAP letters of the consultations and visits the rule reads. */
  readonly consultations: readonly string[];
  readonly derogations: readonly DerogationCumul[];
}

/** Parameters of CCAM pricing. */
export interface ParametresCcam {
  /**
   * How percentage modificateurs combine. Public texts do not settle it (livre III says only that
   * the association percentage applies to the tariff « majoré des modificateurs éventuels, quand
   * ils sont en pourcentage »). Default `'additive'`: tariff × (1 + Σ p).
   */
  readonly combinaison: CombinaisonModificateurs;
  /** Percentage of the tariff (including percentage modificateurs) by code d'association (livre III, art. III-3 B). */
  readonly association: Readonly<Record<string, Factor>>;
  /**
   * Coefficient applied to CCAM tariffs in the DOM. No public text retained gives one for the
   * libéraux' CCAM: default empty (no coefficient; a DOM invoice gets the warning
   * `CCAM_DOM_SANS_COEFFICIENT`). A caller who holds the text passes its dated values.
   */
  readonly coefficientDom: Parametre<Factor>;
  /** The 24 € participation (« participation forfaitaire actes lourds ») instead of the ticket modérateur. */
  readonly acteLourd: {
    /** Amount withheld. */
    readonly montant: Parametre<Money>;
    /** Tariff from which it applies (≥). */
    readonly seuil: Parametre<Money>;
  };
  /** Specialty codes (IR_SPE_V, SNDS nomenclature) of the groups the modificateur conditions name. */
  readonly groupes: Readonly<Record<GroupeCcam, readonly string[]>>;
  /**
   * Dental acts whose AMO rate stays the médecins' (70 %) when a chirurgien-dentiste bills them
   * (acts « réalisés principalement par des médecins », arrêté du 12 octobre 2023). The official
   * per-act list was not found in the public sources retained: default empty; pass CNAM's list.
   */
  readonly actesTauxMedecin: readonly string[];
  /**
   * CCAM acts at the dental rate (60 % from 15/10/2023) even when a médecin bills them (acts
   * « réalisés principalement par des chirurgiens-dentistes »), without PF. Default empty (same
   * reason); a chirurgien-dentiste's CCAM acts take the dental rate `taux.chirurgienDentiste`.
   */
  readonly actesTauxDentaire: readonly string[];
  /**
   * Consultation and technical act on the same day (livre III, art. III-3 A). Optional (added in
   * 0.3): parameter objects written before it take {@link CUMUL_CONSULTATION_DEFAUT}.
   */
  readonly cumulConsultation?: CumulConsultation;
}

const R322_8 = 'Code de la sécurité sociale, art. R.322-8 (décret n° 2011-201 du 21 février 2011 : actes de tarif ≥ 120 € ou de coefficient ≥ 60)';
const LIVRE_III = 'CCAM, livre III, art. III-3 B « Règles d’association » (décision UNCAM du 11 mars 2005, JORF du 30 mars 2005, modifiée)';

const III_3_A = 'CCAM, livre III, art. III-3 A (décision UNCAM du 11 mars 2005, JORF du 30 mars 2005, modifiée)';

/**
 * Consultation + technical act, by default: the consultation and visit letters of the NGAP
 * (arrêté du 27 mars 1972 modifié; G/VG/GS/VGS being the généralistes' C/V since 2017) and the
 * dérogations of art. III-3 A with the decisions that added them.
 */
export const CUMUL_CONSULTATION_DEFAUT: CumulConsultation = {
  consultations: ['C', 'CS', 'V', 'VS', 'G', 'VG', 'GS', 'VGS', 'APC', 'APY', 'APU', 'COE', 'CNP', 'CSC'],
  derogations: [
    { actes: ['ZBQK002'], specialites: ['13'], from: null, source: `${III_3_A}, dérogation 1 : radiographie pulmonaire et consultation, pour les pneumologues` },
    { actes: ['DEQP003'], consultations: ['C', 'CS', 'V', 'VS', 'G', 'VG', 'GS', 'VGS'], from: null, source: `${III_3_A}, dérogation 3 : électrocardiogramme et consultation ou visite (C ou CS, V ou VS)` },
    { actes: ['PAQK007'], specialites: ['14', '31'], from: null, source: `${III_3_A}, dérogation ajoutée par décision UNCAM de juin 2006 : ostéodensitométrie sur 2 sites et consultation, pour les rhumatologues et les médecins de médecine physique et de réadaptation` },
    { actes: ['QZHA001', 'QZHA005'], specialites: ['05'], codeAssociation: '2', from: null, source: `${III_3_A}, dérogation ajoutée par décision UNCAM de décembre 2011 : biopsie dermoépidermique ou des tissus souscutanés et consultation, pour les dermatologues (consultation à taux plein, acte à 50 %)` },
    { actes: ['JKHD001'], from: '2017-07-01' as PlainDate, source: `${III_3_A}, dérogation en vigueur au 1er juillet 2017 : prélèvement cervicovaginal à taux plein et consultation` },
  ],
};

/** Default CCAM parameters. */
export const PARAMETRES_CCAM_DEFAUT: ParametresCcam = {
  combinaison: 'additive',
  association: {
    // 1: the act of highest tariff, at full rate; 2: the second at 50 %; 3: 75 % (chirurgie on different limbs, trunk and limb, head and limb);
    // 4 and 5: full-rate dérogations of art. III-3 B (e.g. acts performed at different times of the same day).
    '1': percent(100),
    '2': percent(50),
    '3': percent(75),
    '4': percent(100),
    '5': percent(100),
  },
  coefficientDom: [],
  acteLourd: {
    montant: [
      { from: '2011-02-24' as PlainDate, value: euros('18.00'), source: R322_8 },
      { from: '2019-01-01' as PlainDate, value: euros('24.00'), source: 'Participation de 24 € depuis le 01/01/2019 (ameli.fr « Le forfait à 24 euros »); Code de la sécurité sociale, art. R.322-8' },
    ],
    seuil: [{ from: '2011-02-24' as PlainDate, value: euros('120.00'), source: R322_8 }],
  },
  groupes: {
    chirurgien: ['04', '10', '16', '41', '43', '44', '45', '46', '47', '48', '49'],
    orlOphtalmoStomato: ['11', '15', '18'],
    gynecoObstetricien: ['07', '77', '79'],
    anesthesiste: ['02'],
    pediatre: ['12'],
    generaliste: ['01', '22', '23'],
    radiologue: ['06'],
    pneumoRhumato: ['13', '14'],
  },
  actesTauxMedecin: [],
  actesTauxDentaire: [],
  cumulConsultation: CUMUL_CONSULTATION_DEFAUT,
};

/** Source of the association percentages (trace). */
export const SOURCE_ASSOCIATION = LIVRE_III;
