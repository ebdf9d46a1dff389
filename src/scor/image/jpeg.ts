/**
 * JPEG reader: walks the marker segments (ITU-T T.81 annex B) up to the scan, reading the frame
 * header (SOFn), the JFIF density (APP0, ITU-T T.871 §10.1), the Exif resolution (APP1, TIFF
 * tags 282/283/296) (an Adobe APP14 marker stays in the data:
 * DCTDecode reads it). The entropy-coded data is not decoded: the image
 * is embedded as is (DCTDecode). Never throws: junk gives an issue.
 */
import type { IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { SCOR_CODES } from '../codes';
import { latin1, u16, u32 } from './bytes';
import type { JpegFacts, ScanDensity } from './model';

const issue = createIssueFactory(SCOR_CODES);

/** SOF markers PDF's DCTDecode reads: baseline, extended sequential, progressive (Huffman). */
const SOF_OK = new Set([0xc0, 0xc1, 0xc2]);
/** Other SOF markers: lossless, hierarchical, arithmetic coding. */
const SOF_OTHER = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function density(units: number, x: number, y: number, from: ScanDensity['from']): ScanDensity | undefined {
  if (x <= 0 || y <= 0) return undefined;
  if (units === 1) return { x, y, from };
  if (units === 2) return { x: x * 2.54, y: y * 2.54, from };
  return undefined;
}

/** Exif: TIFF header, IFD0 entries XResolution (282), YResolution (283), ResolutionUnit (296). */
function exifDensity(b: Uint8Array, start: number, end: number): ScanDensity | undefined {
  const le = b[start] === 0x49 && b[start + 1] === 0x49;
  if (!le && !(b[start] === 0x4d && b[start + 1] === 0x4d)) return undefined;
  const r16 = (at: number): number | undefined => (at + 2 > end ? undefined : le ? b[at]! | (b[at + 1]! << 8) : u16(b, at));
  const r32 = (at: number): number | undefined => (at + 4 > end ? undefined : le ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000 : u32(b, at));
  const ifd = r32(start + 4);
  if (ifd === undefined) return undefined;
  const n = r16(start + ifd);
  if (n === undefined) return undefined;
  let xRes: number | undefined;
  let yRes: number | undefined;
  let unit = 2; // TIFF default: inch
  for (let i = 0; i < Math.min(n, 512); i++) {
    const e = start + ifd + 2 + i * 12;
    const tag = r16(e);
    if (tag === undefined) return undefined;
    if (tag === 296) unit = r16(e + 8) ?? 2;
    if (tag === 282 || tag === 283) {
      const off = r32(e + 8);
      const num = off === undefined ? undefined : r32(start + off);
      const den = off === undefined ? undefined : r32(start + off + 4);
      const v = num !== undefined && den !== undefined && den > 0 ? num / den : undefined;
      if (tag === 282) xRes = v;
      else yRes = v;
    }
  }
  if (xRes === undefined || yRes === undefined) return undefined;
  // TIFF unit 2 = inch, 3 = centimetre (JFIF's 1 = inch, 2 = cm).
  return density(unit === 2 ? 1 : unit === 3 ? 2 : 0, xRes, yRes, 'Exif');
}

/**
 * Reads the facts of a JPEG file.
 *
 * @param b - The file bytes (starting with FF D8).
 * @param path - Where the image sits in the caller's input.
 * @returns The facts, or `SCOR_IMAGE_TRUNCATED` / `SCOR_IMAGE_UNSUPPORTED` / `SCOR_IMAGE_DIMENSIONS`.
 */
export function readJpegFacts(b: Uint8Array, path: IssuePath): Result<JpegFacts> {
  const broken = (what: string, offset: number): Result<JpegFacts> => err(issue('SCOR_IMAGE_TRUNCATED', { path, received: `JPEG : ${what}`, source: { offset } }));
  let at = 2;
  let jfif: ScanDensity | undefined;
  let exif: ScanDensity | undefined;
  let frame: { width: number; height: number; components: number; progressive: boolean } | undefined;
  for (;;) {
    if (at >= b.length) return broken('fin de fichier avant les données de l’image', at);
    if (b[at] !== 0xff) return broken(`marqueur attendu à l’octet ${at}`, at);
    while (b[at] === 0xff && at < b.length) at++;
    const m = b[at];
    if (m === undefined) return broken('fin de fichier dans un marqueur', at);
    at++;
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) continue;
    if (m === 0xd9) return broken('fin d’image (EOI) avant les données', at);
    const len = u16(b, at);
    if (len === undefined || len < 2 || at + len > b.length) return broken(`segment FF${m.toString(16).toUpperCase()} coupé`, at);
    const data = at + 2;
    const end = at + len;
    if (m === 0xe0 && latin1(b, data, data + 5) === 'JFIF\0' && len >= 16) {
      jfif = density(b[data + 7]!, u16(b, data + 8)!, u16(b, data + 10)!, 'JFIF');
    } else if (m === 0xe1 && latin1(b, data, data + 6) === 'Exif\0\0') {
      exif = exifDensity(b, data + 6, end);
    } else if (SOF_OTHER.has(m)) {
      return err(issue('SCOR_IMAGE_UNSUPPORTED', { path, received: `JPEG SOF${(m - 0xc0).toString()} (sans perte, hiérarchique ou arithmétique)`, expected: 'JPEG baseline, étendu ou progressif' }));
    } else if (SOF_OK.has(m)) {
      if (len < 8) return broken('en-tête de trame (SOF) coupé', at);
      const precision = b[data]!;
      if (precision !== 8) return err(issue('SCOR_IMAGE_UNSUPPORTED', { path, received: `JPEG ${precision} bits`, expected: 'JPEG 8 bits' }));
      frame = { height: u16(b, data + 1)!, width: u16(b, data + 3)!, components: b[data + 5]!, progressive: m === 0xc2 };
    } else if (m === 0xda) {
      if (frame === undefined) return broken('données d’image sans en-tête de trame (SOF)', at);
      // The entropy-coded data ends with EOI (FF D9): a file cut short has none after the scan.
      let eoi = -1;
      for (let i = b.length - 2; i >= end; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) { eoi = i; break; }
      if (eoi < 0) return broken('fin d’image (EOI) absente', b.length);
      break;
    }
    at = end;
  }
  const { width, height, components, progressive } = frame;
  if (width === 0 || height === 0) return err(issue('SCOR_IMAGE_DIMENSIONS', { path, received: `${width} × ${height} pixels`, expected: 'au moins 1 × 1 pixel (hauteur dans l’en-tête SOF)' }));
  if (components !== 1 && components !== 3 && components !== 4) return err(issue('SCOR_IMAGE_UNSUPPORTED', { path, received: `JPEG à ${components} composantes`, expected: '1, 3 ou 4 composantes' }));
  const colour = components === 1 ? 'greyscale' : components === 3 ? 'colour' : 'cmyk';
  const d = jfif ?? exif;
  return ok({ format: 'jpeg', width, height, components, colour, progressive, ...(d ? { density: d } : {}) });
}

/** True when the bytes start like a JPEG file. */
export function looksLikeJpeg(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}
