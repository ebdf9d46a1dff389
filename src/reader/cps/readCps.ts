/**
 * Low-level CPS reads on a held channel: EF.SN.ICC, the signature certificate, the (modeled)
 * situation files.
 *
 * @see SPECS §5.2
 */
import { err, ok } from '../../core/issues/index';
import type { Issue, Result } from '../../core/issues/index';
import { SW_OK } from '../apdu';
import type { ApduChannel } from '../channel';
import { cardError, readerIssue } from '../errors';
import { bytesEqual, concatBytes, formatHex } from '../hex';
import { ANS_ISSUER, readBinary, selectFid, selectPath } from './commands';
import type { CpsProfile } from './commands';
import { parseSituationPs, SITUATION_PATHS } from './situation';
import type { SituationPs } from './situation';

/**
 * Parses EF.SN.ICC (12 bytes; bytes 3-7 = ANS issuer `80 25 00 00 01`).
 *
 * @param bytes - File content.
 * @returns Serial number as hex of bytes 3-12 (starts with '8025000001'), or `CARD_CPS_ISSUER`.
 */
export function parseCpsSerial(bytes: Uint8Array): Result<string> {
  const issuer = bytes.subarray(2, 7);
  if (bytes.length < 7 || !bytesEqual(issuer, ANS_ISSUER)) {
    return err(readerIssue('CARD_CPS_ISSUER', { expected: formatHex(ANS_ISSUER), received: formatHex(issuer), path: ['serialNumber'] }));
  }
  return ok(formatHex(bytes.subarray(2, 12)));
}

/**
 * Reads the serial number (SELECT 3F00/D003, READ BINARY 12).
 *
 * @param channel - Channel to the CPS.
 * @returns The serial, or `CARD_CPS_ISSUER`.
 */
export async function readCpsSerial(channel: ApduChannel): Promise<Result<string>> {
  await channel.expect(selectPath('D003'), 'SELECT EF.SN.ICC');
  return parseCpsSerial(await channel.expect(readBinary(0, 12), 'READ BINARY EF.SN.ICC'));
}

/**
 * Reads the current EF in chunks until the DER length announced by its first bytes is read.
 *
 * @param channel - Channel with the EF selected.
 * @param chunk - Max bytes per READ BINARY.
 * @returns The DER object.
 */
export async function readDerFile(channel: ApduChannel, chunk: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let have = 0;
  let total = Infinity;
  while (have < total) {
    const part = await channel.expect(readBinary(have, Math.min(chunk, total - have === Infinity ? chunk : total - have)), 'READ BINARY (certificat)');
    if (part.length === 0) break;
    parts.push(part);
    have += part.length;
    if (total === Infinity) {
      const head = concatBytes(...parts);
      const l = head[1] ?? 0;
      total = l < 0x80 ? 2 + l : 2 + (l & 0x7f) + [...head.subarray(2, 2 + (l & 0x7f))].reduce((a, b) => a * 256 + b, 0);
    }
  }
  if (have < total) throw cardError('APDU_MALFORMED', { received: `certificat tronqué (${have}/${total})` });
  return concatBytes(...parts).subarray(0, total);
}

/**
 * Reads the signature certificate (DER) from the PKCS#15 application (selected before).
 *
 * @param channel - Channel to the CPS.
 * @param profile - Certificate FID and chunk size.
 * @returns The certificate.
 */
export async function readCpsCertificate(channel: ApduChannel, profile: CpsProfile): Promise<Uint8Array> {
  await channel.expect(selectFid(profile.certificateFid), 'SELECT certificat');
  return readDerFile(channel, profile.readChunk);
}

/**
 * Reads the (modeled) situation files present on the card (stops at the first missing one).
 *
 * @param channel - Channel to the CPS.
 * @returns The situations.
 */
export async function readSituations(channel: ApduChannel): Promise<Result<readonly SituationPs[]>> {
  const out: SituationPs[] = [];
  const issues: Issue[] = [];
  for (const [index, path] of SITUATION_PATHS.entries()) {
    const r = await channel.send(selectPath(path));
    if (r.sw !== SW_OK) break;
    const data = await channel.expect(readBinary(0, 256), 'READ BINARY situation');
    const s = parseSituationPs(data, index);
    issues.push(...s.issues);
    if (s.ok) out.push(s.value);
  }
  return issues.some((i) => i.severity === 'error') ? { ok: false, issues: issues as [Issue, ...Issue[]] } : ok(out, issues);
}
