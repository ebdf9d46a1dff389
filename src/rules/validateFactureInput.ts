/**
 * validateFactureInput: checks that caller data (typed `unknown`) has the shape of a
 * {@link FactureInput}, with an issue and a path for each problem. Never throws.
 */
import type { Issue, IssuePath, Result } from '../core/issues/index';
import { resultOf } from '../core/issues/index';
import { isFactorText } from '../core/money/index';
import type { FactureInput } from './model';
import { PARCOURS_LETTRES, PARCOURS_SESAM } from './parcours';
import type { Obj } from './checks';
import { checkBool, checkCoefficient, checkDate, checkEnum, checkMoney, checkString, isObj, isoDayNumber, issue, typeName } from './checks';

const PROFESSIONS = ['medecin', 'sageFemme', 'chirurgienDentiste', 'infirmier', 'masseurKinesitherapeute', 'orthophoniste', 'orthoptiste', 'pedicurePodologue', 'pharmacien', 'transporteur', 'psychologue'];
const SECTEURS = ['1', '2', '2-optam'];
const ZONES = ['metropole', 'dom'];
const NATURES = ['10', '13', '30', '41', '90'];
const PARCOURS = [...PARCOURS_LETTRES, ...Object.keys(PARCOURS_SESAM)];
const FORMULES = ['ticketModerateur', 'pourcentageBr', 'forfait'];
const EXONERATIONS = ['invalidite', 'pensionMilitaire'];
const MOTIFS = ['DE', 'DA'];
const LIEUX = ['cabinet', 'domicile'];
const ACTIVITES = ['1', '2', '3', '4', '5'];
const PHASES = ['0', '1', '2', '3'];

/** Most lines an invoice may carry (a larger one is garbage, not an invoice). */
export const MAX_LIGNES = 999;
/** Largest quantity of identical acts on one line. */
export const MAX_QUANTITE = 99;

const PS: IssuePath = ['ps'];
const BEN: IssuePath = ['beneficiaire'];
const MAT: IssuePath = ['beneficiaire', 'maternite'];
const ATMP: IssuePath = ['beneficiaire', 'atmp'];
const AMC: IssuePath = ['amc'];
const ROOT: IssuePath = [];
const TP: IssuePath = ['tiersPayant'];
const SEJOUR: IssuePath = ['sejour'];
const LIGNES: IssuePath = ['lignes'];

function object(v: unknown, base: IssuePath, key: string | number | undefined, issues: Issue[], required: boolean): Obj | undefined {
  if (isObj(v)) return v;
  const path = key === undefined ? base : [...base, key];
  if (v !== undefined) issues.push(issue('RULES_INPUT_TYPE', { path, expected: 'object', received: typeName(v) }));
  else if (required) issues.push(issue('RULES_MISSING', { path, expected: String(key ?? 'facture') }));
  return undefined;
}

function array(v: unknown, path: IssuePath, issues: Issue[]): readonly unknown[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v;
  issues.push(issue('RULES_INPUT_TYPE', { path, expected: 'array', received: typeName(v) }));
  return undefined;
}

function checkPs(v: unknown, issues: Issue[]): void {
  const ps = object(v, ROOT, 'ps', issues, true);
  if (ps === undefined) return;
  checkEnum(ps['profession'], PROFESSIONS, PS, 'profession', issues, true);
  checkString(ps['specialite'], PS, 'specialite', issues, true);
  checkEnum(ps['secteur'], SECTEURS, PS, 'secteur', issues, true);
  checkEnum(ps['zone'], ZONES, PS, 'zone', issues, true);
  checkBool(ps['medecinTraitant'], PS, 'medecinTraitant', issues);
  checkString(ps['numeroFacturation'], PS, 'numeroFacturation', issues);
}

function checkBeneficiaire(v: unknown, issues: Issue[]): void {
  const b = object(v, ROOT, 'beneficiaire', issues, true);
  if (b === undefined) return;
  checkDate(b['dateNaissance'], BEN, 'dateNaissance', issues, true);
  checkBool(b['c2s'], BEN, 'c2s', issues);
  checkBool(b['ame'], BEN, 'ame', issues);
  checkBool(b['ald'], BEN, 'ald', issues);
  checkString(b['qualite'], BEN, 'qualite', issues);
  checkString(b['regime'], BEN, 'regime', issues);
  const rang = b['rangNaissance'];
  if (rang !== undefined && !(Number.isInteger(rang) && (rang as number) >= 1 && (rang as number) <= 9)) {
    issues.push(issue('RULES_INPUT_TYPE', { path: ['beneficiaire', 'rangNaissance'], expected: 'entier 1–9', received: rang }));
  }
  const mat = object(b['maternite'], BEN, 'maternite', issues, false);
  if (mat !== undefined) {
    const a = checkDate(mat['dateDebutGrossesse'], MAT, 'dateDebutGrossesse', issues, false);
    const p = checkDate(mat['dateAccouchementPrevue'], MAT, 'dateAccouchementPrevue', issues, false);
    const r = checkDate(mat['dateAccouchement'], MAT, 'dateAccouchement', issues, false);
    const none = mat['dateDebutGrossesse'] === undefined && mat['dateAccouchementPrevue'] === undefined && mat['dateAccouchement'] === undefined;
    if (!(a || p || r) && none) issues.push(issue('RULES_MATERNITE_DATES', { path: MAT }));
  }
  const at = object(b['atmp'], BEN, 'atmp', issues, false);
  if (at !== undefined) {
    checkString(at['numero'], ATMP, 'numero', issues, true);
    checkDate(at['date'], ATMP, 'date', issues, true);
  }
  const exos = array(b['exonerations'], ['beneficiaire', 'exonerations'], issues);
  if (exos !== undefined) for (let i = 0; i < exos.length; i++) checkEnum(exos[i], EXONERATIONS, ['beneficiaire', 'exonerations'], i, issues, true);
}

function checkLigne(v: unknown, i: number, fact: string, factDay: number, issues: Issue[], base: (string | number)[], days: number[] | null): void {
  const l = object(v, LIGNES, i, issues, true);
  if (l === undefined) return;
  // Hint: one scratch path for all lines (`['lignes', i]`): the checks only copy it, into a child path, when they raise an issue.
  base[1] = i;
  const code = l['code'];
  if (checkString(code, base, 'code', issues, true) && code === '') issues.push(issue('RULES_MISSING', { path: ['lignes', i, 'code'], expected: 'code' }));
  const date = l['date'];
  const day = isoDayNumber(date);
  if (day < 0) checkDate(date, base, 'date', issues, true);
  else {
    days?.push(day);
    if (factDay >= 0 && day > factDay) issues.push(issue('RULES_DATE_APRES_FACTURATION', { path: ['lignes', i, 'date'], expected: fact, received: date as string }));
  }
  const q = l['quantite'];
  if (!(typeof q === 'number' && Number.isInteger(q) && q >= 1 && q <= MAX_QUANTITE)) {
    issues.push(issue(q === undefined ? 'RULES_MISSING' : 'RULES_QUANTITE', { path: ['lignes', i, 'quantite'], expected: `entier 1–${MAX_QUANTITE}`, received: q }));
  }
  checkCoefficient(l['coefficient'], base, 'coefficient', issues);
  checkMoney(l['montantFacture'], base, 'montantFacture', issues, false);
  checkEnum(l['motifDepassement'], MOTIFS, base, 'motifDepassement', issues, false);
  checkString(l['groupe'], base, 'groupe', issues);
  checkBool(l['enRapportAld'], base, 'enRapportAld', issues);
  checkEnum(l['lieu'], LIEUX, base, 'lieu', issues, false);
  checkEnum(l['activite'], ACTIVITES, base, 'activite', issues, false);
  checkEnum(l['phase'], PHASES, base, 'phase', issues, false);
  checkString(l['codeAssociation'], base, 'codeAssociation', issues, false);
  const mods = l['modificateurs'] === undefined ? undefined : array(l['modificateurs'], ['lignes', i, 'modificateurs'], issues);
  if (mods !== undefined) {
    for (let k = 0; k < mods.length; k++) {
      const m = mods[k];
      if (typeof m !== 'string' || m.length !== 1) issues.push(issue('RULES_INPUT_TYPE', { path: ['lignes', i, 'modificateurs', k], expected: 'une lettre', received: m }));
    }
  }
}

function checkAmc(v: unknown, issues: Issue[]): void {
  const a = object(v, ROOT, 'amc', issues, false);
  if (a === undefined) return;
  const formule = a['formule'];
  checkEnum(formule, FORMULES, AMC, 'formule', issues, true);
  const pct = a['pourcentage'];
  if (pct !== undefined || formule === 'pourcentageBr') {
    if (!(typeof pct === 'string' && isFactorText(pct.trim()) && !pct.includes('-') && Number(pct.replace(',', '.')) <= 1000)) {
      issues.push(issue(pct === undefined ? 'RULES_MISSING' : 'RULES_POURCENTAGE', { path: ['amc', 'pourcentage'], expected: '0–1000', received: pct }));
    }
  }
  checkMoney(a['forfait'], AMC, 'forfait', issues, formule === 'forfait');
  checkMoney(a['plafond'], AMC, 'plafond', issues, false);
  checkBool(a['couvreDepassement'], AMC, 'couvreDepassement', issues);
  checkBool(a['contratResponsable'], AMC, 'contratResponsable', issues);
  checkString(a['numeroAmc'], AMC, 'numeroAmc', issues);
}

function checkHistorique(v: unknown, issues: Issue[]): void {
  const h = object(v, ROOT, 'historique', issues, false);
  if (h === undefined) return;
  const annuels = array(h['cumulsAnnuels'], ['historique', 'cumulsAnnuels'], issues) ?? [];
  for (let i = 0; i < annuels.length; i++) {
    const base: IssuePath = ['historique', 'cumulsAnnuels', i];
    const o = object(annuels[i], base, undefined, issues, true);
    if (o === undefined) continue;
    const y = o['annee'];
    if (!(Number.isInteger(y) && (y as number) >= 1900 && (y as number) <= 2099)) {
      issues.push(issue('RULES_INPUT_TYPE', { path: [...base, 'annee'], expected: 'année 1900–2099', received: y }));
    }
    checkMoney(o['participationForfaitaire'], base, 'participationForfaitaire', issues, true);
    checkMoney(o['franchises'], base, 'franchises', issues, true);
  }
  const jours = array(h['cumulsJournaliers'], ['historique', 'cumulsJournaliers'], issues) ?? [];
  for (let i = 0; i < jours.length; i++) {
    const base: IssuePath = ['historique', 'cumulsJournaliers', i];
    const o = object(jours[i], base, undefined, issues, true);
    if (o === undefined) continue;
    checkDate(o['date'], base, 'date', issues, true);
    checkMoney(o['participationForfaitaire'], base, 'participationForfaitaire', issues, true);
    checkMoney(o['franchiseParamedical'], base, 'franchiseParamedical', issues, false);
    checkMoney(o['franchiseTransport'], base, 'franchiseTransport', issues, false);
  }
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
 * @see Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements
 */
export function validateFactureInput(input: unknown): Result<FactureInput> {
  return validateFacture(input, null);
}

/**
 * {@link validateFactureInput}, also giving the line dates as day numbers (internal: the engine
 * then parses no date twice).
 *
 * @param input - Caller data (anything).
 * @param days - Receives one day number per line, in order (complete only when the result is ok), or null.
 * @returns As {@link validateFactureInput}.
 */
export function validateFacture(input: unknown, days: number[] | null): Result<FactureInput> {
  const issues: Issue[] = [];
  const root = object(input, ROOT, undefined, issues, true);
  if (root === undefined) return resultOf(input as FactureInput, issues);
  const fact = root['dateFacturation'];
  const factDay = isoDayNumber(fact);
  if (factDay < 0) checkDate(fact, ROOT, 'dateFacturation', issues, true);
  checkPs(root['ps'], issues);
  checkBeneficiaire(root['beneficiaire'], issues);
  checkEnum(root['natureAssurance'], NATURES, ROOT, 'natureAssurance', issues, false);
  checkEnum(root['parcours'], PARCOURS, ROOT, 'parcours', issues, false);
  const lignes = array(root['lignes'], ['lignes'], issues);
  if (lignes === undefined) {
    if (root['lignes'] === undefined) issues.push(issue('RULES_MISSING', { path: ['lignes'], expected: 'lignes' }));
  } else if (lignes.length === 0) {
    issues.push(issue('RULES_LIGNES_VIDES', { path: ['lignes'] }));
  } else if (lignes.length > MAX_LIGNES) {
    issues.push(issue('RULES_LIGNES_TROP', { path: ['lignes'], expected: String(MAX_LIGNES), received: lignes.length }));
  } else {
    const base: (string | number)[] = ['lignes', 0];
    for (let i = 0; i < lignes.length; i++) checkLigne(lignes[i], i, fact as string, factDay, issues, base, days);
  }
  checkBool(root['prescripteurNonConventionne'], ROOT, 'prescripteurNonConventionne', issues);
  checkAmc(root['amc'], issues);
  checkHistorique(root['historique'], issues);
  const sejour = object(root['sejour'], ROOT, 'sejour', issues, false);
  if (sejour !== undefined) {
    checkString(sejour['id'], SEJOUR, 'id', issues, true);
    checkBool(sejour['participationActeLourdPayee'], SEJOUR, 'participationActeLourdPayee', issues);
  }
  const tp = object(root['tiersPayant'], ROOT, 'tiersPayant', issues, false);
  if (tp !== undefined) {
    checkBool(tp['amo'], TP, 'amo', issues);
    checkBool(tp['amc'], TP, 'amc', issues);
  }
  return resultOf(input as FactureInput, issues);
}
