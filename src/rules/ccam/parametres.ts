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
}

const R322_8 = 'Code de la sécurité sociale, art. R.322-8 (décret n° 2011-201 du 21 février 2011 : actes de tarif ≥ 120 € ou de coefficient ≥ 60)';
const LIVRE_III = 'CCAM, livre III, art. III-3 B « Règles d’association » (décision UNCAM du 11 mars 2005, JORF du 30 mars 2005, modifiée)';

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
};

/** Source of the association percentages (trace). */
export const SOURCE_ASSOCIATION = LIVRE_III;
