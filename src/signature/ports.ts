/**
 * Ports of the signature module: `Signer` (a key that signs a SHA-256 digest: the CPS card, a
 * software key in tests, an HSM) and `Securer` (what secures an invoice, a lot or a file).
 *
 * The official SESAM-Vitale 1.40 securing (certification zones, Vitale authentication) is not
 * public (formats non publics (modélisés, docs/spec-map.md)): an agreed vendor component plugs in behind `Securer` without changing callers.
 */

/** A key that signs SHA-256 digests (RSASSA-PKCS1-v1_5 over a DigestInfo, as the CPS card does). */
export interface Signer {
  /** Stable identifier of the implementation ('software-test', 'cps-card', …). */
  readonly id: string;
  /** The signature algorithm. */
  readonly algorithm: 'RSASSA-PKCS1-v1_5-SHA256';
  /** The signer's X.509 certificate, DER. */
  certificate(): Promise<Uint8Array>;
  /** Signs a 32-byte SHA-256 digest; returns the raw signature. */
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
  /**
   * Optional: signs the data itself (SHA-256 computed inside), for keys that cannot sign a bare
   * digest — a WebCrypto key, whose `sign` always hashes. `buildCmsSignedData` prefers it when
   * present; the signature bytes are the same (RSASSA-PKCS1-v1_5 is deterministic, RFC 8017 §8.2).
   */
  signData?(data: Uint8Array): Promise<Uint8Array>;
}

/** What is being secured. */
export type SecuredKind = 'fse' | 'dre' | 'lot' | 'file';

/** A request to secure bytes. */
export interface SecuringRequest {
  /** The exact bytes to secure (serialized invoice, lot or file). */
  readonly payload: Uint8Array;
  /** What they are. */
  readonly kind: SecuredKind;
  /** Caller reference (invoice number, lot number, file id) for the trace. */
  readonly reference: string;
  /** Securing date-time, ISO 8601 (the caller's clock; the port never reads a clock itself). */
  readonly at: string;
}

/** The result of securing: a detached signature (CMS SignedData, DER) and who made it. */
export interface SecuringResult {
  /** Detached signature over `payload`, DER (CMS SignedData for the implementations shipped here). */
  readonly signature: Uint8Array;
  /** Format of `signature`. */
  readonly format: 'cms-detached' | 'vendor';
  /** `Securer.id` that produced it. */
  readonly securerId: string;
  /** ISO 8601 date-time copied from the request. */
  readonly at: string;
}

/** Port: secures an invoice, a lot or a file. I/O (a card, a vendor component) may throw SesamError. */
export interface Securer {
  /** Stable identifier of the implementation. */
  readonly id: string;
  /** Secures the payload. */
  secure(request: SecuringRequest): Promise<SecuringResult>;
  /**
   * Optional injected clock: the current instant, ISO 8601 with its offset. `secureFse` and
   * `secureNumbered` use it when the caller gives no `at` (time-parameter convention: only
   * stateful components and adapters carry a clock; `createCmsSecurer` defaults it to the system clock).
   */
  readonly clock?: () => string;
}
