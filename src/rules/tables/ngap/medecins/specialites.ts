/**
 * NGAP médecins: consultation values that depend on the physician's specialty (gériatrie,
 * gynécologie), métropole. Part of the default table: the rows carry `specialites` (IR_SPE_V:
 * 34 gériatrie; 07, 70, 79 gynécologie obstétrique / médicale), so the lookup takes them before the
 * generic CS for a PS of those specialties from 22 December 2024, and the generic CS otherwise.
 *
 * ameli.fr (CNAM) gives the coordinated consultation of both specialties as 37 € from
 * 22 December 2024 (31,50 € and 33,50 € before); the consultation coordonnée is CS + MCS and MCS
 * stays 5 € (décision UNCAM du 29 octobre 2024, NGAP art. 2 bis: MCS in the parcours and in
 * accès direct spécifique), so CS is 32 € in secteur 1 / OPTAM (secteur 2 non-OPTAM keeps the
 * generic CS at 23 €). The second wave of the convention 2024 (planned 1 July 2025, applied on
 * 1 January 2026) changes both values; its amounts are not tied to an official text here: from
 * 2026-01-01 the rows are placeholders (`RULES_TARIF_A_CONFIRMER`), never the 2024 price.
 */
import type { TarifRow } from '../../../referentiel';
import { AMELI_22_12_2024, CONV_2024, REPORT_2026, S1_OPTAM, UNCAM_29_10_2024, aConfirmer, acte } from './sources';

/** The parcours-only majoration a coordinated CS carries (DA cap hors parcours, CSS L.162-5-3). */
const CS_GERIATRIE = { secteurs: S1_OPTAM, majorationParcours: 'MCS', specialites: ['34'] } as const;
const CS_GYNECOLOGIE = { secteurs: S1_OPTAM, majorationParcours: 'MCS', specialites: ['07', '70', '79'] } as const;
const MCS_UNCAM = `MCS 5 € inchangée ; ${UNCAM_29_10_2024}`;
const VAGUE_2026 = (specialite: string): string =>
  `valeur de CS pour le ${specialite} à la seconde vague du ${CONV_2024} (${REPORT_2026}) ; ${AMELI_22_12_2024} annonce cette vague sans en donner le montant`;

/** Gériatrie rows (CS of a médecin spécialiste en gériatrie). */
export const GERIATRIE: readonly TarifRow[] = [
  acte('CS', 'Consultation au cabinet du médecin spécialiste en gériatrie (secteur 1 / OPTAM)', '2024-12-22', '32.00',
    `${CONV_2024} ; ${AMELI_22_12_2024} : « celle du gériatre de 31,50 € à 37 € », soit CS 32 € + MCS 5 € ; ${MCS_UNCAM}`, CS_GERIATRIE),
  aConfirmer('CS', 'Consultation au cabinet du médecin spécialiste en gériatrie (secteur 1 / OPTAM)', '2026-01-01', VAGUE_2026('gériatre'), CS_GERIATRIE),
];

/** Gynécologie rows (CS of a gynécologue, accès direct spécifique). */
export const GYNECOLOGIE: readonly TarifRow[] = [
  acte('CS', 'Consultation au cabinet du gynécologue (secteur 1 / OPTAM)', '2024-12-22', '32.00',
    `${CONV_2024} ; ${AMELI_22_12_2024} : « la consultation chez le gynécologue passe par exemple de 33,50 € à 37 € », soit CS 32 € + MCS 5 € ; ${MCS_UNCAM}`, CS_GYNECOLOGIE),
  aConfirmer('CS', 'Consultation au cabinet du gynécologue (secteur 1 / OPTAM)', '2026-01-01', VAGUE_2026('gynécologue'), CS_GYNECOLOGIE),
];
