/**
 * NGAP pédicures-podologues (lettre clé POD of the prevention of diabetic foot lesions, lettre
 * clé AMP of the other acts), métropole and DOM, dated from 2023-01-01.
 *
 * Sources: convention nationale des pédicures-podologues du 18 décembre 2007 (JO du 29 décembre
 * 2007), its avenant n° 4 (signé le 22 septembre 2020) and n° 5 (arrêté du 31 août 2023 portant
 * approbation, JORF n° 0206 du 6 septembre 2023,
 * https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048046306; ameli.fr, pédicure-podologue,
 * « Des tarifs revalorisés pour certains actes et création de nouvelles cotations »: POD at 30 €
 * in métropole and 31,50 € in the DROM from 7 March 2024).
 *
 * The avenant n° 6 (signé le 18 décembre 2024, avis d'approbation au JORF n° 0015 du 18 janvier
 * 2025) is technical (orthèses plantaires counted in the SNIR, conditions of the POD acts): it
 * changes no letter value.
 *
 * AMP is a placeholder: its value is not on the official pages retained (to confirm against the
 * annexe tarifaire of the convention). The majorations of night / Sunday, IFD and IK of the
 * pédicures are not in this table (same reason).
 */
import type { Profession } from '../../model';
import type { TableTarifs } from '../../referentiel';
import { DEBUT_HISTORIQUE, ngapRow, ngapTable } from './row';

const PP: readonly Profession[] = ['pedicurePodologue'];
const CONVENTION = 'Convention nationale des pédicures-podologues du 18 décembre 2007 (JO du 29 décembre 2007), annexe tarifaire';
const AV4 = `${CONVENTION}, avenant n° 4 signé le 22 septembre 2020 : valeur en vigueur au 01/01/2023, identique en métropole et dans les DROM`;
const AV5 = `${CONVENTION}, avenant n° 5 (arrêté du 31 août 2023, JORF n° 0206 du 6 septembre 2023) ; ameli.fr, « Des tarifs revalorisés pour certains actes et création de nouvelles cotations » : en vigueur le 7 mars 2024`;
const AMP_A_CONFIRMER = `à confirmer contre l’annexe tarifaire : ${CONVENTION} (arrêté du 24 décembre 2007 portant approbation, https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000017762810) et ses avenants (valeur de la lettre clé AMP absente des pages officielles retenues)`;
const AV5_DATE = '2024-03-07';

/** NGAP pédicures-podologues: POD, AMP. */
export const NGAP_PEDICURES_PODOLOGUES: TableTarifs = /* @__PURE__ */ ngapTable('pédicures-podologues', `${CONVENTION} et avenants n° 4 et 5`, [
  ngapRow(PP, 'metropole', 'POD', 'Séance de prévention des lésions des pieds du patient diabétique', DEBUT_HISTORIQUE, '27.00', true, AV4),
  ngapRow(PP, 'metropole', 'POD', 'Séance de prévention des lésions des pieds du patient diabétique', AV5_DATE, '30.00', true, AV5),
  ngapRow(PP, 'dom', 'POD', 'Séance de prévention des lésions des pieds du patient diabétique (DROM)', DEBUT_HISTORIQUE, '27.00', true, AV4),
  ngapRow(PP, 'dom', 'POD', 'Séance de prévention des lésions des pieds du patient diabétique (DROM)', AV5_DATE, '31.50', true, AV5),
  ngapRow(PP, 'metropole', 'AMP', 'Acte de pédicurie-podologie (AMP)', DEBUT_HISTORIQUE, null, true, AMP_A_CONFIRMER),
  ngapRow(PP, 'dom', 'AMP', 'Acte de pédicurie-podologie (AMP, DROM)', DEBUT_HISTORIQUE, null, true, AMP_A_CONFIRMER),
]);
