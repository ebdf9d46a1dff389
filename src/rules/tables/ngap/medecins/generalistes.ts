/**
 * NGAP médecins: médecine générale (G, VG, GS, VGS, MMG, C, V, MEG, téléconsultation,
 * consultations longues du médecin traitant), métropole.
 *
 * G history: 25 € (1 May 2017, convention 2016) → 26,50 € (1 November 2023, règlement arbitral,
 * through the MMG included in G) → 30 € (22 December 2024, convention 2024, which removes GS/VGS
 * and MMG: the specialists in general medicine bill G). From 22 December 2024 a secteur 2
 * non-OPTAM GP bills G/VG at the tarif opposable, and C/V (23 €) with a dépassement (ameli).
 */
import type { TarifRow } from '../../../referentiel';
import { AMELI_22_12_2024, AMELI_MG, CONV_2016, CONV_2024, DEPUIS_2023, NGAP, RA_2023, S1_OPTAM, SP_ENFANT, aConfirmer, acte, majoration } from './sources';

/** ameli (CNAM) news of 13 September 2018 on téléconsultation billing (avenant n° 6 à la convention 2016). */
const AMELI_TLC = 'ameli.fr (CNAM), « Téléconsultation : tarification et facturation », 13 septembre 2018 (avenant n° 6 à la convention médicale 2016)';
const G_2024 = `${CONV_2024} ; ${AMELI_MG} (G/VG 30 € ; secteur 2 non-OPTAM : G/VG à tarif opposable, C/V à 23 € avec dépassement) ; ${AMELI_22_12_2024}`;
const RETIRE = `retiré le 2024-12-21 : ${CONV_2024} ; ${AMELI_MG} (la cotation G s’applique aux spécialistes de médecine générale)`;

/** Médecine générale rows. */
export const GENERALISTES: readonly TarifRow[] = [
  acte('G', 'Consultation de référence de médecine générale', '2017-05-01', '25.00', `${CONV_2016} : G 25 € au 1er mai 2017`, { secteurs: S1_OPTAM }),
  acte('G', 'Consultation de référence de médecine générale', '2023-11-01', '26.50', `${RA_2023} : consultation de référence du médecin généraliste 26,50 €`, { secteurs: S1_OPTAM }),
  acte('G', 'Consultation de référence de médecine générale', '2024-12-22', '30.00', G_2024),
  acte('VG', 'Visite de référence de médecine générale', '2023-01-01', '25.00', `${CONV_2016} ; ${DEPUIS_2023}`, { secteurs: S1_OPTAM }),
  acte('VG', 'Visite de référence de médecine générale', '2023-11-01', '26.50', `${RA_2023} : visite de référence du médecin généraliste 26,50 €`, { secteurs: S1_OPTAM }),
  acte('VG', 'Visite de référence de médecine générale', '2024-12-22', '30.00', G_2024),
  acte('GS', 'Consultation du spécialiste en médecine générale', '2023-01-01', '25.00', `${CONV_2016} ; ${DEPUIS_2023}`, { secteurs: S1_OPTAM }),
  acte('GS', 'Consultation du spécialiste en médecine générale', '2023-11-01', '26.50', `${RA_2023} ; ${RETIRE}`, { secteurs: S1_OPTAM, validTo: '2024-12-21' }),
  acte('VGS', 'Visite du spécialiste en médecine générale', '2023-01-01', '25.00', `${CONV_2016} ; ${DEPUIS_2023}`, { secteurs: S1_OPTAM }),
  acte('VGS', 'Visite du spécialiste en médecine générale', '2023-11-01', '26.50', `${RA_2023} ; ${RETIRE}`, { secteurs: S1_OPTAM, validTo: '2024-12-21' }),
  aConfirmer('MMG', 'Majoration de médecine générale (incluse dans la valeur de G/VG/GS)', '2023-01-01',
    `part de G/VG/GS (G = C + MMG), portée de +1,50 € au 1er novembre 2023 par le ${RA_2023} ; ${RETIRE}`,
    { acte: false, secteurs: S1_OPTAM, validTo: '2024-12-21' }),
  acte('C', 'Consultation au cabinet (médecine générale)', '2023-01-01', '23.00', `${NGAP} ; ${AMELI_MG} (« tarif inchangé de 23 € ») ; ${DEPUIS_2023}`),
  acte('V', 'Visite (médecine générale)', '2023-01-01', '23.00', `${NGAP} ; ${AMELI_MG} (« tarif inchangé de 23 € ») ; ${DEPUIS_2023}`),
  majoration('MEG', 'Majoration enfant de 0 à 6 ans (médecin généraliste)', '2023-01-01', '5.00',
    `${CONV_2016} (MEG 5 €) ; ${DEPUIS_2023} ; ${SP_ENFANT} (moins de 6 ans 31,50 € contre 26,50 €) ; inchangée par le ${CONV_2024}`, { secteurs: S1_OPTAM }),
  acte('TCG', 'Téléconsultation du médecin généraliste', '2023-01-01', '25.00',
    `${AMELI_TLC} : « facturée par le médecin téléconsultant au même tarif qu’une consultation en face-à-face », cotation TCG pour G ; G 25 € (${CONV_2016}) ; ${DEPUIS_2023}`, { secteurs: S1_OPTAM }),
  aConfirmer('TCG', 'Téléconsultation du médecin généraliste', '2023-11-01',
    `valeur de TCG à partir du 1er novembre 2023 (G porté à 26,50 € par le ${RA_2023} au travers de la MMG) et au 22/12/2024 (G 30 € ; maintien de la téléconsultation à sa valeur antérieure à vérifier dans le ${CONV_2024}) ; lettre créée par décision UNCAM du 6 novembre 2018 (JO du 19 décembre 2018)`, { secteurs: S1_OPTAM }),
  acte('GL1', 'Consultation longue du médecin traitant, patient de plus de 80 ans : sortie d’hospitalisation', '2026-01-01', '60.00', `${CONV_2024}, art. 78-1 : consultation longue du médecin traitant 60 € au 1er janvier 2026`),
  acte('GL2', 'Consultation longue du médecin traitant, patient de plus de 80 ans : révision des traitements (polymédication)', '2026-01-01', '60.00', `${CONV_2024}, art. 78-1 : consultation longue du médecin traitant 60 € au 1er janvier 2026`),
  acte('GL3', 'Consultation longue du médecin traitant, patient de plus de 80 ans : orientation médico-sociale (APA)', '2026-01-01', '60.00', `${CONV_2024}, art. 78-1 : consultation longue du médecin traitant 60 € au 1er janvier 2026`),
];
