/**
 * Part AMC of a line (internal): from the declared garantie, or the C2S (which covers the ticket
 * modérateur, Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré)). The AMC never pays the PF or franchises (they are taken from the
 * AMO part) and never more than what remains after AMO (TM + covered dépassement). The invoice
 * ceiling (`plafond`) is consumed line by line in input order.
 */
import type { Factor, Money } from '../core/money/index';
import { percent, ZERO } from '../core/money/index';
import { multiplyCentimes } from '../core/money/index';
import { issue } from './checks';
import type { Dated, LimiteEntry } from './compiledParams';
import { atDay } from './compiledParams';
import type { Contexte } from './context';
import { fmt, money, step } from './trace';

/** The AMC cover of an invoice, resolved once (internal). */
export interface AmcPlan {
  readonly kind: 'none' | 'c2s' | 'ticketModerateur' | 'pourcentageBr' | 'forfait';
  /** Trace rule id of the line step (`'amc.forfait'` …). */
  readonly rule: string;
  readonly pct: Factor;
  readonly pctText: string;
  readonly forfait: number;
  /** Remaining invoice ceiling (centimes), mutable; Infinity without a ceiling. */
  left: number;
  readonly couvreDepassement: boolean;
  /** Contrat responsable caps on the dépassement cover (share of the base) by date, or null when the contract is not responsable. */
  readonly depCap: Dated<LimiteEntry> | null;
}

/** 100 %, the default share of the ticket modérateur (hoisted: parsed once). */
const CENT: Factor = percent(100);

/**
 * Resolves the AMC cover of an invoice.
 *
 * @param ctx - The context.
 * @returns The plan.
 */
export function createAmcPlan(ctx: Contexte): AmcPlan {
  const g = ctx.input.amc;
  if (ctx.input.beneficiaire.c2s === true) {
    if (ctx.trace !== null) step(ctx, 'amc.c2s', undefined, { garantieDeclaree: g === undefined ? 'non' : g.formule }, 'C2S : ticket modérateur pris en charge, dépassements exclus', undefined, 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) (CSS L.861-3)');
    return { kind: 'c2s', rule: 'amc.c2s', pct: CENT, pctText: '100', forfait: 0, left: Infinity, couvreDepassement: false, depCap: null };
  }
  if (g === undefined) return { kind: 'none', rule: 'amc.none', pct: CENT, pctText: '0', forfait: 0, left: 0, couvreDepassement: false, depCap: null };
  const pctText = g.pourcentage === undefined ? '100' : g.pourcentage.trim().replace(',', '.');
  const responsable = g.contratResponsable !== false;
  const r = ctx.regles;
  return {
    kind: g.formule,
    rule: `amc.${g.formule}`,
    pct: g.pourcentage === undefined ? CENT : percent(pctText),
    pctText,
    forfait: g.forfait?.centimes ?? 0,
    left: g.plafond?.centimes ?? Infinity,
    couvreDepassement: g.formule !== 'ticketModerateur' || g.couvreDepassement === true,
    // Hint: secteur 2 non-OPTAM vs the others (OPTAM, and secteur 1 DE/DA dépassements).
    depCap: responsable ? (ctx.input.ps.secteur === '2' ? r.contratResponsableNonOptam : r.contratResponsableOptam) : null,
  };
}

/**
 * Computes the AMC part of a line (centimes) and consumes the invoice ceiling.
 *
 * @param ctx - The context.
 * @param plan - The invoice's AMC plan.
 * @param base - Base de remboursement.
 * @param partAmo - AMO part before PF / franchises.
 * @param dep - Dépassement.
 * @param i - Line index.
 * @param day - The act date as a day number (the contrat responsable limit in force).
 * @param date - The act date (issue text).
 * @returns The AMC part (the same Money as in the trace step), or undefined after a `RULES_PARAMETRE_DATE` issue.
 */
export function computeAmc(ctx: Contexte, plan: AmcPlan, base: number, partAmo: number, dep: number, i: number, day: number, date: string): Money | undefined {
  if (plan.kind === 'none') return ZERO;
  const tm = base - partAmo;
  if (plan.kind === 'c2s') return money(tm);
  let depCover = plan.couvreDepassement ? dep : 0;
  if (plan.depCap !== null && depCover > 0) {
    const limit = atDay(plan.depCap, day);
    if (limit === undefined) {
      ctx.issues.push(issue('RULES_PARAMETRE_DATE', { path: ['lignes', i, 'date'], received: 'contratResponsable', expected: date }));
      return undefined;
    }
    const capDep = limit.taux === null ? Infinity : multiplyCentimes(base, limit.taux, 'halfUp');
    if (depCover > capDep) {
      depCover = capDep;
      step(ctx, 'amc.contrat-responsable', i, { depassement: fmt(dep), plafond: limit.text }, `dépassement couvert limité à ${fmt(capDep)}`, money(capDep), limit.source);
    }
  }
  const open = tm + depCover;
  let amc: number;
  if (plan.kind === 'ticketModerateur') amc = Math.min(multiplyCentimes(tm, plan.pct, 'halfUp'), tm) + depCover;
  else if (plan.kind === 'pourcentageBr') amc = multiplyCentimes(base, plan.pct, 'halfUp') - partAmo;
  else amc = plan.forfait;
  amc = Math.max(0, Math.min(amc, open));
  const capped = amc > plan.left;
  if (capped) amc = plan.left;
  plan.left -= amc;
  const part = money(amc);
  if (capped) step(ctx, 'amc.plafond', i, {}, `plafond de la garantie atteint : ${fmt(amc)}`, part, 'garantie AMC (plafond)');
  if (ctx.trace !== null) {
    step(ctx, plan.rule, i, { pourcentage: plan.pctText, ticketModerateur: fmt(tm), depassement: fmt(dep) }, fmt(amc), part, 'garantie AMC déclarée (jamais la PF ni les franchises)');
  }
  return part;
}
