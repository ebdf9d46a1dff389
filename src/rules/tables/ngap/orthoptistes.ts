/**
 * NGAP orthoptistes (lettre clé AMY), métropole and DOM, dated from 2023-01-01.
 *
 * Sources: convention nationale des orthoptistes du 19 avril 1999 (JO du 5 août 1999) and its
 * avenant n° 16 (arrêté du 12 juillet 2023 portant approbation, JORF n° 0165 du 19 juillet 2023,
 * https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047858563), which revalues acts (their
 * coefficients: champs visuels, rééducations, primo-prescription AMY 8,7) and not the letter.
 */
import type { Profession } from '../../model';
import type { TableTarifs } from '../../referentiel';
import { DEBUT_HISTORIQUE, ngapRow, ngapTable } from './row';

const OY: readonly Profession[] = ['orthoptiste'];
const CONVENTION = 'Convention nationale des orthoptistes du 19 avril 1999 (JO du 5 août 1999), annexe tarifaire';
const EN_VIGUEUR = `${CONVENTION} : valeur en vigueur au 01/01/2023 ; l’avenant n° 16 (arrêté du 12 juillet 2023, JORF n° 0165 du 19 juillet 2023) revalorise les coefficients des actes, pas la lettre clé`;

/** NGAP orthoptistes: AMY. */
export const NGAP_ORTHOPTISTES: TableTarifs = /* @__PURE__ */ ngapTable('orthoptistes', `${CONVENTION} et avenant n° 16`, [
  ngapRow(OY, 'metropole', 'AMY', 'Acte d’orthoptie', DEBUT_HISTORIQUE, '2.60', true, EN_VIGUEUR),
  ngapRow(OY, 'dom', 'AMY', 'Acte d’orthoptie (DOM)', DEBUT_HISTORIQUE, '2.72', true, EN_VIGUEUR),
]);
