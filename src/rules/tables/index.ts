/**
 * Default référentiel tables and parameters (NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024) figures only).
 */
import { unwrap } from '../../core/issues/index';
import type { Referentiel, TableTarifs } from '../referentiel';
import { loadReferentiel } from '../referentiel';
import { NGAP_AUXILIAIRES_TABLES } from './ngapAuxiliaires';
import { NGAP_MEDECINS } from './ngapMedecins';
import { SEANCES_PSYCHOLOGUES } from './psychologues';

export {
  NGAP_AUXILIAIRES, NGAP_AUXILIAIRES_TABLES, NGAP_CHIRURGIENS_DENTISTES, NGAP_INFIRMIERS, NGAP_MASSEURS_KINESITHERAPEUTES,
  NGAP_ORTHOPHONISTES, NGAP_ORTHOPTISTES, NGAP_PEDICURES_PODOLOGUES, NGAP_SAGES_FEMMES,
} from './ngapAuxiliaires';
export { NGAP_MEDECINS, NGAP_MEDECINS_GERIATRIE, NGAP_MEDECINS_GYNECOLOGIE } from './ngapMedecins';
export { SEANCES_PSYCHOLOGUES } from './psychologues';
export type { ConsultationMenopause, FranchiseParametre, Parametre, ParametresRegles, ReglesLfss2026, ValeurDatee } from './parametres';
export { PARAMETRES_DEFAUT } from './parametres';

/** The tables of the default référentiel (NGAP médecins, one NGAP table per other profession, the séances de psychologue). */
export const DEFAULT_TABLES: readonly TableTarifs[] = [NGAP_MEDECINS, ...NGAP_AUXILIAIRES_TABLES, SEANCES_PSYCHOLOGUES];

/** The default référentiel (built once; the tables are checked by the test suite). */
export const DEFAULT_REFERENTIEL: Referentiel = /* @__PURE__ */ unwrap(/* @__PURE__ */ loadReferentiel(DEFAULT_TABLES));
