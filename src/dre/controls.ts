/**
 * The DRE control catalogue: the routing and identity controls of the fse catalogue (codes
 * `FSE_DRE_*`, unchanged), and the amount controls of a guaranteed DRE (`DRE_*`): the amount may
 * be below the FSE's AMC part (capped at the CLC guarantee), never above it nor above the
 * guarantee, and its lines add up to it.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), DRE ; Norme B2 inter-régimes, types 2M, 4 et 5
 */
import type { Money } from '../core/money/index';
import { formatDecimal, sum } from '../core/money/index';
import type { FseCode } from '../fse/codes';
import type { Control } from '../fse/controls/types';
import { DRE_CONTROLS as FSE_DRE_CONTROLS } from '../fse/controls/dre';
import type { DreCode } from './codes';
import type { Dre } from './model';

/** A control of a DRE: raises an `FSE_DRE_*` or a `DRE_*` code. */
export type DreControl = Control<Dre, DreCode | FseCode>;

const ALWAYS = (): boolean => true;
const over = (m: Money, limit: Money): boolean => m.centimes > limit.centimes;

/** The amount controls of a guaranteed DRE. */
const MONTANT_CONTROLS: readonly DreControl[] = [
  {
    code: 'DRE_GARANTIE_ABSENTE', label: 'DRE garantie par l’AMC (CLC)', appliesTo: ALWAYS,
    check: (dre) => (dre.garantie === undefined ? { path: ['garantie'], received: formatDecimal(dre.montantAmc) } : undefined),
  },
  {
    code: 'DRE_MONTANT_DEPASSE_PART_AMC', label: 'Montant de la DRE au plus la part AMC de la FSE', appliesTo: ALWAYS,
    check: (dre) => (over(dre.montantAmc, dre.fse.totaux.partAmc) ? { path: ['montantAmc'], expected: formatDecimal(dre.fse.totaux.partAmc), received: formatDecimal(dre.montantAmc) } : undefined),
  },
  {
    code: 'DRE_GARANTIE_DEPASSEE', label: 'Montant de la DRE au plus le montant garanti', appliesTo: (dre) => dre.garantie !== undefined,
    check: (dre) => {
      const g = dre.garantie?.montantGaranti;
      return g !== undefined && over(dre.montantAmc, g) ? { path: ['montantAmc'], expected: formatDecimal(g), received: formatDecimal(dre.montantAmc) } : undefined;
    },
  },
  {
    code: 'DRE_LIGNES_TOTAL', label: 'Lignes de la DRE égales à son montant', appliesTo: ALWAYS,
    check: (dre) => {
      const lines = sum(dre.lignes.map((l) => l.montantAmc));
      return lines.centimes === dre.montantAmc.centimes ? undefined : { path: ['lignes'], expected: formatDecimal(dre.montantAmc), received: formatDecimal(lines) };
    },
  },
];

/**
 * Every DRE control, in the order they run: tiers payant AMC, n° AMC, adhérent, routage,
 * indicateur de traitement, amount not zero (`FSE_DRE_*`), then guarantee and amounts (`DRE_*`).
 * The fse catalogue's `FSE_DRE_MONTANT_MISMATCH` (amount equal to the FSE's AMC part) is
 * replaced by the guarantee-aware amount controls.
 */
// Built in an annotated closure: the filter and the spread count as side effects for bundlers.
export const DRE_CONTROLS: readonly DreControl[] = /* @__PURE__ */ (() => Object.freeze([
  ...FSE_DRE_CONTROLS.filter((c) => c.code !== 'FSE_DRE_MONTANT_MISMATCH'),
  ...MONTANT_CONTROLS,
]))();
