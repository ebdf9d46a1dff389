/**
 * returns: what to do with the returns of the caisses — reconciliation of ARLs and NOEMIE PS
 * returns with the ledger (AMO and AMC apart), the reject dictionary, bank statements (CFONB 120
 * and CSV) and payment matching, the tiers-payant follow-up and the no-return watchdog.
 *
 * Reading and writing the NOEMIE PS and ARL formats stays in `sesam-billing/noemie`; this module
 * stands on it and on the ledger port (`sesam-billing/ledger`).
 *
 * Sections: reconciliation (src/returns/reconcile) · bank statements (src/returns/bank); one
 * block per folder so the barrel merges without conflicts.
 */

// --- reconciliation with the ledger and the bank (src/returns/reconcile) ---
export * from './reconcile/index';

// --- bank statements: CFONB 120 and CSV (src/returns/bank) ---
export * from './bank/index';
