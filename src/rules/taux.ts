/**
 * chooseTaux: the AMO rate of a line (internal), first matching rule wins:
 * AME → AT/MP → maternité → ALD en rapport → invalidité → prévention → the row's own rate
 * (médicament, LPP, transport) → hors parcours (médecins, 16 and over, non-excluded specialty)
 * → the profession's rate. Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré).
 */
import type { Factor } from '../core/money/index';
import type { Contexte } from './context';
import { ageOnDay, inMaternite } from './context';
import type { Dated, TauxEntry } from './compiledParams';
import { atDay } from './compiledParams';
import type { LigneActe, MotifExoneration } from './model';
import type { CompiledRow } from './referentiel';

/** The chosen rate (internal; Hint: one object per invoice, overwritten line by line). */
export interface TauxChoisi {
  taux: Factor;
  /** The rate as trace text (`'70'`), precomputed with the parameters. */
  text: string;
  /** Stable trace rule id (`'taux.ald'` …). */
  rule: string;
  exoneration: MotifExoneration | null;
  source: string;
}

const EXO_RULES: Readonly<Record<MotifExoneration, string>> = {
  ald: 'taux.ald', maternite: 'taux.maternite', atmp: 'taux.atmp', invalidite: 'taux.invalidite', ame: 'taux.ame', prevention: 'taux.prevention', menopause: 'taux.menopause',
};
const FAMILY_RULES = { sageFemme: 'taux.sageFemme', chirurgienDentiste: 'taux.chirurgienDentiste', psychologue: 'taux.psychologue' } as const;

/** @returns a blank {@link TauxChoisi} to reuse across lines. */
export function createTauxChoisi(): TauxChoisi {
  return { taux: { units: 0, scale: 0 }, text: '', rule: '', exoneration: null, source: '' };
}

function dated(p: Dated<TauxEntry>, day: number, rule: string, exoneration: MotifExoneration | null, out: TauxChoisi): boolean {
  const v = atDay(p, day);
  if (v === undefined) return false;
  out.taux = v.taux;
  out.text = v.text;
  out.rule = rule;
  out.exoneration = exoneration;
  out.source = v.source;
  return true;
}

function exoneration(ctx: Contexte, line: LigneActe, day: number): MotifExoneration | null {
  const b = ctx.input.beneficiaire;
  if (b.ame === true) return 'ame';
  if (ctx.nature === '41') return 'atmp';
  if (ctx.nature === '30' || inMaternite(ctx, day)) return 'maternite';
  if (line.enRapportAld === true) return 'ald';
  if (ctx.invalidite) return 'invalidite';
  const m = ctx.regles.menopause;
  if (day >= m.debutDay && m.codes.has(line.code)) {
    const age = ageOnDay(ctx, day);
    if (age >= m.ageMin && age <= m.ageMax) return 'menopause';
  }
  return null;
}

/**
 * Chooses the AMO rate of a line.
 *
 * @param ctx - The invoice context.
 * @param line - The line.
 * @param row - Its tariff row.
 * @param day - The act date as a day number.
 * @param out - Receives the rate, its text, rule id, exonération and source.
 * @returns Whether a rate applies; false when a dated parameter has no value at the date.
 */
export function chooseTaux(ctx: Contexte, line: LigneActe, row: CompiledRow, day: number, out: TauxChoisi): boolean {
  const t = ctx.regles.taux;
  const exo = exoneration(ctx, line, day);
  if (exo !== null) return dated(t.exonere, day, EXO_RULES[exo], exo, out);
  if (ctx.nature === '90') return dated(t.prevention, day, 'taux.prevention', 'prevention', out);
  if (row.taux !== undefined) {
    out.taux = row.taux;
    out.text = row.tauxTrace;
    out.rule = 'taux.table';
    out.exoneration = null;
    out.source = row.row.source;
    return true;
  }
  switch (ctx.famille) {
    case 'medecin':
      if (ctx.parcours === 'S' && !ctx.specialiteHorsParcours && ageOnDay(ctx, day) >= ctx.params.ageSansPenaliteParcours) {
        return dated(t.horsParcours, day, 'taux.hors-parcours', null, out);
      }
      return dated(t.medecin, day, 'taux.medecin', null, out);
    case 'auxiliaire':
      return dated(t.auxiliaire, day, 'taux.auxiliaire', null, out);
    case 'autre':
      // Pharmacien / transporteur rows carry their own rate; a row without one has no rate here.
      return false;
    default:
      return dated(t[ctx.famille], day, FAMILY_RULES[ctx.famille], null, out);
  }
}
