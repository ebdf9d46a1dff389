/**
 * The 24 € participation (« participation forfaitaire actes lourds ») and the CCAM rate rules of
 * a line (internal, called by computeFacture).
 *
 * - Acts of tariff ≥ 120 € (or coefficient ≥ 60): the ticket modérateur is replaced by a flat
 *   participation (24 € since 01/01/2019): AMO pays the base at 100 % minus the participation
 *   (Code de la sécurité sociale, art. R.322-8; ameli.fr « Le forfait à 24 euros »).
 * - Several acts by the same practitioner in the same consultation: their tariffs add up (CNAM
 *   « Exo TM » code 1, actes thérapeutiques ou diagnostiques invasifs); acts coded 2 (diagnostic
 *   non invasif) are compared to the threshold one by one. The participation is due once (once per
 *   day here, once per stay with `input.sejour`).
 * - Not due when the TM is already waived (ALD, maternité, AT/MP, invalidité, AME, prévention) nor
 *   for pensionnés militaires (ameli.fr « Le forfait à 24 euros », personnes exonérées).
 * - Dental rate: `ParametresCcam.actesTauxMedecin` / `actesTauxDentaire` move an act between the
 *   médecins' rate and the chirurgiens-dentistes' one (arrêté du 12 octobre 2023).
 */
import { percent } from '../../core/money/index';
import { atDay } from '../compiledParams';
import type { Contexte } from '../context';
import { inMaternite } from '../context';
import type { LigneActe } from '../model';
import type { CompiledRow } from '../referentiel';
import type { TauxChoisi } from '../taux';
import { fmt, money, step } from '../trace';
import { atParam } from './dated';
import { ccamParams } from './pricing';

/** The part of a line's price the plan reads (priceLigne's `Prix`; structural: no import cycle). */
export interface PrixLigne {
  readonly row: CompiledRow;
  readonly base: number;
}

const CENT = /* @__PURE__ */ Object.freeze(percent(100));
const SOURCE = 'Code de la sécurité sociale, art. R.322-8 (participation limitée pour les actes de tarif ≥ 120 €) ; ameli.fr « Le forfait à 24 euros »';

/** Per line: taken at 100 % (1) and the participation withheld on it (centimes). */
export interface ActeLourdPlan {
  readonly plein: readonly number[];
  readonly montant: readonly number[];
}

/** @returns whether a code has the CCAM shape (4 letters + 3 digits). */
function isCcamCode(code: string): boolean {
  if (code.length !== 7) return false;
  for (let k = 0; k < 4; k++) {
    const c = code.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  for (let k = 4; k < 7; k++) {
    const c = code.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

interface Candidate {
  readonly i: number;
  readonly group: number;
  readonly base: number;
  readonly cumul: boolean;
  readonly seuil: number;
  readonly montant: number;
}

/**
 * Decides which CCAM lines fall under the 24 € participation, from the lines' prices (Hint: the
 * prices of the pricing pass, reused: nothing is priced twice, and nothing is allocated for an
 * invoice without CCAM lines).
 *
 * @param ctx - The invoice context.
 * @param days - Line dates as day numbers.
 * @param prix - Each line's price, undefined for a line that could not be priced.
 * @returns The plan, or null when no line is concerned.
 */
export function planActeLourd(ctx: Contexte, days: readonly number[], prix: readonly (PrixLigne | undefined)[]): ActeLourdPlan | null {
  const lignes = ctx.input.lignes;
  let any = false;
  for (let i = 0; i < lignes.length; i++) if (prix[i]?.row.row.nomenclature === 'ccam' && isCcamCode((lignes[i] as LigneActe).code)) any = true;
  if (!any || ctx.pensionMilitaire) return null;
  const params = ccamParams(ctx);
  // The TM is already waived for the whole invoice (taux.ts, same order of rules): nothing to replace.
  const b = ctx.input.beneficiaire;
  if (b.ame === true || ctx.nature === '41' || ctx.nature === '30' || ctx.nature === '90' || ctx.invalidite) return null;
  const candidates: Candidate[] = [];
  const sejour = ctx.input.sejour;
  for (let i = 0; i < lignes.length; i++) {
    const line = lignes[i] as LigneActe;
    const day = days[i] as number;
    const p = prix[i];
    if (p === undefined || !isCcamCode(line.code) || line.enRapportAld === true || inMaternite(ctx, day)) continue;
    const exo = p.row.row.exonerationTm;
    if (p.row.row.nomenclature !== 'ccam' || exo === undefined || (exo[0] !== '1' && exo[0] !== '2')) continue;
    const seuil = atParam(params.acteLourd.seuil, day);
    const montant = atParam(params.acteLourd.montant, day);
    if (seuil === undefined || montant === undefined) continue;
    candidates.push({ i, group: sejour !== undefined ? 0 : day, base: p.base, cumul: exo[0] === '1', seuil: seuil.value.centimes, montant: montant.value.centimes });
  }
  if (candidates.length === 0) return null;
  let plan: { plein: number[]; montant: number[] } | null = null;
  let stayPaid = sejour?.participationActeLourdPayee === true;
  // Groups (a day, or the stay) in order of first appearance (Hint: a few candidates; loops, no closures).
  for (let g = 0; g < candidates.length; g++) {
    const first = candidates[g] as Candidate;
    let seen = false;
    for (let k = 0; k < g && !seen; k++) seen = (candidates[k] as Candidate).group === first.group;
    if (seen) continue;
    const seuil = first.seuil;
    let cumul = 0;
    for (let k = g; k < candidates.length; k++) {
      const c = candidates[k] as Candidate;
      if (c.group === first.group && c.cumul) cumul += c.base;
    }
    let top: Candidate | undefined;
    for (let k = g; k < candidates.length; k++) {
      const c = candidates[k] as Candidate;
      if (c.group !== first.group || !(c.cumul ? cumul >= seuil : c.base >= seuil)) continue;
      plan ??= { plein: new Array<number>(lignes.length).fill(0), montant: new Array<number>(lignes.length).fill(0) };
      plan.plein[c.i] = 1;
      if (top === undefined || c.base > top.base) top = c;
    }
    if (top === undefined || plan === null) continue;
    if (!stayPaid) plan.montant[top.i] = Math.min(top.montant, top.base);
    if (sejour !== undefined) stayPaid = true;
  }
  return plan;
}

/**
 * Applies the CCAM rate rules to a line's chosen rate: the 24 € plan (100 %) and the dental
 * lists. Returns the participation withheld on the line (centimes).
 *
 * @param ctx - The invoice context.
 * @param plan - The plan of {@link planActeLourd}, or null.
 * @param line - The line.
 * @param row - Its tariff row.
 * @param i - Its index.
 * @param day - Its date as a day number.
 * @param t - The chosen rate, updated.
 * @returns Centimes withheld as the participation.
 */
export function applyTauxCcam(ctx: Contexte, plan: ActeLourdPlan | null, line: LigneActe, row: CompiledRow, i: number, day: number, t: TauxChoisi): number {
  if (row.row.nomenclature !== 'ccam') return 0;
  if (plan !== null && plan.plein[i] === 1) {
    t.taux = CENT;
    t.text = '100';
    t.rule = 'taux.acte-lourd';
    t.source = SOURCE;
    const withheld = plan.montant[i] as number;
    if (ctx.trace !== null) step(ctx, 'acte-lourd', i, { seuil: 'tarif ≥ seuil', taux: '100' }, withheld > 0 ? `participation ${fmt(withheld)}` : 'participation déjà retenue (même jour ou même séjour)', money(withheld), SOURCE);
    return withheld;
  }
  if (t.exoneration !== null || t.rule === 'taux.table') return 0;
  const p = ccamParams(ctx);
  const prof = ctx.input.ps.profession;
  const family = prof === 'chirurgienDentiste' && p.actesTauxMedecin.includes(line.code) ? 'medecin' : prof === 'medecin' && p.actesTauxDentaire.includes(line.code) ? 'chirurgienDentiste' : null;
  if (family === null) return 0;
  const v = atDay(ctx.regles.taux[family], day);
  if (v === undefined) return 0;
  t.taux = v.taux;
  t.text = v.text;
  t.rule = family === 'medecin' ? 'taux.acte-medical' : 'taux.acte-dentaire';
  t.source = `${v.source} ; arrêté du 12 octobre 2023 (JO du 14 octobre 2023) : taux selon l’acte (liste parametres.ccam)`;
  return 0;
}
