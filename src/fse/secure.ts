/**
 * secureFse: checks the securing mode's mandatory data, then has the `Securer` port sign the
 * invoice's B2 records. The FSE must be numbered first (`numberAndLot`): its number is inside the
 * secured records; then `secureNumbered` stores the result in the ledger, and files are written
 * from the ledger (`serializeLottedFile`) — number → secure → serialize. The official SESAM-Vitale securing is not public (Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale, diffusion restreinte : modélisé)): an
 * agreed vendor component (or the CPS card securer) plugs in behind the port.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale, diffusion restreinte : modélisé); src/signature/ports.ts
 */
import type { Issue, Result } from '../core/issues/index';
import { field, guardEnum, guardFunction, guardObject, guardString, inputErr } from '../core/guard/index';
import { ok } from '../core/issues/index';
import type { Securer, SecuringResult } from '../signature/ports';
import type { B2FactureOptions } from './b2/fromFse';
import { b2FactureOf } from './b2/fromFse';
import { serializeB2Facture } from './b2/serialize';
import { SECURISATION_CONTROLS } from './controls/securisation';
import type { Dre, Fse } from './model';
import { validateFse } from './validate';
import { methodOf } from './ledgerFlow';

/** An invoice and its securing proof. */
export interface SecuredFse {
  readonly fse: Fse;
  /** The exact bytes secured (the invoice's B2 records 2…5). */
  readonly payload: Uint8Array;
  readonly securing: SecuringResult;
}

/**
 * Secures an FSE (or its DRE) through the port.
 *
 * @param doc - A numbered FSE or DRE.
 * @param securer - The Securer (CPS card, vendor component, test signer).
 * @param at - Securing date-time, ISO 8601 (the caller's clock).
 * @param options - Invoice-level B2 options; must be the ones the file is written with, since
 *   the secured bytes are the file's invoice records.
 * @returns The secured invoice, or the securing-mode issues (`FSE_CPS_MISSING`, `FSE_VITALE_DATA_MISSING`, …).
 * @throws SesamError when the Securer fails (I/O: card removed, component down).
 * @example
 * const secured = unwrap(await secureFse(fse, securer, new Date().toISOString()));
 */
export async function secureFse(doc: Fse | Dre, securer: Securer, at: string, options: B2FactureOptions = {}): Promise<Result<SecuredFse>> {
  const issues: Issue[] = [];
  const d = guardObject(doc, ['doc'], issues);
  const kind = d && guardEnum(field(d, 'kind'), ['fse', 'dre'] as const, ['doc', 'kind'], issues);
  if (kind === 'dre' && d !== undefined) guardObject(field(d, 'fse'), ['doc', 'fse'], issues);
  const s = guardObject(securer, ['securer'], issues);
  if (s !== undefined) guardFunction(methodOf(s, 'secure'), ['securer', 'secure'], issues);
  guardString(at, ['at'], issues, { min: 1, max: 40, expected: 'date-heure ISO 8601' });
  guardObject(options, ['options'], issues, { required: false });
  if (issues.length > 0) return inputErr(issues);
  const fse = doc.kind === 'fse' ? doc : doc.fse;
  const checked = validateFse(fse, { controls: SECURISATION_CONTROLS, securingAt: at });
  if (!checked.ok) return checked;
  const records = b2FactureOf(doc, options);
  if (!records.ok) return records;
  const bytes = serializeB2Facture(records.value);
  if (!bytes.ok) return bytes;
  const securing = await securer.secure({ payload: bytes.value, kind: doc.kind, reference: String(fse.identification.numeroFacture ?? ''), at });
  return ok({ fse, payload: bytes.value, securing }, [...checked.issues, ...records.issues, ...bytes.issues]);
}
