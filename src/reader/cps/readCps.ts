/**
 * Low-level CPS reads on a held channel: EF.SN.ICC, the signature certificate, the (modeled)
 * situation files. Card answers (unexpected status, truncated or foreign data) come back as
 * `Result` issues; only I/O failures (card removed, timeout) throw.
 *
 * @see ANS — CPS3/CPS4 spécifications (dops-cryptolib: EF.SN.ICC 3F00/D003, PKCS#15 application)
 */
import { guardBytes, guardInteger, inputErr } from '../../core/guard/guard';
import { err, ok } from '../../core/issues/index';
import type { Issue, Result } from '../../core/issues/index';
import { formatSw, SW_OK } from '../apdu';
import type { CommandApdu } from '../apdu';
import type { ApduChannel } from '../channel';
import { readerIssue } from '../errors';
import { guardChannel } from '../guards';
import { bytesEqual, concatBytes, formatHex } from '../hex';
import { ANS_ISSUER, guardCpsProfile, readBinary, selectFid, selectPath } from './commands';
import type { CpsProfile } from './commands';
import { parseSituationPs, SITUATION_PATHS } from './situation';
import type { SituationPs } from './situation';

/**
 * Parses EF.SN.ICC (12 bytes; bytes 3-7 = ANS issuer `80 25 00 00 01`).
 *
 * @param bytes - File content.
 * @returns Serial number as hex of bytes 3-12 (starts with '8025000001'), or `CARD_CPS_ISSUER`.
 * @example parseCpsSerial(hexBytes('5A 0A 80 25 00 00 01 00 00 00 12 34')) // ok '80250000010000001234'
 */
export function parseCpsSerial(bytes: Uint8Array): Result<string> {
  const issues: Issue[] = [];
  if (guardBytes(bytes, ['bytes'], issues, { max: 4096 }) === undefined) return inputErr(issues);
  const issuer = bytes.subarray(2, 7);
  if (bytes.length < 7 || !bytesEqual(issuer, ANS_ISSUER)) {
    return err(readerIssue('CARD_CPS_ISSUER', { expected: formatHex(ANS_ISSUER), received: formatHex(issuer), path: ['serialNumber'] }));
  }
  return ok(formatHex(bytes.subarray(2, 12)));
}

/** Sends a command and turns any status but 9000 into an `APDU_STATUS` issue. */
async function expectOk(channel: ApduChannel, c: CommandApdu, what: string): Promise<Result<Uint8Array>> {
  const r = await channel.send(c);
  return r.sw === SW_OK ? ok(r.data) : err(readerIssue('APDU_STATUS', { expected: what, received: formatSw(r.sw) }));
}

/**
 * Reads the serial number (SELECT 3F00/D003, READ BINARY 12).
 *
 * @param channel - Channel to the CPS.
 * @returns The serial, or `CARD_CPS_ISSUER` / `APDU_STATUS`. I/O failures throw.
 */
export async function readCpsSerial(channel: ApduChannel): Promise<Result<string>> {
  const issues: Issue[] = [];
  const ch = guardChannel(channel, ['channel'], issues);
  if (ch === undefined) return inputErr(issues);
  const sel = await expectOk(ch, selectPath('D003'), 'SELECT EF.SN.ICC');
  if (!sel.ok) return sel;
  const data = await expectOk(ch, readBinary(0, 12), 'READ BINARY EF.SN.ICC');
  return data.ok ? parseCpsSerial(data.value) : data;
}

/**
 * Reads the current EF in chunks until the DER length announced by its first bytes is read.
 *
 * @param channel - Channel with the EF selected.
 * @param chunk - Max bytes per READ BINARY (1..256).
 * @returns The DER object, or `APDU_MALFORMED` (truncated) / `APDU_STATUS`. I/O failures throw.
 */
export async function readDerFile(channel: ApduChannel, chunk: number): Promise<Result<Uint8Array>> {
  const issues: Issue[] = [];
  const ch = guardChannel(channel, ['channel'], issues);
  const size = guardInteger(chunk, ['chunk'], issues, { min: 1, max: 256 });
  if (ch === undefined || size === undefined) return inputErr(issues);
  const parts: Uint8Array[] = [];
  let have = 0;
  let total = Infinity;
  // READ BINARY offsets stop at 7FFF (ISO/IEC 7816-4 §11.2.3, P1 bit 8 = 0).
  while (have < total && have <= 0x7fff) {
    const part = await expectOk(ch, readBinary(have, Math.min(size, total - have)), 'READ BINARY (certificat)');
    if (!part.ok) return part;
    if (part.value.length === 0) break;
    parts.push(part.value);
    have += part.value.length;
    if (total === Infinity) {
      const head = concatBytes(...parts);
      const l = head[1] ?? 0;
      total = l < 0x80 ? 2 + l : 2 + (l & 0x7f) + [...head.subarray(2, 2 + (l & 0x7f))].reduce((a, b) => a * 256 + b, 0);
    }
  }
  if (have < total) return err(readerIssue('APDU_MALFORMED', { received: `certificat tronqué (${have}/${total})` }));
  return ok(concatBytes(...parts).subarray(0, total));
}

/**
 * Reads the signature certificate (DER) from the PKCS#15 application (selected before).
 *
 * @param channel - Channel to the CPS.
 * @param profile - Certificate FID and chunk size (default `DEFAULT_CPS_PROFILE`; partial accepted).
 * @returns The certificate, or `APDU_STATUS` / `APDU_MALFORMED`. I/O failures throw.
 */
export async function readCpsCertificate(channel: ApduChannel, profile?: Partial<CpsProfile>): Promise<Result<Uint8Array>> {
  const issues: Issue[] = [];
  const ch = guardChannel(channel, ['channel'], issues);
  const prof = guardCpsProfile(profile, ['profile'], issues);
  if (ch === undefined || prof === undefined) return inputErr(issues);
  const sel = await expectOk(ch, selectFid(prof.certificateFid), 'SELECT certificat');
  if (!sel.ok) return sel;
  return readDerFile(ch, Math.min(prof.readChunk, 256));
}

/**
 * Reads the (modeled) situation files present on the card (stops at the first missing one).
 *
 * @param channel - Channel to the CPS.
 * @returns The situations; `CARD_DATA_MISSING` / `APDU_MALFORMED` / `APDU_STATUS` issues. I/O failures throw.
 */
export async function readSituations(channel: ApduChannel): Promise<Result<readonly SituationPs[]>> {
  const guardIssues: Issue[] = [];
  const ch = guardChannel(channel, ['channel'], guardIssues);
  if (ch === undefined) return inputErr(guardIssues);
  const out: SituationPs[] = [];
  const issues: Issue[] = [];
  for (const [index, path] of SITUATION_PATHS.entries()) {
    const r = await ch.send(selectPath(path));
    if (r.sw !== SW_OK) break;
    const data = await expectOk(ch, readBinary(0, 256), 'READ BINARY situation');
    if (!data.ok) return data;
    const s = parseSituationPs(data.value, index);
    issues.push(...s.issues);
    if (s.ok) out.push(s.value);
  }
  return issues.some((i) => i.severity === 'error') ? { ok: false, issues: issues as [Issue, ...Issue[]] } : ok(out, issues);
}

