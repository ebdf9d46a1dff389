/**
 * `sesam fse build --record`: the FSE that passed the controls are recorded in the ledger as
 * pending invoices (AMO part « à émettre »), each with its FSE as payload — what `sesam lot`
 * reads. The library does the work: `invoiceDraftOf` makes the ledger draft of an FSE (the
 * caisse's patient identity, the amounts of the décompte) and `recordInvoice` checks the
 * duplicates (`LEDGER_DUPLICATE`: the same PS, patient, day and acts already billed) and numbers
 * the invoice, in one transaction per invoice: a care already recorded is refused, never doubled.
 */
import type { Issue } from '../core/issues/index';
import type { Fse } from '../fse/index';
import { invoiceDraftOf } from '../fse/index';
import type { LedgerStore } from '../ledger/index';
import type { Progress } from './progress';

/** What `--record` did, the `record` of the `--json` result of `fse build`. */
export interface RecordOutcome {
  /** The ledger's file. */
  readonly ledger: string;
  /** Recorded: the input index, the PS and the invoice number the ledger gave. */
  readonly recorded: readonly { readonly index: number; readonly ps: string; readonly numero: number }[];
  /** Refused as already billed (`LEDGER_DUPLICATE`): the input index and the number of the invoice holding the care. */
  readonly duplicates: readonly { readonly index: number; readonly numero: number }[];
  /** Refused by the ledger for another reason (its issues are in `issues`): input indexes. */
  readonly refused: readonly number[];
}

/** One FSE to record, with its index in the input. */
export interface RecordItem {
  readonly index: number;
  readonly fse: Fse;
}

/**
 * Records built and controlled FSE in the ledger, one transaction each.
 *
 * @param ledger - The open ledger.
 * @param path - The ledger's file (reported).
 * @param items - The FSE that passed the controls.
 * @param options - `at`: the recording instant (default the ledger's clock); `issue`: receives
 *   each ledger issue with its input index (path prefixed with `ledger`); `progress`: ticked per FSE.
 * @returns What was recorded, refused as a duplicate, or refused otherwise.
 */
export async function recordFses(
  ledger: LedgerStore,
  path: string,
  items: readonly RecordItem[],
  options: { readonly at?: string; readonly issue: (index: number, i: Issue) => void; readonly progress: Progress },
): Promise<RecordOutcome> {
  const recorded: { index: number; ps: string; numero: number }[] = [];
  const duplicates: { index: number; numero: number }[] = [];
  const refused: number[] = [];
  for (const { index, fse } of items) {
    const draft = invoiceDraftOf(fse, undefined, options.at === undefined ? {} : { at: options.at });
    const r = draft.ok ? await ledger.recordInvoice({ ...draft.value, payload: JSON.stringify(fse) }) : draft;
    options.progress.tick();
    for (const i of r.issues) options.issue(index, { ...i, path: ['ledger', ...i.path] });
    if (r.ok) recorded.push({ index, ps: r.value.ps, numero: r.value.numero });
    else {
      const dup = r.issues.find((i) => i.code === 'LEDGER_DUPLICATE');
      if (dup !== undefined) duplicates.push({ index, numero: Number(dup.received) });
      else refused.push(index);
    }
  }
  return { ledger: path, recorded, duplicates, refused };
}
