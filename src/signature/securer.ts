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
import { buildCmsSignedData, guardSigner } from './cms';
import type { Securer, Signer } from './ports';

/**
 * Creates a CMS `Securer`.
 *
 * @param signer - The key that signs (card or software).
 * @returns A Securer whose `secure` returns `{ format: 'cms-detached', signature: p7s DER }`.
 * @throws SesamError `ASSERTION` when `signer` is not a `Signer`.
 * @example
 * const securer = createCmsSecurer(cps.signer);
 * const { signature } = await securer.secure({ payload, kind: 'fse', reference: 'F-0001', at: '2025-03-01T10:00:00Z' });
 */
export function createCmsSecurer(signer: Signer): Securer {
  const issues: Issue[] = [];
  if (guardSigner(signer, ['signer'], issues) === undefined) throw new SesamError('ASSERTION', `signer: ${issues[0]?.message ?? 'Signer attendu'}`, { issues });
  const id = `cms:${signer.id}`;
  return {
    id,
    async secure(request) {
      const signature = await buildCmsSignedData(request.payload, signer, { signingTime: request.at });
      return { signature, format: 'cms-detached', securerId: id, at: request.at };
    },
  };
}
