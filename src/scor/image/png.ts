/**
 * PNG reader: walks the chunks (ISO/IEC 15948:2004 §5.3), checks each CRC, reads IHDR, PLTE,
 * tRNS and pHYs, and keeps the IDAT zlib data as is: a non-interlaced PNG of 8 bits or fewer is
 * embedded without re-encoding (FlateDecode with the PNG predictors). Never throws.
 */
import type { IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { SCOR_CODES } from '../codes';
import { latin1, u32 } from './bytes';
import type { PngFacts, ScanColour, ScanDensity } from './model';

const issue = createIssueFactory(SCOR_CODES);

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bit depths allowed per colour type (ISO/IEC 15948 §11.2.2 table 11.1). */
const DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

let crcTable: Uint32Array | undefined;

function crc32(b: Uint8Array, from: number, to: number): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = crcTable[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** True when the bytes start with the PNG signature. */
export function looksLikePng(b: Uint8Array): boolean {
  return b.length >= 8 && SIGNATURE.every((v, i) => b[i] === v);
}

function paletteColour(plte: Uint8Array): ScanColour {
  for (let i = 0; i + 2 < plte.length; i += 3) if (plte[i] !== plte[i + 1] || plte[i] !== plte[i + 2]) return 'colour';
  return 'greyscale';
}

/**
 * Reads the facts of a PNG file.
 *
 * @param b - The file bytes (starting with the PNG signature).
 * @param path - Where the image sits in the caller's input.
 * @returns The facts, or `SCOR_IMAGE_TRUNCATED` / `SCOR_IMAGE_UNSUPPORTED` / `SCOR_IMAGE_DIMENSIONS`.
 */
export function readPngFacts(b: Uint8Array, path: IssuePath): Result<PngFacts> {
  const broken = (what: string, offset: number): Result<PngFacts> => err(issue('SCOR_IMAGE_TRUNCATED', { path, received: `PNG : ${what}`, source: { offset } }));
  let at = 8;
  let ihdr: { width: number; height: number; bitDepth: number; colourType: number; interlaced: boolean } | undefined;
  let palette: Uint8Array | undefined;
  let trns = false;
  let dens: ScanDensity | undefined;
  const idat: Uint8Array[] = [];
  let idatLength = 0;
  for (;;) {
    const len = u32(b, at);
    if (len === undefined || len > 0x7fffffff || at + 12 + len > b.length) return broken(ihdr === undefined ? 'en-tête IHDR coupé' : 'fichier coupé avant IEND', at);
    const type = latin1(b, at + 4, at + 8);
    const data = at + 8;
    if (crc32(b, at + 4, data + len) !== u32(b, data + len)) return broken(`CRC du bloc ${type.replace(/[^\x20-\x7e]/g, '?')} faux`, at);
    if (ihdr === undefined && type !== 'IHDR') return broken('IHDR absent en tête', at);
    if (type === 'IHDR') {
      if (len !== 13 || ihdr !== undefined) return broken('IHDR invalide', at);
      ihdr = { width: u32(b, data)!, height: u32(b, data + 4)!, bitDepth: b[data + 8]!, colourType: b[data + 9]!, interlaced: b[data + 12] === 1 };
      const ok = DEPTHS[ihdr.colourType]?.includes(ihdr.bitDepth) === true && b[data + 10] === 0 && b[data + 11] === 0 && b[data + 12]! <= 1;
      if (!ok) return err(issue('SCOR_IMAGE_UNSUPPORTED', { path, received: `PNG type ${ihdr.colourType} en ${ihdr.bitDepth} bits`, expected: 'combinaison type / profondeur de la norme PNG' }));
    } else if (type === 'PLTE') {
      palette = b.subarray(data, data + len);
    } else if (type === 'tRNS') {
      trns = true;
    } else if (type === 'pHYs' && len === 9) {
      const x = u32(b, data)!;
      const y = u32(b, data + 4)!;
      // Unit 1 = pixels per metre; unit 0 only tells the aspect ratio.
      if (b[data + 8] === 1 && x > 0 && y > 0) dens = { x: x * 0.0254, y: y * 0.0254, from: 'pHYs' };
    } else if (type === 'IDAT') {
      idat.push(b.subarray(data, data + len));
      idatLength += len;
    } else if (type === 'IEND') {
      break;
    }
    at = data + len + 4;
  }
  if (ihdr === undefined) return broken('IHDR absent', 8);
  const { width, height, bitDepth, colourType, interlaced } = ihdr;
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return err(issue('SCOR_IMAGE_DIMENSIONS', { path, received: `${width} × ${height} pixels`, expected: 'au moins 1 × 1 pixel' }));
  if (idatLength === 0) return broken('aucune donnée d’image (IDAT)', at);
  if (colourType === 3 && (palette === undefined || palette.length === 0 || palette.length % 3 !== 0)) return broken('palette (PLTE) absente ou invalide', at);
  const joined = new Uint8Array(idatLength);
  let k = 0;
  for (const part of idat) {
    joined.set(part, k);
    k += part.length;
  }
  const colour: ScanColour = colourType === 2 || colourType === 6 ? 'colour' : colourType === 3 ? paletteColour(palette!) : bitDepth === 1 ? 'bilevel' : 'greyscale';
  const transparency = colourType === 4 || colourType === 6 ? 'alpha' : trns ? 'tRNS' : undefined;
  return ok({
    format: 'png',
    width,
    height,
    bitDepth,
    colourType,
    interlaced,
    colour,
    idat: joined,
    ...(transparency ? { transparency } : {}),
    ...(palette && colourType === 3 ? { palette } : {}),
    ...(dens ? { density: dens } : {}),
  } as PngFacts);
}
