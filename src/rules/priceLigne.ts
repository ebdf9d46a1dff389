/**
 * priceLigne: the tariff side of one line (internal): row lookup at the act date, unit price ×
 * coefficient (halfUp to the centime) × quantité, CCAM modificateurs, parcours-only majorations,
 * dépassement rules (SPECS §6.4, §6.5, §6.7).
 */
import type { Factor } from '../core/money/index';
import { factor, formatFactor, multiply } from '../core/money/index';
import { issue } from './checks';
import type { Contexte } from './context';
import { lookupTarif } from './lookupTarif';
import type { LigneActe } from './model';
import type { CompiledRow } from './referentiel';
import { fmt, qte, step } from './trace';

const ONE: Factor = Object.freeze({ units: 1, scale: 0 });

/** The priced side of a line (internal). */
export interface Prix {
  row: CompiledRow;
  coefficient: Factor;
  /** Unit price × coefficient, centimes. */
  unit: number;
  base: number;
  billed: number;
}

function addModificateurs(ctx: Contexte, line: LigneActe, i: number, p: Prix): boolean {
  const mods = line.modificateurs;
  if (mods === undefined || mods.length === 0) return true;
  let ok = true;
  for (let k = 0; k < mods.length; k++) {
    const m = lookupTarif(ctx.ref, `+${mods[k] as string}`, line.date, ctx.key, ['lignes', i, 'modificateurs', k], ctx.issues);
    if (m === undefined || m.prix === null) {
      ok = false;
      continue;
    }
    p.base += m.prix.centimes * line.quantite;
    step(ctx, 'tarif.modificateur', i, { modificateur: mods[k] as string, prix: m.prixText }, fmt(p.base), p.base, m.row.source);
  }
  return ok;
}

function checkDepassement(ctx: Contexte, line: LigneActe, i: number, p: Prix): boolean {
  const dep = p.billed - p.base;
  const path = ['lignes', i, 'montantFacture'];
  if (dep < 0) {
    ctx.issues.push(issue('RULES_MONTANT_INFERIEUR_TARIF', { path, expected: fmt(p.base), received: fmt(p.billed) }));
    return false;
  }
  if (dep === 0) return true;
  const ps = ctx.input.ps;
  if (ps.secteur === '1') {
    const motif = line.motifDepassement;
    if (motif === undefined || (motif === 'DA' && (ps.profession !== 'medecin' || ctx.parcours !== 'S'))) {
      ctx.issues.push(issue('RULES_DEPASSEMENT_NON_AUTORISE', { path, received: `${fmt(dep)} (secteur 1, motif ${motif ?? 'absent'}, parcours ${ctx.parcours || 'exclu'})` }));
      return false;
    }
    if (motif === 'DA') {
      const max = multiply({ centimes: p.base }, ctx.params.depassementAutoriseMax, 'halfUp').centimes;
      if (dep > max) {
        ctx.issues.push(issue('RULES_DEPASSEMENT_PLAFOND', { path, expected: fmt(max), received: fmt(dep) }));
        return false;
      }
    }
  }
  if (ctx.trace !== null) step(ctx, 'depassement', i, { secteur: ps.secteur, motif: line.motifDepassement ?? '' }, `hors base ${fmt(dep)}`, dep, 'SPECS §6.5, §6.7 (la base reste le tarif)');
  return true;
}

/**
 * Prices a line; pushes issues and returns undefined when it cannot.
 *
 * @param ctx - The context.
 * @param line - The validated line.
 * @param i - Its index.
 * @param out - Receives the result (Hint: reused across lines).
 * @returns Whether the line is priced.
 */
export function priceLigne(ctx: Contexte, line: LigneActe, i: number, out: Prix): boolean {
  const activite = line.activite;
  const key = activite === undefined || activite === '1' ? line.code : `${line.code}/${activite}`;
  const row = lookupTarif(ctx.ref, key, line.date, ctx.key, ['lignes', i, 'code'], ctx.issues);
  if (row === undefined || row.prix === null) return false;
  if (row.row.parcoursSeulement === true && ctx.parcours === 'S') {
    ctx.issues.push(issue('RULES_MAJORATION_HORS_PARCOURS', { path: ['lignes', i, 'code'], received: line.code }));
    return false;
  }
  const c = line.coefficient;
  const coef = c === undefined ? ONE : typeof c === 'string' ? factor(c.trim().replace(',', '.')) : c;
  const unit = coef === ONE ? row.prix.centimes : multiply(row.prix, coef, 'halfUp').centimes;
  out.row = row;
  out.coefficient = coef;
  out.unit = unit;
  out.base = unit * line.quantite;
  if (ctx.trace !== null) {
    const inputs = { code: key, date: line.date, prix: row.prixText, coefficient: coef === ONE ? '1' : formatFactor(coef), quantite: qte(line.quantite) };
    step(ctx, 'tarif', i, inputs, 'base ' + fmt(out.base), out.base, row.sourceTrace);
  }
  if (!addModificateurs(ctx, line, i, out)) return false;
  out.billed = line.montantFacture === undefined ? out.base : line.montantFacture.centimes;
  return checkDepassement(ctx, line, i, out);
}
