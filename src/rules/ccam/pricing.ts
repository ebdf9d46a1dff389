/**
 * CCAM side of a line's price (internal, called by priceLigne for CCAM rows): modificateurs
 * (allowed by the act's CNAM list, dated, per tariff column, per specialty), code d'association,
 * DOM coefficient.
 *
 * Price = halfUp(tarif × (1 + Σ modificateurs en %) × association % × coefficient DOM) + Σ
 * modificateurs en euros, per unit: the association percentage applies to the tariff « majoré
 * des modificateurs éventuels quand ils sont en pourcentage ; ce pourcentage ne s'applique pas aux
 * modificateurs en valeur monétaire » (CCAM livre III, art. III-3 B, décision UNCAM du 11 mars
 * 2005). One rounding, half up: 50 % × 14,77 € = 7,385 → 7,39 €.
 */
import type { Factor } from '../../core/money/index';
import { formatPercent } from '../../core/money/index';
import { createIssueFactory } from '../../core/issues/index';
import { dayNumber } from '../checks';
import type { Contexte } from '../context';
import type { LigneActe, ProfessionnelSante } from '../model';
import type { Money } from '../../core/money/index';
import type { CompiledRow } from '../referentiel';
import { lookupTarif } from '../lookupTarif';
import { fmt, money, step } from '../trace';
import { CCAM_CODES } from './codes';
import type { ModificateurCcam } from './modificateurs';
import { MODIFICATEURS_CCAM, PAIRES_INCOMPATIBLES, URGENCE_EXCLUSIFS } from './modificateurs';
import type { GroupeCcam, ParametresCcam } from './parametres';
import { PARAMETRES_CCAM_DEFAUT, SOURCE_ASSOCIATION } from './parametres';
import { atParam } from './dated';

const issue = createIssueFactory(CCAM_CODES);
const SOURCE_PRIX = 'CCAM, CNAM — chapitre 19.03 (modificateurs) ; livre III, art. III-3 B (décision UNCAM du 11 mars 2005) : un seul arrondi, au centime le plus proche';

/** The part of priceLigne's `Prix` this file reads and writes (structural: no import cycle). */
export interface PrixCcam {
  readonly row: CompiledRow;
  /** The act's tariff × coefficient, centimes. */
  readonly unit: number;
  base: number;
  baseMoney: Money;
}

interface Variant {
  readonly m: ModificateurCcam;
  readonly fromDay: number;
  readonly toDay: number;
}

/** Variants by code (Hint: built once; a line looks up a handful of letters). */
const BY_CODE: ReadonlyMap<string, readonly Variant[]> = /* @__PURE__ */ (() => {
  const map = new Map<string, Variant[]>();
  for (const m of MODIFICATEURS_CCAM) {
    const list = map.get(m.code) ?? [];
    list.push({ m, fromDay: dayNumber(m.validFrom), toDay: m.validTo === undefined ? 99991231 : dayNumber(m.validTo) });
    map.set(m.code, list);
  }
  return map;
})();

/** @returns the CCAM parameters of the context. */
export function ccamParams(ctx: Contexte): ParametresCcam {
  return ctx.params.ccam ?? PARAMETRES_CCAM_DEFAUT;
}

/**
 * @param ctx - The invoice context.
 * @param key - A CCAM référentiel key (`CODE`, `CODE/a`, `CODE/a/p`).
 * @returns Whether the act is on the caller's list of dental acts (`actesTauxDentaire`).
 */
export function isActeDentaire(ctx: Contexte, key: string): boolean {
  const list = ccamParams(ctx).actesTauxDentaire;
  return list.length > 0 && list.includes(key.length > 7 ? key.slice(0, 7) : key);
}

/** @returns the specialty group of a médecin (`'autre'` outside the named groups). */
function groupOf(ps: ProfessionnelSante, p: ParametresCcam): GroupeCcam | 'autre' {
  for (const g of Object.keys(p.groupes) as GroupeCcam[]) if (p.groupes[g].includes(ps.specialite)) return g;
  return 'autre';
}

function matches(m: ModificateurCcam, ps: ProfessionnelSante, group: GroupeCcam | 'autre'): boolean {
  const c = m.condition;
  if (c === undefined) return true;
  if (c.secteurs !== undefined && !c.secteurs.includes(ps.secteur)) return false;
  if (c.groupes === undefined && c.professions === undefined) return true;
  if (ps.profession === 'medecin') return c.groupes?.includes(group) === true;
  return c.professions?.includes(ps.profession) === true;
}

/**
 * `centimes × Π factors`, rounded once half up, exact at any number of factors (Hint: BigInt only
 * on lines that carry a modificateur, an association code or a DOM coefficient).
 */
function scaleHalfUp(centimes: number, factors: readonly Factor[]): number {
  if (factors.length === 0) return centimes;
  let num = BigInt(centimes);
  let scale = 0;
  for (const f of factors) {
    num *= BigInt(f.units);
    scale += f.scale;
  }
  const den = 10n ** BigInt(scale);
  return Number((2n * num + den) / (2n * den));
}

/** Checks the set of modificateurs of a line (allowed list, urgence exclusivity, incompatible pairs). */
function checkSet(ctx: Contexte, mods: readonly string[], allowed: string | undefined, i: number): boolean {
  let ok = true;
  let urgence = '';
  for (let k = 0; k < mods.length; k++) {
    const m = mods[k] as string;
    if (allowed !== undefined && !allowed.includes(m)) {
      ctx.issues.push(issue('CCAM_MODIFICATEUR_NON_AUTORISE', { path: ['lignes', i, 'modificateurs', k], received: m, expected: allowed === '' ? 'aucun' : allowed.split('').join(', ') }));
      ok = false;
    }
    if (URGENCE_EXCLUSIFS.includes(m)) urgence += m;
  }
  if (urgence.length > 1) {
    ctx.issues.push(issue('CCAM_MODIFICATEURS_CUMUL', { path: ['lignes', i, 'modificateurs'], received: urgence.split('').join(' + ') }));
    ok = false;
  }
  for (const [a, b] of PAIRES_INCOMPATIBLES) {
    if (mods.includes(a) && mods.includes(b)) {
      ctx.issues.push(issue('CCAM_MODIFICATEURS_CUMUL', { path: ['lignes', i, 'modificateurs'], received: `${a} + ${b}` }));
      ok = false;
    }
  }
  return ok;
}

/** The variant of a modificateur for the PS at the date, or an issue. */
function variantOf(ctx: Contexte, code: string, day: number, i: number, k: number, group: GroupeCcam | 'autre'): ModificateurCcam | undefined {
  const ps = ctx.input.ps;
  let dated = false;
  for (const v of BY_CODE.get(code) ?? []) {
    if (v.fromDay > day || v.toDay < day) continue;
    dated = true;
    if (matches(v.m, ps, group)) return v.m;
  }
  if (!dated) ctx.issues.push(issue('CCAM_MODIFICATEUR_INCONNU', { path: ['lignes', i, 'modificateurs', k], received: `${code} (${ctx.input.lignes[i]?.date ?? ''})` }));
  else ctx.issues.push(issue('CCAM_MODIFICATEUR_NON_APPLICABLE', { path: ['lignes', i, 'modificateurs', k], received: code, expected: `${ps.profession}, spécialité ${ps.specialite}, secteur ${ps.secteur}` }));
  return undefined;
}

/**
 * Applies modificateurs, association and DOM coefficient to a priced CCAM line (`p.unit` is the
 * act's tariff); pushes issues and returns false when the line cannot be priced.
 *
 * @param ctx - The invoice context.
 * @param line - The line.
 * @param i - Its index.
 * @param day - Its date as a day number.
 * @param p - The line's price, updated (`base`, `baseMoney`).
 * @returns Whether the line stays priced.
 */
export function priceCcam(ctx: Contexte, line: LigneActe, i: number, day: number, p: PrixCcam): boolean {
  const mods = line.modificateurs;
  const assoc = line.codeAssociation;
  const dom = ctx.input.ps.zone === 'dom';
  if ((mods === undefined || mods.length === 0) && assoc === undefined && !dom) return true;
  const params = ccamParams(ctx);
  const hors = ctx.input.ps.secteur === '2';
  const factors: Factor[] = [];
  let additive = 0;
  let flat = 0;
  if (mods !== undefined && mods.length > 0) {
    if (!checkSet(ctx, mods, p.row.row.modificateurs, i)) return false;
    const group = ctx.input.ps.profession === 'medecin' ? groupOf(ctx.input.ps, params) : 'autre';
    for (let k = 0; k < mods.length; k++) {
      const code = mods[k] as string;
      // A référentiel row `+X` (a caller's table) prices the modificateur as an amount, before the shipped values.
      if (ctx.ref.index.has(`+${code}`)) {
        const r = lookupTarif(ctx.ref, `+${code}`, line.date, day, ctx.key, i, k, ctx.issues);
        if (r === undefined || r.prix === null) return false;
        flat += r.prix.centimes;
        if (ctx.trace !== null) step(ctx, 'tarif.modificateur', i, { modificateur: code, prix: r.prixText }, `+ ${r.prixText}`, r.prix, r.row.source);
        continue;
      }
      const m = variantOf(ctx, code, day, i, k, group);
      if (m === undefined) return false;
      const v = hors ? m.horsSecteur1 : m.secteur1;
      if (v.kind === 'montant') flat += v.centimes;
      else if (params.combinaison === 'additive') additive += v.centiemes;
      else factors.push({ units: 10000 + v.centiemes, scale: 4 });
      if (ctx.trace !== null) step(ctx, 'ccam.modificateur', i, { modificateur: m.code, colonne: hors ? 'hors secteur 1' : 'secteur 1 / OPTAM', valeur: v.kind === 'montant' ? fmt(v.centimes) + ' €' : `${v.centiemes / 100} %` }, m.libelle, undefined, m.source);
    }
    if (additive !== 0) factors.push({ units: 10000 + additive, scale: 4 });
  }
  if (assoc !== undefined) {
    // Own keys only: a code such as '__proto__' or 'constructor' is unknown, not a prototype member.
    const a = Object.hasOwn(params.association, assoc) ? params.association[assoc] : undefined;
    if (a === undefined) {
      ctx.issues.push(issue('CCAM_CODE_ASSOCIATION', { path: ['lignes', i, 'codeAssociation'], received: assoc, expected: Object.keys(params.association).join(', ') }));
      return false;
    }
    factors.push(a);
    if (ctx.trace !== null) step(ctx, 'ccam.association', i, { codeAssociation: assoc }, `${formatPercent(a)} % du tarif (modificateurs en % compris)`, undefined, SOURCE_ASSOCIATION);
  }
  if (dom) {
    const c = atParam(params.coefficientDom, day);
    if (c === undefined) ctx.issues.push(issue('CCAM_DOM_SANS_COEFFICIENT', { path: ['lignes', i, 'code'], received: line.date }));
    else {
      factors.push(c.value);
      if (ctx.trace !== null) step(ctx, 'ccam.dom', i, { coefficient: formatPercent(c.value) }, 'coefficient DOM', undefined, c.source);
    }
  }
  const unit = scaleHalfUp(p.unit, factors) + flat;
  if (unit === p.unit) return true;
  p.base = unit * line.quantite;
  p.baseMoney = money(p.base);
  if (ctx.trace !== null) step(ctx, 'ccam.prix', i, { tarif: fmt(p.unit), quantite: String(line.quantite) }, 'base ' + fmt(p.base) + ' (arrondi halfUp)', p.baseMoney, SOURCE_PRIX);
  return true;
}
