/**
 * chooseTaux: the AMO rate of a line (internal), first matching rule wins:
 * AME → AT/MP → maternité → ALD en rapport → invalidité → prévention → the row's own rate
 * (médicament, LPP, transport) → hors parcours (médecins, 16 and over, non-excluded specialty)
 * → the profession's rate. SPECS §6.5, §6.7.
 */
import type { Factor } from '../core/money/index';
import { formatPercent } from '../core/money/index';
import type { Contexte } from './context';
import { ageAtDate, inMaternite } from './context';
import { valueAt } from './dated';
import type { LigneActe, MotifExoneration } from './model';
import type { CompiledRow } from './referentiel';
import type { Parametre } from './tables/parametres';

/** The chosen rate (internal). */
export interface TauxChoisi {
  readonly taux: Factor;
  /** Stable trace rule id (`'taux.ald'` …). */
  readonly rule: string;
  readonly exoneration: MotifExoneration | null;
  readonly source: string;
}

function dated(p: Parametre<Factor>, date: string, rule: string, exoneration: MotifExoneration | null): TauxChoisi | undefined {
  const v = valueAt(p, date);
  return v === undefined ? undefined : { taux: v.value, rule, exoneration, source: v.source };
}

function exoneration(ctx: Contexte, line: LigneActe, date: string): MotifExoneration | null {
  const b = ctx.input.beneficiaire;
  if (b.ame === true) return 'ame';
  if (ctx.nature === '41') return 'atmp';
  if (ctx.nature === '30' || inMaternite(ctx, date)) return 'maternite';
  if (line.enRapportAld === true) return 'ald';
  if (ctx.invalidite) return 'invalidite';
  return null;
}

/**
 * Chooses the AMO rate of a line.
 *
 * @param ctx - The invoice context.
 * @param line - The line.
 * @param row - Its tariff row.
 * @param date - The act date.
 * @returns The rate, its rule id, exonération and source; undefined when a dated parameter has no value at the date.
 */
export function chooseTaux(ctx: Contexte, line: LigneActe, row: CompiledRow, date: string): TauxChoisi | undefined {
  const t = ctx.params.taux;
  const exo = exoneration(ctx, line, date);
  if (exo !== null) return dated(t.exonere, date, `taux.${exo}`, exo);
  if (ctx.nature === '90') return dated(t.prevention, date, 'taux.prevention', 'prevention');
  if (row.taux !== undefined) return { taux: row.taux, rule: 'taux.table', exoneration: null, source: row.row.source };
  switch (ctx.famille) {
    case 'medecin':
      if (ctx.parcours === 'S' && !ctx.specialiteHorsParcours && ageAtDate(ctx, date) >= ctx.params.ageSansPenaliteParcours) {
        return dated(t.horsParcours, date, 'taux.hors-parcours', null);
      }
      return dated(t.medecin, date, 'taux.medecin', null);
    case 'auxiliaire':
      return dated(t.auxiliaire, date, 'taux.auxiliaire', null);
    case 'autre':
      // Pharmacien / transporteur rows carry their own rate; a row without one has no rate here.
      return undefined;
    default:
      return dated(t[ctx.famille], date, `taux.${ctx.famille}`, null);
  }
}

const TEXTS = new WeakMap<Factor, string>();

/** @returns the rate as a percentage text for the trace (`'70'`), cached per Factor object. */
export function tauxText(t: Factor): string {
  let text = TEXTS.get(t);
  if (text === undefined) {
    text = formatPercent(t);
    TEXTS.set(t, text);
  }
  return text;
}
