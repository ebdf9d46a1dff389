/**
 * ARL → ledger events: a positive ARL moves the parts of the file's lots `transmise` →
 * `arl_positive` (not a payment), a negative one → `arl_negative` (re-send the file). A lot
 * listed in the ARL takes its own statut; the others take the file's (ARL : format non public, modélisé (docs/spec-map.md), modeled).
 */
import type { Issue } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import type { LedgerStore, PartEventInput } from '../../ledger/index';
import type { Arl } from '../../noemie/arl/types';
import { RECONCILE_CODES } from './codes';
import type { ReconciledArl, ReconciledSource } from './report';
import { filterAcceptedEvents } from './acceptEvents';
import { field, guardObject, guardString } from '../../core/guard/index';
import { assertShape } from '../guards';

const issue = createIssueFactory(RECONCILE_CODES);

/**
 * Id under which an ARL is recorded as processed.
 *
 * @param arl - The ARL.
 * @returns `arl:<type><n° émetteur>:<file id>:<date de réception>`.
 * @throws SesamError `ASSERTION` when `arl` lacks these fields.
 */
export function formatArlSourceId(arl: Arl): string {
  assertShape('formatArlSourceId', (issues) => {
    const o = guardObject(arl, ['arl'], issues);
    if (o) for (const k of ['typeEmetteur', 'numeroEmetteur', 'identificationFichier', 'dateReception']) guardString(field(o, k), ['arl', k], issues, { max: 64 });
    return o;
  });
  return `arl:${arl.typeEmetteur}${arl.numeroEmetteur}:${arl.identificationFichier}:${arl.dateReception}`;
}

/**
 * Applies one ARL to the ledger (once per source id).
 *
 * @param arl - The ARL.
 * @param index - Its index in the input (issue paths).
 * @param ledger - The ledger.
 * @param at - Event timestamp.
 * @param ps - The PS, when the caller named one (only its lots are looked at).
 * @returns What was applied and the warnings.
 */
export async function reconcileArl(arl: Arl, index: number, ledger: LedgerStore, at: string | undefined, ps?: string): Promise<{ source: ReconciledSource; arl: ReconciledArl; issues: Issue[] }> {
  const sourceId = formatArlSourceId(arl);
  const issues: Issue[] = [];
  const lots = await ledger.listLots({ fileId: arl.identificationFichier, ...(ps === undefined ? {} : { ps }) });
  if (lots.length === 0) issues.push(issue('RECONCILE_ARL_UNKNOWN_FILE', { path: ['arls', index], received: arl.identificationFichier }));
  const events: PartEventInput[] = [];
  const lotOutcomes = lots.map((lot) => {
    const statut = arl.lots.find((l) => Number(l.numeroLot) === lot.numero)?.statut ?? arl.statut;
    const part = lot.kind === 'fse' ? ('amo' as const) : ('amc' as const);
    const detail = statut === 'negatif' ? [arl.motif, arl.lots.find((l) => Number(l.numeroLot) === lot.numero)?.motif].filter((m) => m !== undefined).map((m) => `${m.code} ${m.libelle}`).join(' ; ') : '';
    for (const invoiceId of lot.invoiceIds) events.push({ invoiceId, part, event: statut === 'positif' ? 'arl_positif' : 'arl_negatif', ...(detail ? { detail } : {}) });
    return { lotId: lot.id, numero: lot.numero, statut, invoices: lot.invoiceIds.length };
  });
  let alreadyProcessed = await ledger.hasProcessedReturn(sourceId);
  let eventsApplied = 0;
  let recorded = alreadyProcessed;
  // An ARL of no known lot is not recorded: it may be read again once the lots are known.
  if (!alreadyProcessed && lots.length > 0) {
    const { accepted, refused } = await filterAcceptedEvents(ledger, events, (e) => ['arls', index, 'invoices', e.invoiceId]);
    issues.push(...refused.values());
    const res = await ledger.applyReturn({ sourceId, events: accepted, ...(at ? { at } : {}) });
    if (!res.ok) issues.push(issue('RECONCILE_LEDGER_REFUSED', { path: ['arls', index], received: sourceId }), ...res.issues);
    else {
      recorded = true;
      if (res.value.alreadyProcessed) alreadyProcessed = true;
      else eventsApplied = res.value.applied.length;
    }
  }
  return {
    source: { sourceId, kind: 'arl', alreadyProcessed, recorded, eventsApplied },
    arl: { sourceId, identificationFichier: arl.identificationFichier, statut: arl.statut, lots: lotOutcomes },
    issues,
  };
}
