/**
 * Test images of attestations: DataMatrix symbols made with bwip-js (real PNG from bwip-js, or
 * its module matrix rasterised here to rotate, scale, add noise or put several symbols in one
 * picture), encoded as grayscale PNG with node:zlib. All data fictitious.
 */
import { deflateSync } from 'node:zlib';
import bwipjs from 'bwip-js/node';

/** bwip-js's own PNG of a DataMatrix (white background, quiet zone). */
export async function bwipPng(text: string, scale = 3, bcid = 'datamatrix'): Promise<Uint8Array> {
  const png = await bwipjs.toBuffer({ bcid, text, scale, backgroundcolor: 'FFFFFF', padding: 4 * scale });
  return new Uint8Array(png);
}

/** The module matrix of a DataMatrix (true = dark). */
export function matrixOf(text: string): boolean[][] {
  const raw = bwipjs.raw('datamatrix', text, {}) as { pixs: number[]; pixx: number; pixy: number }[];
  const m = raw[0];
  if (m === undefined) throw new Error('bwip-js gave no matrix');
  return Array.from({ length: m.pixy }, (_, y) => Array.from({ length: m.pixx }, (_, x) => m.pixs[y * m.pixx + x] === 1));
}

/** A symbol placed on a page. */
export interface Placement {
  readonly matrix: boolean[][];
  /** Centre in pixels. */
  readonly cx: number;
  readonly cy: number;
  /** Pixels per module (any positive number). */
  readonly module: number;
  /** Rotation in degrees. */
  readonly angle?: number;
}

/** A deterministic PRNG (mulberry32) for noise. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Grayscale page (0 black … 255 white) with symbols drawn by inverse mapping and optional noise.
 *
 * @param noise - Probability that a pixel is replaced by a random gray.
 */
export function render(width: number, height: number, symbols: readonly Placement[], noise = 0, seed = 1): Uint8Array {
  const px = new Uint8Array(width * height).fill(255);
  for (const s of symbols) {
    const rows = s.matrix.length;
    const cols = s.matrix[0]?.length ?? 0;
    const rad = ((s.angle ?? 0) * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    const reach = Math.ceil((Math.hypot(rows, cols) * s.module) / 2) + 2;
    for (let y = Math.max(0, Math.floor(s.cy - reach)); y < Math.min(height, s.cy + reach); y++) {
      for (let x = Math.max(0, Math.floor(s.cx - reach)); x < Math.min(width, s.cx + reach); x++) {
        const dx = x + 0.5 - s.cx;
        const dy = y + 0.5 - s.cy;
        const u = (cos * dx + sin * dy) / s.module + cols / 2;
        const v = (-sin * dx + cos * dy) / s.module + rows / 2;
        const c = Math.floor(u);
        const r = Math.floor(v);
        if (r >= 0 && r < rows && c >= 0 && c < cols && s.matrix[r]?.[c] === true) px[y * width + x] = 0;
      }
    }
  }
  if (noise > 0) {
    const rnd = prng(seed);
    for (let i = 0; i < px.length; i++) if (rnd() < noise) px[i] = Math.floor(rnd() * 256);
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes 8-bit grayscale pixels as a PNG (RFC 2083: IHDR colour type 0, filter 0, IDAT, IEND). */
export function encodePng(width: number, height: number, gray: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) rows.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]));
}

/** One symbol, centred on a page, as a PNG. */
export function symbolPng(text: string, options: { module?: number; angle?: number; noise?: number; seed?: number; size?: number } = {}): Uint8Array {
  const matrix = matrixOf(text);
  const module = options.module ?? 4;
  const size = options.size ?? Math.ceil((matrix.length + 10) * module * 1.5);
  const px = render(size, size, [{ matrix, cx: size / 2, cy: size / 2, module, angle: options.angle ?? 0 }], options.noise ?? 0, options.seed ?? 1);
  return encodePng(size, size, px);
}
