/**
 * ISO 7816-4 command and response APDUs: build, serialize, parse (short and extended forms).
 *
 * @see ISO 7816-4 §5.1 (command-response pairs)
 */
import { field, guardBoolean, guardBytes, guardInteger, guardObject, inputErr } from '../core/guard/guard';
import { err, ok } from '../core/issues/index';
import type { Issue, IssuePath, Result } from '../core/issues/index';
import { arg, bytesArg, intArg } from './assert';
import { readerIssue } from './errors';
import { formatHex } from './hex';

/** A command APDU. `le` is the expected response length (1..65536; 256 is sent as `00` in short form). */
export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  readonly le?: number;
  /**
   * The data is secret (a PIN block, a PUK): traces show `<secret>`, the serialized copy is wiped
   * and the channel never re-sends it. The ISO 7816-4 commands of `SECRET_INS` are always secret.
   */
  readonly sensitive?: boolean;
}

/**
 * Instructions whose command data carries reference data (PIN, PUK, new PIN), ISO/IEC 7816-4
 * §11.5 "Basic security handling": VERIFY (20, 21), CHANGE REFERENCE DATA (24, 25), DISABLE /
 * ENABLE VERIFICATION REQUIREMENT (26, 28), RESET RETRY COUNTER (2C, 2D). The one list the
 * channel and the traces read: such a command is never traced in clear and never re-sent.
 */
export const SECRET_INS: readonly number[] = Object.freeze([0x20, 0x21, 0x24, 0x25, 0x26, 0x28, 0x2c, 0x2d]);

/**
 * Tells whether a command carries secret data (marked `sensitive`, or one of `SECRET_INS`).
 *
 * @param c - The command.
 * @returns `true` when the command must never be traced in clear nor re-sent.
 * @example isSecretCommand({ cla: 0, ins: 0x20, p1: 0, p2: 1 }) // true
 */
export function isSecretCommand(c: CommandApdu): boolean {
  c = commandArg(c);
  return c.sensitive === true || SECRET_INS.includes(c.ins & 0xff);
}

/** A response APDU: data and the status word (SW1 SW2 as one number, e.g. 0x9000). */
export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

const byte = { min: 0, max: 255 } as const;

/**
 * Guard (shared style) of a `CommandApdu`: header bytes, optional data (≤ 65 535 bytes), optional
 * Le (1..65 536), optional `sensitive` flag.
 *
 * @param v - Caller value.
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns The command, or `undefined` after an `INPUT_*` issue.
 */
export function guardCommandApdu(v: unknown, path: IssuePath, issues: Issue[]): CommandApdu | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  const cla = guardInteger(field(o, 'cla'), [...path, 'cla'], issues, byte);
  const ins = guardInteger(field(o, 'ins'), [...path, 'ins'], issues, byte);
  const p1 = guardInteger(field(o, 'p1'), [...path, 'p1'], issues, byte);
  const p2 = guardInteger(field(o, 'p2'), [...path, 'p2'], issues, byte);
  const data = guardBytes(field(o, 'data'), [...path, 'data'], issues, { required: false, max: 65_535 });
  const le = guardInteger(field(o, 'le'), [...path, 'le'], issues, { min: 1, max: 65_536, required: false });
  const sensitive = guardBoolean(field(o, 'sensitive'), [...path, 'sensitive'], issues, { required: false });
  if (issues.length > before || cla === undefined || ins === undefined || p1 === undefined || p2 === undefined) return undefined;
  return { cla, ins, p1, p2, ...(data === undefined ? {} : { data }), ...(le === undefined ? {} : { le }), ...(sensitive === undefined ? {} : { sensitive }) };
}

const commandArg = (c: unknown): CommandApdu => arg(c, 'command', guardCommandApdu);

/** SW 9000: success. */
export const SW_OK = 0x9000;

/**
 * Serializes a command APDU (cases 1–4, short form, extended form when data > 255 or le > 256).
 *
 * @param c - The command.
 * @returns The bytes sent to the card.
 * @throws SesamError `ASSERTION` for a malformed command (see `guardCommandApdu`).
 */
export function serializeCommandApdu(c: CommandApdu): Uint8Array {
  c = commandArg(c);
  // Written straight into one Uint8Array (no intermediate JS array): a PIN in `data` exists only
  // in buffers that the caller can wipe.
  const data = c.data ?? new Uint8Array(0);
  const le = c.le;
  const extended = data.length > 255 || (le !== undefined && le > 256);
  const lcLen = data.length === 0 ? 0 : extended ? 3 : 1;
  const leLen = le === undefined ? 0 : extended ? (data.length === 0 ? 3 : 2) : 1;
  const out = new Uint8Array(4 + lcLen + data.length + leLen);
  out[0] = c.cla & 0xff;
  out[1] = c.ins & 0xff;
  out[2] = c.p1 & 0xff;
  out[3] = c.p2 & 0xff;
  let o = 4;
  if (data.length > 0) {
    if (extended) {
      out[o++] = 0;
      out[o++] = (data.length >> 8) & 0xff;
    }
    out[o++] = data.length & 0xff;
    out.set(data, o);
    o += data.length;
  }
  if (le !== undefined) {
    if (extended) {
      if (data.length === 0) out[o++] = 0;
      out[o++] = le === 65536 ? 0 : (le >> 8) & 0xff;
      out[o++] = le === 65536 ? 0 : le & 0xff;
    } else out[o++] = le === 256 ? 0 : le & 0xff;
  }
  return out;
}

/**
 * Parses a command APDU (used by the virtual cards). Bad bytes → `APDU_MALFORMED`.
 *
 * @param bytes - The command bytes.
 * @returns The command.
 */
export function parseCommandApdu(bytes: Uint8Array): Result<CommandApdu> {
  const issues: Issue[] = [];
  if (guardBytes(bytes, ['bytes'], issues, { max: 65_544 }) === undefined) return inputErr(issues);
  const bad = () => err(readerIssue('APDU_MALFORMED', { received: formatHex(bytes.subarray(0, 16)) }));
  if (bytes.length < 4) return bad();
  const [cla = 0, ins = 0, p1 = 0, p2 = 0] = bytes;
  const head = { cla, ins, p1, p2 };
  const body = bytes.subarray(4);
  if (body.length === 0) return ok(head);
  if (body.length === 1) return ok({ ...head, le: body[0] === 0 ? 256 : (body[0] as number) });
  if (body[0] !== 0 || body.length === 2) {
    const lc = body[0] as number;
    if (lc === 0 && body.length !== 3) return bad();
    const data = body.slice(1, 1 + lc);
    if (data.length !== lc) return bad();
    const rest = body.length - 1 - lc;
    if (rest === 0) return ok({ ...head, data });
    if (rest === 1) return ok({ ...head, data, le: body[1 + lc] === 0 ? 256 : (body[1 + lc] as number) });
    return bad();
  }
  // extended form
  if (body.length === 3) return ok({ ...head, le: ((body[1] as number) << 8 | (body[2] as number)) || 65536 });
  const lc = ((body[1] as number) << 8) | (body[2] as number);
  const data = body.slice(3, 3 + lc);
  if (data.length !== lc || lc === 0) return bad();
  const rest = body.length - 3 - lc;
  if (rest === 0) return ok({ ...head, data });
  if (rest === 2) return ok({ ...head, data, le: (((body[3 + lc] as number) << 8) | (body[4 + lc] as number)) || 65536 });
  return bad();
}

/**
 * Parses a response APDU (data + SW1 SW2).
 *
 * @param bytes - The response bytes (at least 2).
 * @returns The response, or `APDU_MALFORMED`.
 */
export function parseResponseApdu(bytes: Uint8Array): Result<ResponseApdu> {
  const issues: Issue[] = [];
  if (guardBytes(bytes, ['bytes'], issues, { max: 65_538 }) === undefined) return inputErr(issues);
  if (bytes.length < 2) return err(readerIssue('APDU_MALFORMED', { received: formatHex(bytes) }));
  const n = bytes.length;
  return ok({ data: bytes.slice(0, n - 2), sw: ((bytes[n - 2] as number) << 8) | (bytes[n - 1] as number) });
}

/**
 * Serializes a response APDU (virtual cards).
 *
 * @param data - The response data.
 * @param sw - The status word.
 * @returns data ‖ SW1 ‖ SW2.
 */
export function serializeResponseApdu(data: Uint8Array, sw: number): Uint8Array {
  bytesArg(data, 'data');
  intArg(sw, 'sw', 0, 0xffff);
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = (sw >> 8) & 0xff;
  out[data.length + 1] = sw & 0xff;
  return out;
}

/**
 * Formats a status word as 4 hex digits.
 *
 * @param sw - The status word.
 * @returns E.g. `'6A82'`.
 */
export function formatSw(sw: number): string {
  intArg(sw, 'sw', 0, 0xffff);
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Formats a command for a trace: header, Lc, then the data or `<secret>` for PIN commands.
 *
 * @param c - The command.
 * @returns Redacted hex text.
 */
export function formatCommandForTrace(c: CommandApdu): string {
  c = commandArg(c);
  const head = formatHex(Uint8Array.of(c.cla, c.ins, c.p1, c.p2));
  const data = c.data;
  const secret = isSecretCommand(c);
  const body = data === undefined || data.length === 0 ? '' : ` [${data.length}] ${secret ? '<secret>' : formatHex(data)}`;
  return `${head}${body}${c.le === undefined ? '' : ` Le=${c.le}`}`;
}
