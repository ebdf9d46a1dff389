/**
 * Participation forfaitaire and franchises médicales of a line (internal), with the daily and
 * annual caps (SPECS §6.6). Year-to-date and same-day amounts come from `input.historique`;
 * amounts withheld earlier in the same invoice count too.
 *
 * Assumptions (documented in the trace): near a cap, the remainder up to the cap is withheld
 * (49 € + 2 € PF → 1 €, SPECS §6.6); a PF or franchise larger than the line's AMO part is withheld
 * only up to that part (netAmo never below zero) and the rest is not withheld.
 */
import { formatDecimal } from '../core/money/index';
import type { Contexte } from './context';
import { ageAtDate, inMaternite } from './context';
import { valueAt } from './dated';
import type { FactureInput, FranchiseKind, MotifExemptionPf } from './model';
import type { CompiledRow } from './referentiel';
import { step } from './trace';

/** Running totals of PF / franchises (centimes), keyed by date or year (internal). */
export interface Cumuls {
  readonly pfJour: Map<string, number>;
  readonly pfAnnee: Map<number, number>;
  readonly frJour: Map<string, number>;
  readonly frAnnee: Map<number, number>;
}

/** @returns the cumuls seeded from the historique. */
export function createCumuls(input: FactureInput): Cumuls {
  const c: Cumuls = { pfJour: new Map(), pfAnnee: new Map(), frJour: new Map(), frAnnee: new Map() };
  const h = input.historique;
  if (h === undefined) return c;
  for (const a of h.cumulsAnnuels ?? []) {
    c.pfAnnee.set(a.annee, (c.pfAnnee.get(a.annee) ?? 0) + a.participationForfaitaire.centimes);
    c.frAnnee.set(a.annee, (c.frAnnee.get(a.annee) ?? 0) + a.franchises.centimes);
  }
  for (const j of h.cumulsJournaliers ?? []) {
    c.pfJour.set(j.date, (c.pfJour.get(j.date) ?? 0) + j.participationForfaitaire.centimes);
    for (const [kind, m] of [['paramedical', j.franchiseParamedical], ['transport', j.franchiseTransport]] as const) {
      if (m !== undefined) c.frJour.set(`${kind}|${j.date}`, (c.frJour.get(`${kind}|${j.date}`) ?? 0) + m.centimes);
    }
  }
  return c;
}

/** What is withheld on a line (centimes). */
export interface Retenues {
  pf: number;
  franchise: number;
  exemption: MotifExemptionPf | null;
  kind: FranchiseKind | null;
}

function exemption(ctx: Contexte, date: string): MotifExemptionPf | null {
  const b = ctx.input.beneficiaire;
  const p = ctx.params;
  const age = p.ageExemptionPfRegle === 'anniversaire' ? ageAtDate(ctx, date) : Number(date.slice(0, 4)) - Number(b.dateNaissance.slice(0, 4));
  if (age < p.ageExemptionPf) return 'mineur';
  if (b.c2s === true) return 'c2s';
  if (b.ame === true) return 'ame';
  if (ctx.nature === '30' || inMaternite(ctx, date)) return 'maternite';
  if (ctx.pensionMilitaire) return 'pensionMilitaire';
  return null;
}

/** Caps an amount by `limit − used`; traces when the cap bites (Hint: inputs built only then). */
function cap(ctx: Contexte, amount: number, limit: number, used: number, rule: string, i: number, source: string): number {
  const left = limit - used;
  if (amount <= left) return amount;
  const capped = Math.max(0, left);
  if (ctx.trace !== null) {
    const inputs = { deja: formatDecimal({ centimes: used }), plafond: formatDecimal({ centimes: limit }), demande: formatDecimal({ centimes: amount }) };
    step(ctx, rule, i, inputs, `plafonné à ${formatDecimal({ centimes: capped })}`, capped, source);
  }
  return capped;
}

function withhold(ctx: Contexte, c: Cumuls, kind: 'pf' | FranchiseKind, row: CompiledRow, date: string, qty: number, available: number, i: number): number {
  const p = ctx.params;
  const year = Number(date.slice(0, 4));
  const isPf = kind === 'pf';
  const unit = isPf ? valueAt(p.pf.montant, date) : valueAt(p.franchise[kind], date);
  const rule = isPf ? 'pf' : 'franchise';
  if (unit === undefined) {
    step(ctx, `${rule}.inexistante`, i, { date }, 'non applicable à cette date', 0, 'SPECS §6.6');
    return 0;
  }
  const montant = 'montant' in unit.value ? unit.value.montant.centimes : unit.value.centimes;
  let amount = montant * qty;
  const dayKey = isPf ? date : `${kind}|${date}`;
  const dayMap = isPf ? c.pfJour : c.frJour;
  const yearMap = isPf ? c.pfAnnee : c.frAnnee;
  const dayCap = isPf ? valueAt(p.pf.plafondJour, date) : 'plafondJour' in unit.value && unit.value.plafondJour !== null ? { value: unit.value.plafondJour, source: unit.source } : undefined;
  if (dayCap !== undefined) {
    const used = dayMap.get(dayKey) ?? 0;
    amount = cap(ctx, amount, dayCap.value.centimes, used, `${rule}.cap-jour`, i, dayCap.source);
  }
  const yearCap = valueAt(isPf ? p.pf.plafondAnnuel : p.franchise.plafondAnnuel, date);
  if (yearCap !== undefined) {
    const used = yearMap.get(year) ?? 0;
    amount = cap(ctx, amount, yearCap.value.centimes, used, `${rule}.cap-annuel`, i, `${yearCap.source}; remainder up to the cap withheld (assumption, SPECS §6.6)`);
  }
  amount = cap(ctx, amount, available, 0, `${rule}.plafond-amo`, i, 'netAmo never below zero (assumption: the excess is not withheld)');
  dayMap.set(dayKey, (dayMap.get(dayKey) ?? 0) + amount);
  yearMap.set(year, (yearMap.get(year) ?? 0) + amount);
  if (ctx.trace !== null) {
    step(ctx, isPf ? 'pf' : `franchise.${kind}`, i, { unitaire: formatDecimal({ centimes: montant }), quantite: String(qty) }, `retenu ${formatDecimal({ centimes: amount })}`, amount, unit.source);
  }
  return amount;
}

/**
 * Computes the PF and franchise of a line and adds them to the running cumuls.
 *
 * @param ctx - The context.
 * @param c - Running cumuls.
 * @param row - The tariff row.
 * @param date - The act date.
 * @param qty - Quantité.
 * @param partAmo - The line's AMO part (centimes), the most that can be withheld.
 * @param i - Line index.
 * @param out - Receives the result (reused object, Hint: no allocation per line).
 */
export function computeRetenues(ctx: Contexte, c: Cumuls, row: CompiledRow, date: string, qty: number, partAmo: number, i: number, out: Retenues): void {
  out.pf = 0;
  out.franchise = 0;
  const nomenclature = row.row.nomenclature;
  const kind: FranchiseKind | null = nomenclature === 'medicament' ? 'medicament' : nomenclature === 'transport' ? 'transport' : ctx.famille === 'auxiliaire' ? 'paramedical' : null;
  const pfApplies = ctx.famille === 'medecin' && nomenclature !== 'lpp';
  out.kind = kind;
  out.exemption = !row.row.acte ? 'pasUnActe' : !pfApplies && kind === null ? 'professionNonConcernee' : exemption(ctx, date);
  if (out.exemption !== null) {
    step(ctx, 'pf.exemption', i, { motif: out.exemption }, 'aucune participation ni franchise', undefined, 'SPECS §6.6 (exemptions; PF for médecins only)');
    return;
  }
  if (pfApplies) out.pf = withhold(ctx, c, 'pf', row, date, qty, partAmo, i);
  if (kind !== null) out.franchise = withhold(ctx, c, kind, row, date, qty, partAmo - out.pf, i);
}
