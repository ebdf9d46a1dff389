/**
 * French labels for the demo's output (issue #10 §3: no internal state names on screen). The
 * states are the ledger's and the reconciliation's (see docs/guides/invoice-lifecycle.md); the
 * wording follows ameli's « Le retour NOEMIE » vocabulary (payée, rejetée, signalée…). The
 * records are typed complete, so a new state fails the typecheck until it has a label.
 */
import type { PartState } from '../ledger/index';
import type { ReconciledStatus, WatchdogKind } from '../returns/reconcile/index';

/** Label of an invoice part's state or of a reconciled invoice's status. */
export const LIBELLE_ETAT: Readonly<Record<PartState | ReconciledStatus, string>> = {
  a_emettre: 'à émettre',
  en_lot: 'en lot',
  transmise: 'transmise',
  arl_positive: 'ARL positif reçu',
  arl_negative: 'ARL négatif (à renvoyer)',
  payee: 'payée',
  partiellement_payee: 'partiellement payée',
  rejetee: 'rejetée',
  signalee: 'signalée',
  differee: 'différée',
  traitement_caisse: 'en traitement à la caisse',
  recyclee: 'recyclée',
  annulee: 'annulée',
  inconnue: 'inconnue du ledger',
};

/** Label of a watchdog alert kind. */
export const LIBELLE_ALERTE: Readonly<Record<WatchdogKind, string>> = {
  non_transmise: 'non transmise',
  sans_arl: 'sans ARL',
  sans_rsp: 'sans retour NOEMIE',
  amc_impayee: 'part AMC impayée',
  rejetee: 'rejetée',
  partiellement_payee: 'partiellement payée',
  forclusion_proche: 'forclusion proche',
  forclose: 'forclose',
};

/** Label of a bank-matching confidence. */
export const LIBELLE_CONFIANCE: Readonly<Record<'high' | 'low', string>> = { high: 'confiance forte', low: 'confiance faible : à vérifier' };

/**
 * « 1 part », « 2 parts »: French plural of a count.
 *
 * @param n - The count.
 * @param singular - The noun.
 * @returns Count and noun.
 */
export const plural = (n: number, singular: string): string => `${n} ${singular}${n > 1 ? 's' : ''}`;
