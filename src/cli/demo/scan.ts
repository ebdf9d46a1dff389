/**
 * A generated "scan" for the demo's SCOR pièces: a greyscale PNG of an ordonnance-like page
 * (frame, header block, lines of "text" as bars) at 150 dpi — fictitious, made at run time, so
 * nothing scanned ships with the package.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Makes the scan.
 *
 * @param seed - Varies the lines (one scan per invoice).
 * @returns PNG bytes, 8-bit greyscale, A6-sized (620 × 874 px at 150 dpi, pHYs 5906 px/m).
 */
export function makeDemoScan(seed: number): Uint8Array {
  const w = 620;
  const h = 874;
  const raw = Buffer.alloc((w + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const frame = x < 24 || x >= w - 24 || y < 24 || y >= h - 24 ? x < 20 || x >= w - 20 || y < 20 || y >= h - 20 : false;
      const header = y >= 60 && y < 120 && x >= 60 && x < 300 && (y - 60) % 20 < 10;
      const row = Math.floor((y - 180) / 36);
      const line = y >= 180 && y < h - 120 && (y - 180) % 36 < 12 && x >= 60 && x < 60 + 200 + ((seed * 37 + row * 53) % 300);
      const sign = y >= h - 100 && y < h - 60 && x >= w - 260 && x < w - 60 && (x + y) % 7 < 3;
      if (frame || header || line || sign) raw[y * (w + 1) + 1 + x] = 40;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(5906, 0); // 150 dpi = 5906 px per metre
  phys.writeUInt32BE(5906, 4);
  phys[8] = 1;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
  return new Uint8Array(png);
}
