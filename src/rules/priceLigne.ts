/**
 * priceLigne: the tariff side of one line (internal): row lookup at the act date, unit price ×
 * coefficient (halfUp to the centime) × quantité, CCAM modificateurs, parcours-only majorations,
 * dépassement rules (NGAP (ameli.fr) ; convention médicale 2024 (arrêté du 20 juin 2024, JO du 21 juin 2024)).
 */
import type { Factor, Money } from '../core/money/index';
import { factor, formatFactor, ZERO } from '../core/money/index';
import { multiplyCentimes } from '../core/money/index';
import { issue } from './checks';
import type { Contexte } from './context';
import { atDay } from './compiledParams';
import { lookupTarif } from './lookupTarif';
import { priceCcam } from './ccam/pricing';
import type { LigneActe } from './model';
import type { CompiledRow } from './referentiel';
import { fmt, money, qte, step } from './trace';

const ONE: Factor = /* @__PURE__ */ Object.freeze({ units: 1, scale: 0 });

/** A line's place in a consultation billed as one fee (internal; see `LigneActe.groupe`). */
export interface GroupeLigne {
  /** Amount billed on this line (centimes), −1 to read the line's own `montantFacture`. */
  readonly billed: number;
  /** Sum of the bases of the group's other lines (centimes). */
  readonly others: number;
}

const NO_GROUP: GroupeLigne = /* @__PURE__ */ Object.freeze({ billed: -1, others: 0 });

/** The priced side of a line (internal). Amounts in centimes, and as the Money the line will carry. */
export interface Prix {
  row: CompiledRow;
  coefficient: Factor;
  /** Unit price × coefficient, centimes. */
  unit: number;
  unitMoney: Money;
  base: number;
  baseMoney: Money;
  billed: number;
  billedMoney: Money;
  depassementMoney: Money;
}

/** @returns a blank {@link Prix} to reuse across lines. */
export function createPrix(): Prix {
  return { row: undefined as unknown as CompiledRow, coefficient: ONE, unit: 0, unitMoney: ZERO, base: 0, baseMoney: ZERO, billed: 0, billedMoney: ZERO, depassementMoney: ZERO };
}

/** Coefficients given as text, parsed once (Hint: a handful of distinct values; the cache is emptied past 256). */
const PARSED = new Map<string, Factor>();
/** Trace texts of coefficients given as Factor, by `units × 16 + scale` (same bound). */
const TEXTS = new Map<number, string>();

function parseCoefficient(text: string): Factor {
  let f = PARSED.get(text);
  if (f === undefined) {
    if (PARSED.size >= 256) PARSED.clear();
    f = Object.freeze(factor(text.trim().replace(',', '.')));
    PARSED.set(text, f);
  }
  return f;
}

function coefficientText(f: Factor): string {
  if (f === ONE) return '1';
  // Validated: 0 < units / 10^scale ≤ 1000 and scale ≤ 12, so units ≤ 10^15 and the key stays exact below 2^53 … only cache small ones.
  if (f.units > 1e9) return formatFactor(f);
  const key = f.units * 16 + f.scale;
  let text = TEXTS.get(key);
  if (text === undefined) {
    if (TEXTS.size >= 256) TEXTS.clear();
    text = formatFactor(f);
    TEXTS.set(key, text);
  }
  return text;
}

function addModificateurs(ctx: Contexte, line: LigneActe, i: number, day: number, p: Prix): boolean {
  const mods = line.modificateurs;
  if (mods === undefined || mods.length === 0) return true;
  let ok = true;
  for (let k = 0; k < mods.length; k++) {
    const m = lookupTarif(ctx.ref, `+${mods[k] as string}`, line.date, day, ctx.key, i, k, ctx.issues);
    if (m === undefined || m.prix === null) {
      ok = false;
      continue;
    }
    p.base += m.prix.centimes * line.quantite;
    p.baseMoney = money(p.base);
    step(ctx, 'tarif.modificateur', i, { modificateur: mods[k] as string, prix: m.prixText }, fmt(p.base), p.baseMoney, m.row.source);
  }
  return ok;
}

/**
 * The most a secteur 1 médecin may bill hors parcours with motif DA: the in-parcours tariff of the
 * consultation × (1 + DA rate), the in-parcours tariff being the bases billed plus the
 * parcours-only majoration the act carries in the parcours (`majorationParcours`, e.g. CS → MCS):
 * CSS L.162-5-3 and the convention médicale. Returns −1 after an issue.
 */
function maxBilledDa(ctx: Contexte, line: LigneActe, i: number, day: number, p: Prix, billedBase: number): number {
  const rate = atDay(ctx.regles.depassementAutorise, day);
  if (rate === undefined) {
    ctx.issues.push(issue('RULES_PARAMETRE_DATE', { path: ['lignes', i, 'date'], received: 'depassementAutoriseMax', expected: line.date }));
    return -1;
  }
  let parcours = billedBase;
  const maj = p.row.row.majorationParcours;
  if (maj !== undefined) {
    const m = lookupTarif(ctx.ref, maj, line.date, day, ctx.key, i, -1, ctx.issues);
    if (m === undefined || m.prix === null) return -1;
    parcours += m.prix.centimes * line.quantite;
  }
  const max = parcours + multiplyCentimes(parcours, rate.taux, 'halfUp');
  if (ctx.trace !== null) step(ctx, 'depassement.da-plafond', i, { tarifParcours: fmt(parcours), taux: rate.text, majorationParcours: maj ?? '' }, `facturé au plus ${fmt(max)}`, money(max), rate.source);
  return max;
}

function checkDepassement(ctx: Contexte, line: LigneActe, i: number, day: number, p: Prix, others: number): boolean {
  const dep = p.billed - p.base;
  p.depassementMoney = ZERO;
  if (dep < 0) {
    ctx.issues.push(issue('RULES_MONTANT_INFERIEUR_TARIF', { path: ['lignes', i, 'montantFacture'], expected: fmt(p.base + others), received: fmt(p.billed + others) }));
    return false;
  }
  if (dep === 0) return true;
  const ps = ctx.input.ps;
  if (ps.secteur === '1') {
    const motif = line.motifDepassement;
    if (motif === undefined || (motif === 'DA' && (ps.profession !== 'medecin' || ctx.parcours !== 'S'))) {
      ctx.issues.push(issue('RULES_DEPASSEMENT_NON_AUTORISE', { path: ['lignes', i, 'montantFacture'], received: `${fmt(dep)} (secteur 1, motif ${motif ?? 'absent'}, parcours ${ctx.parcours || 'exclu'})` }));
      return false;
    }
    if (motif === 'DA') {
      const max = maxBilledDa(ctx, line, i, day, p, p.base + others);
      if (max < 0) return false;
      if (p.billed + others > max) {
        ctx.issues.push(issue('RULES_DEPASSEMENT_PLAFOND', { path: ['lignes', i, 'montantFacture'], expected: fmt(max), received: fmt(p.billed + others) }));
        return false;
      }
    }
  }
  p.depassementMoney = money(dep);
  if (ctx.trace !== null) step(ctx, 'depassement', i, { secteur: ps.secteur, motif: line.motifDepassement ?? '' }, `hors base ${fmt(dep)}`, p.depassementMoney, 'Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré) (la base reste le tarif)');
  return true;
}

/**
 * Prices a line; pushes issues and returns false when it cannot.
 *
 * @param ctx - The context.
 * @param line - The validated line.
 * @param i - Its index.
 * @param day - Its date as a day number.
 * @param out - Receives the result (Hint: reused across lines).
 * @param group - For a line of a consultation billed as one fee (`LigneActe.groupe`): the amount
 *   billed on this line (−1: the line's own `montantFacture`) and the bases of the group's other
 *   lines (the DA cap and the « below the tariff » check are on the whole consultation).
 * @returns Whether the line is priced.
 */
export function priceLigne(ctx: Contexte, line: LigneActe, i: number, day: number, out: Prix, group: GroupeLigne = NO_GROUP): boolean {
  const activite = line.activite;
  const phase = line.phase;
  const key = phase !== undefined && phase !== '0' ? `${line.code}/${activite ?? '1'}/${phase}` : activite === undefined || activite === '1' ? line.code : `${line.code}/${activite}`;
  const row = lookupTarif(ctx.ref, key, line.date, day, ctx.key, i, -1, ctx.issues);
  if (row === undefined || row.prix === null) return false;
  if (row.row.parcoursSeulement === true && ctx.parcours === 'S') {
    ctx.issues.push(issue('RULES_MAJORATION_HORS_PARCOURS', { path: ['lignes', i, 'code'], received: line.code }));
    return false;
  }
  const c = line.coefficient;
  const coef = c === undefined ? ONE : typeof c === 'string' ? parseCoefficient(c) : c;
  out.row = row;
  out.coefficient = coef;
  if (coef === ONE) {
    out.unit = row.prix.centimes;
    out.unitMoney = row.prix;
  } else {
    out.unit = multiplyCentimes(row.prix.centimes, coef, 'halfUp');
    out.unitMoney = money(out.unit);
  }
  out.base = out.unit * line.quantite;
  out.baseMoney = money(out.base);
  if (ctx.trace !== null) {
    const inputs = { code: key, date: line.date, prix: row.prixText, coefficient: coefficientText(coef), quantite: qte(line.quantite) };
    step(ctx, 'tarif', i, inputs, 'base ' + fmt(out.base), out.baseMoney, row.sourceTrace);
  }
  if (!(row.row.nomenclature === 'ccam' ? priceCcam(ctx, line, i, day, out) : addModificateurs(ctx, line, i, day, out))) return false;
  const billed = group.billed >= 0 ? (group.billed === out.base ? undefined : { centimes: group.billed }) : line.montantFacture;
  if (billed === undefined) {
    out.billed = out.base;
    out.billedMoney = out.baseMoney;
  } else {
    out.billed = billed.centimes;
    out.billedMoney = money(billed.centimes);
  }
  return checkDepassement(ctx, line, i, day, out, group.others);
}
