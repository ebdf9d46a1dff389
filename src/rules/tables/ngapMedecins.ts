/**
 * NGAP médecins — dated tariffs, métropole and DROM (secteur 1 / OPTAM unless a row says
 * otherwise). The rows live in src/rules/tables/ngap/medecins/ (one file per family).
 *
 * Every row has a `validFrom` and cites an official text: the NGAP (arrêté du 27 mars 1972
 * modifié, liste des actes et prestations de l'UNCAM), the convention médicale 2016 (arrêté du
 * 20 octobre 2016) and its avenant n° 9, the règlement arbitral (arrêté du 28 avril 2023, JO du
 * 30 avril 2023), the convention médicale 2024-2029 (arrêté du 20 juin 2024, JO du 21 juin 2024)
 * with the 1 July 2025 wave applied on 1 January 2026 (comité d'alerte of 18 June 2025), and
 * the CNAM's ameli.fr pages. History starts on or before 2023-01-01. Rows with `prix: null` are
 * codes whose amount is not tied to an official text here (`RULES_TARIF_A_CONFIRMER`): their
 * source says what to confirm; a vendor loads the confirmed rows with `loadReferentiel`.
 */
import type { PlainDate } from '../../core/date/index';
import type { TableTarifs } from '../referentiel';
import { ngapVersion } from '../versions';
import { NGAP_MEDECINS_ROWS } from './ngap/medecins/index';
import { GERIATRIE, GYNECOLOGIE } from './ngap/medecins/specialites';

/** NGAP médecins (default table). */
export const NGAP_MEDECINS: TableTarifs = {
  source:
    'NGAP (CNAM, ameli.fr) ; convention médicale 2016 (arrêté du 20 octobre 2016) et avenant n° 9 ; règlement arbitral (arrêté du 28 avril 2023, JO du 30 avril 2023) ; convention médicale 2024-2029 (arrêté du 20 juin 2024, JO du 21 juin 2024) ; codes sans montant confirmé : nomenclatures du SNDS (IR_NAT_V, Licence Ouverte 2.0)',
  version: /* @__PURE__ */ ngapVersion('médecins', NGAP_MEDECINS_ROWS),
  date: '2026-12-02' as PlainDate,
  rows: NGAP_MEDECINS_ROWS,
};

const SPECIALITE_SOURCE =
  'convention médicale 2024-2029 (arrêté du 20 juin 2024, JO du 21 juin 2024) ; ameli.fr (CNAM), « Tarifs des médecins généralistes et spécialistes : ce qui a changé le 22 décembre 2024 » ; décision UNCAM du 29 octobre 2024 (NGAP art. 2 bis, JO)';

/**
 * NGAP médecins, gériatrie: CS 32 € in secteur 1 / OPTAM from 22 December 2024 (the gériatre's
 * coordinated consultation 37 € = CS + MCS, ameli.fr), a placeholder from 1 January 2026, for a
 * PS of specialty 34. These rows are already in `NGAP_MEDECINS` (reserved to the specialty by
 * `specialites`); the table alone serves a référentiel built without the defaults.
 */
export const NGAP_MEDECINS_GERIATRIE: TableTarifs = {
  source: SPECIALITE_SOURCE,
  version: /* @__PURE__ */ ngapVersion('médecins gériatrie', GERIATRIE),
  date: '2026-12-02' as PlainDate,
  rows: GERIATRIE,
};

/**
 * NGAP médecins, gynécologie: CS 32 € in secteur 1 / OPTAM from 22 December 2024 (the
 * gynécologue's consultation 37 € = CS + MCS, ameli.fr), a placeholder from 1 January 2026, for a
 * PS of specialty 07, 70 or 79. Already in `NGAP_MEDECINS` (reserved by `specialites`).
 */
export const NGAP_MEDECINS_GYNECOLOGIE: TableTarifs = {
  source: SPECIALITE_SOURCE,
  version: /* @__PURE__ */ ngapVersion('médecins gynécologie', GYNECOLOGIE),
  date: '2026-12-02' as PlainDate,
  rows: GYNECOLOGIE,
};
