/**
 * ledger: the `LedgerStore` port (invoice numbering, duplicate control, lots and files, the
 * per-part invoice state machine, payments, follow-up queries), its pure helpers and an
 * in-memory store. The SQLite adapter lives at `sesam-billing/ledger/sqlite`.
 */
export { LEDGER_CODES } from './codes';
export type * from './model';
export type * from './port';
export type * from './securedPort';
export type * from './returnsPort';
export { LEDGER_RETURN_CODES } from './returnCodes';
export { computeEventsToReapply } from './engine/reapply';
export type { CareKeyInput, CareKeys } from './careKey';
export { computeCareKey, computeCareKeys } from './careKey';
export { createMemoryLedger } from './memory';
export {
  computeNextFileNumber,
  computeNextLotNumber,
  formatFileId,
  formatInvoiceNumber,
  formatLotNumber,
  MAX_FILE_NUMBER,
  MAX_INVOICE_NUMBER,
  MAX_LOT_NUMBER,
} from './numbering';
export type { IdentifiedEvent, TrackedState } from './stateMachine';
export {
  allowedEvents,
  applyEvent,
  applyEvents,
  FINAL_STATES,
  isPartEvent,
  isPartState,
  PART_EVENTS,
  PART_STATES,
  PART_TRANSITIONS,
} from './stateMachine';
