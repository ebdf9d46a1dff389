/**
 * NGAP infirmiers (lettres clés, forfaits BSI, majorations, indemnités de déplacement), métropole
 * and DOM, dated from 2023-01-01.
 *
 * Sources: convention nationale des infirmiers libéraux signée le 22 juin 2007 (JO du 25 juillet
 * 2007) and its avenants — n° 3 (arrêté du 25 novembre 2011, JO du 26 novembre 2011), n° 6
 * (signé le 29 mars 2019, publié au JO en juin 2019), n° 10 (signé le 16 juin 2023, JO du 29 juillet
 * 2023).
 *
 * Not here (see the report / README): the nuit profonde majoration (23 h–5 h; its B2 code is not
 * confirmed), BSI forfaits and MIE / F in the DOM, and any revaluation of the avenant n° 11 under
 * negotiation in 2026 (AMI / AMX): load a newer table with `loadReferentiel` when it applies.
 */
import type { Profession } from '../../model';
import type { TableTarifs } from '../../referentiel';
import { DEBUT_HISTORIQUE, DELAI_SIX_MOIS, ngapRow, ngapTable } from './row';

const IDE: readonly Profession[] = ['infirmier'];
const CONVENTION = 'Convention nationale des infirmiers libéraux signée le 22 juin 2007 (JO du 25 juillet 2007), annexe tarifaire';
const EN_VIGUEUR = `${CONVENTION} : valeur en vigueur au 01/01/2023 (début de l’historique de cette table)`;
const AV3 = `${CONVENTION}, avenant n° 3 (arrêté du 25 novembre 2011, JO du 26 novembre 2011) : valeur en vigueur au 01/01/2023`;
const AV6 = `${CONVENTION}, avenant n° 6 signé le 29 mars 2019 (JO de juin 2019 ; ameli.fr, « L’avenant 6 élargit les missions des infirmiers », 18 avril 2019) : valeur en vigueur au 01/01/2023`;
const AV10 = `${CONVENTION}, avenant n° 10 signé le 16 juin 2023, réputé approuvé le 28 juillet 2023 (CSS art. L.162-15 ; JO du 29 juillet 2023, https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047901936) : IFD et IFI portées de 2,50 € à 2,75 € en métropole et dans les DOM, ${DELAI_SIX_MOIS}, soit le 28 janvier 2024`;
/** The IFD is transmitted with the code prestation IFA (nature de prestation 1842 of the SNDS nomenclatures): both codes are accepted. */
const IFA = ' ; code prestation IFA (nomenclatures du SNDS, nature de prestation 1842)';
const IFD_2024 = '2024-01-28';

/** NGAP infirmiers: AMI, AMX, TMI, AIS, DI, BSA/BSB/BSC, IFD (and its code prestation IFA), IFI, IK, MAU, MCI, MIE, N, F. */
export const NGAP_INFIRMIERS: TableTarifs = /* @__PURE__ */ ngapTable('infirmiers', `${CONVENTION} et avenants n° 3, 6 et 10`, [
  ...(['metropole', 'dom'] as const).flatMap((zone) => {
    const dom = zone === 'dom';
    const z = dom ? ' (DOM)' : '';
    return [
      ngapRow(IDE, zone, 'AMI', `Acte médico-infirmier${z}`, DEBUT_HISTORIQUE, dom ? '3.30' : '3.15', true, EN_VIGUEUR),
      ngapRow(IDE, zone, 'AMX', `Acte infirmier pour un patient en BSI${z}`, DEBUT_HISTORIQUE, dom ? '3.30' : '3.15', true, AV6),
      ngapRow(IDE, zone, 'TMI', `Télésoin infirmier${z}`, DEBUT_HISTORIQUE, dom ? '3.30' : '3.15', true, EN_VIGUEUR),
      ngapRow(IDE, zone, 'AIS', `Acte infirmier de soins${z}`, DEBUT_HISTORIQUE, dom ? '2.70' : '2.65', true, EN_VIGUEUR),
      ngapRow(IDE, zone, 'DI', `Démarche de soins infirmiers / bilan de soins infirmiers${z}`, DEBUT_HISTORIQUE, '10.00', true, AV3),
      ngapRow(IDE, zone, 'IFD', `Indemnité forfaitaire de déplacement (infirmier)${z}`, DEBUT_HISTORIQUE, '2.50', false, AV3),
      ngapRow(IDE, zone, 'IFD', `Indemnité forfaitaire de déplacement (infirmier)${z}`, IFD_2024, '2.75', false, AV10),
      ngapRow(IDE, zone, 'IFA', `Indemnité forfaitaire de déplacement, code IFA (infirmier)${z}`, DEBUT_HISTORIQUE, '2.50', false, AV3 + IFA),
      ngapRow(IDE, zone, 'IFA', `Indemnité forfaitaire de déplacement, code IFA (infirmier)${z}`, IFD_2024, '2.75', false, AV10 + IFA),
      ngapRow(IDE, zone, 'IFI', `Indemnité forfaitaire de déplacement, soins liés à la dépendance (infirmier)${z}`, DEBUT_HISTORIQUE, '2.50', false, AV6),
      ngapRow(IDE, zone, 'IFI', `Indemnité forfaitaire de déplacement, soins liés à la dépendance (infirmier)${z}`, IFD_2024, '2.75', false, AV10),
      ngapRow(IDE, zone, 'IK', `Indemnité kilométrique plaine (infirmier)${z}`, DEBUT_HISTORIQUE, '0.35', false, AV3),
      ngapRow(IDE, zone, 'IKM', `Indemnité kilométrique montagne (infirmier)${z}`, DEBUT_HISTORIQUE, '0.50', false, AV3),
      ngapRow(IDE, zone, 'IKS', `Indemnité kilométrique à pied ou à ski (infirmier)${z}`, DEBUT_HISTORIQUE, dom ? '3.66' : '3.40', false, AV3),
      ngapRow(IDE, zone, 'MAU', `Majoration pour acte unique${z}`, DEBUT_HISTORIQUE, '1.35', false, AV3),
      ngapRow(IDE, zone, 'MCI', `Majoration de coordination infirmière${z}`, DEBUT_HISTORIQUE, '5.00', false, AV3),
      ngapRow(IDE, zone, 'N', `Majoration de nuit, 20 h–23 h et 5 h–8 h (infirmier)${z}`, DEBUT_HISTORIQUE, '9.15', false, AV3),
    ];
  }),
  ngapRow(IDE, 'metropole', 'BSA', 'Forfait journalier de soins infirmiers, prise en charge légère (BSI)', DEBUT_HISTORIQUE, '13.00', true, AV6),
  ngapRow(IDE, 'metropole', 'BSB', 'Forfait journalier de soins infirmiers, prise en charge intermédiaire (BSI)', DEBUT_HISTORIQUE, '18.20', true, AV6),
  ngapRow(IDE, 'metropole', 'BSC', 'Forfait journalier de soins infirmiers, prise en charge lourde (BSI)', DEBUT_HISTORIQUE, '28.70', true, AV6),
  ngapRow(IDE, 'metropole', 'MIE', 'Majoration infirmier enfant de moins de 7 ans', DEBUT_HISTORIQUE, '3.15', false, AV6),
  ngapRow(IDE, 'metropole', 'F', 'Majoration dimanche et jour férié (infirmier)', DEBUT_HISTORIQUE, '8.50', false, AV6),
]);
