/**
 * Inputs of `reconcile`: what came back (ARLs, NOEMIE files, bank movements) and the options.
 */
import type { Arl } from '../../noemie/arl/types';
import type { NoemieFile } from '../../noemie/types';
import type { BankMovement } from '../bank/types';
import type { PaymentMatchOptions } from './payments';
import type { RejectDictionary } from './rejects';

/** What came back: ARLs, NOEMIE files, and optionally the bank movements of the period. */
export interface ReturnsInput {
  readonly arls?: readonly Arl[];
  readonly noemie?: readonly NoemieFile[];
  readonly bank?: readonly BankMovement[];
}

/** Who re-applies which recorded returns, and why (stored in the ledger's audit trail). */
export interface ReconcileReapply {
  /** Source ids (`formatNoemieSourceId`, `ledger.listProcessedReturns()`). */
  readonly sourceIds: readonly string[];
  readonly by: string;
  readonly reason: string;
}

/** Options of `reconcile`. */
export interface ReconcileOptions {
  /**
   * N° de facturation of the PS whose ledger invoices are matched. Default: the NOEMIE 000
   * n° destinataire, trimmed. When given, a file addressed to another PS is refused.
   */
  readonly ps?: string;
  /** Reject dictionary (default the MODELED example table). */
  readonly dictionary?: RejectDictionary;
  /** Timestamp of the ledger events (default: the ledger's clock). */
  readonly at?: string;
  /** Bank matching window and token rule. */
  readonly payments?: PaymentMatchOptions;
  /**
   * Re-apply these already-recorded returns: only the events the ledger has not applied yet for
   * them are applied, and the ledger stores an audit record (who, why, when).
   */
  readonly reapply?: ReconcileReapply;
}
