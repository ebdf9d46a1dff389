/**
 * Participation forfaitaire and franchises médicales of a line (internal), with the daily and
 * annual caps (Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024). Year-to-date and same-day amounts come from `input.historique`;
 * amounts withheld earlier in the same invoice count too.
 *
 * Assumptions (documented in the trace): near a cap, the remainder up to the cap is withheld
 * (49 € + 2 € PF → 1 €, Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024); a PF or franchise larger than the line's AMO part is withheld
 * only up to that part (netAmo never below zero) and the rest is not withheld.
 */
import type { Money } from '../core/money/index';
import { ZERO } from '../core/money/index';
import { dayNumber, issue } from './checks';
import type { AmountEntry } from './compiledParams';
import { atDay } from './compiledParams';
import type { Contexte } from './context';
import { ageOnDay, inMaternite } from './context';
import type { FactureInput, FranchiseKind, MotifExemptionPf } from './model';
import type { CompiledRow } from './referentiel';
import { fmt, money, qte, step } from './trace';
import { isActeDentaire } from './ccam/pricing';

const REMAINDER = '; remainder up to the cap withheld (assumption, Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024)';
const PF_IDS = { jour: 'pf.cap-jour', annee: 'pf.cap-annuel', amo: 'pf.plafond-amo' } as const;
const FRANCHISE_IDS = { jour: 'franchise.cap-jour', annee: 'franchise.cap-annuel', amo: 'franchise.plafond-amo' } as const;
const WITHHOLD_IDS: Readonly<Record<'pf' | FranchiseKind, string>> = { pf: 'pf', paramedical: 'franchise.paramedical', transport: 'franchise.transport', medicament: 'franchise.medicament' };
/** Hint: one shared frozen `inputs` object per motif, instead of one per exempted line. */
const EXEMPTION_INPUTS: Readonly<Record<MotifExemptionPf, Readonly<Record<string, string>>>> = /* @__PURE__ */ Object.freeze({
  mineur: Object.freeze({ motif: 'mineur' }),
  c2s: Object.freeze({ motif: 'c2s' }),
  ame: Object.freeze({ motif: 'ame' }),
  maternite: Object.freeze({ motif: 'maternite' }),
  pensionMilitaire: Object.freeze({ motif: 'pensionMilitaire' }),
  professionNonConcernee: Object.freeze({ motif: 'professionNonConcernee' }),
  pasUnActe: Object.freeze({ motif: 'pasUnActe' }),
  hospitalisation: Object.freeze({ motif: 'hospitalisation' }),
});

/**
 * A running total per key (day number or year). Hint: two parallel arrays scanned linearly — an
 * invoice touches a handful of keys, and this beats a Map for that size; integer keys compare in
 * one instruction.
 */
export interface Tally {
  readonly keys: number[];
  readonly vals: number[];
}

function tally(): Tally {
  return { keys: [], vals: [] };
}

function get(t: Tally, key: number): number {
  const keys = t.keys;
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return t.vals[i] as number;
  return 0;
}

function bump(t: Tally, key: number, amount: number): void {
  const keys = t.keys;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === key) {
      t.vals[i] = (t.vals[i] as number) + amount;
      return;
    }
  }
  keys.push(key);
  t.vals.push(amount);
}

/**
 * Running totals of PF / franchises (centimes), by day (same-day caps) and year (annual caps), in
 * one tally: key = bucket × 10^8 + day number (or year). Hint: one pair of arrays per invoice
 * instead of six; keys stay small integers (below 7 × 10^8).
 */
export type Cumuls = Tally;

const BUCKET = 100000000;
const PF_JOUR = BUCKET;
const PF_ANNEE = 2 * BUCKET;
const FR_ANNEE = 3 * BUCKET;
const FR_JOUR: Readonly<Record<FranchiseKind, number>> = { paramedical: 4 * BUCKET, transport: 5 * BUCKET, medicament: 6 * BUCKET };

/** @returns the cumuls seeded from the historique. */
export function createCumuls(input: FactureInput): Cumuls {
  const c = tally();
  const h = input.historique;
  if (h === undefined) return c;
  for (const a of h.cumulsAnnuels ?? []) {
    bump(c, PF_ANNEE + a.annee, a.participationForfaitaire.centimes);
    bump(c, FR_ANNEE + a.annee, a.franchises.centimes);
  }
  for (const j of h.cumulsJournaliers ?? []) {
    const day = dayNumber(j.date);
    bump(c, PF_JOUR + day, j.participationForfaitaire.centimes);
    if (j.franchiseParamedical !== undefined) bump(c, FR_JOUR.paramedical + day, j.franchiseParamedical.centimes);
    if (j.franchiseTransport !== undefined) bump(c, FR_JOUR.transport + day, j.franchiseTransport.centimes);
  }
  return c;
}

/** What is withheld on a line (centimes, and the same as Money shared by the line and its trace step). */
export interface Retenues {
  pf: number;
  franchise: number;
  pfMoney: Money;
  franchiseMoney: Money;
  exemption: MotifExemptionPf | null;
  kind: FranchiseKind | null;
}

/** @returns a blank {@link Retenues} to reuse across lines. */
export function createRetenues(): Retenues {
  return { pf: 0, franchise: 0, pfMoney: ZERO, franchiseMoney: ZERO, exemption: null, kind: null };
}

function exemption(ctx: Contexte, day: number): MotifExemptionPf | null {
  const b = ctx.input.beneficiaire;
  const p = ctx.params;
  const age = p.ageExemptionPfRegle === 'anniversaire' ? ageOnDay(ctx, day) : Math.floor(day / 10000) - ctx.naissanceAnnee;
  if (age < p.ageExemptionPf) return 'mineur';
  if (b.c2s === true) return 'c2s';
  if (b.ame === true) return 'ame';
  if (ctx.nature === '30' || inMaternite(ctx, day)) return 'maternite';
  if (ctx.pensionMilitaire) return 'pensionMilitaire';
  // No PF for acts performed during a hospital stay (Code de la sécurité sociale, art. L.160-13 II).
  if (ctx.input.sejour !== undefined) return 'hospitalisation';
  return null;
}

/** Caps an amount by `limit − used`; traces when the cap bites (Hint: inputs built only then). */
function cap(ctx: Contexte, amount: number, limit: number, used: number, rule: string, i: number, source: string, suffix = ''): number {
  const left = limit - used;
  if (amount <= left) return amount;
  const capped = Math.max(0, left);
  if (ctx.trace !== null) {
    const inputs = { deja: fmt(used), plafond: fmt(limit), demande: fmt(amount) };
    step(ctx, rule, i, inputs, `plafonné à ${fmt(capped)}`, money(capped), source + suffix);
  }
  return capped;
}

/** Raises `RULES_PARAMETRE_DATE` for a parameter with no value at the act date (a cap is never silently off). */
function absent(ctx: Contexte, name: string, date: string, i: number): undefined {
  ctx.issues.push(issue('RULES_PARAMETRE_DATE', { path: ['lignes', i, 'date'], received: name, expected: date }));
  return undefined;
}

/** Withholds a PF or a franchise; returns the amount as Money (shared with the trace step), or undefined after an issue. */
function withhold(ctx: Contexte, c: Cumuls, kind: 'pf' | FranchiseKind, date: string, day: number, qty: number, available: number, i: number): Money | undefined {
  const r = ctx.regles;
  const isPf = kind === 'pf';
  const ids = isPf ? PF_IDS : FRANCHISE_IDS;
  let unit: AmountEntry;
  let dayCap: number;
  let daySource: string;
  let dayKey: number;
  if (isPf) {
    const pf = atDay(r.pfMontant, day);
    if (pf === undefined) return absent(ctx, 'pf.montant', date, i);
    const capRow = atDay(r.pfJour, day);
    if (capRow === undefined) return absent(ctx, 'pf.plafondJour', date, i);
    unit = pf;
    dayCap = capRow.centimes;
    daySource = capRow.source;
    dayKey = PF_JOUR + day;
  } else {
    const fr = atDay(r.franchise[kind], day);
    if (fr === undefined) return absent(ctx, `franchise.${kind}`, date, i);
    unit = fr;
    // −1: the text sets no daily cap (médicaments).
    dayCap = fr.dayCap;
    daySource = fr.source;
    dayKey = FR_JOUR[kind] + day;
  }
  const yearCap = atDay(isPf ? r.pfAnnee : r.franchiseAnnee, day);
  if (yearCap === undefined) return absent(ctx, isPf ? 'pf.plafondAnnuel' : 'franchise.plafondAnnuel', date, i);
  let amount = unit.centimes * qty;
  if (dayCap >= 0) amount = cap(ctx, amount, dayCap, get(c, dayKey), ids.jour, i, daySource);
  const year = Math.floor(day / 10000);
  const yearKey = (isPf ? PF_ANNEE : FR_ANNEE) + year;
  amount = cap(ctx, amount, yearCap.centimes, get(c, yearKey), ids.annee, i, yearCap.source, REMAINDER);
  amount = cap(ctx, amount, available, 0, ids.amo, i, 'netAmo never below zero (assumption: the excess is not withheld)');
  bump(c, dayKey, amount);
  bump(c, yearKey, amount);
  const withheld = money(amount);
  if (ctx.trace !== null) step(ctx, WITHHOLD_IDS[kind], i, { unitaire: unit.text, quantite: qte(qty) }, `retenu ${fmt(amount)}`, withheld, unit.source);
  return withheld;
}

/**
 * Computes the PF and franchise of a line and adds them to the running cumuls.
 *
 * @param ctx - The context.
 * @param c - Running cumuls.
 * @param row - The tariff row.
 * @param date - The act date.
 * @param day - The same as a day number.
 * @param qty - Quantité.
 * @param partAmo - The line's AMO part (centimes), the most that can be withheld.
 * @param i - Line index.
 * @param out - Receives the result (reused object, Hint: no allocation per line).
 * @returns Whether the line could be settled (false after a `RULES_PARAMETRE_DATE` issue).
 */
export function computeRetenues(ctx: Contexte, c: Cumuls, row: CompiledRow, date: string, day: number, qty: number, partAmo: number, i: number, out: Retenues): boolean {
  out.pf = 0;
  out.franchise = 0;
  out.pfMoney = ZERO;
  out.franchiseMoney = ZERO;
  const nomenclature = row.row.nomenclature;
  const kind: FranchiseKind | null = nomenclature === 'medicament' ? 'medicament' : nomenclature === 'transport' ? 'transport' : ctx.famille === 'auxiliaire' ? 'paramedical' : null;
  // No PF on dental acts, even billed by a médecin (parametres.ccam.actesTauxDentaire; arrêté du 12 octobre 2023).
  const pfApplies = ctx.famille === 'medecin' && nomenclature !== 'lpp' && !(nomenclature === 'ccam' && isActeDentaire(ctx, row.row.code));
  out.kind = kind;
  out.exemption = !row.row.acte ? 'pasUnActe' : !pfApplies && kind === null ? 'professionNonConcernee' : exemption(ctx, day);
  if (out.exemption !== null) {
    if (ctx.trace !== null) step(ctx, 'pf.exemption', i, EXEMPTION_INPUTS[out.exemption], 'aucune participation ni franchise', undefined, 'Code de la sécurité sociale, art. L.160-13 II et III ; décrets n° 2024-113 et 2024-114 du 16 février 2024 (exemptions; PF for médecins only)');
    return true;
  }
  if (pfApplies) {
    const pf = withhold(ctx, c, 'pf', date, day, qty, partAmo, i);
    if (pf === undefined) return false;
    out.pfMoney = pf;
    out.pf = pf.centimes;
  }
  if (kind !== null) {
    const fr = withhold(ctx, c, kind, date, day, qty, partAmo - out.pf, i);
    if (fr === undefined) return false;
    out.franchiseMoney = fr;
    out.franchise = fr.centimes;
  }
  return true;
}
