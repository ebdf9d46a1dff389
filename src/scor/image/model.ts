/**
 * What the scan readers learn from an image's own bytes (never by decoding its pixels).
 */

/** Colour mode of a scan: RGB (or a palette of colours), greyscale, or 1-bit black and white. */
export type ScanColour = 'colour' | 'greyscale' | 'bilevel';

/** Resolution declared by the file (dots per inch), when it declares one. */
export interface ScanDensity {
  readonly x: number;
  readonly y: number;
  /** Where it was read: JFIF APP0, Exif APP1, PNG pHYs, or the page size of the PDF it came from. */
  readonly from: 'JFIF' | 'Exif' | 'pHYs' | 'PDF';
}

/** Facts of a JPEG scan. */
export interface JpegFacts {
  readonly format: 'jpeg';
  readonly width: number;
  readonly height: number;
  /** Number of colour components (1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK). */
  readonly components: number;
  readonly colour: ScanColour | 'cmyk';
  readonly progressive: boolean;
  readonly density?: ScanDensity;
}

/** Facts of a PNG scan (with what embedding its compressed data as is needs). */
export interface PngFacts {
  readonly format: 'png';
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA). */
  readonly colourType: number;
  readonly interlaced: boolean;
  readonly colour: ScanColour;
  /** Alpha channel or tRNS chunk. */
  readonly transparency?: 'alpha' | 'tRNS';
  /** The PLTE chunk data (RGB triples) of a palette image. */
  readonly palette?: Uint8Array;
  /** The zlib data of the IDAT chunks, concatenated. */
  readonly idat: Uint8Array;
  readonly density?: ScanDensity;
}

/** Facts of a scan. */
export type ScanFacts = JpegFacts | PngFacts;
