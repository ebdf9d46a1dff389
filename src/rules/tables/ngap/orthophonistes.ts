/**
 * NGAP orthophonistes (lettre clé AMO), métropole and DOM, dated from 2023-01-01.
 *
 * Sources: convention nationale des orthophonistes du 31 octobre 1996 (JO du 9 janvier 1997) and
 * its avenant n° 20 signé le 22 juin 2023 (arrêté du 25 juillet 2023 portant approbation, JO du
 * 18 août 2023): AMO 2,50 € → 2,60 € in métropole and 2,62 € → 2,72 € in the DROM, applicable
 * six months after the approval. The acts' coefficients (NGAP titre IV, avenants 19 to 21) are
 * the caller's: the table prices the letter.
 *
 * The avenant n° 21 (signé le 23 juillet 2025, JO du 2 septembre 2025) changes the coefficients
 * of the bilans and creates forfaits (régulation PPSO, majoration of the urgent bilan, aide for
 * the meetings with the schools); it leaves the letter's value unchanged, so the 2024-01-26 rows
 * stay open-ended through 2026.
 */
import type { Profession } from '../../model';
import type { TableTarifs } from '../../referentiel';
import { DEBUT_HISTORIQUE, DELAI_SIX_MOIS, ngapRow, ngapTable } from './row';

const OR: readonly Profession[] = ['orthophoniste'];
const CONVENTION = 'Convention nationale des orthophonistes du 31 octobre 1996 (JO du 9 janvier 1997), annexe tarifaire';
const AVANT = `${CONVENTION} : valeur en vigueur au 01/01/2023 (inchangée depuis 2012 ; avenant n° 20, article 1er)`;
const AV20 = `${CONVENTION}, avenant n° 20 signé le 22 juin 2023 (arrêté du 25 juillet 2023 portant approbation, JO du 18 août 2023), article 1er : lettre clé AMO revalorisée, ${DELAI_SIX_MOIS}, soit le 26 janvier 2024`;
const AV20_DATE = '2024-01-26';

/** NGAP orthophonistes: AMO. */
export const NGAP_ORTHOPHONISTES: TableTarifs = /* @__PURE__ */ ngapTable('orthophonistes', `${CONVENTION} et avenant n° 20`, [
  ngapRow(OR, 'metropole', 'AMO', 'Acte d’orthophonie', DEBUT_HISTORIQUE, '2.50', true, AVANT),
  ngapRow(OR, 'metropole', 'AMO', 'Acte d’orthophonie', AV20_DATE, '2.60', true, AV20),
  ngapRow(OR, 'dom', 'AMO', 'Acte d’orthophonie (DOM)', DEBUT_HISTORIQUE, '2.62', true, AVANT),
  ngapRow(OR, 'dom', 'AMO', 'Acte d’orthophonie (DOM)', AV20_DATE, '2.72', true, AV20),
]);
