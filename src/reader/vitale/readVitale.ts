/**
 * Reads a Vitale 2 card: SELECT MF, READ BINARY SFI 2 (identity), SELECT AID VITALE, READ
 * BINARY SFI 2 (NIR), then `parseCarteVitale`. Read path of Rufus `lecteurvitale.cpp`.
 *
 * @see SPECS §5.1
 */
import type { Result } from '../../core/issues/index';
import type { CommandApdu } from '../apdu';
import { identifyCard } from '../atr';
import { createApduChannel } from '../channel';
import type { ApduChannel, ApduTraceEntry } from '../channel';
import type { CardAccess, ExclusiveOptions } from '../transport';
import { cardError } from '../errors';
import { formatHex, hexBytes } from '../hex';
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
 * @param aid - The AID.
 * @param p2 - `00` (FCI) or `0C` (no response data).
 * @returns The command.
 */
export function selectAid(aid: Uint8Array, p2 = 0x00): CommandApdu {
  return { cla: 0, ins: 0xa4, p1: 0x04, p2, data: aid };
}

/**
 * `00 B0 (80|sfi) offset Le`: READ BINARY through a short EF identifier.
 *
 * @param sfi - Short file id (1..30).
 * @param offset - Offset (0..255).
 * @param le - Expected length (default 256 → `00`).
 * @returns The command.
 */
export function readBinarySfi(sfi: number, offset = 0, le = 256): CommandApdu {
  return { cla: 0, ins: 0xb0, p1: 0x80 | (sfi & 0x1f), p2: offset & 0xff, le };
}

/**
 * Reads the beneficiaries of the Vitale 2 card on a channel. I/O errors throw; bad card data
 * comes back as issues. A Vitale 1 (not public) is refused with `CARD_UNSUPPORTED`.
 *
 * @param channel - Channel to the card (owned by the caller for the whole read).
 * @returns The card data.
 */
export async function readCarteVitale(channel: ApduChannel): Promise<Result<CarteVitale>> {
  const id = identifyCard(channel.transport.atr);
  if (id.kind === 'vitale1') throw cardError('CARD_UNSUPPORTED', { received: 'Vitale 1' });
  if (id.family === 'cps') throw cardError('CARD_WRONG_KIND', { expected: 'Vitale', received: id.label });
  if (id.family !== 'vitale') throw cardError('CARD_UNKNOWN', { received: formatHex(channel.transport.atr) });
  const files: Uint8Array[] = [];
  await channel.expect(SELECT_MF, 'SELECT MF');
  files.push(await channel.expect(readBinarySfi(2), 'READ BINARY MF/SFI 2'));
  await channel.expect(selectAid(VITALE_AID), 'SELECT VITALE');
  files.push(await channel.expect(readBinarySfi(2), 'READ BINARY VITALE/SFI 2'));
  return parseCarteVitale(files);
}


/** Options of `readVitale`. */
export interface ReadVitaleOptions extends ExclusiveOptions {
  /** Receives every APDU exchange. */
  readonly trace?: (entry: ApduTraceEntry) => void;
}

/**
 * Reads the Vitale card in a reader as its exclusive user.
 *
 * @param access - The reader's card access (PC/SC or virtual).
 * @param options - Trace, wait limit.
 * @returns The beneficiaries (issues for bad card data); throws for I/O, wrong or unsupported card.
 * @example
 * const carte = unwrap(await readVitale(cards.vitale));
 * carte.beneficiaires[0]?.nir
 */
export function readVitale(access: CardAccess, options: ReadVitaleOptions = {}): Promise<Result<CarteVitale>> {
  return access.exclusive((t) => readCarteVitale(createApduChannel(t, options.trace === undefined ? {} : { trace: options.trace })), options);
}
