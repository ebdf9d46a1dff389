/**
 * NGAP médecins: spécialistes (CS and its majorations, avis ponctuels de consultant,
 * psychiatrie / neurologie, dermatologie, téléconsultation), métropole. Téléexpertise codes are
 * not listed (their 2024 names are to confirm).
 *
 * CS is 23 € in every secteur until 21 December 2024 and stays the secteur 2 non-OPTAM base;
 * in secteur 1 / OPTAM the spécialiste correspondant adds MPC and MCS (31,50 € in total,
 * unchanged on 22 December 2024, ameli). The convention 2024 folds MPC into CS on
 * 22 December 2024: CS is then 26,50 € in secteur 1 / OPTAM, the 31,50 € of the spécialiste
 * correspondant that ameli.fr publishes for the specialties without a targeted revaluation
 * minus the MCS (5 €, unchanged). APC is billed on the same base by secteur 2 non-OPTAM (no
 * secteur restriction). The 1 July 2025 wave applies from 1 January 2026 (comité d'alerte of
 * 18 June 2025).
 *
 * Codes known from the SNDS nomenclature of the natures de prestation (IR_NAT_V, Licence
 * Ouverte 2.0: TE1 1193, TE2 1194, CCX 1105, MCX 1106, CCE 1107, MTX 1108) whose amount is not
 * tied to an official text here are placeholders. There is no `CTX` nature de prestation: the
 * très complexe level is CCE / MTX.
 */
import type { TarifRow } from '../../../referentiel';
import { AMELI_22_12_2024, AVENANT_9, CONV_2016, CONV_2024, DEPUIS_2023, RA_2023, REPORT_2026, S1_OPTAM, SNDS_NAT, UNCAM_29_10_2024, aConfirmer, acte, majoration } from './sources';

/** ameli (CNAM) news of 24 October 2019 on téléexpertise billing (avenant n° 6 à la convention 2016). */
const AMELI_TE = 'ameli.fr (CNAM), « Téléexpertise : comment facturer ? », 24 octobre 2019';
const SERVICE_PUBLIC = 'service-public.fr (DILA), fiche F1069 « Consultation chez un médecin » : base de remboursement 23 € pour un médecin de secteur 2 non adhérent à l’OPTAM';
/** CS in secteur 1 / OPTAM from 22 December 2024: the spécialiste correspondant's 31,50 € (ameli) minus the MCS (5 €). */
const CS_2024 = `${CONV_2024} (MPC intégrée à CS) ; ${AMELI_22_12_2024} : « pour les autres spécialités non ciblées par les augmentations, la consultation du spécialiste correspondant reste à 31,50 € », soit CS 26,50 € + MCS 5 € (MCS inchangée)`;
const PSY_2024 = `${CONV_2024} ; ${AMELI_22_12_2024} (consultation coordonnée du psychiatre 51,70 € → 55 € = CNPSY 50 € + MCS 5 €)`;

/** Spécialistes rows. */
export const SPECIALISTES: readonly TarifRow[] = [
  // majorationParcours: in the parcours the CS carries the MCS, so the DA hors parcours is capped on CS + MCS (CSS L.162-5-3).
  acte('CS', 'Consultation au cabinet du médecin spécialiste', '2023-01-01', '23.00', `${SERVICE_PUBLIC} ; ${DEPUIS_2023}`, { majorationParcours: 'MCS' }),
  acte('CS', 'Consultation au cabinet du médecin spécialiste (secteur 1 / OPTAM)', '2024-12-22', '26.50', CS_2024,
    { secteurs: S1_OPTAM, majorationParcours: 'MCS' }),
  aConfirmer('VS', 'Visite du médecin spécialiste', '2023-01-01', 'valeur de la lettre VS (23 € comme CS selon la NGAP) à vérifier'),
  aConfirmer('MPC', 'Majoration forfaitaire transitoire (spécialiste)', '2023-01-01',
    `montant selon la spécialité, porté de +1,50 € au 1er novembre 2023 par le ${RA_2023} ; intégrée à CS le 22/12/2024 (${CONV_2024} ; ${AMELI_22_12_2024} : spécialiste correspondant 31,50 € = CS 26,50 € + MCS 5 €)`,
    { acte: false, secteurs: S1_OPTAM, validTo: '2024-12-21' }),
  majoration('MCS', 'Majoration de coordination spécialiste (patient adressé par le médecin traitant)', '2023-01-01', '5.00',
    `${CONV_2016} (MCS 5 €) ; ${DEPUIS_2023} ; maintenue par la décision UNCAM du 29 octobre 2024 (NGAP, art. 2 bis, JO) et le ${CONV_2024}`,
    { secteurs: S1_OPTAM, parcoursSeulement: true }),
  aConfirmer('MCG', 'Majoration de coordination généraliste', '2023-01-01', `montant de MCG (médecin généraliste correspondant) selon le ${CONV_2016} et le ${CONV_2024} ; code et conditions : ${UNCAM_29_10_2024}`,
    { acte: false, secteurs: S1_OPTAM, parcoursSeulement: true }),
  acte('APC', 'Avis ponctuel de consultant', '2022-04-01', '55.00', `${AVENANT_9} : APC 55 €`),
  acte('APC', 'Avis ponctuel de consultant', '2023-11-01', '56.50', `${RA_2023} : APC 56,50 €`),
  acte('APC', 'Avis ponctuel de consultant', '2024-12-22', '60.00', `${CONV_2024} : APC 60 € au 22 décembre 2024`),
  aConfirmer('APY', 'Avis ponctuel de consultant du psychiatre, neuropsychiatre ou neurologue', '2023-01-01',
    `valeurs avant et après le 22/12/2024 (67,50 € annoncés par le ${CONV_2024}) à vérifier dans l’annexe tarifaire`),
  aConfirmer('APU', 'Avis ponctuel de consultant d’un professeur des universités-praticien hospitalier', '2023-01-01',
    `valeurs avant et après le 22/12/2024 (74 € annoncés par le ${CONV_2024}) à vérifier dans l’annexe tarifaire`),
  acte('CNPSY', 'Consultation du psychiatre, neuropsychiatre ou neurologue', '2022-04-01', '42.50', `${AVENANT_9} : CNPSY 42,50 €`),
  acte('CNPSY', 'Consultation du psychiatre, neuropsychiatre ou neurologue', '2024-12-22', '50.00', PSY_2024, { secteurs: S1_OPTAM, majorationParcours: 'MCS' }),
  acte('CNPSY', 'Consultation du psychiatre, neuropsychiatre ou neurologue', '2026-01-01', '52.00',
    `${CONV_2024} : consultation coordonnée 57 € = CNPSY 52 € + MCS 5 €, ${REPORT_2026}`, { secteurs: S1_OPTAM, majorationParcours: 'MCS' }),
  aConfirmer('CNPSY', 'Consultation du psychiatre, neuropsychiatre ou neurologue (secteur 2 non-OPTAM)', '2024-12-22',
    `base secteur 2 non-OPTAM de CNPSY à partir du 22/12/2024 (${CONV_2024})`, { secteurs: ['2'] }),
  aConfirmer('MP', 'Majoration de la consultation du psychiatre pour un enfant ou un jeune', '2023-01-01',
    `montants successifs (avenant n° 9 : 3 € pour les moins de 16 ans ; ${CONV_2024} : 12 € au 22/12/2024 puis 18 € au 01/01/2026 pour les moins de 25 ans, ${REPORT_2026})`,
    { acte: false }),
  aConfirmer('CNP', 'Consultation du neurologue', '2023-01-01',
    `valeurs successives (50 € au 22/12/2024 puis 52 € au 01/01/2026 selon le ${CONV_2024}, ${REPORT_2026}) à vérifier dans l’annexe tarifaire`),
  aConfirmer('CDE', 'Consultation de dépistage du mélanome (dermatologue)', '2023-01-01',
    `valeurs successives (47,50 € ; 54 € au 22/12/2024 ; 60 € au 01/01/2026 selon le ${CONV_2024}, ${REPORT_2026}) à vérifier dans l’annexe tarifaire`),
  aConfirmer('TC', 'Téléconsultation (médecin spécialiste, ou secteur 2)', '2023-01-01',
    'valeur de TC selon la spécialité et le secteur (lettre créée par décision UNCAM du 6 novembre 2018, JO du 19 décembre 2018 ; avenant n° 6 à la convention 2016 ; convention 2024)'),
  aConfirmer('TE1', 'Téléexpertise de niveau 1', '2023-01-01',
    `maintien de TE1 après l’avenant n° 9 (niveau unique TE2 à vérifier) et sa valeur (${AMELI_TE} : TE1 12 € pour le médecin requis depuis le 10 février 2019 ; ${AVENANT_9} ; ${CONV_2024}) ; code : ${SNDS_NAT}, nature 1193`),
  aConfirmer('TE2', 'Téléexpertise de niveau 2', '2023-01-01',
    `valeur de TE2 de 2023 à 2026 et son taux de prise en charge (${AMELI_TE} : TE2 20 € pour le médecin requis depuis le 10 février 2019 ; ${AVENANT_9} ; revalorisation du requis au 01/01/2026 par le ${CONV_2024}) ; code : ${SNDS_NAT}, nature 1194`),
  aConfirmer('CCX', 'Consultation complexe', '2023-01-01',
    `valeurs successives (consultation complexe 46 € selon le ${CONV_2016} ; 47,50 € selon le ${RA_2023} ; ${CONV_2024}) et lettre de facturation à vérifier ; code : ${SNDS_NAT}, nature 1105`),
  aConfirmer('MCX', 'Majoration de consultation complexe', '2023-01-01', `montant selon le ${CONV_2016}, le ${RA_2023} et le ${CONV_2024} ; code : ${SNDS_NAT}, nature 1106`, { acte: false }),
  aConfirmer('CCE', 'Consultation très complexe de l’enfant', '2023-01-01',
    `valeurs successives (consultation très complexe 60 € selon le ${CONV_2016} ; ${CONV_2024}) à vérifier ; code : ${SNDS_NAT}, nature 1107`),
  aConfirmer('MTX', 'Majoration de consultation très complexe', '2023-01-01', `montant selon le ${CONV_2016} et le ${CONV_2024} ; code : ${SNDS_NAT}, nature 1108`, { acte: false }),
];
