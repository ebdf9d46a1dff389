/**
 * rules: prices one invoice (facture) and splits it AMO / AMC / patient with an explained trace.
 *
 * - `computeFacture(input, options)` → `Result<Decompte>`; `validateFactureInput(input)`.
 * - Dated tariff tables as data (`tables/`), loaded with `loadReferentiel`; dated parameters
 *   (`PARAMETRES_DEFAUT`): rates, PF, franchises, caps, age limits.
 * - Issue codes: `RULES_CODES`.
 *
 * Sources: Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), règles de gestion. Pure: imports only src/core.
 */
export type * from './model';
export { RULES_CODES } from './codes';
export type { RulesCode } from './codes';
export type { ComputeFactureOptions } from './computeFacture';
export { computeFacture } from './computeFacture';
export { PARCOURS_SESAM } from './parcours';
export { MAX_LIGNES, MAX_QUANTITE, validateFactureInput } from './validateFactureInput';
export type { CompiledRow, Nomenclature, Referentiel, TableTarifs, TarifRow } from './referentiel';
export { loadReferentiel } from './referentiel';
export type { ConsultationMenopause, FranchiseParametre, Parametre, ParametresRegles, ReglesLfss2026, ValeurDatee } from './tables/index';
export { DEFAULT_REFERENTIEL, DEFAULT_TABLES, NGAP_AUXILIAIRES, NGAP_AUXILIAIRES_TABLES, NGAP_CHIRURGIENS_DENTISTES, NGAP_INFIRMIERS, NGAP_MASSEURS_KINESITHERAPEUTES, NGAP_MEDECINS, NGAP_MEDECINS_GERIATRIE, NGAP_MEDECINS_GYNECOLOGIE, NGAP_ORTHOPHONISTES, NGAP_ORTHOPTISTES, NGAP_PEDICURES_PODOLOGUES, NGAP_SAGES_FEMMES, PARAMETRES_DEFAUT, SEANCES_PSYCHOLOGUES } from './tables/index';
export type { DemoFacture } from './examples/demoDay';
export { DEMO_DAY } from './examples/demoDay';
export type * from './ccam/model';
export { CCAM_CODES } from './ccam/codes';
export type { ParseCcamOptions } from './ccam/parseCcamCsv';
export { MAX_CCAM_CSV_LENGTH, parseCcamCsv } from './ccam/parseCcamCsv';
export { buildCcamHistory, findCcamActe, parseCcamHistory, serializeCcamHistory } from './ccam/history';
export { ccamKey, ccamTarifTable } from './ccam/toTable';
export type { CombinaisonModificateurs, CumulConsultation, DerogationCumul, GroupeCcam, ParametresCcam } from './ccam/parametres';
export { CUMUL_CONSULTATION_DEFAUT, PARAMETRES_CCAM_DEFAUT } from './ccam/parametres';
export type { ConditionModificateur, ModificateurCcam, ValeurModificateur } from './ccam/modificateurs';
export { MODIFICATEURS_CCAM } from './ccam/modificateurs';
