/**
 * NGAP masseurs-kinésithérapeutes (lettres clés AMK / AMS / AMC, indemnités de déplacement),
 * métropole and DOM, dated from 2023-01-01.
 *
 * Sources: convention nationale des masseurs-kinésithérapeutes du 3 avril 2007 (JO du 16 mai
 * 2007) and its avenants (ameli.fr, « Les avenants à la convention nationale des
 * masseurs-kinésithérapeutes »): n° 3 (arrêté du 10 janvier 2012, JO du 14 janvier 2012) and
 * n° 7 (arrêté du 21 août 2023 portant approbation, JO du 25 août 2023; ameli.fr,
 * masseur-kinésithérapeute, « Convention nationale : entrée en vigueur de nouvelles mesures
 * prévues à l'avenant 7 »: lettres clés 2,21 € / 2,43 € from 22 February 2024).
 *
 * The avenant n° 7 revaluations planned for 01/07/2025 (AMS 7,5 → 8,1, balnéothérapie, the
 * indemnités of home care merged into IFD and IFS), postponed to 01/01/2026 by the comité
 * d'alerte of 18/06/2025, change the COEFFICIENTS and the list of indemnités, not the letter
 * values: the caller bills the coefficient of the NGAP in force at the act date (`AMS` × `8.1`).
 * The IFO / IFN / IFP / IFR rows are therefore left open-ended (their withdrawal date is to be
 * confirmed against the avenant n° 8).
 *
 * TMK (télésoin): the avenant n° 7 creates the letter, billable from 22 February 2024 (ameli.fr,
 * same page); its value is not on the official pages retained, so the rows are placeholders from
 * that date (`RULES_TARIF_A_CONFIRMER`; a TMK act before it is refused with `RULES_TARIF_DATE`).
 *
 * The majorations of NGAP art. 14 (acts done at night or on a Sunday / public holiday, in an
 * urgency justified by the patient's state) are billed with the codes of the infirmiers table:
 * `N` (nuit, 60 F) and `F` (dimanche et jour férié, 50 F), set by the avenant tarifaire n° 3
 * to the 1994 convention (arrêté du 30 octobre 1998, JO du 3 novembre 1998) and converted to
 * 9,15 € and 7,62 € by the CNAMTS (circulaire CABDIR n° 15/2001 du 10 décembre 2001); métropole
 * only (the DOM values are not in the texts retained).
 */
import type { Profession } from '../../model';
import type { TableTarifs } from '../../referentiel';
import { DEBUT_HISTORIQUE, DELAI_SIX_MOIS, ngapRow, ngapTable } from './row';

const MK: readonly Profession[] = ['masseurKinesitherapeute'];
const CONVENTION = 'Convention nationale des masseurs-kinésithérapeutes du 3 avril 2007 (JO du 16 mai 2007), annexe tarifaire';
const AV3 = `${CONVENTION}, avenant n° 3 (arrêté du 10 janvier 2012, JO du 14 janvier 2012) : valeur en vigueur au 01/01/2023`;
const AV7 = `${CONVENTION}, avenant n° 7 (arrêté du 21 août 2023 portant approbation, JO du 25 août 2023) : lettres clés AMK, AMS, AMC portées à 2,21 € (métropole) et 2,43 € (DOM), ${DELAI_SIX_MOIS}, soit le 22 février 2024 (ameli.fr, « Convention nationale : entrée en vigueur de nouvelles mesures prévues à l’avenant 7 »)`;
const IFX = `${CONVENTION}, avenant du 20 janvier 2006 (arrêté du 28 février 2006, JO du 4 mars 2006) : valeur en vigueur au 01/01/2023`;
const IK = `${CONVENTION}, avenant du 10 avril 2003 (JO du 19 juin 2003) : valeur en vigueur au 01/01/2023`;
const IFD = `${AV3} ; maintenue à 2,50 € par l’avenant n° 7 (JO du 25 août 2023)`;
const AV7_DATE = '2024-02-22';
const TMK_A_CONFIRMER = `à confirmer contre l’avenant n° 7 (annexe de l’arrêté du 21 août 2023, JO du 25 août 2023, https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000047995989 et articles suivants) et la NGAP : valeur de la lettre clé TMK (télésoin, avenant n° 7, article 2.3.1), facturable à compter du 22 février 2024 (ameli.fr, masseur-kinésithérapeute, « Convention nationale : entrée en vigueur de nouvelles mesures prévues à l’avenant 7 » ; « Télésoin : conditions de réalisation, facturation et aides à l’équipement », 17 septembre 2024), absente des pages officielles retenues`;
const MAJ_1998 = 'Convention nationale des masseurs-kinésithérapeutes, avenant tarifaire n° 3 du 15 juin 1998 (arrêté du 30 octobre 1998, JO du 3 novembre 1998) ; valeur en euros fixée par la circulaire CNAMTS CABDIR n° 15/2001 du 10 décembre 2001 : valeur en vigueur au 01/01/2023';

/** NGAP masseurs-kinésithérapeutes: AMK, AMS, AMC, TMK (placeholder), IFD (and its code prestation IFA), IFO, IFN, IFP, IFR, IFS, IK, IKM, IKS, N, F. */
export const NGAP_MASSEURS_KINESITHERAPEUTES: TableTarifs = /* @__PURE__ */ ngapTable('masseurs-kinésithérapeutes', `${CONVENTION} et avenants n° 3 et 7 ; avenant du 15 juin 1998 (N et F)`, [
  ...(['metropole', 'dom'] as const).flatMap((zone) => {
    const dom = zone === 'dom';
    const z = dom ? ', DOM' : '';
    return [
      ...(['AMK', 'AMS', 'AMC'] as const).flatMap((code) => [
        ngapRow(MK, zone, code, `Acte de masso-kinésithérapie (${code}${z})`, DEBUT_HISTORIQUE, dom ? '2.36' : '2.15', true, AV3),
        ngapRow(MK, zone, code, `Acte de masso-kinésithérapie (${code}${z})`, AV7_DATE, dom ? '2.43' : '2.21', true, AV7),
      ]),
      ...(['IFO', 'IFN', 'IFP', 'IFR', 'IFS'] as const).map((code) =>
        ngapRow(MK, zone, code, `Indemnité forfaitaire de déplacement (kiné, ${code}${z})`, DEBUT_HISTORIQUE, '4.00', false, IFX)),
      ngapRow(MK, zone, 'IK', `Indemnité kilométrique plaine (kiné${z})`, DEBUT_HISTORIQUE, dom ? '0.43' : '0.38', false, IK),
      ngapRow(MK, zone, 'IKM', `Indemnité kilométrique montagne (kiné${z})`, DEBUT_HISTORIQUE, dom ? '0.66' : '0.61', false, IK),
      ngapRow(MK, zone, 'IKS', `Indemnité kilométrique à pied ou à ski (kiné${z})`, DEBUT_HISTORIQUE, '3.35', false, IK),
      ngapRow(MK, zone, 'IFD', `Indemnité forfaitaire de déplacement (kiné${z})`, DEBUT_HISTORIQUE, '2.50', false, IFD),
      ngapRow(MK, zone, 'TMK', `Acte de masso-kinésithérapie en télésoin (TMK${z})`, AV7_DATE, null, true, TMK_A_CONFIRMER),
      ngapRow(MK, zone, 'IFA', `Indemnité forfaitaire de déplacement, code IFA (kiné${z})`, DEBUT_HISTORIQUE, '2.50', false, `${IFD} ; code prestation IFA (nomenclatures du SNDS, nature de prestation 1842)`),
    ];
  }),
  ngapRow(MK, 'metropole', 'N', 'Majoration de nuit, 20 h–8 h (kiné, NGAP art. 14)', DEBUT_HISTORIQUE, '9.15', false, `${MAJ_1998} (60 F)`),
  ngapRow(MK, 'metropole', 'F', 'Majoration dimanche et jour férié (kiné, NGAP art. 14)', DEBUT_HISTORIQUE, '7.62', false, `${MAJ_1998} (50 F)`),
]);
