/**
 * The pricing function the FSE module uses by default: the rules engine's `computeFacture`.
 */
import type { Result } from '../core/issues/index';
import type { Decompte, FactureInput } from '../rules/model';

/** Default pricing (rules `computeFacture` with its default référentiel); undefined until wired. */
export const defaultCompute: ((facture: FactureInput) => Result<Decompte>) | undefined = undefined;
