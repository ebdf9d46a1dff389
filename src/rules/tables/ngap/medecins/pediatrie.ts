/**
 * NGAP médecins: consultations de l'enfant (pédiatre: CEH, CEK, CEG; consultations obligatoires
 * COE), métropole.
 *
 * The ameli page of 28 November 2024 gives CEH 39 € then 40 € (planned 1 July 2025, applied on
 * 1 January 2026), CEK 35 €, CEG 31,50 € for pédiatres in secteur 1, OPTAM, or secteur 2 billing
 * at the tarif opposable (no secteur restriction here). Their values before 22 December 2024
 * are placeholders.
 */
import type { TarifRow } from '../../../referentiel';
import { AMELI_SPE, CONV_2024, REPORT_2026, aConfirmer, acte } from './sources';

const AVANT = 'code et valeur avant le 22/12/2024 (suivi de l’enfant par le pédiatre sous la convention 2016 et le règlement arbitral 2023)';
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
  aConfirmer('COE', 'Consultation obligatoire de l’enfant donnant lieu à certificat (8e jour, 9e-10e mois, 24e-25e mois)', '2023-01-01',
    `valeurs avant le 22/12/2024 (${COE_UNCAM} ; revalorisation du 1er novembre 2023 par le règlement arbitral), puis 54 € au 22/12/2024 et 60 € au 01/01/2026 (${CONV_2024} ; ${AMELI_SPE}, ${REPORT_2026}) à vérifier dans l’annexe tarifaire`),
];
