/**
 * Issue codes of the ledger's returns methods (`reapplyReturn`); a table of its own so the
 * returns work and the rest of the ledger evolve apart. Codes are public API.
 */
import { defineIssueCodes } from '../core/issues/index';

/** Issue codes of the ledger's returns methods. */
export const LEDGER_RETURN_CODES = defineIssueCodes({
  LEDGER_RETURN_NOT_RECORDED: {
    family: 'UNKNOWN_CODE',
    message: 'Retour {received} jamais enregistré comme traité : rien à réappliquer',
    fix: 'Rapprocher ce retour normalement (reconcile) ; la réapplication ne concerne qu’un retour déjà enregistré (listProcessedReturns).',
    ref: 'Cahier des charges NOEMIE PS (CNAM, CCMSA, éd. mars 2011), « caractéristiques générales » ; ameli.fr « Le retour NOEMIE »',
  },
});
