/**
 * Test images for scor: the JPEG fixtures (test/fixtures/scor, made by GenJpeg.java) with their
 * JFIF density patched, and PNGs written here (zlib from node:zlib) in every PNG colour type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'scor');

/** A JPEG fixture's bytes. */
export function jpegFixture(name: 'rgb-baseline' | 'grey-baseline' | 'rgb-progressive' | 'rgb-small'): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, `${name}.jpg`)));
}

/** A copy of a JFIF JPEG with its APP0 density set (units 1 = dpi, 2 = dots per cm, 0 = none). */
export function withJfifDensity(jpeg: Uint8Array, x: number, y = x, units = 1): Uint8Array {
  const b = jpeg.slice();
  if (!(b[2] === 0xff && b[3] === 0xe0)) throw new Error('fixture without JFIF APP0');
  b[13] = units;
  b[14] = x >> 8;
  b[15] = x & 0xff;
  b[16] = y >> 8;
  b[17] = y & 0xff;
  return b;
}

/** A copy of a JPEG with an Exif APP1 segment (IFD0: XResolution, YResolution, ResolutionUnit) after SOI. */
export function withExif(jpeg: Uint8Array, x: number, y: number, unit: 2 | 3, littleEndian: boolean): Uint8Array {
  const tiff = new Uint8Array(8 + 2 + 3 * 12 + 4 + 16);
  const v = new DataView(tiff.buffer);
  const le = littleEndian;
  tiff.set(le ? [0x49, 0x49] : [0x4d, 0x4d], 0);
  v.setUint16(2, 42, le);
  v.setUint32(4, 8, le);
  v.setUint16(8, 3, le);
  const rational = 8 + 2 + 36 + 4;
  const entry = (i: number, tag: number, type: number, value: number): void => {
    const e = 10 + i * 12;
    v.setUint16(e, tag, le);
    v.setUint16(e + 2, type, le);
    v.setUint32(e + 4, 1, le);
    if (type === 3) v.setUint16(e + 8, value, le);
    else v.setUint32(e + 8, value, le);
  };
  entry(0, 282, 5, rational);
  entry(1, 283, 5, rational + 8);
  entry(2, 296, 3, unit);
  v.setUint32(rational, x * 10, le);
  v.setUint32(rational + 4, 10, le);
  v.setUint32(rational + 8, y, le);
  v.setUint32(rational + 12, 1, le);
  const payload = new Uint8Array([...new TextEncoder().encode('Exif\0\0'), ...tiff]);
  const seg = new Uint8Array(4 + payload.length);
  seg.set([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff], 0);
  seg.set(payload, 4);
  return new Uint8Array([...jpeg.subarray(0, 2), ...seg, ...jpeg.subarray(2)]);
}

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const v of b) c = CRC[(c ^ v) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG chunk. */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}

/** Options of {@link makePng}. */
export interface PngSpec {
  readonly width: number;
  readonly height: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colourType: 0 | 2 | 3 | 4 | 6;
  readonly bitDepth: 1 | 2 | 4 | 8 | 16;
  /** Pixels per inch written as pHYs (per metre); absent: no pHYs. */
  readonly dpi?: number | undefined;
  readonly seed?: number;
  readonly trns?: boolean;
  readonly interlaced?: boolean;
  /** Palette entries (colour type 3); default 2^bitDepth. */
  readonly paletteSize?: number;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Writes a PNG with pseudo-random pixels (filter byte 0 on each row; interlaced images get the
 * 7 Adam7 passes).
 */
export function makePng(spec: PngSpec): Uint8Array {
  let s = (spec.seed ?? 1) >>> 0 || 1;
  const rnd = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) & 0xff;
  };
  const bpp = CHANNELS[spec.colourType]! * spec.bitDepth;
  const rowsOf = (w: number, h: number): Uint8Array[] => {
    const rows: Uint8Array[] = [];
    if (w === 0 || h === 0) return rows;
    const stride = Math.ceil((w * bpp) / 8);
    for (let y = 0; y < h; y++) {
      const row = new Uint8Array(1 + stride);
      for (let i = 1; i <= stride; i++) row[i] = rnd();
      if (spec.colourType === 3) {
        // Keep palette indexes within the palette.
        const n = spec.paletteSize ?? 1 << spec.bitDepth;
        if (spec.bitDepth === 8) for (let i = 1; i <= stride; i++) row[i] = row[i]! % n;
        else if (n < 1 << spec.bitDepth) row.fill(0, 1);
      }
      rows.push(row);
    }
    return rows;
  };
  let raw: Uint8Array;
  if (spec.interlaced) {
    const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
    raw = concat(passes.flatMap(([x0, y0, dx, dy]) => rowsOf(Math.ceil((spec.width - x0) / dx), Math.ceil((spec.height - y0) / dy))));
  } else {
    raw = concat(rowsOf(spec.width, spec.height));
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, spec.width);
  v.setUint32(4, spec.height);
  ihdr[8] = spec.bitDepth;
  ihdr[9] = spec.colourType;
  ihdr[12] = spec.interlaced ? 1 : 0;
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (spec.dpi !== undefined) {
    const p = new Uint8Array(9);
    const ppm = Math.round(spec.dpi / 0.0254);
    new DataView(p.buffer).setUint32(0, ppm);
    new DataView(p.buffer).setUint32(4, ppm);
    p[8] = 1;
    parts.push(chunk('pHYs', p));
  }
  if (spec.colourType === 3) {
    const n = spec.paletteSize ?? 1 << spec.bitDepth;
    const plte = new Uint8Array(n * 3);
    for (let i = 0; i < plte.length; i++) plte[i] = rnd();
    parts.push(chunk('PLTE', plte));
  }
  if (spec.trns) parts.push(chunk('tRNS', new Uint8Array(spec.colourType === 2 ? 6 : spec.colourType === 3 ? 1 : 2)));
  parts.push(chunk('IDAT', new Uint8Array(deflateSync(raw))), chunk('IEND', new Uint8Array(0)));
  return concat(parts);
}
