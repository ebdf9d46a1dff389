/**
 * Rejected parts with their remediation: the reject codes are read from the last `rejet` entry
 * of the part's history (reconciliation writes `CODE libellé ; CODE libellé` there, from the
 * NOEMIE 294 records) and looked up in the reject dictionary. A code the dictionary does not
 * know is shown with the caisse's libellé and a generic remediation, never dropped.
 */
import { subtract } from '../core/money/index';
import type { PlainDate } from '../core/date/index';
import type { HistoryEntry, LedgerInvoice, PartName } from '../ledger/model';
import type { RejectDictionary } from '../returns/index';
import { lookupReject } from '../returns/reconcile/rejects';
import type { DashboardNames, DashboardReject, DashboardRejectCode } from './model';

/** Remediation shown for a code absent from the dictionary. */
export const UNKNOWN_REJECT_CORRECTION =
  'Code absent du dictionnaire des rejets : lire le libellé de la caisse, corriger la facture puis la recycler, ou contacter la caisse.';

/** Remediation shown when the return gave no code. */
const NO_CODE_CORRECTION = 'Aucun code de rejet reçu : consulter le retour NOEMIE de la caisse avant de recycler.';

/**
 * Splits a history detail `CODE libellé ; CODE libellé` into codes and libellés.
 *
 * @param detail - The detail text.
 * @returns One entry per non-empty segment.
 */
export function splitRejectDetail(detail: string): readonly { code: string; libelle?: string }[] {
  return detail
    .split(' ; ')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const at = s.search(/\s/);
      const code = at < 0 ? s : s.slice(0, at);
      const libelle = at < 0 ? '' : s.slice(at).trim();
      return libelle === '' ? { code } : { code, libelle };
    });
}

function codesOf(detail: string | undefined, part: PartName, dictionary: RejectDictionary): DashboardRejectCode[] {
  if (detail === undefined) return [];
  return splitRejectDetail(detail).map(({ code, libelle }) => {
    const def = lookupReject(dictionary, code, part === 'amo' ? 'AMO' : 'AMC');
    const caisse = libelle === undefined ? {} : { libelleCaisse: libelle };
    if (def === undefined) return { code, ...caisse, correction: UNKNOWN_REJECT_CORRECTION, recycle: true, known: false };
    return { code, ...caisse, libelle: def.libelle, correction: def.correction, recycle: def.recycle, known: true };
  });
}

/**
 * Lists the rejected parts (input already checked), oldest reject first.
 *
 * @param invoices - Ledger invoices.
 * @param history - History entries (only `rejet` entries are read).
 * @param dictionary - Reject dictionary.
 * @param names - Display names.
 * @returns The rejects.
 */
export function computeRejects(invoices: readonly LedgerInvoice[], history: readonly HistoryEntry[], dictionary: RejectDictionary, names: DashboardNames): readonly DashboardReject[] {
  const lastDetail = new Map<string, string | undefined>();
  for (const h of history) if (h.event === 'rejet') lastDetail.set(`${h.invoiceId}|${h.part}`, h.detail);
  const out: DashboardReject[] = [];
  for (const inv of invoices) {
    for (const part of ['amo', 'amc'] as const) {
      const p = inv.parts[part];
      if (p === undefined || p.state !== 'rejetee') continue;
      const codes = codesOf(lastDetail.get(`${inv.id}|${part}`), part, dictionary);
      const psName = names.ps === undefined ? undefined : Object.hasOwn(names.ps, inv.ps) ? names.ps[inv.ps] : undefined;
      const patient = names.patients === undefined ? undefined : Object.hasOwn(names.patients, inv.id) ? names.patients[inv.id] : undefined;
      out.push({
        invoiceId: inv.id,
        ps: inv.ps,
        ...(psName === undefined ? {} : { psName }),
        ...(patient === undefined ? {} : { patient }),
        numero: inv.numero,
        part,
        dateSoins: inv.dateSoins,
        dateFacturation: inv.dateFacturation,
        amount: subtract(p.expected, p.paid),
        since: p.updatedAt.slice(0, 10) as PlainDate,
        codes: codes.length > 0 ? codes : [{ code: '', correction: NO_CODE_CORRECTION, recycle: true, known: false }],
        recyclable: inv.recycledInto === undefined && codes.every((c) => c.recycle),
      });
    }
  }
  return out.sort((a, b) => a.since.localeCompare(b.since) || a.ps.localeCompare(b.ps) || a.numero - b.numero || a.part.localeCompare(b.part));
}
