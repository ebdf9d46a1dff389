/**
 * The pricing function the FSE module uses by default: the rules engine's `computeFacture`
 * (without trace: controls compare amounts only).
 */
import type { Result } from '../core/issues/index';
import type { Decompte, FactureInput } from '../rules/model';
import type { ComputeFactureOptions } from '../rules/computeFacture';
import { computeFacture } from '../rules/computeFacture';

/**
 * Default pricing: `computeFacture(facture, { trace: false })`.
 *
 * @param facture - The invoice to price.
 * @returns The decompte or the rules' issues.
 */
export function defaultCompute(facture: FactureInput): Result<Decompte> {
  return computeFacture(facture, { trace: false });
}

/**
 * Pricing with caller options (référentiel, parameters).
 *
 * @param options - Options of `computeFacture`.
 * @returns A pricing function.
 */
export function computeWith(options: ComputeFactureOptions): (facture: FactureInput) => Result<Decompte> {
  return (facture) => computeFacture(facture, { trace: false, ...options });
}
