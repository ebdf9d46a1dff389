/**
 * The attestation from a picture: PNG or JPEG bytes → DataMatrix (through an injected decoder
 * port) → payload text (through the codec port) → the 5 fields.
 *
 * The decoder is a port so this module stays pure and platform-neutral: {@link createZxingDecoder}
 * wraps zxing-wasm (the caller hands it the `.wasm` bytes or a locator); in Node,
 * `createNodeZxingDecoder()` of `attestation/node` loads the `.wasm` from node_modules.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err } from '../../core/issues/index';
import { field, guardBytes, guardFunction, inputErr } from '../../core/guard/index';
import { ATTESTATION_CODES } from './codes';
import type { AttestationPayloadOptions } from './codec';
import type { AttestationPayloadCodec } from './model';
import { guardCodec, parseAttestationPayload } from './codec';
import type { AttestationTiersPayant } from './model';
import { guardCheckOptions } from './validate';

const issue = createIssueFactory(ATTESTATION_CODES);

/** Largest image read (a 600 dpi A4 JPEG scan is a few MB). */
export const ATTESTATION_MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** One symbol a decoder found. */
export interface DecodedSymbol {
  /** Symbology name (`DataMatrix`). */
  readonly format: string;
  /** Decoded text (the payload). */
  readonly text: string;
  /** `false` when a symbol was located but not decoded (damaged). */
  readonly isValid: boolean;
  /** The decoder's reason when not valid (e.g. the image could not be loaded). */
  readonly error?: string;
}

/** Port: decodes the DataMatrix symbols of an encoded image (PNG or JPEG bytes). May reject on I/O. */
export type DataMatrixDecoder = (image: Uint8Array) => Promise<readonly DecodedSymbol[]>;

/** Options of {@link readAttestationImage}. */
export interface ReadAttestationImageOptions extends AttestationPayloadOptions {
  /** The decoder (e.g. `await createNodeZxingDecoder()` or {@link createZxingDecoder}). */
  readonly decoder: DataMatrixDecoder;
  /** Largest image in bytes (default {@link ATTESTATION_MAX_IMAGE_BYTES}). */
  readonly maxBytes?: number;
}

/**
 * The image kinds read, by magic number: PNG (RFC 2083 §3.1 signature) and JPEG (ITU-T T.81 SOI marker).
 *
 * @param bytes - The file's bytes (anything else reads as `undefined`).
 * @returns `'png'`, `'jpeg'` or `undefined`.
 */
export function imageKind(bytes: unknown): 'png' | 'jpeg' | undefined {
  if (!(bytes instanceof Uint8Array)) return undefined;
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

function describe(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'aucun octet';
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${bytes.length} octets commençant par ${head}`;
}

/**
 * Reads an attestation de tiers payant from a picture of it.
 *
 * @param image - PNG or JPEG bytes (a scan, a photo, a screenshot).
 * @param options - `decoder` (required), `codec` (default the modeled layout), `today`, `maxBytes`.
 * @returns The attestation, or `ATTESTATION_IMAGE_FORMAT` (not PNG/JPEG), `ATTESTATION_IMAGE_UNREADABLE`
 *   (the decoder could not load the image, or only damaged symbols), `ATTESTATION_IMAGE_NO_CODE`,
 *   `ATTESTATION_IMAGE_SEVERAL_CODES` (different payloads), the payload and validity issues. Never
 *   rejects (a rejecting decoder is `ATTESTATION_IMAGE_UNREADABLE`).
 */
export async function readAttestationImage(image: unknown, options: ReadAttestationImageOptions): Promise<Result<AttestationTiersPayant>> {
  const issues: Issue[] = [];
  const opts = guardCheckOptions(options, issues);
  const o = options !== null && typeof options === 'object' && !Array.isArray(options) ? (options as unknown as Record<string, unknown>) : undefined;
  const decoder = guardFunction(o === undefined ? undefined : field(o, 'decoder'), ['options', 'decoder'], issues) as DataMatrixDecoder | undefined;
  const codec: AttestationPayloadCodec | undefined = guardCodec(o === undefined ? undefined : field(o, 'codec'), issues);
  const maxRaw = o === undefined ? undefined : field(o, 'maxBytes');
  const max = typeof maxRaw === 'number' && Number.isSafeInteger(maxRaw) && maxRaw > 0 ? maxRaw : ATTESTATION_MAX_IMAGE_BYTES;
  const bytes = guardBytes(image, ['image'], issues, { max });
  if (issues.length > 0 || opts === undefined || decoder === undefined || codec === undefined || bytes === undefined) return inputErr(issues);
  if (imageKind(bytes) === undefined) return err(issue('ATTESTATION_IMAGE_FORMAT', { path: ['image'], expected: 'PNG ou JPEG', received: describe(bytes) }));
  let symbols: unknown;
  try {
    symbols = await decoder(bytes);
  } catch (e) {
    return err(issue('ATTESTATION_IMAGE_UNREADABLE', { path: ['image'], received: e instanceof Error ? e.message : 'le décodeur a échoué' }));
  }
  if (!Array.isArray(symbols)) return err(issue('ATTESTATION_IMAGE_UNREADABLE', { path: ['image'], received: 'réponse du décodeur invalide' }));
  const read = symbols.filter((s): s is DecodedSymbol => typeof s === 'object' && s !== null);
  const valid = read.filter((s) => s.isValid === true && typeof s.text === 'string' && /data.?matrix/i.test(String(s.format)));
  const payloads = [...new Set(valid.map((s) => s.text))];
  if (payloads.length === 0) {
    const broken = read.find((s) => s.isValid !== true);
    if (broken !== undefined) return err(issue('ATTESTATION_IMAGE_UNREADABLE', { path: ['image'], received: typeof broken.error === 'string' && broken.error !== '' ? broken.error : 'DataMatrix endommagé' }));
    return err(issue('ATTESTATION_IMAGE_NO_CODE', { path: ['image'] }));
  }
  if (payloads.length > 1) return err(issue('ATTESTATION_IMAGE_SEVERAL_CODES', { path: ['image'], expected: 1, received: payloads.length }));
  return parseAttestationPayload(payloads[0], { codec, ...(opts.today === undefined ? {} : { today: opts.today }) });
}
