/**
 * Dated rule parameters: AMO rates, participation forfaitaire, franchises, caps, age limits.
 *
 * Source: Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) (service-public F1069, ameli, décrets 2024-113 and
 * 2024-114, CSS L.160-13, L.162-5-3, L.432-1). Version: 2025-12. Date: 2026-11-22.
 *
 * Each value is a list of `{ from, value, source }` in ascending order; `from: null` = start not
 * attested. Doubts are written in the `source` of the value (they show in the trace).
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
  /** Daily cap, or null when the sources give none. */
  readonly plafondJour: Money | null;
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
  /** Dépassement autorisé hors parcours: max share of the base (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): 17,5 %). */
  readonly depassementAutoriseMax: Factor;
  /** Maternité period: from the first day of this pregnancy month … (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): 6th month). */
  readonly materniteMoisDebut: number;
  /** … to this many days after delivery (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): 12 days). */
  readonly materniteJoursApres: number;
  /** CCAM pricing parameters (modificateurs, association, DOM, 24 € participation); absent = `PARAMETRES_CCAM_DEFAUT`. */
  readonly ccam?: ParametresCcam;
  /** Contrat responsable limits on AMC dépassement cover, as a share of the base; `null` = no limit applied. */
  readonly contratResponsable: {
    readonly plafondDepassementNonOptam: Factor | null;
    readonly plafondDepassementOptam: Factor | null;
  };
}

const SP = 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) (service-public F1069; swisslife summary)';

/** Default parameters (figures from the public sources retained). */
export const PARAMETRES_DEFAUT: ParametresRegles = {
  version: 'parametres-2025.12',
  taux: {
    medecin: [{ from: null, value: percent(70), source: SP }],
    sageFemme: [{ from: null, value: percent(70), source: SP }],
    chirurgienDentiste: [
      { from: null, value: percent(70), source: SP },
      { from: '2023-10-15' as PlainDate, value: percent(60), source: 'Arrêté du 12 octobre 2023 (JO du 14 octobre 2023) : participation de l’assuré de 40 % sur les honoraires des chirurgiens-dentistes et les soins dentaires (service-public.fr A16852)' },
    ],
    auxiliaire: [{ from: null, value: percent(60), source: SP }],
    horsParcours: [{ from: null, value: percent(30), source: `${SP}; CSS L.162-5-3. PLFSS 2025 +5 pts TM not confirmed: parameter` }],
    exonere: [{ from: null, value: percent(100), source: 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) (100 %: ALD, maternité, AT/MP tarif de responsabilité, invalidité)' }],
    prevention: [{ from: null, value: percent(100), source: 'Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de gestion nature 90: rate not in the public sources retained — parameter, default 100 % to confirm' }],
  },
  pf: {
    montant: [
      { from: '2005-01-01' as PlainDate, value: euros('1.00'), source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (PF 1 € from 01/01/2005)' },
      { from: '2024-05-15' as PlainDate, value: euros('2.00'), source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (décret 2024-113: 2 € from 15/05/2024)' },
    ],
    plafondJour: [
      { from: '2005-01-01' as PlainDate, value: euros('4.00'), source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (4 €/day same PS)' },
      {
        from: '2024-05-15' as PlainDate,
        value: euros('4.00'),
        source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024: 4 €/day/PS (CPAM pages, Que Choisir) vs 8 € (other sites); no legal text found — parameter, default 4 €',
      },
    ],
    plafondAnnuel: [{ from: '2005-01-01' as PlainDate, value: euros('50.00'), source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (50 €/year)' }],
  },
  franchise: {
    paramedical: [
      { from: null, value: { montant: euros('0.50'), plafondJour: null }, source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (0,50 € before 31/03/2024; daily cap of that period to confirm)' },
      { from: '2024-03-31' as PlainDate, value: { montant: euros('1.00'), plafondJour: euros('4.00') }, source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (décret 2024-114: 1 €, 4 €/day)' },
    ],
    transport: [
      { from: null, value: { montant: euros('2.00'), plafondJour: null }, source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (2 € before 31/03/2024; daily cap of that period to confirm)' },
      { from: '2024-03-31' as PlainDate, value: { montant: euros('4.00'), plafondJour: euros('8.00') }, source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (décret 2024-114: 4 €, 8 €/day)' },
    ],
    medicament: [
      { from: null, value: { montant: euros('0.50'), plafondJour: null }, source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (0,50 € per box before 31/03/2024)' },
      { from: '2024-03-31' as PlainDate, value: { montant: euros('1.00'), plafondJour: null }, source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (décret 2024-114: 1 € per box)' },
    ],
    plafondAnnuel: [{ from: null, value: euros('50.00'), source: 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (50 €/year, separate from the PF cap)' }],
  },
  ageExemptionPf: 18,
  ageExemptionPfRegle: 'anniversaire',
  ageSansPenaliteParcours: 16,
  specialitesHorsParcours: ['38'],
  depassementAutoriseMax: percent('17.5'),
  materniteMoisDebut: 6,
  materniteJoursApres: 12,
  contratResponsable: { plafondDepassementNonOptam: null, plafondDepassementOptam: null },
};
