/**
 * Séances d'accompagnement psychologique (dispositif « Mon soutien psy », CSS L.162-58): tariffs and
 * billing codes fixed by arrêté. EEP entretien d'évaluation, APS séance en présentiel, PSS séance
 * par vidéotransmission.
 *
 * Sources: arrêté du 8 mars 2022 relatif aux tarifs, codes de facturation et critères d'inclusion du
 * dispositif de prise en charge de séances d'accompagnement psychologique (JO du 11 mars 2022:
 * EEP 40 €, APS / PSS 30 €; dispositif ouvert le 5 avril 2022); arrêté du 24 juin 2024 modifiant
 * l'arrêté du 8 mars 2022 (JO du 28 juin 2024: 50 € for each, from 29 juin 2024).
 * Version: 2026-12. Date: 2026-12-02.
 */
import type { PlainDate } from '../../core/date/index';
import type { TableTarifs, TarifRow } from '../referentiel';

const A2022 = 'Arrêté du 8 mars 2022 relatif aux tarifs, codes de facturation et critères d’inclusion du dispositif de prise en charge de séances d’accompagnement psychologique (JO du 11 mars 2022) ; dispositif ouvert le 5 avril 2022';
const A2024 = 'Arrêté du 24 juin 2024 modifiant l’arrêté du 8 mars 2022 relatif aux tarifs, codes de facturation et critères d’inclusion du dispositif de prise en charge de séances d’accompagnement psychologique (JO du 28 juin 2024), tarif de 50 € à compter du 29 juin 2024';

function row(code: string, libelle: string, validFrom: string, prix: string, source: string): TarifRow {
  return { code, libelle, nomenclature: 'ngap', professions: ['psychologue'], validFrom: validFrom as PlainDate, prix, acte: true, source };
}

/** Mon soutien psy: EEP, APS, PSS. */
export const SEANCES_PSYCHOLOGUES: TableTarifs = {
  source: 'Arrêtés du 8 mars 2022 et du 24 juin 2024 (séances d’accompagnement psychologique, CSS L.162-58)',
  version: 'psychologues-2026.12',
  date: '2026-12-02' as PlainDate,
  rows: [
    row('EEP', 'Entretien d’évaluation (Mon soutien psy)', '2022-04-05', '40.00', A2022),
    row('EEP', 'Entretien d’évaluation (Mon soutien psy)', '2024-06-29', '50.00', A2024),
    row('APS', 'Séance d’accompagnement psychologique (Mon soutien psy)', '2022-04-05', '30.00', A2022),
    row('APS', 'Séance d’accompagnement psychologique (Mon soutien psy)', '2024-06-29', '50.00', A2024),
    row('PSS', 'Séance d’accompagnement psychologique par vidéotransmission (Mon soutien psy)', '2022-04-05', '30.00', A2022),
    row('PSS', 'Séance d’accompagnement psychologique par vidéotransmission (Mon soutien psy)', '2024-06-29', '50.00', A2024),
  ],
};
