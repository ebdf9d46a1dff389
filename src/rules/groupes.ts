/**
 * Consultations billed as one fee over several codes (CS + MCS, G + MEG …): the caller gives the
 * fee of the consultation as a whole (`montantFacture` on ONE line of lines sharing a `groupe`);
 * the engine prices each code at its tariff and places the dépassement (fee − sum of the tariffs)
 * on the consultation's act (the first line of the group whose row is an act, majorations not being
 * acts: NGAP, dispositions générales), so the caller need not know each tariff. The DA cap and the
 * « below the tariff » check apply to the whole consultation (internal).
 */
import type { Contexte } from './context';
import { issue } from './checks';
import type { LigneActe } from './model';
import type { GroupeLigne } from './priceLigne';
import { createPrix, priceLigne } from './priceLigne';

/** What a grouped line is priced with (internal). */
export interface LigneGroupee {
  /** The line as priced (the main act carries the group's motif de dépassement). */
  readonly line: LigneActe;
  readonly group: GroupeLigne;
}

function withoutFee(l: LigneActe): LigneActe {
  const { montantFacture: _m, motifDepassement: _d, ...rest } = l;
  return rest;
}

/**
 * Plans the groups of an invoice (only called when a line has a `groupe`).
 *
 * @param ctx - The context.
 * @param days - The line dates as day numbers.
 * @returns The grouped lines by index; lines whose group cannot be planned are absent (their issues pushed, or priced alone when the group has no fee).
 */
export function planGroupes(ctx: Contexte, days: readonly number[]): Map<number, LigneGroupee> {
  const plan = new Map<number, LigneGroupee>();
  const groups = new Map<string, number[]>();
  const lignes = ctx.input.lignes;
  lignes.forEach((l, i) => {
    if (l.groupe === undefined) return;
    const g = groups.get(l.groupe);
    if (g === undefined) groups.set(l.groupe, [i]);
    else g.push(i);
  });
  // Tariffs only: no trace, issues of this pass dropped (the real pass raises them again).
  const scratch: Contexte = { ...ctx, trace: null, issues: [] };
  const prix = createPrix();
  for (const [name, idx] of groups) {
    const fees = idx.filter((i) => (lignes[i] as LigneActe).montantFacture !== undefined);
    if (fees.length > 1) {
      ctx.issues.push(issue('RULES_GROUPE_MONTANT', { path: ['lignes', fees[1] as number, 'montantFacture'], received: name }));
      for (const i of idx) plan.set(i, { line: withoutFee(lignes[i] as LigneActe), group: { billed: -1, others: 0 } });
      continue;
    }
    const feeIndex = fees[0];
    if (feeIndex === undefined) continue;
    const bases: number[] = [];
    let main = -1;
    let priced = true;
    for (const i of idx) {
      if (!priceLigne(scratch, withoutFee(lignes[i] as LigneActe), i, days[i] as number, prix)) {
        priced = false;
        break;
      }
      bases.push(prix.base);
      if (main < 0 && prix.row.row.acte) main = i;
    }
    // A line that cannot be priced raises its issue in the real pass; the group is not planned.
    if (!priced) continue;
    if (main < 0) main = idx[0] as number;
    const feeLine = lignes[feeIndex] as LigneActe;
    const sum = bases.reduce((a, b) => a + b, 0);
    idx.forEach((i, k) => {
      const base = bases[k] as number;
      const l = withoutFee(lignes[i] as LigneActe);
      if (i !== main) {
        plan.set(i, { line: l, group: { billed: base, others: 0 } });
        return;
      }
      const motif = feeLine.motifDepassement ?? (lignes[i] as LigneActe).motifDepassement;
      const line: LigneActe = motif === undefined ? l : { ...l, motifDepassement: motif };
      plan.set(i, { line, group: { billed: base + ((feeLine.montantFacture as { centimes: number }).centimes - sum), others: sum - base } });
    });
  }
  return plan;
}
