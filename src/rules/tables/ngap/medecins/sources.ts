/**
 * NGAP médecins: the official texts the rows cite, and the row builders (internal).
 *
 * Every row has a `validFrom`. A value already in force on 2023-01-01 whose setting text is
 * older and whose exact start date is not retained here starts on 2023-01-01, and its source
 * says so (the history the library needs starts with the one-year billing window of 2024 plus
 * late returns). A figure not tied to an official text is a placeholder (`prix: null`,
 * `RULES_TARIF_A_CONFIRMER`) whose source says what to confirm.
 *
 * The ameli.fr pages cited (CNAM), with their addresses:
 * - « La valorisation de l’activité clinique du médecin généraliste », 28/11/2024:
 *   https://www.ameli.fr/medecin/textes-reference/convention-medicale-2024-2029/grands-axes-convention-detail/mesures-attractivite-exercice-liberal/revalorisation-consultations-actes/valorisation-activite-clinique-medecin-generaliste
 * - « La valorisation de l’activité clinique des autres spécialistes », 28/11/2024:
 *   https://www.ameli.fr/medecin/textes-reference/convention-medicale-2024-2029/grands-axes-convention-detail/mesures-attractivite-exercice-liberal/revalorisation-consultations-actes/valorisation-activite-clinique-autres-specialistes
 * - « Tarifs des médecins généralistes et spécialistes : ce qui a changé le 22 décembre 2024 »:
 *   https://www.ameli.fr/assure/actualites/tarifs-des-medecins-generalistes-et-specialistes-ce-qui-change-le-22-decembre-2024
 */
import type { PlainDate } from '../../../../core/date/index';
import type { Profession, Secteur } from '../../../model';
import type { TarifRow } from '../../../referentiel';

/** Médecins only. */
export const MEDECIN: readonly Profession[] = ['medecin'];
/** Secteur 1 and secteur 2 adhering to OPTAM (tarifs opposables). */
export const S1_OPTAM: readonly Secteur[] = ['1', '2-optam'];

/** NGAP: the legal basis of every letter key (version and amounts: see each row). */
export const NGAP =
  'NGAP (arrêté du 27 mars 1972 modifié ; liste des actes et prestations, décision UNCAM du 11 mars 2005 modifiée ; CNAM, ameli.fr)';
/** Convention médicale 2016. */
export const CONV_2016 = 'convention médicale 2016 (arrêté du 20 octobre 2016, NOR AFSS1629881A, JO du 23 octobre 2016)';
/** Avenant n° 9 to the 2016 convention (revaluations of 1 April 2022). */
export const AVENANT_9 = 'avenant n° 9 à la convention médicale 2016 (signé le 30 juillet 2021, approuvé par arrêté au JO), mesures du 1er avril 2022';
/** Règlement arbitral 2023. */
export const RA_2023 =
  'règlement arbitral médecins libéraux (arrêté du 28 avril 2023, JO du 30 avril 2023), revalorisations du 1er novembre 2023';
/** Convention médicale 2024–2029. */
export const CONV_2024 = 'convention médicale 2024-2029 (arrêté du 20 juin 2024, JO du 21 juin 2024)';
/** The suspension of the 1 July 2025 wave, applied on 1 January 2026. */
export const REPORT_2026 =
  'prévu au 1er juillet 2025, reporté au 1er janvier 2026 (avis du Comité d’alerte de l’ONDAM du 18 juin 2025 ; code de la sécurité sociale, art. L.162-14-1-1)';
/** ameli (CNAM) page on the GP consultation of the 2024 convention. */
export const AMELI_MG =
  'ameli.fr (CNAM), « La valorisation de l’activité clinique du médecin généraliste », 28 novembre 2024';
/** ameli (CNAM) page on the other specialists. */
export const AMELI_SPE =
  'ameli.fr (CNAM), « La valorisation de l’activité clinique des autres spécialistes », 28 novembre 2024';
/** ameli (CNAM) news of 22 December 2024. */
export const AMELI_22_12_2024 =
  'ameli.fr (CNAM), « Tarifs des médecins généralistes et spécialistes : ce qui a changé le 22 décembre 2024 »';
/** service-public.fr (DILA) page on children's consultations, as in force from 1 November 2023 to 21 December 2024. */
export const SP_ENFANT =
  'service-public.fr (DILA), fiche F10874 « Remboursement d’une consultation médicale pour un enfant de moins de 16 ans », version du 1er novembre 2023 au 21 décembre 2024';
/** Décision UNCAM of 29 October 2024 (JO): NGAP art. 2 bis (majorations de coordination) and art. 14 (urgence) rewritten for the convention 2024. */
export const UNCAM_29_10_2024 =
  'décision UNCAM du 29 octobre 2024 relative à la liste des actes et prestations (JO), art. 7 (https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000050685633) : NGAP art. 2 bis (MCS, MCC, MCG) et art. 14 (majorations réservées à la situation d’urgence)';
/** The SNDS nomenclature of the natures de prestation: where a code's existence is sourced when its amount is not. */
export const SNDS_NAT = 'nomenclatures du SNDS, table IR_NAT_V des natures de prestation (CNAM, Licence Ouverte 2.0)';
/** Said of a value in force on 2023-01-01 set by an older text whose date is not retained. */
export const DEPUIS_2023 = 'valeur en vigueur au 1er janvier 2023 fixée par un texte antérieur dont la date n’est pas retenue ici : début au 2023-01-01';

/** Optional row fields; `validTo` as 'YYYY-MM-DD'. */
export type Extra = Partial<Pick<TarifRow, 'secteurs' | 'specialites' | 'zone' | 'parcoursSeulement' | 'acte' | 'tauxPourcent' | 'majorationParcours'>> & { readonly validTo?: string };

function base(code: string, libelle: string, validFrom: string, prix: string | null, source: string, acte: boolean, extra: Extra): TarifRow {
  const row: TarifRow = { code, libelle, nomenclature: 'ngap', professions: MEDECIN, zone: 'metropole', validFrom: validFrom as PlainDate, prix, acte, source };
  const { validTo, ...rest } = extra;
  return validTo === undefined ? { ...row, ...rest } : { ...row, ...rest, validTo: validTo as PlainDate };
}

/**
 * A priced act (subject to PF).
 *
 * @param code - NGAP code.
 * @param libelle - Label.
 * @param validFrom - First day (YYYY-MM-DD).
 * @param prix - Price in euros (`'30.00'`).
 * @param source - The official text(s).
 * @param extra - Secteurs, zone, validTo …
 * @returns The row.
 */
export function acte(code: string, libelle: string, validFrom: string, prix: string, source: string, extra: Extra = {}): TarifRow {
  return base(code, libelle, validFrom, prix, source, true, extra);
}

/**
 * A priced majoration, frais de déplacement or IK (not an act: no PF of its own).
 *
 * @param code - NGAP code.
 * @param libelle - Label.
 * @param validFrom - First day.
 * @param prix - Price in euros.
 * @param source - The official text(s).
 * @param extra - Secteurs, zone, validTo, parcoursSeulement …
 * @returns The row.
 */
export function majoration(code: string, libelle: string, validFrom: string, prix: string, source: string, extra: Extra = {}): TarifRow {
  return base(code, libelle, validFrom, prix, source, false, extra);
}

/**
 * A placeholder: the code and its period are known, the amount is not tied to an official text
 * here (`RULES_TARIF_A_CONFIRMER`; a vendor loads the confirmed row with `loadReferentiel`).
 *
 * @param code - NGAP code.
 * @param libelle - Label.
 * @param validFrom - First day.
 * @param confirmer - What to confirm, and against which text.
 * @param extra - `acte` (default true), secteurs, zone, validTo …
 * @returns The row.
 */
export function aConfirmer(code: string, libelle: string, validFrom: string, confirmer: string, extra: Extra = {}): TarifRow {
  return base(code, libelle, validFrom, null, `${NGAP} — montant à confirmer : ${confirmer}`, extra.acte ?? true, extra);
}
