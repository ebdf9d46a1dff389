/**
 * ISO 7816-4 command and response APDUs: build, serialize, parse (short and extended forms).
 *
 * @see ISO 7816-4 §5.1 (command-response pairs)
 */
import { err, ok } from '../core/issues/index';
import type { Result } from '../core/issues/index';
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
  /** The data is secret (PIN): traces show `<secret>`. VERIFY (INS 20) is always treated as secret. */
  readonly sensitive?: boolean;
}

/** A response APDU: data and the status word (SW1 SW2 as one number, e.g. 0x9000). */
export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

/** SW 9000: success. */
export const SW_OK = 0x9000;

/**
 * Serializes a command APDU (cases 1–4, short form, extended form when data > 255 or le > 256).
 *
 * @param c - The command.
 * @returns The bytes sent to the card.
 */
export function serializeCommandApdu(c: CommandApdu): Uint8Array {
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
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Formats a command for a trace: header, Lc, then the data or `<secret>` for PIN commands.
 *
 * @param c - The command.
 * @returns Redacted hex text.
 */
export function formatCommandForTrace(c: CommandApdu): string {
  const head = formatHex(Uint8Array.of(c.cla, c.ins, c.p1, c.p2));
  const data = c.data;
  const secret = c.sensitive === true || c.ins === 0x20 || c.ins === 0x24 || c.ins === 0x2c;
  const body = data === undefined || data.length === 0 ? '' : ` [${data.length}] ${secret ? '<secret>' : formatHex(data)}`;
  return `${head}${body}${c.le === undefined ? '' : ` Le=${c.le}`}`;
}
