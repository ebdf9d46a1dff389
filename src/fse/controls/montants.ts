/**
 * Amount controls: the FSE's amounts must equal a fresh `computeFacture` of its own input (an
 * edited or re-read FSE is caught), and must fit the B2 zones (7 digits per line, 8 per invoice).
 *
 * @see Norme B2 inter-régimes (cahier des charges CNAM), types 4 (prestation) and 5 (totalisation)
 */
import type { IssueDetails } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import { formatDecimal } from '../../core/money/index';
import type { Decompte, MontantsDecompte } from '../../rules/model';
import type { Fse } from '../model';
import type { ControlContext, FseControl } from './types';
import { control } from './types';

/** Largest amount of a type 4 amount zone (7 digits of centimes). */
export const MAX_MONTANT_LIGNE = 9_999_999;
/** Largest amount of a type 5 total zone (8 digits of centimes). */
export const MAX_MONTANT_FACTURE = 99_999_999;

const TOTAL_KEYS: readonly (keyof MontantsDecompte)[] = [
  'montantFacture', 'baseRemboursement', 'partAmo', 'participationForfaitaire', 'franchise', 'netAmo', 'partAmc', 'resteACharge', 'depassement',
];

const cache = new WeakMap<Fse, ReturnType<NonNullable<ControlContext['compute']>>>();
function recompute(fse: Fse, ctx: ControlContext): Decompte | undefined {
  if (ctx.compute === undefined) return undefined;
  let r = cache.get(fse);
  if (r === undefined) {
    r = ctx.compute(fse.facture);
    cache.set(fse, r);
  }
  return r.ok ? r.value : undefined;
}

const differs = (a: Money, b: Money): boolean => a.centimes !== b.centimes;
const show = (m: Money): string => formatDecimal(m);
const hasCompute = (_fse: Fse, ctx: ControlContext): boolean => ctx.compute !== undefined;

/** Amount controls of an FSE. */
export const MONTANT_CONTROLS: readonly FseControl[] = [
  control('FSE_RECOMPUTE_FAILED', 'Le moteur de règles accepte la facture', hasCompute, (fse, ctx) => {
    if (ctx.compute === undefined) return undefined;
    recompute(fse, ctx);
    const r = cache.get(fse);
    return r === undefined || r.ok ? undefined : { path: ['facture'], received: r.issues.map((i) => i.code).join(', ') };
  }),
  control('FSE_TOTAL_MISMATCH', 'Totaux égaux à un nouveau calcul', hasCompute, (fse, ctx) => {
    const d = recompute(fse, ctx);
    if (d === undefined) return undefined;
    return TOTAL_KEYS.filter((k) => differs(d.total[k], fse.totaux[k])).map((k) => ({ path: ['totaux', k], expected: show(d.total[k]), received: show(fse.totaux[k]) }));
  }),
  control('FSE_LIGNE_MONTANT_MISMATCH', 'Montants de chaque ligne égaux à un nouveau calcul', hasCompute, (fse, ctx) => {
    const d = recompute(fse, ctx);
    if (d === undefined) return undefined;
    const out: IssueDetails[] = [];
    if (d.lignes.length !== fse.lignes.length) return { path: ['lignes'], expected: `${d.lignes.length} lignes`, received: `${fse.lignes.length} lignes` };
    fse.lignes.forEach((l, k) => {
      const p = d.lignes[k];
      if (p === undefined) return;
      const pairs: [string, Money, Money][] = [
        ['montantFacture', p.montantFacture, l.montantFacture], ['baseRemboursement', p.baseRemboursement, l.baseRemboursement],
        ['montantAmo', p.partAmo, l.montantAmo], ['montantAmc', p.partAmc, l.montantAmc], ['prixUnitaire', p.prixUnitaire, l.prixUnitaire],
      ];
      for (const [name, want, got] of pairs) if (differs(want, got)) out.push({ path: ['lignes', k, name], expected: show(want), received: show(got) });
    });
    return out;
  }),
  control('FSE_MONTANT_OVERFLOW', 'Montants dans la capacité des zones B2', () => true, (fse) => {
    const out: IssueDetails[] = [];
    fse.lignes.forEach((l, k) => {
      for (const [name, m] of [['prixUnitaire', l.prixUnitaire], ['baseRemboursement', l.baseRemboursement], ['montantAmo', l.montantAmo], ['montantFacture', l.montantFacture], ['montantAmc', l.montantAmc]] as const) {
        if (m.centimes > MAX_MONTANT_LIGNE) out.push({ path: ['lignes', k, name], expected: String(MAX_MONTANT_LIGNE), received: m.centimes });
      }
    });
    for (const k of ['montantFacture', 'partAmo', 'partAmc'] as const) {
      if (fse.totaux[k].centimes > MAX_MONTANT_FACTURE) out.push({ path: ['totaux', k], expected: String(MAX_MONTANT_FACTURE), received: fse.totaux[k].centimes });
    }
    return out;
  }),
];
