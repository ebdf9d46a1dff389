/**
 * CCAM modificateurs as dated, sourced data: chapter 19.03 of CNAM's CCAM file (versions 78 and
 * 81) plus the décision UNCAM that changed Y and Z between them (applicable 05/11/2025).
 *
 * Each row is one variant: its value per tariff column (« secteur 1 / OPTAM » and « hors
 * secteur 1 / hors OPTAM », a percentage of the act's tariff or an amount in euros), who may bill
 * it (specialty groups, professions, secteurs, as the CNAM wording says) and its dates.
 * CNAM's V78/V81 spreadsheets write B's secteur 1 value as `0.49` (a spreadsheet fraction of
 * « +49% », the value of the other column): read as 49 %.
 */
import type { PlainDate } from '../../core/date/index';
import type { Profession, Secteur } from '../model';
import type { GroupeCcam } from './parametres';

/** A modificateur value: a percentage of the tariff (hundredths of a percent: 1570 = 15,70 %) or an amount (centimes). */
export type ValeurModificateur = { readonly kind: 'pourcentage'; readonly centiemes: number } | { readonly kind: 'montant'; readonly centimes: number };

/** Who may bill a variant: the PS matches when it is in one of the groups or professions listed. */
export interface ConditionModificateur {
  /** Specialty groups (médecins). */
  readonly groupes?: readonly (GroupeCcam | 'autre')[];
  /** Professions (sage-femme, chirurgien-dentiste). */
  readonly professions?: readonly Profession[];
  /** Secteurs (absent: all). */
  readonly secteurs?: readonly Secteur[];
}

/** One variant of a modificateur over a period. */
export interface ModificateurCcam {
  readonly code: string;
  readonly libelle: string;
  readonly validFrom: PlainDate;
  /** Last day (inclusive). */
  readonly validTo?: PlainDate;
  readonly secteur1: ValeurModificateur;
  readonly horsSecteur1: ValeurModificateur;
  /** Absent: any PS allowed to bill the act. */
  readonly condition?: ConditionModificateur;
  readonly source: string;
}

const V78 = 'CCAM version 78, CNAM, applicable 01/02/2025 — chapitre 19.03 (modificateurs)';
const V78_81 = 'CCAM versions 78 (01/02/2025) et 81 (01/01/2026), CNAM — chapitre 19.03 (modificateurs)';
const V81 = 'CCAM version 81, CNAM, applicable 01/01/2026 — chapitre 19.03 (modificateurs)';
const YZ = 'Décision de l’UNCAM publiée au JO du 18/10/2025, applicable le 05/11/2025 (modificateurs Y et Z portés à +13 %)';
const D0 = '2025-02-01' as PlainDate;
const D81 = '2026-01-01' as PlainDate;
const DYZ = '2025-11-05' as PlainDate;

const pct = (text: string): ValeurModificateur => ({ kind: 'pourcentage', centiemes: Math.round(Number(text) * 100) });
const eur = (text: string): ValeurModificateur => ({ kind: 'montant', centimes: Math.round(Number(text) * 100) });

const CHIR_URG: readonly (GroupeCcam | 'autre')[] = ['chirurgien', 'orlOphtalmoStomato', 'gynecoObstetricien', 'anesthesiste'];
const SF: readonly Profession[] = ['sageFemme'];
const CD: readonly Profession[] = ['chirurgienDentiste'];

function row(code: string, libelle: string, s1: ValeurModificateur, hs1: ValeurModificateur, source: string, extra: Partial<ModificateurCcam> = {}): ModificateurCcam {
  return { code, libelle, validFrom: D0, secteur1: s1, horsSecteur1: hs1, source, ...extra };
}
const same = (code: string, libelle: string, v: ValeurModificateur, extra: Partial<ModificateurCcam> = {}): ModificateurCcam => row(code, libelle, v, v, V78_81, extra);

/** The shipped modificateur variants, by code then most specific first. */
export const MODIFICATEURS_CCAM: readonly ModificateurCcam[] = [
  same('O', 'Acte chirurgical en urgence vitale ou d’organe, 8 h–20 h', eur('80.00'), { condition: { groupes: CHIR_URG } }),
  same('U', 'Urgence 20 h–minuit (chirurgiens, gynécologues-obstétriciens, anesthésistes, ORL, stomatologues, ophtalmologues)', eur('50.00'), { condition: { groupes: CHIR_URG } }),
  same('U', 'Urgence la nuit 20 h–8 h (médecins, chirurgiens-dentistes)', eur('25.15'), { condition: { groupes: ['autre', 'radiologue', 'pneumoRhumato'], professions: CD } }),
  same('P', 'Urgence 20 h–minuit (pédiatres)', eur('50.00'), { condition: { groupes: ['pediatre'] } }),
  same('P', 'Urgence 20 h–minuit (médecins généralistes, sages-femmes)', eur('35.00'), { condition: { groupes: ['generaliste'], professions: SF } }),
  same('S', 'Urgence minuit–8 h (chirurgiens, gynécologues-obstétriciens, anesthésistes, pédiatres, ORL, stomatologues, ophtalmologues)', eur('80.00'), { condition: { groupes: [...CHIR_URG, 'pediatre'] } }),
  same('S', 'Urgence minuit–8 h (généralistes, sages-femmes ; acte thérapeutique sous anesthésie des autres spécialités)', eur('40.00'), { condition: { groupes: ['generaliste', 'autre', 'radiologue', 'pneumoRhumato'], professions: SF } }),
  same('F', 'Urgence dimanche ou jour férié (chirurgiens, gynécologues-obstétriciens, anesthésistes, pédiatres, ORL, stomatologues, ophtalmologues)', eur('40.00'), { condition: { groupes: [...CHIR_URG, 'pediatre'] } }),
  same('F', 'Urgence dimanche ou jour férié', eur('19.06'), { condition: { groupes: ['generaliste', 'autre', 'radiologue', 'pneumoRhumato'], professions: [...SF, ...CD] } }),
  same('M', 'Soins d’urgence au cabinet du généraliste, du pédiatre ou de la sage-femme', eur('26.88'), { condition: { groupes: ['generaliste', 'pediatre'], professions: SF } }),
  same('A', 'Anesthésie générale ou locorégionale, patient de moins de 4 ans ou de plus de 80 ans', eur('23.00')),
  same('E', 'Radiographie conventionnelle ou scanographie, patient de moins de 5 ans', pct('49')),
  same('G', 'Glaucome, cataracte, rétine, cornée avant 1 an ; corps étranger avant 3 ans ; médecine nucléaire avant 3 ans', pct('25')),
  same('N', 'Restauration des tissus durs ou endodontie sur dent permanente, enfant de moins de 13 ans', pct('15.7')),
  row('9', 'Soins conservateurs, patient de 1 à 25 ans', pct('30'), pct('30'), V78, { validTo: '2025-12-31' as PlainDate }),
  row('9', 'Soins conservateurs, patient de 1 à 26 ans', pct('30'), pct('30'), V81, { validFrom: D81 }),
  same('6', 'Chirurgie itérative (œil déjà opéré, voies biliaires, voies urinaires)', pct('25')),
  same('8', 'Anesthésie d’une chirurgie itérative', pct('20')),
  same('4', 'Analgésie postopératoire locorégionale ou rachidienne, sans cathéter', pct('6')),
  same('5', 'Analgésie postopératoire locorégionale ou rachidienne, avec cathéter', pct('8')),
  same('R', 'Chirurgie plastique des téguments de la face, du cou, de la main et des doigts ; plaies ou brûlures de la face ou des mains', pct('50')),
  same('L', 'Fracture ou luxation ouverte', pct('20')),
  same('J', 'Majoration transitoire de chirurgie', pct('6.5')),
  same('K', 'Accouchement par une sage-femme', pct('20'), { condition: { professions: SF } }),
  row('K', 'Accouchement (gynécologues-obstétriciens), actes des chirurgiens (MTC), secteur 1 ou OPTAM-ACO', pct('25'), pct('25'), V78, { validTo: '2025-12-31' as PlainDate, condition: { groupes: ['gynecoObstetricien', 'chirurgien', 'orlOphtalmoStomato'] } }),
  row('K', 'Accouchement (gynécologues-obstétriciens), actes des chirurgiens (MTC), secteur 1 ou OPTAM-ACO', pct('30'), pct('25'), V81, { validFrom: D81, condition: { groupes: ['gynecoObstetricien', 'chirurgien', 'orlOphtalmoStomato'] } }),
  row('K', 'Actes des chirurgiens-dentistes spécialistes en chirurgie orale', pct('20'), pct('20'), V78, { validTo: '2025-12-31' as PlainDate, condition: { professions: CD } }),
  row('K', 'Actes des chirurgiens-dentistes spécialistes en chirurgie orale', pct('30'), pct('30'), V81, { validFrom: D81, condition: { professions: CD } }),
  row('T', 'Accouchement (gynécologues-obstétriciens), actes des chirurgiens (MTC), OPTAM', pct('16.5'), pct('16.5'), V78, { validTo: '2025-12-31' as PlainDate, condition: { groupes: ['gynecoObstetricien', 'chirurgien', 'orlOphtalmoStomato'], secteurs: ['2-optam', '2'] } }),
  row('T', 'Accouchement (gynécologues-obstétriciens), actes des chirurgiens (MTC), OPTAM', pct('21.5'), pct('16.5'), V81, { validFrom: D81, condition: { groupes: ['gynecoObstetricien', 'chirurgien', 'orlOphtalmoStomato'], secteurs: ['2-optam', '2'] } }),
  same('3', 'Anesthésie par un anesthésiste en secteur à honoraires opposables non adhérent OPTAM', pct('12'), { condition: { groupes: ['anesthesiste'], secteurs: ['1'] } }),
  same('3', 'Anesthésie par un anesthésiste en secteur à honoraires différents adhérent OPTAM-ACO', pct('8'), { condition: { groupes: ['anesthesiste'], secteurs: ['2-optam', '2'] } }),
  same('7', 'Présence permanente de l’anesthésiste durant toute l’intervention', pct('6')),
  same('D', 'Contrôle radiographique de segment de squelette immobilisé par contention rigide', pct('24')),
  row('Y', 'Radiographie par un radiologue, un pneumologue ou un rhumatologue', pct('15.8'), pct('15.8'), V78, { validTo: '2025-11-04' as PlainDate, condition: { groupes: ['radiologue', 'pneumoRhumato'] } }),
  row('Y', 'Radiographie par un radiologue, un pneumologue ou un rhumatologue', pct('13'), pct('13'), YZ, { validFrom: DYZ, condition: { groupes: ['radiologue', 'pneumoRhumato'] } }),
  row('Z', 'Radiographie par un radiologue', pct('15.9'), pct('15.9'), V78, { validTo: '2025-11-04' as PlainDate, condition: { groupes: ['radiologue'] } }),
  row('Z', 'Radiographie par un radiologue', pct('13'), pct('13'), YZ, { validFrom: DYZ, condition: { groupes: ['radiologue'] } }),
  same('B', 'Radiographie au bloc opératoire, en réanimation ou au lit du patient intransportable', pct('49')),
  same('H', 'Radiothérapie, niveau 1', pct('100')),
  same('Q', 'Radiothérapie, niveau 2', pct('200')),
  same('V', 'Radiothérapie, niveau 3', pct('300')),
  same('W', 'Radiothérapie, niveau 4', pct('400')),
];

/** Modificateurs of which an act bears one at most (urgence: livre III and CCAM chapitre 19.03.01). */
export const URGENCE_EXCLUSIFS = 'UFPS';

/** Pairs that CNAM's file says cannot be billed together (« ne peut pas être facturé avec le modificateur … »). */
export const PAIRES_INCOMPATIBLES: readonly (readonly [string, string])[] = [['Y', 'Z']];
