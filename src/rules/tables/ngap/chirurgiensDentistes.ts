/**
 * NGAP chirurgiens-dentistes: consultation C and consultation of the specialist (CS, ODF), dated
 * from 2023-01-01. Dental acts are CCAM (see the CCAM table); the 60 % rate of dental care from
 * 2023-10-15 is a rule of the rates, not of this table.
 *
 * Sources: convention nationale des chirurgiens-dentistes 2023-2028 (arrêté du 20 août 2023
 * portant approbation, JO du 25 août 2023); service-public.fr, fiche F33956 « Remboursement des
 * soins dentaires » (Direction de l'information légale et administrative, vérifiée le 15/05/2024):
 * consultation 23 € for the chirurgien-dentiste and the ODF specialist. DOM values and the other
 * NGAP letters of the dentists (V, orthodontie TO: code prestation TO / ETO, nature de prestation
 * 1424 of the SNDS nomenclatures) are not in the official pages retained: a TO line is refused as
 * an unknown code (`RULES_CODE_INCONNU`) until a table with a cited value is loaded
 * (`loadReferentiel`).
 */
import type { Profession } from '../../model';
import type { TableTarifs } from '../../referentiel';
import { DEBUT_HISTORIQUE, ngapRow, ngapTable } from './row';

const CD: readonly Profession[] = ['chirurgienDentiste'];
const CONVENTION = 'Convention nationale des chirurgiens-dentistes 2023-2028 (arrêté du 20 août 2023 portant approbation, JO du 25 août 2023)';
const F33956 = `${CONVENTION} ; service-public.fr, fiche F33956 « Remboursement des soins dentaires » (DILA, vérifiée le 15/05/2024) : consultation à 23 €, en vigueur au 01/01/2023`;

/** NGAP chirurgiens-dentistes: C, CS. */
export const NGAP_CHIRURGIENS_DENTISTES: TableTarifs = /* @__PURE__ */ ngapTable('chirurgiens-dentistes', `${CONVENTION} ; service-public.fr F33956`, [
  ngapRow(CD, 'metropole', 'C', 'Consultation du chirurgien-dentiste', DEBUT_HISTORIQUE, '23.00', true, F33956),
  ngapRow(CD, 'metropole', 'CS', 'Consultation du chirurgien-dentiste spécialiste (ODF)', DEBUT_HISTORIQUE, '23.00', true, F33956),
]);
