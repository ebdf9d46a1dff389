/**
 * ROC (Remboursement des Organismes Complémentaires, établissements): the hospital sequence
 * IDB → SIM (séjours) → CLC → DRE-ES → NOEMIE 578R (payment) or 908R (rejection), with
 * annulation of a guarantee before invoicing. The WSDL/XSD are members-only: the sequence is a
 * modeled state machine, enough to drive and check a hospital flow; the calls themselves go
 * through the same IDB / CLC services as the libéraux ones.
 *
 * @see Projet ROC, « Présentation des principes généraux » v0.2.0 (GT ROC, 13/12/2016): 5 services synchrones (annuaire, IDB, SIM, CLC, annulation) et la facturation DRE-ES ; retours NOEMIE-PS 578R (paiement) et 908R (rejet)
 */
import { field, guardObject, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { ADR_CODES } from './codes';
import type { Guarantee } from './selamc';

const issue = createIssueFactory(ADR_CODES);

/** Where a ROC file stands. */
export type EtapeRoc = 'debut' | 'idb' | 'sim' | 'clc' | 'dre-es' | 'paye' | 'rejete' | 'sans-tiers-payant' | 'annule';

/** An event of the sequence. */
export type EvenementRoc =
  | { readonly type: 'idb'; readonly droitsOuverts: boolean; readonly reference: string }
  | { readonly type: 'sim'; readonly montantEstime: Money }
  | { readonly type: 'clc'; readonly guarantee: Guarantee }
  | { readonly type: 'dre-es'; readonly numeroFacture: string }
  | { readonly type: 'noemie'; readonly retour: '578R' | '908R' }
  | { readonly type: 'annulation' };

/** The state of one hospital stay's AMC part. */
export interface DossierRoc {
  readonly etape: EtapeRoc;
  readonly referenceIdb?: string;
  readonly montantEstime?: Money;
  readonly guarantee?: Guarantee;
  readonly numeroFacture?: string;
  /** Events applied, in order. */
  readonly historique: readonly EvenementRoc['type'][];
}

/** A new ROC file. */
export const DOSSIER_ROC_INITIAL: DossierRoc = /* @__PURE__ */ Object.freeze({ etape: 'debut', historique: Object.freeze([]) as readonly EvenementRoc['type'][] });

const NEXT: Readonly<Record<EvenementRoc['type'], readonly EtapeRoc[]>> = {
  idb: ['debut'],
  sim: ['idb'],
  clc: ['idb', 'sim'],
  'dre-es': ['clc'],
  noemie: ['dre-es'],
  annulation: ['clc'],
};

const EXPECTED: Readonly<Record<EtapeRoc, string>> = {
  debut: 'IDB',
  idb: 'SIM ou CLC',
  sim: 'CLC',
  clc: 'DRE-ES ou annulation',
  'dre-es': 'retour NOEMIE 578R / 908R',
  paye: 'aucune (dossier payé)',
  rejete: 'aucune (facture rejetée : corriger et refacturer)',
  'sans-tiers-payant': 'aucune (pas de tiers payant AMC)',
  annule: 'aucune (garantie annulée)',
};

/**
 * Applies one event to a ROC file: IDB first; SIM (optional, séjours) then CLC only with open
 * rights; a DRE-ES only on a `garanti` CLC; NOEMIE 578R pays it, 908R rejects it; annulation
 * only after a guarantee and before the DRE-ES. No AMC rights or no guarantee ends the file
 * in `sans-tiers-payant` (the patient pays the AMC part).
 *
 * @param dossier - The current state ({@link DOSSIER_ROC_INITIAL} to start).
 * @param evenement - What happened.
 * @returns The next state, or `ADR_ROC_SEQUENCE` for an event out of order.
 */
export function advanceRoc(dossier: DossierRoc, evenement: EvenementRoc): Result<DossierRoc> {
  const issues: Issue[] = [];
  const d = guardObject(dossier, ['dossier'], issues);
  const e = guardObject(evenement, ['evenement'], issues);
  const type = e && (guardString(field(e, 'type'), ['evenement', 'type'], issues, { pattern: /^(idb|sim|clc|dre-es|noemie|annulation)$/, expected: 'idb, sim, clc, dre-es, noemie ou annulation' }) as EvenementRoc['type'] | undefined);
  const etape = d && (guardString(field(d, 'etape'), ['dossier', 'etape'], issues, { pattern: /^(debut|idb|sim|clc|dre-es|paye|rejete|sans-tiers-payant|annule)$/, expected: 'étape ROC' }) as EtapeRoc | undefined);
  if (issues.length > 0 || !d || !e || !type || !etape) return inputErr(issues);
  if (!NEXT[type].includes(etape)) return err(issue('ADR_ROC_SEQUENCE', { path: ['evenement', 'type'], expected: EXPECTED[etape], received: type.toUpperCase() }));
  const hist = Array.isArray(field(d, 'historique')) ? (field(d, 'historique') as readonly EvenementRoc['type'][]) : [];
  const base = { ...(d as unknown as DossierRoc), historique: [...hist, type] };
  const ev = e as unknown as EvenementRoc;
  switch (ev.type) {
    case 'idb':
      return ok({ ...base, etape: ev.droitsOuverts === true ? 'idb' : 'sans-tiers-payant', referenceIdb: typeof ev.reference === 'string' ? ev.reference.slice(0, 64) : '' });
    case 'sim':
      return ok({ ...base, etape: 'sim', montantEstime: ev.montantEstime });
    case 'clc': {
      const statut = typeof ev.guarantee === 'object' && ev.guarantee !== null ? ev.guarantee.statut : undefined;
      return ok({ ...base, etape: statut === 'garanti' ? 'clc' : 'sans-tiers-payant', guarantee: ev.guarantee });
    }
    case 'dre-es':
      return ok({ ...base, etape: 'dre-es', numeroFacture: typeof ev.numeroFacture === 'string' ? ev.numeroFacture.slice(0, 32) : '' });
    case 'noemie':
      if (ev.retour !== '578R' && ev.retour !== '908R') return inputErr([...issues, ...guardRetour(ev.retour)]);
      return ok({ ...base, etape: ev.retour === '578R' ? 'paye' : 'rejete' });
    case 'annulation':
      return ok({ ...base, etape: 'annule' });
  }
}

function guardRetour(v: unknown): Issue[] {
  const issues: Issue[] = [];
  guardString(v, ['evenement', 'retour'], issues, { pattern: /^(578R|908R)$/, expected: '578R ou 908R' });
  if (issues.length === 0) guardString(1, ['evenement', 'retour'], issues, { expected: '578R ou 908R' });
  return issues;
}
