/**
 * A software Securer for tests: RSASSA-PKCS1-v1_5 / SHA-256 over the payload with a throwaway
 * RSA key generated with node:crypto (format 'vendor': a raw signature, not CMS). Stands in for
 * the CPS card securer (cards issue) and for the agreed SESAM-Vitale vendor component (not public).
 */
import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import type { Securer, SecuringRequest, SecuringResult } from '../../../src/signature/ports';

/** A test securer plus what a test needs to check its signatures. */
export interface SoftwareSecurer extends Securer {
  /** Verifies a signature produced by this securer over a payload. */
  verify(payload: Uint8Array, signature: Uint8Array): boolean;
  /** Requests seen, in order. */
  readonly requests: SecuringRequest[];
}

/** Creates a software securer with a fresh 2048-bit key (and the given injected clock, if any). */
export function createSoftwareSecurer(options: { readonly clock?: () => string } = {}): SoftwareSecurer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const requests: SecuringRequest[] = [];
  return {
    id: 'software-test',
    requests,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    async secure(request: SecuringRequest): Promise<SecuringResult> {
      requests.push(request);
      const signer = createSign('sha256');
      signer.update(request.payload);
      return { signature: new Uint8Array(signer.sign(privateKey)), format: 'vendor', securerId: 'software-test', at: request.at };
    },
    verify(payload, signature) {
      const v = createVerify('sha256');
      v.update(payload);
      return v.verify(publicKey, signature);
    },
  };
}
