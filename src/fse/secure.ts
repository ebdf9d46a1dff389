/**
 * secureFse: checks the securing mode's mandatory data, then has the `Securer` port sign the
 * invoice's B2 records. The FSE must be numbered first (`numberAndLot`): its number is inside the
 * secured records; then `secureNumbered` stores the result in the ledger, and files are written
 * from the ledger (`serializeLottedFile`) — number → secure → serialize. The official SESAM-Vitale securing is not public (Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale, diffusion restreinte : modélisé)): an
 * agreed vendor component (or the CPS card securer) plugs in behind the port.
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale, diffusion restreinte : modélisé); src/signature/ports.ts
 */
import type { Issue, IssuePath, Result } from '../core/issues/index';
import type { Rec } from '../core/guard/index';
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

/** Options of {@link secureFse}: the invoice-level B2 options and the securing instant. */
export interface SecureOptions extends B2FactureOptions {
  /**
   * Securing instant, ISO 8601 with its offset (`'2025-03-10T18:00:00+01:00'`). Default: the
   * securer's injected clock (`Securer.clock`); a securer without one needs `at`.
   */
  readonly at?: string;
}

/**
 * The securing instant: the caller's `at`, else the securer's clock (time-parameter convention:
 * pure code never reads the system clock; stateful components carry an injected one).
 *
 * @param at - The caller's `at` (untrusted).
 * @param securer - The securer, already checked to be an object (or undefined).
 * @param path - Path of `at` in the caller's input.
 * @param issues - Collector.
 * @returns The instant, or `undefined` after pushing an issue.
 */
export function securingInstant(at: unknown, securer: Rec | undefined, path: IssuePath, issues: Issue[]): string | undefined {
  const expected = 'date-heure ISO 8601 (ou une horloge clock() du Securer)';
  if (at !== undefined || securer === undefined) return guardString(at, path, issues, { min: 1, max: 40, expected });
  const clock = guardFunction(field(securer, 'clock'), ['securer', 'clock'], issues, { required: false });
  if (clock === undefined) return guardString(undefined, path, issues, { min: 1, max: 40, expected });
  return guardString((clock as () => unknown)(), ['securer', 'clock'], issues, { min: 1, max: 40, expected });
}

/** Reads `(options)` or the deprecated `(at, options)`. */
function splitArgs(third: unknown, fourth: unknown): { at: unknown; options: unknown; path: IssuePath } {
  if (typeof third === 'string') return { at: third, options: fourth, path: ['at'] };
  const o = third !== null && typeof third === 'object' ? (third as Rec) : undefined;
  return { at: o === undefined ? undefined : field(o, 'at'), options: third, path: ['options', 'at'] };
}

/**
 * Secures an FSE (or its DRE) through the port.
 *
 * @param doc - A numbered FSE or DRE.
 * @param securer - The Securer (CPS card, vendor component, test signer).
 * @param options - `at`: the securing instant (default the securer's clock); invoice-level B2
 *   options, which must be the ones the file is written with, since the secured bytes are the
 *   file's invoice records. The 0.2 form `(doc, securer, at, options)` is deprecated and still accepted.
 * @returns The secured invoice, or the securing-mode issues (`FSE_CPS_MISSING`, `FSE_VITALE_DATA_MISSING`, …).
 * @throws SesamError when the Securer fails (I/O: card removed, component down).
 * @example
 * const secured = unwrap(await secureFse(fse, securer, { at: '2025-03-10T18:00:00+01:00' }));
 */
export async function secureFse(doc: Fse | Dre, securer: Securer, options?: SecureOptions): Promise<Result<SecuredFse>>;
/**
 * @deprecated Since 0.3.0: use `secureFse(doc, securer, { at, ...options })`; removed in the next minor release.
 * @param doc - A numbered FSE or DRE.
 * @param securer - The Securer.
 * @param at - Securing date-time, ISO 8601.
 * @param options - Invoice-level B2 options.
 * @returns The secured invoice or its issues.
 */
export async function secureFse(doc: Fse | Dre, securer: Securer, at: string, options?: B2FactureOptions): Promise<Result<SecuredFse>>;
export async function secureFse(doc: Fse | Dre, securer: Securer, third?: SecureOptions | string, fourth?: B2FactureOptions): Promise<Result<SecuredFse>> {
  const issues: Issue[] = [];
  const args = splitArgs(third, fourth);
  const d = guardObject(doc, ['doc'], issues);
  const kind = d && guardEnum(field(d, 'kind'), ['fse', 'dre'] as const, ['doc', 'kind'], issues);
  if (kind === 'dre' && d !== undefined) guardObject(field(d, 'fse'), ['doc', 'fse'], issues);
  const s = guardObject(securer, ['securer'], issues);
  if (s !== undefined) guardFunction(methodOf(s, 'secure'), ['securer', 'secure'], issues);
  const o = guardObject(args.options, ['options'], issues, { required: false });
  const at = securingInstant(args.at, s, args.path, issues);
  if (issues.length > 0 || at === undefined) return inputErr(issues);
  const options = (o ?? {}) as B2FactureOptions;
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
