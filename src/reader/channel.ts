/**
 * APDU channel over a CardTransport: T=0 handling (61xx → GET RESPONSE, 6Cxx → resend with
 * Le = xx), APDU counting and a redacted trace. Never retries a command otherwise (a VERIFY is
 * never replayed).
 *
 * @see ISO 7816-4 §5.3.4 (61xx, 6Cxx); SPECS §5.1 (T=0 on Vitale)
 */
import { unwrap } from '../core/issues/index';
import { formatCommandForTrace, formatSw, parseResponseApdu, serializeCommandApdu, SW_OK } from './apdu';
import type { CommandApdu, ResponseApdu } from './apdu';
import { cardError } from './errors';
import { concatBytes } from './hex';
import type { CardTransport } from './transport';

/** One traced exchange. Command data of PIN commands is `<secret>`. */
export interface ApduTraceEntry {
  readonly reader: string;
  readonly command: string;
  readonly sw: string;
  readonly responseLength: number;
}

/** Counters of a channel. */
export interface ApduCounters {
  /** Commands asked by the library (one per `send`). */
  readonly commands: number;
  /** Raw transmissions (commands + GET RESPONSE + 6Cxx resends). */
  readonly transmits: number;
}

/** An APDU channel. */
export interface ApduChannel {
  readonly transport: CardTransport;
  /** Sends a command; handles 61xx / 6Cxx; returns the final response (any SW). */
  send(command: CommandApdu): Promise<ResponseApdu>;
  /** Sends a command and throws `APDU_STATUS` unless SW = 9000; returns the data. */
  expect(command: CommandApdu, what: string): Promise<Uint8Array>;
  /** Counters since creation. */
  counters(): ApduCounters;
}

/** Options of `createApduChannel`. */
export interface ApduChannelOptions {
  /** Receives each exchange (data of PIN commands redacted). */
  readonly trace?: (entry: ApduTraceEntry) => void;
  /** Max GET RESPONSE rounds per command (default 64). */
  readonly maxChained?: number;
}

/**
 * Creates an APDU channel over a transport.
 *
 * @param transport - The card connection.
 * @param options - Trace hook, limits.
 * @returns The channel.
 * @example
 * const ch = createApduChannel(transport, { trace: (e) => log.debug(e) });
 * const fci = await ch.expect(selectAid(VITALE_AID), 'SELECT VITALE');
 */
export function createApduChannel(transport: CardTransport, options: ApduChannelOptions = {}): ApduChannel {
  let commands = 0;
  let transmits = 0;
  const maxChained = options.maxChained ?? 64;

  const raw = async (c: CommandApdu): Promise<ResponseApdu> => {
    transmits++;
    const command = serializeCommandApdu(c);
    let bytes: Uint8Array;
    try {
      bytes = await transport.transmit(command);
    } finally {
      if (c.sensitive === true || c.ins === 0x20) command.fill(0); // wipe the PIN copy
    }
    const r = unwrap(parseResponseApdu(bytes));
    options.trace?.({ reader: transport.reader, command: formatCommandForTrace(c), sw: formatSw(r.sw), responseLength: r.data.length });
    return r;
  };

  const send = async (c: CommandApdu): Promise<ResponseApdu> => {
    commands++;
    let r = await raw(c);
    if (r.sw >> 8 === 0x6c) r = await raw({ ...c, le: (r.sw & 0xff) || 256 });
    const parts: Uint8Array[] = [r.data];
    let rounds = 0;
    while (r.sw >> 8 === 0x61 && rounds++ < maxChained) {
      r = await raw({ cla: c.cla & 0x03, ins: 0xc0, p1: 0, p2: 0, le: (r.sw & 0xff) || 256 });
      parts.push(r.data);
    }
    return parts.length === 1 ? r : { data: concatBytes(...parts), sw: r.sw };
  };

  return {
    transport,
    send,
    async expect(c, what) {
      const r = await send(c);
      if (r.sw !== SW_OK) throw cardError('APDU_STATUS', { expected: what, received: formatSw(r.sw) });
      return r.data;
    },
    counters: () => ({ commands, transmits }),
  };
}
