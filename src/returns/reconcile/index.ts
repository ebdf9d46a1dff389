/**
 * Reconciliation of NOEMIE returns and ARLs with the ledger and the bank: reject dictionary
 * (data, modeled example + vendor loading), payments matching, watchdog, follow-up.
 */
export { RECONCILE_CODES } from './codes';
export type { RejectDefinition, RejectDictionary, RejectLevel, RejectPart } from './rejects';
export { findReject, loadRejectDictionary, MODELED_REJECT_DICTIONARY } from './rejects';
export type { ReturnForfait, ReturnGroups, ReturnInvoice, ReturnVirement, VirementReference } from './returnGroups';
export { computeReturnGroups, formatVirementKey } from './returnGroups';
export type { PaymentMatch, PaymentMatchOptions, PaymentMatchReport, VirementToMatch } from './payments';
export { computeLibelleTokens, computePaymentMatches } from './payments';
export type { WatchdogAlert, WatchdogKind, WatchdogReport, WatchdogThresholds } from './watchdog';
export { computeWatchdogReport, DEFAULT_WATCHDOG_THRESHOLDS } from './watchdog';
export type {
  FollowUpPart,
  ReconciledArl,
  ReconciledForfait,
  ReconciledInvoice,
  ReconciledPart,
  ReconciledReject,
  ReconciledRetenue,
  ReconciledSource,
  ReconciledStatus,
  ReconciliationReport,
  TiersPayantFollowUp,
} from './report';
export { computeTiersPayantFollowUp } from './followUp';
export { formatArlSourceId } from './arlEvents';
export type { ReconcileOptions, ReconcileReapply, ReturnsInput } from './reconcile';
export { formatNoemieSourceId, reconcile } from './reconcile';
