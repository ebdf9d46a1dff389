/**
 * DRE lots per AMC. A DRE travels with its FSE: the ledger numbers the invoice once (the DRE
 * carries the FSE's number) and lots it twice, the FSE per organisme destinataire and securing
 * mode, the DRE per (PS, AMC destinataire), at most `maxPerLot` invoices per lot, one file per
 * (PS, AMC) — the lot rules of the FSE lots. `planDreLots` shows that grouping without a ledger
 * (a preview, or a check of what `numberAndLotDres` will do).
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), lots ; Norme B2 inter-régimes, enregistrements 000, 1, 6, 999
 */
import { field, guardArray, guardInteger, guardObject, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import type { LottedFile, LottedLot, NumberAndLotOptions, NumberAndLotResult } from '../fse/ledgerFlow';
import { DEFAULT_MAX_PER_LOT, numberAndLot } from '../fse/ledgerFlow';
import type { Dre } from './model';

/** A DRE file the ledger lotted: one PS, one AMC destinataire. */
export interface DreLottedFile {
  readonly kind: 'dre';
  readonly fileId: string;
  readonly ps: string;
  readonly destinataire: string;
  readonly lots: readonly LottedLot<Dre>[];
}

/** One planned DRE file: its lots, in order. */
export interface DreFilePlan {
  readonly ps: string;
  /** N° of the AMC (or opérateur) that receives the file: the DRE's `amc.numero`. */
  readonly destinataire: string;
  readonly lots: readonly (readonly Dre[])[];
}

/** Options of {@link planDreLots}. */
export interface PlanDreLotsOptions {
  /** Maximum invoices per lot, 1 … 999 (default 999, as `numberAndLot`). */
  readonly maxPerLot?: number;
}

/**
 * Groups DREs into files and lots per (PS, AMC destinataire), in first-seen order, as the
 * ledger does when it numbers them (pure; nothing numbered).
 *
 * @param dres - The DREs (only the PS number and the AMC number are read).
 * @param options - Lot size.
 * @returns The planned files, or `INPUT_*` issues for malformed arguments.
 * @example
 * const plan = unwrap(planDreLots([dre1, dre2], { maxPerLot: 500 }));
 */
export function planDreLots(dres: readonly Dre[], options: PlanDreLotsOptions = {}): Result<readonly DreFilePlan[]> {
  const issues: Issue[] = [];
  const list = guardArray(dres, ['dres'], issues, { max: 100_000 });
  const o = guardObject(options, ['options'], issues, { required: false });
  const max = (o && guardInteger(field(o, 'maxPerLot'), ['options', 'maxPerLot'], issues, { min: 1, max: DEFAULT_MAX_PER_LOT, required: false })) ?? DEFAULT_MAX_PER_LOT;
  const groups = new Map<string, { ps: string; destinataire: string; dres: Dre[] }>();
  list?.forEach((raw, k) => {
    const d = guardObject(raw, ['dres', k], issues);
    const fse = d && guardObject(field(d, 'fse'), ['dres', k, 'fse'], issues);
    const psRec = fse && guardObject(field(fse, 'ps'), ['dres', k, 'fse', 'ps'], issues);
    const ps = psRec && guardString(field(psRec, 'numeroFacturation'), ['dres', k, 'fse', 'ps', 'numeroFacturation'], issues, { min: 1, max: 40 });
    const amc = d && guardObject(field(d, 'amc'), ['dres', k, 'amc'], issues);
    const destinataire = amc && guardString(field(amc, 'numero'), ['dres', k, 'amc', 'numero'], issues, { min: 1, max: 40 });
    if (ps === undefined || destinataire === undefined) return;
    const key = `${ps}|${destinataire}`;
    const g = groups.get(key) ?? { ps, destinataire, dres: [] };
    g.dres.push(raw as Dre);
    groups.set(key, g);
  });
  if (issues.length > 0) return inputErr(issues);
  return ok([...groups.values()].map((g) => ({ ps: g.ps, destinataire: g.destinataire, lots: chunks(g.dres, max) })));
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Outcome of {@link numberAndLotDres}: the ledger's, plus the DRE files typed as this module's. */
export interface NumberedDres extends NumberAndLotResult {
  /** The DRE files (per PS and AMC), their DREs numbered and carrying their guarantee. */
  readonly dreFiles: readonly DreLottedFile[];
}

/**
 * Numbers DREs and their FSEs through the ledger port (duplicate control, one transaction) and
 * lots them: `numberAndLot` of the fse module with `{ fse: dre.fse, dre }` items. The FSE files
 * come back too (`files`): the FSE goes to the AMO, the DRE to the AMC.
 *
 * @param store - The ledger (a `LedgerStore`).
 * @param dres - DREs from `buildDreFromFse`, controlled, not yet secured.
 * @param options - Lot size, timestamp, payload storage (as `numberAndLot`).
 * @returns Numbered invoices, refused ones (issues under `['items', k, 'fse' | 'dre', …]`, `k`
 *   the DRE's index), every file and the DRE files; `Err` with `INPUT_*` issues for malformed
 *   arguments, or the ledger's issues when a lot cannot be created.
 * @throws SesamError `STORE_BUSY` / `STORE` as `numberAndLot` (nothing written).
 * @example
 * const lotted = unwrap(await numberAndLotDres(store, [dre], { maxPerLot: 500 }));
 */
export async function numberAndLotDres(store: Parameters<typeof numberAndLot>[0], dres: readonly Dre[], options: NumberAndLotOptions = {}): Promise<Result<NumberedDres>> {
  const issues: Issue[] = [];
  const list = guardArray(dres, ['dres'], issues, { max: 100_000 });
  if (list === undefined) return inputErr(issues);
  const items = list.map((d) => {
    const o = guardObject(d, [], [], { required: false });
    return { fse: o && field(o, 'fse'), dre: d };
  });
  const r = await numberAndLot(store, items as never, options);
  if (!r.ok) return r;
  const dreFiles = r.value.files.filter((f: LottedFile): f is Extract<LottedFile, { kind: 'dre' }> => f.kind === 'dre') as readonly DreLottedFile[];
  return ok({ ...r.value, dreFiles });
}
