/**
 * Scripted outcomes of the local services, keyed on the request data (all fictitious: NIRs are
 * made up with a valid key, n° AMC 99999990 and its adhérents do not exist).
 *
 * - ADRi, by NIR: rights open, open with an ALD, closed, timeout (no answer), SOAP fault, slow.
 * - IDB / CLC, by n° d'adhérent: see {@link ADHERENTS}.
 * - PEC, by type: optique accordée, dentaire partielle, hospitalisation en cours then accordée.
 * - INSi, by nom de naissance: `UN` (CR 00), `AUCUN` (01), `PLUSIEURS` (02), `FAUTE` (SOAP fault), `LENT` (no answer).
 */
import { computeNirKey } from '../../core/ids/index';

const nir = (body: string): string => body + computeNirKey(body);

/** Outcomes of ADRi. */
export type AdriScenario = 'ouverts' | 'ald' | 'fermes' | 'timeout' | 'faute' | 'lent';

/** Fictitious bénéficiaires of the ADRi service. */
export const ASSURES: Readonly<Record<AdriScenario, string>> = /* @__PURE__ */ Object.freeze({
  ouverts: nir('1800575123012'),
  ald: nir('2561123456789'),
  fermes: nir('1700399888777'),
  timeout: nir('1650199111222'),
  faute: nir('2900699333444'),
  lent: nir('1881299555666'),
});

/** Outcomes of IDB / CLC. */
export type AmcScenario = 'garanti' | 'non_garanti' | 'rejete' | 'droits_fermes' | 'timeout' | 'faute' | 'lent' | 'erreur_metier' | 'partiel' | 'instable' | 'facture_rejetee';

/**
 * N° d'adhérent → outcome (n° AMC {@link AMC_TEST}). `instable`: the first IDB of each run answers
 * 503, then OK (retry test). `facture_rejetee`: IDB and CLC as `garanti`, then the ROC DRE-ES is
 * answered by a 908R rejection.
 */
export const ADHERENTS: Readonly<Record<AmcScenario, string>> = /* @__PURE__ */ Object.freeze({
  garanti: '10000001',
  non_garanti: '10000002',
  rejete: '10000003',
  droits_fermes: '10000004',
  timeout: '10000005',
  faute: '10000006',
  lent: '10000007',
  erreur_metier: '10000008',
  partiel: '10000009',
  instable: '10000010',
  facture_rejetee: '10000011',
});

/** The fictitious AMC of the local services. */
export const AMC_TEST = /* @__PURE__ */ Object.freeze({ numeroAmc: '99999990', typeConvention: 'TP', critereSecondaireRoutage: 'A1', routage: Object.freeze({ codeRoutage: 'XY', identifiantHote: '123', nomDomaine: 'amc-test.invalid' }) });

/** INSi identity answered for `UN` (fictitious). */
export const INS_TEST = /* @__PURE__ */ Object.freeze({ numIdentifiant: '2790363220123', cle: computeNirKey('2790363220123'), nomNaissance: 'TESTNOM', prenoms: 'JEANNE MARIE', sexe: 'F', dateNaissance: '1979-03-28', lieuNaissance: '63220' });
