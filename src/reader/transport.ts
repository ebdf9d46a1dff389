/**
 * CardTransport: the one seam between the pure APDU layer and a card. Implemented by the PC/SC
 * adapter (`sesam-billing/reader/pcsc`) and by the in-process virtual cards (unit tests, demo).
 */

/** A connection to one card in one reader, owned by one caller at a time. */
export interface CardTransport {
  /** Reader name (PC/SC name, or a virtual name). */
  readonly reader: string;
  /** The card's Answer-To-Reset. */
  readonly atr: Uint8Array;
  /**
   * Sends raw command bytes and returns the raw response (data ‖ SW1 SW2). Throws a
   * `SesamError` (`CARD_REMOVED`, `TRANSPORT`) on I/O failure; never retries.
   */
  transmit(command: Uint8Array): Promise<Uint8Array>;
}

/** Options of one exclusive use of a card. */
export interface ExclusiveOptions {
  /** Give up waiting for the card after this many ms (`CARD_BUSY`). */
  readonly timeoutMs?: number;
  /** Abort waiting. */
  readonly signal?: AbortSignal;
}

/**
 * A card in a reader that several callers share: `exclusive` runs a group of APDUs (e.g. MSE SET
 * + PSO) as the single owner of the card, after the callers queued before it (fair FIFO).
 */
export interface CardAccess {
  /** Reader name. */
  readonly reader: string;
  /** Runs `fn` as the card's only user; the transport must not be used after `fn` settles. */
  exclusive<T>(fn: (transport: CardTransport) => Promise<T>, options?: ExclusiveOptions): Promise<T>;
}
