/**
 * Dated rule parameters: AMO rates, participation forfaitaire, franchises, caps, age limits.
 *
 * Sources: Code de la sécurité sociale (L.160-13, L.162-5-3, L.162-58, R.871-2), décret n° 2007-1937
 * du 26 décembre 2007 (franchises 2008), décrets n° 2024-113 et 2024-114 du 16 février 2024 (JO du
 * 17 février 2024), décision UNCAM du 21 mars 2024, convention médicale 2024 (arrêté du 20 juin 2024).
 * Version: 2026-12. Date: 2026-12-02.
 *
 * Each value is a list of `{ from, value, source }` in ascending order; `from: null` = in force
 * before any date the library prices (rates only). A date before the first value is not "no value":
 * pricing raises `RULES_PARAMETRE_DATE` (a cap is never silently off). Doubts are written in the
 * `source` of the value (they show in the trace).
 */
import type { PlainDate } from '../../core/date/index';
import type { Factor, Money } from '../../core/money/index';
import { euros, percent } from '../../core/money/index';
import type { ParametresCcam } from '../ccam/parametres';

/** A value that changes with time. */
export interface ValeurDatee<T> {
  /** First day of validity, `null` when not attested. */
  readonly from: PlainDate | null;
  /** The value. */
  readonly value: T;
  /** Source, with doubts. */
  readonly source: string;
}

/** A dated parameter: values in ascending `from` order. */
export type Parametre<T> = readonly ValeurDatee<T>[];

/** Amount and daily cap of one franchise kind. */
export interface FranchiseParametre {
  /** Amount per unit (act, box, trip). */
  readonly montant: Money;
  /** Daily cap; `null` only where the text sets none (médicaments), never for « unknown ». */
  readonly plafondJour: Money | null;
}

/**
 * Consultation de la ménopause at 100 % AMO (LFSS 2026): the public texts do not yet name the
 * act code nor the start date, so both are parameters (default: no code, no start: the rule is
 * inert until the caller sets them).
 */
export interface ConsultationMenopause {
  /** Codes of the consultation (NGAP / CCAM), once published. */
  readonly codes: readonly string[];
  /** Ages (completed years at the act date), inclusive. */
  readonly ageMin: number;
  readonly ageMax: number;
  /** First day in force, `null` = not in force (unknown). */
  readonly debut: PlainDate | null;
  readonly source: string;
}

/** Rules of the LFSS 2026 (loi n° 2025-1403 du 30 décembre 2025, JO du 31 décembre 2025). */
export interface ReglesLfss2026 {
  /** Tiers payant on the AMO part for the séances Mon soutien psy, by date. */
  readonly tiersPayantAmoPsychologue: Parametre<boolean>;
  /** Acts / products prescribed by a médecin non conventionné (secteur 3) excluded from reimbursement, by date. */
  readonly prescriptionNonConventionneExclue: Parametre<boolean>;
  readonly consultationMenopause: ConsultationMenopause;
}

/** All rule parameters (pass a modified copy as `options.parametres`). */
export interface ParametresRegles {
  readonly version: string;
  /** AMO rates by family (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré)). */
  readonly taux: {
    readonly medecin: Parametre<Factor>;
    readonly sageFemme: Parametre<Factor>;
    readonly chirurgienDentiste: Parametre<Factor>;
    readonly auxiliaire: Parametre<Factor>;
    readonly horsParcours: Parametre<Factor>;
    readonly exonere: Parametre<Factor>;
    readonly prevention: Parametre<Factor>;
    /** Séances de psychologue (Mon soutien psy, CSS L.162-58): 60 %. Optional for parameter objects written before 0.3. */
    readonly psychologue?: Parametre<Factor>;
  };
  /** Participation forfaitaire (Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024). */
  readonly pf: {
    readonly montant: Parametre<Money>;
    readonly plafondJour: Parametre<Money>;
    readonly plafondAnnuel: Parametre<Money>;
  };
  /** Franchises médicales (Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024). */
  readonly franchise: {
    readonly paramedical: Parametre<FranchiseParametre>;
    readonly transport: Parametre<FranchiseParametre>;
    readonly medicament: Parametre<FranchiseParametre>;
    readonly plafondAnnuel: Parametre<Money>;
  };
  /** PF / franchise exemption below this age (Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024: under 18). */
  readonly ageExemptionPf: number;
  /** How the age limit is read: `anniversaire` (age at the act date) or `premierJanvier` (age reached in the year). */
  readonly ageExemptionPfRegle: 'anniversaire' | 'premierJanvier';
  /** No hors-parcours penalty below this age (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): under 16). */
  readonly ageSansPenaliteParcours: number;
  /** Spécialités outside the parcours rules (Code de la sécurité sociale, art. L.162-5-3 (parcours de soins coordonnés): spécialité 38). */
  readonly specialitesHorsParcours: readonly string[];
  /**
   * Dépassement autorisé (DA) of a secteur 1 médecin seen hors parcours: the most billed is the
   * in-parcours tariff × (1 + this rate) (CSS L.162-5-3; convention médicale: 17,5 %). Dated; a
   * bare Factor (0.2.x shape, deprecated) is read as in force at every date.
   */
  readonly depassementAutoriseMax: Parametre<Factor> | Factor;
  /** Maternité period: from the first day of this pregnancy month … (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): 6th month). */
  readonly materniteMoisDebut: number;
  /** … to this many days after delivery (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): 12 days). */
  readonly materniteJoursApres: number;
  /** CCAM pricing parameters (modificateurs, association, DOM, 24 € participation); absent = `PARAMETRES_CCAM_DEFAUT`. */
  readonly ccam?: ParametresCcam;
  /**
   * Contrat responsable limits on AMC dépassement cover, as a share of the base (CSS R.871-2),
   * dated; a value `null` = the text sets no limit. A bare `Factor | null` (0.2.x shape,
   * deprecated) is read as in force at every date.
   */
  readonly contratResponsable: {
    readonly plafondDepassementNonOptam: Parametre<Factor | null> | Factor | null;
    readonly plafondDepassementOptam: Parametre<Factor | null> | Factor | null;
  };
  /** LFSS 2026 rules; optional for parameter objects written before 0.3 (the defaults apply). */
  readonly lfss2026?: ReglesLfss2026;
}

const CSS_TM = 'Code de la sécurité sociale, art. L.160-13 I et R.160-5 (participation de l’assuré, ticket modérateur)';
/** The PF: CSS L.160-13 II (created by the loi n° 2004-810 du 13 août 2004 relative à l’assurance maladie, as L.322-2 II). */
const PF_LOI = 'Code de la sécurité sociale, art. L.160-13 II (participation forfaitaire ; loi n° 2004-810 du 13 août 2004 relative à l’assurance maladie, en vigueur le 1er janvier 2005)';
const PF_2024 = 'Décret n° 2024-113 du 16 février 2024 relatif à la participation forfaitaire (JO du 17 février 2024 : montant entre 2 € et 3 €) ; décision de l’UNCAM du 21 mars 2024 fixant la participation à 2 € à compter du 15 mai 2024';
/** The franchises of 2008: décret n° 2007-1937 du 26 décembre 2007, CSS art. D.322-5 to D.322-7 at the time (LFSS 2008, loi n° 2007-1786 du 19 décembre 2007). */
const FR_2008 = 'Décret n° 2007-1937 du 26 décembre 2007 relatif à l’application de la franchise prévue au III de l’article L. 322-2 du code de la sécurité sociale (art. D.322-5 à D.322-7 : montants, plafond annuel, plafonds journaliers), en vigueur le 1er janvier 2008 (loi n° 2007-1786 du 19 décembre 2007 de financement de la sécurité sociale pour 2008)';
const FR_2024 = 'Décret n° 2024-114 du 16 février 2024 relatif à la participation des assurés aux frais de santé en application des II et III de l’article L. 160-13 du code de la sécurité sociale (JO du 17 février 2024), en vigueur le 31 mars 2024';
const DA = 'Code de la sécurité sociale, art. L.162-5-3 (parcours de soins coordonnés : dépassement autorisé plafonné fixé par la convention) ; convention nationale des médecins libéraux (arrêté du 20 juin 2024, JO du 21 juin 2024), reprenant le plafond de 17,5 % du tarif du parcours des conventions antérieures ; valeur en vigueur au 1er janvier 2023 (date d’origine antérieure, non retenue)';
const LFSS_2026 = 'Loi n° 2025-1403 du 30 décembre 2025 de financement de la sécurité sociale pour 2026 (JO du 31 décembre 2025)';
const CR = 'Code de la sécurité sociale, art. R.871-2 (contrat responsable : prise en charge des dépassements des médecins non adhérents à un dispositif de pratique tarifaire maîtrisée limitée à 100 % du tarif de responsabilité ; décret n° 2014-1374 du 18 novembre 2014, palier de 100 % à compter du 1er janvier 2017)';

/** Default parameters (each value cites its official text; doubts are written in its source). */
export const PARAMETRES_DEFAUT: ParametresRegles = {
  version: 'parametres-2026.12',
  taux: {
    medecin: [{ from: null, value: percent(70), source: `${CSS_TM} : honoraires des médecins 70 % (début antérieur à la période de facturation)` }],
    sageFemme: [{ from: null, value: percent(70), source: `${CSS_TM} : honoraires des sages-femmes 70 %` }],
    chirurgienDentiste: [
      { from: null, value: percent(70), source: `${CSS_TM} : honoraires des chirurgiens-dentistes 70 %` },
      { from: '2023-10-15' as PlainDate, value: percent(60), source: 'Arrêté du 12 octobre 2023 (JO du 14 octobre 2023) : participation de l’assuré de 40 % sur les honoraires des chirurgiens-dentistes et les soins dentaires (service-public.fr A16852)' },
    ],
    auxiliaire: [{ from: null, value: percent(60), source: `${CSS_TM} : actes des auxiliaires médicaux 60 %` }],
    horsParcours: [{ from: null, value: percent(30), source: 'Code de la sécurité sociale, art. L.162-5-3 (majoration de la participation de l’assuré hors parcours de soins coordonnés) : taux de 30 % pour les consultations hors parcours (début antérieur à la période de facturation)' }],
    exonere: [{ from: null, value: percent(100), source: 'Code de la sécurité sociale, art. L.160-14 (exonérations du ticket modérateur : ALD, maternité, invalidité) et L.431-1 (AT/MP, tarif de responsabilité)' }],
    prevention: [{ from: null, value: percent(100), source: 'Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), nature d’assurance 90 (prévention) : taux absent des sources publiques retenues, paramètre par défaut 100 % à confirmer' }],
    psychologue: [{ from: '2022-04-05' as PlainDate, value: percent(60), source: 'Code de la sécurité sociale, art. L.162-58 (séances d’accompagnement psychologique, loi n° 2021-1754 du 23 décembre 2021, art. 79) ; décret n° 2022-195 du 17 février 2022 : prise en charge à 60 % (dispositif Mon soutien psy)' }],
  },
  pf: {
    montant: [
      { from: '2005-01-01' as PlainDate, value: euros('1.00'), source: `${PF_LOI} : 1 €` },
      { from: '2024-05-15' as PlainDate, value: euros('2.00'), source: PF_2024 },
    ],
    plafondJour: [
      { from: '2005-01-01' as PlainDate, value: euros('4.00'), source: `${PF_LOI} : au plus quatre participations par jour pour un même professionnel (4 € à 1 €)` },
      {
        from: '2024-05-15' as PlainDate,
        value: euros('4.00'),
        source: `${PF_2024} ; plafond journalier : 4 € par jour et par professionnel selon les pages des CPAM (ameli.fr), 8 € (4 participations × 2 €) selon d’autres lectures — paramètre, 4 € par défaut, à vérifier contre l’article réglementaire en vigueur`,
      },
    ],
    plafondAnnuel: [{ from: '2005-01-01' as PlainDate, value: euros('50.00'), source: `${PF_LOI} : 50 € par année civile (maintenu à 50 € en 2024, décret n° 2024-113 du 16 février 2024)` }],
  },
  franchise: {
    paramedical: [
      { from: '2008-01-01' as PlainDate, value: { montant: euros('0.50'), plafondJour: euros('2.00') }, source: `${FR_2008} : 0,50 € par acte d’auxiliaire médical, 2 € par jour` },
      { from: '2024-03-31' as PlainDate, value: { montant: euros('1.00'), plafondJour: euros('4.00') }, source: `${FR_2024} : 1 € par acte, 4 € par jour` },
    ],
    transport: [
      { from: '2008-01-01' as PlainDate, value: { montant: euros('2.00'), plafondJour: euros('4.00') }, source: `${FR_2008} : 2 € par trajet, 4 € par jour` },
      { from: '2024-03-31' as PlainDate, value: { montant: euros('4.00'), plafondJour: euros('8.00') }, source: `${FR_2024} : 4 € par trajet, 8 € par jour` },
    ],
    medicament: [
      { from: '2008-01-01' as PlainDate, value: { montant: euros('0.50'), plafondJour: null }, source: `${FR_2008} : 0,50 € par boîte ; le texte ne fixe pas de plafond journalier` },
      { from: '2024-03-31' as PlainDate, value: { montant: euros('1.00'), plafondJour: null }, source: `${FR_2024} : 1 € par boîte ; pas de plafond journalier` },
    ],
    plafondAnnuel: [{ from: '2008-01-01' as PlainDate, value: euros('50.00'), source: `${FR_2008} : 50 € par année civile, distinct de celui de la participation forfaitaire (inchangé en 2024)` }],
  },
  ageExemptionPf: 18,
  ageExemptionPfRegle: 'anniversaire',
  ageSansPenaliteParcours: 16,
  specialitesHorsParcours: ['38'],
  depassementAutoriseMax: [{ from: '2023-01-01' as PlainDate, value: percent('17.5'), source: DA }],
  materniteMoisDebut: 6,
  materniteJoursApres: 12,
  contratResponsable: {
    plafondDepassementNonOptam: [{ from: '2017-01-01' as PlainDate, value: percent(100), source: CR }],
    plafondDepassementOptam: [{ from: '2017-01-01' as PlainDate, value: null, source: `${CR} ; pour les médecins adhérant à l’OPTAM le texte ne fixe pas de plafond (seulement un écart d’au moins 20 % du tarif avec les non-adhérents)` }],
  },
  lfss2026: {
    tiersPayantAmoPsychologue: [
      { from: '2022-04-05' as PlainDate, value: false, source: 'Code de la sécurité sociale, art. L.162-58 ; décret n° 2022-195 du 17 février 2022 (séances Mon soutien psy, sans tiers payant obligatoire)' },
      { from: '2026-10-01' as PlainDate, value: true, source: `${LFSS_2026}, art. 56 : tiers payant sur la part AMO des séances d’accompagnement psychologique à compter du 1er octobre 2026` },
    ],
    prescriptionNonConventionneExclue: [
      { from: null, value: false, source: 'Code de la sécurité sociale, art. L.162-5-10 (prescriptions des médecins non conventionnés remboursées aux tarifs d’autorité jusqu’au 31 décembre 2026)' },
      { from: '2027-01-01' as PlainDate, value: true, source: `${LFSS_2026} : les produits, actes et prestations prescrits par un médecin non conventionné ne sont plus remboursés à compter du 1er janvier 2027 (CSS L.162-5-10)` },
    ],
    consultationMenopause: {
      codes: [],
      ageMin: 45,
      ageMax: 65,
      debut: null,
      source: `${LFSS_2026}, art. 64 : consultation de la ménopause (45 à 65 ans) prise en charge à 100 % ; code de l’acte et date d’effet non publiés : paramètre à renseigner (codes, debut)`,
    },
  },
};
