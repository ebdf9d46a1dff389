/**
 * `Securer` implementation: a detached CMS SignedData over the payload, signed by a `Signer`
 * (the CPS card through `openCps(...).signer`, or a software key in tests).
 *
 * MODELED: the official SESAM-Vitale 1.40 securing of an FSE/lot (certification zones, Vitale
 * authentication) is not public (formats non publics (modélisés, docs/spec-map.md)); this is a standard CMS signature with the CPS key,
 * replaceable by an agreed vendor `Securer` without changing callers.
 */
import { SesamError } from '../core/issues/index';
import type { Issue } from '../core/issues/index';
import { field, guardFunction, guardObject } from '../core/guard/index';
import { buildCmsSignedData, guardSigner } from './cms';
import type { Securer, Signer } from './ports';

/** Options of {@link createCmsSecurer}. */
export interface CmsSecurerOptions {
  /** Injected clock (ISO 8601 instant with its offset), the default `at` of `secureFse`. Default: the system clock. */
  readonly clock?: () => string;
}

/**
 * Creates a CMS `Securer`.
 *
 * @param signer - The key that signs (card or software).
 * @param options - `clock`: the instant used when a caller gives no `at` (default the system clock).
 * @returns A Securer whose `secure` returns `{ format: 'cms-detached', signature: p7s DER }`.
 * @throws SesamError `ASSERTION` when `signer` is not a `Signer`.
 * @example
 * const securer = createCmsSecurer(cps.signer);
 * const { signature } = await securer.secure({ payload, kind: 'fse', reference: 'F-0001', at: '2025-03-01T10:00:00Z' });
 */
export function createCmsSecurer(signer: Signer, options: CmsSecurerOptions = {}): Securer {
  const issues: Issue[] = [];
  if (guardSigner(signer, ['signer'], issues) === undefined) throw new SesamError('ASSERTION', `signer: ${issues[0]?.message ?? 'Signer attendu'}`, { issues });
  const o = guardObject(options, ['options'], issues, { required: false });
  const given = o && guardFunction(field(o, 'clock'), ['options', 'clock'], issues, { required: false });
  if (issues.length > 0) throw new SesamError('ASSERTION', `options: ${issues[0]?.message ?? 'options invalides'}`, { issues });
  const id = `cms:${signer.id}`;
  const clock = given === undefined ? () => new Date().toISOString() : () => {
    const t = (given as () => unknown)();
    if (typeof t !== 'string' || t.length === 0 || t.length > 40) throw new SesamError('ASSERTION', 'the securer clock must return an ISO 8601 date-time text');
    return t;
  };
  return {
    id,
    clock,
    async secure(request) {
      const signature = await buildCmsSignedData(request.payload, signer, { signingTime: request.at });
      return { signature, format: 'cms-detached', securerId: id, at: request.at };
    },
  };
}
