/**
 * The checks a scan passes before it becomes a page of a PDF/A-1b pièce justificative: readable,
 * JPEG or PNG, no transparency, an accepted colour mode, a resolution at or above the floor, a page
 * size within bounds. Each failure is a typed issue at `['pages', i]`.
 */
import type { Issue, IssuePath } from '../core/issues/index';
import { createIssueFactory } from '../core/issues/index';
import { SCOR_CODES } from './codes';
import type { ScanFacts } from './image/model';
import { readScanFacts } from './image/readScan';
import type { PdfAConfig } from './options';

const issue = createIssueFactory(SCOR_CODES);

/** A4 in points (210 × 297 mm): the page an image without density is fitted to. */
const A4_PT: readonly [number, number] = [595.28, 841.89];
const PT_PER_MM = 72 / 25.4;

/** One checked scan and the page it makes. */
export interface PageLayout {
  readonly facts: ScanFacts;
  /** Page width and height, points. */
  readonly widthPt: number;
  readonly heightPt: number;
  /** The resolution the page gives the image (declared, or effective once fitted to A4). */
  readonly dpi: number;
}

const mm = (pt: number): string => `${Math.round(pt / PT_PER_MM)} mm`;

/**
 * Checks one scan and lays out its page.
 *
 * @param bytes - The image bytes.
 * @param index - Its page index (issue path `['pages', index]`).
 * @param config - The options in force.
 * @param issues - Collector (errors and warnings).
 * @returns The layout, or `undefined` when the image cannot make a page.
 */
export function checkScan(bytes: Uint8Array, index: number, config: PdfAConfig, issues: Issue[]): PageLayout | undefined {
  const path = ['pages', index];
  const read = readScanFacts(bytes, path);
  if (!read.ok) {
    issues.push(...read.issues);
    return undefined;
  }
  return checkScanFacts(read.value, path, config, issues);
}

/**
 * Checks the facts of one scan (read from an image file, or from a page of a scanned PDF) and
 * lays out its page.
 *
 * @param facts - The scan's facts.
 * @param path - Where it sits in the caller's input.
 * @param config - The options in force.
 * @param issues - Collector (errors and warnings).
 * @returns The layout, or `undefined` when the image cannot make a page.
 */
export function checkScanFacts(facts: ScanFacts, path: IssuePath, config: PdfAConfig, issues: Issue[]): PageLayout | undefined {
  const before = issues.filter((i) => i.severity === 'error').length;
  if (facts.width * facts.height > config.maxPixels) {
    issues.push(issue('SCOR_IMAGE_DIMENSIONS', { path, received: `${facts.width} × ${facts.height} pixels`, expected: `au plus ${config.maxPixels} pixels` }));
  }
  if (facts.format === 'png' && facts.transparency !== undefined) {
    issues.push(issue('SCOR_IMAGE_TRANSPARENT', { path, received: facts.transparency === 'alpha' ? 'PNG avec canal alpha' : 'PNG avec bloc tRNS' }));
  }
  if (facts.format === 'png' && facts.interlaced && facts.bitDepth < 8) {
    // pdf-lib's PNG decoder (UPNG) misreads some interlaced images below 8 bits (found by the
    // Preflight property): refused rather than risk a wrong picture.
    issues.push(issue('SCOR_IMAGE_UNSUPPORTED', { path, received: `PNG entrelacé en ${facts.bitDepth} bits`, expected: 'PNG non entrelacé, ou entrelacé en 8 ou 16 bits' }));
  }
  if (facts.colour === 'cmyk') {
    issues.push(issue('SCOR_IMAGE_COLOUR', { path, received: 'JPEG CMJN', expected: 'RVB ou niveaux de gris (intention de sortie sRGB)' }));
  } else if (!config.colours.includes(facts.colour)) {
    issues.push(issue('SCOR_IMAGE_COLOUR', { path, received: facts.colour, expected: config.colours.join(', ') }));
  }
  let widthPt: number;
  let heightPt: number;
  let dpi: number;
  if (facts.density !== undefined) {
    widthPt = (facts.width / facts.density.x) * 72;
    heightPt = (facts.height / facts.density.y) * 72;
    dpi = Math.min(facts.density.x, facts.density.y);
  } else {
    const [w, h] = facts.width <= facts.height ? A4_PT : [A4_PT[1], A4_PT[0]];
    const s = Math.min(w / facts.width, h / facts.height);
    widthPt = facts.width * s;
    heightPt = facts.height * s;
    dpi = 72 / s;
    issues.push(issue('SCOR_DENSITY_MISSING', { path, received: facts.format === 'png' ? 'PNG sans pHYs en pixels par mètre' : 'JPEG sans densité JFIF ni Exif', expected: `${Math.floor(dpi)} dpi effectifs`, severity: config.requireDensity ? 'error' : 'warning' }));
  }
  if (dpi + 0.5 < config.minDpi) {
    issues.push(issue('SCOR_RESOLUTION_LOW', { path, received: `${Math.floor(dpi)} dpi`, expected: `au moins ${config.minDpi} dpi` }));
  }
  const [shortPt, longPt] = widthPt <= heightPt ? [widthPt, heightPt] : [heightPt, widthPt];
  const [maxShort, maxLong] = config.maxPageMm;
  // 1 % tolerance: a scanner bed or a density rounded to an integer gives a few tenths of a mm more.
  if (shortPt > maxShort * PT_PER_MM * 1.01 || longPt > maxLong * PT_PER_MM * 1.01) {
    issues.push(issue('SCOR_PAGE_SIZE', { path, received: `${mm(widthPt)} × ${mm(heightPt)}`, expected: `au plus ${maxShort} × ${maxLong} mm` }));
  } else if (shortPt < config.minPageMm * PT_PER_MM) {
    issues.push(issue('SCOR_PAGE_SIZE', { path, received: `${mm(widthPt)} × ${mm(heightPt)}`, expected: `au moins ${config.minPageMm} mm de côté` }));
  }
  if (issues.filter((i) => i.severity === 'error').length > before) return undefined;
  return { facts, widthPt, heightPt, dpi };
}
