/**
 * In-process virtual reader: a `CardTransport` and a `CardAccess` (fair FIFO queue) over a
 * virtual card, with insert / remove to simulate the field (removal mid-transaction included).
 */
import { field, guardBytes, guardFunction, guardInteger, guardObject, guardString } from '../../core/guard/guard';
import { createCardQueue } from '../arbiter';
import { arg } from '../assert';
import { cardError } from '../errors';
import type { CardAccess, CardTransport } from '../transport';
import type { VirtualCard } from './engine';

/** A virtual reader holding (or not) a virtual card. */
export interface VirtualReader {
  readonly name: string;
  readonly card: VirtualCard;
  /** Shared access with arbitration (what the Vitale/CPS functions take). */
  readonly access: CardAccess;
  /** Direct transport (no arbitration; for low-level tests). */
  readonly transport: CardTransport;
  /** Pulls the card out: every transmit now fails with `CARD_REMOVED`. */
  remove(): void;
  /** Puts the card back (power cycle: PIN state lost). */
  insert(): void;
  /** Whether a card is present. */
  present(): boolean;
}

/**
 * Creates an in-process reader around a virtual card.
 *
 * @param card - The card.
 * @param name - Reader name (default 'Virtual reader').
 * @param timeoutMs - Default wait limit of the queue (default 30 000).
 * @returns The reader.
 * @throws SesamError `ASSERTION` for a malformed card, name or timeout.
 * @example
 * const r = createVirtualReader(createVirtualVitale({ beneficiaires }), 'Vitale');
 * const carte = await readCarteVitale(r.access);
 */
export function createVirtualReader(card: VirtualCard, name = 'Virtual reader', timeoutMs?: number): VirtualReader {
  arg(card, 'card', (v, p, i) => {
    const o = guardObject(v, p, i);
    if (o === undefined) return undefined;
    guardBytes(field(o, 'atr'), [...p, 'atr'], i, { max: 33 });
    guardFunction(field(o, 'process'), [...p, 'process'], i);
    guardFunction(field(o, 'reset'), [...p, 'reset'], i);
    return o;
  });
  arg(name, 'name', (v, p, i) => guardString(v, p, i, { min: 1, max: 256 }));
  if (timeoutMs !== undefined) arg(timeoutMs, 'timeoutMs', (v, p, i) => guardInteger(v, p, i, { min: 0, max: 2_147_483_647 }));
  let present = true;
  let insertion = 0;
  const queue = createCardQueue(name, timeoutMs);
  const transport: CardTransport = {
    reader: name,
    atr: card.atr,
    async transmit(command) {
      const at = insertion;
      await Promise.resolve();
      if (!present || at !== insertion) throw cardError('CARD_REMOVED', { received: name });
      return card.process(command.slice());
    },
  };
  const access: CardAccess = {
    reader: name,
    exclusive: (fn, options) =>
      queue.run(async () => {
        if (!present) throw cardError('CARD_ABSENT', { received: name });
        const at = insertion;
        const leased: CardTransport = {
          reader: name,
          atr: card.atr,
          transmit: (c) => (at === insertion ? transport.transmit(c) : Promise.reject(cardError('CARD_REMOVED', { received: name }))),
        };
        return fn(leased);
      }, options),
  };
  return {
    name,
    card,
    access,
    transport,
    remove() {
      if (!present) return;
      present = false;
      insertion++;
    },
    insert() {
      if (present) return;
      card.reset();
      present = true;
    },
    present: () => present,
  };
}
