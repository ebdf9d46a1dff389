/**
 * Image XObjects of the scans, their compressed data embedded as is: a JPEG as DCTDecode
 * (ISO 32000-1 §7.4.8), a non-interlaced PNG of 8 bits or fewer as FlateDecode with the PNG
 * predictors (§7.4.4.4, Predictor 15). Other PNGs (interlaced, 16 bits: PDF 1.4 has no 16-bit
 * samples) go through pdf-lib's decoder and are re-encoded losslessly in 8 bits.
 */
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { PDFHexString, PDFName } from 'pdf-lib';
import type { JpegFacts, PngFacts, ScanFacts } from '../image/model';

function jpegXObject(doc: PDFDocument, bytes: Uint8Array, f: JpegFacts): PDFRef {
  const stream = doc.context.stream(bytes, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: f.width,
    Height: f.height,
    BitsPerComponent: 8,
    ColorSpace: f.components === 1 ? 'DeviceGray' : 'DeviceRGB',
    Filter: 'DCTDecode',
  });
  return doc.context.register(stream);
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const v of b) s += v.toString(16).padStart(2, '0');
  return s;
}

function pngXObject(doc: PDFDocument, f: PngFacts): PDFRef {
  const colors = f.colourType === 2 ? 3 : 1;
  const colorSpace =
    f.colourType === 3
      ? doc.context.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), f.palette!.length / 3 - 1, PDFHexString.of(hex(f.palette!))])
      : PDFName.of(f.colourType === 2 ? 'DeviceRGB' : 'DeviceGray');
  const stream = doc.context.stream(f.idat, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: f.width,
    Height: f.height,
    BitsPerComponent: f.bitDepth,
    ColorSpace: colorSpace,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: f.bitDepth, Columns: f.width },
  });
  return doc.context.register(stream);
}

/** Whether a scan's data goes into the PDF as is. */
export function embedsAsIs(f: ScanFacts): boolean {
  return f.format === 'jpeg' || (!f.interlaced && f.bitDepth <= 8);
}

/**
 * Embeds one scan as an image XObject.
 *
 * @param doc - The document being built.
 * @param bytes - The image file bytes.
 * @param f - Its facts (checked: no transparency, RGB or grey).
 * @returns The XObject reference.
 */
export async function embedScan(doc: PDFDocument, bytes: Uint8Array, f: ScanFacts): Promise<PDFRef> {
  if (f.format === 'jpeg') return jpegXObject(doc, bytes, f);
  if (embedsAsIs(f)) return pngXObject(doc, f);
  const image = await doc.embedPng(bytes);
  return image.ref;
}
