/**
 * Reads a Vitale 2 card: SELECT MF, READ BINARY SFI 2 (identity), SELECT AID VITALE, READ
 * BINARY SFI 2 (NIR), then `parseCarteVitale`. Read path of Rufus `lecteurvitale.cpp`.
 *
 * One error channel: what the card says (wrong or unsupported card, unexpected status, bad data)
 * comes back as `Result` issues; only I/O failures (card removed, timeout, busy reader) throw.
 *
 * @see cardpeek — script vitale_2.lua (public structure of the Vitale 2 files); ISO/IEC 7816-4:2013
 *   §11.1.1 (SELECT), §11.2.3 (READ BINARY with a short EF identifier)
 */
import { field, guardFunction, guardObject, inputErr } from '../../core/guard/guard';
import { err, ok } from '../../core/issues/index';
import type { Issue, Result } from '../../core/issues/index';
import { formatSw, SW_OK } from '../apdu';
import type { CommandApdu } from '../apdu';
import { byteArg, bytesArg, intArg } from '../assert';
import { identifyCard } from '../atr';
import { createApduChannel } from '../channel';
import type { ApduChannel, ApduTraceEntry } from '../channel';
import { readerIssue } from '../errors';
import { guardCardAccess, guardExclusiveOptions } from '../guards';
import { formatHex, hexBytes } from '../hex';
import type { CardAccess, ExclusiveOptions } from '../transport';
import { parseCarteVitale } from './beneficiaires';
import type { CarteVitale } from './beneficiaires';

/** AID of the VITALE application. */
export const VITALE_AID = hexBytes('D2 50 00 00 02 56 49 54 41 4C 45');
/** AID of the MF_VITALE application. */
export const MF_VITALE_AID = hexBytes('D2 50 00 00 02 4D 46 5F 56 49 54 41 4C 45');

/** `00 A4 00 00 02 3F 00`: select the master file. */
export const SELECT_MF: CommandApdu = { cla: 0, ins: 0xa4, p1: 0, p2: 0, data: hexBytes('3F00') };

/**
 * `00 A4 04 00 Lc AID`: select an application by AID.
 *
 * @param aid - The AID (5 to 16 bytes).
 * @param p2 - `00` (FCI) or `0C` (no response data).
 * @returns The command.
 * @throws SesamError `ASSERTION` for a malformed AID or P2.
 */
export function selectAid(aid: Uint8Array, p2 = 0x00): CommandApdu {
  bytesArg(aid, 'aid', 16);
  byteArg(p2, 'p2');
  return { cla: 0, ins: 0xa4, p1: 0x04, p2, data: aid };
}

/**
 * `00 B0 (80|sfi) offset Le`: READ BINARY through a short EF identifier.
 *
 * @param sfi - Short file id (1..30).
 * @param offset - Offset (0..255).
 * @param le - Expected length (1..256, default 256 → `00`).
 * @returns The command.
 * @throws SesamError `ASSERTION` for an argument out of range.
 */
export function readBinarySfi(sfi: number, offset = 0, le = 256): CommandApdu {
  intArg(sfi, 'sfi', 1, 30);
  byteArg(offset, 'offset');
  intArg(le, 'le', 1, 256);
  return { cla: 0, ins: 0xb0, p1: 0x80 | (sfi & 0x1f), p2: offset & 0xff, le };
}

/** Sends a command and turns any status but 9000 into an `APDU_STATUS` issue. */
async function expectOk(channel: ApduChannel, c: CommandApdu, what: string): Promise<Result<Uint8Array>> {
  const r = await channel.send(c);
  return r.sw === SW_OK ? ok(r.data) : err(readerIssue('APDU_STATUS', { expected: what, received: formatSw(r.sw) }));
}

/** The read on a held channel (the card is checked by its ATR first). */
async function readOn(channel: ApduChannel): Promise<Result<CarteVitale>> {
  const id = identifyCard(channel.transport.atr);
  if (id.kind === 'vitale1') return err(readerIssue('CARD_UNSUPPORTED', { received: 'Vitale 1' }));
  if (id.family === 'cps') return err(readerIssue('CARD_WRONG_KIND', { expected: 'Vitale', received: id.label }));
  if (id.family !== 'vitale') return err(readerIssue('CARD_UNKNOWN', { received: formatHex(channel.transport.atr) }));
  const files: Uint8Array[] = [];
  for (const [c, what] of [
    [SELECT_MF, 'SELECT MF'],
    [readBinarySfi(2), 'READ BINARY MF/SFI 2'],
    [selectAid(VITALE_AID), 'SELECT VITALE'],
    [readBinarySfi(2), 'READ BINARY VITALE/SFI 2'],
  ] as const) {
    const r = await expectOk(channel, c, what);
    if (!r.ok) return r;
    if (c.ins === 0xb0) files.push(r.value);
  }
  return parseCarteVitale(files);
}

/** Options of `readCarteVitale`. */
export interface ReadCarteVitaleOptions extends ExclusiveOptions {
  /** Receives every APDU exchange. */
  readonly trace?: (entry: ApduTraceEntry) => void;
}

/**
 * Reads the Vitale card in a reader as its exclusive user.
 *
 * @param access - The reader's card access (PC/SC or virtual).
 * @param options - Trace, wait limit.
 * @returns The beneficiaries; issues for a wrong, unknown or unsupported card (`CARD_WRONG_KIND`,
 *   `CARD_UNKNOWN`, `CARD_UNSUPPORTED`), an unexpected status (`APDU_STATUS`) or bad card data.
 *   Throws only for I/O (`CARD_REMOVED`, `CARD_ABSENT`, `CARD_BUSY`, `CARD_TIMEOUT`).
 * @example
 * const carte = unwrap(await readCarteVitale(cards.vitale));
 * carte.beneficiaires[0]?.nir
 */
export async function readCarteVitale(access: CardAccess, options: ReadCarteVitaleOptions = {}): Promise<Result<CarteVitale>> {
  const issues: Issue[] = [];
  const a = guardCardAccess(access, ['access'], issues);
  const o = guardObject(options, ['options'], issues);
  const trace = o === undefined ? undefined : guardFunction(field(o, 'trace'), ['options', 'trace'], issues, { required: false });
  const wait = o === undefined ? undefined : guardExclusiveOptions(o, ['options'], issues);
  if (a === undefined || o === undefined || wait === undefined || issues.length > 0) return inputErr(issues);
  return a.exclusive((t) => readOn(createApduChannel(t, trace === undefined ? {} : { trace: trace as (e: ApduTraceEntry) => void })), wait);
}
