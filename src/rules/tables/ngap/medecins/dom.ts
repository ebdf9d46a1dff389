/**
 * NGAP médecins: départements d'outre-mer (DROM). The DROM values of the consultations differ
 * from the métropole ones (règlement arbitral 2023: +1,80 € in the DROM instead of +1,50 €;
 * convention 2024: G/VG DROM value of 22 December 2024). None is tied to an official text in the
 * sources retained here: placeholders, so a DOM PS gets `RULES_TARIF_A_CONFIRMER` (load the
 * confirmed rows with `loadReferentiel`) rather than a métropole price.
 */
import type { TarifRow } from '../../../referentiel';
import { CONV_2024, RA_2023, aConfirmer } from './sources';

const DOM = { zone: 'dom' } as const;

/** DROM rows. */
export const DROM: readonly TarifRow[] = [
  aConfirmer('G', 'Consultation de référence de médecine générale (DROM)', '2023-01-01', `valeurs DROM de G (${RA_2023} ; 35,60 € au 22/12/2024 selon le ${CONV_2024})`, DOM),
  aConfirmer('VG', 'Visite de référence de médecine générale (DROM)', '2023-01-01', `valeurs DROM de VG (${RA_2023} ; ${CONV_2024})`, DOM),
  aConfirmer('APC', 'Avis ponctuel de consultant (DROM)', '2023-01-01', `valeurs DROM de APC (${RA_2023} ; ${CONV_2024})`, DOM),
];
