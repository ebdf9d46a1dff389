/**
 * Participation forfaitaire and franchises médicales of a line (internal), with the daily and
 * annual caps (SPECS §6.6). Year-to-date and same-day amounts come from `input.historique`;
 * amounts withheld earlier in the same invoice count too.
 *
 * Assumptions (documented in the trace): near a cap, the remainder up to the cap is withheld
 * (49 € + 2 € PF → 1 €, SPECS §6.6); a PF or franchise larger than the line's AMO part is withheld
 * only up to that part (netAmo never below zero) and the rest is not withheld.
 */
import type { Contexte } from './context';
import { ageAtDate, inMaternite } from './context';
import { valueAt } from './dated';
import type { FactureInput, FranchiseKind, MotifExemptionPf } from './model';
import type { FranchiseParametre, ValeurDatee } from './tables/parametres';
import type { CompiledRow } from './referentiel';
import { digitsAt } from './checks';
import { fmt, qte, step } from './trace';

const REMAINDER = '; remainder up to the cap withheld (assumption, SPECS §6.6)';
const PF_IDS = { jour: 'pf.cap-jour', annee: 'pf.cap-annuel', amo: 'pf.plafond-amo' } as const;
const FRANCHISE_IDS = { jour: 'franchise.cap-jour', annee: 'franchise.cap-annuel', amo: 'franchise.plafond-amo' } as const;
const WITHHOLD_IDS: Readonly<Record<'pf' | FranchiseKind, string>> = { pf: 'pf', paramedical: 'franchise.paramedical', transport: 'franchise.transport', medicament: 'franchise.medicament' };
/** Hint: one shared frozen `inputs` object per motif, instead of one per exempted line. */
const EXEMPTION_INPUTS: Readonly<Record<MotifExemptionPf, Readonly<Record<string, string>>>> = Object.freeze({
  mineur: Object.freeze({ motif: 'mineur' }),
  c2s: Object.freeze({ motif: 'c2s' }),
  ame: Object.freeze({ motif: 'ame' }),
  maternite: Object.freeze({ motif: 'maternite' }),
  pensionMilitaire: Object.freeze({ motif: 'pensionMilitaire' }),
  professionNonConcernee: Object.freeze({ motif: 'professionNonConcernee' }),
  pasUnActe: Object.freeze({ motif: 'pasUnActe' }),
});

/**
 * A running total per key (date or year). Hint: two parallel arrays scanned linearly — an invoice
 * touches a handful of keys, and this beats a Map for that size without allocating key strings.
 */
export interface Tally {
  readonly keys: (string | number)[];
  readonly vals: number[];
}

function tally(): Tally {
  return { keys: [], vals: [] };
}

function get(t: Tally, key: string | number): number {
  for (let i = 0; i < t.keys.length; i++) if (t.keys[i] === key) return t.vals[i] as number;
  return 0;
}

function bump(t: Tally, key: string | number, amount: number): void {
  for (let i = 0; i < t.keys.length; i++) {
    if (t.keys[i] === key) {
      t.vals[i] = (t.vals[i] as number) + amount;
      return;
    }
  }
  t.keys.push(key);
  t.vals.push(amount);
}

/** Running totals of PF / franchises (centimes), by date (same-day caps) and year (annual caps). */
export interface Cumuls {
  readonly pfJour: Tally;
  readonly pfAnnee: Tally;
  readonly frJour: Readonly<Record<FranchiseKind, Tally>>;
  readonly frAnnee: Tally;
}

/** @returns the cumuls seeded from the historique. */
export function createCumuls(input: FactureInput): Cumuls {
  const c: Cumuls = { pfJour: tally(), pfAnnee: tally(), frJour: { paramedical: tally(), transport: tally(), medicament: tally() }, frAnnee: tally() };
  const h = input.historique;
  if (h === undefined) return c;
  for (const a of h.cumulsAnnuels ?? []) {
    bump(c.pfAnnee, a.annee, a.participationForfaitaire.centimes);
    bump(c.frAnnee, a.annee, a.franchises.centimes);
  }
  for (const j of h.cumulsJournaliers ?? []) {
    bump(c.pfJour, j.date, j.participationForfaitaire.centimes);
    if (j.franchiseParamedical !== undefined) bump(c.frJour.paramedical, j.date, j.franchiseParamedical.centimes);
    if (j.franchiseTransport !== undefined) bump(c.frJour.transport, j.date, j.franchiseTransport.centimes);
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
  const age = p.ageExemptionPfRegle === 'anniversaire' ? ageAtDate(ctx, date) : digitsAt(date, 0, 4) - ctx.naissanceAnnee;
  if (age < p.ageExemptionPf) return 'mineur';
  if (b.c2s === true) return 'c2s';
  if (b.ame === true) return 'ame';
  if (ctx.nature === '30' || inMaternite(ctx, date)) return 'maternite';
  if (ctx.pensionMilitaire) return 'pensionMilitaire';
  return null;
}

/** Caps an amount by `limit − used`; traces when the cap bites (Hint: inputs built only then). */
function cap(ctx: Contexte, amount: number, limit: number, used: number, rule: string, i: number, source: string, suffix = ''): number {
  const left = limit - used;
  if (amount <= left) return amount;
  const capped = Math.max(0, left);
  if (ctx.trace !== null) {
    const inputs = { deja: fmt(used), plafond: fmt(limit), demande: fmt(amount) };
    step(ctx, rule, i, inputs, `plafonné à ${fmt(capped)}`, capped, source + suffix);
  }
  return capped;
}

function withhold(ctx: Contexte, c: Cumuls, kind: 'pf' | FranchiseKind, date: string, qty: number, available: number, i: number): number {
  const p = ctx.params;
  const isPf = kind === 'pf';
  const ids = isPf ? PF_IDS : FRANCHISE_IDS;
  let montant: number;
  let source: string;
  let dayCap: number | null;
  let daySource = '';
  if (isPf) {
    const unit = valueAt(p.pf.montant, date);
    if (unit === undefined) {
      step(ctx, 'pf.inexistante', i, { date }, 'non applicable à cette date', 0, 'SPECS §6.6');
      return 0;
    }
    montant = unit.value.centimes;
    source = unit.source;
    const cap = valueAt(p.pf.plafondJour, date);
    dayCap = cap === undefined ? null : cap.value.centimes;
    daySource = cap === undefined ? '' : cap.source;
  } else {
    // Franchise parameters all start with an open row (from: null): always defined.
    const unit = valueAt(p.franchise[kind], date) as ValeurDatee<FranchiseParametre>;
    montant = unit.value.montant.centimes;
    source = unit.source;
    dayCap = unit.value.plafondJour === null ? null : unit.value.plafondJour.centimes;
    daySource = unit.source;
  }
  let amount = montant * qty;
  const day = isPf ? c.pfJour : c.frJour[kind];
  if (dayCap !== null) amount = cap(ctx, amount, dayCap, get(day, date), ids.jour, i, daySource);
  const year = digitsAt(date, 0, 4);
  const yearTally = isPf ? c.pfAnnee : c.frAnnee;
  const yearCap = valueAt(isPf ? p.pf.plafondAnnuel : p.franchise.plafondAnnuel, date);
  if (yearCap !== undefined) amount = cap(ctx, amount, yearCap.value.centimes, get(yearTally, year), ids.annee, i, yearCap.source, REMAINDER);
  amount = cap(ctx, amount, available, 0, ids.amo, i, 'netAmo never below zero (assumption: the excess is not withheld)');
  bump(day, date, amount);
  bump(yearTally, year, amount);
  if (ctx.trace !== null) {
    step(ctx, WITHHOLD_IDS[kind], i, { unitaire: fmt(montant), quantite: qte(qty) }, `retenu ${fmt(amount)}`, amount, source);
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
    if (ctx.trace !== null) step(ctx, 'pf.exemption', i, EXEMPTION_INPUTS[out.exemption], 'aucune participation ni franchise', undefined, 'SPECS §6.6 (exemptions; PF for médecins only)');
    return;
  }
  if (pfApplies) out.pf = withhold(ctx, c, 'pf', date, qty, partAmo, i);
  if (kind !== null) out.franchise = withhold(ctx, c, kind, date, qty, partAmo - out.pf, i);
}
