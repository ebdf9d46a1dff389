/**
 * PC/SC client over pcscd: reader discovery and events, which reader holds the CPS and which the
 * Vitale (by ATR), one owner per card with a fair FIFO queue and timeouts, diagnostics.
 * The connection to a card is kept while it stays inserted (the CPS stays "opened": PIN verified,
 * application selected), so a signature costs only MSE SET + PSO.
 */
import type { Issue } from '../../core/issues/index';
import { SesamError } from '../../core/issues/index';
import { field, guardEnum, guardFunction, guardInteger, guardObject } from '../../core/guard/index';
import { createCardQueue } from '../arbiter';
import type { CardQueue } from '../arbiter';
import { identifyCard } from '../atr';
import type { CardFamily, CardKind } from '../atr';
import { cardError } from '../errors';
import { formatHex } from '../hex';
import type { CardAccess, CardTransport } from '../transport';
import { loadPcscBinding } from './binding';
import type { PcscBinding, PcscContextBinding, PcscReaderBinding } from './binding';
import { createWaiters } from './waiters';

/** Diagnostics of one reader. */
export interface PcscReaderInfo {
  readonly name: string;
  readonly present: boolean;
  /** ATR hex when a card is present. */
  readonly atr?: string;
  readonly kind: CardKind | 'none';
  readonly family: CardFamily | 'none';
  readonly label: string;
  /** Arbitration state. */
  readonly held: boolean;
  readonly waiting: number;
}

/** Reader events. */
export type PcscEvent =
  | { readonly type: 'reader-added'; readonly reader: string }
  | { readonly type: 'reader-removed'; readonly reader: string }
  | { readonly type: 'card-inserted'; readonly reader: string; readonly atr: string; readonly kind: CardKind; readonly family: CardFamily }
  | { readonly type: 'card-removed'; readonly reader: string; readonly duringTransaction: boolean }
  | { readonly type: 'error'; readonly reader?: string; readonly error: SesamError };

/** Options of `createPcscClient`. */
export interface PcscClientOptions {
  /** Binding loader (default: lazy `import('pcsclite')`). */
  readonly loadBinding?: () => Promise<PcscBinding>;
  /** 'exclusive' (default: no other process may talk to the card while we are connected) or 'shared'. */
  readonly shareMode?: 'exclusive' | 'shared';
  /** Default wait for a busy card (default 30 000 ms). */
  readonly acquireTimeoutMs?: number;
  /** Max response size passed to SCardTransmit (default 4 098). */
  readonly maxResponseLength?: number;
  /**
   * Give up on one APDU after this many ms (default 30 000: a CPS signature takes about a second,
   * a Vitale read tens of ms). The transmit is rejected with `CARD_TIMEOUT` and the connection is
   * reset (SCardDisconnect with SCARD_RESET_CARD: the command's effect on the card is unknown), so
   * the next use reconnects; later transmits of the same exclusive use are refused (`CARD_REMOVED`:
   * the card state they relied on is gone).
   */
  readonly transmitTimeoutMs?: number;
}

/**
 * Guards (shared style) the options: `null`, a non-function `loadBinding`, an unknown share mode
 * or a non-integer timeout is a programmer error (SesamError `ASSERTION` with the issues), never
 * a TypeError nor an endless wait.
 */
function checkPcscClientOptions(options: unknown): void {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues, { required: false });
  if (o !== undefined) {
    guardFunction(field(o, 'loadBinding'), ['options', 'loadBinding'], issues, { required: false });
    guardEnum(field(o, 'shareMode'), ['exclusive', 'shared'], ['options', 'shareMode'], issues, { required: false });
    guardInteger(field(o, 'acquireTimeoutMs'), ['options', 'acquireTimeoutMs'], issues, { min: 0, max: 3_600_000, required: false });
    guardInteger(field(o, 'maxResponseLength'), ['options', 'maxResponseLength'], issues, { min: 2, max: 65_538, required: false });
    guardInteger(field(o, 'transmitTimeoutMs'), ['options', 'transmitTimeoutMs'], issues, { min: 1, max: 3_600_000, required: false });
  }
  if (issues.length > 0) throw new SesamError('ASSERTION', `createPcscClient: ${issues.map((i) => `${i.path.join('.')} ${i.code}`).join(', ')}`, { issues });
}

/** A PC/SC client. */
export interface PcscClient {
  /** Readers and cards now (diagnostics). */
  listReaders(): readonly PcscReaderInfo[];
  /** The first reader holding a card of a family ('cps' | 'vitale'). */
  findReader(family: CardFamily): PcscReaderInfo | undefined;
  /** Waits until a reader matches (default: any card of `family`). */
  waitFor(predicate: (readers: readonly PcscReaderInfo[]) => PcscReaderInfo | undefined, timeoutMs?: number): Promise<PcscReaderInfo>;
  /** Waits for a card of a family in any reader. */
  waitForCard(family: CardFamily, timeoutMs?: number): Promise<PcscReaderInfo>;
  /** Shared, arbitrated access to the card of a reader. */
  card(reader: string): CardAccess;
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: PcscEvent) => void): () => void;
  /** Disconnects every card and releases the PC/SC context. */
  close(): Promise<void>;
}

interface ReaderState {
  readonly raw: PcscReaderBinding;
  readonly queue: CardQueue;
  present: boolean;
  atr: Uint8Array | undefined;
  insertion: number;
  protocol: number | undefined;
  inTransaction: boolean;
}

const REMOVED_CODES = /0x80100069|0x80100068|0x80100017|0x8010000c|0x80100009/i;

/**
 * Creates a PC/SC client (loads pcsclite lazily).
 *
 * @param options - Binding loader, share mode, timeouts.
 * @returns The client.
 * @throws SesamError `NOT_INSTALLED` without pcsclite; `TRANSPORT` when pcscd is not running.
 * @example
 * const pcsc = await createPcscClient();
 * const cpsReader = await pcsc.waitForCard('cps', 10_000);
 * const cps = unwrap(await openCps(pcsc.card(cpsReader.name)));
 */
export async function createPcscClient(options: PcscClientOptions = {}): Promise<PcscClient> {
  checkPcscClientOptions(options);
  const binding = await (options.loadBinding ?? (() => loadPcscBinding()))();
  let ctx: PcscContextBinding;
  try {
    ctx = binding();
  } catch (cause) {
    throw new SesamError('TRANSPORT', `PC/SC service not available (is pcscd running?): ${(cause as Error).message}`, { cause });
  }
  const readers = new Map<string, ReaderState>();
  const listeners = new Set<(e: PcscEvent) => void>();
  const waiters = createWaiters();
  let closed = false;
  const emit = (e: PcscEvent) => {
    for (const l of listeners) l(e);
    waiters.check();
  };
  const maxLen = options.maxResponseLength ?? 4098;
  const transmitTimeoutMs = options.transmitTimeoutMs ?? 30_000;

  const info = (name: string, s: ReaderState): PcscReaderInfo => {
    const id = s.present && s.atr !== undefined ? identifyCard(s.atr) : undefined;
    const q = s.queue.state();
    return {
      name,
      present: s.present,
      ...(s.atr !== undefined && s.present ? { atr: formatHex(s.atr) } : {}),
      kind: id?.kind ?? 'none',
      family: id?.family ?? 'none',
      label: id?.label ?? 'Pas de carte',
      held: q.held,
      waiting: q.waiting,
    };
  };
  const listReaders = () => [...readers].map(([n, s]) => info(n, s));

  const dropConnection = (s: ReaderState) => {
    if (s.protocol === undefined) return;
    s.protocol = undefined;
    s.raw.disconnect(s.raw.SCARD_LEAVE_CARD, () => undefined);
  };

  ctx.on('error', (error) => {
    if (!closed) emit({ type: 'error', error: new SesamError('TRANSPORT', `PC/SC: ${(error as Error).message}`, { cause: error }) });
  });
  ctx.on('reader', (raw) => {
    const s: ReaderState = { raw, queue: createCardQueue(raw.name, options.acquireTimeoutMs), present: false, atr: undefined, insertion: 0, protocol: undefined, inTransaction: false };
    readers.set(raw.name, s);
    raw.on('error', (error) => {
      if (!closed) emit({ type: 'error', reader: raw.name, error: new SesamError('TRANSPORT', `PC/SC ${raw.name}: ${(error as Error).message}`, { cause: error }) });
    });
    raw.on('status', (status) => {
      // The first status may come with state 0: "no card yet", not a removal (LAB §3).
      const present = (status.state & raw.SCARD_STATE_PRESENT) !== 0 && (status.state & raw.SCARD_STATE_MUTE) === 0;
      const atr = status.atr !== undefined && status.atr.length > 0 ? new Uint8Array(status.atr) : undefined;
      const swapped = present && s.present && atr !== undefined && s.atr !== undefined && formatHex(atr) !== formatHex(s.atr);
      if (s.present && (!present || swapped)) {
        s.present = false;
        s.insertion++;
        dropConnection(s);
        emit({ type: 'card-removed', reader: raw.name, duringTransaction: s.inTransaction });
      }
      if (present && !s.present) {
        s.present = true;
        s.atr = atr;
        const id = identifyCard(atr ?? new Uint8Array(0));
        emit({ type: 'card-inserted', reader: raw.name, atr: formatHex(atr ?? new Uint8Array(0)), kind: id.kind, family: id.family });
      }
    });
    raw.on('end', () => {
      readers.delete(raw.name);
      s.present = false;
      s.insertion++;
      s.queue.close(cardError('CARD_READER_NOT_FOUND', { received: raw.name }));
      emit({ type: 'reader-removed', reader: raw.name });
    });
    emit({ type: 'reader-added', reader: raw.name });
  });

  const connect = (s: ReaderState) =>
    new Promise<number>((resolve, reject) => {
      const share = options.shareMode === 'shared' ? s.raw.SCARD_SHARE_SHARED : s.raw.SCARD_SHARE_EXCLUSIVE;
      s.raw.connect({ share_mode: share, protocol: s.raw.SCARD_PROTOCOL_T0 | s.raw.SCARD_PROTOCOL_T1 }, (err, protocol) =>
        err ? reject(cardError('CARD_ABSENT', { received: s.raw.name }, 'TRANSPORT', err)) : resolve(protocol),
      );
    });

  const transmit = (name: string, s: ReaderState, at: number, command: Uint8Array): Promise<Uint8Array> => {
    if (at !== s.insertion || !s.present || s.protocol === undefined) return Promise.reject(cardError('CARD_REMOVED', { received: name }));
    const protocol = s.protocol;
    const copy = Buffer.from(command);
    return new Promise<Uint8Array>((resolve, reject) => {
      // pcsclite cannot cancel an SCardTransmit: on timeout the promise is rejected, the
      // connection reset, and the late answer (if any) dropped; the PIN copy is wiped either way.
      const timer = setTimeout(() => {
        s.insertion++; // the rest of this exclusive use gets CARD_REMOVED-like refusals
        if (s.protocol !== undefined) {
          s.protocol = undefined;
          s.raw.disconnect(s.raw.SCARD_RESET_CARD, () => undefined);
        }
        reject(cardError('CARD_TIMEOUT', { received: name, expected: `${transmitTimeoutMs} ms` }));
      }, transmitTimeoutMs);
      s.raw.transmit(copy, maxLen, protocol, (err, data) => {
        clearTimeout(timer);
        copy.fill(0); // may hold a PIN
        if (!err) return resolve(new Uint8Array(data));
        const removed = at !== s.insertion || REMOVED_CODES.test(String((err as Error).message));
        if (removed) dropConnection(s);
        reject(removed ? cardError('CARD_REMOVED', { received: name }, 'CARD', err) : new SesamError('TRANSPORT', `SCardTransmit on ${name}: ${(err as Error).message}`, { cause: err }));
      });
    });
  };

  return {
    listReaders,
    findReader: (family) => listReaders().find((r) => r.family === family),
    waitFor: (predicate, timeoutMs = 10_000) =>
      waiters.add(() => predicate(listReaders()), timeoutMs, () => cardError('CARD_READER_NOT_FOUND', { received: `attente ${timeoutMs} ms` })),
    waitForCard: (family, timeoutMs = 10_000) =>
      waiters.add(() => listReaders().find((r) => r.family === family), timeoutMs, () => cardError('CARD_ABSENT', { received: `carte ${family}`, expected: `${timeoutMs} ms` })),
    card(name) {
      return {
        reader: name,
        exclusive: (fn, o) => {
          const s0 = readers.get(name);
          if (s0 === undefined) return Promise.reject(cardError('CARD_READER_NOT_FOUND', { received: name }));
          return s0.queue.run(async () => {
            const s = readers.get(name);
            if (s === undefined) throw cardError('CARD_READER_NOT_FOUND', { received: name });
            if (!s.present || s.atr === undefined) throw cardError('CARD_ABSENT', { received: name });
            const at = s.insertion;
            if (s.protocol === undefined) s.protocol = await connect(s);
            const t: CardTransport = { reader: name, atr: s.atr, transmit: (c) => transmit(name, s, at, c) };
            s.inTransaction = true;
            try {
              return await fn(t);
            } finally {
              s.inTransaction = false;
            }
          }, o);
        },
      };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      waiters.close(new SesamError('TRANSPORT', 'PC/SC client closed'));
      await Promise.all(
        [...readers.values()].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.queue.close(new SesamError('TRANSPORT', 'PC/SC client closed'));
              if (s.protocol === undefined) return resolve();
              s.protocol = undefined;
              s.raw.disconnect(s.raw.SCARD_LEAVE_CARD, () => resolve());
            }),
        ),
      );
      for (const s of readers.values()) s.raw.close();
      ctx.close();
    },
  };
}
