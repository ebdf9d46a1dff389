/**
 * NGAP médecins: permanence des soins, urgences, nuit, dimanche, déplacements (MN, MM, F,
 * CRN, CRM, CRD, CRS and the visit forms VRN, VRM, VRD, VRS, MU, MD, VL, IK), métropole.
 *
 * The régulée codes and their periods follow the SNDS nomenclature of the natures de prestation
 * (IR_NAT_V: CRN 1933 nuit, CRM 1934 milieu de nuit, CRD 1935 dimanche et jours fériés,
 * VRN / VRM / VRD 1936–1938, CRS 1941 and VRS 1942 samedi après-midi).
 *
 * The convention 2024 changes the non-regulated evening / night / Sunday majorations from
 * 22 December 2024 (a flat supplement outside regulated PDSA). None of these amounts is tied to
 * an official text in the sources retained here: every row is a placeholder whose source says
 * what to confirm (NGAP article and convention annex). They are not acts (no PF of their own),
 * except VL (visite longue).
 */
import type { TarifRow } from '../../../referentiel';
import { CONV_2016, CONV_2024, SNDS_NAT, UNCAM_29_10_2024, aConfirmer } from './sources';

const TEXTES = `${CONV_2016} (annexe tarifaire) et ${CONV_2024}`;
const MAJ = { acte: false } as const;
/** NGAP art. 14 as rewritten for 22 December 2024: night / Sunday majorations only in a situation d'urgence; the flat supplement outside it has its own code and amount. */
const ART_14 = `${UNCAM_29_10_2024} ; supplément forfaitaire hors urgence du ${CONV_2024} : code et montant à confirmer`;

/** Permanence des soins and déplacement rows. */
export const PERMANENCE: readonly TarifRow[] = [
  aConfirmer('MN', 'Majoration de nuit (20 h – 0 h, 6 h – 8 h)', '2023-01-01', `MN (35 €, valeur NGAP antérieure) et son évolution au 22/12/2024 (${TEXTES} ; ${ART_14})`, MAJ),
  aConfirmer('MM', 'Majoration de milieu de nuit (0 h – 6 h)', '2023-01-01', `MM (40 €, valeur NGAP antérieure) et son évolution au 22/12/2024 (${TEXTES} ; ${ART_14})`, MAJ),
  aConfirmer('F', 'Majoration dimanche et jour férié', '2023-01-01', `F (19,06 €, valeur NGAP antérieure) et son évolution au 22/12/2024 (${TEXTES} ; ${ART_14})`, MAJ),
  aConfirmer('CRN', 'Majoration régulée de nuit (PDSA)', '2023-01-01', `CRN et ses revalorisations du 22/12/2024 (${TEXTES})`, MAJ),
  aConfirmer('CRM', 'Majoration régulée de milieu de nuit (PDSA)', '2023-01-01', `CRM et ses revalorisations du 22/12/2024 (${TEXTES})`, MAJ),
  aConfirmer('CRD', 'Majoration régulée de consultation, dimanche et jour férié (PDSA)', '2023-01-01', `CRD et ses revalorisations du 22/12/2024 (${TEXTES}) ; code : ${SNDS_NAT}, nature 1935`, MAJ),
  aConfirmer('CRS', 'Majoration régulée de consultation, samedi après-midi (PDSA)', '2023-01-01', `CRS et ses revalorisations du 22/12/2024 (${TEXTES}) ; code : ${SNDS_NAT}, nature 1941`, MAJ),
  ...([['VRN', 'de nuit', 1936], ['VRM', 'de milieu de nuit', 1937], ['VRD', 'de dimanche et jour férié', 1938], ['VRS', 'de samedi après-midi', 1942]] as const).map(([code, periode, nature]) =>
    aConfirmer(code, `Majoration régulée de visite ${periode} (PDSA)`, '2023-01-01', `${code} et ses revalorisations du 22/12/2024 (${TEXTES}) ; code : ${SNDS_NAT}, nature ${nature}`, MAJ)),
  aConfirmer('MU', 'Majoration d’urgence (médecin généraliste)', '2023-01-01', `MU (22,60 €, valeur NGAP antérieure) (${TEXTES}) ; lettre créée par arrêté du 15 mai 1998 (NGAP art. 14-1, JO du 16 mai 1998), non cumulable avec les majorations de l’art. 14`, MAJ),
  aConfirmer('MD', 'Majoration de déplacement pour visite à domicile justifiée', '2023-01-01', `MD (10 €, valeur NGAP antérieure) et son évolution au 22/12/2024 (${TEXTES})`, MAJ),
  aConfirmer('VL', 'Visite longue et complexe du médecin traitant', '2023-01-01', `VL et ses revalorisations (règlement arbitral 2023 ; ${CONV_2024})`),
  aConfirmer('IK', 'Indemnité kilométrique (médecin), par kilomètre facturé', '2023-01-01', `IK plaine et montagne (0,61 € et 0,91 €, valeur NGAP antérieure) (${TEXTES})`, MAJ),
];
