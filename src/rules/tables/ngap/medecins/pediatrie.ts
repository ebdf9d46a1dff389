/**
 * NGAP médecins: consultations de l'enfant (pédiatre: CEH, CEK, CEG; consultations obligatoires
 * COE), métropole.
 *
 * The ameli page of 28 November 2024 gives CEH 39 € then 40 € (planned 1 July 2025, applied on
 * 1 January 2026), CEK 35 €, CEG 31,50 € for pédiatres in secteur 1, OPTAM, or secteur 2 billing
 * at the tarif opposable (no secteur restriction here). Their values before 22 December 2024
 * are placeholders. COE carries its own AMO rate (100 %, examens obligatoires de l'enfant).
 */
import type { TarifRow } from '../../../referentiel';
import { AMELI_SPE, CONV_2016, CONV_2024, DEPUIS_2023, RA_2023, REPORT_2026, SP_ENFANT, aConfirmer, acte } from './sources';

const AVANT = `code et valeur avant le 22/12/2024 (le pédiatre cotait CS et ses majorations : 38,50 € de 0 à 2 ans, 33,50 € de 2 à 6 ans au total selon la ${SP_ENFANT})`;
const COE = 'Consultation obligatoire de l’enfant donnant lieu à certificat (8e jour, 9e-10e mois, 24e-25e mois)';
/** Obligatory child examinations are covered at 100 % (code de la sécurité sociale, art. L.160-14). */
const CENT = { tauxPourcent: '100' } as const;
const COE_UNCAM = 'COE créée par décision UNCAM du 23 février 2017 (JO)';

/** Pédiatrie rows. */
export const PEDIATRIE: readonly TarifRow[] = [
  aConfirmer('CEH', 'Consultation ou visite du pédiatre, enfant de 0 à moins de 2 ans', '2023-01-01', AVANT),
  acte('CEH', 'Consultation ou visite du pédiatre, enfant de 0 à moins de 2 ans', '2024-12-22', '39.00', `${CONV_2024} ; ${AMELI_SPE} : CEH 39 €`),
  acte('CEH', 'Consultation ou visite du pédiatre, enfant de 0 à moins de 2 ans', '2026-01-01', '40.00', `${CONV_2024} ; ${AMELI_SPE} : CEH 40 €, ${REPORT_2026}`),
  aConfirmer('CEK', 'Consultation ou visite du pédiatre, enfant de 2 à moins de 6 ans', '2023-01-01', AVANT),
  acte('CEK', 'Consultation ou visite du pédiatre, enfant de 2 à moins de 6 ans', '2024-12-22', '35.00', `${CONV_2024} ; ${AMELI_SPE} : CEK 35 €`),
  aConfirmer('CEG', 'Consultation ou visite du pédiatre, enfant de 6 ans et plus', '2023-01-01', AVANT),
  acte('CEG', 'Consultation ou visite du pédiatre, enfant de 6 ans et plus', '2024-12-22', '31.50', `${CONV_2024} ; ${AMELI_SPE} : CEG 31,50 €`),
  acte('COE', COE, '2023-01-01', '46.00', `${COE_UNCAM} ; ${CONV_2016} (consultation complexe 46 €) ; ${DEPUIS_2023}`, CENT),
  acte('COE', COE, '2023-11-01', '47.50', `${RA_2023} (consultations complexes 47,50 €) ; ${SP_ENFANT} : consultations obligatoires 47,50 €, remboursées à 100 %`, CENT),
  acte('COE', COE, '2024-12-22', '54.00', `${CONV_2024} ; ${AMELI_SPE} : COE 54 €`, CENT),
  acte('COE', COE, '2026-01-01', '60.00', `${CONV_2024} ; ${AMELI_SPE} : COE 60 €, ${REPORT_2026}`, CENT),
  aConfirmer('COD', 'Autre examen obligatoire de l’enfant de 0 à moins de 6 ans (médecin généraliste)', '2023-01-01', `valeurs avant et après le 22/12/2024 (${CONV_2024})`),
  aConfirmer('COB', 'Autre examen obligatoire de l’enfant de 6 ans et plus (médecin généraliste)', '2023-01-01', `valeurs avant et après le 22/12/2024 (${CONV_2024})`),
  aConfirmer('COH', 'Autre examen obligatoire de l’enfant de 0 à moins de 2 ans (pédiatre)', '2024-12-22',
    `code et valeurs du ${CONV_2024} (examens obligatoires de 0 à 2 ans : 45 € puis 50 € au 01/01/2026, ${REPORT_2026}) ; date de création du code à vérifier`),
  aConfirmer('COK', 'Autre examen obligatoire de l’enfant de 2 à moins de 6 ans (pédiatre)', '2024-12-22', `code et valeur du ${CONV_2024} ; date de création du code à vérifier`),
  aConfirmer('COG', 'Autre examen obligatoire de l’enfant de 6 ans et plus (pédiatre)', '2024-12-22', `code et valeur du ${CONV_2024} ; date de création du code à vérifier`),
];
