/**
 * APDU channel over a CardTransport: T=0 handling (61xx → GET RESPONSE, 6Cxx → resend with
 * Le = xx), APDU counting and a redacted trace. Never retries a command otherwise.
 *
 * A command carrying secret data (`isSecretCommand`: VERIFY, CHANGE REFERENCE DATA, RESET RETRY
 * COUNTER…) is transmitted at most once per `send`: a 6Cxx answer to it is NOT answered by a
 * resend (that would present the PIN twice and may cost two tries) but by the typed error
 * `APDU_SECRET_NOT_RESENT`; a failed or timed-out transmit is never retried either. GET RESPONSE
 * after 61xx carries no command data and stays allowed.
 *
 * @see ISO/IEC 7816-4 §5.1.3 (status bytes 61xx, 6Cxx), §11.5 (basic security handling)
 */
import { field, guardBytes, guardFunction, guardInteger, guardObject, guardString } from '../core/guard/guard';
import { unwrap } from '../core/issues/index';
import type { Issue, IssuePath } from '../core/issues/index';
import { arg } from './assert';
import { formatCommandForTrace, formatSw, isSecretCommand, parseResponseApdu, serializeCommandApdu, SW_OK } from './apdu';
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
  /**
   * Sends a command; handles 61xx / 6Cxx; returns the final response (any SW). A secret command
   * answered 6Cxx throws `APDU_SECRET_NOT_RESENT` (code `CARD`) instead of being re-sent.
   */
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
 * @throws SesamError `ASSERTION` when `transport` is not a `CardTransport` or an option is malformed.
 * @example
 * const ch = createApduChannel(transport, { trace: (e) => log.debug(e) });
 * const fci = await ch.expect(selectAid(VITALE_AID), 'SELECT VITALE');
 */
export function createApduChannel(transport: CardTransport, options: ApduChannelOptions = {}): ApduChannel {
  arg(transport, 'transport', guardTransport);
  const o = arg(options, 'options', (v, p, i) => guardObject(v, p, i));
  arg(field(o, 'trace'), 'options.trace', (v, p, i) => guardFunction(v, p, i, { required: false }) ?? (() => undefined));
  const maxChained = arg(field(o, 'maxChained'), 'options.maxChained', (v, p, i) => guardInteger(v, p, i, { min: 0, max: 1024, required: false }) ?? 64);
  let commands = 0;
  let transmits = 0;

  const raw = async (c: CommandApdu, secret: boolean): Promise<ResponseApdu> => {
    transmits++;
    const command = serializeCommandApdu(c);
    let bytes: Uint8Array;
    try {
      bytes = await transport.transmit(command);
    } finally {
      if (secret) command.fill(0); // wipe the PIN copy
    }
    const r = unwrap(parseResponseApdu(bytes));
    options.trace?.({ reader: transport.reader, command: formatCommandForTrace(c), sw: formatSw(r.sw), responseLength: r.data.length });
    return r;
  };

  const send = async (c: CommandApdu): Promise<ResponseApdu> => {
    commands++;
    const secret = isSecretCommand(c);
    let r = await raw(c, secret);
    if (r.sw >> 8 === 0x6c) {
      // Never replay secret data, whatever the card asks (ISO/IEC 7816-4 §5.1.3 allows the resend,
      // the PIN policy does not: one call presents the PIN once).
      if (secret) throw cardError('APDU_SECRET_NOT_RESENT', { expected: formatCommandForTrace({ ...c, data: new Uint8Array(0) }), received: formatSw(r.sw) });
      r = await raw({ ...c, le: (r.sw & 0xff) || 256 }, false);
    }
    const parts: Uint8Array[] = [r.data];
    let rounds = 0;
    while (r.sw >> 8 === 0x61 && rounds++ < maxChained) {
      // GET RESPONSE carries no command data: fetching the rest never re-sends the secret.
      r = await raw({ cla: c.cla & 0x03, ins: 0xc0, p1: 0, p2: 0, le: (r.sw & 0xff) || 256 }, false);
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

/**
 * Guard (shared style) of a `CardTransport`: a reader name, the ATR bytes and a `transmit` function.
 *
 * @param v - Caller value.
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns The transport, or `undefined` after an `INPUT_*` issue.
 */
export function guardTransport(v: unknown, path: IssuePath, issues: Issue[]): CardTransport | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardString(field(o, 'reader'), [...path, 'reader'], issues, { max: 256 });
  guardBytes(field(o, 'atr'), [...path, 'atr'], issues, { max: 64 });
  guardFunction(field(o, 'transmit'), [...path, 'transmit'], issues);
  return issues.length === before ? (o as unknown as CardTransport) : undefined;
}
