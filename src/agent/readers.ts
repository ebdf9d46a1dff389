/**
 * The readers the agent serves: a port the PC/SC client (`createPcscClient` of
 * `sesam-billing/reader/pcsc`) already fits, and an in-process board of virtual readers (demo,
 * tests) that emits the same events when a virtual card or reader comes and goes.
 */
import { assert } from '../core/issues/index';
import type { CardAccess, VirtualReader } from '../reader/index';
import type { PcscEvent, PcscReaderInfo } from '../reader/pcsc/index';
import { formatHex, identifyCard } from '../reader/index';

/** One reader as the agent lists it: the PC/SC client's `PcscReaderInfo` without its arbitration state. */
export type AgentReaderInfo = Omit<PcscReaderInfo, 'held' | 'waiting'>;

/** A reader or card event: the PC/SC client's events (`error` events are not forwarded to clients). */
export type AgentReaderEvent = PcscEvent;

/** The readers port of the agent. */
export interface AgentReaders {
  /** Readers and cards now. */
  listReaders(): readonly AgentReaderInfo[];
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: AgentReaderEvent) => void): () => void;
  /** Shared, arbitrated access to the card of a reader. */
  card(reader: string): CardAccess;
}

/** A board of in-process virtual readers that emits reader and card events. */
export interface VirtualReaderBoard extends AgentReaders {
  /** Plugs a reader in (`reader-added`, then `card-inserted` when it holds a card). */
  plug(reader: VirtualReader): void;
  /** Unplugs a reader (`card-removed` when it held a card, then `reader-removed`). */
  unplug(name: string): void;
  /** Inserts the card of a plugged reader (`card-inserted`). */
  insert(name: string): void;
  /** Removes the card of a plugged reader (`card-removed`). */
  remove(name: string): void;
}

/** A virtual reader (programmer input: asserted). */
function assertReader(r: unknown): asserts r is VirtualReader {
  const o = r !== null && typeof r === 'object' ? (r as Record<string, unknown>) : undefined;
  const card = o?.['card'];
  assert(
    o !== undefined && typeof o['name'] === 'string' && typeof o['present'] === 'function' && typeof o['insert'] === 'function' && typeof o['remove'] === 'function' && card !== null && typeof card === 'object' && (card as { atr?: unknown }).atr instanceof Uint8Array,
    'virtual board: expected a virtual reader (createVirtualReader)',
  );
}

function infoOf(r: VirtualReader): AgentReaderInfo {
  if (!r.present()) return { name: r.name, present: false, kind: 'none', family: 'none', label: 'aucune carte' };
  const id = identifyCard(r.card.atr);
  return { name: r.name, present: true, atr: formatHex(r.card.atr), kind: id.kind, family: id.family, label: id.label };
}

/**
 * Creates a board of virtual readers.
 *
 * @param readers - Readers plugged at start (no event is emitted for them).
 * @returns The board.
 * @example
 * const demo = await createDemoCards();
 * const board = createVirtualReaderBoard([demo.vitale, demo.cps]);
 * board.remove(demo.vitale.name); // listeners receive { type: 'card-removed', reader: … }
 */
export function createVirtualReaderBoard(readers: readonly VirtualReader[] = []): VirtualReaderBoard {
  const plugged = new Map<string, VirtualReader>();
  assert(Array.isArray(readers), 'createVirtualReaderBoard: readers must be an array of virtual readers');
  for (const r of readers) {
    assertReader(r);
    assert(!plugged.has(r.name), `virtual board: two readers named ${r.name}`);
    plugged.set(r.name, r);
  }
  const listeners = new Set<(event: AgentReaderEvent) => void>();
  const emit = (event: AgentReaderEvent): void => {
    for (const l of [...listeners]) l(event);
  };
  const get = (name: string): VirtualReader => {
    const r = typeof name === 'string' ? plugged.get(name) : undefined;
    assert(r !== undefined, `virtual board: no reader named ${typeof name === 'string' ? name : `(${typeof name})`}`);
    return r;
  };
  const inserted = (r: VirtualReader): AgentReaderEvent => {
    const id = identifyCard(r.card.atr);
    return { type: 'card-inserted', reader: r.name, atr: formatHex(r.card.atr), kind: id.kind, family: id.family };
  };
  return {
    listReaders: () => [...plugged.values()].map(infoOf),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    card: (name) => get(name).access,
    plug(reader) {
      assertReader(reader);
      assert(!plugged.has(reader.name), `virtual board: a reader named ${reader.name} is already plugged`);
      plugged.set(reader.name, reader);
      emit({ type: 'reader-added', reader: reader.name });
      if (reader.present()) emit(inserted(reader));
    },
    unplug(name) {
      const r = get(name);
      if (r.present()) emit({ type: 'card-removed', reader: name, duringTransaction: false });
      plugged.delete(name);
      emit({ type: 'reader-removed', reader: name });
    },
    insert(name) {
      const r = get(name);
      if (r.present()) return;
      r.insert();
      emit(inserted(r));
    },
    remove(name) {
      const r = get(name);
      if (!r.present()) return;
      r.remove();
      emit({ type: 'card-removed', reader: name, duringTransaction: false });
    },
  };
}
