/**
 * DRE → B2 (PS norm), on the fse module's B2 machinery: a DRE is its FSE's invoice with the 2M
 * AMC routing record, its type 4 lines carrying the DRE's own AMC amounts (capped at the CLC
 * guarantee) and its type 5 / 6 / 999 totals computed from them; files go to the AMC (000 type
 * destinataire `OC`). The guarantee id has no zone in the public B2 layout: it stays in the
 * model (and the ledger's secured document), not in the file.
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), types 000, 1, 2, 2M, 4, 5, 6, 999
 */
import { field, guardArray, guardEnum, guardObject, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import type { B2Emitter } from '../fse/b2/buildFile';
import { buildB2File } from '../fse/b2/buildFile';
import type { B2Facture, B2File } from '../fse/b2/file';
import type { B2FactureOptions } from '../fse/b2/fromFse';
import { b2FactureOf } from '../fse/b2/fromFse';
import type { LottedFile } from '../fse/ledgerFlow';
import type { DreLottedFile } from './lots';
import type { Dre } from './model';
import { checkDreDocument } from './shape';

/**
 * The B2 records of one numbered DRE (2, 2S?, 2M, 4…, 5). The DRE's whole shape is checked
 * first (its FSE included), so junk anywhere in it is an issue, never a crash.
 *
 * @param dre - A numbered DRE (anything is checked).
 * @param options - Record values the model does not carry (see the fse module's `B2FactureOptions`).
 * @returns The records, or `INPUT_*` / `FSE_NOT_NUMBERED` / `FSE_RECORD_FIELD` issues.
 */
export function dreB2FactureOf(dre: Dre, options?: B2FactureOptions): Result<B2Facture> {
  const issues: Issue[] = [];
  const doc = checkDreDocument(dre, [], issues);
  return doc === undefined ? inputErr(issues) : b2FactureOf(doc, options);
}

/**
 * The B2 file of a DRE file lotted by the ledger (`numberAndLotDres(…).dreFiles`). Every DRE is
 * shape-checked first (paths `['file', 'lots', i, 'documents', j, …]`).
 *
 * @param file - A DRE file (anything is checked).
 * @param emitter - File-level data (creation date, marquage, agrément).
 * @returns The file (serialize it with the fse module's `serializeB2File`), or the issues.
 * @example
 * const b2 = unwrap(buildDreB2File(lotted.dreFiles[0], { dateCreation, marquage: 'T' }));
 */
export function buildDreB2File(file: DreLottedFile, emitter: B2Emitter): Result<B2File> {
  const issues: Issue[] = [];
  const o = guardObject(file, ['file'], issues);
  if (o === undefined || guardEnum(field(o, 'kind'), ['dre'], ['file', 'kind'], issues) === undefined) return inputErr(issues);
  const lots = guardArray(field(o, 'lots'), ['file', 'lots'], issues, { max: 100_000 })?.map((raw, i) => {
    const lot = guardObject(raw, ['file', 'lots', i], issues);
    const docs = lot && guardArray(field(lot, 'documents'), ['file', 'lots', i, 'documents'], issues, { max: 100_000 });
    return { ...lot, documents: (docs ?? []).map((d, j) => checkDreDocument(d, ['file', 'lots', i, 'documents', j], issues)) };
  });
  if (issues.length > 0) return inputErr(issues);
  return buildB2File({ ...o, lots } as unknown as LottedFile, emitter);
}
