/**
 * NGAP auxiliaires médicaux (infirmiers, masseurs-kinésithérapeutes) — dated tariffs.
 *
 * Source: NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (UNCAM report, orisha, montkine, concourspluripro,
 * ordremk.fr). Version: 2025-12 (figures from the public sources retained). Date: 2026-11-22.
 *
 * Rows written with `validFrom: null` (start not attested) are dated 2023-01-01, the value in force
 * on that day (start of the billing history); earlier dates are refused (RULES_TARIF_DATE). IK codes: `IK` plaine, `IKM` montagne, `IKS` à pied / à ski
 * (B2 code letters to confirm); quantity = kilometres billed after the abattement (the caller's
 * job). Kiné frais de déplacement come from the pre-2024 ordremk.fr table (may have changed with
 * avenant 7 on 2024-02-22: to confirm). DOM infirmier tariffs other than IK à pied/ski are not in the public sources retained.
 */
import type { PlainDate } from '../../core/date/index';
import type { Profession, Zone } from '../model';
import type { TableTarifs, TarifRow } from '../referentiel';

const IDE: readonly Profession[] = ['infirmier'];
const MK: readonly Profession[] = ['masseurKinesitherapeute'];

/** Start of the billing history (a year of billing plus late returns): the value in force on that day, its earlier start not retained. */
const EN_2023 = '2023-01-01';

function r(code: string, libelle: string, professions: readonly Profession[], zone: Zone, validFrom: string | null, prix: string, acte: boolean, source: string): TarifRow {
  const from = validFrom ?? EN_2023;
  const src = validFrom === null ? `${source} ; valeur en vigueur au 1er janvier 2023 (début antérieur non retenu)` : source;
  return { code, libelle, nomenclature: 'ngap', professions, zone, validFrom: from as PlainDate, prix, acte, source: src };
}

const ORISHA = 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (orisha)';
const UNCAM = 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (UNCAM report): in force 2016–2025, start not attested';
const AV7 = 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (avenant 7, montkine, concourspluripro)';
const ORDREMK = 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (ordremk.fr, pre-2024 table): to confirm after avenant 7';

/** NGAP infirmiers and masseurs-kinésithérapeutes. */
export const NGAP_AUXILIAIRES: TableTarifs = {
  source: 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (UNCAM, orisha, montkine, concourspluripro, ordremk.fr)',
  version: 'ngap-auxiliaires-2025.12',
  date: '2026-11-22' as PlainDate,
  rows: [
    r('AMI', 'Acte médico-infirmier', IDE, 'metropole', null, '3.15', true, UNCAM),
    r('AIS', 'Acte infirmier de soins', IDE, 'metropole', null, '2.65', true, 'NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) (UNCAM report, 2016): start not attested'),
    r('IFD', 'Indemnité forfaitaire de déplacement (infirmier)', IDE, 'metropole', null, '2.50', false, ORISHA),
    r('IFD', 'Indemnité forfaitaire de déplacement (infirmier)', IDE, 'metropole', '2023-08-28', '2.75', false, `${ORISHA}, avenant 10`),
    r('IK', 'Indemnité kilométrique plaine (infirmier)', IDE, 'metropole', null, '0.35', false, ORISHA),
    r('IKM', 'Indemnité kilométrique montagne (infirmier)', IDE, 'metropole', null, '0.50', false, ORISHA),
    r('IKS', 'Indemnité kilométrique à pied / à ski (infirmier)', IDE, 'metropole', null, '3.40', false, ORISHA),
    r('IKS', 'Indemnité kilométrique à pied / à ski (infirmier, DOM)', IDE, 'dom', null, '3.66', false, ORISHA),
    ...(['AMK', 'AMS', 'AMC'] as const).flatMap((code) => [
      r(code, `Acte de masso-kinésithérapie (${code})`, MK, 'metropole', null, '2.15', true, `${AV7}: start not attested`),
      r(code, `Acte de masso-kinésithérapie (${code})`, MK, 'metropole', '2024-02-22', '2.21', true, AV7),
      r(code, `Acte de masso-kinésithérapie (${code}, DOM)`, MK, 'dom', null, '2.36', true, `${AV7}: start not attested`),
      r(code, `Acte de masso-kinésithérapie (${code}, DOM)`, MK, 'dom', '2024-02-22', '2.43', true, AV7),
    ]),
    r('IFD', 'Indemnité forfaitaire de déplacement (kiné)', MK, 'metropole', null, '2.50', false, ORDREMK),
    ...(['IFO', 'IFN', 'IFP', 'IFR', 'IFS'] as const).map((code) =>
      r(code, `Indemnité forfaitaire de déplacement (kiné, ${code})`, MK, 'metropole', null, '4.00', false, ORDREMK)),
    r('IK', 'Indemnité kilométrique plaine (kiné)', MK, 'metropole', null, '0.38', false, ORDREMK),
    r('IKM', 'Indemnité kilométrique montagne (kiné)', MK, 'metropole', null, '0.61', false, ORDREMK),
    r('IKS', 'Indemnité kilométrique à pied / à ski (kiné)', MK, 'metropole', null, '3.35', false, ORDREMK),
  ],
};
