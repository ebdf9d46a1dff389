/**
 * validateFactureInput: checks that caller data (typed `unknown`) has the shape of a
 * {@link FactureInput}, with an issue and a path for each problem. Never throws.
 */
import type { Issue, IssuePath, Result } from '../core/issues/index';
import { resultOf } from '../core/issues/index';
import { isFactorText } from '../core/money/index';
import type { FactureInput } from './model';
import type { Obj } from './checks';
import { checkBool, checkCoefficient, checkDate, checkEnum, checkMoney, checkString, isObj, issue, typeName } from './checks';

const PROFESSIONS = ['medecin', 'sageFemme', 'chirurgienDentiste', 'infirmier', 'masseurKinesitherapeute', 'orthophoniste', 'orthoptiste', 'pedicurePodologue', 'pharmacien', 'transporteur'];
const SECTEURS = ['1', '2', '2-optam'];
const ZONES = ['metropole', 'dom'];
const NATURES = ['10', '13', '30', '41', '90'];
const PARCOURS = ['T', 'N', 'R', 'H', 'D', 'O', 'M', 'U', 'A', 'S', ''];
const FORMULES = ['ticketModerateur', 'pourcentageBr', 'forfait'];
const EXONERATIONS = ['invalidite', 'pensionMilitaire'];

/** Most lines an invoice may carry (a larger one is garbage, not an invoice). */
export const MAX_LIGNES = 999;
/** Largest quantity of identical acts on one line. */
export const MAX_QUANTITE = 99;

function object(v: unknown, path: IssuePath, issues: Issue[], required: boolean): Obj | undefined {
  if (isObj(v)) return v;
  if (v !== undefined) issues.push(issue('RULES_INPUT_TYPE', { path, expected: 'object', received: typeName(v) }));
  else if (required) issues.push(issue('RULES_MISSING', { path, expected: String(path[path.length - 1] ?? 'facture') }));
  return undefined;
}

function array(v: unknown, path: IssuePath, issues: Issue[]): readonly unknown[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v;
  issues.push(issue('RULES_INPUT_TYPE', { path, expected: 'array', received: typeName(v) }));
  return undefined;
}

function checkPs(v: unknown, issues: Issue[]): void {
  const ps = object(v, ['ps'], issues, true);
  if (ps === undefined) return;
  checkEnum(ps['profession'], PROFESSIONS, ['ps', 'profession'], issues, true);
  checkString(ps['specialite'], ['ps', 'specialite'], issues, true);
  checkEnum(ps['secteur'], SECTEURS, ['ps', 'secteur'], issues, true);
  checkEnum(ps['zone'], ZONES, ['ps', 'zone'], issues, true);
  checkBool(ps['medecinTraitant'], ['ps', 'medecinTraitant'], issues);
  checkString(ps['numeroFacturation'], ['ps', 'numeroFacturation'], issues);
}

function checkBeneficiaire(v: unknown, issues: Issue[]): void {
  const b = object(v, ['beneficiaire'], issues, true);
  if (b === undefined) return;
  const p = (k: string): IssuePath => ['beneficiaire', k];
  checkDate(b['dateNaissance'], p('dateNaissance'), issues, true);
  for (const k of ['c2s', 'ame', 'ald']) checkBool(b[k], p(k), issues);
  checkString(b['qualite'], p('qualite'), issues);
  checkString(b['regime'], p('regime'), issues);
  const rang = b['rangNaissance'];
  if (rang !== undefined && !(Number.isInteger(rang) && (rang as number) >= 1 && (rang as number) <= 9)) {
    issues.push(issue('RULES_INPUT_TYPE', { path: p('rangNaissance'), expected: 'entier 1–9', received: String(rang) }));
  }
  const mat = object(b['maternite'], p('maternite'), issues, false);
  if (mat !== undefined) {
    const keys = ['dateDebutGrossesse', 'dateAccouchementPrevue', 'dateAccouchement'];
    let any = false;
    for (const k of keys) any = checkDate(mat[k], ['beneficiaire', 'maternite', k], issues, false) || any;
    if (!any && keys.every((k) => mat[k] === undefined)) issues.push(issue('RULES_MATERNITE_DATES', { path: p('maternite') }));
  }
  const at = object(b['atmp'], p('atmp'), issues, false);
  if (at !== undefined) {
    checkString(at['numero'], ['beneficiaire', 'atmp', 'numero'], issues, true);
    checkDate(at['date'], ['beneficiaire', 'atmp', 'date'], issues, true);
  }
  array(b['exonerations'], p('exonerations'), issues)?.forEach((e, i) => checkEnum(e, EXONERATIONS, ['beneficiaire', 'exonerations', i], issues, true));
}

function checkLigne(v: unknown, i: number, fact: string | undefined, issues: Issue[]): void {
  const l = object(v, ['lignes', i], issues, true);
  if (l === undefined) return;
  const p = (k: string): IssuePath => ['lignes', i, k];
  const code = l['code'];
  if (checkString(code, p('code'), issues, true) && code === '') issues.push(issue('RULES_MISSING', { path: p('code'), expected: 'code' }));
  const date = l['date'];
  if (checkDate(date, p('date'), issues, true) && fact !== undefined && (date as string) > fact) {
    issues.push(issue('RULES_DATE_APRES_FACTURATION', { path: p('date'), expected: fact, received: date as string }));
  }
  const q = l['quantite'];
  if (!(typeof q === 'number' && Number.isInteger(q) && q >= 1 && q <= MAX_QUANTITE)) {
    issues.push(issue(q === undefined ? 'RULES_MISSING' : 'RULES_QUANTITE', { path: p('quantite'), expected: `entier 1–${MAX_QUANTITE}`, received: String(q) }));
  }
  checkCoefficient(l['coefficient'], p('coefficient'), issues);
  checkMoney(l['montantFacture'], p('montantFacture'), issues, false);
  checkEnum(l['motifDepassement'], ['DE', 'DA'], p('motifDepassement'), issues, false);
  checkBool(l['enRapportAld'], p('enRapportAld'), issues);
  checkEnum(l['lieu'], ['cabinet', 'domicile'], p('lieu'), issues, false);
  checkEnum(l['activite'], ['1', '2', '3', '4', '5'], p('activite'), issues, false);
  checkEnum(l['phase'], ['0', '1', '2', '3'], p('phase'), issues, false);
  array(l['modificateurs'], p('modificateurs'), issues)?.forEach((m, k) => {
    if (typeof m !== 'string' || m.length !== 1) issues.push(issue('RULES_INPUT_TYPE', { path: ['lignes', i, 'modificateurs', k], expected: 'une lettre', received: String(m) }));
  });
}

function checkAmc(v: unknown, issues: Issue[]): void {
  const a = object(v, ['amc'], issues, false);
  if (a === undefined) return;
  const formule = a['formule'];
  checkEnum(formule, FORMULES, ['amc', 'formule'], issues, true);
  const pct = a['pourcentage'];
  if (pct !== undefined || formule === 'pourcentageBr') {
    if (!(typeof pct === 'string' && isFactorText(pct.trim()) && !pct.includes('-') && Number(pct.replace(',', '.')) <= 1000)) {
      issues.push(issue(pct === undefined ? 'RULES_MISSING' : 'RULES_POURCENTAGE', { path: ['amc', 'pourcentage'], expected: '0–1000', received: String(pct) }));
    }
  }
  checkMoney(a['forfait'], ['amc', 'forfait'], issues, formule === 'forfait');
  checkMoney(a['plafond'], ['amc', 'plafond'], issues, false);
  checkBool(a['couvreDepassement'], ['amc', 'couvreDepassement'], issues);
  checkBool(a['contratResponsable'], ['amc', 'contratResponsable'], issues);
  checkString(a['numeroAmc'], ['amc', 'numeroAmc'], issues);
}

function checkHistorique(v: unknown, issues: Issue[]): void {
  const h = object(v, ['historique'], issues, false);
  if (h === undefined) return;
  array(h['cumulsAnnuels'], ['historique', 'cumulsAnnuels'], issues)?.forEach((c, i) => {
    const o = object(c, ['historique', 'cumulsAnnuels', i], issues, true);
    if (o === undefined) return;
    const y = o['annee'];
    if (!(Number.isInteger(y) && (y as number) >= 1900 && (y as number) <= 2099)) {
      issues.push(issue('RULES_INPUT_TYPE', { path: ['historique', 'cumulsAnnuels', i, 'annee'], expected: 'année 1900–2099', received: String(y) }));
    }
    checkMoney(o['participationForfaitaire'], ['historique', 'cumulsAnnuels', i, 'participationForfaitaire'], issues, true);
    checkMoney(o['franchises'], ['historique', 'cumulsAnnuels', i, 'franchises'], issues, true);
  });
  array(h['cumulsJournaliers'], ['historique', 'cumulsJournaliers'], issues)?.forEach((c, i) => {
    const o = object(c, ['historique', 'cumulsJournaliers', i], issues, true);
    if (o === undefined) return;
    const p = (k: string): IssuePath => ['historique', 'cumulsJournaliers', i, k];
    checkDate(o['date'], p('date'), issues, true);
    checkMoney(o['participationForfaitaire'], p('participationForfaitaire'), issues, true);
    checkMoney(o['franchiseParamedical'], p('franchiseParamedical'), issues, false);
    checkMoney(o['franchiseTransport'], p('franchiseTransport'), issues, false);
  });
}

/**
 * Checks the shape of an invoice to price: types, required fields, enumerations, dates, money,
 * quantities and coefficients, line dates not after the billing date.
 *
 * @param input - Caller data (anything).
 * @returns The same object typed as {@link FactureInput}, or issues with paths such as `['lignes', 2, 'code']`.
 * @example
 * const r = validateFactureInput(JSON.parse(body));
 * if (!r.ok) showIssues(r.issues);
 * @see SPECS §2.3–2.4, §6.4–6.8
 */
export function validateFactureInput(input: unknown): Result<FactureInput> {
  const issues: Issue[] = [];
  const root = object(input, [], issues, true);
  if (root === undefined) return resultOf(input as FactureInput, issues);
  const fact = root['dateFacturation'];
  const factOk = checkDate(fact, ['dateFacturation'], issues, true);
  checkPs(root['ps'], issues);
  checkBeneficiaire(root['beneficiaire'], issues);
  checkEnum(root['natureAssurance'], NATURES, ['natureAssurance'], issues, false);
  checkEnum(root['parcours'], PARCOURS, ['parcours'], issues, false);
  const lignes = array(root['lignes'], ['lignes'], issues);
  if (lignes === undefined) {
    if (root['lignes'] === undefined) issues.push(issue('RULES_MISSING', { path: ['lignes'], expected: 'lignes' }));
  } else if (lignes.length === 0) {
    issues.push(issue('RULES_LIGNES_VIDES', { path: ['lignes'] }));
  } else if (lignes.length > MAX_LIGNES) {
    issues.push(issue('RULES_LIGNES_TROP', { path: ['lignes'], expected: String(MAX_LIGNES), received: String(lignes.length) }));
  } else {
    for (let i = 0; i < lignes.length; i++) checkLigne(lignes[i], i, factOk ? (fact as string) : undefined, issues);
  }
  checkAmc(root['amc'], issues);
  checkHistorique(root['historique'], issues);
  const tp = object(root['tiersPayant'], ['tiersPayant'], issues, false);
  if (tp !== undefined) {
    checkBool(tp['amo'], ['tiersPayant', 'amo'], issues);
    checkBool(tp['amc'], ['tiersPayant', 'amc'], issues);
  }
  return resultOf(input as FactureInput, issues);
}
